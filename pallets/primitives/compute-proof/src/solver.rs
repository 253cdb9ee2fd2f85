//! The CPU reference solver: what the provider agent runs where it has no GPU kernel, and what
//! tests use to answer challenges, honestly or (to play a cheat) in part.
//!
//! It streams. For each product it generates the rows of `B_t` once (kept widened to `i16`,
//! `2·n·k` bytes, so the dot product maps onto the CPU's 16-bit multiply-add), then every
//! worker takes its own range of rows of `C_t`, two rows at a time so that each row of `B_t`
//! read from memory serves two dot products, and hashes each run of 64 elements into its leaf
//! at once. A worker holds two rows of `A_t` and two leaves of values, never a row of `C`;
//! only the leaf hashes are kept (32 bytes per 64 elements). A revealed leaf is recomputed
//! from the seed ([`leaf_values`]) rather than stored.

// Sizes and indices here are bounded by a validated shape (n, k ≤ 2^16, leaves ≤ 2^32) and
// the one product that could exceed a 32-bit `usize` is checked, so plain arithmetic cannot
// overflow.
#![allow(clippy::arithmetic_side_effects)]

use crate::{
	merkle::{leaf_hash, Hash, MerkleTree},
	task::{fill_blocks, leaf_position, Keys, Operand, Shape, ShapeError, LEAF_ELEMENTS},
};
use alloc::{vec, vec::Vec};

/// Accumulator lanes of the dot product: independent sums the compiler keeps in vector
/// registers (any order of wrapping additions gives the same result).
const LANES: usize = 16;

/// What a skipped leaf commits: cheap, and wrong wherever the product is not zero.
const SKIPPED: [i32; LEAF_ELEMENTS] = [0; LEAF_ELEMENTS];

/// A solved task: the commitment, and what the agent needs to open it.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Solution {
	/// The Merkle root to commit.
	pub root: Hash,
	/// The task's shape.
	pub shape: Shape,
	/// Every level of the tree, to read paths off.
	tree: MerkleTree,
}

impl Solution {
	/// The solution of `shape` whose leaf hashes, in order, are `leaves`: how a solver that
	/// hashes the leaves elsewhere (the agent's GPU solver) has the tree built. `None` when the
	/// shape is invalid or `leaves` is not exactly its leaf count.
	pub fn from_leaves(shape: Shape, leaves: Vec<Hash>) -> Option<Self> {
		shape.validate().ok()?;
		if u64::try_from(leaves.len()).ok()? != shape.leaf_count() {
			return None;
		}
		let tree = MerkleTree::new(leaves)?;
		Some(Self { root: tree.root(), shape, tree })
	}

	/// The leaf hashes, in order.
	pub fn leaves(&self) -> &[Hash] {
		self.tree.leaves()
	}

	/// The whole tree.
	pub fn tree(&self) -> &MerkleTree {
		&self.tree
	}

	/// The siblings of leaf `leaf_index`, leaf level first: what a reveal sends with the
	/// leaf's values. `None` past the last leaf.
	pub fn prove(&self, leaf_index: u64) -> Option<Vec<Hash>> {
		self.tree.path(leaf_index)
	}
}

/// Solve the whole task of `seed` on `threads` threads (at least one, at most `n / 2`).
pub fn solve(seed: &[u8; 32], shape: &Shape, threads: usize) -> Result<Solution, ShapeError> {
	solve_partially(seed, shape, threads, |_| true)
}

