//! Session work: what pallet-session asks for at genesis and at every rotation.

use crate::{Config, Event, Pallet, Validators, ValidatorsChanged, ValidatorsOf, LOG_TARGET};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::traits::Get;
use sp_staking::SessionIndex;

impl<T: Config> Pallet<T> {
	/// Hands the planned set to pallet-session if it changed since the last rotation, for it to
	/// validate from `session_index`. Returns `None` otherwise, which keeps the current set.
	pub(crate) fn do_new_session(session_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		if !ValidatorsChanged::<T>::get() {
			return None;
		}
		let validators = Validators::<T>::get();
		if validators.is_empty() {
			// Calls never empty the set; if storage was corrupted, keeping the current set is
			// the only choice that does not halt the chain.
			log::error!(target: LOG_TARGET, "planned validator set is empty; keeping the current set");
			return None;
		}

		ValidatorsChanged::<T>::kill();
		let validators_count = u32::try_from(validators.len()).unwrap_or(u32::MAX);
		log::debug!(
			target: LOG_TARGET,
			"planning {validators_count} validators for session {session_index}"
		);
		Self::deposit_event(Event::NewValidatorSetPlanned { session_index, validators_count });
		Some(validators.into_inner())
	}

	/// The genesis set, for sessions 0 and 1. `None` lets pallet-session fall back to the
	/// accounts of its own genesis keys, which only happens when this pallet's genesis was not
	/// built first.
	pub(crate) fn do_new_session_genesis() -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		if validators.is_empty() {
			None
		} else {
			Some(validators.into_inner())
		}
	}

	/// Checks and stores the genesis set.
	pub(crate) fn do_initialize_validators(initial: &[T::AccountId]) -> Result<(), &'static str> {
		if initial.len() < T::MinValidators::get() as usize {
			return Err("fewer initial validators than MinValidators");
		}
		let unique: BTreeSet<&T::AccountId> = initial.iter().collect();
		if unique.len() != initial.len() {
			return Err("duplicate initial validator");
		}
		let validators = ValidatorsOf::<T>::try_from(initial.to_vec())
			.map_err(|_| "more initial validators than MaxValidators")?;

		Validators::<T>::put(validators);
		// pallet-session takes the genesis set for sessions 0 and 1 by itself.
		ValidatorsChanged::<T>::kill();
		Ok(())
	}
}
