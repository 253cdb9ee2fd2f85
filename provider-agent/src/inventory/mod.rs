//! The machine's GPUs behind one trait: NVML on a machine with an NVIDIA driver, a list from
//! the configuration elsewhere. Everything else in the agent sees only [`GpuSource`].

mod models;
mod nvml;
mod simulated;

use std::io::Write;

use ember_client::market::Gpu;
use serde::Serialize;

pub use self::{
	models::{classify, lookup, GpuClass, KnownModel},
	nvml::NvmlSource,
	simulated::{SimulatedSource, DEFAULT_BUSY_UTILIZATION_PCT},
};
use crate::config::{AgentConfig, InventoryConfig, InventoryMode};

/// Why the GPUs could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
	/// No NVIDIA driver on this machine: NVML's library is not there, or no driver is loaded.
	#[error("no NVIDIA driver: {0}")]
	NoDriver(String),
	/// NVML failed with a driver present: no permission, a GPU fell off the bus...
	#[error("NVML: {0}")]
	Nvml(String),
	/// No source has any GPU to offer.
	#[error("no GPUs: {0}")]
	NoGpus(String),
	/// A simulated entry is malformed.
	#[error("{field}: {problem}")]
	Invalid {
		/// The entry's field, as a TOML path.
		field: String,
		/// What is wrong with it.
		problem: String,
	},
	/// Two simulated GPUs share a UUID.
	#[error("inventory.simulated: the UUID {0:?} is listed twice")]
	DuplicateUuid(String),
	/// A UUID that is not one of this machine's GPUs.
	#[error("no GPU has the UUID {0:?}")]
	UnknownGpu(String),
	/// Printing the inventory failed.
	#[error("cannot print the inventory: {0}")]
	Output(String),
}

/// One GPU of this machine.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct GpuDevice {
	/// Index in the source's order (NVML's device index).
	pub index: u32,
	/// The device UUID (`GPU-...`), as CUDA_VISIBLE_DEVICES accepts it.
	pub uuid: String,
	/// Model name as NVML reports it.
	pub model: String,
	/// Device memory, MiB.
	pub vram_mib: u32,
	/// CUDA compute capability (major, minor).
	pub compute_capability: (u8, u8),
	/// What kind of card it is.
	pub class: GpuClass,
}

impl GpuDevice {
	/// BLAKE2-256 of the UUID: how the chain names the GPU without publishing its UUID.
	pub fn uuid_hash(&self) -> [u8; 32] {
		uuid_hash(&self.uuid)
	}
}

/// BLAKE2-256 of a device UUID as NVML spells it (`GPU-…`): the GPU's name on chain.
pub fn uuid_hash(uuid: &str) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(uuid.as_bytes())
}

/// Device memory one process uses.
#[derive(Clone, Debug, Default, Eq, PartialEq, Serialize)]
pub struct ProcessUsage {
	/// Process id.
	pub pid: u32,
	/// Device memory it holds, MiB.
	pub memory_used_mib: u32,
}

/// How busy one GPU is right now.
#[derive(Clone, Debug, Default, Eq, PartialEq, Serialize)]
pub struct GpuUsage {
	/// The device UUID.
	pub uuid: String,
	/// Compute utilization over the driver's last sample period, percent.
	pub utilization_pct: u8,
	/// Device memory in use, MiB.
	pub memory_used_mib: u32,
	/// Compute processes on the device.
	pub processes: Vec<ProcessUsage>,
	/// Whether the source could list the device's processes (NVML can, on most devices; a
	/// simulated GPU has none to list).
	pub processes_listed: bool,
}

impl GpuUsage {
	/// Device memory held by the processes on the device, MiB: what a lease's workload uses
	/// while the lease holds the GPU alone. Without a process list, the device's memory in use.
	pub fn process_memory_mib(&self) -> u32 {
		if self.processes_listed {
			self.processes.iter().map(|p| p.memory_used_mib).fold(0u32, u32::saturating_add)
		} else {
			self.memory_used_mib
		}
	}
}