/// Solve only the leaves that `computes` accepts; every other leaf commits zeros. Tests use it
/// to play a provider that skips part of the work, with [`leaf_values_partially`] to reveal
/// consistently: a sample then fails exactly when it falls on a skipped leaf (whose true
/// product is not all zeros).
pub fn solve_partially(
	seed: &[u8; 32],
	shape: &Shape,
	threads: usize,
	computes: impl Fn(u64) -> bool + Sync,
) -> Result<Solution, ShapeError> {
	shape.validate()?;
	let keys = Keys::from_seed(seed);
	let too_big = |_| ShapeError::TooManyLeaves;
	let n = usize::try_from(shape.n).map_err(too_big)?;
	let k = usize::try_from(shape.k).map_err(too_big)?;
	let per_row = usize::try_from(shape.leaves_per_row()).map_err(too_big)?;
	let leaf_count = usize::try_from(shape.leaf_count()).map_err(too_big)?;
	let b_len = n.checked_mul(k).ok_or(ShapeError::TooManyLeaves)?;

	// An even number of rows per worker, so that each worker's rows pair up (`n` is even).
	let workers = threads.min(n / 2).max(1);
	let rows_per_worker = n.div_ceil(workers).next_multiple_of(2);

	let mut leaves = vec![[0u8; 32]; leaf_count];
	let mut b = vec![0i16; b_len];
	for (t, product_leaves) in (0u32..).zip(leaves.chunks_exact_mut(n * per_row)) {
		std::thread::scope(|scope| {
			let firsts = (0u32..).step_by(rows_per_worker);
			for (first, rows) in firsts.zip(b.chunks_mut(rows_per_worker * k)) {
				let keys = &keys;
				scope.spawn(move || {
					for (j, row) in (first..).zip(rows.chunks_exact_mut(k)) {
						fill_blocks(Operand::B, keys, t, j, row);
					}
				});
			}
		});
		let product = Product { keys: &keys, shape, t, k, per_row, b: &b };
		let computes = &computes;
		std::thread::scope(|scope| {
			let firsts = (0u32..).step_by(rows_per_worker);
			for (first, leaves) in firsts.zip(product_leaves.chunks_mut(rows_per_worker * per_row))
			{
				let product = &product;
				scope.spawn(move || product.solve_rows(first, leaves, computes));
			}
		});
	}
	Solution::from_leaves(*shape, leaves).ok_or(ShapeError::TooManyLeaves)
}

/// One product being solved, shared by its workers.
struct Product<'a> {
	keys: &'a Keys,
	shape: &'a Shape,
	t: u32,
	k: usize,
	per_row: usize,
	/// All rows of `B_t`, widened.
	b: &'a [i16],
}

impl Product<'_> {
	/// The index of the first leaf of row `i` of `C_t`.
	fn first_leaf(&self, i: u32) -> u64 {
		(u64::from(self.t) * u64::from(self.shape.n) + u64::from(i))
			* u64::from(self.shape.leaves_per_row())
	}

	/// Hash the leaves of the rows from `first` on into `leaves`, which holds whole rows of
	/// leaves, an even number of them.
	fn solve_rows(&self, first: u32, leaves: &mut [Hash], computes: &impl Fn(u64) -> bool) {
		let mut a = vec![0i16; 2 * self.k];
		let (a0, a1) = a.split_at_mut(self.k);
		for (i, pair) in (first..).step_by(2).zip(leaves.chunks_exact_mut(2 * self.per_row)) {
			let (leaves0, leaves1) = pair.split_at_mut(self.per_row);
			let (first0, first1) = (self.first_leaf(i), self.first_leaf(i + 1));
			let mut generated = false;
			let columns = self.b.chunks_exact(LEAF_ELEMENTS * self.k);
			for ((c, (hash0, hash1)), b_rows) in
				(0u64..).zip(leaves0.iter_mut().zip(leaves1)).zip(columns)
			{
				let (honest0, honest1) = (computes(first0 + c), computes(first1 + c));
				let (mut values0, mut values1) = (SKIPPED, SKIPPED);
				if honest0 || honest1 {
					// A row of `A_t` is generated only if some leaf of it is computed.
					if !generated {
						fill_blocks(Operand::A, self.keys, self.t, i, a0);
						fill_blocks(Operand::A, self.keys, self.t, i + 1, a1);
						generated = true;
					}
					let products = values0.iter_mut().zip(values1.iter_mut());
					for ((value0, value1), b_row) in products.zip(b_rows.chunks_exact(self.k)) {
						(*value0, *value1) = dot2(a0, a1, b_row);
					}
				}
				*hash0 = leaf_hash(if honest0 { &values0 } else { &SKIPPED });
				*hash1 = leaf_hash(if honest1 { &values1 } else { &SKIPPED });
			}
		}
	}
}

/// `a · y` in wrapping `i32`, for slices whose length is a multiple of `LANES`.
#[inline(always)]
fn multiply_add(sums: &mut [i32; LANES], a: &[i16], y: &[i16]) {
	for ((sum, a), y) in sums.iter_mut().zip(a).zip(y) {
		*sum = sum.wrapping_add(i32::from(*a).wrapping_mul(i32::from(*y)));
	}
}

