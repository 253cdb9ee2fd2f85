//! `leave`: at once without commitments, after them otherwise, leaving nothing behind.

use super::*;

fn assert_gone(owner: AccountId, agent: AccountId) {
	assert!(ProviderRecords::get(owner).is_none());
	assert!(Metadata::<Test>::get(owner).is_none());
	assert!(Inventory::<Test>::get(owner).is_none());
	assert!(ProviderOfAgent::<Test>::get(agent).is_none());
	assert_eq!(Providers::registered_gpus(&owner), None);
	assert_eq!(status(owner), None);
}

#[test]
fn register_and_leave_cycles_leave_no_deadline_entries_behind() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let deadline = deadline_of(OWNER);
		for _ in 0..5 {
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert!(!Deadlines::<Test>::get(deadline).contains(&OWNER));
			assert_ok!(register_with(OWNER, AGENT, inventory(OWNER, 1)));
		}
		// One live entry, however many times the owner came and went.
		assert_eq!(
			Deadlines::<Test>::get(deadline).iter().filter(|owner| **owner == OWNER).count(),
			1
		);
	});
}

#[test]
fn without_commitments_deregisters_at_once() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_gone(OWNER, AGENT);
		assert_eq!(ProviderRecords::count(), 0);
		System::assert_last_event(Event::Deregistered { provider: OWNER }.into());

		// Its deadline entry is gone: passing that block changes nothing.
		let deadline = expected_deadline(OWNER, 1);
		run_to_block(deadline);
		assert!(!provider_events().iter().any(|event| matches!(event, Event::WentOffline { .. })));

		// Owner and agent are free again.
		assert_ok!(register_with(OWNER, AGENT, inventory(OWNER, 1)));
	});
}

#[test]
fn with_commitments_waits_for_them_to_end() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		set_commitments(OWNER, 2);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
		assert_eq!(info(OWNER).liveness_deadline, Some(deadline_of(OWNER)));
		assert!(!Providers::accepts_work(&OWNER));
		System::assert_last_event(Event::Leaving { provider: OWNER, active_commitments: 2 }.into());

		assert_noop!(
			Providers::leave(RuntimeOrigin::signed(OWNER)),
			Error::<Test>::CommitmentsRemain
		);
		set_commitments(OWNER, 0);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_gone(OWNER, AGENT);
		System::assert_last_event(Event::Deregistered { provider: OWNER }.into());
	});
}

#[test]
fn a_silent_leaving_provider_goes_offline_and_must_come_back_to_leave() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		set_commitments(OWNER, 1);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));

		// Its leases still run, so a leaving provider is watched like an active one.
		run_to_block(deadline_of(OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		assert_eq!(info(OWNER).liveness_deadline, None);
		assert_noop!(
			Providers::leave(RuntimeOrigin::signed(OWNER)),
			Error::<Test>::ProviderOffline
		);

		assert_ok!(heartbeat(AGENT));
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
	});
}

#[test]
fn a_leaving_provider_that_heartbeats_stays_leaving_and_watched() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		set_commitments(OWNER, 1);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		let now = next_period_start();
		System::set_block_number(now);
		assert_ok!(heartbeat(AGENT));
		assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
		// Still watched: its deadline comes, finds the heartbeat and moves on.
		run_to_block(deadline_of(OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
		assert_eq!(info(OWNER).liveness_deadline, Some(expected_deadline(OWNER, now)));
	});
}

#[test]
fn an_offline_provider_without_commitments_may_leave() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		run_to_block(deadline_of(OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_gone(OWNER, AGENT);
	});
}

#[test]
fn an_offline_provider_with_commitments_must_come_back_first() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		run_to_block(deadline_of(OWNER));
		set_commitments(OWNER, 1);
		assert_noop!(
			Providers::leave(RuntimeOrigin::signed(OWNER)),
			Error::<Test>::ProviderOffline
		);
		assert_ok!(heartbeat(AGENT));
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
	});
}

#[test]
fn a_jailed_provider_cannot_leave() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_noop!(Providers::leave(RuntimeOrigin::signed(OWNER)), Error::<Test>::ProviderJailed);
	});
}

#[test]
fn fails_for_an_unregistered_account() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(Providers::leave(RuntimeOrigin::signed(OWNER)), Error::<Test>::NotRegistered);
	});
}
