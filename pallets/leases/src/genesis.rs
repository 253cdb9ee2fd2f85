//! Leases running from a chain's genesis: the scale harness starts with a market under load
//! instead of renting every lease through transactions.

use crate::{lease::NewLease, *};
use ember_primitives::{Balance, GpuUuidHash, ProviderRegistry};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::SaturatedConversion;

/// A lease running from genesis on `gpus` of the provider's GPUs (the first ones of its
/// inventory that no earlier genesis lease took), funded for its whole duration from the
/// tenant's genesis balance, with the usual storage deposit. Genesis leases skip the proof of
/// compute check (no GPU has been challenged before the first block).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisLease<AccountId, BlockNumber> {
	/// Who rents.
	pub tenant: AccountId,
	/// Whose GPUs (a provider of the registry's genesis).
	pub provider: AccountId,
	/// How many GPUs.
	pub gpus: u32,
	/// Price per GPU-hour, in planck.
	pub price_per_gpu_hour: Balance,
	/// How long, in blocks from genesis.
	pub duration: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// Start `lease` with the checks a rent makes, less the proof of compute.
	pub(crate) fn lease_at_genesis(
		lease: &GenesisLease<T::AccountId, BlockNumberFor<T>>,
	) -> DispatchResult {
		let (tenant, provider) = (&lease.tenant, &lease.provider);
		ensure!(
			tenant != provider && T::Registry::provider_of_agent(tenant).as_ref() != Some(provider),
			Error::<T>::OwnBusiness
		);
		ensure!(T::Registry::accepts_work(provider), Error::<T>::ProviderUnavailable);
		ensure!(lease.gpus > 0, Error::<T>::ZeroGpus);
		Self::ensure_duration(lease.duration, T::MaxLeaseDuration::get())?;
		let wanted = usize::try_from(lease.gpus).unwrap_or(usize::MAX);
		let gpus: alloc::vec::Vec<GpuUuidHash> = T::Registry::gpus(provider)
			.iter()
			.map(|gpu| gpu.uuid_hash)
			.filter(|hash| !CommittedGpus::<T>::contains_key(provider, hash))
			.take(wanted)
			.collect();
		ensure!(gpus.len() == wanted, Error::<T>::NotEnoughGpus);
		let escrow = pricing::cost_ceil(
			lease.price_per_gpu_hour,
			lease.gpus,
			lease.duration.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.ok_or(Error::<T>::PriceOverflow)?;
		Self::ensure_lease_room(tenant, provider)?;
		let deposit = T::StorageDeposit::get();
		Self::hold_escrow_and_deposit(tenant, escrow, deposit)?;

		let id = NextLeaseId::<T>::get();
		// Leases that all start at genesis would all be settled in the same blocks: their first
		// settlements are spread over the interval instead, a few leases a block.
		let interval: u64 = T::SettlementInterval::get().saturated_into::<u64>().max(1);
		let first_settlement = (id % interval).saturating_add(1).saturated_into();
		Self::commit_gpus(provider, &gpus, Commitment::Lease(id));
		Self::start_lease(NewLease {
			tenant: tenant.clone(),
			provider: provider.clone(),
			origin: LeaseOrigin::Genesis,
			gpus: LeaseGpusOf::<T>::truncate_from(gpus),
			price_per_gpu_hour: lease.price_per_gpu_hour,
			manifest_hash: H256::zero(),
			duration: lease.duration,
			escrow,
			deposit,
			first_settlement: Some(first_settlement),
		})?;
		Ok(())
	}
}
