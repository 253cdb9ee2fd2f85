//! Punishment of proven consensus offences (GRANDPA equivocations today), reported through
//! pallet-offences with a historical-session proof.
//!
//! The offender is disabled at once, within pallet-session's `DisablingStrategy` limit (a third
//! of the set on Ember, so a burst of reports can never stop block production), and leaves the
//! planned set, so that it stops validating from the session after next. Governance may add it
//! back. A removal that would leave fewer than `MinValidators` is skipped: the offender stays
//! disabled but in the set, and the event says so.
//!
//! Each offender answers once per session: pallet-offences hands over every offender of a
//! round again when another one is reported, and an offence of a session before the last one
//! punished, or before governance (re-)admitted the validator, is ignored ([`AnswerableFrom`]).

use crate::{AnswerableFrom, Config, Event, Pallet, Validators, ValidatorsChanged};
use frame_support::{pallet_prelude::Weight, traits::Get};
use sp_runtime::Perbill;
use sp_staking::{
	offence::{OffenceDetails, OffenceSeverity, OnOffenceHandler},
	SessionIndex,
};

impl<T: Config> Pallet<T> {
	/// Disable `validator` now and take it out of the planned set if the set can spare it,
	/// unless an offence of `session` no longer punishes it.
	pub(crate) fn do_punish(
		validator: &T::AccountId,
		severity: Perbill,
		session: SessionIndex,
	) -> Weight {
		let answerable_from = AnswerableFrom::<T>::get(validator).unwrap_or_default();
		if session < answerable_from {
			return T::DbWeight::get().reads(1);
		}
		AnswerableFrom::<T>::insert(validator, session.saturating_add(1));
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
		// pallet reads and writes its planned set, change flag and the offender's record.
		T::DbWeight::get().reads_writes(5, 4)
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
