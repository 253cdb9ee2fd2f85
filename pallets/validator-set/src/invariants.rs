//! Invariants checked by `try_state` and after every block in tests.

use crate::{Config, Pallet, Validators};
use alloc::collections::BTreeSet;
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// The planned set holds no duplicates and at least `MinValidators` accounts (the bound by
	/// `MaxValidators` is held by its type).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let validators = Validators::<T>::get();
		let unique: BTreeSet<&T::AccountId> = validators.iter().collect();
		ensure!(unique.len() == validators.len(), "validator set holds a duplicate");
		ensure!(
			validators.len() >= T::MinValidators::get() as usize,
			"validator set is smaller than MinValidators"
		);
		Ok(())
	}
}