/// Where the GPU list and usage come from.
pub trait GpuSource: Send + Sync {
	/// `"nvml"` or `"simulated"`.
	fn kind(&self) -> &'static str;
	/// Every GPU of the machine.
	fn devices(&self) -> Result<Vec<GpuDevice>, InventoryError>;
	/// Current usage of the GPUs with these UUIDs, in the same order.
	fn usage(&self, uuids: &[String]) -> Result<Vec<GpuUsage>, InventoryError>;
	/// Marks GPUs as leased or free. Real GPUs ignore it; simulated ones report load while
	/// leased.
	fn set_busy(&self, uuids: &[String], busy: bool);
	/// The GPUs the last [`GpuSource::devices`] could not read, each with its error.
	fn failures(&self) -> Vec<String> {
		Vec::new()
	}
}

/// Picks the source the configuration asks for: see [`InventoryMode`].
pub fn detect(config: &InventoryConfig) -> Result<Box<dyn GpuSource>, InventoryError> {
	detect_with(config, || probe_nvml(config.nvml_library.as_deref()))
}

/// NVML (the driver's library, or the one at `library`), when a driver answers and at least
/// one GPU can be read.
fn probe_nvml(library: Option<&std::path::Path>) -> Result<Box<dyn GpuSource>, InventoryError> {
	let source = NvmlSource::init(library)?;
	let devices = source.devices()?;
	let failures = source.failures();
	if devices.is_empty() {
		let why =
			if failures.is_empty() { "NVML reports no GPU".into() } else { failures.join("; ") };
		return Err(InventoryError::NoGpus(why));
	}
	for failure in &failures {
		tracing::warn!(%failure, "a GPU cannot be read: it is left out of the inventory");
	}
	tracing::info!(
		gpus = devices.len(),
		driver = source.driver_version().unwrap_or_default(),
		"reading the GPUs through NVML"
	);
	Ok(Box::new(source))
}

fn simulated(config: &InventoryConfig) -> Result<Box<dyn GpuSource>, InventoryError> {
	if config.simulated.is_empty() {
		return Err(InventoryError::NoGpus(
			"inventory.mode = \"simulated\" but no [[inventory.simulated]] GPU is listed".into(),
		));
	}
	Ok(Box::new(SimulatedSource::new(&config.simulated)?))
}

/// [`detect`] with the NVML probe passed in, so that the fallback is testable on any machine.
fn detect_with(
	config: &InventoryConfig,
	probe: impl FnOnce() -> Result<Box<dyn GpuSource>, InventoryError>,
) -> Result<Box<dyn GpuSource>, InventoryError> {
	match config.mode {
		InventoryMode::Simulated => simulated(config),
		InventoryMode::Nvml => {
			probe().map_err(|e| InventoryError::NoGpus(format!("inventory.mode = \"nvml\": {e}")))
		},
		InventoryMode::Auto => match probe() {
			Ok(source) => Ok(source),
			// A driver answered but NVML failed: the machine's real GPUs cannot be read, and
			// pretending otherwise would sell GPUs nobody checked.
			Err(error @ (InventoryError::Nvml(_) | InventoryError::NoGpus(_))) => {
				Err(InventoryError::Nvml(format!(
					"the NVIDIA driver answered but the GPUs cannot be read ({error}); fix the \
					 driver, or on a development machine set inventory.mode = \"simulated\""
				)))
			},
			Err(reason) if config.simulated.is_empty() => Err(InventoryError::NoGpus(format!(
				"no NVIDIA driver found ({reason}) and no [[inventory.simulated]] GPU is listed"
			))),
			Err(reason) => {
				let source = SimulatedSource::new(&config.simulated)?;
				tracing::warn!(
					"no NVIDIA driver found ({reason}): using the SIMULATED inventory from the config, \
					 which only a development chain accepts; leases will run on no real GPU"
				);
				Ok(Box::new(source))
			},
		},
	}
}

/// A GPU as the chain records it and `emberctl provider register --inventory` reads it.
pub fn to_chain_gpu(device: &GpuDevice) -> Gpu {
	Gpu {
		model: device.model.clone(),
		vram_mib: device.vram_mib,
		compute_capability: format!(
			"{}.{}",
			device.compute_capability.0, device.compute_capability.1
		),
		uuid_hash: format!("0x{}", hex::encode(device.uuid_hash())),
		proven_until: None,
	}
}

