//! `register`: stake, metadata and inventory checks, and what a registration records.

use super::*;
use ember_primitives::ProviderStake;

#[test]
fn registers_an_active_provider_and_holds_no_funds() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 2);
		let addresses = multiaddrs(&[b"/ip4/10.0.0.1/tcp/4001", b"/dns4/gpu.example/tcp/4001"]);
		assert_ok!(Providers::register(
			RuntimeOrigin::signed(OWNER),
			AGENT,
			region(b"eu-west"),
			peer_id(b"12D3KooWPeer"),
			addresses.clone(),
			inventory(OWNER, 2),
		));

		let deadline = expected_deadline(OWNER, 1);
		assert_eq!(
			ProviderRecords::get(OWNER),
			Some(ProviderInfo {
				agent: AGENT,
				status: ProviderStatus::Active,
				paused: false,
				gpu_count: 2,
				registered_at: 1,
				last_heartbeat: 1,
				liveness_deadline: Some(deadline),
			})
		);
		assert_eq!(
			Metadata::<Test>::get(OWNER),
			Some(ProviderMetadata {
				region: region(b"eu-west"),
				peer_id: peer_id(b"12D3KooWPeer"),
				multiaddrs: addresses,
			})
		);
		assert_eq!(Inventory::<Test>::get(OWNER), Some(inventory(OWNER, 2)));
		assert_eq!(ProviderOfAgent::<Test>::get(AGENT), Some(OWNER));
		assert_eq!(Deadlines::<Test>::get(deadline).into_inner(), vec![OWNER]);
		assert_eq!(ProviderRecords::count(), 1);
		assert_eq!(
			provider_events(),
			vec![
				Event::ProviderRegistered { provider: OWNER, agent: AGENT, gpu_count: 2 },
				Event::StakeUnitsSet {
					provider: OWNER,
					units: 2,
					required: MockStake::required_stake(2),
				},
			]
		);

		let account = System::account(OWNER).data;
		assert_eq!((account.free, account.reserved, account.frozen), (INITIAL_BALANCE, 0, 0));
	});
}

#[test]
fn exact_stake_is_enough() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 3);
		assert_ok!(register_with(OWNER, AGENT, inventory(OWNER, 3)));
		assert_eq!(info(OWNER).gpu_count, 3);
	});
}

#[test]
fn needs_a_signed_origin() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Providers::register(
				RuntimeOrigin::root(),
				AGENT,
				region(b"eu-west"),
				peer_id(b"peer"),
				multiaddrs(&[]),
				inventory(OWNER, 1),
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn fails_when_already_registered() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_noop!(
			register_with(OWNER, OTHER_AGENT, inventory(OWNER, 1)),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn fails_when_the_owner_is_an_agent() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		stake_for(AGENT, 1);
		assert_noop!(
			register_with(AGENT, OTHER_AGENT, inventory(AGENT, 1)),
			Error::<Test>::OwnerIsAgent
		);
	});
}

#[test]
fn fails_when_the_agent_is_the_owner() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 1);
		assert_noop!(register_with(OWNER, OWNER, inventory(OWNER, 1)), Error::<Test>::AgentIsOwner);
	});
}

#[test]
fn fails_when_the_agent_serves_another_provider() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		stake_for(OTHER_OWNER, 1);
		assert_noop!(
			register_with(OTHER_OWNER, AGENT, inventory(OTHER_OWNER, 1)),
			Error::<Test>::AgentInUse
		);
	});
}

#[test]
fn fails_when_the_agent_owns_a_provider() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		stake_for(OTHER_OWNER, 1);
		assert_noop!(
			register_with(OTHER_OWNER, OWNER, inventory(OTHER_OWNER, 1)),
			Error::<Test>::AgentIsProvider
		);
	});
}

#[test]
fn fails_with_an_empty_region() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 1);
		assert_noop!(
			Providers::register(
				RuntimeOrigin::signed(OWNER),
				AGENT,
				region(b""),
				peer_id(b"peer"),
				multiaddrs(&[]),
				inventory(OWNER, 1),
			),
			Error::<Test>::EmptyRegion
		);
	});
}

#[test]
fn fails_with_an_empty_peer_id() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 1);
		assert_noop!(
			Providers::register(
				RuntimeOrigin::signed(OWNER),
				AGENT,
				region(b"eu-west"),
				peer_id(b""),
				multiaddrs(&[]),
				inventory(OWNER, 1),
			),
			Error::<Test>::EmptyPeerId
		);
	});
}

#[test]
fn fails_with_an_empty_multiaddr() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 1);
		assert_noop!(
			Providers::register(
				RuntimeOrigin::signed(OWNER),
				AGENT,
				region(b"eu-west"),
				peer_id(b"peer"),
				multiaddrs(&[b"/ip4/10.0.0.1/tcp/4001", b""]),
				inventory(OWNER, 1),
			),
			Error::<Test>::EmptyMultiaddr
		);
	});
}

#[test]
fn fails_with_an_empty_inventory() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 1);
		assert_noop!(
			register_with(OWNER, AGENT, GpuInventoryOf::<Test>::default()),
			Error::<Test>::EmptyInventory
		);
	});
}

#[test]
fn fails_with_a_malformed_gpu() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 1);
		let nameless = malformed(|spec| spec.model = GpuModelName::default());
		let no_memory = malformed(|spec| spec.vram_mib = 0);
		let no_capability =
			malformed(|spec| spec.compute_capability = ComputeCapability::new(0, 9));
		for gpus in [nameless, no_memory, no_capability] {
			assert_noop!(register_with(OWNER, AGENT, gpus), Error::<Test>::MalformedGpu);
		}
	});
}

#[test]
fn fails_with_a_duplicate_gpu() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 3);
		let mut twin = gpu(gpu_hash(OWNER, 0));
		twin.vram_mib = 48_000;
		let gpus = GpuInventoryOf::<Test>::truncate_from(vec![
			gpu(gpu_hash(OWNER, 0)),
			gpu(gpu_hash(OWNER, 1)),
			twin,
		]);
		assert_noop!(register_with(OWNER, AGENT, gpus), Error::<Test>::DuplicateGpu);
	});
}

#[test]
fn fails_without_enough_stake() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			register_with(OWNER, AGENT, inventory(OWNER, 1)),
			Error::<Test>::InsufficientStake
		);
		stake_for(OWNER, 2);
		assert_noop!(
			register_with(OWNER, AGENT, inventory(OWNER, 3)),
			Error::<Test>::InsufficientStake
		);
	});
}

#[test]
fn fails_when_every_deadline_queue_is_full() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 1);
		fill_all_spill_buckets(expected_deadline(OWNER, 1));
		assert_noop!(
			register_with(OWNER, AGENT, inventory(OWNER, 1)),
			Error::<Test>::DeadlineQueueFull
		);
	});
}
