//! The hook's budget: slashes beyond `HookBudget` are applied, in order, by the next blocks,
//! and governance may still cancel one while it waits.

use super::*;
use crate::{mock::HookBudget, ApplyBacklog};

/// The providers slashed since the last call.
fn slashed_providers() -> Vec<AccountId> {
	MockStake::slash_calls().into_iter().map(|call| call.provider).collect()
}

#[test]
fn slashes_beyond_the_budget_wait_for_the_next_blocks_in_order() {
	new_test_ext().execute_with(|| {
		assert_ok!(false_inventory(PROVIDER_A, 1));
		assert_ok!(false_inventory(PROVIDER_B, 1));
		let apply_at = 1 + DISPUTE_WINDOW;
		assert_eq!(ApplyQueue::<Test>::get(apply_at).len(), 2);
		// Room for less than one slash: one a block.
		HookBudget::set(&Weight::zero());

		run_to_block(apply_at);
		assert_eq!(slashed_providers(), vec![PROVIDER_A]);
		assert_eq!(ApplyBacklog::<Test>::get(), Some(apply_at));
		assert!(PendingSlashes::<Test>::get(1).is_some());

		run_to_block(apply_at + 1);
		assert_eq!(slashed_providers(), vec![PROVIDER_B]);
		assert!(PendingSlashes::<Test>::iter().next().is_none());
		run_to_block(apply_at + 2);
		assert_eq!(ApplyBacklog::<Test>::get(), None);
		assert!(!ApplyQueue::<Test>::contains_key(apply_at));
	});
}

#[test]
fn a_waiting_slash_can_still_be_cancelled() {
	new_test_ext().execute_with(|| {
		assert_ok!(false_inventory(PROVIDER_A, 1));
		assert_ok!(false_inventory(PROVIDER_B, 1));
		let apply_at = 1 + DISPUTE_WINDOW;
		HookBudget::set(&Weight::zero());
		run_to_block(apply_at);
		assert_ok!(Slashing::cancel_slash(root(), 1));
		run_to_block(apply_at + 2);
		assert_eq!(slashed_providers(), vec![PROVIDER_A]);
		assert_eq!(ApplyBacklog::<Test>::get(), None);
	});
}
