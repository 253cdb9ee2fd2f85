//! Stake follows the claim: each GPU weighs stake units by its model's class score, at
//! registration, on inventory changes, and after governance changes a score.

use super::*;
use crate::{IdleReason, StakeUnits};
use ember_primitives::ProviderStake;

const RTX_4090: &str = "NVIDIA GeForce RTX 4090";
const H100: &str = "NVIDIA H100 80GB HBM3";

/// GPU `index` of `owner`'s machine, claimed as `model`.
fn gpu_of(owner: AccountId, index: u32, model: &str) -> ember_primitives::GpuSpec {
	let mut spec = gpu(gpu_hash(owner, index));
	spec.model = GpuModelName::truncate_from(model.as_bytes().to_vec());
	spec
}

fn claim(gpus: Vec<ember_primitives::GpuSpec>) -> GpuInventoryOf<Test> {
	GpuInventoryOf::<Test>::truncate_from(gpus)
}

fn units_of(owner: AccountId) -> Option<u32> {
	<Providers as ProviderRegistry<AccountId>>::stake_units(&owner)
}

fn units_set(owner: AccountId, units: u32) -> RuntimeEvent {
	Event::StakeUnitsSet { provider: owner, units, required: MockStake::required_stake(units) }
		.into()
}

#[test]
fn a_stronger_class_needs_more_stake_to_register() {
	ExtBuilder.build_and_execute(|| {
		// Two H100s at 1,000 weigh 10 units each: the bond of two reference GPUs is not enough.
		set_class_score(H100, 1_000);
		let gpus = claim(vec![gpu_of(OWNER, 0, H100), gpu_of(OWNER, 1, H100)]);
		stake_for(OWNER, 2);
		assert_noop!(register_with(OWNER, AGENT, gpus.clone()), Error::<Test>::InsufficientStake);
		stake_for(OWNER, 19);
		assert_noop!(register_with(OWNER, AGENT, gpus.clone()), Error::<Test>::InsufficientStake);

		stake_for(OWNER, 20);
		assert_ok!(register_with(OWNER, AGENT, gpus));
		assert_eq!(units_of(OWNER), Some(20));
		assert_eq!(StakeUnits::<Test>::get(OWNER), Some(20));
		System::assert_last_event(units_set(OWNER, 20));
		assert!(Providers::accepts_work(&OWNER));
	});
}

#[test]
fn scores_round_up_and_every_gpu_weighs_a_unit() {
	ExtBuilder.build_and_execute(|| {
		// 350 is 3.5 units, rounded up to 4; a model scored below the unit still weighs one.
		set_class_score(RTX_4090, 350);
		set_class_score("Tiny", 30);
		stake_for(OWNER, 5);
		assert_ok!(register_with(
			OWNER,
			AGENT,
			claim(vec![gpu_of(OWNER, 0, RTX_4090), gpu_of(OWNER, 1, "Tiny")])
		));
		assert_eq!(units_of(OWNER), Some(5));
	});
}

#[test]
fn swapping_a_gpu_for_a_stronger_one_needs_stake_at_the_same_count() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		assert_eq!(units_of(OWNER), Some(2));
		set_class_score(H100, 1_000);
		// Same count, but GPU 1 now claims an H100: 1 + 10 units.
		let stronger = claim(vec![gpu_of(OWNER, 0, RTX_4090), gpu_of(OWNER, 1, H100)]);
		assert_noop!(
			Providers::update_inventory(RuntimeOrigin::signed(OWNER), stronger.clone()),
			Error::<Test>::InsufficientStake
		);

		stake_for(OWNER, 11);
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), stronger));
		assert_eq!(info(OWNER).gpu_count, 2);
		assert_eq!(units_of(OWNER), Some(11));
		System::assert_last_event(units_set(OWNER, 11));
	});
}

