//! Tests of the validator set pallet against a runtime with the real pallet-session.

use crate::{mock::*, Error, Event, Validators, ValidatorsChanged};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, BuildGenesisConfig},
};
use pallet_session::SessionManager;
use proptest::prelude::*;
use sp_runtime::{BoundedVec, DispatchError, StateVersion};

fn validator_set_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn planned_events() -> Vec<Event<Test>> {
	validator_set_events()
		.into_iter()
		.filter(|event| matches!(event, Event::NewValidatorSetPlanned { .. }))
		.collect()
}

fn add(who: AccountId) -> sp_runtime::DispatchResult {
	ValidatorSet::add_validator(RuntimeOrigin::root(), who)
}

fn remove(who: AccountId) -> sp_runtime::DispatchResult {
	ValidatorSet::remove_validator(RuntimeOrigin::root(), who)
}

// ---- genesis ----

#[test]
fn genesis_sets_the_planned_and_the_active_set() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(planned_validators(), vec![1, 2, 3]);
		assert!(!ValidatorsChanged::<Test>::get());
		assert_eq!(current_session(), 0);
		assert_eq!(active_validators(), vec![1, 2, 3]);
		assert_eq!(queued_validators(), vec![1, 2, 3]);
	});
}

#[test]
fn new_session_genesis_returns_the_genesis_set() {
	ExtBuilder::default().validators(vec![3, 1, 2]).build_and_execute(|| {
		assert_eq!(ValidatorSet::new_session_genesis(0), Some(vec![3, 1, 2]));
		assert_eq!(ValidatorSet::new_session_genesis(1), Some(vec![3, 1, 2]));
		// pallet-session took the set in this pallet's order.
		assert_eq!(active_validators(), vec![3, 1, 2]);
	});
}

#[test]
fn genesis_accepts_a_full_set() {
	let full: Vec<AccountId> = (1..=u64::from(MAX_VALIDATORS)).collect();
	ExtBuilder::default().validators(full.clone()).build_and_execute(|| {
		assert_eq!(planned_validators(), full);
		assert_eq!(active_validators(), full);
	});
}

#[test]
fn genesis_without_validators_leaves_the_set_unconfigured() {
	ExtBuilder::default().validators(vec![]).build().execute_with(|| {
		assert!(planned_validators().is_empty());
		assert_eq!(ValidatorSet::new_session_genesis(0), None);
		assert!(active_validators().is_empty());
		// An unconfigured set is a broken chain, which try_state reports.
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

#[test]
#[should_panic(expected = "fewer initial validators than MinValidators")]
fn genesis_rejects_a_set_below_the_minimum() {
	ExtBuilder::default().validators(vec![1]).build();
}

#[test]
#[should_panic(expected = "duplicate initial validator")]
fn genesis_rejects_duplicates() {
	sp_io::TestExternalities::default().execute_with(|| {
		crate::GenesisConfig::<Test> { initial_validators: vec![1, 2, 1] }.build();
	});
}

#[test]
#[should_panic(expected = "more initial validators than MaxValidators")]
fn genesis_rejects_a_set_above_the_maximum() {
	ExtBuilder::default()
		.validators((1..=u64::from(MAX_VALIDATORS) + 1).collect())
		.build();
}

// ---- add_validator ----

#[test]
fn add_validator_plans_the_account() {
	ExtBuilder::default().build_and_execute(|| {
		let free_before = Balances::free_balance(4);

		assert_ok!(add(4));

		assert_eq!(planned_validators(), vec![1, 2, 3, 4]);
		assert!(ValidatorsChanged::<Test>::get());
		System::assert_last_event(Event::<Test>::ValidatorAdded { validator: 4 }.into());
		// The pallet moves no funds.
		assert_eq!(Balances::free_balance(4), free_before);
		// Nothing changes for the running or the queued session yet.
		assert_eq!(active_validators(), vec![1, 2, 3]);
		assert_eq!(queued_validators(), vec![1, 2, 3]);
	});
}

#[test]
fn added_validator_validates_from_the_session_after_next() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(add(4));

		run_to_block(SESSION_PERIOD - 1);
		assert_eq!(current_session(), 0);
		assert_eq!(queued_validators(), vec![1, 2, 3]);

		// First rotation: session 1 starts with the old set, the new one is queued for session 2.
		run_to_block(SESSION_PERIOD);
		assert_eq!(current_session(), 1);
		assert_eq!(active_validators(), vec![1, 2, 3]);
		assert_eq!(queued_validators(), vec![1, 2, 3, 4]);
		assert!(!ValidatorsChanged::<Test>::get());
		System::assert_has_event(
			Event::<Test>::NewValidatorSetPlanned { session_index: 2, validators_count: 4 }.into(),
		);

		run_to_block(2 * SESSION_PERIOD - 1);
		assert_eq!(active_validators(), vec![1, 2, 3]);

		// Second rotation: the new validator is active.
		run_to_block(2 * SESSION_PERIOD);
		assert_eq!(current_session(), 2);
		assert_eq!(active_validators(), vec![1, 2, 3, 4]);
		assert_eq!(planned_events().len(), 1);
	});
}

