//! Benchmarks of the pallet's calls and block hook, each at its worst case: deadline queues full
//! up to the last block a deadline may spill to, a reveal of the deepest tree with the longest
//! rows, draws that each issue a challenge, and an expiry that reports an offence.

use super::*;
use alloc::{vec, vec::Vec};
use ember_compute_proof::{
	element, leaf_hash, node_hash, samples, Hash, Keys, Shape, LEAF_ELEMENTS, MAX_K, MIN_K,
};
use ember_primitives::{GpuModelName, GpuUuidHash, ProviderRegistry};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{One, Saturating};

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// Move to block `block`, recording the VRF output of every block before it that a seed or a
/// sample set may read.
fn go_to<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
	let mut recorded = block.saturating_sub(Pallet::<T>::randomness_retention());
	while recorded < block {
		BlockRandomness::<T>::insert(recorded, H256::repeat_byte(7));
		recorded = recorded.saturating_add(One::one());
	}
}

/// Fill the deadline queues of the `MaxSpill` blocks from `first` on, so that a deadline aimed
/// at `first` tries each and lands in the last.
fn fill_deadlines_from<T: Config>(first: BlockNumberFor<T>) {
	let mut block = first;
	let mut filler = ChallengeId::MAX;
	for _ in 0..T::MaxSpill::get() {
		while Deadlines::<T>::try_append(block, filler).is_ok() {
			filler = filler.saturating_sub(1);
		}
		block = block.saturating_add(One::one());
	}
}

/// The first GPU of a benchmark provider.
fn first_gpu<T: Config>(provider: &T::AccountId) -> GpuUuidHash {
	T::Registry::gpus(provider).first().map(|gpu| gpu.uuid_hash).unwrap_or_default()
}

/// A provider, its agent and an open challenge of its first GPU, issued at the current block.
fn challenged<T: Config>() -> (T::AccountId, T::AccountId, ChallengeId) {
	let (provider, agent) = T::BenchmarkHelper::provider(0, 1);
	let gpu = first_gpu::<T>(&provider);
	let id = NextChallengeId::<T>::get();
	Pallet::<T>::do_request(&agent, gpu).expect("a new GPU may ask for a challenge");
	assert_eq!(NextChallengeId::<T>::get(), id + 1, "a round of one GPU");
	(provider, agent, id)
}

/// The smallest tree a shape may have (64 leaves), with rows of `k`: small enough to answer
/// in full inside a benchmark.
fn smallest(k: u32) -> Shape {
	Shape { n: 64, k, batch: 1 }
}

/// A shape whose tree has depth `d` (at least 6).
fn of_depth(d: u32) -> Shape {
	let d = d.clamp(6, 32);
	let a = ((d - 6) / 2).min(10);
	Shape { n: 64 << a, k: MIN_K, batch: 1 << (d - 6 - 2 * a) }
}

/// Every leaf of `shape` (of 64 leaves at most), computed from `keys`.
fn all_leaves(keys: &Keys, shape: &Shape) -> Vec<[i32; LEAF_ELEMENTS]> {
	(0..shape.leaf_count())
		.map(|leaf| {
			let mut values = [0i32; LEAF_ELEMENTS];
			for (offset, value) in values.iter_mut().enumerate() {
				let g = leaf * LEAF_ELEMENTS as u64 + offset as u64;
				let n = u64::from(shape.n);
				let (t, i, j) = ((g / n / n) as u32, ((g / n) % n) as u32, (g % n) as u32);
				*value = element(keys, shape, t, i, j).unwrap_or_default();
			}
			values
		})
		.collect()
}

/// The levels of the tree over `leaves`, leaves first.
fn levels(leaves: &[[i32; LEAF_ELEMENTS]]) -> Vec<Vec<Hash>> {
	let mut levels = vec![leaves.iter().map(leaf_hash).collect::<Vec<_>>()];
	while let Some(below) = levels.last().filter(|level| level.len() > 1) {
		let above = below.chunks(2).map(|pair| node_hash(&pair[0], &pair[1])).collect();
		levels.push(above);
	}
	levels
}

