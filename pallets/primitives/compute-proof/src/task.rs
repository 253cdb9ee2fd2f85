//! The task: `batch` products `C_t = A_t · B_tᵀ` of `n×k` `i8` matrices, accumulated in `i32`.
//!
//! Entries come from Philox4x32-10 under a key derived from the seed, sixteen per call: block
//! `q` of row `r` of matrix `t` is the output of counter `[q, r, t, 0]`, its 16 bytes read as
//! `i8` in little-endian word order. An entry depends only on the seed, the operand and its
//! position, not on the shape, so any row, and so any element of `C`, is computable on its own.

use crate::philox::philox4x32_10;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Values in one leaf of the commitment: a run of consecutive elements of one row of `C`.
pub const LEAF_ELEMENTS: usize = 64;
/// Entries one generator call yields.
pub const BLOCK_ENTRIES: usize = 16;

/// Smallest inner dimension: one generator block.
pub const MIN_K: u32 = 16;
/// Largest inner dimension: `|C[i][j]| ≤ k · 2^14 ≤ 2^30`, so `i32` never overflows.
pub const MAX_K: u32 = 65_536;
/// Smallest matrix side: one leaf, so that no leaf spans two rows of `C`.
pub const MIN_N: u32 = 64;
/// Largest matrix side.
pub const MAX_N: u32 = 65_536;
/// Most products in one task.
pub const MAX_BATCH: u32 = 1_024;
/// Most leaves in one commitment, so that a leaf index and a depth stay small.
pub const MAX_LEAVES: u64 = 1 << 32;

// `MIN_N` is the leaf size as a `u32`; both must move together.
const _: () = assert!(MIN_N as usize == LEAF_ELEMENTS);

/// `BLOCK_ENTRIES` as a `u32`, for block counts.
const BLOCK_ENTRIES_U32: u32 = 16;
const _: () = assert!(BLOCK_ENTRIES_U32 as usize == BLOCK_ENTRIES);

/// Domain of the key of `A`.
const DOMAIN_A: &[u8; 17] = b"ember/challenge/a";
/// Domain of the key of `B`.
const DOMAIN_B: &[u8; 17] = b"ember/challenge/b";

/// The size of a task.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub struct Shape {
	/// Rows of `A_t` and `B_t`, so the side of `C_t`.
	pub n: u32,
	/// Columns of `A_t` and `B_t`: the length of each dot product.
	pub k: u32,
	/// Number of products.
	pub batch: u32,
}

/// Why a shape is not a task the chain can check.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum ShapeError {
	/// `n` is not a power of two.
	SideNotPowerOfTwo,
	/// `n` is outside `MIN_N..=MAX_N`.
	SideOutOfRange,
	/// `k` is not a power of two.
	InnerNotPowerOfTwo,
	/// `k` is outside `MIN_K..=MAX_K`.
	InnerOutOfRange,
	/// `batch` is not a power of two (zero is not one).
	BatchNotPowerOfTwo,
	/// `batch` is above `MAX_BATCH`.
	BatchOutOfRange,
	/// The commitment would have more than `MAX_LEAVES` leaves (or more than this machine can
	/// index, for the solver).
	TooManyLeaves,
}

impl core::fmt::Display for ShapeError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			Self::SideNotPowerOfTwo => "n is not a power of two",
			Self::SideOutOfRange => "n is outside 64..=65536",
			Self::InnerNotPowerOfTwo => "k is not a power of two",
			Self::InnerOutOfRange => "k is outside 16..=65536",
			Self::BatchNotPowerOfTwo => "batch is not a power of two",
			Self::BatchOutOfRange => "batch is above 1024",
			Self::TooManyLeaves => "batch·n·n/64 is above 2^32",
		})
	}
}

#[cfg(feature = "std")]
impl std::error::Error for ShapeError {}

