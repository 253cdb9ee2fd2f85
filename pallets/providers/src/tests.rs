//! Unit and property tests of the provider registry.

use crate::{
	mock::*, Deadlines, Error, Event, GpuInventoryOf, Inventory, Metadata, ProviderInfo,
	ProviderMetadata, ProviderOfAgent, WeightInfo, DEADLINE_SPILL_BLOCKS,
};
use ember_primitives::{
	gpu::GpuModelName, ComputeCapability, LeaseAttestation, ProviderLifecycle, ProviderRegistry,
	ProviderStatus, WorkloadStatus,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{CheckIfFeeless, DispatchErrorWithPostInfo, GetDispatchInfo},
	traits::Hooks,
	weights::Weight,
	BoundedVec,
};
use sp_runtime::DispatchError;

type ProviderRecords = crate::Providers<Test>;
type Call = crate::Call<Test>;
type DispatchResultOf = frame_support::pallet_prelude::DispatchResult;
type Attestations = BoundedVec<LeaseAttestation, <Test as crate::Config>::MaxAttestations>;

const OWNER: AccountId = 1;
const AGENT: AccountId = 11;
const OTHER_OWNER: AccountId = 2;
const OTHER_AGENT: AccountId = 12;

/// The block at which a provider last heard from at `at` goes Offline, by the documented rule.
fn expected_deadline(owner: AccountId, at: BlockNumber) -> BlockNumber {
	(at / PERIOD + u64::from(MAX_MISSED) + 1) * PERIOD + Providers::heartbeat_offset(&owner)
}

fn info(owner: AccountId) -> ProviderInfo<Test> {
	ProviderRecords::get(owner).expect("provider is registered")
}

fn status(owner: AccountId) -> Option<ProviderStatus> {
	<Providers as ProviderRegistry<AccountId>>::status(&owner)
}

fn deadline_of(owner: AccountId) -> BlockNumber {
	info(owner).liveness_deadline.expect("active provider has a deadline")
}

/// Fill the deadline bucket of `block` with accounts that run no provider.
fn fill_bucket(block: BlockNumber) {
	let fillers = (0..u64::from(MAX_DEADLINES)).map(|index| 900 + index).collect();
	Deadlines::<Test>::insert(block, BoundedVec::truncate_from(fillers));
}

/// Fill every bucket a deadline aimed at `target` may use.
fn fill_all_spill_buckets(target: BlockNumber) {
	for block in target..=target + u64::from(DEADLINE_SPILL_BLOCKS) {
		fill_bucket(block);
	}
}

fn register_with(
	owner: AccountId,
	agent: AccountId,
	gpus: GpuInventoryOf<Test>,
) -> DispatchResultOf {
	Providers::register(
		RuntimeOrigin::signed(owner),
		agent,
		region(b"eu-west"),
		peer_id(b"12D3KooWPeer"),
		multiaddrs(&[b"/ip4/10.0.0.1/tcp/4001"]),
		gpus,
	)
}

fn heartbeat(agent: AccountId) -> Result<(), DispatchError> {
	heartbeat_with(agent, Default::default())
}

fn heartbeat_with(agent: AccountId, attestations: Attestations) -> Result<(), DispatchError> {
	Providers::heartbeat(RuntimeOrigin::signed(agent), attestations)
		.map(|_| ())
		.map_err(|error| error.error)
}

/// `count` attestation lines, all different and not sorted by lease, so that a market that
/// received them reordered or altered would notice.
fn attestation_lines(count: u32) -> Vec<LeaseAttestation> {
	const STATUSES: [WorkloadStatus; 5] = [
		WorkloadStatus::Running,
		WorkloadStatus::Starting,
		WorkloadStatus::Completed,
		WorkloadStatus::Failed,
		WorkloadStatus::AwaitingManifest,
	];
	(0..count)
		.map(|index| LeaseAttestation {
			lease: 100 - 7 * u64::from(index),
			status: STATUSES[index as usize % STATUSES.len()],
			gpu_utilization_pct: (13 + 29 * index % 88) as u8,
			memory_used_mib: 1_024 * (index + 1) + index,
		})
		.collect()
}

/// `count` attestation lines as a heartbeat carries them.
fn attestations(count: u32) -> Attestations {
	Attestations::try_from(attestation_lines(count)).expect("within MaxAttestations")
}

/// First block of the heartbeat period after the current one.
fn next_period_start() -> BlockNumber {
	(System::block_number() / PERIOD + 1) * PERIOD
}

fn malformed(change: impl FnOnce(&mut ember_primitives::GpuSpec)) -> GpuInventoryOf<Test> {
	let mut spec = gpu(gpu_hash(OWNER, 0));
	change(&mut spec);
	GpuInventoryOf::<Test>::truncate_from(vec![spec])
}

mod register {
	use super::*;

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
			System::assert_last_event(
				Event::ProviderRegistered { provider: OWNER, agent: AGENT, gpu_count: 2 }.into(),
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
			assert_noop!(
				register_with(OWNER, OWNER, inventory(OWNER, 1)),
				Error::<Test>::AgentIsOwner
			);
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
}

mod update_metadata {
	use super::*;

	#[test]
	fn replaces_the_metadata() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let addresses = multiaddrs(&[b"/ip6/::1/tcp/4001", b"/ip4/1.2.3.4/udp/4001/quic-v1"]);
			assert_ok!(Providers::update_metadata(
				RuntimeOrigin::signed(OWNER),
				region(b"us-east"),
				peer_id(b"12D3KooWNewPeer"),
				addresses.clone(),
			));
			assert_eq!(
				Metadata::<Test>::get(OWNER),
				Some(ProviderMetadata {
					region: region(b"us-east"),
					peer_id: peer_id(b"12D3KooWNewPeer"),
					multiaddrs: addresses,
				})
			);
			System::assert_last_event(Event::MetadataUpdated { provider: OWNER }.into());
		});
	}

	#[test]
	fn fails_for_an_unregistered_account() {
		ExtBuilder.build_and_execute(|| {
			assert_noop!(
				Providers::update_metadata(
					RuntimeOrigin::signed(OWNER),
					region(b"us-east"),
					peer_id(b"peer"),
					multiaddrs(&[]),
				),
				Error::<Test>::NotRegistered
			);
		});
	}

	#[test]
	fn fails_for_the_agent_key() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			assert_noop!(
				Providers::update_metadata(
					RuntimeOrigin::signed(AGENT),
					region(b"us-east"),
					peer_id(b"peer"),
					multiaddrs(&[]),
				),
				Error::<Test>::NotRegistered
			);
		});
	}

	#[test]
	fn rejects_invalid_metadata() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let update = |region_label: &[u8], peer: &[u8], addresses: &[&[u8]]| {
				Providers::update_metadata(
					RuntimeOrigin::signed(OWNER),
					region(region_label),
					peer_id(peer),
					multiaddrs(addresses),
				)
			};
			assert_noop!(update(b"", b"peer", &[]), Error::<Test>::EmptyRegion);
			assert_noop!(update(b"us-east", b"", &[]), Error::<Test>::EmptyPeerId);
			assert_noop!(update(b"us-east", b"peer", &[b""]), Error::<Test>::EmptyMultiaddr);
		});
	}
}

mod update_inventory {
	use super::*;