/// Prints the GPUs the agent would offer: a JSON array for `emberctl provider register
/// --inventory`, or a table for people.
pub fn print(config: &AgentConfig, json: bool) -> Result<(), InventoryError> {
	let source = detect(&config.inventory)?;
	let devices = source.devices()?;
	let text = if json {
		let gpus: Vec<Gpu> = devices.iter().map(to_chain_gpu).collect();
		let mut text = serde_json::to_string_pretty(&gpus)
			.map_err(|e| InventoryError::Output(e.to_string()))?;
		text.push('\n');
		text
	} else {
		table(source.kind(), &devices)
	};
	// Written rather than `println!`, which would panic when the reader goes away (`| head`).
	let mut out = std::io::stdout().lock();
	out.write_all(text.as_bytes())
		.and_then(|()| out.flush())
		.map_err(|e| InventoryError::Output(e.to_string()))
}

/// The readable inventory: the source, then one row per GPU.
fn table(kind: &str, devices: &[GpuDevice]) -> String {
	let header = ["INDEX", "MODEL", "CLASS", "VRAM", "CAPABILITY", "UUID"];
	let rows: Vec<[String; 6]> = devices
		.iter()
		.map(|d| {
			[
				d.index.to_string(),
				d.model.clone(),
				d.class.to_string(),
				format!("{} MiB", d.vram_mib),
				format!("{}.{}", d.compute_capability.0, d.compute_capability.1),
				d.uuid.clone(),
			]
		})
		.collect();
	let mut widths = header.map(str::len);
	for row in &rows {
		for (width, cell) in widths.iter_mut().zip(row) {
			*width = (*width).max(cell.chars().count());
		}
	}
	let line = |cells: &[String]| {
		let padded: Vec<String> = cells
			.iter()
			.zip(widths)
			.map(|(cell, width)| format!("{cell:<width$}"))
			.collect();
		format!("{}\n", padded.join("  ").trim_end())
	};
	let mut text = format!("source: {kind}, {} GPU(s)\n", devices.len());
	text.push_str(&line(&header.map(String::from)));
	for row in &rows {
		text.push_str(&line(row));
	}
	text
}

/// The fake NVML driver the tests run the real NVML code path against.
#[cfg(test)]
pub(crate) mod fake {
	/// A fake NVML library (`tests/fake-nvml/fake_nvml.c`, built here with the system's C
	/// compiler) pretending to have `devices`, or `None` with the reason printed where no C
	/// compiler is installed.
	pub fn fake_nvml(devices: &[&str]) -> Option<(tempfile::TempDir, std::path::PathBuf)> {
		let source =
			std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fake-nvml/fake_nvml.c");
		let dir = tempfile::tempdir().expect("temp dir");
		let library = dir.path().join("libnvidia-ml.so.1");
		let built = std::process::Command::new("cc")
			.args(["-shared", "-fPIC", "-O1", "-o"])
			.arg(&library)
			.arg(&source)
			.output();
		match built {
			Ok(output) if output.status.success() => {},
			other => {
				eprintln!("skipped: cannot build the fake NVML library with cc: {other:?}");
				return None;
			},
		}
		std::fs::write(dir.path().join("devices.conf"), devices.join("\n") + "\n")
			.expect("devices written");
		Some((dir, library))
	}
}

#[cfg(test)]
mod tests {
	use super::fake::fake_nvml;
	use super::*;
	use crate::config::SimulatedGpu;

	fn gpu(model: &str, uuid: &str) -> SimulatedGpu {
		SimulatedGpu {
			model: model.into(),
			vram_mib: 23_034,
			compute_capability: "8.9".into(),
			uuid: uuid.into(),
			busy_utilization_pct: None,
			busy_memory_mib: None,
		}
	}

	fn config(mode: InventoryMode, simulated: Vec<SimulatedGpu>) -> InventoryConfig {
		InventoryConfig { mode, simulated, nvml_library: None }
	}

	fn no_driver() -> Result<Box<dyn GpuSource>, InventoryError> {
		Err(InventoryError::NoDriver("libnvidia-ml.so.1 not found".into()))
	}

	fn uuids(list: &[&str]) -> Vec<String> {
		list.iter().map(|u| u.to_string()).collect()
	}

