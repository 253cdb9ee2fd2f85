//! What the provider's dashboards and alerts read besides the agent's own counters: each GPU's
//! load, the provider's standing on chain, how long each lease's escrow still pays, heartbeats
//! included, bids won and lost, the data disk and the manifest protocol's traffic
//! (`ops/grafana/provider.json`, `ops/prometheus/alerts.yml`).

use std::{collections::BTreeSet, path::Path, sync::Mutex};

use ember_client::{market::Lease, p2p::NodeStats};
use prometheus::{core::Collector, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry};

/// The provider statuses the chain knows, and `Unregistered`: one series each, 1 for the
/// current one, so that a dashboard shows a status change as a step and an alert can match one.
pub const STATUSES: [&str; 5] = ["Active", "Offline", "Jailed", "Leaving", "Unregistered"];

/// The operator's gauges and counters, registered in the agent's registry.
pub struct Operator {
	gpu_utilization: IntGaugeVec,
	gpu_memory_used: IntGaugeVec,
	gpu_memory_total: IntGaugeVec,
	gpu_leased: IntGaugeVec,
	provider_status: IntGaugeVec,
	accepts_work: IntGauge,
	last_heartbeat: IntGauge,
	heartbeat_period: IntGauge,
	lease_funded: IntGaugeVec,
	lease_remaining: IntGaugeVec,
	bids_settled: IntCounterVec,
	disk_free: IntGauge,
	disk_size: IntGauge,
	p2p_connections: IntGauge,
	p2p_requests: IntCounterVec,
	/// The manifest protocol node's counts, read when the metrics are rendered.
	p2p: Mutex<Option<std::sync::Arc<NodeStats>>>,
}

fn gauge_vec(name: &str, help: &str, labels: &[&str]) -> Result<IntGaugeVec, prometheus::Error> {
	IntGaugeVec::new(Opts::new(name, help), labels)
}

impl Operator {
	/// Creates every metric and registers it in `registry`.
	pub fn register(registry: &Registry) -> Result<Self, prometheus::Error> {
		let gpu = ["gpu", "model"];
		let operator = Self {
			gpu_utilization: gauge_vec(
				"ember_agent_gpu_utilization_percent",
				"Each GPU's utilization as the driver last read it, percent.",
				&gpu,
			)?,
			gpu_memory_used: gauge_vec(
				"ember_agent_gpu_memory_used_mib",
				"Each GPU's memory in use by processes as the driver last read it, MiB.",
				&gpu,
			)?,
			gpu_memory_total: gauge_vec(
				"ember_agent_gpu_memory_total_mib",
				"Each GPU's memory, MiB.",
				&gpu,
			)?,
			gpu_leased: gauge_vec(
				"ember_agent_gpu_leased",
				"1 while a lease holds the GPU, 0 otherwise.",
				&gpu,
			)?,
			provider_status: gauge_vec(
				"ember_agent_provider_status",
				"1 for the provider's status on chain (finalized), 0 for the others.",
				&["status"],
			)?,
			accepts_work: IntGauge::new(
				"ember_agent_provider_accepts_work",
				"1 while the chain gives the provider new work (Active, unpaused, bonded, proven).",
			)?,
			last_heartbeat: IntGauge::new(
				"ember_agent_last_heartbeat_block",
				"Block of the provider's last heartbeat included, as finalized or as this agent saw it included.",
			)?,
			heartbeat_period: IntGauge::new(
				"ember_agent_heartbeat_period_blocks",
				"The chain's heartbeat period, blocks.",
			)?,
			lease_funded: gauge_vec(
				"ember_agent_lease_funded_blocks",
				"Blocks past the last finalized one that each running lease's escrow still pays for.",
				&["lease"],
			)?,
			lease_remaining: gauge_vec(
				"ember_agent_lease_remaining_blocks",
				"Blocks past the last finalized one until each running lease ends.",
				&["lease"],
			)?,
			bids_settled: IntCounterVec::new(
				Opts::new(
					"ember_agent_bids_settled_total",
					"Bids whose order closed, by outcome: won (the lease is this provider's) or lost.",
				),
				&["outcome"],
			)?,
			disk_free: IntGauge::new(
				"ember_agent_data_disk_free_bytes",
				"Space left to the agent on the file system of its data directory, bytes.",
			)?,
			disk_size: IntGauge::new(
				"ember_agent_data_disk_size_bytes",
				"Size of the file system of the agent's data directory, bytes.",
			)?,
			p2p_connections: IntGauge::new(
				"ember_agent_p2p_connections",
				"Connections open to the manifest protocol node.",
			)?,
			p2p_requests: IntCounterVec::new(
				Opts::new(
					"ember_agent_p2p_requests_total",
					"Manifest protocol requests, by result: answered, throttled (over a peer's \
					 budget or every handler busy) or failed (timed out, or the peer left).",
				),
				&["result"],
			)?,
			p2p: Mutex::new(None),
		};
		registry.register(Box::new(operator.gpu_utilization.clone()))?;
		registry.register(Box::new(operator.gpu_memory_used.clone()))?;
		registry.register(Box::new(operator.gpu_memory_total.clone()))?;
		registry.register(Box::new(operator.gpu_leased.clone()))?;
		registry.register(Box::new(operator.provider_status.clone()))?;
		registry.register(Box::new(operator.accepts_work.clone()))?;
		registry.register(Box::new(operator.last_heartbeat.clone()))?;
		registry.register(Box::new(operator.heartbeat_period.clone()))?;
		registry.register(Box::new(operator.lease_funded.clone()))?;
		registry.register(Box::new(operator.lease_remaining.clone()))?;
		registry.register(Box::new(operator.bids_settled.clone()))?;
		registry.register(Box::new(operator.disk_free.clone()))?;
		registry.register(Box::new(operator.disk_size.clone()))?;
		registry.register(Box::new(operator.p2p_connections.clone()))?;
		registry.register(Box::new(operator.p2p_requests.clone()))?;
		// Zero from the start, so that an alert on their increase sees the first one.
		for outcome in ["won", "lost"] {
			operator.bids_settled.with_label_values(&[outcome]);
		}
		for result in ["answered", "throttled", "failed"] {
			operator.p2p_requests.with_label_values(&[result]);
		}
		operator.set_provider_status("Unregistered", false);
		Ok(operator)
	}