	#[test]
	fn grows_with_enough_stake() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			stake_for(OWNER, 3);
			assert_ok!(Providers::update_inventory(
				RuntimeOrigin::signed(OWNER),
				inventory(OWNER, 3)
			));
			assert_eq!(Inventory::<Test>::get(OWNER), Some(inventory(OWNER, 3)));
			assert_eq!(info(OWNER).gpu_count, 3);
			assert_eq!(Providers::registered_gpus(&OWNER), Some(3));
			System::assert_last_event(
				Event::InventoryUpdated { provider: OWNER, gpu_count: 3 }.into(),
			);
		});
	}

	#[test]
	fn shrinks_even_when_the_stake_was_slashed() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 3);
			set_stake(OWNER, 0);
			assert_ok!(Providers::update_inventory(
				RuntimeOrigin::signed(OWNER),
				inventory(OWNER, 2)
			));
			assert_eq!(info(OWNER).gpu_count, 2);
			System::assert_last_event(
				Event::InventoryUpdated { provider: OWNER, gpu_count: 2 }.into(),
			);
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
			let gpus =
				GpuInventoryOf::<Test>::truncate_from(vec![gpu(gpu_hash(OWNER, 0)), altered]);
			assert_noop!(
				Providers::update_inventory(RuntimeOrigin::signed(OWNER), gpus),
				Error::<Test>::CommittedGpuRemoved
			);

			// Once released, the GPU may go.
			release_gpu(OWNER, gpu_hash(OWNER, 1));
			assert_ok!(Providers::update_inventory(
				RuntimeOrigin::signed(OWNER),
				inventory(OWNER, 1)
			));
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
}

mod set_agent {
	use super::*;

	#[test]
	fn moves_the_agent_role() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			assert_ok!(Providers::set_agent(RuntimeOrigin::signed(OWNER), OTHER_AGENT));
			assert_eq!(info(OWNER).agent, OTHER_AGENT);
			assert_eq!(ProviderOfAgent::<Test>::get(OTHER_AGENT), Some(OWNER));
			assert_eq!(ProviderOfAgent::<Test>::get(AGENT), None);
			System::assert_last_event(
				Event::AgentChanged { provider: OWNER, old_agent: AGENT, new_agent: OTHER_AGENT }
					.into(),
			);

			// The old key no longer acts for the provider; the new one does.
			System::set_block_number(next_period_start());
			assert_noop!(heartbeat(AGENT), Error::<Test>::NotAgent);
			assert_ok!(heartbeat(OTHER_AGENT));
		});
	}

	#[test]
	fn fails_for_an_unregistered_account() {
		ExtBuilder.build_and_execute(|| {
			assert_noop!(
				Providers::set_agent(RuntimeOrigin::signed(OWNER), OTHER_AGENT),
				Error::<Test>::NotRegistered
			);
		});
	}

	#[test]
	fn rejects_unavailable_agents() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			register_provider(OTHER_OWNER, OTHER_AGENT, 1);
			let set = |agent| Providers::set_agent(RuntimeOrigin::signed(OWNER), agent);
			assert_noop!(set(OWNER), Error::<Test>::AgentIsOwner);
			assert_noop!(set(AGENT), Error::<Test>::AgentInUse);
			assert_noop!(set(OTHER_AGENT), Error::<Test>::AgentInUse);
			assert_noop!(set(OTHER_OWNER), Error::<Test>::AgentIsProvider);
		});
	}
}

mod pause_and_resume {
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
			assert_noop!(
				Providers::pause(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::AlreadyPaused
			);
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
			assert_noop!(
				Providers::pause(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::NotRegistered
			);
			assert_noop!(
				Providers::resume(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::NotRegistered
			);
			register_provider(OWNER, AGENT, 1);
			assert_noop!(Providers::resume(RuntimeOrigin::signed(OWNER)), Error::<Test>::NotPaused);
			assert_ok!(Providers::pause(RuntimeOrigin::signed(OWNER)));
			assert_noop!(
				Providers::pause(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::AlreadyPaused
			);
		});
	}
}

mod leave {
	use super::*;

	fn assert_gone(owner: AccountId, agent: AccountId) {
		assert!(ProviderRecords::get(owner).is_none());
		assert!(Metadata::<Test>::get(owner).is_none());
		assert!(Inventory::<Test>::get(owner).is_none());
		assert!(ProviderOfAgent::<Test>::get(agent).is_none());
		assert_eq!(Providers::registered_gpus(&owner), None);
		assert_eq!(status(owner), None);
	}

	#[test]
	fn register_and_leave_cycles_leave_no_deadline_entries_behind() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let deadline = deadline_of(OWNER);
			for _ in 0..5 {
				assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
				assert!(!Deadlines::<Test>::get(deadline).contains(&OWNER));
				assert_ok!(register_with(OWNER, AGENT, inventory(OWNER, 1)));
			}
			// One live entry, however many times the owner came and went.
			assert_eq!(
				Deadlines::<Test>::get(deadline).iter().filter(|owner| **owner == OWNER).count(),
				1
			);
		});
	}

	#[test]
	fn without_commitments_deregisters_at_once() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 2);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert_gone(OWNER, AGENT);
			assert_eq!(ProviderRecords::count(), 0);
			System::assert_last_event(Event::Deregistered { provider: OWNER }.into());

			// Its deadline entry is gone: passing that block changes nothing.
			let deadline = expected_deadline(OWNER, 1);
			run_to_block(deadline);
			assert!(!provider_events()
				.iter()
				.any(|event| matches!(event, Event::WentOffline { .. })));

			// Owner and agent are free again.
			assert_ok!(register_with(OWNER, AGENT, inventory(OWNER, 1)));
		});
	}

	#[test]
	fn with_commitments_waits_for_them_to_end() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			set_commitments(OWNER, 2);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
			assert_eq!(info(OWNER).liveness_deadline, Some(deadline_of(OWNER)));
			assert!(!Providers::accepts_work(&OWNER));
			System::assert_last_event(
				Event::Leaving { provider: OWNER, active_commitments: 2 }.into(),
			);

			assert_noop!(
				Providers::leave(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::CommitmentsRemain
			);
			set_commitments(OWNER, 0);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert_gone(OWNER, AGENT);
			System::assert_last_event(Event::Deregistered { provider: OWNER }.into());
		});
	}

	#[test]
	fn a_silent_leaving_provider_goes_offline_and_must_come_back_to_leave() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			set_commitments(OWNER, 1);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));

			// Its leases still run, so a leaving provider is watched like an active one.
			run_to_block(deadline_of(OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
			assert_eq!(info(OWNER).liveness_deadline, None);
			assert_noop!(
				Providers::leave(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::ProviderOffline
			);

			assert_ok!(heartbeat(AGENT));
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
		});
	}

	#[test]
	fn a_leaving_provider_that_heartbeats_stays_leaving_and_watched() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			set_commitments(OWNER, 1);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			let now = next_period_start();
			System::set_block_number(now);
			assert_ok!(heartbeat(AGENT));
			assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
			assert_eq!(info(OWNER).liveness_deadline, Some(expected_deadline(OWNER, now)));
		});
	}

	#[test]
	fn an_offline_provider_without_commitments_may_leave() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			run_to_block(deadline_of(OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert_gone(OWNER, AGENT);
		});
	}

	#[test]
	fn an_offline_provider_with_commitments_must_come_back_first() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			run_to_block(deadline_of(OWNER));
			set_commitments(OWNER, 1);
			assert_noop!(
				Providers::leave(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::ProviderOffline
			);
			assert_ok!(heartbeat(AGENT));
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
		});
	}

	#[test]
	fn a_jailed_provider_cannot_leave() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			assert_noop!(
				Providers::leave(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::ProviderJailed
			);
		});
	}

	#[test]
	fn fails_for_an_unregistered_account() {
		ExtBuilder.build_and_execute(|| {
			assert_noop!(
				Providers::leave(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::NotRegistered
			);
		});
	}
}

mod heartbeat {
	use super::*;

	#[test]
	fn records_liveness_and_moves_the_deadline() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let first_deadline = deadline_of(OWNER);
			let now = next_period_start() + 3;
			System::set_block_number(now);

			let post = Providers::heartbeat(RuntimeOrigin::signed(AGENT), Default::default())
				.expect("valid heartbeat");
			assert_eq!(post.actual_weight, Some(<() as WeightInfo>::heartbeat()));

