//! The task, the commitment and the checks agree: what the honest solver commits, the chain's
//! checks accept, and every kind of tampering is refused by name.

use crate::{philox::philox4x32_10, solver, task::dot, *};
use codec::{Decode, Encode, MaxEncodedLen};

fn seed(byte: u8) -> [u8; 32] {
	[byte; 32]
}

/// A whole row, as the test's reference generator.
fn full_row(keys: &Keys, operand: Operand, t: u32, r: u32, k: u32) -> Vec<i8> {
	let mut out = vec![0i8; k as usize];
	row(operand, keys, t, r, &mut out).expect("whole blocks");
	out
}

/// `C_t[i][j]` by the textbook loop over generated rows.
fn naive(keys: &Keys, shape: &Shape, t: u32, i: u32, j: u32) -> i32 {
	let a = full_row(keys, Operand::A, t, i, shape.k);
	let b = full_row(keys, Operand::B, t, j, shape.k);
	let mut sum = 0i32;
	for x in 0..shape.k as usize {
		sum += i32::from(a[x]) * i32::from(b[x]);
	}
	sum
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[test]
fn keys_are_the_first_words_of_the_domain_hashes() {
	let seed = seed(0xAB);
	let keys = Keys::from_seed(&seed);
	for (operand, domain) in
		[(Operand::A, b"ember/challenge/a"), (Operand::B, b"ember/challenge/b")]
	{
		let hash = sp_crypto_hashing::blake2_256(&[&domain[..], &seed[..]].concat());
		let expected = [
			u32::from_le_bytes(hash[0..4].try_into().unwrap()),
			u32::from_le_bytes(hash[4..8].try_into().unwrap()),
		];
		assert_eq!(keys.key(operand), expected);
	}
	assert_ne!(keys.key(Operand::A), keys.key(Operand::B));
	assert_ne!(Keys::from_seed(&[0xAC; 32]), keys);
}

#[test]
fn a_block_is_the_generator_output_read_as_little_endian_bytes() {
	let keys = Keys::from_seed(&seed(1));
	let (t, r, q) = (3, 70, 5);
	let words = philox4x32_10([q, r, t, 0], keys.key(Operand::B));
	let bytes: Vec<i8> =
		words.iter().flat_map(|word| word.to_le_bytes()).map(|b| b as i8).collect();
	assert_eq!(block(Operand::B, &keys, t, r, q).to_vec(), bytes);
	let whole = full_row(&keys, Operand::B, t, r, 256);
	assert_eq!(&whole[16 * q as usize..16 * q as usize + 16], &bytes[..]);
}

#[test]
fn rows_do_not_depend_on_their_length() {
	let keys = Keys::from_seed(&seed(2));
	let long = full_row(&keys, Operand::A, 1, 9, 4096);
	let short = full_row(&keys, Operand::A, 1, 9, 64);
	assert_eq!(&long[..64], &short[..]);
	// The whole `i8` range occurs, and operands, rows, products and seeds differ.
	assert!(long.contains(&i8::MIN) && long.contains(&i8::MAX));
	assert_ne!(long, full_row(&keys, Operand::B, 1, 9, 4096));
	assert_ne!(long, full_row(&keys, Operand::A, 1, 10, 4096));
	assert_ne!(long, full_row(&keys, Operand::A, 0, 9, 4096));
	assert_ne!(long, full_row(&Keys::from_seed(&seed(3)), Operand::A, 1, 9, 4096));
}

#[test]
fn row_refuses_partial_blocks_and_overlong_buffers() {
	let keys = Keys::from_seed(&seed(1));
	let mut partial = [7i8; 17];
	assert_eq!(row(Operand::A, &keys, 0, 0, &mut partial), Err(RowError::PartialBlock));
	assert_eq!(partial, [7; 17], "nothing is written");
	let mut long = vec![0i8; MAX_K as usize + 16];
	assert_eq!(row(Operand::A, &keys, 0, 0, &mut long), Err(RowError::TooLong));
	assert_eq!(row(Operand::A, &keys, 0, 0, &mut []), Ok(()));
}

#[test]
fn element_leaf_values_and_the_textbook_loop_agree() {
	for shape in [Shape { n: 64, k: 16, batch: 1 }, Shape { n: 128, k: 64, batch: 2 }] {
		let seed = seed(7);
		let keys = Keys::from_seed(&seed);
		let mut nonzero = 0;
		for leaf in 0..shape.leaf_count() {
			let values = solver::leaf_values(&seed, &shape, leaf).expect("in range");
			for (offset, value) in values.iter().enumerate() {
				let g = leaf * LEAF_ELEMENTS as u64 + offset as u64;
				let (t, i, j) = position(&shape, g).expect("in range");
				assert_eq!(
					(u64::from(t) * u64::from(shape.n) + u64::from(i)) * u64::from(shape.n)
						+ u64::from(j),
					g
				);
				assert_eq!(Some(*value), element(&keys, &shape, t, i, j));
				assert_eq!(*value, naive(&keys, &shape, t, i, j));
				nonzero += usize::from(*value != 0);
			}
		}
		assert!(nonzero as u64 > shape.elements() * 9 / 10, "products are not degenerate");
		assert_eq!(solver::leaf_values(&seed, &shape, shape.leaf_count()), None);
		assert_eq!(element(&keys, &shape, shape.batch, 0, 0), None);
		assert_eq!(element(&keys, &shape, 0, shape.n, 0), None);
		assert_eq!(element(&keys, &shape, 0, 0, shape.n), None);
		assert_eq!(position(&shape, shape.elements()), None);
	}
	let invalid = Shape { n: 64, k: 24, batch: 1 };
	assert_eq!(element(&Keys::from_seed(&seed(7)), &invalid, 0, 0, 0), None);
}

#[test]
fn the_extremes_of_the_entries_accumulate_exactly() {
	// The largest product magnitude, 2^14 per term, summed over the largest k, fits in i32.
	let a = vec![i8::MIN; MAX_K as usize];
	assert_eq!(dot(&a, &a), (MAX_K as i32) << 14);
	let b = vec![i8::MAX; MAX_K as usize];
	assert_eq!(dot(&a, &b), -(MAX_K as i32) * 128 * 127);
}

#[test]
fn the_whole_pipeline_is_pinned() {
	// Fixed answers for the all-zero seed, reproduced by a separate implementation of the
	// definition: an independent solver (a GPU kernel) must match them, and any change to
	// the task's definition shows here.
	let seed = seed(0);
	let keys = Keys::from_seed(&seed);
	assert_eq!(block(Operand::A, &keys, 0, 0, 0)[..4], [46, -73, -39, 58]);
	let shape = Shape { n: 256, k: 4096, batch: 4 };
	assert_eq!(element(&keys, &shape, 3, 200, 17), Some(508_327));
	let root = solver::solve(&seed, &Shape { n: 64, k: 16, batch: 1 }, 1).expect("valid").root;
	assert_eq!(hex(&root), "146323baea63c4ec34f9db38ce797467c34a7b8af7636f00ad68166e98cd4246");
}

#[test]
fn an_honest_solution_passes_every_sample() {
	let shape = Shape { n: 128, k: 64, batch: 2 };
	let seed = seed(3);
	let keys = Keys::from_seed(&seed);
	let solution = solver::solve(&seed, &shape, 2).expect("valid");
	assert_eq!(solution.leaves().len() as u64, shape.leaf_count());
	for sample_seed in 0..64u8 {
		for sample in samples(&[sample_seed; 32], &shape, 16) {
			let leaf = solver::leaf_values(&seed, &shape, sample.leaf).expect("in range");
			let path = solution.prove(sample.leaf).expect("in range");
			assert_eq!(path.len(), shape.depth() as usize);
			assert_eq!(check_sample(&keys, &shape, &solution.root, sample, &leaf, &path), Ok(()));
		}
	}
}

#[test]
fn tampering_fails_by_name() {
	let shape = Shape { n: 128, k: 64, batch: 2 };
	let seed = seed(3);
	let keys = Keys::from_seed(&seed);
	let solution = solver::solve(&seed, &shape, 2).expect("valid");
	let sample = Sample { leaf: 5, offset: 9 };
	let leaf = solver::leaf_values(&seed, &shape, 5).expect("in range");
	let path = solution.prove(5).expect("in range");
	let check = |sample: Sample, leaf: &[i32; LEAF_ELEMENTS], path: &[Hash]| {
		check_sample(&keys, &shape, &solution.root, sample, leaf, path)
	};
	assert_eq!(check(sample, &leaf, &path), Ok(()));

	// Another leaf's path, or another leaf's values with this one's path.
	let other_path = solution.prove(6).expect("in range");
	assert_eq!(check(sample, &leaf, &other_path), Err(SampleError::BadPath));
	let other_leaf = solver::leaf_values(&seed, &shape, 6).expect("in range");
	assert_eq!(check(sample, &other_leaf, &path), Err(SampleError::BadPath));
	// The right leaf and path presented for another index.
	assert_eq!(check(Sample { leaf: 4, offset: 9 }, &leaf, &path), Err(SampleError::BadPath));
	// A flipped sibling, at every level.
	for level in 0..path.len() {
		let mut flipped = path.clone();
		flipped[level][31] ^= 0x80;
		assert_eq!(check(sample, &leaf, &flipped), Err(SampleError::BadPath));
	}
	// A flipped value, sampled or not: the leaf hash changes, so the path fails.
	for offset in [9, 10] {
		let mut wrong = leaf;
		wrong[offset] ^= 1;
		assert_eq!(check(sample, &wrong, &path), Err(SampleError::BadPath));
	}
	// A path of the wrong length: short (proving an inner node) or long.
	assert_eq!(check(sample, &leaf, &path[1..]), Err(SampleError::BadPath));
	assert_eq!(check(sample, &leaf, &path[..path.len() - 1]), Err(SampleError::BadPath));
	let mut long = path.clone();
	long.push([0; 32]);
	assert_eq!(check(sample, &leaf, &long), Err(SampleError::BadPath));
	assert_eq!(check(sample, &leaf, &[]), Err(SampleError::BadPath));
	// Out of range: past the last leaf, past the leaf's end, or under an invalid shape.
	let beyond = Sample { leaf: shape.leaf_count(), offset: 0 };
	assert_eq!(check(beyond, &leaf, &path), Err(SampleError::OutOfRange));
	assert_eq!(
		check(Sample { leaf: u64::MAX, offset: 0 }, &leaf, &path),
		Err(SampleError::OutOfRange)
	);
	assert_eq!(check(Sample { leaf: 5, offset: 64 }, &leaf, &path), Err(SampleError::OutOfRange));
	let invalid = Shape { n: 96, ..shape };
	assert_eq!(
		check_sample(&keys, &invalid, &solution.root, sample, &leaf, &path),
		Err(SampleError::OutOfRange)
	);
	// The right commitment checked against another seed's matrices.
	assert_eq!(
		check_sample(&Keys::from_seed(&[4; 32]), &shape, &solution.root, sample, &leaf, &path),
		Err(SampleError::WrongValue)
	);
	// A consistent tree over a wrong leaf: the path holds, the value does not.
	let cheat = |leaf: u64| leaf != 5;
	let wrong_tree = solver::solve_partially(&seed, &shape, 1, cheat).expect("valid");
	let zeros = solver::leaf_values_partially(&seed, &shape, 5, cheat).expect("in range");
	assert_eq!(zeros, [0; LEAF_ELEMENTS]);
	let wrong_path = wrong_tree.prove(5).expect("in range");
	assert_eq!(
		check_sample(&keys, &shape, &wrong_tree.root, sample, &zeros, &wrong_path),
		Err(SampleError::WrongValue)
	);
	// The cheat's other leaves are honest, and pass under its root.
	let honest = Sample { leaf: 6, offset: 0 };
	let values = solver::leaf_values_partially(&seed, &shape, 6, cheat).expect("in range");
	let honest_path = wrong_tree.prove(6).expect("in range");
	assert_eq!(
		check_sample(&keys, &shape, &wrong_tree.root, honest, &values, &honest_path),
		Ok(())
	);
}

#[test]
fn a_partial_solution_fails_exactly_the_samples_on_skipped_leaves() {
	let shape = Shape { n: 64, k: 32, batch: 4 };
	let seed = seed(11);
	let keys = Keys::from_seed(&seed);
	// Skip one leaf in four.
	let computes = |leaf: u64| leaf % 4 != 3;
	let cheat = solver::solve_partially(&seed, &shape, 3, computes).expect("valid");
	let honest = solver::solve(&seed, &shape, 3).expect("valid");
	for (index, (cheated, real)) in cheat.leaves().iter().zip(honest.leaves()).enumerate() {
		assert_eq!(cheated == real, computes(index as u64), "leaf {index}");
	}
	let (mut passed, mut drawn) = (0, 0);
	for sample_seed in 0..32u8 {
		for sample in samples(&[sample_seed; 32], &shape, 8) {
			let values = solver::leaf_values_partially(&seed, &shape, sample.leaf, computes)
				.expect("in range");
			let path = cheat.prove(sample.leaf).expect("in range");
			let result = check_sample(&keys, &shape, &cheat.root, sample, &values, &path);
			if computes(sample.leaf) {
				assert_eq!(result, Ok(()));
				passed += 1;
			} else {
				assert_eq!(result, Err(SampleError::WrongValue));
			}
			drawn += 1;
		}
	}
	// About three in four pass.
	assert!((drawn * 6 / 10..=drawn * 9 / 10).contains(&passed), "{passed} of {drawn}");
}

#[test]
fn shapes_are_validated_by_name() {
	let valid = Shape { n: 64, k: 16, batch: 1 };
	assert_eq!(valid.validate(), Ok(()));
	assert_eq!(Shape { n: 65_536, k: 65_536, batch: 64 }.validate(), Ok(()));
	assert_eq!(Shape { n: 96, ..valid }.validate(), Err(ShapeError::SideNotPowerOfTwo));
	assert_eq!(Shape { n: 0, ..valid }.validate(), Err(ShapeError::SideNotPowerOfTwo));
	assert_eq!(Shape { n: 32, ..valid }.validate(), Err(ShapeError::SideOutOfRange));
	assert_eq!(Shape { n: 131_072, ..valid }.validate(), Err(ShapeError::SideOutOfRange));
	assert_eq!(Shape { k: 24, ..valid }.validate(), Err(ShapeError::InnerNotPowerOfTwo));
	assert_eq!(Shape { k: 0, ..valid }.validate(), Err(ShapeError::InnerNotPowerOfTwo));
	assert_eq!(Shape { k: 8, ..valid }.validate(), Err(ShapeError::InnerOutOfRange));
	assert_eq!(Shape { k: 131_072, ..valid }.validate(), Err(ShapeError::InnerOutOfRange));
	assert_eq!(Shape { batch: 3, ..valid }.validate(), Err(ShapeError::BatchNotPowerOfTwo));
	assert_eq!(Shape { batch: 0, ..valid }.validate(), Err(ShapeError::BatchNotPowerOfTwo));
	assert_eq!(Shape { batch: 2_048, ..valid }.validate(), Err(ShapeError::BatchOutOfRange));
	// 2^32 leaves is the most; 2^33 is one power too many.
	assert_eq!(Shape { n: 65_536, k: 16, batch: 64 }.validate(), Ok(()));
	assert_eq!(Shape { n: 65_536, k: 16, batch: 128 }.validate(), Err(ShapeError::TooManyLeaves));
	assert_eq!(Shape { n: 65_536, k: 16, batch: 1_024 }.validate(), Err(ShapeError::TooManyLeaves));
	assert!(solver::solve(&seed(0), &Shape { k: 8, ..valid }, 1).is_err());
}

#[test]
fn shape_sizes() {
	let shape = Shape { n: 256, k: 4096, batch: 4 };
	assert_eq!(shape.elements(), 4 * 256 * 256);
	assert_eq!(shape.leaf_count(), 4 * 256 * 256 / 64);
	assert_eq!(shape.depth(), 12);
	assert_eq!(shape.multiply_adds(), 4 * 256 * 256 * 4096);
	assert_eq!(shape.leaves_per_row(), 4);
	let smallest = Shape { n: 64, k: 16, batch: 1 };
	assert_eq!((smallest.leaf_count(), smallest.depth()), (64, 6));
	let largest = Shape { n: 65_536, k: 65_536, batch: 64 };
	assert_eq!((largest.leaf_count(), largest.depth()), (1 << 32, 32));
	assert_eq!(largest.multiply_adds(), 1 << 54);
}

#[test]
fn shapes_and_samples_encode_compactly() {
	let shape = Shape { n: 256, k: 4096, batch: 4 };
	assert_eq!(Shape::max_encoded_len(), 12);
	assert_eq!(Shape::decode(&mut &shape.encode()[..]), Ok(shape));
	let sample = Sample { leaf: 1 << 40, offset: 63 };
	assert_eq!(Sample::max_encoded_len(), 9);
	assert_eq!(Sample::decode(&mut &sample.encode()[..]), Ok(sample));
}

#[test]
fn a_sample_is_its_hash_masked() {
	let shape = Shape { n: 256, k: 16, batch: 4 };
	let sample_seed = seed(0x5A);
	let mut input = b"ember/challenge/sample".to_vec();
	input.extend_from_slice(&sample_seed);
	input.extend_from_slice(&7u32.to_le_bytes());
	let hash = sp_crypto_hashing::blake2_256(&input);
	let word = u64::from_le_bytes(hash[..8].try_into().unwrap());
	let expected = Sample { leaf: word % shape.leaf_count(), offset: hash[8] % 64 };
	assert_eq!(sample(&sample_seed, &shape, 7), expected);
	assert_eq!(expected, Sample { leaf: 2_130, offset: 12 }, "pinned");
	assert_eq!(samples(&sample_seed, &shape, 8).nth(7), Some(expected));
	assert_eq!(samples(&sample_seed, &shape, 8).count(), 8);
	assert_eq!(samples(&sample_seed, &shape, 0).count(), 0);
	assert_eq!(Sample { leaf: 3, offset: 5 }.element_index(), Some(197));
	assert_eq!(Sample { leaf: u64::MAX, offset: 5 }.element_index(), None);
}

#[test]
fn samples_reach_every_leaf_and_offset_evenly() {
	let shape = Shape { n: 64, k: 16, batch: 2 };
	let mut leaves = vec![0u32; shape.leaf_count() as usize];
	let mut offsets = [0u32; LEAF_ELEMENTS];
	for seed in 0..128u8 {
		for sample in samples(&[seed; 32], &shape, 64) {
			leaves[sample.leaf as usize] += 1;
			offsets[usize::from(sample.offset)] += 1;
		}
	}
	// 8,192 draws: 64 per leaf on average (σ ≈ 8), 128 per offset (σ ≈ 11). The bounds are
	// over five σ out, so a correct draw fails them with negligible odds, while a modulo bias
	// or a missing bit would not pass.
	assert!(leaves.iter().all(|count| (24..=104).contains(count)), "{leaves:?}");
	assert!(offsets.iter().all(|count| (72..=184).contains(count)), "{offsets:?}");
	let low_half: u32 = leaves[..leaves.len() / 2].iter().sum();
	assert!((3_700..=4_500).contains(&low_half), "{low_half}");
}

#[test]
fn threads_do_not_change_the_answer() {
	let shape = Shape { n: 256, k: 32, batch: 2 };
	let one = solver::solve(&seed(9), &shape, 1).expect("valid");
	for threads in [0, 2, 3, 7, 1_000] {
		assert_eq!(solver::solve(&seed(9), &shape, threads).expect("valid"), one, "{threads}");
	}
	assert_ne!(one.root, solver::solve(&seed(10), &shape, 3).expect("valid").root);
	// The committed leaves are the recomputed ones.
	for leaf in [0, 1, 17, shape.leaf_count() - 1] {
		let values = solver::leaf_values(&seed(9), &shape, leaf).expect("in range");
		assert_eq!(one.leaves()[leaf as usize], leaf_hash(&values));
	}
}

#[test]
fn every_path_of_a_tree_verifies() {
	let shape = Shape { n: 64, k: 16, batch: 4 };
	let solution = solver::solve(&seed(5), &shape, 2).expect("valid");
	let tree = solution.tree();
	assert_eq!(tree.depth(), shape.depth() as usize);
	for index in 0..shape.leaf_count() {
		let values = solver::leaf_values(&seed(5), &shape, index).expect("in range");
		let path = tree.path(index).expect("in range");
		assert!(verify_leaf(&solution.root, &shape, index, &values, &path));
		assert!(!verify_leaf(&solution.root, &shape, index ^ 1, &values, &path));
	}
	assert_eq!(tree.path(shape.leaf_count()), None);
	// The root is the two halves' roots joined.
	let half = tree.leaves().len() / 2;
	let left = MerkleTree::new(tree.leaves()[..half].to_vec()).expect("power of two").root();
	let right = MerkleTree::new(tree.leaves()[half..].to_vec()).expect("power of two").root();
	assert_eq!(node_hash(&left, &right), solution.root);
}

#[test]
fn a_single_leaf_tree_is_its_leaf_and_other_sizes_are_refused() {
	let tree = MerkleTree::new(vec![[4; 32]]).expect("one is a power of two");
	assert_eq!(tree.root(), [4; 32]);
	assert_eq!(tree.path(0), Some(vec![]));
	assert_eq!(tree.path(1), None);
	assert!(MerkleTree::new(vec![[0; 32]; 3]).is_none());
	assert!(MerkleTree::new(vec![]).is_none());
}

#[test]
fn leaves_and_nodes_hash_in_separate_domains() {
	let values: [i32; LEAF_ELEMENTS] = core::array::from_fn(|x| x as i32 - 32);
	let mut bytes = vec![0u8];
	for value in values {
		bytes.extend_from_slice(&value.to_le_bytes());
	}
	assert_eq!(leaf_hash(&values), sp_crypto_hashing::blake2_256(&bytes));
	let (left, right) = ([1u8; 32], [2u8; 32]);
	let node = [&[1u8][..], &left[..], &right[..]].concat();
	assert_eq!(node_hash(&left, &right), sp_crypto_hashing::blake2_256(&node));
	assert_ne!(node_hash(&left, &right), node_hash(&right, &left));
}