	#[test]
	fn simulated_devices() {
		let mut second = gpu("NVIDIA H100 80GB HBM3", "GPU-b");
		second.vram_mib = 81_559;
		second.compute_capability = "9.0".into();
		let source = SimulatedSource::new(&[gpu("NVIDIA L4", "GPU-a"), second]).expect("valid");
		assert_eq!(source.kind(), "simulated");
		let devices = source.devices().expect("devices");
		assert_eq!(
			devices,
			vec![
				GpuDevice {
					index: 0,
					uuid: "GPU-a".into(),
					model: "NVIDIA L4".into(),
					vram_mib: 23_034,
					compute_capability: (8, 9),
					class: GpuClass::Datacenter,
				},
				GpuDevice {
					index: 1,
					uuid: "GPU-b".into(),
					model: "NVIDIA H100 80GB HBM3".into(),
					vram_mib: 81_559,
					compute_capability: (9, 0),
					class: GpuClass::Datacenter,
				},
			]
		);
	}

	#[test]
	fn busy_and_idle_usage() {
		let mut custom = gpu("NVIDIA L4", "GPU-b");
		custom.busy_utilization_pct = Some(55);
		custom.busy_memory_mib = Some(1_000);
		let source = SimulatedSource::new(&[gpu("NVIDIA L4", "GPU-a"), custom]).expect("valid");
		let both = uuids(&["GPU-a", "GPU-b"]);
		let idle = source.usage(&both).expect("usage");
		assert!(idle.iter().all(|u| u.utilization_pct == 0 && u.memory_used_mib == 0), "{idle:?}");

		source.set_busy(&both, true);
		let busy = source.usage(&both).expect("usage");
		assert_eq!(
			(busy[0].uuid.as_str(), busy[0].utilization_pct, busy[0].memory_used_mib),
			("GPU-a", 87, 23_034 / 3)
		);
		assert_eq!(
			(busy[1].uuid.as_str(), busy[1].utilization_pct, busy[1].memory_used_mib),
			("GPU-b", 55, 1_000)
		);

		source.set_busy(&uuids(&["GPU-a", "GPU-unknown"]), false);
		let mixed = source.usage(&both).expect("usage");
		assert_eq!(mixed[0].utilization_pct, 0);
		assert_eq!(mixed[1].utilization_pct, 55);

		assert!(
			matches!(source.usage(&uuids(&["GPU-x"])), Err(InventoryError::UnknownGpu(u)) if u == "GPU-x")
		);
	}

	#[test]
	fn unknown_model_keeps_its_name() {
		let source = SimulatedSource::new(&[gpu("Frobnicator 9000 Pro", "GPU-a")]).expect("valid");
		let device = &source.devices().expect("devices")[0];
		assert_eq!(device.class, GpuClass::Unclassified);
		assert_eq!(device.model, "Frobnicator 9000 Pro");
		assert_eq!(to_chain_gpu(device).model, "Frobnicator 9000 Pro");
	}

	#[test]
	fn duplicate_uuids_and_bad_capabilities_are_errors() {
		let duplicate =
			SimulatedSource::new(&[gpu("NVIDIA L4", "GPU-a"), gpu("NVIDIA L4", "GPU-a")]);
		assert!(matches!(duplicate, Err(InventoryError::DuplicateUuid(u)) if u == "GPU-a"));
		let mut bad = gpu("NVIDIA L4", "GPU-b");
		bad.compute_capability = "eight".into();
		let error = SimulatedSource::new(&[gpu("NVIDIA L4", "GPU-a"), bad])
			.err()
			.map(|e| e.to_string());
		assert!(
			error
				.as_deref()
				.is_some_and(|e| e.starts_with("inventory.simulated[1].compute_capability")),
			"{error:?}"
		);
	}

	#[test]
	fn chain_gpu_hashes_the_uuid() {
		let source = SimulatedSource::new(&[gpu("NVIDIA L4", "GPU-e2e-0")]).expect("valid");
		let device = &source.devices().expect("devices")[0];
		let chain = to_chain_gpu(device);
		let expected = sp_crypto_hashing::blake2_256(b"GPU-e2e-0");
		assert_eq!(device.uuid_hash(), expected);
		assert_eq!(chain.uuid_hash, format!("0x{}", hex::encode(expected)));
		assert_eq!(chain.compute_capability, "8.9");
		assert_eq!(chain.vram_mib, 23_034);
		// What `inventory --json` prints is what `emberctl provider register` reads back.
		let json = serde_json::to_string(&vec![chain.clone()]).expect("json");
		let read: Vec<Gpu> = serde_json::from_str(&json).expect("read back");
		assert_eq!(read, vec![chain]);
		assert!(read[0].to_spec().is_some());
	}