			let deadline = expected_deadline(OWNER, now);
			assert_eq!(deadline, first_deadline + PERIOD);
			assert_eq!(info(OWNER).last_heartbeat, now);
			assert_eq!(info(OWNER).liveness_deadline, Some(deadline));
			assert!(Deadlines::<Test>::get(deadline).contains(&OWNER));
			System::assert_last_event(
				Event::HeartbeatReceived { provider: OWNER, block: now }.into(),
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
	fn fails_when_every_deadline_queue_is_full() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let now = next_period_start();
			System::set_block_number(now);
			fill_all_spill_buckets(expected_deadline(OWNER, now));
			assert_noop!(heartbeat(AGENT), Error::<Test>::DeadlineQueueFull);
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
}

mod liveness {
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
			System::assert_last_event(
				Event::WentOffline { provider: OWNER, last_heartbeat: 1 }.into(),
			);
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
			assert!(!provider_events()
				.iter()
				.any(|event| matches!(event, Event::WentOffline { .. })));
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
			let deadline = deadline_of(OWNER);
			assert_eq!(deadline, 5 * PERIOD + Providers::heartbeat_offset(&OWNER));
			run_to_block(deadline - 1);
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		});
	}

	#[test]
	fn stale_bucket_entries_are_skipped() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let old_deadline = deadline_of(OWNER);
			run_to_block(PERIOD);
			assert_ok!(heartbeat(AGENT));
			assert!(Deadlines::<Test>::get(old_deadline).contains(&OWNER));

			run_to_block(old_deadline);
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
			assert!(!Deadlines::<Test>::contains_key(old_deadline));
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
}

/// Governance's heartbeat parameters: checked, announced, and followed by every deadline.
mod heartbeat_params {
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
			for period in
				[0, u64::from(MIN_HEARTBEAT_PERIOD) - 1, u64::from(MAX_HEARTBEAT_PERIOD) + 1]
			{
				assert_noop!(set(period, 2), Error::<Test>::HeartbeatPeriodOutOfRange);
			}
			for max_missed in [0, MAX_MAX_MISSED_HEARTBEATS + 1] {
				assert_noop!(set(20, max_missed), Error::<Test>::MaxMissedOutOfRange);
			}

			assert_ok!(set(20, 3));
			System::assert_last_event(
				Event::HeartbeatParamsSet { period: 20, max_missed: 3 }.into(),
			);
			assert_eq!(
				(Providers::heartbeat_period(), Providers::max_missed_heartbeats()),
				(20, 3)
			);
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
	/// surprise) and applies from each provider's next heartbeat, which the new period judges.
	#[test]
	fn a_shorter_window_applies_from_the_next_heartbeat() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			assert_ok!(set(40, 5));
			// Registration counted as the heartbeat of the first 40-block period.
			run_to_block(41);
			assert_ok!(heartbeat(AGENT));
			let long_deadline = deadline_of(OWNER);
			assert_eq!(long_deadline, 7 * 40 + Providers::heartbeat_offset(&OWNER));

			assert_ok!(set(5, 1));
			run_to_block(100);
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
			assert_eq!(deadline_of(OWNER), long_deadline);
			assert_ok!(heartbeat(AGENT));
			// Once per 5-block period.
			run_to_block(104);
			assert_noop!(heartbeat(AGENT), Error::<Test>::HeartbeatAlreadySent);
			assert_eq!(deadline_of(OWNER), (100 / 5 + 2) * 5 + Providers::heartbeat_offset(&OWNER));
			assert!(HeartbeatParams::<Test>::get()
				.is_some_and(|settings| settings.earlier_deadlines_until >= long_deadline));
			run_to_block(deadline_of(OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		});
	}
}

mod jail {
	use super::*;

	#[test]
	fn force_jail_bars_an_active_provider() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let old_deadline = deadline_of(OWNER);
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
			assert_eq!(info(OWNER).liveness_deadline, None);
			assert!(!Providers::accepts_work(&OWNER));
			System::assert_last_event(Event::Jailed { provider: OWNER }.into());

			// A jailed provider is not marked Offline.
			run_to_block(old_deadline);
			assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
		});
	}

	#[test]
	fn force_jail_bars_an_offline_provider() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			run_to_block(deadline_of(OWNER));
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
		});
	}

	#[test]
	fn force_unjail_makes_the_provider_active_with_a_fresh_deadline() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			run_to_block(7 * PERIOD + 4);

			assert_ok!(Providers::force_unjail(RuntimeOrigin::root(), OWNER));
			let deadline = expected_deadline(OWNER, 7 * PERIOD + 4);
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
			assert_eq!(info(OWNER).liveness_deadline, Some(deadline));
			assert!(Deadlines::<Test>::get(deadline).contains(&OWNER));
			System::assert_last_event(Event::Unjailed { provider: OWNER }.into());

			run_to_block(deadline);
			assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		});
	}

	#[test]
	fn public_jail_functions_serve_other_pallets() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			assert_ok!(Providers::do_jail(&OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
			assert_ok!(Providers::do_unjail(&OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		});
	}

	#[test]
	fn jail_errors() {
		ExtBuilder.build_and_execute(|| {
			assert_noop!(
				Providers::force_jail(RuntimeOrigin::root(), OWNER),
				Error::<Test>::NotRegistered
			);
			register_provider(OWNER, AGENT, 1);
			assert_noop!(
				Providers::force_jail(RuntimeOrigin::signed(OWNER), OWNER),
				DispatchError::BadOrigin
			);
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			assert_eq!(jail_overrides(OWNER), 1);
			// Jailing a jailed provider makes the jail governance's: no error, still jailed.
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Jailed));
			assert_eq!(jail_overrides(OWNER), 2);

			// A Leaving provider is within reach.
			register_provider(OTHER_OWNER, OTHER_AGENT, 1);
			set_commitments(OTHER_OWNER, 1);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OTHER_OWNER)));
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OTHER_OWNER));
			assert_eq!(status(OTHER_OWNER), Some(ProviderStatus::Jailed));
		});
	}

	#[test]
	fn leave_waits_for_pending_punishments() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			set_punishment_pending(OWNER, true);
			assert_noop!(
				Providers::leave(RuntimeOrigin::signed(OWNER)),
				Error::<Test>::PunishmentPending
			);
			set_punishment_pending(OWNER, false);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert_eq!(status(OWNER), None);
		});
	}

	#[test]
	fn unjail_errors() {
		ExtBuilder.build_and_execute(|| {
			assert_noop!(
				Providers::force_unjail(RuntimeOrigin::root(), OWNER),
				Error::<Test>::NotRegistered
			);
			register_provider(OWNER, AGENT, 1);
			assert_noop!(
				Providers::force_unjail(RuntimeOrigin::root(), OWNER),
				Error::<Test>::NotJailed
			);
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			assert_noop!(
				Providers::force_unjail(RuntimeOrigin::signed(OWNER), OWNER),
				DispatchError::BadOrigin
			);
			fill_all_spill_buckets(expected_deadline(OWNER, System::block_number()));
			assert_noop!(
				Providers::force_unjail(RuntimeOrigin::root(), OWNER),
				Error::<Test>::DeadlineQueueFull
			);
		});
	}
}

/// What the registry tells the lease market (`Config::Lifecycle`), and the weight it charges for
/// it. The mock market records every call and reports fixed weights that differ from its
/// declared bounds, so each weight below shows which of the two the registry used.
mod lifecycle {
	use super::*;
	use codec::{Decode, Encode};
	use LifecycleCall::*;

	fn heartbeat_weight() -> Weight {
		<() as WeightInfo>::heartbeat()
	}

	fn back_online_heartbeat_weight() -> Weight {
		<() as WeightInfo>::heartbeat_back_online()
	}

