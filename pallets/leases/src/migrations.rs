//! Storage migrations of the lease market.

use crate::*;

/// Version 1: what a provider last attested of each lease moves from the lease's record into
/// the provider's book ([`RunningLease`]), so that an attestation writes one record per
/// provider.
pub mod v1 {
	use super::*;
	use alloc::collections::BTreeMap;
	use codec::{Decode, Encode};
	use ember_primitives::{Balance, LeaseId};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_core::H256;
	use sp_runtime::Saturating;

	/// A lease as version 0 stored it: with its last attestation and report.
	#[derive(Decode, Encode)]
	pub struct LeaseV0<T: Config> {
		pub tenant: T::AccountId,
		pub provider: T::AccountId,
		pub origin: LeaseOrigin,
		pub gpus: LeaseGpusOf<T>,
		pub price_per_gpu_hour: Balance,
		pub manifest_hash: H256,
		pub start: BlockNumberFor<T>,
		pub end: BlockNumberFor<T>,
		pub escrow: Balance,
		pub deposit: Balance,
		pub settled_until: BlockNumberFor<T>,
		pub paid_blocks: BlockNumberFor<T>,
		pub downtime_blocks: BlockNumberFor<T>,
		pub paid: Balance,
		pub fees: Balance,
		pub last_attested: BlockNumberFor<T>,
		pub last_report: Option<UsageReport<BlockNumberFor<T>>>,
		pub status: LeaseStatus,
		pub next_check: Option<BlockNumberFor<T>>,
	}

	/// A provider's book as version 0 stored it: its leases by id alone.
	#[derive(Decode, Encode)]
	pub struct ProviderBookV0<T: Config> {
		pub bids: u32,
		pub offers: u32,
		pub leases: BoundedVec<LeaseId, T::MaxLeasesPerProvider>,
		pub committed_gpus: u32,
	}

	/// Rewrites every lease and every book: one pass over each. Fine for the chain's lease count
	/// at this version (a few thousand records).
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut attested: BTreeMap<LeaseId, RunningLease<BlockNumberFor<T>>> = BTreeMap::new();
			let mut entries = 0u64;
			Leases::<T>::translate::<LeaseV0<T>, _>(|id, old| {
				entries.saturating_inc();
				attested.insert(
					id,
					RunningLease {
						lease: id,
						attested_at: old.last_attested,
						usage: old.last_report.map(|report| WorkloadUsage {
							status: report.status,
							gpu_utilization_pct: report.gpu_utilization_pct,
							memory_used_mib: report.memory_used_mib,
						}),
						unscheduled: old.next_check.is_none(),
					},
				);
				Some(Lease {
					tenant: old.tenant,
					provider: old.provider,
					origin: old.origin,
					gpus: old.gpus,
					price_per_gpu_hour: old.price_per_gpu_hour,
					manifest_hash: old.manifest_hash,
					start: old.start,
					end: old.end,
					escrow: old.escrow,
					deposit: old.deposit,
					settled_until: old.settled_until,
					paid_blocks: old.paid_blocks,
					downtime_blocks: old.downtime_blocks,
					paid: old.paid,
					fees: old.fees,
					status: old.status,
					next_check: old.next_check,
				})
			});
			Books::<T>::translate::<ProviderBookV0<T>, _>(|_, old| {
				entries.saturating_inc();
				// A lease id without a lease record (which the invariants rule out) is dropped.
				let leases: alloc::vec::Vec<_> =
					old.leases.iter().filter_map(|id| attested.get(id).copied()).collect();
				Some(ProviderBook {
					bids: old.bids,
					offers: old.offers,
					leases: BoundedVec::truncate_from(leases),
					committed_gpus: old.committed_gpus,
				})
			});
			T::DbWeight::get().reads_writes(entries, entries)
		}
	}

	/// The migration from version 0 to 1, run once.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2: the open orders and the listed offers get their ordered indexes
/// ([`OrderIndex`], [`OfferIndex`]).
pub mod v2 {
	use super::*;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::Saturating;

	/// Indexes every open order and listed offer: one pass over each map, in the upgrade's
	/// block. Orders are bounded per tenant and offers per provider, not in all: this suits the
	/// market's size at this version (no live chain yet, test networks with a few thousand
	/// records at most); a market of millions would need a multi-block migration.
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			for (id, order) in Orders::<T>::iter() {
				reads.saturating_inc();
				writes.saturating_accrue(2);
				Pallet::<T>::index_order(id, &order);
			}
			for (id, offer) in Offers::<T>::iter() {
				reads.saturating_inc();
				writes.saturating_inc();
				Pallet::<T>::index_offer(id, &offer);
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}
	}

	/// The migration from version 1 to 2, run once.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
