//! GPU inventory records, as the provider agent reads them through NVML.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

/// Longest GPU model name accepted on chain, in bytes (NVML names are well under this).
pub const MAX_GPU_MODEL_LEN: u32 = 64;

/// A GPU model name as NVML reports it, e.g. `NVIDIA GeForce RTX 4090`.
pub type GpuModelName = BoundedVec<u8, ConstU32<MAX_GPU_MODEL_LEN>>;

/// BLAKE2-256 hash of a GPU's UUID. Raw UUIDs never go on chain; the agent can prove which
/// device it means by revealing the UUID off chain.
pub type GpuUuidHash = H256;

/// CUDA compute capability (`major.minor`), e.g. 8.9 for Ada Lovelace.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Default,
	Encode,
	Eq,
	MaxEncodedLen,
	Ord,
	PartialEq,
	PartialOrd,
	TypeInfo,
)]
pub struct ComputeCapability {
	/// Major version: the architecture generation.
	pub major: u8,
	/// Minor version within the generation.
	pub minor: u8,
}

impl ComputeCapability {
	/// A compute capability `major.minor`.
	pub const fn new(major: u8, minor: u8) -> Self {
		Self { major, minor }
	}
}

/// One GPU of a provider's inventory.
#[derive(
	Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo,
)]
pub struct GpuSpec {
	/// Model name as NVML reports it.
	pub model: GpuModelName,
	/// Total device memory in MiB.
	pub vram_mib: u32,
	/// CUDA compute capability.
	pub compute_capability: ComputeCapability,
	/// BLAKE2-256 hash of the device UUID; unique within a provider's inventory.
	pub uuid_hash: GpuUuidHash,
}

impl GpuSpec {
	/// Whether the record is plausible: a model name, some memory and a non-zero capability.
	pub fn is_well_formed(&self) -> bool {
		!self.model.is_empty() && self.vram_mib > 0 && self.compute_capability.major > 0
	}
}
