//! The registry's invariants (`try_state`): they hold after ordinary use and catch each way of
//! breaking them.

use super::*;

#[test]
fn hold_after_ordinary_use() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		register_provider(OTHER_OWNER, OTHER_AGENT, 1);
		assert_ok!(Providers::do_try_state(System::block_number()));
	});
}

#[test]
fn catch_a_broken_agent_index() {
	ExtBuilder.build().execute_with(|| {
		register_provider(OWNER, AGENT, 1);
		ProviderOfAgent::<Test>::remove(AGENT);
		assert!(Providers::do_try_state(System::block_number()).is_err());
	});
}

#[test]
fn catch_an_active_provider_missing_from_its_bucket() {
	ExtBuilder.build().execute_with(|| {
		register_provider(OWNER, AGENT, 1);
		Deadlines::<Test>::remove(deadline_of(OWNER));
		assert!(Providers::do_try_state(System::block_number()).is_err());
	});
}

#[test]
fn catch_an_inventory_out_of_step_with_the_record() {
	ExtBuilder.build().execute_with(|| {
		register_provider(OWNER, AGENT, 2);
		Inventory::<Test>::insert(OWNER, inventory(OWNER, 1));
		assert!(Providers::do_try_state(System::block_number()).is_err());
	});
}

#[test]
fn catch_a_bucket_left_behind() {
	ExtBuilder.build().execute_with(|| {
		System::set_block_number(20);
		fill_bucket(19);
		assert!(Providers::do_try_state(20).is_err());
	});
}

#[test]
fn do_not_require_stake_to_cover_the_gpus() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 3);
		// Slashing may leave a provider under-bonded; that is not a broken invariant.
		set_stake(OWNER, 0);
		assert_ok!(Providers::do_try_state(System::block_number()));
	});
}