	/// The weight the heartbeat call declares before dispatch for `lines` attestation lines.
	fn declared_heartbeat_weight(lines: u32) -> Weight {
		Call::heartbeat { attestations: attestations(lines) }
			.get_dispatch_info()
			.call_weight
	}

	/// The weight the heartbeat reports after dispatch.
	fn actual_heartbeat_weight(agent: AccountId, attestations: Attestations) -> Weight {
		Providers::heartbeat(RuntimeOrigin::signed(agent), attestations)
			.expect("valid heartbeat")
			.actual_weight
			.expect("the heartbeat reports its actual weight")
	}

	/// `count` owners whose liveness deadlines fall in the same block when they register
	/// together.
	fn owners_sharing_an_offset(count: usize) -> Vec<AccountId> {
		let mut by_offset = std::collections::BTreeMap::<BlockNumber, Vec<AccountId>>::new();
		for owner in 1..=40 {
			by_offset.entry(Providers::heartbeat_offset(&owner)).or_default().push(owner);
		}
		let mut owners = by_offset
			.into_values()
			.find(|owners| owners.len() >= count)
			.expect("40 owners over 10 offsets share some offset");
		owners.truncate(count);
		owners
	}

	#[test]
	fn a_heartbeat_hands_its_lines_to_the_market_unchanged_and_in_order() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			// Registering is nothing the market hears about.
			assert_eq!(MockLifecycle::taken(), vec![]);
			let now = next_period_start() + 3;
			System::set_block_number(now);

