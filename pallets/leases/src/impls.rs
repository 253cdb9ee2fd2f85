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
		if lines.is_empty() {
			return Weight::zero();
		}
		let settled = Self::record_attestations(provider, lines, now);
		let recorded = u32::try_from(lines.len()).unwrap_or(u32::MAX).saturating_sub(settled);
		if settled == 0 {
			return T::WeightInfo::attest(recorded);
		}
		// Both measurements include reading and writing the book: an overestimate by one.
		T::WeightInfo::attest(recorded).saturating_add(T::WeightInfo::attest_late(settled))
	}

	/// Reserved before the heartbeat runs: every line late. What it did is refunded after.
	fn attested_weight(lines: u32) -> Weight {
		if lines == 0 {
			return Weight::zero();
		}
		T::WeightInfo::attest_late(lines)
	}

	fn went_offline(provider: &T::AccountId, at: BlockNumberFor<T>) -> Weight {
		let book = Books::<T>::get(provider);
		if book.leases.is_empty() {
			return T::DbWeight::get().reads(1);
		}
		// The tenants of every running lease are owed compensation from the slash, up to what
		// their lease still holds beyond what it owes the provider for attested time.
		let harmed = book
			.leases
			.iter()
			.filter_map(|running| {
				Leases::<T>::get(running.lease).map(|lease| {
					let owed = Self::settlement(&lease, running.attested_at, at)
						.map_or(0, |settlement| settlement.amount);
					HarmedLease {
						lease: running.lease,
						unspent: lease.escrow.saturating_sub(owed),
						tenant: lease.tenant,
					}
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
		for running in leases {
			if let Some(mut lease) = Leases::<T>::get(running.lease) {
				Self::settle(running.lease, &mut lease, running.attested_at, now);
				Leases::<T>::insert(running.lease, lease);
			}
		}
		// Its offline-limit entry finds no record and is skipped.
		OfflineSince::<T>::remove(provider);
		T::WeightInfo::attest_late(count.max(1))
	}

	fn back_online_weight() -> Weight {
		T::WeightInfo::attest_late(T::MaxLeasesPerProvider::get())
	}

	fn heard_from(provider: &T::AccountId, _last_heartbeat: BlockNumberFor<T>) -> Weight {
		let (leases, walked_out) =
			Self::find_walk_outs(provider, frame_system::Pallet::<T>::block_number());
		let looked = T::WeightInfo::heard_from(leases);
		if walked_out == 0 {
			return looked;
		}
		// Both measurements include reading the book: an overestimate by one.
		looked.saturating_add(T::WeightInfo::find_walk_outs(walked_out))
	}

	fn heard_from_weight() -> Weight {
		let most = T::MaxLeasesPerProvider::get();
		T::WeightInfo::heard_from(most).saturating_add(T::WeightInfo::find_walk_outs(most))
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