/// The siblings of `leaf` in `levels`.
fn path(levels: &[Vec<Hash>], leaf: u64) -> Vec<Hash> {
	let mut index = leaf as usize;
	let mut path = Vec::new();
	for level in &levels[..levels.len() - 1] {
		path.push(level[index ^ 1]);
		index >>= 1;
	}
	path
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A renewal of a provider with the most GPUs, all of one model, `g` of them idle: a round
	/// of `g` challenges whose commit deadlines spill to the last block they may.
	#[benchmark]
	fn request_challenge(g: Linear<1, { T::MaxGpusPerProvider::get() }>) {
		go_to::<T>(T::ProofValidity::get().saturating_add(One::one()));
		let (provider, agent) = T::BenchmarkHelper::provider(0, T::MaxGpusPerProvider::get());
		let gpus = T::Registry::gpus(&provider);
		let gpu = first_gpu::<T>(&provider);
		let model = Pallet::<T>::model_of(&provider, gpu).unwrap_or_default();
		Proofs::<T>::insert(&provider, gpu, GpuProof { proven_at: One::one(), model });
		// The GPUs beyond the first `g` are busy with another challenge.
		for (busy, spec) in gpus.iter().enumerate().skip(g as usize) {
			ChallengeOfGpu::<T>::insert(&provider, spec.uuid_hash, u64::MAX - busy as u64);
		}
		fill_deadlines_from::<T>(
			now::<T>().saturating_add(T::CommitBlocks::get()).saturating_add(One::one()),
		);
		// Room for the round in the last block a deadline may spill to.
		let last = now::<T>()
			.saturating_add(T::CommitBlocks::get())
			.saturating_add(T::MaxSpill::get().into());
		Deadlines::<T>::mutate(last, |queue| {
			let keep = (T::MaxDeadlinesPerBlock::get().saturating_sub(g)) as usize;
			queue.truncate(keep);
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(agent), gpu);

		assert!(ChallengeOfGpu::<T>::contains_key(&provider, gpu));
		assert_eq!(NextChallengeId::<T>::get(), u64::from(g), "a round of every idle GPU");
	}

	/// A commitment whose reveal deadline spills to the last block it may.
	#[benchmark]
	fn commit() {
		go_to::<T>(One::one());
		let (_, agent, id) = challenged::<T>();
		go_to::<T>(now::<T>().saturating_add(One::one()));
		fill_deadlines_from::<T>(
			now::<T>().saturating_add(T::RevealBlocks::get()).saturating_add(One::one()),
		);
		let info = OpenChallenges::<T>::get(id).expect("issued");
		let seed = H256(Pallet::<T>::seed_of(id, &info).expect("recorded"));

		#[extrinsic_call]
		_(RawOrigin::Signed(agent), id, seed, H256::repeat_byte(1));

		assert!(matches!(
			OpenChallenges::<T>::get(id).map(|info| info.phase),
			Some(Phase::Committed { .. })
		));
	}

	/// A passing reveal of the smallest tree with rows of `k`: every path and every element
	/// checked. Deeper trees add `merkle_path` per sample.
	#[benchmark]
	fn reveal(k: Linear<MIN_K, MAX_K>) {
		let k = k.next_power_of_two().clamp(MIN_K, MAX_K);
		let shape = smallest(k);
		DefaultShape::<T>::put(shape);
		go_to::<T>(One::one());
		let (provider, agent, id) = challenged::<T>();
		go_to::<T>(now::<T>().saturating_add(One::one()));
		let info = OpenChallenges::<T>::get(id).expect("issued");
		let seed = Pallet::<T>::seed_of(id, &info).expect("recorded");
		let keys = Keys::from_seed(&seed);
		let leaves = all_leaves(&keys, &shape);
		let tree = levels(&leaves);
		let root = H256(tree.last().and_then(|level| level.first()).copied().unwrap_or_default());
		Pallet::<T>::do_commit(&agent, id, H256(seed), root).expect("in time");
		let committed_at = now::<T>();
		go_to::<T>(committed_at.saturating_add(2u32.into()));
		let sample_seed = Pallet::<T>::sample_seed_of(id, committed_at, root).expect("recorded");
		let openings: Vec<Opening> = samples(&sample_seed, &shape, T::Samples::get())
			.map(|sample| Opening {
				values: leaves[sample.leaf as usize],
				path: BoundedVec::truncate_from(path(&tree, sample.leaf)),
			})
			.collect();
		let openings = BoundedVec::truncate_from(openings);

		#[extrinsic_call]
		_(RawOrigin::Signed(agent), id, openings);

		assert!(OpenChallenges::<T>::get(id).is_none());
		assert!(Proofs::<T>::contains_key(&provider, info.gpu), "the answer passed");
	}

	/// One leaf's path of depth `d` checked: what each sample of a deeper tree adds.
	#[benchmark]
	fn merkle_path(d: Linear<6, 32>) {
		let shape = of_depth(d);
		let values = [3i32; LEAF_ELEMENTS];
		let siblings: Vec<Hash> = (0..shape.depth()).map(|level| [level as u8; 32]).collect();
		let leaf = shape.leaf_count() - 1;
		let root = ember_compute_proof::root_from_path(leaf_hash(&values), leaf, &siblings);
		let verified;

		#[block]
		{
			verified = ember_compute_proof::verify_leaf(&root, &shape, leaf, &values, &siblings);
		}

		assert!(verified);
	}

	#[benchmark]
	fn set_shape() -> Result<(), BenchmarkError> {
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let model: GpuModelName = BoundedVec::truncate_from(vec![b'G'; 64]);
		let shape = Shape { n: 1_024, k: 8_192, batch: 8 };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(model.clone()), Some(shape));

		assert_eq!(Shapes::<T>::get(&model), Some(shape));
		Ok(())
	}

	#[benchmark]
	fn note_randomness() {
		let block = Pallet::<T>::randomness_retention().saturating_add(10u32.into());
		frame_system::Pallet::<T>::set_block_number(block);
		let stale = block
			.saturating_sub(One::one())
			.saturating_sub(Pallet::<T>::randomness_retention());
		BlockRandomness::<T>::insert(stale, H256::repeat_byte(1));

		#[block]
		{
			Pallet::<T>::note_randomness(block);
		}

		assert!(BlockRandomness::<T>::get(stale).is_none());
	}

	/// `d` draws among providers of one GPU each: every draw's round is taken and issues a
	/// challenge where it can. (A provider's larger rounds are charged per challenge beyond
	/// this, by `issue_weight`.)
	#[benchmark]
	fn draw_random_challenges(d: Linear<1, { T::MaxDrawsPerBlock::get() }>) {
		go_to::<T>(One::one());
		for index in 0..d {
			T::BenchmarkHelper::provider(index, 1);
		}
		let targets = TargetCount::<T>::get();
		let period = T::ChallengePeriod::get();
		DrawCarry::<T>::put(d.saturating_mul(period).saturating_sub(targets));
		let block = now::<T>();

		#[block]
		{
			Pallet::<T>::draw_random_challenges(block);
		}

		assert!(NextChallengeId::<T>::get() > 0, "a draw issued a challenge");
	}

	/// An expiry of a challenge still computing: a failure at the window's threshold, which
	/// reports an offence.
	#[benchmark]
	fn expire_one() {
		go_to::<T>(One::one());
		let (provider, _, id) = challenged::<T>();
		let mut window = ResultWindow::default();
		for _ in 1..T::FailureThreshold::get() {
			window = window.push(true, T::ResultWindow::get());
		}
		Results::<T>::insert(&provider, window);
		let after = now::<T>().saturating_add(T::CommitBlocks::get()).saturating_add(One::one());
		frame_system::Pallet::<T>::set_block_number(after);

		#[block]
		{
			Pallet::<T>::expire_due(after);
		}

		assert!(OpenChallenges::<T>::get(id).is_none());
	}

	/// An empty deadline queue taken.
	#[benchmark]
	fn expire_queue() {
		let block: BlockNumberFor<T> = 10u32.into();
		frame_system::Pallet::<T>::set_block_number(block);

		#[block]
		{
			Pallet::<T>::expire_due(block);
		}

		assert!(DeadlineBacklog::<T>::get().is_none());
	}

	/// `g` GPUs replaced by `g` others, each proven before.
	#[benchmark]
	fn inventory_changed(g: Linear<1, { T::MaxGpusPerProvider::get() }>) {
		let (provider, _) = T::BenchmarkHelper::provider(0, g);
		let before = T::Registry::gpus(&provider);
		for gpu in &before {
			Proofs::<T>::insert(
				&provider,
				gpu.uuid_hash,
				GpuProof { proven_at: One::one(), model: H256::zero() },
			);
		}
		let after: Vec<_> = before
			.iter()
			.map(|gpu| {
				let mut other = gpu.clone();
				other.uuid_hash = H256(sp_crypto_hashing::blake2_256(gpu.uuid_hash.as_ref()));
				other
			})
			.collect();

		#[block]
		{
			Pallet::<T>::follow_inventory(&provider, &before, &after);
		}

		assert!(Proofs::<T>::iter_prefix(&provider).next().is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
