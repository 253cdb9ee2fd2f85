//! Heartbeats on best blocks, with attestations of the GPUs' sampled usage.

use std::{
	sync::{atomic::Ordering, Arc},
	time::Duration,
};

use ember_client::chain::{Chain, ChainError};

use super::Shared;
use crate::chain as agent_chain;

/// Heartbeat ticks between two samples of the leased GPUs' usage (10 s).
const USAGE_SAMPLE_TICKS: u32 = 5;

/// The longest a heartbeat waits for the GPUs' usage.
const USAGE_READ_LIMIT: Duration = Duration::from_secs(5);

/// How often the heartbeat loop looks at the best block.
const HEARTBEAT_TICK: Duration = Duration::from_secs(2);

/// Whether a heartbeat is due at best block `best`: none yet in its period.
fn heartbeat_due(best: u32, period: u32, last_heartbeat: u32) -> bool {
	period > 0 && best / period > last_heartbeat / period
}

/// Sends one heartbeat per period, carrying one attestation line per running lease, timed by
/// the best block rather than the finalized one: a finality stall does not stop heartbeats,
/// and neither does a failing GPU read (attestations come from the workloads' own state).
pub(super) async fn heartbeat_loop(shared: &Arc<Shared>, chain: &Chain) -> Result<(), ChainError> {
	let in_flight = Arc::new(tokio::sync::Mutex::new(()));
	let sampling = Arc::new(tokio::sync::Mutex::new(()));
	let mut tick = tokio::time::interval(HEARTBEAT_TICK);
	tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
	let mut ticks = 0u32;
	loop {
		tick.tick().await;
		// GPU usage sampled through the period, so that an attestation reports the period and
		// not one instant; one reading at a time, off the async workers.
		ticks = ticks.wrapping_add(1);
		if ticks.is_multiple_of(USAGE_SAMPLE_TICKS) {
			if let Ok(guard) = sampling.clone().try_lock_owned() {
				let workloads = shared.workloads.clone();
				shared.tasks.spawn_blocking(move || {
					let _guard = guard;
					workloads.sample_usage();
				});
			}
		}
		let liveness = &shared.liveness;
		if !liveness.registered.load(Ordering::Relaxed) {
			continue;
		}
		let best = chain.best_number().await?;
		let period = liveness.period.load(Ordering::Relaxed);
		if !heartbeat_due(best, period, liveness.last_heartbeat.load(Ordering::Relaxed)) {
			continue;
		}
		let Ok(guard) = in_flight.clone().try_lock_owned() else { continue };
		// Usage comes from the GPU driver, which can hang on a failing GPU: read off the async
		// workers, and given up on (the heartbeat goes without usage) rather than waited for.
		let workloads = shared.workloads.clone();
		let read = tokio::task::spawn_blocking(move || workloads.attestations(true));
		let lines = match tokio::time::timeout(USAGE_READ_LIMIT, read).await {
			Ok(Ok(lines)) => lines,
			_ => {
				tracing::warn!("reading GPU usage took too long: heartbeating without it");
				shared.workloads.attestations(false)
			},
		};
		let shared = shared.clone();
		let chain = chain.clone();
		shared.tasks.clone().spawn(async move {
			let _guard = guard;
			let result = shared
				.submitter
				.submit(&chain, "heartbeat", &agent_chain::heartbeat_call(&lines))
				.await;
			shared.metrics.heartbeat(result.is_ok());
			if let Ok(receipt) = result {
				let block = receipt.block_number as u32;
				let last = shared.liveness.last_heartbeat.fetch_max(block, Ordering::Relaxed);
				shared.health.set_last_heartbeat(block);
				let period = shared.liveness.period.load(Ordering::Relaxed);
				shared.metrics.operator.set_heartbeat(last.max(block), period);
			}
		});
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_heartbeat_is_due_once_per_period_of_the_best_block() {
		assert!(!heartbeat_due(105, 0, 0), "no period read yet");
		assert!(heartbeat_due(105, 10, 99));
		assert!(!heartbeat_due(109, 10, 100), "one already in this period");
		assert!(heartbeat_due(110, 10, 100));
		// Blocks the finalized view has not reached yet still count.
		assert!(heartbeat_due(230, 10, 100));
	}
}
