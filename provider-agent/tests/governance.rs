//! The council governs a real `ember-node --dev` through `emberctl`: a majority reports an
//! offence and then cancels the slash it queued, while strangers and a single member cannot;
//! then it rates a GPU model, and the provider's stake follows once anyone applies the score.

mod support;

use serde_json::Value;
use support::*;

const EMBR: u128 = 1_000_000_000_000;

/// Whether `receipt` (emberctl's JSON) holds the event `pallet.name`.
fn has_event(receipt: &Value, pallet: &str, name: &str) -> bool {
	receipt["events"]
		.as_array()
		.is_some_and(|events| events.iter().any(|e| e["pallet"] == pallet && e["name"] == name))
}

/// The fields of the first `pallet.name` event in `receipt`, as emberctl renders them.
fn event_fields(receipt: &Value, pallet: &str, name: &str) -> String {
	receipt["events"]
		.as_array()
		.and_then(|events| events.iter().find(|e| e["pallet"] == pallet && e["name"] == name))
		.and_then(|event| event["fields"].as_str())
		.unwrap_or_default()
		.to_string()
}

fn run(node: &DevNode, key: Option<&str>, args: &[&str]) -> Value {
	emberctl(node, key, args).unwrap_or_else(|error| panic!("{error}"))
}

fn motions(node: &DevNode) -> Vec<Value> {
	run(node, None, &["council", "show"])["motions"]
		.as_array()
		.cloned()
		.unwrap_or_default()
}

fn pending_slashes(node: &DevNode) -> Vec<Value> {
	run(node, None, &["council", "slashes"]).as_array().cloned().unwrap_or_default()
}

fn held(node: &DevNode, who: &str) -> u128 {
	let balance = run(node, None, &["balance", who]);
	balance["held"]
		.as_u64()
		.map(u128::from)
		.unwrap_or_else(|| panic!("no held balance: {balance}"))
}

#[test]
fn a_council_majority_reports_an_offence_and_cancels_its_slash() {
	let node = DevNode::start("governance");
	let dave = account(&key("//Dave")).to_string();

	// The dev chain's council: Alice, Bob and Charlie; two of them make a majority.
	let members = run(&node, None, &["council", "show"])["members"].clone();
	assert_eq!(members.as_array().map(Vec::len), Some(3), "{members}");

	// Dave bonds: the stake a slash would take.
	run(&node, Some("//Dave"), &["provider", "bond", "5000"]);
	let bonded = held(&node, &dave);
	assert_eq!(bonded, 5_000 * EMBR);

	// A stranger cannot propose, and a member's motion does nothing on one vote.
	let gpu = format!("0x{}", "01".repeat(32));
	let report = ["council", "propose", "report-false-inventory", dave.as_str(), gpu.as_str()];
	let refused = emberctl(&node, Some("//Eve"), &report).expect_err("a stranger proposed");
	assert!(refused.contains("NotMember"), "{refused}");
	run(&node, Some("//Alice"), &report);
	let open = motions(&node);
	assert_eq!(open.len(), 1, "{open:?}");
	assert_eq!((open[0]["index"].as_u64(), open[0]["threshold"].as_u64()), (Some(0), Some(2)));
	// emberctl cast the proposer's aye with the proposal.
	assert_eq!(open[0]["ayes"].as_array().map(Vec::len), Some(1), "{open:?}");
	let early = emberctl(&node, Some("//Eve"), &["council", "close", "0"])
		.expect_err("a motion with one aye of three closed");
	assert!(early.contains("TooEarly"), "{early}");
	assert!(pending_slashes(&node).is_empty());

	// Bob's aye makes the majority; anyone may close, and the report runs as governance.
	run(&node, Some("//Bob"), &["council", "vote", "0", "aye"]);
	let open = motions(&node);
	assert_eq!(open[0]["ayes"].as_array().map(Vec::len), Some(2), "{open:?}");
	let closed = run(&node, Some("//Eve"), &["council", "close", "0"]);
	assert!(has_event(&closed, "Council", "Executed"), "{closed}");
	assert!(
		event_fields(&closed, "Council", "Executed").contains("Ok"),
		"the report failed: {closed}"
	);
	assert!(has_event(&closed, "Slashing", "OffenceReported"), "{closed}");
	let slashes = pending_slashes(&node);
	assert_eq!(slashes.len(), 1, "{slashes:?}");
	assert_eq!(slashes[0]["provider"], dave.as_str());
	assert!(slashes[0]["amount"].as_u64().is_some_and(|amount| amount > 0), "{slashes:?}");
	let slash = slashes[0]["id"].as_u64().expect("a slash id").to_string();

	// Within the dispute window the council cancels it, again by a majority.
	run(&node, Some("//Charlie"), &["council", "propose", "cancel-slash", slash.as_str()]);
	run(&node, Some("//Alice"), &["council", "vote", "1", "aye"]);
	let closed = run(&node, Some("//Eve"), &["council", "close", "1"]);
	assert!(has_event(&closed, "Slashing", "SlashCancelled"), "{closed}");
	assert!(pending_slashes(&node).is_empty());
	assert!(motions(&node).is_empty());
	assert_eq!(held(&node, &dave), bonded, "the cancelled slash took stake");
	// The event names the provider by its address.
	assert!(event_fields(&closed, "Slashing", "SlashCancelled").contains(&dave), "{closed}");

	stake_follows_the_class_score(&node, &dave);
}