#[test]
fn change_made_mid_session_waits_for_two_rotations() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(SESSION_PERIOD + 1);
		assert_eq!(current_session(), 1);

		assert_ok!(add(5));

		run_to_block(2 * SESSION_PERIOD);
		assert_eq!(current_session(), 2);
		assert_eq!(active_validators(), vec![1, 2, 3]);
		assert_eq!(queued_validators(), vec![1, 2, 3, 5]);
		System::assert_has_event(
			Event::<Test>::NewValidatorSetPlanned { session_index: 3, validators_count: 4 }.into(),
		);

		run_to_block(3 * SESSION_PERIOD);
		assert_eq!(current_session(), 3);
		assert_eq!(active_validators(), vec![1, 2, 3, 5]);
	});
}

#[test]
fn account_that_sets_its_keys_can_join() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(add(9), Error::<Test>::NoSessionKeys);

		assert_ok!(set_session_keys(9));
		let key_deposit_hold: RuntimeHoldReason = pallet_session::HoldReason::Keys.into();
		assert_eq!(Balances::balance_on_hold(&key_deposit_hold, &9), KEY_DEPOSIT);

		assert_ok!(add(9));
		System::assert_last_event(Event::<Test>::ValidatorAdded { validator: 9 }.into());

		run_to_next_session();
		run_to_next_session();
		assert_eq!(active_validators(), vec![1, 2, 3, 9]);
	});
}

#[test]
fn add_validator_fails_for_a_validator() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(add(2), Error::<Test>::AlreadyValidator);

		assert_ok!(add(4));
		assert_noop!(add(4), Error::<Test>::AlreadyValidator);
	});
}

#[test]
fn add_validator_fails_without_session_keys() {
	ExtBuilder::default().build_and_execute(|| {
		for keyless in KEYLESS_ACCOUNTS {
			assert_noop!(add(keyless), Error::<Test>::NoSessionKeys);
		}
		// An account that purged its keys is refused as well.
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(4)));
		assert_noop!(add(4), Error::<Test>::NoSessionKeys);
	});
}

#[test]
fn add_validator_fails_when_the_set_is_full() {
	ExtBuilder::default().build_and_execute(|| {
		for candidate in [4, 5, 6] {
			assert_ok!(add(candidate));
		}
		assert_eq!(planned_validators().len(), MAX_VALIDATORS as usize);

		assert_noop!(add(7), Error::<Test>::TooManyValidators);
	});
}

#[test]
fn add_validator_requires_the_governance_origin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(4), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::none(), 4),
			DispatchError::BadOrigin
		);
	});
}

// ---- remove_validator ----

#[test]
fn remove_validator_unplans_the_account() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(remove(2));

		assert_eq!(planned_validators(), vec![1, 3]);
		assert!(ValidatorsChanged::<Test>::get());
		System::assert_last_event(Event::<Test>::ValidatorRemoved { validator: 2 }.into());
		assert_eq!(active_validators(), vec![1, 2, 3]);
		assert_eq!(queued_validators(), vec![1, 2, 3]);
	});
}

#[test]
fn removed_validator_stops_validating_from_the_session_after_next() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(remove(1));

		run_to_next_session();
		assert_eq!(current_session(), 1);
		assert_eq!(active_validators(), vec![1, 2, 3]);
		assert_eq!(queued_validators(), vec![2, 3]);
		System::assert_has_event(
			Event::<Test>::NewValidatorSetPlanned { session_index: 2, validators_count: 2 }.into(),
		);

		run_to_next_session();
		assert_eq!(current_session(), 2);
		assert_eq!(active_validators(), vec![2, 3]);
	});
}

#[test]
fn remove_validator_fails_for_a_non_validator() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(remove(4), Error::<Test>::NotValidator);
		assert_noop!(remove(9), Error::<Test>::NotValidator);
	});
}

#[test]
fn remove_validator_keeps_the_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(remove(3));
		assert_eq!(planned_validators().len(), MIN_VALIDATORS as usize);

		assert_noop!(remove(2), Error::<Test>::TooFewValidators);
		assert_noop!(remove(1), Error::<Test>::TooFewValidators);
	});
}

#[test]
fn remove_validator_requires_the_governance_origin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::none(), 1),
			DispatchError::BadOrigin
		);
	});
}

// ---- session manager ----

