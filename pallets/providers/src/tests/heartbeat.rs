//! `heartbeat`: liveness recorded, one per period, only from the agent key, and an Offline
//! provider brought back.

use super::*;

#[test]
fn records_liveness_and_leaves_the_deadline_queued() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let first_deadline = deadline_of(OWNER);
		let now = next_period_start() + 3;
		System::set_block_number(now);
		MockLifecycle::taken();

		let post = Providers::heartbeat(RuntimeOrigin::signed(AGENT), Default::default())
			.expect("valid heartbeat");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::heartbeat()));

		// The record says when; no deadline bucket is touched.
		assert_eq!(info(OWNER).last_heartbeat, now);
		assert_eq!(info(OWNER).liveness_deadline, Some(first_deadline));
		assert!(Deadlines::<Test>::get(first_deadline).contains(&OWNER));
		assert!(!Deadlines::<Test>::get(expected_deadline(OWNER, now)).contains(&OWNER));
		System::assert_last_event(Event::HeartbeatReceived { provider: OWNER, block: now }.into());
		// The market sees the (empty) attestations only; the liveness check hears the rest.
		assert_eq!(
			MockLifecycle::taken(),
			vec![LifecycleCall::Attested { provider: OWNER, now, lines: vec![] }]
		);
	});
}

#[test]
fn the_queued_deadline_moves_on_to_the_one_the_last_heartbeat_gives() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let first_deadline = deadline_of(OWNER);
		let heard = next_period_start() + 3;
		run_to_block(heard);
		assert_ok!(heartbeat(AGENT));
		MockLifecycle::taken();

		run_to_block(first_deadline);
		let next = expected_deadline(OWNER, heard);
		assert_eq!(next, first_deadline + PERIOD);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_eq!(info(OWNER).liveness_deadline, Some(next));
		assert!(Deadlines::<Test>::get(next).contains(&OWNER));
		assert!(!Deadlines::<Test>::contains_key(first_deadline));
		// The listeners are told what it was heard from, once, at the check.
		assert_eq!(
			MockLifecycle::taken(),
			vec![LifecycleCall::HeardFrom { provider: OWNER, last_heartbeat: heard }]
		);
	});
}

#[test]
fn only_once_per_period() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		// Registration counts as the heartbeat of its period.
		assert_noop!(heartbeat(AGENT), Error::<Test>::HeartbeatAlreadySent);

		let start = next_period_start();
		System::set_block_number(start);
		assert_ok!(heartbeat(AGENT));
		System::set_block_number(start + PERIOD - 1);
		assert_noop!(heartbeat(AGENT), Error::<Test>::HeartbeatAlreadySent);
		System::set_block_number(start + PERIOD);
		assert_ok!(heartbeat(AGENT));
	});
}

#[test]
fn fails_for_a_key_that_is_no_agent() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		System::set_block_number(next_period_start());
		// Not even the owner may heartbeat: that is the hot key's job.
		assert_noop!(heartbeat(OWNER), Error::<Test>::NotAgent);
		assert_noop!(heartbeat(OTHER_AGENT), Error::<Test>::NotAgent);
		assert_noop!(
			Providers::heartbeat(RuntimeOrigin::none(), Default::default()),
			DispatchErrorWithPostInfo::from(DispatchError::BadOrigin)
		);
	});
}

#[test]
fn brings_an_offline_provider_back() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		run_to_block(deadline_of(OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));

		let now = System::block_number();
		let post = Providers::heartbeat(RuntimeOrigin::signed(AGENT), Default::default())
			.expect("valid heartbeat");
		assert_eq!(
			post.actual_weight,
			Some(<() as WeightInfo>::heartbeat_back_online().saturating_add(BACK_ONLINE))
		);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_eq!(info(OWNER).liveness_deadline, Some(expected_deadline(OWNER, now)));
		let events = provider_events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::HeartbeatReceived { provider: OWNER, block: now },
				Event::BackOnline { provider: OWNER },
			]
		);
	});
}

#[test]
fn jailed_and_leaving_providers_keep_their_status() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		register_provider(OTHER_OWNER, OTHER_AGENT, 1);
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		set_commitments(OTHER_OWNER, 1);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OTHER_OWNER)));

		let now = next_period_start();
		System::set_block_number(now);
		assert_ok!(heartbeat(AGENT));
		assert_ok!(heartbeat(OTHER_AGENT));
		assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
		assert_eq!(status(OTHER_OWNER), Some(ProviderStatus::Leaving));
		assert_eq!(info(OWNER).last_heartbeat, now);
		assert_eq!(info(OTHER_OWNER).last_heartbeat, now);
		assert_eq!(info(OWNER).liveness_deadline, None);
		assert_eq!(info(OTHER_OWNER).liveness_deadline, Some(deadline_of(OTHER_OWNER)));
		System::assert_last_event(
			Event::HeartbeatReceived { provider: OTHER_OWNER, block: now }.into(),
		);
	});
}

#[test]
fn coming_back_fails_when_every_deadline_queue_is_full() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		run_to_block(deadline_of(OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		let now = System::block_number();
		fill_all_spill_buckets(expected_deadline(OWNER, now));
		assert_noop!(heartbeat(AGENT), Error::<Test>::DeadlineQueueFull);
	});
}

#[test]
fn an_active_provider_heartbeats_whatever_the_queues_hold() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let now = next_period_start();
		System::set_block_number(now);
		fill_all_spill_buckets(expected_deadline(OWNER, now));
		assert_ok!(heartbeat(AGENT));
		assert_eq!(info(OWNER).last_heartbeat, now);
	});
}

#[test]
fn is_feeless_only_when_valid() {
	ExtBuilder.build_and_execute(|| {
		let call = Call::heartbeat { attestations: Default::default() };
		assert!(!call.is_feeless(&RuntimeOrigin::signed(AGENT)), "not an agent yet");

		register_provider(OWNER, AGENT, 1);
		assert!(!call.is_feeless(&RuntimeOrigin::signed(AGENT)), "period already covered");

		System::set_block_number(next_period_start());
		assert!(call.is_feeless(&RuntimeOrigin::signed(AGENT)));
		assert!(!call.is_feeless(&RuntimeOrigin::signed(OWNER)), "the owner is no agent");
		assert!(!call.is_feeless(&RuntimeOrigin::root()));
		assert!(!call.is_feeless(&RuntimeOrigin::none()));
		assert!(!Call::pause {}.is_feeless(&RuntimeOrigin::signed(OWNER)));

		assert_ok!(heartbeat(AGENT));
		assert!(!call.is_feeless(&RuntimeOrigin::signed(AGENT)), "second in the period");
	});
}
