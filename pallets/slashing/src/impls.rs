//! Where the lease market and governance-side verifiers send offences.

use crate::*;
use ember_primitives::{
	Balance, LeaseOffence, LeaseOffenceReporter, ProviderOffence, ProviderOffenceReporter,
	ProviderPunishments,
};
use frame_support::{pallet_prelude::DispatchResult, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;

/// The lease market's faults: a duplicate is ignored with an event, never an error, so the
/// market's own call goes on.
impl<T: Config> LeaseOffenceReporter<T::AccountId, Balance, BlockNumberFor<T>> for Pallet<T> {
	fn report(offence: LeaseOffence<T::AccountId, Balance, BlockNumberFor<T>>) {
		Self::do_report_lease_offence(offence)
	}
}

/// Offences proven outside the market (a challenge pallet, governance): a duplicate fails with
/// `DuplicateOffence`.
impl<T: Config> ProviderOffenceReporter<T::AccountId> for Pallet<T> {
	fn report(offence: ProviderOffence<T::AccountId>) -> DispatchResult {
		Self::do_report_provider_offence(offence)
	}

	fn report_weight() -> Weight {
		T::WeightInfo::report_offence()
	}
}

/// What the provider registry asks: whether a provider may leave yet, and governance taking
/// over a jail.
impl<T: Config> ProviderPunishments<T::AccountId> for Pallet<T> {
	fn is_pending(provider: &T::AccountId) -> bool {
		PendingPunishments::<T>::contains_key(provider)
	}

	fn jail_overridden(provider: &T::AccountId) {
		JailedUntil::<T>::remove(provider);
	}
}