#[test]
fn new_session_hands_over_a_changed_set_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(add(4));

		assert_eq!(ValidatorSet::new_session(7), Some(vec![1, 2, 3, 4]));
		assert!(!ValidatorsChanged::<Test>::get());
		System::assert_last_event(
			Event::<Test>::NewValidatorSetPlanned { session_index: 7, validators_count: 4 }.into(),
		);

		assert_eq!(ValidatorSet::new_session(8), None);
		assert_eq!(planned_events().len(), 1);
	});
}

#[test]
fn unchanged_set_is_kept_across_rotations() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(ValidatorSet::new_session(2), None);

		for _ in 0..4 {
			run_to_next_session();
			assert_eq!(active_validators(), vec![1, 2, 3]);
		}
		assert_eq!(current_session(), 4);
		assert!(planned_events().is_empty());
	});
}

#[test]
fn changes_within_one_session_are_handed_over_together() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(add(4));
		assert_ok!(remove(1));
		assert_ok!(add(5));

		run_to_next_session();
		assert_eq!(queued_validators(), vec![2, 3, 4, 5]);
		run_to_next_session();
		assert_eq!(active_validators(), vec![2, 3, 4, 5]);
		assert_eq!(planned_events().len(), 1);
		assert_eq!(
			validator_set_events(),
			vec![
				Event::ValidatorAdded { validator: 4 },
				Event::ValidatorRemoved { validator: 1 },
				Event::ValidatorAdded { validator: 5 },
				Event::NewValidatorSetPlanned { session_index: 2, validators_count: 4 },
			]
		);
	});
}

#[test]
fn new_session_keeps_the_current_set_if_the_planned_one_is_empty() {
	ExtBuilder::default().build().execute_with(|| {
		Validators::<Test>::kill();
		ValidatorsChanged::<Test>::put(true);

		assert_eq!(ValidatorSet::new_session(2), None);
		assert!(planned_events().is_empty());
	});
}

// ---- try_state ----

