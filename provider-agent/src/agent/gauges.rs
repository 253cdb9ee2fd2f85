//! The machine's readings for the operator's dashboards, every 10 s whether or not the chain
//! answers: each GPU's utilization and memory, leased or not, and the space left on the data
//! disk. Read off the async workers, one reading at a time: a GPU that hangs the driver holds
//! up only the next reading.

use std::{collections::BTreeSet, sync::Arc, time::Duration};

use super::Shared;

/// Between two readings.
const GAUGE_INTERVAL: Duration = Duration::from_secs(10);

/// Reads the gauges every [`GAUGE_INTERVAL`] until the agent stops.
pub(super) async fn gauge_loop(shared: Arc<Shared>) {
	let reading = Arc::new(tokio::sync::Mutex::new(()));
	let mut tick = tokio::time::interval(GAUGE_INTERVAL);
	tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
	loop {
		tokio::select! {
			() = shared.cancel.cancelled() => return,
			_ = tick.tick() => {},
		}
		let Ok(guard) = reading.clone().try_lock_owned() else { continue };
		let shared = shared.clone();
		shared.tasks.clone().spawn_blocking(move || {
			let _guard = guard;
			read_gauges(&shared);
		});
	}
}

fn read_gauges(shared: &Shared) {
	let operator = &shared.metrics.operator;
	operator.read_disk(&shared.config.data_dir);
	let inventory = shared.inventory();
	let leased: BTreeSet<String> = shared.workloads.leased_gpus();
	let uuids: Vec<String> = inventory.iter().map(|d| d.uuid.clone()).collect();
	match shared.gpus.usage(&uuids) {
		Ok(usage) => {
			for (device, usage) in inventory.iter().zip(&usage) {
				operator.set_gpu(
					(&device.uuid, &device.model),
					usage.utilization_pct,
					(usage.memory_used_mib, device.vram_mib),
					leased.contains(&device.uuid),
				);
			}
		},
		Err(error) => tracing::debug!(%error, "reading the GPUs' usage for the metrics failed"),
	}
	let known: Vec<(String, String)> =
		inventory.iter().map(|d| (d.uuid.clone(), d.model.clone())).collect();
	operator.retain_gpus(&known);
}