			assert_ok!(heartbeat_with(AGENT, attestations(3)));
			// Keyed by the owner, not the agent key that signed.
			assert_eq!(
				MockLifecycle::taken(),
				vec![Attested { provider: OWNER, now, lines: attestation_lines(3) }]
			);
		});
	}

	#[test]
	fn a_full_heartbeat_hands_over_every_line() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let now = next_period_start();
			System::set_block_number(now);

			assert_ok!(heartbeat_with(AGENT, attestations(MAX_ATTESTATIONS)));
			assert_eq!(
				MockLifecycle::taken(),
				vec![Attested { provider: OWNER, now, lines: attestation_lines(MAX_ATTESTATIONS) }]
			);
		});
	}

	#[test]
	fn an_empty_heartbeat_is_still_reported() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let now = next_period_start();
			System::set_block_number(now);

			assert_eq!(actual_heartbeat_weight(AGENT, Default::default()), heartbeat_weight());
			assert_eq!(
				MockLifecycle::taken(),
				vec![Attested { provider: OWNER, now, lines: vec![] }]
			);
		});
	}

	#[test]
	fn leaving_and_jailed_providers_hand_their_lines_over_without_coming_back() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			register_provider(OTHER_OWNER, OTHER_AGENT, 1);
			set_commitments(OWNER, 1);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OTHER_OWNER));
			MockLifecycle::taken();
			let now = next_period_start();
			System::set_block_number(now);

			// A leaving provider's leases still run, so their lines matter.
			assert_eq!(
				actual_heartbeat_weight(AGENT, attestations(2)),
				heartbeat_weight().saturating_add(MockLifecycle::attested_for(2))
			);
			assert_eq!(
				actual_heartbeat_weight(OTHER_AGENT, attestations(1)),
				heartbeat_weight().saturating_add(MockLifecycle::attested_for(1))
			);
			assert_eq!(
				MockLifecycle::taken(),
				vec![
					Attested { provider: OWNER, now, lines: attestation_lines(2) },
					Attested { provider: OTHER_OWNER, now, lines: attestation_lines(1) },
				]
			);
			assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
			assert_eq!(status(OTHER_OWNER), Some(ProviderStatus::Jailed));
		});
	}

	#[test]
	fn failed_heartbeats_reach_no_market() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			MockLifecycle::taken();

			// Registration counts as this period's heartbeat.
			assert_noop!(
				heartbeat_with(AGENT, attestations(2)),
				Error::<Test>::HeartbeatAlreadySent
			);
			System::set_block_number(next_period_start());
			assert_noop!(heartbeat_with(OWNER, attestations(2)), Error::<Test>::NotAgent);
			assert_noop!(heartbeat_with(OTHER_AGENT, attestations(2)), Error::<Test>::NotAgent);
			assert_eq!(MockLifecycle::taken(), vec![]);

			assert_ok!(heartbeat_with(AGENT, attestations(2)));
			MockLifecycle::taken();
			assert_noop!(
				heartbeat_with(AGENT, attestations(1)),
				Error::<Test>::HeartbeatAlreadySent
			);
			assert_eq!(MockLifecycle::taken(), vec![]);
		});
	}

	#[test]
	fn an_offline_provider_whose_heartbeat_fails_does_not_come_back() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			run_to_block(deadline_of(OWNER));
			assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
			MockLifecycle::taken();

			fill_all_spill_buckets(expected_deadline(OWNER, System::block_number()));
			assert_noop!(heartbeat_with(AGENT, attestations(2)), Error::<Test>::DeadlineQueueFull);
			// Neither `back_online` nor `attested` ran, not even inside the failed call.
			assert_eq!(MockLifecycle::taken(), vec![]);
		});
	}

	#[test]
	fn heartbeat_weight_adds_what_the_market_reports_per_line() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			for lines in 0..=MAX_ATTESTATIONS {
				run_to_block(next_period_start());
				let actual = actual_heartbeat_weight(AGENT, attestations(lines));
				// What the market reported, not its declared bound.
				assert_eq!(
					actual,
					heartbeat_weight().saturating_add(MockLifecycle::attested_for(lines as usize))
				);
				assert!(actual.all_lte(declared_heartbeat_weight(lines)), "{lines} lines");
			}
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		});
	}

	#[test]
	fn coming_back_online_settles_the_outage_before_the_attestations() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let deadline = deadline_of(OWNER);
			run_to_block(deadline);
			assert_eq!(MockLifecycle::taken(), vec![WentOffline { provider: OWNER, at: deadline }]);

			run_to_block(deadline + 2);
			let now = System::block_number();
			let actual = actual_heartbeat_weight(AGENT, attestations(MAX_ATTESTATIONS));
			assert_eq!(
				actual,
				back_online_heartbeat_weight()
					.saturating_add(BACK_ONLINE)
					.saturating_add(MockLifecycle::attested_for(MAX_ATTESTATIONS as usize))
			);
			assert!(actual.all_lte(declared_heartbeat_weight(MAX_ATTESTATIONS)));
			// The market settles the Offline time first, so the lines cannot turn it into paid
			// time.
			assert_eq!(
				MockLifecycle::taken(),
				vec![
					BackOnline { provider: OWNER, now },
					Attested { provider: OWNER, now, lines: attestation_lines(MAX_ATTESTATIONS) },
				]
			);
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		});
	}

	#[test]
	fn coming_back_online_without_lines_reports_the_return_then_the_heartbeat() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			run_to_block(deadline_of(OWNER));
			MockLifecycle::taken();

			let now = System::block_number();
			assert_eq!(
				actual_heartbeat_weight(AGENT, Default::default()),
				back_online_heartbeat_weight().saturating_add(BACK_ONLINE)
			);
			assert_eq!(
				MockLifecycle::taken(),
				vec![
					BackOnline { provider: OWNER, now },
					Attested { provider: OWNER, now, lines: vec![] }
				]
			);
		});
	}

	#[test]
	fn declared_weights_cover_the_market_worst_case() {
		ExtBuilder.build_and_execute(|| {
			for lines in 0..=MAX_ATTESTATIONS {
				let declared = declared_heartbeat_weight(lines);
				// Any heartbeat may bring its provider back, and each line may cost its bound.
				assert_eq!(
					declared,
					heartbeat_weight()
						.max(back_online_heartbeat_weight())
						.saturating_add(MockLifecycle::back_online_weight())
						.saturating_add(MockLifecycle::attested_weight(lines)),
					"{lines} lines"
				);
				let worst_actual = back_online_heartbeat_weight()
					.saturating_add(BACK_ONLINE)
					.saturating_add(MockLifecycle::attested_for(lines as usize));
				assert!(worst_actual.all_lte(declared), "{lines} lines");
			}
			// Declaring is pure: it calls nothing.
			assert_eq!(MockLifecycle::taken(), vec![]);

			assert_eq!(
				Call::force_jail { provider: OWNER }.get_dispatch_info().call_weight,
				<() as WeightInfo>::force_jail().saturating_add(MockLifecycle::jailed_weight())
			);
		});
	}

	#[test]
	fn the_hook_reports_each_provider_it_marks_offline_once() {
		ExtBuilder.build_and_execute(|| {
			let owners = owners_sharing_an_offset(3);
			let (active, leaving, fresh) = (owners[0], owners[1], owners[2]);
			for owner in &owners {
				register_provider(*owner, owner + 100, 1);
			}
			let block = deadline_of(active);
			assert!(owners.iter().all(|owner| deadline_of(*owner) == block));
			set_commitments(leaving, 1);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(leaving)));
			// `fresh` heartbeats again, so its entry in `block` goes stale.
			System::set_block_number(PERIOD);
			assert_ok!(heartbeat(fresh + 100));
			assert_eq!(Deadlines::<Test>::get(block).into_inner(), owners);
			assert_eq!(
				MockLifecycle::taken(),
				vec![Attested { provider: fresh, now: PERIOD, lines: vec![] }]
			);

			System::set_block_number(block);
			assert_eq!(
				Providers::on_initialize(block),
				<() as WeightInfo>::on_initialize(3)
					.saturating_add(WENT_OFFLINE)
					.saturating_add(WENT_OFFLINE)
			);
			assert_eq!(
				MockLifecycle::taken(),
				vec![
					WentOffline { provider: active, at: block },
					WentOffline { provider: leaving, at: block },
				]
			);
			assert_eq!(status(active), Some(ProviderStatus::Offline));
			assert_eq!(status(leaving), Some(ProviderStatus::Offline));
			assert_eq!(status(fresh), Some(ProviderStatus::Active));

			// Only `fresh` is still watched; the other two are never reported again.
			let later = deadline_of(fresh);
			run_to_block(later);
			assert_eq!(MockLifecycle::taken(), vec![WentOffline { provider: fresh, at: later }]);
			run_to_block(later + 5 * PERIOD);
			assert_eq!(MockLifecycle::taken(), vec![]);
		});
	}

	#[test]
	fn a_hook_with_only_stale_entries_reports_nothing() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			let old_deadline = deadline_of(OWNER);
			System::set_block_number(PERIOD);
			assert_ok!(heartbeat(AGENT));
			MockLifecycle::taken();

			System::set_block_number(old_deadline);
			assert_eq!(
				Providers::on_initialize(old_deadline),
				<() as WeightInfo>::on_initialize(1)
			);
			assert_eq!(MockLifecycle::taken(), vec![]);
			assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		});
	}

	#[test]
	fn force_jail_tells_the_market_once() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			register_provider(OTHER_OWNER, OTHER_AGENT, 1);
			let owner_deadline = deadline_of(OWNER);
			let other_deadline = deadline_of(OTHER_OWNER);

			// From Active.
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			assert_eq!(MockLifecycle::taken(), vec![Jailed { provider: OWNER }]);

			// From Offline.
			run_to_block(other_deadline.max(owner_deadline));
			assert_eq!(
				MockLifecycle::taken(),
				vec![WentOffline { provider: OTHER_OWNER, at: other_deadline }]
			);
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OTHER_OWNER));
			assert_eq!(MockLifecycle::taken(), vec![Jailed { provider: OTHER_OWNER }]);

			// Jailed providers are not watched, so nothing more reaches the market.
			run_to_block(System::block_number() + 5 * PERIOD);
			assert_eq!(MockLifecycle::taken(), vec![]);
		});
	}

	#[test]
	fn the_slashing_path_tells_the_market_too() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 1);
			assert_ok!(Providers::do_jail(&OWNER));
			assert_eq!(MockLifecycle::taken(), vec![Jailed { provider: OWNER }]);
			// Unjailing is nothing the market hears about.
			assert_ok!(Providers::do_unjail(&OWNER));
			assert_eq!(MockLifecycle::taken(), vec![]);
		});
	}

	#[test]
	fn failed_jails_reach_no_market() {
		ExtBuilder.build_and_execute(|| {
			assert_noop!(
				Providers::force_jail(RuntimeOrigin::root(), OWNER),
				Error::<Test>::NotRegistered
			);
			register_provider(OWNER, AGENT, 1);
			assert_noop!(
				Providers::force_jail(RuntimeOrigin::signed(OWNER), OWNER),
				DispatchError::BadOrigin
			);
			assert_eq!(MockLifecycle::taken(), vec![]);

			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			MockLifecycle::taken();
			// Taking over a jail tells the market nothing: its leases closed with the first.
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
			assert_eq!(MockLifecycle::taken(), vec![]);

			register_provider(OTHER_OWNER, OTHER_AGENT, 1);
			set_commitments(OTHER_OWNER, 1);
			assert_ok!(Providers::leave(RuntimeOrigin::signed(OTHER_OWNER)));
			assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OTHER_OWNER));
			assert_eq!(
				MockLifecycle::taken(),
				vec![LifecycleCall::Jailed { provider: OTHER_OWNER }]
			);
		});
	}

	#[test]
	fn max_attestations_bounds_the_lines() {
		ExtBuilder.build_and_execute(|| {
			assert!(Attestations::try_from(attestation_lines(MAX_ATTESTATIONS)).is_ok());
			assert!(Attestations::try_from(attestation_lines(MAX_ATTESTATIONS + 1)).is_err());

			// Nor does an oversized heartbeat decode from the wire.
			let encode_heartbeat = |lines: Vec<LeaseAttestation>| {
				let mut encoded =
					RuntimeCall::Providers(Call::heartbeat { attestations: Default::default() })
						.encode();
				encoded.truncate(encoded.len() - Vec::<LeaseAttestation>::new().encode().len());
				encoded.extend(lines.encode());
				encoded
			};
			let fits = encode_heartbeat(attestation_lines(MAX_ATTESTATIONS));
			assert!(RuntimeCall::decode(&mut &fits[..]).is_ok());
			let too_many = encode_heartbeat(attestation_lines(MAX_ATTESTATIONS + 1));
			assert!(RuntimeCall::decode(&mut &too_many[..]).is_err());
		});
	}
}

mod registry {
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
			assert_ok!(Providers::update_inventory(
				RuntimeOrigin::signed(OWNER),
				inventory(OWNER, 2)
			));
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
			assert_eq!(
				Providers::why_idle(OWNER),
				Some(IdleReason::Status(ProviderStatus::Jailed))
			);
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
}

mod invariants {
	use super::*;