impl Shape {
	/// Whether the shape is a task the chain can check. Every other item of this crate gives
	/// `None`, an error or `false` for a shape that fails this.
	///
	/// A valid shape has at least 64 leaves (`n ≥ 64`), all its sizes are powers of two, so
	/// its leaf count is one too.
	pub fn validate(&self) -> Result<(), ShapeError> {
		let Self { n, k, batch } = *self;
		if !n.is_power_of_two() {
			return Err(ShapeError::SideNotPowerOfTwo);
		}
		if !(MIN_N..=MAX_N).contains(&n) {
			return Err(ShapeError::SideOutOfRange);
		}
		if !k.is_power_of_two() {
			return Err(ShapeError::InnerNotPowerOfTwo);
		}
		if !(MIN_K..=MAX_K).contains(&k) {
			return Err(ShapeError::InnerOutOfRange);
		}
		if !batch.is_power_of_two() {
			return Err(ShapeError::BatchNotPowerOfTwo);
		}
		if batch > MAX_BATCH {
			return Err(ShapeError::BatchOutOfRange);
		}
		if self.leaf_count() > MAX_LEAVES {
			return Err(ShapeError::TooManyLeaves);
		}
		Ok(())
	}

	/// Elements of all the products: `batch · n · n` (saturating; at most 2^42 for any `u32`
	/// sizes within the limits).
	pub fn elements(&self) -> u64 {
		u64::from(self.batch)
			.saturating_mul(u64::from(self.n))
			.saturating_mul(u64::from(self.n))
	}

	/// Leaves of the commitment: `elements / 64`.
	pub fn leaf_count(&self) -> u64 {
		self.elements().checked_div(LEAF_ELEMENTS as u64).unwrap_or_default()
	}

	/// Levels above the leaves, so the number of siblings in a path: `log2(leaf_count)` for a
	/// valid shape.
	pub fn depth(&self) -> u32 {
		self.leaf_count().checked_ilog2().unwrap_or(0)
	}

	/// Multiply-adds of the whole task: `batch · n · n · k`.
	pub fn multiply_adds(&self) -> u128 {
		u128::from(self.elements()).saturating_mul(u128::from(self.k))
	}

	/// Leaves per row of `C_t`: `n / 64`.
	pub fn leaves_per_row(&self) -> u32 {
		self.n / MIN_N
	}
}

/// Which operand a row belongs to.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Operand {
	/// `A_t`: its row `i` gives row `i` of `C_t`.
	A,
	/// `B_t`: its row `j` gives column `j` of `C_t`.
	B,
}

/// The generator keys of a seed, one per operand.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Keys {
	a: [u32; 2],
	b: [u32; 2],
}

impl Keys {
	/// The keys of `seed`: per operand, the first eight bytes of
	/// `blake2_256(domain ++ seed)` as two little-endian words, where the domain is
	/// `"ember/challenge/a"` or `"ember/challenge/b"`.
	pub fn from_seed(seed: &[u8; 32]) -> Self {
		Self { a: derive_key(DOMAIN_A, seed), b: derive_key(DOMAIN_B, seed) }
	}

	/// The generator key of `operand`.
	pub fn key(&self, operand: Operand) -> [u32; 2] {
		match operand {
			Operand::A => self.a,
			Operand::B => self.b,
		}
	}
}

/// The first eight bytes of `blake2_256(domain ++ seed)` as two little-endian words.
fn derive_key(domain: &[u8; 17], seed: &[u8; 32]) -> [u32; 2] {
	let mut input = [0u8; 17 + 32];
	for (slot, byte) in input.iter_mut().zip(domain.iter().chain(seed)) {
		*slot = *byte;
	}
	let [b0, b1, b2, b3, b4, b5, b6, b7, ..] = sp_crypto_hashing::blake2_256(&input);
	[u32::from_le_bytes([b0, b1, b2, b3]), u32::from_le_bytes([b4, b5, b6, b7])]
}

/// Entries `16q .. 16q + 16` of row `r` of matrix `t` of `operand`: the generator's output for
/// counter `[q, r, t, 0]`, words in order, each word's bytes little-endian, read as `i8`.
#[inline]
pub fn block(operand: Operand, keys: &Keys, t: u32, r: u32, q: u32) -> [i8; BLOCK_ENTRIES] {
	let words = philox4x32_10([q, r, t, 0], keys.key(operand));
	let mut out = [0i8; BLOCK_ENTRIES];
	for (entries, word) in out.chunks_exact_mut(4).zip(words) {
		for (entry, byte) in entries.iter_mut().zip(word.to_le_bytes()) {
			*entry = i8::from_le_bytes([byte]);
		}
	}
	out
}

