//! The machine's real GPUs, through NVML.
//!
//! `nvml-wrapper` loads `libnvidia-ml.so.1` when [`NvmlSource::init`] runs, not when the binary
//! starts, so the agent runs on machines without an NVIDIA driver and only this source fails.

use std::{path::Path, sync::Mutex};

use nvml_wrapper::{enums::device::UsedGpuMemory, error::NvmlError, Device, Nvml};

use super::{models, GpuDevice, GpuSource, GpuUsage, InventoryError, ProcessUsage};

const MIB: u64 = 1024 * 1024;
/// `NVML_DEVICE_MIG_ENABLE`: the mode value of a GPU split into MIG instances.
const NVML_DEVICE_MIG_ENABLE: u32 = 1;

/// GPUs as the NVIDIA driver reports them.
pub struct NvmlSource {
	nvml: Nvml,
	/// The GPUs the last [`GpuSource::devices`] could not read, and why.
	failed: Mutex<Vec<String>>,
}

fn nvml_err(what: impl std::fmt::Display) -> impl Fn(NvmlError) -> InventoryError {
	move |error| InventoryError::Nvml(format!("{what}: {error}"))
}

impl NvmlSource {
	/// Loads the NVML library (the driver's, or the one at `library`) and initialises it;
	/// fails without a driver.
	pub fn init(library: Option<&Path>) -> Result<Self, InventoryError> {
		let loaded = match library {
			Some(path) => Nvml::builder().lib_path(path.as_os_str()).init(),
			None => Nvml::init(),
		};
		let nvml = loaded.map_err(|error| match error {
			// No library, or a library without a loaded driver behind it: no NVIDIA driver.
			NvmlError::LibloadingError(_)
			| NvmlError::FailedToLoadSymbol(_)
			| NvmlError::DriverNotLoaded
			| NvmlError::LibraryNotFound => InventoryError::NoDriver(error.to_string()),
			other => nvml_err("initialising NVML")(other),
		})?;
		Ok(Self { nvml, failed: Mutex::new(Vec::new()) })
	}

	/// The driver version, for logs.
	pub fn driver_version(&self) -> Option<String> {
		self.nvml.sys_driver_version().ok()
	}

	fn device(&self, index: u32, device: &Device<'_>) -> Result<GpuDevice, InventoryError> {
		let at = |what: &str| format!("GPU {index}: {what}");
		let model = device.name().map_err(nvml_err(at("name")))?;
		let uuid = device.uuid().map_err(nvml_err(at("UUID")))?;
		// Ember leases whole GPUs: a GPU split into MIG instances cannot be handed to one
		// container whole, nor does its memory belong to one tenant.
		match device.mig_mode() {
			Ok(mode) if mode.current == NVML_DEVICE_MIG_ENABLE => {
				return Err(InventoryError::Nvml(format!(
					"GPU {index} ({uuid}): MIG mode is on, and Ember leases whole GPUs; turn it \
					 off to offer this GPU (nvidia-smi -i {index} -mig 0, then reset the GPU)"
				)))
			},
			Ok(_) | Err(NvmlError::NotSupported | NvmlError::FailedToLoadSymbol(_)) => {},
			Err(error) => return Err(nvml_err(at("MIG mode"))(error)),
		}
		let memory = device.memory_info().map_err(nvml_err(at("memory")))?;
		let class = models::classify(&model);
		// Some drivers or virtual GPUs do not report the capability; the model table knows it
		// for the common models.
		let compute_capability = match device.cuda_compute_capability() {
			Ok(cc) => (u8::try_from(cc.major).unwrap_or(0), u8::try_from(cc.minor).unwrap_or(0)),
			Err(error) => match models::lookup(&model) {
				Some(known) => {
					tracing::warn!(index, %model, %error, "NVML gives no compute capability: using the model's");
					known.compute_capability
				},
				None => return Err(nvml_err(at("compute capability"))(error)),
			},
		};
		Ok(GpuDevice {
			index,
			uuid,
			model,
			vram_mib: u32::try_from(memory.total / MIB).unwrap_or(u32::MAX),
			compute_capability,
			class,
		})
	}
}

impl GpuSource for NvmlSource {
	fn kind(&self) -> &'static str {
		"nvml"
	}

	/// The GPUs that answer; one that fails is left out (withdrawn from bidding) and reported
	/// by [`GpuSource::failures`], and the others keep working.
	fn devices(&self) -> Result<Vec<GpuDevice>, InventoryError> {
		let count = self.nvml.device_count().map_err(nvml_err("counting GPUs"))?;
		let mut devices = Vec::new();
		let mut failed = Vec::new();
		for index in 0..count {
			let read = self
				.nvml
				.device_by_index(index)
				.map_err(nvml_err(format!("GPU {index}")))
				.and_then(|device| self.device(index, &device));
			match read {
				Ok(device) => devices.push(device),
				Err(error) => failed.push(error.to_string()),
			}
		}
		if let Ok(mut last) = self.failed.lock() {
			*last = failed;
		}
		Ok(devices)
	}

	fn failures(&self) -> Vec<String> {
		self.failed.lock().map(|failed| failed.clone()).unwrap_or_default()
	}

	fn usage(&self, uuids: &[String]) -> Result<Vec<GpuUsage>, InventoryError> {
		uuids
			.iter()
			.map(|uuid| {
				let device =
					self.nvml.device_by_uuid(uuid.as_str()).map_err(|error| match error {
						NvmlError::NotFound => InventoryError::UnknownGpu(uuid.clone()),
						other => nvml_err(format!("GPU {uuid}"))(other),
					})?;
				let utilization = device
					.utilization_rates()
					.map_err(nvml_err(format!("GPU {uuid}: utilization")))?;
				let memory =
					device.memory_info().map_err(nvml_err(format!("GPU {uuid}: memory")))?;
				// Per-process accounting is missing on some devices; usage is still worth having.
				let listed = device.running_compute_processes();
				let processes_listed = listed.is_ok();
				let processes = listed
					.unwrap_or_default()
					.into_iter()
					.map(|p| ProcessUsage {
						pid: p.pid,
						memory_used_mib: match p.used_gpu_memory {
							UsedGpuMemory::Used(bytes) => {
								u32::try_from(bytes / MIB).unwrap_or(u32::MAX)
							},
							UsedGpuMemory::Unavailable => 0,
						},
					})
					.collect();
				Ok(GpuUsage {
					uuid: uuid.clone(),
					utilization_pct: u8::try_from(utilization.gpu.min(100)).unwrap_or(100),
					memory_used_mib: u32::try_from(memory.used / MIB).unwrap_or(u32::MAX),
					processes,
					processes_listed,
				})
			})
			.collect()
	}

	fn set_busy(&self, _uuids: &[String], _busy: bool) {
		// Real GPUs report real usage.
	}
}