	#[test]
	fn auto_falls_back_to_simulated_without_a_driver() {
		let listed = config(InventoryMode::Auto, vec![gpu("NVIDIA L4", "GPU-a")]);
		let source = detect_with(&listed, no_driver).expect("falls back");
		assert_eq!(source.kind(), "simulated");
		assert_eq!(source.devices().expect("devices").len(), 1);

		// Nothing to fall back to, or NVML demanded: errors that say why.
		let empty = detect_with(&config(InventoryMode::Auto, Vec::new()), no_driver)
			.err()
			.map(|e| e.to_string());
		assert!(
			empty.as_deref().is_some_and(|e| e.contains("no NVIDIA driver found")),
			"{empty:?}"
		);
		let demanded =
			detect_with(&config(InventoryMode::Nvml, vec![gpu("NVIDIA L4", "GPU-a")]), no_driver);
		assert!(
			matches!(demanded, Err(InventoryError::NoGpus(e)) if e.contains("inventory.mode = \"nvml\""))
		);
		let nothing = detect_with(&config(InventoryMode::Simulated, Vec::new()), no_driver);
		assert!(matches!(nothing, Err(InventoryError::NoGpus(_))));
		// Simulated mode does not even look for a driver.
		let simulated =
			detect_with(&config(InventoryMode::Simulated, vec![gpu("NVIDIA L4", "GPU-a")]), || {
				panic!("NVML probed in simulated mode")
			});
		assert_eq!(simulated.map(|s| s.kind()).ok(), Some("simulated"));
	}

	#[test]
	fn the_nvml_source_reads_gpus_through_the_real_code_path() {
		let Some((_dir, library)) = fake_nvml(&[
			"NVIDIA H100 80GB HBM3|81559|9.0|GPU-11111111-aaaa|ok",
			"Frobnicator 9000|16384|7.5|GPU-22222222-bbbb|ok|4242:1024,4343:2048",
			"NVIDIA L4|23034|8.9|GPU-33333333-cccc|nocc",
		]) else {
			return;
		};
		let source = NvmlSource::init(Some(&library)).expect("the fake driver loads");
		assert_eq!(source.driver_version().as_deref(), Some("999.99-fake"));
		let devices = source.devices().expect("devices");
		let seen: Vec<(&str, u32, (u8, u8))> = devices
			.iter()
			.map(|d| (d.model.as_str(), d.vram_mib, d.compute_capability))
			.collect();
		assert_eq!(
			seen,
			vec![
				("NVIDIA H100 80GB HBM3", 81559, (9, 0)),
				// An unknown model keeps its name.
				("Frobnicator 9000", 16384, (7, 5)),
				// No capability from the driver: the model table's.
				("NVIDIA L4", 23034, (8, 9)),
			]
		);
		assert!(source.failures().is_empty());
		let usage = source.usage(&["GPU-22222222-bbbb".to_string()]).expect("usage");
		assert_eq!((usage[0].utilization_pct, usage[0].memory_used_mib), (42, 4096));
		let pids: Vec<(u32, u32)> =
			usage[0].processes.iter().map(|p| (p.pid, p.memory_used_mib)).collect();
		assert_eq!(pids, vec![(4242, 1024), (4343, 2048)]);
		assert_eq!(usage[0].process_memory_mib(), 3072, "the processes' memory, not the device's");
		let idle = source.usage(&["GPU-11111111-aaaa".to_string()]).expect("usage");
		assert!(idle[0].processes_listed && idle[0].processes.is_empty());
		assert_eq!(idle[0].process_memory_mib(), 0);
		assert!(matches!(
			source.usage(&["GPU-unknown".to_string()]),
			Err(InventoryError::UnknownGpu(_))
		));
	}

	#[test]
	fn one_failing_gpu_is_reported_and_the_others_keep_working() {
		let Some((_dir, library)) = fake_nvml(&[
			"NVIDIA L4|23034|8.9|GPU-aaaa|ok",
			"NVIDIA L4|23034|8.9|GPU-bbbb|lost",
			"NVIDIA L4|23034|8.9|GPU-cccc|ok",
		]) else {
			return;
		};
		let source = NvmlSource::init(Some(&library)).expect("loads");
		let uuids: Vec<String> =
			source.devices().expect("devices").into_iter().map(|d| d.uuid).collect();
		assert_eq!(uuids, vec!["GPU-aaaa", "GPU-cccc"]);
		let failures = source.failures();
		assert_eq!(failures.len(), 1, "{failures:?}");
		assert!(failures[0].contains("GPU 1"), "{failures:?}");
		// Through the configuration, as the agent starts: NVML, not a fallback.
		let listed = InventoryConfig {
			mode: InventoryMode::Auto,
			simulated: vec![gpu("NVIDIA L4", "GPU-simulated")],
			nvml_library: Some(library.clone()),
		};
		let detected = detect(&listed).expect("NVML");
		assert_eq!(detected.kind(), "nvml");
		assert_eq!(detected.devices().expect("devices").len(), 2);
	}

