//! The `ember_*` JSON-RPC methods on a real `ember-node --dev`, driven as a dApp would: Bob
//! registers a provider with two GPUs, its agent proves them (the chain takes bids only with
//! proven GPUs), Alice orders one, Bob's agent bids, Alice accepts, and every step is read back
//! over RPC.

mod common;

use std::time::{Duration, Instant};

use common::{extrinsic::submit, prover::prove_gpus, Node};
use ember_primitives::{ComputeCapability, GpuSpec};
use ember_runtime::{
	configs::{ProviderBaseStake, ProviderStakePerUnit},
	AccountId, Balance, BlockNumber, RuntimeCall, EMBR,
};
use pallet_leases::GpuRequirement;
use serde_json::{json, Value};
use sp_core::{
	crypto::{Pair as _, Ss58Codec},
	sr25519, H256,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::BoundedVec;

const MODEL: &str = "NVIDIA RTX A6000";
const VRAM_MIB: u32 = 49_140;
const DURATION: BlockNumber = 600;
const BID_WINDOW: BlockNumber = 20;
const MAX_PRICE: Balance = 10 * EMBR;
const BID_PRICE: Balance = 6 * EMBR;

fn gpu(i: u8) -> GpuSpec {
	GpuSpec {
		model: BoundedVec::truncate_from(MODEL.as_bytes().to_vec()),
		vram_mib: VRAM_MIB,
		compute_capability: ComputeCapability::new(8, 6),
		uuid_hash: H256::repeat_byte(i),
	}
}

/// A GPU as `ember_freeGpus` shows it.
fn gpu_json(i: u8) -> Value {
	json!({
		"model": MODEL,
		"vramMib": VRAM_MIB,
		"computeCapability": "8.6",
		"uuidHash": format!("{:?}", H256::repeat_byte(i)),
	})
}

/// Bob's batch: fund the agent (it pays for its bids), bond, register two GPUs in `eu-west`.
fn register_provider(agent: &AccountId) -> RuntimeCall {
	let required = ProviderBaseStake::get() + 2 * ProviderStakePerUnit::get();
	RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: agent.clone().into(),
				value: EMBR,
			}),
			RuntimeCall::ProviderStaking(pallet_provider_staking::Call::bond { value: required }),
			RuntimeCall::Providers(pallet_providers::Call::register {
				agent: agent.clone(),
				region: BoundedVec::truncate_from(b"eu-west".to_vec()),
				peer_id: BoundedVec::truncate_from(b"12D3KooWEmberProviderAgent".to_vec()),
				multiaddrs: BoundedVec::truncate_from(vec![BoundedVec::truncate_from(
					b"/ip4/127.0.0.1/tcp/30555".to_vec(),
				)]),
				gpus: BoundedVec::truncate_from(vec![gpu(1), gpu(2)]),
			}),
		],
	})
}

/// The best block's number and hash.
fn best(node: &Node) -> (u64, String) {
	let header = node.rpc("chain_getHeader", json!([]));
	let hash = node.rpc("chain_getBlockHash", json!([header["number"]]));
	(common::hex_number(&header["number"]).expect("block number"), hash.as_str().unwrap().into())
}

/// Polls `method(params.., at)` at the best block until `ready` accepts the answer. Returns
/// the answer and the first block whose state gave it (found by walking back through parents
/// queried with the same `at`), which is the block of the extrinsic that caused it.
fn wait_rpc(
	node: &Node,
	what: &str,
	method: &str,
	params: Value,
	ready: impl Fn(&Value) -> bool,
) -> (Value, BlockNumber) {
	let at = |hash: &str| {
		let mut params = params.as_array().expect("positional params").clone();
		params.push(json!(hash));
		node.rpc(method, Value::Array(params))
	};
	let (value, mut number, mut hash) = node.wait_for(what, Duration::from_secs(120), |node| {
		let (number, hash) = best(node);
		let value = at(&hash);
		ready(&value).then_some((value, number, hash))
	});
	loop {
		let parent = node.rpc("chain_getHeader", json!([hash]))["parentHash"].clone();
		let parent = parent.as_str().expect("parent hash").to_string();
		if !ready(&at(&parent)) {
			return (value, number as BlockNumber);
		}
		(hash, number) = (parent, number - 1);
	}
}

fn non_empty(value: &Value) -> bool {
	value.as_array().is_some_and(|list| !list.is_empty())
}

/// Whether a listing's page holds something.
fn non_empty_page(value: &Value) -> bool {
	non_empty(&value["items"])
}

/// The last page of a listing, holding `items`.
fn last_page(items: Value) -> Value {
	json!({"items": items, "next": null})
}

