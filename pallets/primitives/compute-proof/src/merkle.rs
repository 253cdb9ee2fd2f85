//! The commitment: a perfect binary BLAKE2-256 Merkle tree over the leaves of `C`, with leaf
//! and inner hashes in separate domains so that no leaf can pose as an inner node.

use crate::task::{Shape, LEAF_ELEMENTS};
use alloc::vec::Vec;

/// A 32-byte hash.
pub type Hash = [u8; 32];

/// Domain byte of a leaf hash.
const LEAF_TAG: u8 = 0x00;
/// Domain byte of an inner node hash.
const NODE_TAG: u8 = 0x01;

/// The hash of a leaf: `blake2_256(0x00 ++ values as i32 little-endian)`.
pub fn leaf_hash(values: &[i32; LEAF_ELEMENTS]) -> Hash {
	let mut bytes = [0u8; 1 + 4 * LEAF_ELEMENTS];
	let body = values.iter().flat_map(|value| value.to_le_bytes());
	for (slot, byte) in bytes.iter_mut().zip(core::iter::once(LEAF_TAG).chain(body)) {
		*slot = byte;
	}
	sp_crypto_hashing::blake2_256(&bytes)
}

/// The hash of an inner node: `blake2_256(0x01 ++ left ++ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
	let mut bytes = [0u8; 1 + 32 + 32];
	let input = core::iter::once(&NODE_TAG).chain(left).chain(right);
	for (slot, byte) in bytes.iter_mut().zip(input) {
		*slot = *byte;
	}
	sp_crypto_hashing::blake2_256(&bytes)
}

/// The root that `siblings` (leaf level first) lead to from the leaf `leaf_index` hashing to
/// `leaf`: bit `b` of the index says whether the node at level `b` is a right child.
pub fn root_from_path(leaf: Hash, leaf_index: u64, siblings: &[Hash]) -> Hash {
	let mut hash = leaf;
	let mut index = leaf_index;
	for sibling in siblings {
		hash = if index & 1 == 1 { node_hash(sibling, &hash) } else { node_hash(&hash, sibling) };
		index >>= 1;
	}
	hash
}

/// Whether `siblings` lead from the leaf `leaf_index` holding `leaf` to `root` in the tree of
/// a valid `shape`: exactly `shape.depth()` siblings, leaf level first, and an index below the
/// leaf count. Hashes `depth + 1` times and allocates nothing.
pub fn verify_leaf(
	root: &Hash,
	shape: &Shape,
	leaf_index: u64,
	leaf: &[i32; LEAF_ELEMENTS],
	siblings: &[Hash],
) -> bool {
	// A shorter path would prove an inner node, a longer one a leaf of another tree.
	shape.validate().is_ok()
		&& leaf_index < shape.leaf_count()
		&& siblings.len() == shape.depth() as usize
		&& root_from_path(leaf_hash(leaf), leaf_index, siblings) == *root
}

/// All levels of a tree, leaves first, built once so that any path can be read off: about
/// twice the leaves' memory.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MerkleTree {
	/// `levels[0]` holds the leaves, each next level half as many nodes, the last the root.
	levels: Vec<Vec<Hash>>,
}

impl MerkleTree {
	/// The tree over `leaves`, whose number must be a power of two (`None` otherwise). The
	/// root of a single leaf is that leaf.
	pub fn new(leaves: Vec<Hash>) -> Option<Self> {
		if !leaves.len().is_power_of_two() {
			return None;
		}
		let mut levels = alloc::vec![leaves];
		while let Some(below) = levels.last().filter(|level| level.len() > 1) {
			let above = below
				.chunks_exact(2)
				.filter_map(|pair| match pair {
					[left, right] => Some(node_hash(left, right)),
					_ => None,
				})
				.collect();
			levels.push(above);
		}
		Some(Self { levels })
	}

	/// The root.
	pub fn root(&self) -> Hash {
		self.levels.last().and_then(|level| level.first()).copied().unwrap_or_default()
	}

	/// The leaf hashes, in order.
	pub fn leaves(&self) -> &[Hash] {
		self.levels.first().map(Vec::as_slice).unwrap_or_default()
	}

	/// Levels above the leaves: the length of every path.
	pub fn depth(&self) -> usize {
		self.levels.len().saturating_sub(1)
	}

	/// The siblings of leaf `index`, leaf level first; `None` past the last leaf.
	pub fn path(&self, index: u64) -> Option<Vec<Hash>> {
		let mut index = usize::try_from(index).ok()?;
		if index >= self.leaves().len() {
			return None;
		}
		let mut path = Vec::with_capacity(self.depth());
		for level in self.levels.iter().take(self.depth()) {
			path.push(*level.get(index ^ 1)?);
			index >>= 1;
		}
		Some(path)
	}
}