	#[test]
	fn hold_after_ordinary_use() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 2);
			register_provider(OTHER_OWNER, OTHER_AGENT, 1);
			assert_ok!(Providers::do_try_state(System::block_number()));
		});
	}

	#[test]
	fn catch_a_broken_agent_index() {
		ExtBuilder.build().execute_with(|| {
			register_provider(OWNER, AGENT, 1);
			ProviderOfAgent::<Test>::remove(AGENT);
			assert!(Providers::do_try_state(System::block_number()).is_err());
		});
	}

	#[test]
	fn catch_an_active_provider_missing_from_its_bucket() {
		ExtBuilder.build().execute_with(|| {
			register_provider(OWNER, AGENT, 1);
			Deadlines::<Test>::remove(deadline_of(OWNER));
			assert!(Providers::do_try_state(System::block_number()).is_err());
		});
	}

	#[test]
	fn catch_an_inventory_out_of_step_with_the_record() {
		ExtBuilder.build().execute_with(|| {
			register_provider(OWNER, AGENT, 2);
			Inventory::<Test>::insert(OWNER, inventory(OWNER, 1));
			assert!(Providers::do_try_state(System::block_number()).is_err());
		});
	}

	#[test]
	fn catch_a_bucket_left_behind() {
		ExtBuilder.build().execute_with(|| {
			System::set_block_number(20);
			fill_bucket(19);
			assert!(Providers::do_try_state(20).is_err());
		});
	}

	#[test]
	fn do_not_require_stake_to_cover_the_gpus() {
		ExtBuilder.build_and_execute(|| {
			register_provider(OWNER, AGENT, 3);
			// Slashing may leave a provider under-bonded; that is not a broken invariant.
			set_stake(OWNER, 0);
			assert_ok!(Providers::do_try_state(System::block_number()));
		});
	}
}

mod properties {
	use super::*;
	use crate::IdleReason;
	use ember_primitives::ProviderStake;
	use proptest::prelude::*;
	use std::collections::{BTreeMap, BTreeSet};

	/// Accounts the random calls use. Most calls pick owners from the first group and agents
	/// from the second, but any account may turn up in any role.
	const OWNERS: core::ops::RangeInclusive<AccountId> = 1..=4;
	const AGENTS: core::ops::RangeInclusive<AccountId> = 11..=15;

	#[derive(Clone, Debug)]
	enum Op {
		Register { owner: AccountId, agent: AccountId, gpus: u32, bond_first: bool },
		UpdateInventory { owner: AccountId, first: u32, gpus: u32 },
		SetAgent { owner: AccountId, agent: AccountId },
		Pause(AccountId),
		Resume(AccountId),
		Leave(AccountId),
		Heartbeat { agent: AccountId, lines: u32 },
		ForceJail(AccountId),
		ForceUnjail(AccountId),
		SetStake { owner: AccountId, covered_gpus: u32 },
		SetPunishmentPending { owner: AccountId, pending: bool },
		SetCommitments { owner: AccountId, count: u32 },
		CommitGpu { owner: AccountId, index: u32 },
		ReleaseGpu { owner: AccountId, index: u32 },
		Advance(BlockNumber),
	}

	fn all_accounts() -> impl Iterator<Item = AccountId> {
		OWNERS.chain(AGENTS)
	}

	fn owner() -> impl Strategy<Value = AccountId> {
		prop_oneof![5 => OWNERS, 1 => AGENTS]
	}