/// The sum of the lanes.
#[inline(always)]
fn total(sums: &[i32; LANES]) -> i32 {
	sums.iter().fold(0, |total, sum| total.wrapping_add(*sum))
}

/// `(a0 · y, a1 · y)`: two dot products that read `y` once.
#[inline]
fn dot2(a0: &[i16], a1: &[i16], y: &[i16]) -> (i32, i32) {
	let (mut sums0, mut sums1) = ([0i32; LANES], [0i32; LANES]);
	let chunks = a0.chunks_exact(LANES).zip(a1.chunks_exact(LANES));
	for ((x0, x1), y) in chunks.zip(y.chunks_exact(LANES)) {
		multiply_add(&mut sums0, x0, y);
		multiply_add(&mut sums1, x1, y);
	}
	(total(&sums0), total(&sums1))
}

/// `a · y`.
#[inline]
fn dot(a: &[i16], y: &[i16]) -> i32 {
	let mut sums = [0i32; LANES];
	for (x, y) in a.chunks_exact(LANES).zip(y.chunks_exact(LANES)) {
		multiply_add(&mut sums, x, y);
	}
	total(&sums)
}

/// The 64 values of leaf `leaf_index`, recomputed from the seed (`64 · k` multiply-adds):
/// what the agent reveals for a sample. `None` outside a valid shape.
pub fn leaf_values(
	seed: &[u8; 32],
	shape: &Shape,
	leaf_index: u64,
) -> Option<[i32; LEAF_ELEMENTS]> {
	leaf_values_partially(seed, shape, leaf_index, |_| true)
}

/// The values of leaf `leaf_index` as [`solve_partially`] with the same `computes` committed
/// them: zeros where `computes` refuses the leaf.
pub fn leaf_values_partially(
	seed: &[u8; 32],
	shape: &Shape,
	leaf_index: u64,
	computes: impl Fn(u64) -> bool,
) -> Option<[i32; LEAF_ELEMENTS]> {
	let (t, i, first) = leaf_position(shape, leaf_index)?;
	if !computes(leaf_index) {
		return Some(SKIPPED);
	}
	let keys = Keys::from_seed(seed);
	let k = usize::try_from(shape.k).ok()?;
	let (mut a, mut b) = (vec![0i16; k], vec![0i16; k]);
	fill_blocks(Operand::A, &keys, t, i, &mut a);
	let mut values = [0i32; LEAF_ELEMENTS];
	for (j, value) in (first..).zip(values.iter_mut()) {
		fill_blocks(Operand::B, &keys, t, j, &mut b);
		*value = dot(&a, &b);
	}
	Some(values)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_solution_is_rebuilt_from_its_leaves() {
		let shape = Shape { n: 64, k: 16, batch: 2 };
		let solution = solve(&[3; 32], &shape, 1).expect("valid");
		let leaves = solution.leaves().to_vec();
		assert_eq!(Solution::from_leaves(shape, leaves.clone()), Some(solution));
		let short = leaves.get(..64).map(<[Hash]>::to_vec).unwrap_or_default();
		assert_eq!(Solution::from_leaves(shape, short), None, "a power of two, not the count");
		assert_eq!(Solution::from_leaves(Shape { n: 3, ..shape }, leaves), None);
	}

	#[test]
	fn the_widened_dot_products_match_the_narrow_one() {
		let k = crate::MAX_K as usize;
		let extremes = [i8::MIN, i8::MAX, -1, 0, 1];
		let a: Vec<i8> = (0..k).map(|x| extremes[x % 5]).collect();
		let b: Vec<i8> = (0..k).map(|x| extremes[(x / 5) % 5]).collect();
		let widen = |row: &[i8]| row.iter().map(|x| i16::from(*x)).collect::<Vec<_>>();
		let (a16, b16) = (widen(&a), widen(&b));
		let expected = crate::task::dot(&a, &b);
		assert_eq!(dot(&a16, &b16), expected);
		assert_eq!(dot2(&a16, &b16, &b16), (expected, crate::task::dot(&b, &b)));
		// The largest magnitude the limits allow.
		let min = vec![i16::from(i8::MIN); k];
		assert_eq!(dot(&min, &min), (1 << 14) * k as i32);
	}
}