	/// Sets one GPU's reading: `utilization` percent and `memory_used` MiB of `memory_total`.
	pub fn set_gpu(
		&self,
		(uuid, model): (&str, &str),
		utilization: u8,
		(memory_used, memory_total): (u32, u32),
		leased: bool,
	) {
		let labels = [uuid, model];
		self.gpu_utilization.with_label_values(&labels).set(i64::from(utilization));
		self.gpu_memory_used.with_label_values(&labels).set(i64::from(memory_used));
		self.gpu_memory_total.with_label_values(&labels).set(i64::from(memory_total));
		self.gpu_leased.with_label_values(&labels).set(i64::from(leased));
	}

	/// Forgets the readings of GPUs no longer in the inventory.
	pub fn retain_gpus(&self, inventory: &[(String, String)]) {
		let keep: BTreeSet<&(String, String)> = inventory.iter().collect();
		for family in self.gpu_leased.collect() {
			for metric in family.get_metric() {
				let label = |name: &str| {
					metric
						.get_label()
						.iter()
						.find(|l| l.get_name() == name)
						.map(|l| l.get_value().to_string())
						.unwrap_or_default()
				};
				let key = (label("gpu"), label("model"));
				if !keep.contains(&key) {
					let labels = [key.0.as_str(), key.1.as_str()];
					for vec in [
						&self.gpu_utilization,
						&self.gpu_memory_used,
						&self.gpu_memory_total,
						&self.gpu_leased,
					] {
						let _ = vec.remove_label_values(&labels);
					}
				}
			}
		}
	}

	/// Sets the provider's status on chain (`Unregistered` when it is not registered).
	pub fn set_provider_status(&self, status: &str, accepts_work: bool) {
		for known in STATUSES {
			self.provider_status.with_label_values(&[known]).set(i64::from(known == status));
		}
		self.accepts_work.set(i64::from(accepts_work));
	}

	/// Sets the provider's last included heartbeat and the chain's period.
	pub fn set_heartbeat(&self, last_block: u32, period: u32) {
		self.last_heartbeat.set(i64::from(last_block));
		self.heartbeat_period.set(i64::from(period));
	}

	/// Sets, for each of `leases` (the provider's, at finalized block `now`), how many blocks
	/// its escrow still pays for and how many until its end; leases not listed are dropped.
	pub fn set_leases(&self, leases: &[Lease], now: u32) {
		self.lease_funded.reset();
		self.lease_remaining.reset();
		for lease in leases {
			let id = lease.id.to_string();
			let funded = lease.funded_until.min(lease.end).saturating_sub(now);
			self.lease_funded.with_label_values(&[&id]).set(i64::from(funded));
			self.lease_remaining
				.with_label_values(&[&id])
				.set(i64::from(lease.end.saturating_sub(now)));
		}
	}

