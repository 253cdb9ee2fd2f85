//! `update_inventory`: stake for more GPUs, shrinking after a slash, committed GPUs kept.

use super::*;
use ember_primitives::ProviderStake;

#[test]
fn grows_with_enough_stake() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		stake_for(OWNER, 3);
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 3)));
		assert_eq!(Inventory::<Test>::get(OWNER), Some(inventory(OWNER, 3)));
		assert_eq!(info(OWNER).gpu_count, 3);
		assert_eq!(Providers::registered_gpus(&OWNER), Some(3));
		System::assert_has_event(Event::InventoryUpdated { provider: OWNER, gpu_count: 3 }.into());
		System::assert_last_event(
			Event::StakeUnitsSet {
				provider: OWNER,
				units: 3,
				required: MockStake::required_stake(3),
			}
			.into(),
		);
	});
}

#[test]
fn shrinks_even_when_the_stake_was_slashed() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 3);
		set_stake(OWNER, 0);
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 2)));
		assert_eq!(info(OWNER).gpu_count, 2);
		System::assert_has_event(Event::InventoryUpdated { provider: OWNER, gpu_count: 2 }.into());
	});
}

#[test]
fn keeps_committed_gpus() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 3);
		commit_gpu(OWNER, gpu_hash(OWNER, 1));
		// Drop GPU 2 and add GPU 3, keeping the committed GPU 1 as it was.
		let gpus = GpuInventoryOf::<Test>::truncate_from(vec![
			gpu(gpu_hash(OWNER, 3)),
			gpu(gpu_hash(OWNER, 1)),
			gpu(gpu_hash(OWNER, 0)),
		]);
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), gpus.clone()));
		assert_eq!(Inventory::<Test>::get(OWNER), Some(gpus));
	});
}

#[test]
fn fails_for_an_unregistered_account() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 1)),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn rejects_invalid_inventories() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		let update = |gpus| Providers::update_inventory(RuntimeOrigin::signed(OWNER), gpus);
		assert_noop!(update(GpuInventoryOf::<Test>::default()), Error::<Test>::EmptyInventory);
		assert_noop!(update(malformed(|spec| spec.vram_mib = 0)), Error::<Test>::MalformedGpu);
		let twins = GpuInventoryOf::<Test>::truncate_from(vec![
			gpu(gpu_hash(OWNER, 5)),
			gpu(gpu_hash(OWNER, 5)),
		]);
		assert_noop!(update(twins), Error::<Test>::DuplicateGpu);
	});
}

#[test]
fn fails_when_a_committed_gpu_is_dropped_or_altered() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		commit_gpu(OWNER, gpu_hash(OWNER, 1));
		assert_noop!(
			Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 1)),
			Error::<Test>::CommittedGpuRemoved
		);
		let mut altered = gpu(gpu_hash(OWNER, 1));
		altered.vram_mib = 12_000;
		let gpus = GpuInventoryOf::<Test>::truncate_from(vec![gpu(gpu_hash(OWNER, 0)), altered]);
		assert_noop!(
			Providers::update_inventory(RuntimeOrigin::signed(OWNER), gpus),
			Error::<Test>::CommittedGpuRemoved
		);

		// Once released, the GPU may go.
		release_gpu(OWNER, gpu_hash(OWNER, 1));
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 1)));
	});
}

#[test]
fn growth_fails_without_enough_stake() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 2);
		assert_noop!(
			Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 3)),
			Error::<Test>::InsufficientStake
		);
	});
}
