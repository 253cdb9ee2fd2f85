//! Providers registered in a chain's genesis: test networks and the scale harness start with a
//! populated registry instead of registering every provider through transactions.

use crate::*;
use alloc::string::String;
use ember_primitives::{ComputeCapability, GpuSpec};
use frame_support::BoundedVec;
use sp_runtime::traits::{BlakeTwo256, Hash};

/// A provider registered at genesis, with `gpus` GPUs of one model. Each GPU's UUID hash is
/// derived from the owner and the GPU's index, so no two providers' GPUs share one.
///
/// The owner's bond (the staking pallet's genesis) must cover the GPUs' stake units as the class
/// table stands when the registry's genesis is built, which is before the emissions pallet writes
/// its table: genesis providers are weighed at the default class score. A model the table rates
/// higher needs `refresh_stake_units` after genesis.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisProvider<AccountId> {
	/// The owner: the account whose bond backs the provider.
	pub owner: AccountId,
	/// The agent key that heartbeats for it.
	pub agent: AccountId,
	/// Region label.
	pub region: String,
	/// libp2p PeerId, as text.
	pub peer_id: String,
	/// GPU model name.
	pub model: String,
	/// VRAM of each GPU, in MiB.
	pub vram_mib: u32,
	/// CUDA compute capability `(major, minor)`.
	pub compute_capability: (u8, u8),
	/// How many GPUs.
	pub gpus: u32,
}

impl<T: Config> Pallet<T> {
	/// Register `provider` as its owner's `register` call would, with every check it makes.
	pub(crate) fn register_at_genesis(
		provider: &GenesisProvider<T::AccountId>,
	) -> Result<(), &'static str> {
		let metadata = ProviderMetadata::<T> {
			region: BoundedVec::try_from(provider.region.as_bytes().to_vec())
				.map_err(|_| "region too long")?,
			peer_id: BoundedVec::try_from(provider.peer_id.as_bytes().to_vec())
				.map_err(|_| "peer id too long")?,
			multiaddrs: Default::default(),
		};
		let model = BoundedVec::try_from(provider.model.as_bytes().to_vec())
			.map_err(|_| "model name too long")?;
		let (major, minor) = provider.compute_capability;
		let gpus: alloc::vec::Vec<GpuSpec> = (0..provider.gpus)
			.map(|index| GpuSpec {
				model: model.clone(),
				vram_mib: provider.vram_mib,
				compute_capability: ComputeCapability::new(major, minor),
				uuid_hash: BlakeTwo256::hash_of(&(&provider.owner, index)),
			})
			.collect();
		let gpus = GpuInventoryOf::<T>::try_from(gpus).map_err(|_| "too many GPUs")?;
		Self::do_register(provider.owner.clone(), provider.agent.clone(), metadata, gpus).map_err(
			|error| match error {
				sp_runtime::DispatchError::Module(module) => module.message.unwrap_or("refused"),
				other => other.into(),
			},
		)
	}
}