	/// Counts a bid whose order closed: `won` or not.
	pub fn bid_settled(&self, won: bool) {
		self.bids_settled.with_label_values(&[if won { "won" } else { "lost" }]).inc();
	}

	/// Reads the free and total space of the file system holding `dir`.
	pub fn read_disk(&self, dir: &Path) {
		match disk_space(dir) {
			Ok((free, size)) => {
				self.disk_free.set(i64::try_from(free).unwrap_or(i64::MAX));
				self.disk_size.set(i64::try_from(size).unwrap_or(i64::MAX));
			},
			Err(error) => {
				tracing::warn!(dir = %dir.display(), %error, "cannot read the data disk's space")
			},
		}
	}

	/// Has the metrics read the manifest protocol node's counts from `stats`.
	pub fn watch_p2p(&self, stats: std::sync::Arc<NodeStats>) {
		if let Ok(mut p2p) = self.p2p.lock() {
			*p2p = Some(stats);
		}
	}

	/// Brings the counts read at render time up to date.
	pub(super) fn refresh(&self) {
		let Ok(p2p) = self.p2p.lock() else { return };
		let Some(stats) = p2p.as_ref() else { return };
		self.p2p_connections.set(i64::try_from(stats.connections()).unwrap_or(i64::MAX));
		for (result, total) in stats.requests() {
			let counter = self.p2p_requests.with_label_values(&[result]);
			// Only this copies into the counter: its value is the count last copied.
			counter.inc_by(total.saturating_sub(counter.get()));
		}
	}
}

/// `(free to unprivileged users, total)` bytes of the file system holding `dir`.
fn disk_space(dir: &Path) -> std::io::Result<(u64, u64)> {
	use std::os::unix::ffi::OsStrExt;
	let path = std::ffi::CString::new(dir.as_os_str().as_bytes())
		.map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidInput, "a NUL in the path"))?;
	let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
	// SAFETY: `path` is a NUL-terminated string and `stats` a writable statvfs; the struct is
	// read only when the call succeeded, which means it filled it.
	let stats = unsafe {
		if libc::statvfs(path.as_ptr(), stats.as_mut_ptr()) != 0 {
			return Err(std::io::Error::last_os_error());
		}
		stats.assume_init()
	};
	let unit = stats.f_frsize as u64;
	Ok((stats.f_bavail as u64 * unit, stats.f_blocks as u64 * unit))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn render(registry: &Registry) -> String {
		let mut buffer = Vec::new();
		prometheus::Encoder::encode(
			&prometheus::TextEncoder::new(),
			&registry.gather(),
			&mut buffer,
		)
		.expect("encoded");
		String::from_utf8(buffer).expect("UTF-8")
	}

	#[test]
	fn gpus_leases_and_status_read_as_dashboards_query_them() {
		let registry = Registry::new();
		let operator = Operator::register(&registry).expect("registered");
		operator.set_gpu(("GPU-a", "NVIDIA L4"), 87, (20_000, 23_034), true);
		operator.set_gpu(("GPU-b", "NVIDIA L4"), 0, (0, 23_034), false);
		operator.set_provider_status("Offline", false);
		let text = render(&registry);
		assert!(text
			.contains("ember_agent_gpu_utilization_percent{gpu=\"GPU-a\",model=\"NVIDIA L4\"} 87"));
		assert!(text.contains("ember_agent_gpu_leased{gpu=\"GPU-b\",model=\"NVIDIA L4\"} 0"));
		assert!(text.contains("ember_agent_provider_status{status=\"Offline\"} 1"));
		assert!(text.contains("ember_agent_provider_status{status=\"Active\"} 0"));

		// A GPU gone from the inventory leaves the dashboards.
		operator.retain_gpus(&[("GPU-a".into(), "NVIDIA L4".into())]);
		let text = render(&registry);
		assert!(text.contains("gpu=\"GPU-a\""));
		assert!(!text.contains("gpu=\"GPU-b\""), "{text}");
	}

	#[test]
	fn the_data_disk_is_read() {
		let registry = Registry::new();
		let operator = Operator::register(&registry).expect("registered");
		let dir = tempfile::tempdir().expect("temp dir");
		operator.read_disk(dir.path());
		assert!(operator.disk_size.get() > 0);
		assert!((0..=operator.disk_size.get()).contains(&operator.disk_free.get()));
		assert!(disk_space(&dir.path().join("missing")).is_err());
	}
}