#[test]
fn try_state_detects_duplicates() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(ValidatorSet::do_try_state());
		Validators::<Test>::put(BoundedVec::truncate_from(vec![1, 2, 1]));
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_set_below_the_minimum() {
	ExtBuilder::default().build().execute_with(|| {
		Validators::<Test>::put(BoundedVec::truncate_from(vec![1]));
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

// ---- random call sequences ----

#[derive(Clone, Debug)]
enum Action {
	Add(AccountId),
	Remove(AccountId),
	AdvanceBlocks(u64),
}

fn action() -> impl Strategy<Value = Action> {
	prop_oneof![
		3 => FUNDED_ACCOUNTS.prop_map(Action::Add),
		3 => FUNDED_ACCOUNTS.prop_map(Action::Remove),
		2 => (1..=2 * SESSION_PERIOD).prop_map(Action::AdvanceBlocks),
	]
}

fn has_keys(who: AccountId) -> bool {
	GENESIS_VALIDATORS.contains(&who) || KEYED_CANDIDATES.contains(&who)
}

/// What `add_validator` must answer for `model`, in the documented order of checks.
fn expected_add(model: &[AccountId], who: AccountId) -> Result<(), Error<Test>> {
	if model.contains(&who) {
		Err(Error::AlreadyValidator)
	} else if !has_keys(who) {
		Err(Error::NoSessionKeys)
	} else if model.len() >= MAX_VALIDATORS as usize {
		Err(Error::TooManyValidators)
	} else {
		Ok(())
	}
}

fn expected_remove(model: &[AccountId], who: AccountId) -> Result<(), Error<Test>> {
	if !model.contains(&who) {
		Err(Error::NotValidator)
	} else if model.len() <= MIN_VALIDATORS as usize {
		Err(Error::TooFewValidators)
	} else {
		Ok(())
	}
}

/// Checks a call's result against the model, and that a refused call changed nothing.
fn check_call(
	call: impl FnOnce() -> sp_runtime::DispatchResult,
	expected: Result<(), Error<Test>>,
) {
	let root_before = sp_io::storage::root(StateVersion::V1);
	let result = call();
	assert_eq!(result, expected.map_err(DispatchError::from));
	if result.is_err() {
		assert_eq!(sp_io::storage::root(StateVersion::V1), root_before);
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]

	#[test]
	fn random_calls_keep_the_invariants(actions in prop::collection::vec(action(), 1..40)) {
		ExtBuilder::default().build_and_execute(|| {
			let mut model = GENESIS_VALIDATORS.to_vec();
			// Block of the latest change pallet-session has not yet made active.
			let mut pending_change: Option<u64> = None;

			for action in actions {
				match action {
					Action::Add(who) => {
						let expected = expected_add(&model, who);
						let accepted = expected.is_ok();
						check_call(|| add(who), expected);
						if accepted {
							model.push(who);
							pending_change = Some(System::block_number());
						}
					},
					Action::Remove(who) => {
						let expected = expected_remove(&model, who);
						let accepted = expected.is_ok();
						check_call(|| remove(who), expected);
						if accepted {
							model.retain(|member| *member != who);
							pending_change = Some(System::block_number());
						}
					},
					Action::AdvanceBlocks(blocks) => {
						run_to_block(System::block_number() + blocks);
						let now = System::block_number();
						// A change is active once two rotations followed it.
						if let Some(changed_at) = pending_change {
							if now / SESSION_PERIOD >= changed_at / SESSION_PERIOD + 2 {
								pending_change = None;
							}
						}
						if pending_change.is_none() {
							assert_eq!(active_validators(), model);
						}
					},
				}

				assert_eq!(planned_validators(), model);
				assert_ok!(ValidatorSet::do_try_state());
				assert!(model.len() >= MIN_VALIDATORS as usize);
				assert!(model.len() <= MAX_VALIDATORS as usize);
			}
		});
	}
}

mod punishment {
	use super::*;
	use frame_support::pallet_prelude::Weight;
	use sp_runtime::Perbill;
	use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

	/// What pallet-offences does with a proven offence of `offender`.
	fn report(offender: AccountId) {
		let details = OffenceDetails { offender: (offender, ()), reporters: Vec::new() };
		<ValidatorSet as OnOffenceHandler<AccountId, (AccountId, ()), Weight>>::on_offence(
			&[details],
			&[Perbill::from_percent(10)],
			current_session(),
		);
	}

	fn disabled() -> Vec<AccountId> {
		let active = active_validators();
		Session::disabled_validators()
			.into_iter()
			.map(|index| active[index as usize])
			.collect()
	}

	#[test]
	fn an_offender_is_disabled_at_once_and_leaves_the_set_after_next_session() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_block(2);
			report(2);

			assert_eq!(disabled(), vec![2]);
			assert_eq!(planned_validators(), vec![1, 3]);
			assert_eq!(
				validator_set_events().last(),
				Some(&Event::ValidatorPunished { validator: 2, session: 0, removed: true })
			);

			run_to_next_session();
			// The set of the next session was queued before the offence: the offender is still
			// active in it, and still disabled, as the active set did not change.
			assert_eq!(active_validators(), vec![1, 2, 3]);
			assert_eq!(disabled(), vec![2]);
			run_to_next_session();
			assert_eq!(active_validators(), vec![1, 3]);
			assert!(disabled().is_empty());
		});
	}

	#[test]
	fn punishment_keeps_the_minimum_set_and_the_disabling_limit() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_block(2);
			report(1);
			report(3);

			// Half of three validators rounds down to one disabled; two is the minimum set.
			assert_eq!(disabled(), vec![1]);
			assert_eq!(planned_validators(), vec![2, 3]);
			assert_eq!(
				validator_set_events().last(),
				Some(&Event::ValidatorPunished { validator: 3, session: 0, removed: false })
			);

			// The same session's offence handed over again punishes nothing more.
			let events = validator_set_events().len();
			report(1);
			assert_eq!(planned_validators(), vec![2, 3]);
			assert_eq!(validator_set_events().len(), events);
		});
	}

	/// pallet-offences hands over every offender of a round each time one more is reported: a
	/// validator governance took back is not punished again for what it did before.
	#[test]
	fn an_offender_answers_once_and_not_for_what_preceded_its_readmission() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_block(2);
			report(2);
			assert_eq!(planned_validators(), vec![1, 3]);
			run_to_next_session();
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 2));
			assert_eq!(planned_validators(), vec![1, 3, 2]);

			// Validator 3 is reported for the same round, session 0, with 2 as a concurrent
			// offender: only 3 is punished.
			let offenders = [2, 3]
				.map(|offender| OffenceDetails { offender: (offender, ()), reporters: Vec::new() });
			<ValidatorSet as OnOffenceHandler<AccountId, (AccountId, ()), Weight>>::on_offence(
				&offenders,
				&[Perbill::from_percent(10); 2],
				0,
			);
			assert_eq!(planned_validators(), vec![1, 2]);
			let punished: Vec<_> = validator_set_events()
				.into_iter()
				.filter_map(|event| match event {
					Event::ValidatorPunished { validator, .. } => Some(validator),
					_ => None,
				})
				.collect();
			assert_eq!(punished, vec![2, 3]);

			// A new offence after its readmission punishes it again (the set is at its minimum,
			// so it stays in it).
			report(2);
			assert_eq!(
				validator_set_events().last(),
				Some(&Event::ValidatorPunished {
					validator: 2,
					session: current_session(),
					removed: false
				})
			);
		});
	}
}
