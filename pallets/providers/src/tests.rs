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

mod genesis;
mod heartbeat;
mod heartbeat_params;
mod hook_budget;
mod invariants;
mod inventory_observer;
mod jail;
mod leave;
mod lifecycle;
mod liveness;
mod pause_and_resume;
mod properties;
mod register;
mod registry;
mod set_agent;
mod stake_units;
mod update_inventory;
mod update_metadata;
