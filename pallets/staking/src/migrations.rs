//! Storage migrations of the provider staking pallet.

use crate::*;

/// Version 1: delegations no longer record `since`, the block of their last change, which
/// nothing read (rewards earned on old terms are paid out before any change instead).
pub mod v1 {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// A delegation as version 0 stored it.
	#[derive(Decode, Encode)]
	pub struct DelegationV0<T: Config> {
		/// Active stake.
		pub active: BalanceOf<T>,
		/// Unlocking chunks.
		pub unlocking: UnlockChunks<T>,
		/// The block of the last change of `active`.
		pub since: BlockNumberFor<T>,
	}

	/// Rewrites every delegation without `since`. One read and write per delegation: the
	/// chain has at most `MaxDelegatorsPerProvider` per provider, and few providers yet.
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut entries = 0u64;
			Delegations::<T>::translate::<DelegationV0<T>, _>(|_, _, old| {
				entries = entries.saturating_add(1);
				Some(Delegation { active: old.active, unlocking: old.unlocking })
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
