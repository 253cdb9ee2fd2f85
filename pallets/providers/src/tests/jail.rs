//! Jail and unjail: by governance and by the slashing pallet, from every status.

use super::*;

#[test]
fn force_jail_bars_an_active_provider() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let old_deadline = deadline_of(OWNER);
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
		assert_eq!(info(OWNER).liveness_deadline, None);
		assert!(!Providers::accepts_work(&OWNER));
		System::assert_last_event(Event::Jailed { provider: OWNER }.into());

		// A jailed provider is not marked Offline.
		run_to_block(old_deadline);
		assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
	});
}

#[test]
fn force_jail_bars_an_offline_provider() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		run_to_block(deadline_of(OWNER));
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
	});
}

#[test]
fn force_unjail_makes_the_provider_active_with_a_fresh_deadline() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		run_to_block(7 * PERIOD + 4);

		assert_ok!(Providers::force_unjail(RuntimeOrigin::root(), OWNER));
		let deadline = expected_deadline(OWNER, 7 * PERIOD + 4);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_eq!(info(OWNER).liveness_deadline, Some(deadline));
		assert!(Deadlines::<Test>::get(deadline).contains(&OWNER));
		System::assert_last_event(Event::Unjailed { provider: OWNER }.into());

		run_to_block(deadline);
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
	});
}

#[test]
fn public_jail_functions_serve_other_pallets() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_ok!(Providers::do_jail(&OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
		assert_ok!(Providers::do_unjail(&OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
	});
}

#[test]
fn jail_errors() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Providers::force_jail(RuntimeOrigin::root(), OWNER),
			Error::<Test>::NotRegistered
		);
		register_provider(OWNER, AGENT, 1);
		assert_noop!(
			Providers::force_jail(RuntimeOrigin::signed(OWNER), OWNER),
			DispatchError::BadOrigin
		);
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_eq!(jail_overrides(OWNER), 1);
		// Jailing a jailed provider makes the jail governance's: no error, still jailed.
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
		assert_eq!(jail_overrides(OWNER), 2);

		// A Leaving provider is within reach.
		register_provider(OTHER_OWNER, OTHER_AGENT, 1);
		set_commitments(OTHER_OWNER, 1);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OTHER_OWNER)));
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OTHER_OWNER));
		assert_eq!(status(OTHER_OWNER), Some(ProviderStatus::Jailed));
	});
}

#[test]
fn leave_waits_for_pending_punishments() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		set_punishment_pending(OWNER, true);
		assert_noop!(
			Providers::leave(RuntimeOrigin::signed(OWNER)),
			Error::<Test>::PunishmentPending
		);
		set_punishment_pending(OWNER, false);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_eq!(status(OWNER), None);
	});
}

#[test]
fn unjail_errors() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Providers::force_unjail(RuntimeOrigin::root(), OWNER),
			Error::<Test>::NotRegistered
		);
		register_provider(OWNER, AGENT, 1);
		assert_noop!(
			Providers::force_unjail(RuntimeOrigin::root(), OWNER),
			Error::<Test>::NotJailed
		);
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_noop!(
			Providers::force_unjail(RuntimeOrigin::signed(OWNER), OWNER),
			DispatchError::BadOrigin
		);
		fill_all_spill_buckets(expected_deadline(OWNER, System::block_number()));
		assert_noop!(
			Providers::force_unjail(RuntimeOrigin::root(), OWNER),
			Error::<Test>::DeadlineQueueFull
		);
	});
}
