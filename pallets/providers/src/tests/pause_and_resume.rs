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
fn pausing_and_resuming_tell_the_listeners() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_eq!(
			Call::pause {}.get_dispatch_info().call_weight,
			<() as WeightInfo>::pause()
				.saturating_add(MockLifecycle::heard_from_weight())
				.saturating_add(MockLifecycle::paused_weight())
		);
		assert_eq!(
			Call::resume {}.get_dispatch_info().call_weight,
			<() as WeightInfo>::resume().saturating_add(MockLifecycle::resumed_weight())
		);
		let heard = next_period_start();
		System::set_block_number(heard);
		assert_ok!(heartbeat(AGENT));
		MockLifecycle::taken();

		// The time up to the last heartbeat is heard; the paused time earns nothing from the
		// moment of the pause.
		System::set_block_number(heard + 2);
		assert_ok!(Providers::pause(RuntimeOrigin::signed(OWNER)));
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				LifecycleCall::HeardFrom { provider: OWNER, last_heartbeat: heard },
				LifecycleCall::Paused { provider: OWNER }
			]
		);
		assert_noop!(Providers::pause(RuntimeOrigin::signed(OWNER)), Error::<Test>::AlreadyPaused);
		assert_eq!(MockLifecycle::taken(), vec![]);
		// It earns again from the moment it resumes.
		System::set_block_number(heard + 5);
		assert_ok!(Providers::resume(RuntimeOrigin::signed(OWNER)));
		assert_eq!(
			MockLifecycle::taken(),
			vec![LifecycleCall::Resumed { provider: OWNER, now: heard + 5 }]
		);
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
