//! Liveness deadlines: spread offsets, the documented rule, and Offline exactly at the deadline.

use super::*;

#[test]
fn offsets_are_fixed_spread_and_inside_the_period() {
	ExtBuilder.build_and_execute(|| {
		let offsets: Vec<BlockNumber> =
			(1..=40).map(|owner| Providers::heartbeat_offset(&owner)).collect();
		assert!(offsets.iter().all(|offset| *offset < PERIOD));
		let distinct: std::collections::BTreeSet<_> = offsets.iter().collect();
		assert!(distinct.len() >= 5, "offsets cluster: {offsets:?}");
		assert_eq!(Providers::heartbeat_offset(&7), offsets[6]);
	});
}

#[test]
fn deadline_follows_the_documented_rule() {
	ExtBuilder.build_and_execute(|| {
		for now in [1, 9, 10, 19, 25] {
			let deadline = Providers::liveness_deadline_after(&OWNER, now);
			let offset = Providers::heartbeat_offset(&OWNER);
			// The offset block of the period after the `MAX_MISSED` periods that follow.
			assert_eq!(deadline / PERIOD, now / PERIOD + u64::from(MAX_MISSED) + 1);
			assert_eq!(deadline % PERIOD, offset);
			// So every one of the `MAX_MISSED` following periods must have been missed.
			assert!(deadline >= (now / PERIOD + u64::from(MAX_MISSED) + 1) * PERIOD);
		}
	});
}

#[test]
fn goes_offline_exactly_at_the_deadline() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let deadline = deadline_of(OWNER);
		run_to_block(deadline - 1);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));

		run_to_block(deadline);
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		assert_eq!(info(OWNER).liveness_deadline, None);
		assert!(!Deadlines::<Test>::contains_key(deadline));
		assert!(!Providers::accepts_work(&OWNER));
		System::assert_last_event(Event::WentOffline { provider: OWNER, last_heartbeat: 1 }.into());
	});
}

#[test]
fn heartbeating_every_period_keeps_a_provider_active() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		for period in 1..=12 {
			// Late in the period on even rounds, early on odd ones.
			let offset = if period % 2 == 0 { PERIOD - 1 } else { 0 };
			run_to_block(period * PERIOD + offset);
			assert_ok!(heartbeat(AGENT));
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		}
		assert!(!provider_events().iter().any(|event| matches!(event, Event::WentOffline { .. })));
	});
}

#[test]
fn missing_fewer_periods_than_allowed_is_fine() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		// Skip period 1 entirely and heartbeat in the last block of period 2.
		run_to_block(3 * PERIOD - 1);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_ok!(heartbeat(AGENT));
		// Its first deadline comes, finds the heartbeat, and moves on.
		run_to_block(deadline_of(OWNER));
		let deadline = deadline_of(OWNER);
		assert_eq!(deadline, 5 * PERIOD + Providers::heartbeat_offset(&OWNER));
		run_to_block(deadline - 1);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		run_to_block(deadline);
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
	});
}

#[test]
fn a_provider_heard_from_is_checked_once_per_window_and_its_time_passed_on() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		MockLifecycle::taken();
		let mut heard_from = Vec::new();
		for period in 1..=12 {
			run_to_block(period * PERIOD);
			assert_ok!(heartbeat(AGENT));
			heard_from.extend(MockLifecycle::taken().into_iter().filter_map(|call| match call {
				LifecycleCall::HeardFrom { provider, last_heartbeat } => {
					Some((provider, last_heartbeat))
				},
				_ => None,
			}));
		}
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		// Twelve heartbeats, one check per window of `MAX_MISSED + 1` periods (a period less
		// when the check falls in the block before the heartbeat of its period): 3 to 5 of them
		// in these 12 periods, whatever the provider's offset.
		let window = u64::from(MAX_MISSED) + 1;
		assert!((3..=5).contains(&heard_from.len()), "{heard_from:?}");
		for (provider, last_heartbeat) in &heard_from {
			assert_eq!(*provider, OWNER);
			assert_eq!(last_heartbeat % PERIOD, 0, "a heartbeat block");
		}
		// Each check passes on a heartbeat a whole window or so after the one before.
		for pair in heard_from.windows(2) {
			let gap = (pair[1].1 - pair[0].1) / PERIOD;
			assert!((window - 1..=window).contains(&gap), "{heard_from:?}");
		}
	});
}

