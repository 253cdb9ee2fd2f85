//! Storage migrations of the emissions pallet.

use crate::*;

/// Version 1: a closed era's rate is kept only while some provider's record still holds
/// points of that era ([`EraHolders`]); the rates nothing will read again are removed.
pub mod v1 {
	use super::*;
	use alloc::collections::BTreeMap;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	/// Counts the holders of each era from the providers' records, then removes the rates of
	/// closed eras that none holds. One pass over the records and one over the stored rates
	/// (one per era so far): fine for the chain's age and provider count at this version.
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut holders: BTreeMap<EraIndex, u32> = BTreeMap::new();
			let mut reads = 0u64;
			for (_, record) in ProviderPoints::<T>::iter() {
				reads = reads.saturating_add(1);
				if crate::points::holds_points(&record) {
					let count = holders.entry(record.era).or_default();
					*count = count.saturating_add(1);
				}
			}
			let current = CurrentEra::<T>::get().index;
			let mut unheld = alloc::vec::Vec::new();
			for era in EraRewardPerPoint::<T>::iter_keys() {
				reads = reads.saturating_add(1);
				if era < current && !holders.contains_key(&era) {
					unheld.push(era);
				}
			}
			let writes = (holders.len() + unheld.len()) as u64;
			for (era, count) in holders {
				EraHolders::<T>::insert(era, count);
			}
			for era in unheld {
				EraRewardPerPoint::<T>::remove(era);
			}
			T::DbWeight::get().reads_writes(reads.saturating_add(1), writes)
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
