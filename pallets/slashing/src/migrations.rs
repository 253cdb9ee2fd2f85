//! Storage migrations of the slashing pallet.

use crate::*;

/// Version 1: offence parameters gained `harm_percent`. Stored parameters keep their fraction
/// and jail flag and take their kind's default share of the harm. The slashes and jails already
/// waiting are counted in `PendingPunishments`, so their providers cannot leave before them.
/// (Slashes reported before this version have no recorded exposure: they fall on the backers
/// of the day they apply, as they always did.)
pub mod v1 {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::{traits::Saturating, Perbill};

	/// Offence parameters as version 0 stored them.
	#[derive(Decode, Encode)]
	pub struct SlashParamsV0 {
		/// Share of the backing slashed.
		pub fraction: Perbill,
		/// Whether one offence jails.
		pub jails: bool,
	}

	/// Rewrites every stored [`SlashParams`]; at most one entry per offence kind.
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut entries = 0u64;
			OffenceParams::<T>::translate::<SlashParamsV0, _>(|kind, old| {
				entries = entries.saturating_add(1);
				Some(SlashParams {
					fraction: old.fraction,
					harm_percent: kind.default_params().harm_percent,
					jails: old.jails,
				})
			});
			// Both are bounded by the apply and jail queues of the dispute window's blocks.
			let mut awaiting: alloc::collections::BTreeMap<T::AccountId, u32> = Default::default();
			for (_, slash) in PendingSlashes::<T>::iter() {
				entries = entries.saturating_add(1);
				awaiting.entry(slash.provider).or_default().saturating_inc();
			}
			for (_, providers) in JailQueue::<T>::iter() {
				entries = entries.saturating_add(1);
				for provider in providers {
					awaiting.entry(provider).or_default().saturating_inc();
				}
			}
			let providers = u64::try_from(awaiting.len()).unwrap_or(u64::MAX);
			for (provider, count) in awaiting {
				PendingPunishments::<T>::insert(provider, count);
			}
			T::DbWeight::get().reads_writes(entries, entries.saturating_add(providers))
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
