//! The work behind the calls: every check comes before the first write.

use crate::{Config, Error, Event, Pallet, Validators, ValidatorsChanged};
use frame_support::{
	ensure,
	traits::{Get, ValidatorRegistration},
};
use sp_runtime::DispatchResult;

/// Whether `who` has session keys in pallet-session (its `NextKeys`).
fn has_session_keys<T: Config>(who: &T::AccountId) -> bool {
	<pallet_session::Pallet<T> as ValidatorRegistration<T::AccountId>>::is_registered(who)
}

impl<T: Config> Pallet<T> {
	/// Adds `validator` to the planned set and marks the set as changed.
	pub(crate) fn do_add_validator(validator: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		ensure!(!validators.contains(&validator), Error::<T>::AlreadyValidator);
		ensure!(has_session_keys::<T>(&validator), Error::<T>::NoSessionKeys);
		validators
			.try_push(validator.clone())
			.map_err(|_| Error::<T>::TooManyValidators)?;

		Validators::<T>::put(validators);
		ValidatorsChanged::<T>::put(true);
		// What it did before governance let it (back) in was judged by governance.
		let session = pallet_session::Pallet::<T>::current_index();
		crate::AnswerableFrom::<T>::mutate(&validator, |from| {
			*from = Some(from.unwrap_or_default().max(session))
		});
		Self::deposit_event(Event::ValidatorAdded { validator });
		Ok(())
	}

	/// Removes `validator` from the planned set and marks the set as changed.
	pub(crate) fn do_remove_validator(validator: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		ensure!(validators.contains(&validator), Error::<T>::NotValidator);
		let remaining = validators.len().saturating_sub(1);
		ensure!(remaining >= T::MinValidators::get() as usize, Error::<T>::TooFewValidators);
		// The set holds no duplicates, so this removes exactly one entry.
		validators.retain(|member| member != &validator);

		Validators::<T>::put(validators);
		ValidatorsChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorRemoved { validator });
		Ok(())
	}
}
