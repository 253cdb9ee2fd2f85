//! `pause` and `resume`: no new work while paused, heartbeats go on.

use super::*;

#[test]
fn pause_stops_new_work_and_resume_restores_it() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert!(Providers::accepts_work(&OWNER));

		assert_ok!(Providers::pause(RuntimeOrigin::signed(OWNER)));
		assert!(info(OWNER).paused);
		assert!(!Providers::accepts_work(&OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		System::assert_last_event(Event::Paused { provider: OWNER }.into());

		assert_ok!(Providers::resume(RuntimeOrigin::signed(OWNER)));
		assert!(!info(OWNER).paused);
		assert!(Providers::accepts_work(&OWNER));
		System::assert_last_event(Event::Resumed { provider: OWNER }.into());
	});
}

#[test]
fn pausing_tells_the_market_and_resuming_does_not() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_eq!(
			Call::pause {}.get_dispatch_info().call_weight,
			<() as WeightInfo>::pause().saturating_add(MockLifecycle::paused_weight())
		);

		// The paused time earns nothing from the moment of the pause.
		assert_ok!(Providers::pause(RuntimeOrigin::signed(OWNER)));
		assert_eq!(MockLifecycle::taken(), vec![LifecycleCall::Paused { provider: OWNER }]);
		assert_noop!(Providers::pause(RuntimeOrigin::signed(OWNER)), Error::<Test>::AlreadyPaused);
		assert_eq!(MockLifecycle::taken(), vec![]);
		// The next heartbeat starts crediting again.
		assert_ok!(Providers::resume(RuntimeOrigin::signed(OWNER)));
		assert_eq!(MockLifecycle::taken(), vec![]);
	});
}

#[test]
fn a_paused_provider_keeps_heartbeating() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_ok!(Providers::pause(RuntimeOrigin::signed(OWNER)));
		System::set_block_number(next_period_start());
		assert_ok!(heartbeat(AGENT));
		assert_eq!(info(OWNER).last_heartbeat, System::block_number());
		assert!(info(OWNER).paused);
	});
}

#[test]
fn errors() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(Providers::pause(RuntimeOrigin::signed(OWNER)), Error::<Test>::NotRegistered);
		assert_noop!(Providers::resume(RuntimeOrigin::signed(OWNER)), Error::<Test>::NotRegistered);
		register_provider(OWNER, AGENT, 1);
		assert_noop!(Providers::resume(RuntimeOrigin::signed(OWNER)), Error::<Test>::NotPaused);
		assert_ok!(Providers::pause(RuntimeOrigin::signed(OWNER)));
		assert_noop!(Providers::pause(RuntimeOrigin::signed(OWNER)), Error::<Test>::AlreadyPaused);
	});
}