/// Dave registers two GPUs of a model the table does not list (a stake unit each); the council
/// rates the model 2,500 (25 units each), anyone applies the score, and Dave's 5,000 EMBR bond
/// no longer covers his claim until he tops up.
fn stake_follows_the_class_score(node: &DevNode, dave: &str) {
	let inventory =
		std::env::temp_dir().join(format!("ember-e2e-governance-{}-gpus.json", std::process::id()));
	let gpus = (1..=2)
		.map(|index| {
			serde_json::json!({
				"model": "NVIDIA L4",
				"vram_mib": 23034,
				"compute_capability": "8.9",
				"uuid_hash": format!("0x{}", format!("{index:02x}").repeat(32)),
			})
		})
		.collect::<Vec<_>>();
	std::fs::write(&inventory, serde_json::to_string(&gpus).expect("json")).expect("written");
	let ferdie = account(&key("//Ferdie")).to_string();
	let inventory_path = inventory.display().to_string();
	let registered = run(
		node,
		Some("//Dave"),
		&[
			"provider",
			"register",
			"--agent",
			ferdie.as_str(),
			"--region",
			"eu-west",
			"--peer-id",
			"12D3KooWGovernanceTestPeer",
			"--multiaddr",
			"/ip4/127.0.0.1/tcp/4001",
			"--inventory",
			inventory_path.as_str(),
		],
	);
	let _ = std::fs::remove_file(&inventory);
	assert!(has_event(&registered, "Providers", "StakeUnitsSet"), "{registered}");
	let show = |node: &DevNode| run(node, None, &["provider", "show", dave]);
	assert_eq!(show(node)["stake_units"], 2, "{}", show(node));
	assert_eq!(show(node)["accepts_work"], true, "{}", show(node));

	// The council's third motion: index 2.
	run(node, Some("//Alice"), &["council", "propose", "set-class-score", "NVIDIA L4", "2500"]);
	run(node, Some("//Bob"), &["council", "vote", "2", "aye"]);
	let closed = run(node, Some("//Eve"), &["council", "close", "2"]);
	assert!(has_event(&closed, "Emissions", "ClassScoreSet"), "{closed}");
	// Nothing changes behind the provider's back until someone applies the score.
	assert_eq!(show(node)["stake_units"], 2);

	let applied = run(node, Some("//Eve"), &["provider", "refresh-stake", dave]);
	assert!(has_event(&applied, "Providers", "StakeUnitsSet"), "{applied}");
	let provider = show(node);
	assert_eq!(provider["stake_units"], 50, "{provider}");
	assert_eq!(provider["accepts_work"], false, "{provider}");
	assert!(
		provider["idle_reason"]
			.as_str()
			.is_some_and(|why| why.contains("6000 EMBR required")),
		"{provider}"
	);
	let again = emberctl(node, Some("//Eve"), &["provider", "refresh-stake", dave])
		.expect_err("a refresh that changes nothing");
	assert!(again.contains("StakeUnitsUnchanged"), "{again}");

	run(node, Some("//Dave"), &["provider", "bond", "1000"]);
	assert_eq!(show(node)["accepts_work"], true, "{}", show(node));
}
