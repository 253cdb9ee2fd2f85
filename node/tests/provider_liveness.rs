//! A provider's life on a real `ember-node --dev`, driven over JSON-RPC as a wallet would: the
//! owner bonds and registers, the agent heartbeats for free, falls silent and goes Offline, and
//! comes back with its next heartbeat.

mod common;

use std::time::Duration;

use codec::{Decode, Encode};
use common::{
	extrinsic::{free_balance, map_key_blake2_128_concat, submit},
	Node,
};
use ember_primitives::{ComputeCapability, GpuSpec, ProviderStatus};
use ember_runtime::{
	configs::{ProviderBaseStake, ProviderStakePerUnit},
	AccountId, Balance, BlockNumber, Runtime, RuntimeCall, EMBR,
};
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::BoundedVec;

/// Short liveness settings, set through governance, so the test sees a whole period cycle.
const PERIOD: BlockNumber = 4;
const MAX_MISSED: u32 = 1;

fn provider_record(
	node: &Node,
	owner: &AccountId,
) -> Option<pallet_providers::ProviderInfo<Runtime>> {
	let key = map_key_blake2_128_concat("Providers", "Providers", &owner.encode());
	node.storage(&key)
		.map(|bytes| Decode::decode(&mut &bytes[..]).expect("ProviderInfo decodes"))
}

fn set_liveness_parameters(node: &Node) {
	submit(
		node,
		&Sr25519Keyring::Alice.pair(),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo {
			call: Box::new(RuntimeCall::Providers(pallet_providers::Call::set_heartbeat_params {
				period: PERIOD,
				max_missed: MAX_MISSED,
			})),
		}),
	);
}

fn register_calls(agent: &AccountId) -> Vec<RuntimeCall> {
	let gpus = (0u8..2)
		.map(|i| GpuSpec {
			model: BoundedVec::truncate_from(b"NVIDIA RTX A6000".to_vec()),
			vram_mib: 49_140,
			compute_capability: ComputeCapability::new(8, 6),
			uuid_hash: H256::repeat_byte(i + 1),
		})
		.collect::<Vec<_>>();
	let required: Balance = ProviderBaseStake::get() + 2 * ProviderStakePerUnit::get();
	vec![
		RuntimeCall::ProviderStaking(pallet_provider_staking::Call::bond { value: required }),
		RuntimeCall::Providers(pallet_providers::Call::register {
			agent: agent.clone(),
			region: BoundedVec::truncate_from(b"eu-west".to_vec()),
			peer_id: BoundedVec::truncate_from(b"12D3KooWEmberProviderAgent".to_vec()),
			multiaddrs: BoundedVec::truncate_from(vec![BoundedVec::truncate_from(
				b"/ip4/127.0.0.1/tcp/30555".to_vec(),
			)]),
			gpus: BoundedVec::truncate_from(gpus),
		}),
	]
}

#[test]
fn provider_registers_heartbeats_for_free_goes_offline_and_comes_back() {
	let node = Node::dev("provider");
	node.wait_ready();
	node.wait_for("block #1", Duration::from_secs(120), |node| {
		node.best_number().filter(|n| *n >= 1)
	});
	let long = Duration::from_secs(180);

	let alice = Sr25519Keyring::Alice.pair();
	let owner_pair = Sr25519Keyring::Charlie.pair();
	let owner: AccountId = owner_pair.public().into();
	let agent_pair = sr25519::Pair::from_string("//Ember//provider-agent", None).expect("valid");
	let agent: AccountId = agent_pair.public().into();

	set_liveness_parameters(&node);
	// The agent needs only to exist: its heartbeats are feeless.
	submit(
		&node,
		&alice,
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: agent.clone().into(),
			value: EMBR,
		}),
	);
	submit(
		&node,
		&owner_pair,
		RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: register_calls(&agent) }),
	);

	let registered = node.wait_for("the registration", long, |node| provider_record(node, &owner));
	assert_eq!(registered.agent, agent);
	assert_eq!(registered.status, ProviderStatus::Active);
	assert_eq!(registered.gpu_count, 2);
	node.wait_for("the agent's funds", long, |node| {
		(free_balance(node, &agent) == EMBR).then_some(())
	});

	// The first heartbeat is due in a later period than the registration's.
	let next_period = (registered.last_heartbeat / PERIOD + 1) * PERIOD;
	node.wait_for("the next heartbeat period", long, |node| {
		node.best_number().filter(|n| *n > next_period as u64)
	});
	submit(
		&node,
		&agent_pair,
		RuntimeCall::Providers(pallet_providers::Call::heartbeat {
			attestations: Default::default(),
		}),
	);
	let beat = node.wait_for("the heartbeat", long, |node| {
		provider_record(node, &owner).filter(|p| p.last_heartbeat > registered.last_heartbeat)
	});
	assert_eq!(beat.status, ProviderStatus::Active);
	assert_eq!(free_balance(&node, &agent), EMBR, "a valid heartbeat is feeless");

	// Silence: after MAX_MISSED periods without a heartbeat the chain marks it Offline.
	let offline = node.wait_for("the provider to go Offline", long, |node| {
		provider_record(node, &owner).filter(|p| p.status == ProviderStatus::Offline)
	});
	assert_eq!(offline.last_heartbeat, beat.last_heartbeat);

	// Its next heartbeat brings it back.
	submit(
		&node,
		&agent_pair,
		RuntimeCall::Providers(pallet_providers::Call::heartbeat {
			attestations: Default::default(),
		}),
	);
	node.wait_for("the provider to come back", long, |node| {
		provider_record(node, &owner).filter(|p| p.status == ProviderStatus::Active)
	});
	assert_eq!(free_balance(&node, &agent), EMBR, "heartbeats never cost the agent anything");
}