#[test]
fn weighing_less_never_needs_stake_even_with_more_gpus() {
	ExtBuilder.build_and_execute(|| {
		set_class_score(H100, 1_000);
		stake_for(OWNER, 10);
		assert_ok!(register_with(OWNER, AGENT, claim(vec![gpu_of(OWNER, 0, H100)])));
		// A slash took the whole bond: the owner may still trade its H100 for two small GPUs.
		set_stake(OWNER, 0);
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 2)));
		assert_eq!(units_of(OWNER), Some(2));
		assert_eq!(info(OWNER).gpu_count, 2);
	});
}

#[test]
fn an_inventory_change_that_keeps_the_units_records_nothing_new() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		System::reset_events();
		let others = claim(vec![gpu(gpu_hash(OWNER, 7)), gpu(gpu_hash(OWNER, 8))]);
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), others));
		assert_eq!(
			provider_events(),
			vec![Event::InventoryUpdated { provider: OWNER, gpu_count: 2 }],
			"no StakeUnitsSet when the units stay"
		);
	});
}

#[test]
fn a_raised_score_applies_when_anyone_refreshes_and_idles_a_short_provider() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		set_class_score(RTX_4090, 1_000);
		// Recorded units stay until refreshed: nothing changes behind the provider's back.
		assert_eq!(units_of(OWNER), Some(2));
		assert!(Providers::accepts_work(&OWNER));

		// A stranger applies the new score, free of fees.
		let applied = Providers::refresh_stake_units(RuntimeOrigin::signed(OTHER_OWNER), OWNER)
			.expect("the new score applies");
		assert_eq!(applied.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(units_of(OWNER), Some(20));
		System::assert_last_event(units_set(OWNER, 20));
		assert!(!Providers::accepts_work(&OWNER));
		assert_eq!(
			Providers::why_idle(OWNER),
			Some(IdleReason::BondTooLow {
				bonded: MockStake::required_stake(2),
				required: MockStake::required_stake(20),
			})
		);
		// Status and GPUs are untouched; topping up brings the provider back to work.
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		stake_for(OWNER, 20);
		assert!(Providers::accepts_work(&OWNER));
		assert_eq!(Providers::why_idle(OWNER), None);
	});
}

#[test]
fn a_lowered_score_lets_the_owner_need_less() {
	ExtBuilder.build_and_execute(|| {
		set_class_score(H100, 1_000);
		stake_for(OWNER, 10);
		assert_ok!(register_with(OWNER, AGENT, claim(vec![gpu_of(OWNER, 0, H100)])));
		set_class_score(H100, 500);
		assert_ok!(Providers::refresh_stake_units(RuntimeOrigin::signed(OWNER), OWNER));
		assert_eq!(units_of(OWNER), Some(5));
		System::assert_last_event(units_set(OWNER, 5));
	});
}

#[test]
fn a_refresh_that_changes_nothing_fails() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		assert_noop!(
			Providers::refresh_stake_units(RuntimeOrigin::signed(OTHER_OWNER), OWNER),
			Error::<Test>::StakeUnitsUnchanged
		);
		assert_noop!(
			Providers::refresh_stake_units(RuntimeOrigin::signed(OWNER), OTHER_OWNER),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Providers::refresh_stake_units(RuntimeOrigin::none(), OWNER),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_provider_without_a_record_weighs_a_unit_per_gpu_until_refreshed() {
	ExtBuilder.build_and_execute(|| {
		// As a provider registered before stake followed the class.
		set_class_score(RTX_4090, 300);
		stake_for(OWNER, 9);
		assert_ok!(register_with(OWNER, AGENT, inventory(OWNER, 3)));
		StakeUnits::<Test>::remove(OWNER);
		assert_eq!(units_of(OWNER), Some(3));

		assert_ok!(Providers::refresh_stake_units(RuntimeOrigin::signed(OTHER_OWNER), OWNER));
		assert_eq!(units_of(OWNER), Some(9));
	});
}

#[test]
fn leaving_removes_the_record() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_eq!(StakeUnits::<Test>::get(OWNER), None);
		assert_eq!(units_of(OWNER), None);
	});
}
