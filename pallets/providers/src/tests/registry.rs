//! The registry as other pallets see it: who takes work, and why not.

use super::*;
use crate::IdleReason;
use ember_primitives::ProviderStake;

#[test]
fn a_provider_short_of_stake_takes_no_work_until_it_tops_up() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 3);
		assert!(Providers::accepts_work(&OWNER));
		assert_eq!(Providers::why_idle(OWNER), None);

		// A slash leaves the bond covering two GPUs of the three.
		stake_for(OWNER, 2);
		assert!(!Providers::accepts_work(&OWNER));
		assert!(!<Providers as ProviderRegistry<AccountId>>::accepts_work(&OWNER));
		assert_eq!(
			Providers::why_idle(OWNER),
			Some(IdleReason::BondTooLow {
				bonded: MockStake::required_stake(2),
				required: MockStake::required_stake(3),
			})
		);
		// Still registered, Active and watched: only new work stops.
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));

		// Topping up, or offering fewer GPUs, lets it work again.
		stake_for(OWNER, 3);
		assert!(Providers::accepts_work(&OWNER));
		stake_for(OWNER, 2);
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 2)));
		assert!(Providers::accepts_work(&OWNER));
		assert_eq!(Providers::why_idle(OWNER), None);
	});
}

#[test]
fn why_idle_names_the_first_reason() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(Providers::why_idle(OWNER), None);
		register_provider(OWNER, AGENT, 1);
		set_stake(OWNER, 0);
		assert_ok!(Providers::pause(RuntimeOrigin::signed(OWNER)));
		assert_eq!(Providers::why_idle(OWNER), Some(IdleReason::Paused));
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_eq!(Providers::why_idle(OWNER), Some(IdleReason::Status(ProviderStatus::Jailed)));
	});
}

#[test]
fn answers_for_registered_and_unknown_accounts() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 3);
		assert_eq!(Providers::registered_gpus(&OWNER), Some(3));
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_eq!(Providers::provider_of_agent(&AGENT), Some(OWNER));

		assert_eq!(Providers::registered_gpus(&AGENT), None);
		assert_eq!(status(AGENT), None);
		assert_eq!(Providers::provider_of_agent(&OWNER), None);
	});
}
