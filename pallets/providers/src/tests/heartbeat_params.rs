//! Governance's heartbeat parameters: checked, announced, and followed by every deadline.

use super::*;
use crate::{
	HeartbeatParams, MAX_HEARTBEAT_PERIOD, MAX_MAX_MISSED_HEARTBEATS, MIN_HEARTBEAT_PERIOD,
};

fn set(period: BlockNumber, max_missed: u32) -> DispatchResultOf {
	Providers::set_heartbeat_params(RuntimeOrigin::root(), period, max_missed)
}

#[test]
fn governance_sets_them_within_bounds() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(
			(Providers::heartbeat_period(), Providers::max_missed_heartbeats()),
			(PERIOD, MAX_MISSED)
		);
		assert_noop!(
			Providers::set_heartbeat_params(RuntimeOrigin::signed(OWNER), 20, 3),
			DispatchError::BadOrigin
		);
		for period in [0, u64::from(MIN_HEARTBEAT_PERIOD) - 1, u64::from(MAX_HEARTBEAT_PERIOD) + 1]
		{
			assert_noop!(set(period, 2), Error::<Test>::HeartbeatPeriodOutOfRange);
		}
		for max_missed in [0, MAX_MAX_MISSED_HEARTBEATS + 1] {
			assert_noop!(set(20, max_missed), Error::<Test>::MaxMissedOutOfRange);
		}

		assert_ok!(set(20, 3));
		System::assert_last_event(Event::HeartbeatParamsSet { period: 20, max_missed: 3 }.into());
		assert_eq!((Providers::heartbeat_period(), Providers::max_missed_heartbeats()), (20, 3));
		// The offsets follow the new period.
		assert!((1..=40).all(|owner| Providers::heartbeat_offset(&owner) < 20));
	});
}

/// The deadline queues hold `MaxDeadlinesPerBlock` providers a block: a period too short
/// for the providers registered would crowd them, and is refused.
#[test]
fn a_period_too_short_for_the_providers_is_refused() {
	ExtBuilder.build_and_execute(|| {
		for index in 0..11 {
			register_provider(20 + index, 31 + index, 1);
		}
		// 4 deadlines a block over 5 blocks is room for 10 providers, not twice 11.
		assert_noop!(set(5, 2), Error::<Test>::PeriodTooShortForProviders);
		assert_ok!(set(11, 2));
	});
}

/// A longer window reaches deadlines already queued: one that comes due under the old
/// parameters is checked again and put back for the new deadline.
#[test]
fn a_longer_window_reaches_queued_deadlines() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let old_deadline = deadline_of(OWNER);
		assert_ok!(set(20, 4));
		// Registered in period 0 of 20 blocks: 4 missed periods, then the offset.
		let new_deadline = (4 + 1) * 20 + Providers::heartbeat_offset(&OWNER);
		assert!(new_deadline > old_deadline);

		run_to_block(old_deadline);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_eq!(deadline_of(OWNER), new_deadline);
		run_to_block(new_deadline - 1);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		run_to_block(new_deadline);
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
	});
}

/// A shorter window leaves queued deadlines where they are (providers are not taken by
/// surprise) and judges each provider from its next check on: its heartbeats follow the new
/// period at once, and its queued deadline, when it comes, is weighed under the new window.
#[test]
fn a_shorter_window_applies_from_the_next_check() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let registration_deadline = deadline_of(OWNER);
		assert_ok!(set(40, 5));
		// The registration's deadline came under the longer window and moved on under it.
		run_to_block(41);
		assert!(registration_deadline < 41);
		assert_ok!(heartbeat(AGENT));
		let queued = deadline_of(OWNER);
		assert_eq!(queued, 6 * 40 + Providers::heartbeat_offset(&OWNER));

		assert_ok!(set(5, 1));
		run_to_block(100);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_eq!(deadline_of(OWNER), queued);
		assert_ok!(heartbeat(AGENT));
		// Once per 5-block period.
		run_to_block(104);
		assert_noop!(heartbeat(AGENT), Error::<Test>::HeartbeatAlreadySent);
		assert!(HeartbeatParams::<Test>::get()
			.is_some_and(|settings| settings.earlier_deadlines_until >= queued));
		// Silent since 100: the new window ran out before the queued deadline, which finds it
		// so and takes it Offline then, not before.
		run_to_block(queued - 1);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		run_to_block(queued);
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
	});
}
