//! What the chain the agent joins allows: simulated GPUs, the process executor and development
//! keys serve development chains only.

use ember_client::chain::Chain;

use super::wait_for_signal;
use crate::{chain as agent_chain, config::ExecutorKind};

/// The chain's type, from the first node connection that answers (retrying with backoff);
/// `None` when the agent is asked to stop first.
pub(super) async fn first_chain_type(url: &str) -> Option<String> {
	let mut attempt = 0u32;
	let signal = wait_for_signal();
	tokio::pin!(signal);
	loop {
		let asked = async { Chain::connect(url).await?.chain_type().await };
		let answer = tokio::select! {
			answer = asked => answer,
			() = &mut signal => return None,
		};
		match answer {
			Ok(chain_type) => return Some(chain_type),
			Err(error) => {
				let delay = agent_chain::backoff(attempt);
				attempt += 1;
				tracing::warn!(%error, ?delay, "cannot reach the chain to check its type; retrying");
				tokio::select! {
					() = tokio::time::sleep(delay) => {},
					() = &mut signal => return None,
				}
			},
		}
	}
}

/// Chain types on which simulated GPUs and the process executor are allowed: a chain spec
/// built for development or a local test network, never a live network.
pub const DEVELOPMENT_CHAIN_TYPES: [&str; 2] = ["Development", "Local"];

/// What the configuration asks for that a chain of type `chain_type` does not allow, if
/// anything: simulated GPUs would earn for hardware nobody has, and the process executor runs
/// tenant code as the agent's own user, next to its keys.
pub fn development_only(
	chain_type: &str,
	inventory_kind: &str,
	executor: ExecutorKind,
	development_keys: bool,
) -> Option<String> {
	if DEVELOPMENT_CHAIN_TYPES.contains(&chain_type) {
		return None;
	}
	let mut reasons = Vec::new();
	if inventory_kind == "simulated" {
		reasons.push(
			"the inventory is simulated, which only a development chain allows (read the real GPUs: \
			 inventory.mode = \"nvml\")",
		);
	}
	if executor == ExecutorKind::Process {
		reasons.push(
			"executor.kind = \"process\" runs tenant code as the agent's own user, which only a \
			 development chain allows (use executor.kind = \"container\")",
		);
	}
	if development_keys {
		reasons.push(
			"keys.agent_key or keys.owner_key is a development key, known to everyone (use \
			 agent_key_file or EMBER_AGENT_KEY)",
		);
	}
	(!reasons.is_empty()).then(|| reasons.join("; "))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn simulated_gpus_and_the_process_executor_serve_development_chains_only() {
		for chain in DEVELOPMENT_CHAIN_TYPES {
			assert_eq!(development_only(chain, "simulated", ExecutorKind::Process, true), None);
		}
		assert_eq!(development_only("Live", "nvml", ExecutorKind::Container, false), None);
		let simulated = development_only("Live", "simulated", ExecutorKind::Container, false)
			.expect("refused on a live chain");
		assert!(simulated.contains("simulated"), "{simulated}");
		let process = development_only("Live", "nvml", ExecutorKind::Process, false)
			.expect("refused on a live chain");
		assert!(process.contains("executor.kind = \"process\""), "{process}");
		let keys = development_only("Live", "nvml", ExecutorKind::Container, true)
			.expect("refused on a live chain");
		assert!(keys.contains("development key"), "{keys}");
		// A custom chain type is not a development chain either.
		let all =
			development_only("Staging", "simulated", ExecutorKind::Process, true).expect("refused");
		assert!(all.contains("simulated") && all.contains("process"), "{all}");
	}
}
