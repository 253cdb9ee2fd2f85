//! Storage migrations of the slashing pallet.

use crate::*;

/// Version 1: offence parameters gained `harm_percent`. Stored parameters keep their fraction
/// and jail flag and take their kind's default share of the harm.
pub mod v1 {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::Perbill;

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
