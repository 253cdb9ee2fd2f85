//! The agent key's submissions against a real `ember-node --dev`: many in flight at once, and
//! recovery when another signer used the same key.

mod support;

use std::sync::Arc;

use ember_client::chain::{runtime, ChainError};
use provider_agent::{chain::Submitter, metrics::Metrics};
use support::*;

const EMBR: u128 = 1_000_000_000_000;

fn submitter(uri: &str) -> Submitter {
	Submitter::new(key(uri), Arc::new(Metrics::new().expect("metrics")))
}

/// The account's next nonce: every transaction counted once it is in a block or the pool.
fn chain_nonce(node: &DevNode, uri: &str) -> u64 {
	block_on(node.chain().next_nonce(&account(&key(uri)))).expect("nonce")
}

#[test]
fn concurrent_submissions_all_land_and_a_stale_nonce_recovers() {
	let node = DevNode::start("submissions");
	let chain = node.chain();
	let agent = "//Ferdie//agent";
	fund(&chain, &account(&key(agent)), 10 * EMBR);

	// Eight at once from one submitter: each gets its own nonce and all are included.
	let first = submitter(agent);
	let results = block_on(futures::future::join_all((0..8u8).map(|i| {
		let call = runtime::tx().system().remark(vec![i]);
		let first = &first;
		let chain = &chain;
		async move { first.submit(chain, "remark", &call).await }
	})));
	for (i, result) in results.iter().enumerate() {
		assert!(result.is_ok(), "remark {i} failed: {result:?}");
	}
	assert_eq!(chain_nonce(&node, agent), 8);

	// A restarted agent (no cached nonce) goes on from the chain's.
	let restarted = submitter(agent);
	block_on(restarted.submit(&chain, "remark", &runtime::tx().system().remark(vec![8])))
		.expect("submits after a restart");
	assert_eq!(chain_nonce(&node, agent), 9);

	// The first submitter's cached nonce is now stale: the node refuses it once, the submitter
	// reads the nonce again and its next submission lands.
	let stale = block_on(first.submit(&chain, "remark", &runtime::tx().system().remark(vec![9])));
	assert!(matches!(stale, Err(ChainError::Invalid(_))), "a stale nonce is refused: {stale:?}");
	block_on(first.submit(&chain, "remark", &runtime::tx().system().remark(vec![10])))
		.expect("submits again after reading the nonce");
	assert_eq!(chain_nonce(&node, agent), 10);
}