#[test]
fn order_bid_and_lease_read_back_over_ember_rpc() {
	let node = Node::dev("lease-rpc");
	node.wait_ready();
	node.wait_for("block #1", Duration::from_secs(120), |node| {
		node.best_number().filter(|n| *n >= 1)
	});
	let started = Instant::now();

	let alice_pair = Sr25519Keyring::Alice.pair();
	let bob_pair = Sr25519Keyring::Bob.pair();
	let alice = AccountId::from(alice_pair.public()).to_ss58check();
	let bob = AccountId::from(bob_pair.public()).to_ss58check();
	let agent_pair = sr25519::Pair::from_string("//Ember//lease-rpc-agent", None).expect("valid");
	let agent: AccountId = agent_pair.public().into();
	let manifest_hash = H256::repeat_byte(0xab);
	let genesis = node.rpc("chain_getBlockHash", json!([0]));

	// Bad input is refused with a message that names the problem.
	let error = node.try_rpc("ember_leasesOf", json!(["not-an-address"])).expect_err("refused");
	let error: Value = serde_json::from_str(&error).expect("error object");
	assert_eq!(error["code"], -32602);
	assert_eq!(
		error["message"],
		"Invalid account \"not-an-address\": not an SS58 address (Base 58 requirement is violated)"
	);
	// Nothing yet: Bob is no provider, nobody ordered.
	assert_eq!(node.rpc("ember_freeGpus", json!([bob])), Value::Null);
	assert_eq!(node.rpc("ember_openOrders", json!([])), last_page(json!([])));
	assert_eq!(node.rpc("ember_quote", json!([requirement_json(40_000), DURATION])), Value::Null);

	// One block: Bob registers (different signers, so both fit the same block) and Alice orders.
	submit(&node, &bob_pair, register_provider(&agent));
	submit(
		&node,
		&alice_pair,
		RuntimeCall::Leases(pallet_leases::Call::create_order {
			requirement: GpuRequirement {
				model: None,
				min_vram_mib: 40_000,
				min_compute_capability: ComputeCapability::new(8, 0),
				count: 1,
			},
			duration: DURATION,
			max_price_per_gpu_hour: MAX_PRICE,
			manifest_hash,
			region: Some(BoundedVec::truncate_from(b"eu-west".to_vec())),
			bid_window: BID_WINDOW,
			auto_award: false,
		}),
	);

	let (orders, created_at) =
		wait_rpc(&node, "the order", "ember_openOrders", json!([null, null, null]), non_empty_page);
	let id = orders["items"][0]["id"].as_u64().expect("order id");
	let order = json!({
		"id": id,
		"tenant": alice,
		"requirement": requirement_json(40_000),
		"duration": DURATION,
		"maxPricePerGpuHour": MAX_PRICE.to_string(),
		"manifestHash": format!("{manifest_hash:?}"),
		"region": "eu-west",
		"autoAward": false,
		"bidWindowEnd": created_at + BID_WINDOW,
		"bids": 0,
	});
	assert_eq!(orders, last_page(json!([order])));
	assert_eq!(node.rpc("ember_order", json!([id])), order);
	// A provider with Bob's GPUs in Bob's region sees it; other GPUs, sizes and regions do not.
	let bobs_gpu = json!({"model": MODEL, "vramMib": VRAM_MIB, "computeCapability": "8.6"});
	let matching = json!({"gpu": bobs_gpu, "maxGpus": 2, "region": "eu-west"});
	assert_eq!(node.rpc("ember_openOrders", json!([matching])), last_page(json!([order])));
	let small_gpu =
		json!({"model": "NVIDIA RTX A2000", "vramMib": 12_282, "computeCapability": "8.6"});
	for excluding in [
		json!({"gpu": small_gpu}),
		json!({"gpu": {"model": MODEL, "vramMib": VRAM_MIB, "computeCapability": {"major": 7, "minor": 5}}}),
		json!({"maxGpus": 0}),
		json!({"region": "us-east"}),
	] {
		assert_eq!(
			node.rpc("ember_openOrders", json!([excluding])),
			last_page(json!([])),
			"{excluding}"
		);
	}
	// Paging and history.
	// The order's place in the index: the highest price first, so the price counts down.
	let cursor = format!("0x{:032x}{:016x}", u128::MAX - MAX_PRICE, id);
	assert_eq!(node.rpc("ember_openOrders", json!([null, cursor])), last_page(json!([])));
	let error = node.try_rpc("ember_openOrders", json!([null, id])).expect_err("refused");
	assert!(error.contains("invalid cursor"), "{error}");
	assert_eq!(node.rpc("ember_openOrders", json!([null, null, 0])), last_page(json!([])));
	assert_eq!(
		node.rpc("ember_openOrders", json!([null, null, null, genesis])),
		last_page(json!([]))
	);

	// Bob's registration went into the same block.
	let (free, registered_at) =
		wait_rpc(&node, "the registration", "ember_freeGpus", json!([bob]), |v| !v.is_null());
	assert_eq!(registered_at, created_at, "both extrinsics fit one block");
	assert_eq!(free, json!({"gpus": [gpu_json(1), gpu_json(2)], "acceptsWork": true}));

	// Bob's agent proves both GPUs (one round: they are one model) before it may bid.
	let gpus = [H256::repeat_byte(1), H256::repeat_byte(2)];
	prove_gpus(&node, &agent_pair, &bob_pair.public().into(), &gpus);

	// The agent bids with GPU 1.
	submit(
		&node,
		&agent_pair,
		RuntimeCall::Leases(pallet_leases::Call::place_bid {
			order: id,
			price_per_gpu_hour: BID_PRICE,
			gpus: BoundedVec::truncate_from(vec![H256::repeat_byte(1)]),
		}),
	);
	let (bids, placed_at) = wait_rpc(&node, "the bid", "ember_orderBids", json!([id]), non_empty);
	assert_eq!(
		bids,
		json!([{
			"provider": bob,
			"pricePerGpuHour": BID_PRICE.to_string(),
			"gpus": [format!("{:?}", H256::repeat_byte(1))],
			"placedAt": placed_at,
		}])
	);
	assert_eq!(node.rpc("ember_order", json!([id]))["bids"], 1);
	assert_eq!(
		node.rpc("ember_freeGpus", json!([bob])),
		json!({"gpus": [gpu_json(2)], "acceptsWork": true}),
		"the bid holds GPU 1"
	);

	// Alice accepts: the lease starts at the bid's price, escrow for all of it.
	submit(
		&node,
		&alice_pair,
		RuntimeCall::Leases(pallet_leases::Call::accept_bid {
			order: id,
			provider: bob_pair.public().into(),
		}),
	);
	let (leases, start) = wait_rpc(&node, "the lease", "ember_leasesOf", json!([alice]), non_empty);
	let lease_id = leases[0]["id"].as_u64().expect("lease id");
	let lease = json!({
		"id": lease_id,
		"tenant": alice,
		"provider": bob,
		"origin": {"kind": "Order", "id": id},
		"gpus": [format!("{:?}", H256::repeat_byte(1))],
		"pricePerGpuHour": BID_PRICE.to_string(),
		"manifestHash": format!("{manifest_hash:?}"),
		"start": start,
		"end": start + DURATION,
		// 1 GPU for 600 blocks (an hour) at 6 EMBR per GPU-hour.
		"escrow": BID_PRICE.to_string(),
		"settledUntil": start,
		"fundedUntil": start + DURATION,
		"paid": "0",
		"fees": "0",
		"downtimeBlocks": 0,
		"status": "Active",
		"unsettled": "0",
		"lastReport": null,
	});
	assert_eq!(leases, json!([lease]));
	assert_eq!(node.rpc("ember_leasesOf", json!([bob])), json!([lease]));
	assert_eq!(node.rpc("ember_lease", json!([lease_id])), lease);
	assert_eq!(node.rpc("ember_leasesOf", json!([agent.to_ss58check()])), json!([]));
	// The order is gone, with its bids; GPU 1 stays with the lease.
	assert_eq!(node.rpc("ember_openOrders", json!([])), last_page(json!([])));
	assert_eq!(node.rpc("ember_order", json!([id])), Value::Null);
	assert_eq!(node.rpc("ember_orderBids", json!([id])), json!([]));
	assert_eq!(
		node.rpc("ember_freeGpus", json!([bob])),
		json!({"gpus": [gpu_json(2)], "acceptsWork": true})
	);
	// The lease's price is now the market's: an hour of one GPU costs the price.
	assert_eq!(
		node.rpc("ember_quote", json!([requirement_json(40_000), DURATION])),
		json!({
			"samples": 1,
			"min": BID_PRICE.to_string(),
			"median": BID_PRICE.to_string(),
			"max": BID_PRICE.to_string(),
			"estimatedCost": BID_PRICE.to_string(),
		})
	);
	// A requirement Bob's GPU does not meet has no price yet.
	assert_eq!(node.rpc("ember_quote", json!([requirement_json(80_000), DURATION])), Value::Null);

	eprintln!(
		"order in #{created_at}, bid in #{placed_at}, lease in #{start}; {:?} after block #1",
		started.elapsed()
	);
}

/// A requirement of one GPU with at least `min_vram_mib` and compute capability 8.0.
fn requirement_json(min_vram_mib: u32) -> Value {
	json!({"model": null, "minVramMib": min_vram_mib, "minComputeCapability": "8.0", "count": 1})
}
