//! `prune_offence_records`: offence bookkeeping that no longer matters goes, at no fee, and
//! nothing that still counts can be removed.

use super::*;
use frame_support::dispatch::Pays;

fn prune(provider: AccountId) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Slashing::prune_offence_records(signed(TENANT), provider)
}

#[test]
fn a_live_window_and_span_cannot_be_pruned() {
	new_test_ext().execute_with(|| {
		assert_noop!(prune(PROVIDER_A), Error::<Test>::NothingToPrune);
		assert_ok!(false_inventory(PROVIDER_A, 1));
		run_to_block(OFFENCE_WINDOW);
		assert_noop!(prune(PROVIDER_A), Error::<Test>::NothingToPrune);
		assert_eq!(count_of(PROVIDER_A), Some(1));
		assert!(Spans::<Test>::contains_key(PROVIDER_A));
	});
}

#[test]
fn a_closed_window_goes_first_then_the_span_with_its_era() {
	new_test_ext().execute_with(|| {
		assert_ok!(false_inventory(PROVIDER_A, 1));
		// The window of the offence at block 1 is over at 1 + OFFENCE_WINDOW; the span's era
		// lasts until SPAN_LENGTH.
		run_to_block(1 + OFFENCE_WINDOW);
		let pruned = prune(PROVIDER_A).expect("the window is over");
		assert_eq!(pruned.pays_fee, Pays::No);
		assert_eq!(count_of(PROVIDER_A), None);
		assert!(Spans::<Test>::contains_key(PROVIDER_A));
		System::assert_last_event(
			Event::OffenceRecordsPruned { provider: PROVIDER_A, count: true, span: false }.into(),
		);

		run_to_block(SPAN_LENGTH);
		assert_ok!(prune(PROVIDER_A));
		assert!(!Spans::<Test>::contains_key(PROVIDER_A));
		System::assert_last_event(
			Event::OffenceRecordsPruned { provider: PROVIDER_A, count: false, span: true }.into(),
		);
		assert_noop!(prune(PROVIDER_A), Error::<Test>::NothingToPrune);
	});
}

/// Pruning changes no outcome: the next offence counts from one in a fresh window, as it would
/// have with the stale record kept.
#[test]
fn an_offence_after_pruning_counts_as_without_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(false_inventory(PROVIDER_A, 1));
		run_to_block(1 + OFFENCE_WINDOW);
		assert_ok!(prune(PROVIDER_A));
		assert_ok!(false_inventory(PROVIDER_A, 2));
		assert_eq!(
			OffenceCounts::<Test>::get(PROVIDER_A),
			Some(OffenceCount { window_start: 1 + OFFENCE_WINDOW, count: 1 })
		);
	});
}