	#[test]
	fn a_gpu_split_into_mig_instances_is_withdrawn_with_the_way_to_offer_it() {
		let Some((_dir, library)) = fake_nvml(&[
			"NVIDIA A100-SXM4-80GB|81920|8.0|GPU-aaaa|mig",
			"NVIDIA A100-SXM4-80GB|81920|8.0|GPU-bbbb|ok",
		]) else {
			return;
		};
		let source = NvmlSource::init(Some(&library)).expect("loads");
		let uuids: Vec<String> =
			source.devices().expect("devices").into_iter().map(|d| d.uuid).collect();
		assert_eq!(uuids, vec!["GPU-bbbb"], "the whole GPU alone is offered");
		let failures = source.failures();
		assert_eq!(failures.len(), 1, "{failures:?}");
		assert!(
			failures[0].contains("GPU 0 (GPU-aaaa): MIG mode is on")
				&& failures[0].contains("nvidia-smi -i 0 -mig 0"),
			"{failures:?}"
		);
	}

	#[test]
	fn a_driver_whose_every_gpu_fails_is_an_error_never_a_fallback() {
		let Some((_dir, library)) = fake_nvml(&["NVIDIA L4|23034|8.9|GPU-aaaa|lost"]) else {
			return;
		};
		let listed = InventoryConfig {
			mode: InventoryMode::Auto,
			simulated: vec![gpu("NVIDIA L4", "GPU-simulated")],
			nvml_library: Some(library),
		};
		let error = detect(&listed).err().map(|e| e.to_string()).unwrap_or_default();
		assert!(error.contains("driver answered") && error.contains("GPU 0"), "{error}");
	}

	#[test]
	fn auto_never_falls_back_when_a_driver_answers_but_nvml_fails() {
		let listed = config(InventoryMode::Auto, vec![gpu("NVIDIA L4", "GPU-a")]);
		for failure in [
			InventoryError::Nvml("GPU 1: UUID: Unknown Error".into()),
			InventoryError::NoGpus("NVML reports no GPU".into()),
		] {
			let message = failure.to_string();
			let error = detect_with(&listed, || Err(failure)).err().map(|e| e.to_string());
			assert!(
				error
					.as_deref()
					.is_some_and(|e| e.contains("driver answered") && e.contains(&message)),
				"{error:?}"
			);
		}
	}

	#[test]
	fn auto_on_this_machine() {
		let listed = config(InventoryMode::Auto, vec![gpu("NVIDIA L4", "GPU-a")]);
		let source = detect(&listed).expect("a source");
		match NvmlSource::init(None) {
			// No driver here (the usual case in CI): the simulated list is used.
			Err(_) => assert_eq!(source.kind(), "simulated"),
			Ok(nvml) => {
				let real = nvml.devices().map(|d| d.len()).unwrap_or(0);
				assert_eq!(source.kind(), if real > 0 { "nvml" } else { "simulated" });
			},
		}
	}

	#[test]
	fn table_lists_every_gpu() {
		let source =
			SimulatedSource::new(&[gpu("NVIDIA L4", "GPU-a"), gpu("Mystery Card", "GPU-b")])
				.expect("valid");
		let text = table(source.kind(), &source.devices().expect("devices"));
		let lines: Vec<&str> = text.lines().collect();
		assert_eq!(lines[0], "source: simulated, 2 GPU(s)");
		assert!(lines[1].starts_with("INDEX  MODEL"), "{text}");
		assert!(
			lines[2].contains("NVIDIA L4")
				&& lines[2].contains("datacenter")
				&& lines[2].contains("23034 MiB")
		);
		assert!(
			lines[3].contains("Mystery Card")
				&& lines[3].contains("unclassified")
				&& lines[3].ends_with("GPU-b")
		);
		assert!(lines[2].contains("8.9"));
	}
}
