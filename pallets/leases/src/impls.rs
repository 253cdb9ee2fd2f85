//! What the market tells the provider registry, and how it hears about provider liveness and
//! attestations.

use crate::*;
use ember_primitives::{
	CloseReason, GpuUuidHash, HarmedLease, LeaseAttestation, LeaseOffence, LeaseOffenceReporter,
	ProviderCommitments, ProviderLifecycle,
};
use frame_support::{pallet_prelude::Weight, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> ProviderCommitments<T::AccountId> for Pallet<T> {
	fn active_commitments(provider: &T::AccountId) -> u32 {
		let book = Books::<T>::get(provider);
		let leases = u32::try_from(book.leases.len()).unwrap_or(u32::MAX);
		book.bids.saturating_add(book.offers).saturating_add(leases)
	}

	fn is_gpu_committed(provider: &T::AccountId, gpu: &GpuUuidHash) -> bool {
		CommittedGpus::<T>::contains_key(provider, gpu)
	}

	fn is_gpu_leased(provider: &T::AccountId, gpu: &GpuUuidHash) -> bool {
		matches!(CommittedGpus::<T>::get(provider, gpu), Some(crate::Commitment::Lease(_)))
	}
}

impl<T: Config> ProviderLifecycle<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn attested(
		provider: &T::AccountId,
		now: BlockNumberFor<T>,
		lines: &[LeaseAttestation],
	) -> Weight {
		for line in lines {
			Self::attest_lease(provider, line, now);
		}
		Self::attested_weight(u32::try_from(lines.len()).unwrap_or(u32::MAX))
	}

	fn attested_weight(lines: u32) -> Weight {
		if lines == 0 {
			return Weight::zero();
		}
		T::WeightInfo::attest(lines)
	}

	fn went_offline(provider: &T::AccountId, at: BlockNumberFor<T>) -> Weight {
		let book = Books::<T>::get(provider);
		if book.leases.is_empty() {
			return T::DbWeight::get().reads(1);
		}
		// The tenants of every running lease are owed compensation from the slash, up to what
		// their lease still holds.
		let harmed = book
			.leases
			.iter()
			.filter_map(|id| {
				Leases::<T>::get(id).map(|lease| HarmedLease {
					lease: *id,
					tenant: lease.tenant,
					unspent: lease.escrow,
				})
			})
			.collect();
		T::Offences::report(LeaseOffence::Downtime {
			provider: provider.clone(),
			since: at,
			harmed,
		});
		let close_at =
			Self::schedule_offline_limit(provider, at.saturating_add(T::OfflineLimit::get()));
		OfflineSince::<T>::insert(provider, (at, close_at));
		T::WeightInfo::went_offline()
	}

	fn went_offline_weight() -> Weight {
		T::WeightInfo::went_offline()
	}

	fn back_online(provider: &T::AccountId, now: BlockNumberFor<T>) -> Weight {
		if !OfflineSince::<T>::contains_key(provider) {
			return T::DbWeight::get().reads(1);
		}
		// Settle every lease while the Offline time is still known, so none of it is paid.
		let leases = Books::<T>::get(provider).leases;
		let count = u32::try_from(leases.len()).unwrap_or(u32::MAX);
		for lease_id in leases {
			if let Some(mut lease) = Leases::<T>::get(lease_id) {
				Self::settle(lease_id, &mut lease, now);
				Leases::<T>::insert(lease_id, lease);
			}
		}
		// Its offline-limit entry finds no record and is skipped.
		OfflineSince::<T>::remove(provider);
		T::WeightInfo::attest(count.max(1))
	}

	fn back_online_weight() -> Weight {
		T::WeightInfo::attest(T::MaxLeasesPerProvider::get())
	}

	fn jailed(provider: &T::AccountId) -> Weight {
		let closed = Self::close_all_of(provider, CloseReason::Jailed);
		OfflineSince::<T>::remove(provider);
		T::WeightInfo::offline_limit(closed)
	}

	fn jailed_weight() -> Weight {
		T::WeightInfo::offline_limit(T::MaxLeasesPerProvider::get())
	}
}
