//! The inventory observer (the challenges pallet) hears of every change to an inventory:
//! registration, update and leaving, with the GPUs before and after; a refused change tells it
//! nothing.

use super::*;
use crate::mock::{MockInventoryObserver, OBSERVED_PER_GPU};

#[test]
fn the_observer_hears_of_registration_updates_and_leaving() {
	ExtBuilder.build_and_execute(|| {
		let _ = MockInventoryObserver::taken();
		register_provider(OWNER, AGENT, 2);
		let two = vec![gpu_hash(OWNER, 0), gpu_hash(OWNER, 1)];
		assert_eq!(MockInventoryObserver::taken(), vec![(OWNER, vec![], two.clone())]);

		stake_for(OWNER, 3);
		assert_ok!(Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 3)));
		let three = vec![gpu_hash(OWNER, 0), gpu_hash(OWNER, 1), gpu_hash(OWNER, 2)];
		assert_eq!(MockInventoryObserver::taken(), vec![(OWNER, two, three.clone())]);

		// A refused update tells it nothing.
		commit_gpu(OWNER, gpu_hash(OWNER, 2));
		assert_noop!(
			Providers::update_inventory(RuntimeOrigin::signed(OWNER), inventory(OWNER, 2)),
			Error::<Test>::CommittedGpuRemoved
		);
		assert!(MockInventoryObserver::taken().is_empty());
		release_gpu(OWNER, gpu_hash(OWNER, 2));

		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_eq!(MockInventoryObserver::taken(), vec![(OWNER, three, vec![])]);
	});
}

#[test]
fn calls_that_change_inventories_declare_the_observers_weight() {
	ExtBuilder.build_and_execute(|| {
		let bound = OBSERVED_PER_GPU.saturating_mul(u64::from(
			<<Test as crate::Config>::MaxGpusPerProvider as frame_support::traits::Get<u32>>::get(),
		));
		let declared = |call: Call, own: Weight| {
			assert_eq!(call.get_dispatch_info().call_weight, own.saturating_add(bound));
		};
		declared(
			Call::register {
				agent: AGENT,
				region: region(b"eu-west"),
				peer_id: peer_id(b"12D3KooWProvider"),
				multiaddrs: multiaddrs(&[b"/ip4/10.0.0.1/tcp/30333"]),
				gpus: inventory(OWNER, 1),
			},
			<() as WeightInfo>::register(),
		);
		declared(
			Call::update_inventory { gpus: inventory(OWNER, 1) },
			<() as WeightInfo>::update_inventory(),
		);
		// Leaving also has the listeners hear from the provider one last time.
		declared(
			Call::leave {},
			<() as WeightInfo>::leave()
				.saturating_add(<MockLifecycle as ProviderLifecycle<_, _>>::heard_from_weight())
				.saturating_add(<MockLifecycle as ProviderLifecycle<_, _>>::deregistered_weight()),
		);
	});
}
