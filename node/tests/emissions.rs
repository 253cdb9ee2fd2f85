//! Emissions on a real `ember-node --dev`: every block mints its author (Alice, the only dev
//! validator) the era's per-block reward, total issuance grows by exactly what was minted, and
//! the `ember_emissionSchedule`, `ember_pendingRewards` and `ember_pendingRewardOf` methods answer
//! from the chain's own schedule.

mod common;

use std::time::Duration;

use codec::{Decode, Encode};
use common::{extrinsic::map_key_blake2_128_concat, extrinsic::value_key, unhex, Node};
use ember_runtime::{
	genesis_config_presets::{emission_schedule, ERAS_PER_YEAR},
	AccountId, Balance,
};
use pallet_emissions::schedule::{decay_per_era, era_emission};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring;

/// Raw storage at `key` in block `hash`.
fn storage_at(node: &Node, key: &[u8], hash: &str) -> Option<Vec<u8>> {
	let value = node.rpc("state_getStorage", json!([format!("0x{}", common::hex(key)), hash]));
	value.as_str().map(unhex)
}

fn free_balance_at(node: &Node, who: &AccountId, hash: &str) -> Balance {
	let key = map_key_blake2_128_concat("System", "Account", &who.encode());
	storage_at(node, &key, hash)
		.map(|bytes| {
			frame_system::AccountInfo::<ember_runtime::Nonce, pallet_balances::AccountData<Balance>>::decode(
				&mut &bytes[..],
			)
			.expect("AccountInfo decodes")
			.data
			.free
		})
		.unwrap_or_default()
}

fn total_issuance_at(node: &Node, hash: &str) -> Balance {
	let bytes = storage_at(node, &value_key("Balances", "TotalIssuance"), hash).expect("set");
	Balance::decode(&mut &bytes[..]).expect("issuance decodes")
}

fn block_hash(node: &Node, number: u64) -> String {
	node.rpc("chain_getBlockHash", json!([number]))
		.as_str()
		.expect("block exists")
		.to_string()
}

fn decimal(value: &Value) -> Balance {
	value.as_str().expect("balances are decimal strings").parse().expect("a number")
}

#[test]
fn authors_are_paid_every_block_and_the_schedule_reads_back() {
	let node = Node::dev("emissions");
	node.wait_ready();
	node.wait_for("block #4", Duration::from_secs(120), |node| {
		node.best_number().filter(|n| *n >= 4)
	});

	let schedule = node.rpc("ember_emissionSchedule", json!([3]));
	let genesis_issuance = total_issuance_at(&node, &block_hash(&node, 0));
	// The dev preset's schedule, applied to the issuance at genesis.
	let mut params = emission_schedule();
	params.initial_supply = genesis_issuance;
	let decay = decay_per_era(params.half_life_eras);
	let emission = era_emission(&params, 0, decay);
	let author_reward = emission / 10 / 600;
	assert_eq!(schedule["era"], 0);
	assert_eq!(schedule["eraStart"], 0);
	assert_eq!(schedule["eraEndsAt"], 600);
	assert_eq!(decimal(&schedule["initialSupply"]), genesis_issuance);
	assert_eq!(schedule["initialAnnualRatePpb"], 100_000_000);
	assert_eq!(schedule["tailAnnualRatePpb"], 10_000_000);
	assert_eq!(schedule["halfLifeEras"], 2 * ERAS_PER_YEAR);
	assert_eq!(schedule["erasPerYear"], ERAS_PER_YEAR);
	assert_eq!(decimal(&schedule["emission"]), emission);
	assert_eq!(decimal(&schedule["authorReward"]), author_reward);
	let next: Vec<Balance> = schedule["next"]
		.as_array()
		.expect("a list")
		.iter()
		.map(|era| decimal(&era["emission"]))
		.collect();
	assert_eq!(next, (0..3).map(|era| era_emission(&params, era, decay)).collect::<Vec<_>>());
	assert!(next[1] < next[0], "the emission decays era by era");

	// Blocks 2 to 4 each minted Alice, the only author, exactly the per-block reward, and
	// nothing else changed the issuance.
	let alice = Sr25519Keyring::Alice.to_account_id();
	let (from, to) = (block_hash(&node, 1), block_hash(&node, 4));
	assert_eq!(
		free_balance_at(&node, &alice, &to) - free_balance_at(&node, &alice, &from),
		3 * author_reward
	);
	assert_eq!(total_issuance_at(&node, &to) - total_issuance_at(&node, &from), 3 * author_reward);

	// Nobody has provider rewards yet; bad addresses are refused by name.
	let bob = Sr25519Keyring::Bob.to_account_id().to_ss58check();
	let pending = node.rpc("ember_pendingRewards", json!([bob]));
	assert_eq!(
		pending,
		json!({"claimable": "0", "toOwner": "0", "toDelegators": [], "pointsThisEra": "0", "feesThisEra": "0"})
	);
	assert_eq!(node.rpc("ember_pendingRewardOf", json!([alice.to_ss58check(), bob])), json!("0"));
	let error = node.try_rpc("ember_pendingRewards", json!(["nobody"])).expect_err("refused");
	let error: Value = serde_json::from_str(&error).expect("error object");
	assert_eq!(error["code"], -32602);
	assert!(error["message"]
		.as_str()
		.is_some_and(|m| m.starts_with("Invalid account \"nobody\"")));
}
