//! Punishment of proven consensus offences (GRANDPA equivocations today), reported through
//! pallet-offences with a historical-session proof.
//!
//! The offender is disabled at once, within pallet-session's `DisablingStrategy` limit (a third
//! of the set on Ember, so a burst of reports can never stop block production), and leaves the
//! planned set, so that it stops validating from the session after next. Governance may add it
//! back. A removal that would leave fewer than `MinValidators` is skipped: the offender stays
//! disabled but in the set, and the event says so.

use crate::{Config, Event, Pallet, Validators, ValidatorsChanged};
use frame_support::{pallet_prelude::Weight, traits::Get};
use sp_runtime::Perbill;
use sp_staking::{
	offence::{OffenceDetails, OffenceSeverity, OnOffenceHandler},
	SessionIndex,
};

impl<T: Config> Pallet<T> {
	/// Disable `validator` now and take it out of the planned set if the set can spare it.
	pub(crate) fn do_punish(
		validator: &T::AccountId,
		severity: Perbill,
		session: SessionIndex,
	) -> Weight {
		pallet_session::Pallet::<T>::report_offence(validator.clone(), OffenceSeverity(severity));

		let removed = Validators::<T>::mutate(|validators| {
			let spare = validators.len() > T::MinValidators::get() as usize;
			if spare && validators.contains(validator) {
				validators.retain(|member| member != validator);
				true
			} else {
				false
			}
		});
		if removed {
			ValidatorsChanged::<T>::put(true);
		}
		Self::deposit_event(Event::ValidatorPunished {
			validator: validator.clone(),
			session,
			removed,
		});
		// pallet-session reads its validators and disabled list and may write the latter; this
		// pallet reads and writes its planned set and change flag.
		T::DbWeight::get().reads_writes(4, 3)
	}
}

/// pallet-offences hands every new, proven offence to this handler.
impl<T: Config, FullIdentification>
	OnOffenceHandler<T::AccountId, (T::AccountId, FullIdentification), Weight> for Pallet<T>
{
	fn on_offence(
		offenders: &[OffenceDetails<T::AccountId, (T::AccountId, FullIdentification)>],
		slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		offenders
			.iter()
			.zip(slash_fraction)
			.fold(Weight::zero(), |weight, (details, severity)| {
				weight.saturating_add(Self::do_punish(&details.offender.0, *severity, session))
			})
	}
}