/// Why [`row`] refused its buffer.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum RowError {
	/// The buffer's length is not a multiple of `BLOCK_ENTRIES`.
	PartialBlock,
	/// The buffer is longer than `MAX_K`.
	TooLong,
}

/// Fill `out` with the first `out.len()` entries of row `r` of matrix `t` of `operand`; for a
/// whole row, `out.len()` is the shape's `k`. Refuses, writing nothing, a length that is not a
/// whole number of blocks or exceeds `MAX_K`.
pub fn row(operand: Operand, keys: &Keys, t: u32, r: u32, out: &mut [i8]) -> Result<(), RowError> {
	if !out.len().is_multiple_of(BLOCK_ENTRIES) {
		return Err(RowError::PartialBlock);
	}
	if out.len() > MAX_K as usize {
		return Err(RowError::TooLong);
	}
	fill_blocks(operand, keys, t, r, out);
	Ok(())
}

/// Fill the whole blocks of `out` as [`row`] does, into any type an `i8` widens to (the solver
/// keeps rows as `i16`, which its dot product multiplies fastest). A partial last block, which
/// no valid shape has, is left as it was.
pub(crate) fn fill_blocks<T: From<i8>>(
	operand: Operand,
	keys: &Keys,
	t: u32,
	r: u32,
	out: &mut [T],
) {
	// A range that ends instead of overflowing: no row has 2^32 blocks.
	for (q, entries) in (0..=u32::MAX).zip(out.chunks_exact_mut(BLOCK_ENTRIES)) {
		for (slot, entry) in entries.iter_mut().zip(block(operand, keys, t, r, q)) {
			*slot = T::from(entry);
		}
	}
}

/// Element `C_t[i][j]`, recomputed alone from the keys: `k` multiply-adds and `k / 8`
/// generator calls, on the stack, without allocating. `None` when the shape is invalid or the
/// position is outside it.
pub fn element(keys: &Keys, shape: &Shape, t: u32, i: u32, j: u32) -> Option<i32> {
	shape.validate().ok()?;
	if t >= shape.batch || i >= shape.n || j >= shape.n {
		return None;
	}
	let mut sum = 0i32;
	for q in 0..shape.k / BLOCK_ENTRIES_U32 {
		let a = block(Operand::A, keys, t, i, q);
		let b = block(Operand::B, keys, t, j, q);
		sum = sum.wrapping_add(dot(&a, &b));
	}
	Some(sum)
}

/// The dot product of two equally long `i8` slices, in wrapping `i32` (exact within the shape
/// limits, and the same whatever the order of the additions).
#[inline]
pub(crate) fn dot(a: &[i8], b: &[i8]) -> i32 {
	a.iter()
		.zip(b)
		.fold(0i32, |sum, (x, y)| sum.wrapping_add(i32::from(*x).wrapping_mul(i32::from(*y))))
}

/// The position `(t, i, j)` of element `g` of the commitment, which orders elements by `t`,
/// then `i`, then `j`: `g = (t·n + i)·n + j`. `None` outside a valid shape.
pub fn position(shape: &Shape, g: u64) -> Option<(u32, u32, u32)> {
	shape.validate().ok()?;
	if g >= shape.elements() {
		return None;
	}
	let n = u64::from(shape.n);
	let j = g.checked_rem(n)?;
	let rows = g.checked_div(n)?;
	let i = rows.checked_rem(n)?;
	let t = rows.checked_div(n)?;
	Some((u32::try_from(t).ok()?, u32::try_from(i).ok()?, u32::try_from(j).ok()?))
}

/// The position `(t, i, j)` of the first element of leaf `leaf`; the leaf holds
/// `C_t[i][j .. j + 64]`. `None` outside a valid shape.
pub fn leaf_position(shape: &Shape, leaf: u64) -> Option<(u32, u32, u32)> {
	position(shape, leaf.checked_mul(LEAF_ELEMENTS as u64)?)
}