	fn agent() -> impl Strategy<Value = AccountId> {
		prop_oneof![5 => AGENTS, 1 => OWNERS]
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			4 => (owner(), 1..=MAX_GPUS, prop::bool::weighted(0.8)).prop_flat_map(
				|(owner, gpus, bond_first)| {
					// Usually the owner's own hot key, so that most registrations can succeed.
					let own_agent = if owner < 10 { owner + 10 } else { 15 };
					prop_oneof![3 => Just(own_agent), 1 => agent()].prop_map(move |agent| {
						Op::Register { owner, agent, gpus, bond_first }
					})
				}
			),
			2 => (owner(), 0..3u32, 1..=MAX_GPUS)
				.prop_map(|(owner, first, gpus)| Op::UpdateInventory { owner, first, gpus }),
			1 => (owner(), agent()).prop_map(|(owner, agent)| Op::SetAgent { owner, agent }),
			1 => owner().prop_map(Op::Pause),
			1 => owner().prop_map(Op::Resume),
			2 => owner().prop_map(Op::Leave),
			6 => (agent(), 0..=MAX_ATTESTATIONS)
				.prop_map(|(agent, lines)| Op::Heartbeat { agent, lines }),
			1 => owner().prop_map(Op::ForceJail),
			1 => owner().prop_map(Op::ForceUnjail),
			1 => (owner(), 0..=MAX_GPUS)
				.prop_map(|(owner, covered_gpus)| Op::SetStake { owner, covered_gpus }),
			1 => (owner(), prop::bool::weighted(0.3))
				.prop_map(|(owner, pending)| Op::SetPunishmentPending { owner, pending }),
			1 => (owner(), 0..3u32).prop_map(|(owner, count)| Op::SetCommitments { owner, count }),
			1 => (owner(), 0..MAX_GPUS + 2)
				.prop_map(|(owner, index)| Op::CommitGpu { owner, index }),
			1 => (owner(), 0..MAX_GPUS + 2)
				.prop_map(|(owner, index)| Op::ReleaseGpu { owner, index }),
			4 => (1..=2 * PERIOD).prop_map(Op::Advance),
		]
	}

	#[derive(Clone, Debug)]
	struct ModelProvider {
		agent: AccountId,
		status: ProviderStatus,
		paused: bool,
		gpus: BTreeSet<u32>,
		last_heartbeat: BlockNumber,
		/// The block of the last event that set a liveness deadline.
		watched_since: BlockNumber,
	}

	/// What the registry should look like, kept by rules independent of the pallet's code.
	#[derive(Clone, Debug, Default)]
	struct Model {
		providers: BTreeMap<AccountId, ModelProvider>,
		covered_gpus: BTreeMap<AccountId, u32>,
		/// Owners the judge of offences has a slash or jail pending for.
		punishment_pending: BTreeSet<AccountId>,
		/// How many times governance jailed or released each provider by force.
		jail_overrides: BTreeMap<AccountId, u32>,
		commitments: BTreeMap<AccountId, u32>,
		committed: BTreeSet<(AccountId, u32)>,
	}

	impl Model {
		fn owner_of_agent(&self, agent: AccountId) -> Option<AccountId> {
			self.providers.iter().find(|(_, p)| p.agent == agent).map(|(owner, _)| *owner)
		}

		fn stake_covers(&self, owner: AccountId, gpus: u32) -> bool {
			self.covered_gpus.get(&owner).is_some_and(|covered| *covered >= gpus)
		}

		/// Why a registered provider takes no new work: its status, a pause, or a bond that
		/// no longer covers its GPUs, in that order.
		fn idle_reason(&self, owner: AccountId) -> Option<IdleReason> {
			let p = self.providers.get(&owner)?;
			let gpus = p.gpus.len() as u32;
			if p.status != ProviderStatus::Active {
				Some(IdleReason::Status(p.status))
			} else if p.paused {
				Some(IdleReason::Paused)
			} else if !self.stake_covers(owner, gpus) {
				let covered = self.covered_gpus.get(&owner);
				Some(IdleReason::BondTooLow {
					bonded: covered.map_or(0, |covered| MockStake::required_stake(*covered)),
					required: MockStake::required_stake(gpus),
				})
			} else {
				None
			}
		}

		fn agent_check(&self, owner: AccountId, agent: AccountId) -> Result<(), Error<Test>> {
			if agent == owner {
				return Err(Error::AgentIsOwner);
			}
			if self.owner_of_agent(agent).is_some() {
				return Err(Error::AgentInUse);
			}
			if self.providers.contains_key(&agent) {
				return Err(Error::AgentIsProvider);
			}
			Ok(())
		}

		/// The outcome the model expects, and whether the call has to schedule a deadline.
		fn expect(&self, op: &Op, now: BlockNumber) -> (Result<(), Error<Test>>, bool) {
			let provider = |owner: &AccountId| self.providers.get(owner);
			match op {
				Op::Register { owner, agent, gpus, .. } => {
					let outcome = if self.providers.contains_key(owner) {
						Err(Error::AlreadyRegistered)
					} else if self.owner_of_agent(*owner).is_some() {
						Err(Error::OwnerIsAgent)
					} else if let Err(error) = self.agent_check(*owner, *agent) {
						Err(error)
					} else if !self.stake_covers(*owner, *gpus) {
						Err(Error::InsufficientStake)
					} else {
						Ok(())
					};
					(outcome, true)
				},
				Op::UpdateInventory { owner, first, gpus } => {
					let Some(p) = provider(owner) else {
						return (Err(Error::NotRegistered), false);
					};
					let new: BTreeSet<u32> = (*first..first + gpus).collect();
					let drops_committed = p.gpus.iter().any(|index| {
						self.committed.contains(&(*owner, *index)) && !new.contains(index)
					});
					let outcome = if drops_committed {
						Err(Error::CommittedGpuRemoved)
					} else if new.len() > p.gpus.len() && !self.stake_covers(*owner, *gpus) {
						Err(Error::InsufficientStake)
					} else {
						Ok(())
					};
					(outcome, false)
				},
				Op::SetAgent { owner, agent } => match provider(owner) {
					None => (Err(Error::NotRegistered), false),
					Some(_) => (self.agent_check(*owner, *agent), false),
				},
				Op::Pause(owner) => match provider(owner) {
					None => (Err(Error::NotRegistered), false),
					Some(p) if p.paused => (Err(Error::AlreadyPaused), false),
					Some(_) => (Ok(()), false),
				},
				Op::Resume(owner) => match provider(owner) {
					None => (Err(Error::NotRegistered), false),
					Some(p) if !p.paused => (Err(Error::NotPaused), false),
					Some(_) => (Ok(()), false),
				},
				Op::Leave(owner) => {
					let commitments = self.commitments.get(owner).copied().unwrap_or(0);
					let outcome = match provider(owner).map(|p| p.status) {
						None => Err(Error::NotRegistered),
						// Leaving never escapes a punishment already decided.
						Some(_) if self.punishment_pending.contains(owner) => {
							Err(Error::PunishmentPending)
						},
						Some(ProviderStatus::Jailed) => Err(Error::ProviderJailed),
						Some(_) if commitments == 0 => Ok(()),
						Some(ProviderStatus::Active) => Ok(()),
						Some(ProviderStatus::Offline) => Err(Error::ProviderOffline),
						Some(ProviderStatus::Leaving) => Err(Error::CommitmentsRemain),
					};
					(outcome, false)
				},
				Op::Heartbeat { agent, .. } => {
					let Some(owner) = self.owner_of_agent(*agent) else {
						return (Err(Error::NotAgent), false);
					};
					let p = &self.providers[&owner];
					if p.last_heartbeat / PERIOD == now / PERIOD {
						return (Err(Error::HeartbeatAlreadySent), false);
					}
					let schedules = p.status != ProviderStatus::Jailed;
					(Ok(()), schedules)
				},
				// Every registered provider, Leaving and Jailed ones included.
				Op::ForceJail(owner) => match provider(owner).map(|p| p.status) {
					None => (Err(Error::NotRegistered), false),
					Some(_) => (Ok(()), false),
				},
				Op::ForceUnjail(owner) => match provider(owner).map(|p| p.status) {
					None => (Err(Error::NotRegistered), false),
					Some(ProviderStatus::Jailed) => (Ok(()), true),
					Some(_) => (Err(Error::NotJailed), false),
				},
				Op::SetStake { .. }
				| Op::SetPunishmentPending { .. }
				| Op::SetCommitments { .. }
				| Op::CommitGpu { .. }
				| Op::ReleaseGpu { .. }
				| Op::Advance(_) => (Ok(()), false),
			}
		}

		/// Apply a call the chain accepted.
		fn apply(&mut self, op: &Op, now: BlockNumber) {
			match op {
				Op::Register { owner, agent, gpus, .. } => {
					self.providers.insert(
						*owner,
						ModelProvider {
							agent: *agent,
							status: ProviderStatus::Active,
							paused: false,
							gpus: (0..*gpus).collect(),
							last_heartbeat: now,
							watched_since: now,
						},
					);
				},
				Op::UpdateInventory { owner, first, gpus } => {
					if let Some(p) = self.providers.get_mut(owner) {
						p.gpus = (*first..first + gpus).collect();
					}
				},
				Op::SetAgent { owner, agent } => {
					if let Some(p) = self.providers.get_mut(owner) {
						p.agent = *agent;
					}
				},
				Op::Pause(owner) | Op::Resume(owner) => {
					if let Some(p) = self.providers.get_mut(owner) {
						p.paused = matches!(op, Op::Pause(_));
					}
				},
				Op::Leave(owner) => {
					if self.commitments.get(owner).copied().unwrap_or(0) == 0 {
						self.providers.remove(owner);
					} else if let Some(p) = self.providers.get_mut(owner) {
						p.status = ProviderStatus::Leaving;
					}
				},
				Op::Heartbeat { agent, .. } => {
					let owner =
						self.owner_of_agent(*agent).expect("accepted heartbeat has an owner");
					let p = self.providers.get_mut(&owner).expect("owner is registered");
					p.last_heartbeat = now;
					match p.status {
						ProviderStatus::Active | ProviderStatus::Offline => {
							p.status = ProviderStatus::Active;
							p.watched_since = now;
						},
						ProviderStatus::Leaving => p.watched_since = now,
						ProviderStatus::Jailed => {},
					}
				},
				Op::ForceJail(owner) => {
					if let Some(p) = self.providers.get_mut(owner) {
						p.status = ProviderStatus::Jailed;
					}
					*self.jail_overrides.entry(*owner).or_default() += 1;
				},
				Op::ForceUnjail(owner) => {
					if let Some(p) = self.providers.get_mut(owner) {
						p.status = ProviderStatus::Active;
						p.watched_since = now;
					}
					*self.jail_overrides.entry(*owner).or_default() += 1;
				},
				Op::SetStake { owner, covered_gpus } => {
					self.covered_gpus.insert(*owner, *covered_gpus);
				},
				Op::SetPunishmentPending { owner, pending } => {
					if *pending {
						self.punishment_pending.insert(*owner);
					} else {
						self.punishment_pending.remove(owner);
					}
				},
				Op::SetCommitments { owner, count } => {
					self.commitments.insert(*owner, *count);
				},
				Op::CommitGpu { owner, index } => {
					self.committed.insert((*owner, *index));
				},
				Op::ReleaseGpu { owner, index } => {
					self.committed.remove(&(*owner, *index));
				},
				Op::Advance(_) => {},
			}
		}
	}

	/// What the lease market must hear when the chain accepts `op` at `now`, by the model's state
	/// before the call.
	fn expected_lifecycle_calls(model: &Model, op: &Op, now: BlockNumber) -> Vec<LifecycleCall> {
		match op {
			Op::Heartbeat { agent, lines } => {
				// A key that is no agent fails, and failed calls are checked to make none.
				let Some(owner) = model.owner_of_agent(*agent) else { return Vec::new() };
				let mut calls = Vec::new();
				if model.providers[&owner].status == ProviderStatus::Offline {
					calls.push(LifecycleCall::BackOnline { provider: owner, now });
				}
				// Every accepted heartbeat is reported, lines or not: it credits available time.
				calls.push(LifecycleCall::Attested {
					provider: owner,
					now,
					lines: attestation_lines(*lines),
				});
				calls
			},
			// Taking over a jail closes nothing more.
			Op::ForceJail(owner) => match model.providers.get(owner).map(|p| p.status) {
				Some(ProviderStatus::Jailed) => Vec::new(),
				_ => vec![LifecycleCall::Jailed { provider: *owner }],
			},
			// The paused time earns nothing from the moment of the pause.
			Op::Pause(owner) => vec![LifecycleCall::Paused { provider: *owner }],
			_ => Vec::new(),
		}
	}

	/// The first block at which a provider watched since `since` may go Offline.
	fn earliest_offline(owner: AccountId, since: BlockNumber) -> BlockNumber {
		expected_deadline(owner, since)
	}

	/// The last block at which it must have gone Offline, spilling included.
	fn latest_offline(owner: AccountId, since: BlockNumber) -> BlockNumber {
		expected_deadline(owner, since) + u64::from(DEADLINE_SPILL_BLOCKS)
	}

	fn dispatch(op: &Op) -> Result<(), DispatchError> {
		let signed = RuntimeOrigin::signed;
		match op.clone() {
			Op::Register { owner, agent, gpus, .. } => {
				register_with(owner, agent, inventory(owner, gpus))
			},
			Op::UpdateInventory { owner, first, gpus } => {
				let specs =
					(first..first + gpus).map(|index| gpu(gpu_hash(owner, index))).collect();
				Providers::update_inventory(
					signed(owner),
					GpuInventoryOf::<Test>::truncate_from(specs),
				)
			},
			Op::SetAgent { owner, agent } => Providers::set_agent(signed(owner), agent),
			Op::Pause(owner) => Providers::pause(signed(owner)),
			Op::Resume(owner) => Providers::resume(signed(owner)),
			Op::Leave(owner) => Providers::leave(signed(owner)),
			Op::Heartbeat { agent, lines } => heartbeat_with(agent, attestations(lines)),
			Op::ForceJail(owner) => Providers::force_jail(RuntimeOrigin::root(), owner),
			Op::ForceUnjail(owner) => Providers::force_unjail(RuntimeOrigin::root(), owner),
			Op::SetStake { owner, covered_gpus } => {
				stake_for(owner, covered_gpus);
				Ok(())
			},
			Op::SetPunishmentPending { owner, pending } => {
				set_punishment_pending(owner, pending);
				Ok(())
			},
			Op::SetCommitments { owner, count } => {
				set_commitments(owner, count);
				Ok(())
			},
			Op::CommitGpu { owner, index } => {
				commit_gpu(owner, gpu_hash(owner, index));
				Ok(())
			},
			Op::ReleaseGpu { owner, index } => {
				release_gpu(owner, gpu_hash(owner, index));
				Ok(())
			},
			Op::Advance(_) => Ok(()),
		}
	}

	/// Advance block by block, checking every Offline transition against the model's rule.
	fn advance(model: &mut Model, blocks: BlockNumber) {
		for _ in 0..blocks {
			System::reset_events();
			let block = System::block_number() + 1;
			run_to_block(block);
			let offline: Vec<_> = provider_events()
				.into_iter()
				.filter_map(|event| match event {
					Event::WentOffline { provider, .. } => {
						Some(LifecycleCall::WentOffline { provider, at: block })
					},
					_ => None,
				})
				.collect();
			// The market hears of exactly the providers the hook marked Offline, in order.
			assert_eq!(MockLifecycle::taken(), offline, "block {block}");
			for event in provider_events() {
				let (provider, last_heartbeat) = match event {
					Event::WentOffline { provider, last_heartbeat } => (provider, last_heartbeat),
					other => panic!("unexpected event in a block hook: {other:?}"),
				};
				let p = model.providers.get_mut(&provider).expect("offline provider registered");
				assert!(
					matches!(p.status, ProviderStatus::Active | ProviderStatus::Leaving),
					"only watched providers go offline"
				);
				assert_eq!(p.last_heartbeat, last_heartbeat);
				assert!(
					block >= earliest_offline(provider, p.watched_since),
					"provider {provider} went offline early at {block}: {p:?}"
				);
				p.status = ProviderStatus::Offline;
			}
			for (owner, p) in &model.providers {
				if matches!(p.status, ProviderStatus::Active | ProviderStatus::Leaving) {
					assert!(
						block < latest_offline(*owner, p.watched_since),
						"provider {owner} silent since {} still active at {block}",
						p.watched_since
					);
				}
			}
		}
	}

	/// The chain agrees with the model on everything other pallets can see.
	fn assert_matches(model: &Model) {
		for account in all_accounts() {
			let expected = model.providers.get(&account);
			assert_eq!(status(account), expected.map(|p| p.status), "status of {account}");
			assert_eq!(
				Providers::registered_gpus(&account),
				expected.map(|p| p.gpus.len() as u32),
				"gpus of {account}"
			);
			assert_eq!(
				Providers::provider_of_agent(&account),
				model.owner_of_agent(account),
				"owner behind agent {account}"
			);
			if let Some(p) = expected {
				let record = info(account);
				assert_eq!(record.agent, p.agent);
				assert_eq!(record.paused, p.paused);
				assert_eq!(record.last_heartbeat, p.last_heartbeat);
				let hashes: BTreeSet<_> = Inventory::<Test>::get(account)
					.expect("inventory")
					.iter()
					.map(|spec| spec.uuid_hash)
					.collect();
				let expected_hashes: BTreeSet<_> =
					p.gpus.iter().map(|index| gpu_hash(account, *index)).collect();
				assert_eq!(hashes, expected_hashes);
				// A slash may leave the bond short of the GPUs: no new work until it tops up.
				assert_eq!(
					Providers::accepts_work(&account),
					p.status == ProviderStatus::Active
						&& !p.paused && model.stake_covers(account, p.gpus.len() as u32),
					"accepts_work of {account}"
				);
			}
			assert_eq!(Providers::why_idle(account), model.idle_reason(account), "{account}");
			assert_eq!(
				jail_overrides(account),
				model.jail_overrides.get(&account).copied().unwrap_or(0),
				"jail overrides of {account}"
			);
		}
	}

	fn run(ops: Vec<Op>) {
		let mut model = Model::default();
		// Start with three providers so that most calls meet a registered one.
		let setup = [(1, 11, 2), (2, 12, 1), (3, 13, MAX_GPUS)]
			.map(|(owner, agent, gpus)| Op::Register { owner, agent, gpus, bond_first: true });
		for op in setup.into_iter().chain(ops) {
			if let Op::Advance(blocks) = op {
				advance(&mut model, blocks);
			} else {
				if let Op::Register { owner, bond_first: true, .. } = op {
					stake_for(owner, MAX_GPUS);
					model.covered_gpus.insert(owner, MAX_GPUS);
				}
				let now = System::block_number();
				let (expected, schedules) = model.expect(&op, now);
				let expected_calls = expected_lifecycle_calls(&model, &op, now);
				let root_before = sp_io::storage::root(sp_runtime::StateVersion::V1);
				let outcome = dispatch(&op);
				let failed = outcome.is_err();
				let calls = MockLifecycle::taken();
				if failed {
					assert_eq!(calls, vec![], "failed {op:?} reached the market");
				} else {
					assert_eq!(calls, expected_calls, "{op:?}");
				}
				match (outcome, expected) {
					(Ok(()), Ok(())) => model.apply(&op, now),
					(Err(error), Err(expected)) => {
						assert_eq!(error, DispatchError::from(expected), "{op:?}");
					},
					(Err(error), Ok(()))
						if schedules
							&& error == DispatchError::from(Error::<Test>::DeadlineQueueFull) => {},
					(outcome, expected) => {
						panic!("{op:?}: chain said {outcome:?}, model expected {expected:?}")
					},
				}
				if failed {
					let root_after = sp_io::storage::root(sp_runtime::StateVersion::V1);
					assert_eq!(root_before, root_after, "failed {op:?} changed state");
				}
			}
			if let Err(error) = Providers::do_try_state(System::block_number()) {
				panic!("invariant broken: {error:?}");
			}
			assert_matches(&model);
		}
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(128))]

		#[test]
		fn random_calls_keep_the_registry_consistent(ops in prop::collection::vec(op(), 1..80)) {
			ExtBuilder.build_and_execute(|| run(ops));
		}
	}
}

mod hook_budget;
mod inventory_observer;