#[test]
fn a_provider_whose_next_deadline_finds_no_room_goes_offline() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let first = deadline_of(OWNER);
		run_to_block(PERIOD);
		assert_ok!(heartbeat(AGENT));
		fill_all_spill_buckets(expected_deadline(OWNER, PERIOD));

		run_to_block(first);
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		assert_eq!(info(OWNER).liveness_deadline, None);
	});
}

#[test]
fn a_provider_checked_late_is_offline_since_its_own_deadline() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let first = deadline_of(OWNER);
		run_to_block(PERIOD);
		assert_ok!(heartbeat(AGENT));
		let own = expected_deadline(OWNER, PERIOD);
		// The hook falls behind past both deadlines: its first bucket is worked only now.
		System::set_block_number(own + 2);
		crate::DeadlineBacklog::<Test>::put(first);
		MockLifecycle::taken();
		Providers::on_initialize(own + 2);

		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				LifecycleCall::HeardFrom { provider: OWNER, last_heartbeat: PERIOD },
				LifecycleCall::WentOffline { provider: OWNER, at: own },
			]
		);
	});
}

#[test]
fn a_full_bucket_spills_into_the_next_block() {
	ExtBuilder.build_and_execute(|| {
		let target = expected_deadline(OWNER, 1);
		fill_bucket(target);
		fill_bucket(target + 1);
		register_provider(OWNER, AGENT, 1);
		assert_eq!(deadline_of(OWNER), target + 2);
		assert!(Deadlines::<Test>::get(target + 2).contains(&OWNER));

		run_to_block(target + 1);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		run_to_block(target + 2);
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
	});
}

#[test]
fn the_last_spill_block_is_still_used() {
	ExtBuilder.build_and_execute(|| {
		let target = expected_deadline(OWNER, 1);
		let last = target + u64::from(DEADLINE_SPILL_BLOCKS);
		for block in target..last {
			fill_bucket(block);
		}
		register_provider(OWNER, AGENT, 1);
		assert_eq!(deadline_of(OWNER), last);
	});
}

#[test]
fn hook_weight_follows_the_bucket_size() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		register_provider(OTHER_OWNER, OTHER_AGENT, 1);
		let empty_block = 2;
		assert_eq!(Providers::on_initialize(empty_block), <() as WeightInfo>::on_initialize(0));

		let block = 5;
		fill_bucket(block);
		System::set_block_number(block);
		assert_eq!(
			Providers::on_initialize(block),
			<() as WeightInfo>::on_initialize(MAX_DEADLINES)
		);
		assert!(!Deadlines::<Test>::contains_key(block));
		// Unregistered fillers were skipped; nobody went offline.
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_eq!(status(OTHER_OWNER), Some(ProviderStatus::Active));
	});
}

#[test]
fn every_silent_provider_goes_offline() {
	ExtBuilder.build_and_execute(|| {
		let owners: Vec<AccountId> = (1..=20).collect();
		for owner in &owners {
			register_provider(*owner, owner + 100, 1);
		}
		run_to_block(5 * PERIOD);
		for owner in &owners {
			assert_eq!(status(*owner), Some(ProviderStatus::Offline));
		}
		let offline = provider_events()
			.into_iter()
			.filter(|event| matches!(event, Event::WentOffline { .. }))
			.count();
		assert_eq!(offline, owners.len());
	});
}

#[test]
fn integrity_test_passes() {
	ExtBuilder.build_and_execute(|| {
		<Providers as Hooks<BlockNumber>>::integrity_test();
	});
}
