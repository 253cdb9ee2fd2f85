//! GPUs that exist only in the configuration, for machines without one: development, CI and
//! end-to-end tests. A leased GPU reports plausible usage so that attestations look real.

use std::{
	collections::BTreeSet,
	sync::{Mutex, PoisonError},
};

use ember_client::manifest::parse_capability;

use super::{models, GpuDevice, GpuSource, GpuUsage, InventoryError};
use crate::config::SimulatedGpu;

/// Utilization a busy simulated GPU reports when its entry does not say.
pub const DEFAULT_BUSY_UTILIZATION_PCT: u8 = 87;

struct Simulated {
	device: GpuDevice,
	busy_utilization_pct: u8,
	busy_memory_mib: u32,
}

/// The GPUs of `[[inventory.simulated]]`.
pub struct SimulatedSource {
	gpus: Vec<Simulated>,
	busy: Mutex<BTreeSet<String>>,
}

impl SimulatedSource {
	/// Builds the source from the configured list; UUIDs must be unique and capabilities
	/// `major.minor`.
	pub fn new(list: &[SimulatedGpu]) -> Result<Self, InventoryError> {
		let mut seen = BTreeSet::new();
		let mut gpus = Vec::with_capacity(list.len());
		for (i, entry) in list.iter().enumerate() {
			let invalid = |field: &str, problem: String| InventoryError::Invalid {
				field: format!("inventory.simulated[{i}].{field}"),
				problem,
			};
			if entry.uuid.trim().is_empty() {
				return Err(invalid("uuid", "must not be empty".into()));
			}
			if !seen.insert(entry.uuid.clone()) {
				return Err(InventoryError::DuplicateUuid(entry.uuid.clone()));
			}
			let compute_capability =
				parse_capability(&entry.compute_capability).ok_or_else(|| {
					invalid(
						"compute_capability",
						format!("expected major.minor, got {:?}", entry.compute_capability),
					)
				})?;
			let class = models::classify(&entry.model);
			if let Some(known) = models::lookup(&entry.model) {
				if known.compute_capability != compute_capability {
					tracing::warn!(
						model = %entry.model,
						configured = %entry.compute_capability,
						real = %format!("{}.{}", known.compute_capability.0, known.compute_capability.1),
						"a simulated GPU's compute capability differs from the real model's"
					);
				}
			}
			gpus.push(Simulated {
				device: GpuDevice {
					index: i as u32,
					uuid: entry.uuid.clone(),
					model: entry.model.clone(),
					vram_mib: entry.vram_mib,
					compute_capability,
					class,
				},
				busy_utilization_pct: entry
					.busy_utilization_pct
					.unwrap_or(DEFAULT_BUSY_UTILIZATION_PCT)
					.min(100),
				busy_memory_mib: entry
					.busy_memory_mib
					.unwrap_or(entry.vram_mib / 3)
					.min(entry.vram_mib),
			});
		}
		Ok(Self { gpus, busy: Mutex::new(BTreeSet::new()) })
	}
}

impl GpuSource for SimulatedSource {
	fn kind(&self) -> &'static str {
		"simulated"
	}

	fn devices(&self) -> Result<Vec<GpuDevice>, InventoryError> {
		Ok(self.gpus.iter().map(|g| g.device.clone()).collect())
	}

	fn usage(&self, uuids: &[String]) -> Result<Vec<GpuUsage>, InventoryError> {
		// The set stays consistent whatever panicked while holding it.
		let busy = self.busy.lock().unwrap_or_else(PoisonError::into_inner);
		uuids
			.iter()
			.map(|uuid| {
				let gpu = self
					.gpus
					.iter()
					.find(|g| g.device.uuid == *uuid)
					.ok_or_else(|| InventoryError::UnknownGpu(uuid.clone()))?;
				let (utilization_pct, memory_used_mib) = if busy.contains(uuid) {
					(gpu.busy_utilization_pct, gpu.busy_memory_mib)
				} else {
					(0, 0)
				};
				// No process really runs on a simulated GPU, so none is listed.
				Ok(GpuUsage {
					uuid: uuid.clone(),
					utilization_pct,
					memory_used_mib,
					processes: Vec::new(),
					processes_listed: false,
				})
			})
			.collect()
	}

	fn set_busy(&self, uuids: &[String], busy: bool) {
		let mut set = self.busy.lock().unwrap_or_else(PoisonError::into_inner);
		for uuid in uuids.iter().filter(|u| self.gpus.iter().any(|g| g.device.uuid == **u)) {
			if busy {
				set.insert(uuid.clone());
			} else {
				set.remove(uuid);
			}
		}
	}
}
