//! Sampling, and the check of one revealed sample: what the runtime does with an answer.

use crate::{
	merkle::{verify_leaf, Hash},
	task::{element, position, Keys, Shape, LEAF_ELEMENTS},
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Domain of the sample hashes.
const DOMAIN_SAMPLE: &[u8; 22] = b"ember/challenge/sample";
/// Mask of an offset within a leaf (the leaf size is a power of two).
const OFFSET_MASK: u8 = 63;
const _: () = assert!(OFFSET_MASK as usize + 1 == LEAF_ELEMENTS);

/// One sampled element: a leaf to reveal, and the value within it that is recomputed.
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
pub struct Sample {
	/// The leaf, below the shape's leaf count.
	pub leaf: u64,
	/// The value within the leaf, below `LEAF_ELEMENTS`.
	pub offset: u8,
}

impl Sample {
	/// The sampled element's index in the commitment's order: `64 · leaf + offset`.
	pub fn element_index(&self) -> Option<u64> {
		self.leaf.checked_mul(LEAF_ELEMENTS as u64)?.checked_add(u64::from(self.offset))
	}
}

/// Why a revealed sample does not hold.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum SampleError {
	/// The path does not lead from the revealed leaf to the root (a wrong sibling, a path of
	/// the wrong length, or revealed values other than the committed ones).
	BadPath,
	/// The leaf is the committed one, but its sampled value is not the product's.
	WrongValue,
	/// The sample lies outside the shape, or the shape is invalid.
	OutOfRange,
}

impl core::fmt::Display for SampleError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			Self::BadPath => "the path does not lead to the root",
			Self::WrongValue => "the sampled value is wrong",
			Self::OutOfRange => "the sample is outside the shape",
		})
	}
}

#[cfg(feature = "std")]
impl std::error::Error for SampleError {}

/// Sample `s` of `sample_seed`: `h = blake2_256("ember/challenge/sample" ++ sample_seed ++
/// s as u32 little-endian)`, the leaf is `h[0..8]` as a little-endian `u64` masked to the leaf
/// count (a power of two, so every leaf is equally likely) and the offset is `h[8] & 63`.
///
/// For an invalid shape the sample is still drawn, and [`check_sample`] refuses it.
pub fn sample(sample_seed: &[u8; 32], shape: &Shape, s: u32) -> Sample {
	let mut input = [0u8; 22 + 32 + 4];
	let index = s.to_le_bytes();
	let parts = DOMAIN_SAMPLE.iter().chain(sample_seed).chain(&index);
	for (slot, byte) in input.iter_mut().zip(parts) {
		*slot = *byte;
	}
	let [h0, h1, h2, h3, h4, h5, h6, h7, h8, ..] = sp_crypto_hashing::blake2_256(&input);
	let word = u64::from_le_bytes([h0, h1, h2, h3, h4, h5, h6, h7]);
	Sample { leaf: word & shape.leaf_count().saturating_sub(1), offset: h8 & OFFSET_MASK }
}

/// Samples `0 .. count` of `sample_seed` (see [`sample`]). They are drawn independently, so
/// they may repeat, and a repeat is checked again; without allocating.
pub fn samples(
	sample_seed: &[u8; 32],
	shape: &Shape,
	count: u32,
) -> impl Iterator<Item = Sample> + Clone {
	let (seed, shape) = (*sample_seed, *shape);
	(0..count).map(move |s| sample(&seed, &shape, s))
}

/// Check one revealed sample against the committed `root`: the revealed `leaf` must sit at
/// `sample.leaf` under `root` (through `siblings`, leaf level first), and its value at
/// `sample.offset` must be the product's element there, recomputed from the seed's `keys`.
///
/// Costs `depth + 1` hashes, `k` multiply-adds and `k / 8` generator calls; allocates nothing.
pub fn check_sample(
	keys: &Keys,
	shape: &Shape,
	root: &Hash,
	sample: Sample,
	leaf: &[i32; LEAF_ELEMENTS],
	siblings: &[Hash],
) -> Result<(), SampleError> {
	if shape.validate().is_err() || sample.leaf >= shape.leaf_count() {
		return Err(SampleError::OutOfRange);
	}
	let revealed = *leaf.get(usize::from(sample.offset)).ok_or(SampleError::OutOfRange)?;
	if !verify_leaf(root, shape, sample.leaf, leaf, siblings) {
		return Err(SampleError::BadPath);
	}
	let (t, i, j) = sample
		.element_index()
		.and_then(|g| position(shape, g))
		.ok_or(SampleError::OutOfRange)?;
	let expected = element(keys, shape, t, i, j).ok_or(SampleError::OutOfRange)?;
	if expected == revealed {
		Ok(())
	} else {
		Err(SampleError::WrongValue)
	}
}
