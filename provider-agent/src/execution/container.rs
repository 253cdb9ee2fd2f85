//! The container executor: a manifest's image run by podman or docker in a hardened sandbox.
//!
//! Every container runs with no capabilities, `no-new-privileges`, a read-only root
//! filesystem, an unprivileged user, memory, CPU and process limits, sized `/tmp` and
//! `/dev/shm`, no network unless the manifest asks and the provider allows it, exactly the
//! leased GPUs, and only the lease's work directory mounted (at `/work`). The command line is
//! built so that no manifest field can become an engine flag: the image is grammar-checked
//! (it never starts with `-`), every other manifest value is the argument of a flag that
//! takes one, and the manifest's arguments come after the image, where the engine passes them
//! to the container.

use std::{path::Path, time::Duration};

use ember_client::manifest::{Manifest, Workload};

use super::{ExecutionError, Executor, Launch, RunSpec};
use crate::config::SandboxConfig;

/// The container engine.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Engine {
	/// podman: GPUs through CDI device names.
	Podman,
	/// docker: GPUs through `--gpus`.
	Docker,
}

impl Engine {
	fn program(self) -> &'static str {
		match self {
			Engine::Podman => "podman",
			Engine::Docker => "docker",
		}
	}
}

/// Runs container images in the sandbox `sandbox` describes.
pub struct ContainerExecutor {
	engine: Engine,
	sandbox: SandboxConfig,
	/// The agent runs as root: the work directory is handed to the sandbox user. Otherwise
	/// (rootless podman) the container maps the agent's own user.
	as_root: bool,
	/// The GPUs are simulated (a development chain): there is no device to pass in, and the
	/// workload only learns their UUIDs from `CUDA_VISIBLE_DEVICES`.
	simulated_gpus: bool,
}

fn installed(program: &str) -> bool {
	std::process::Command::new(program)
		.arg("--version")
		.stdout(std::process::Stdio::null())
		.stderr(std::process::Stdio::null())
		.status()
		.is_ok_and(|s| s.success())
}

/// The container's name for `lease`, so that it can be stopped from outside its process.
pub fn container_name(lease: u64) -> String {
	format!("ember-lease-{lease}")
}

/// What one lease's container may use, after the provider's maxima.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Limits {
	/// Memory, MiB.
	pub memory_mib: u64,
	/// CPU, thousandths of a core.
	pub cpu_millis: u64,
	/// Processes and threads.
	pub pids: u64,
	/// `/dev/shm`, MiB.
	pub shm_mib: u64,
	/// `/tmp`, MiB.
	pub tmp_mib: u64,
	/// Work directory and raw output, MiB.
	pub disk_mib: u64,
	/// Whether the container has a network.
	pub network: bool,
}

impl Limits {
	/// The limits `manifest` runs with under `sandbox` on `leased_gpus` GPUs (the lease's, never
	/// the count the manifest claims): what it asks for, or the maximum where it asks nothing.
	/// Asking for more than the maximum, or for a network the provider does not allow, is an
	/// error that says so.
	pub fn of(
		manifest: &Manifest,
		sandbox: &SandboxConfig,
		leased_gpus: usize,
	) -> Result<Self, String> {
		let gpus = u64::try_from(leased_gpus.max(1)).unwrap_or(1);
		let asked = &manifest.resources;
		let pick = |field: &str, asked: Option<u64>, max: u64, unit: &str| match asked {
			Some(value) if value > max => Err(format!(
				"resources.{field} asks for {value} {unit}; this provider allows at most {max} {unit} \
				 for {gpus} GPU(s)"
			)),
			Some(value) => Ok(value),
			None => Ok(max),
		};
		if manifest.network && !sandbox.allow_network {
			return Err(
				"the manifest asks for the network; this provider runs workloads without one"
					.into(),
			);
		}
		Ok(Self {
			memory_mib: pick(
				"memoryMib",
				asked.memory_mib,
				sandbox.memory_mib_per_gpu.saturating_mul(gpus),
				"MiB",
			)?,
			cpu_millis: pick(
				"cpuMillis",
				asked.cpu_millis,
				sandbox.cpu_millis_per_gpu.saturating_mul(gpus),
				"thousandths of a core",
			)?,
			pids: pick("pids", asked.pids, sandbox.pids, "processes")?,
			shm_mib: pick(
				"shmMib",
				asked.shm_mib,
				sandbox.shm_mib_per_gpu.saturating_mul(gpus),
				"MiB",
			)?,
			tmp_mib: sandbox.tmp_mib,
			disk_mib: pick("diskMib", asked.disk_mib, sandbox.disk_mib, "MiB")?,
			network: manifest.network,
		})
	}
}

impl ContainerExecutor {
	/// Uses `preferred`, or whichever of podman and docker is installed.
	pub fn detect(preferred: Option<&str>, sandbox: SandboxConfig) -> Result<Self, ExecutionError> {
		let candidates = match preferred {
			Some("docker") => vec![Engine::Docker],
			Some("podman") => vec![Engine::Podman],
			Some(other) => {
				return Err(ExecutionError::Unavailable(format!(
					"unknown container runtime {other:?}: use \"podman\" or \"docker\""
				)))
			},
			None => vec![Engine::Podman, Engine::Docker],
		};
		let engine =
			candidates
				.into_iter()
				.find(|engine| installed(engine.program()))
				.ok_or_else(|| {
					ExecutionError::Unavailable(
						"executor.kind = \"container\" needs podman or docker on the PATH".into(),
					)
				})?;
		Ok(Self::new(engine, sandbox))
	}

	/// An executor for `engine`, without checking that it is installed.
	pub fn new(engine: Engine, sandbox: SandboxConfig) -> Self {
		// SAFETY: geteuid(2) cannot fail and touches no memory.
		let as_root = unsafe { libc::geteuid() } == 0;
		Self { engine, sandbox, as_root, simulated_gpus: false }
	}

	/// For simulated GPUs: no device is passed in (there is none).
	pub fn with_simulated_gpus(mut self, simulated: bool) -> Self {
		self.simulated_gpus = simulated;
		self
	}

	/// The flags that pass exactly `uuids` into the container, and name them to CUDA and to
	/// NVIDIA's container hooks (overriding whatever the image's own environment says, such
	/// as `NVIDIA_VISIBLE_DEVICES=all`).
	fn gpu_flags(&self, uuids: &[String]) -> Vec<String> {
		if uuids.is_empty() {
			return vec!["--env".into(), "NVIDIA_VISIBLE_DEVICES=void".into()];
		}
		let list = uuids.join(",");
		let visible = vec![
			"--env".to_string(),
			format!("CUDA_VISIBLE_DEVICES={list}"),
			"--env".to_string(),
			format!("NVIDIA_VISIBLE_DEVICES={list}"),
		];
		if self.simulated_gpus {
			return visible;
		}
		let devices = match self.engine {
			// Podman reaches NVIDIA GPUs through CDI device names.
			Engine::Podman => uuids
				.iter()
				.flat_map(|u| ["--device".to_string(), format!("nvidia.com/gpu={u}")])
				.collect(),
			Engine::Docker => vec!["--gpus".to_string(), format!("\"device={}\"", uuids.join(","))],
		};
		[devices, visible].concat()
	}

	/// The user the workload runs as, and how the container maps it.
	fn user_flags(&self) -> Vec<String> {
		if self.as_root || self.engine == Engine::Docker {
			return vec!["--user".into(), self.sandbox.user.clone()];
		}
		// Rootless podman: the agent's own user inside, mapped to itself, so that the work
		// directory it owns is writable and nothing else of the host is reachable.
		vec!["--userns=keep-id".into()]
	}
}

/// The work directory's host path as a mount source; `:` and `,` would split the engine's
/// mount syntax, so a data dir holding them is refused rather than mis-mounted.
fn mount_source(work: &Path) -> Result<String, ExecutionError> {
	let text = work.to_str().ok_or_else(|| {
		ExecutionError::Unavailable(format!("the work directory {} is not UTF-8", work.display()))
	})?;
	if text.contains([':', ',']) || !work.is_absolute() {
		return Err(ExecutionError::Unavailable(format!(
			"the work directory {text} must be an absolute path without `:` or `,` (set data_dir)"
		)));
	}
	Ok(text.to_string())
}

/// The host's cores, in thousandths.
fn host_cpu_millis() -> u64 {
	std::thread::available_parallelism()
		.map(|cores| u64::try_from(cores.get()).unwrap_or(1).saturating_mul(1000))
		.unwrap_or(1000)
}

/// `millis` thousandths of a core as the engine's `--cpus` decimal.
fn cpus(millis: u64) -> String {
	format!("{}.{:03}", millis / 1000, millis % 1000)
}

impl Executor for ContainerExecutor {
	fn name(&self) -> &'static str {
		"container"
	}

	fn admit(&self, manifest: &Manifest, leased_gpus: usize) -> Result<(), String> {
		let Workload::Container { image, .. } = &manifest.workload else {
			return Err(
				"this provider runs container images only (its executor is `container`)".into()
			);
		};
		ember_client::image_reference::check(image)
			.map_err(|reason| format!("the manifest's image {reason}"))?;
		super::leased_gpu_count_matches(manifest, leased_gpus)?;
		Limits::of(manifest, &self.sandbox, leased_gpus).map(|_| ())
	}

	fn disk_limit_bytes(&self, manifest: &Manifest) -> Option<u64> {
		// The disk limit does not scale with GPUs.
		Limits::of(manifest, &self.sandbox, 1)
			.ok()
			.map(|l| l.disk_mib.saturating_mul(1 << 20))
	}

	fn prepare_work_dir(&self, work: &Path) -> Result<(), ExecutionError> {
		if !self.as_root {
			return Ok(());
		}
		let (uid, gid) = self
			.sandbox
			.user
			.split_once(':')
			.and_then(|(u, g)| Some((u.parse().ok()?, g.parse().ok()?)))
			.ok_or_else(|| ExecutionError::Unavailable("executor.sandbox.user".into()))?;
		chown_tree(work, uid, gid)?;
		Ok(())
	}

	fn command(&self, spec: &RunSpec) -> Result<Launch, ExecutionError> {
		let Workload::Container { image, args } = &spec.manifest.workload else {
			return Err(ExecutionError::Unsupported(
				"this provider runs container images only (its executor is `container`)".into(),
			));
		};
		// Manifests are checked when they arrive; checked again here, as the last step before
		// the engine, so that no stored or crafted manifest can pass an image that is a flag.
		ember_client::image_reference::check(image).map_err(|reason| {
			ExecutionError::Unsupported(format!("the manifest's image {reason}"))
		})?;
		let limits = Limits::of(&spec.manifest, &self.sandbox, spec.gpu_uuids.len())
			.map_err(ExecutionError::Unsupported)?;
		let work = mount_source(&spec.lease_dir.join("work"))?;
		let name = container_name(spec.lease);
		let mut argv: Vec<String> = vec![
			self.engine.program().into(),
			"run".into(),
			"--rm".into(),
			"--name".into(),
			name.clone(),
			"--hostname".into(),
			name,
			"--label".into(),
			format!("ember.lease={}", spec.lease),
			"--stop-timeout".into(),
			"5".into(),
			// The agent tails the attached output into the lease's log; the engine keeps none
			// of its own, which would grow outside the lease's disk limit.
			"--log-driver".into(),
			"none".into(),
			"--cap-drop".into(),
			"ALL".into(),
			"--security-opt".into(),
			"no-new-privileges".into(),
			"--read-only".into(),
		];
		if self.engine == Engine::Podman {
			// Podman would otherwise add unsized writable tmpfs mounts of its own.
			argv.push("--read-only-tmpfs=false".into());
		}
		argv.extend(self.user_flags());
		argv.extend([
			"--memory".into(),
			format!("{}m", limits.memory_mib),
			// No swap beyond the memory limit: a hog is killed, not paged out.
			"--memory-swap".into(),
			format!("{}m", limits.memory_mib),
			"--cpus".into(),
			// No more than the host has: docker refuses a larger value.
			cpus(limits.cpu_millis.min(host_cpu_millis())),
			"--pids-limit".into(),
			limits.pids.to_string(),
			"--shm-size".into(),
			format!("{}m", limits.shm_mib),
			"--tmpfs".into(),
			format!("/tmp:rw,nosuid,nodev,size={}m", limits.tmp_mib),
			"--volume".into(),
			format!("{work}:/work:rw"),
			"--workdir".into(),
			"/work".into(),
		]);
		if !limits.network {
			argv.extend(["--network".into(), "none".into()]);
		}
		argv.extend(self.gpu_flags(&spec.gpu_uuids));
		for (key, value) in &spec.manifest.env {
			argv.push("--env".into());
			argv.push(format!("{key}={value}"));
		}
		argv.push("--env".into());
		argv.push(format!("EMBER_LEASE={}", spec.lease));
		argv.push(image.clone());
		argv.extend(args.iter().cloned());
		Ok((argv, Vec::new()))
	}

	fn stop_command(&self, lease: u64, grace: Duration) -> Option<Vec<String>> {
		// `stop` ends every process in the container's cgroup (SIGKILL after the grace), and
		// `--rm` then removes it.
		Some(vec![
			self.engine.program().into(),
			"stop".into(),
			"--time".into(),
			grace.as_secs().to_string(),
			container_name(lease),
		])
	}
}

/// Gives `dir` and everything under it to `uid:gid`, never following a symlink.
fn chown_tree(dir: &Path, uid: u32, gid: u32) -> std::io::Result<()> {
	std::os::unix::fs::lchown(dir, Some(uid), Some(gid))?;
	for entry in std::fs::read_dir(dir)? {
		let entry = entry?;
		if entry.file_type()?.is_dir() {
			chown_tree(&entry.path(), uid, gid)?;
		} else {
			std::os::unix::fs::lchown(entry.path(), Some(uid), Some(gid))?;
		}
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn manifest(extra: serde_json::Value) -> Manifest {
		let mut value = serde_json::json!({
			"version": 1,
			"name": "t",
			"workload": {"kind": "container", "image": "localhost/ember-test:1", "args": ["--privileged", "-v", "/:/host"]},
			"gpus": {"count": 2},
		});
		if let (Some(target), Some(extra)) = (value.as_object_mut(), extra.as_object()) {
			target.extend(extra.clone());
		}
		Manifest::from_json(&serde_json::to_vec(&value).expect("json")).expect("valid")
	}

	fn sandbox() -> SandboxConfig {
		SandboxConfig {
			memory_mib_per_gpu: 1000,
			cpu_millis_per_gpu: 1500,
			pids: 64,
			shm_mib_per_gpu: 100,
			tmp_mib: 50,
			disk_mib: 500,
			..SandboxConfig::default()
		}
	}

	#[test]
	fn limits_default_to_the_maxima_and_scale_with_gpus() {
		let limits = Limits::of(&manifest(serde_json::json!({})), &sandbox(), 2).expect("fits");
		assert_eq!(
			limits,
			Limits {
				memory_mib: 2000,
				cpu_millis: 3000,
				pids: 64,
				shm_mib: 200,
				tmp_mib: 50,
				disk_mib: 500,
				network: false
			}
		);
		let asked = manifest(serde_json::json!({"resources": {"memoryMib": 512, "pids": 8}}));
		let limits = Limits::of(&asked, &sandbox(), 2).expect("fits");
		assert_eq!((limits.memory_mib, limits.pids, limits.cpu_millis), (512, 8, 3000));
		// The lease's GPUs count, not the manifest's claim.
		let one = Limits::of(&manifest(serde_json::json!({})), &sandbox(), 1).expect("fits");
		assert_eq!(one.memory_mib, 1000);
	}

	#[test]
	fn asking_more_than_the_provider_allows_is_refused_with_the_field() {
		let error = Limits::of(
			&manifest(serde_json::json!({"resources": {"memoryMib": 2001}})),
			&sandbox(),
			2,
		)
		.expect_err("too much");
		assert!(error.contains("resources.memoryMib asks for 2001 MiB"), "{error}");
		assert!(error.contains("at most 2000 MiB"), "{error}");
		let error = Limits::of(&manifest(serde_json::json!({"network": true})), &sandbox(), 2)
			.expect_err("no network here");
		assert!(error.contains("network"), "{error}");
		let open = SandboxConfig { allow_network: true, ..sandbox() };
		assert!(
			Limits::of(&manifest(serde_json::json!({"network": true})), &open, 2)
				.expect("allowed")
				.network
		);
		// A manifest claiming more GPUs than its lease holds (to scale its limits) is refused.
		let executor = ContainerExecutor::new(Engine::Podman, sandbox());
		let claim = executor.admit(&manifest(serde_json::json!({})), 1).expect_err("2 claimed");
		assert!(claim.contains("gpus.count"), "{claim}");
		assert!(executor.admit(&manifest(serde_json::json!({})), 2).is_ok());
	}

	fn argv(engine: Engine, as_root: bool, manifest: Manifest) -> Vec<String> {
		let dir = tempfile::tempdir().expect("dir");
		let executor =
			ContainerExecutor { engine, sandbox: sandbox(), as_root, simulated_gpus: false };
		let spec = RunSpec {
			lease: 9,
			manifest,
			gpu_uuids: vec!["GPU-a".into(), "GPU-b".into()],
			lease_dir: dir.path().to_path_buf(),
			log: super::super::LogBook::open(dir.path()).expect("log"),
			max_runtime: None,
			disk_limit: None,
		};
		executor.command(&spec).expect("a command").0
	}

	#[test]
	fn the_sandbox_is_on_and_manifest_arguments_follow_the_image() {
		let argv = argv(
			Engine::Podman,
			true,
			manifest(serde_json::json!({"env": {"MODE": "--privileged"}})),
		);
		let image_at = argv.iter().position(|a| a == "localhost/ember-test:1").expect("image");
		assert_eq!(&argv[image_at + 1..], ["--privileged", "-v", "/:/host"]);
		let engine_flags = &argv[..image_at];
		for flag in [
			"--cap-drop",
			"--read-only",
			"--read-only-tmpfs=false",
			"--memory",
			"--memory-swap",
			"--pids-limit",
			"--shm-size",
			"--tmpfs",
			"--cpus",
		] {
			assert!(engine_flags.iter().any(|a| a == flag), "{flag} missing: {argv:?}");
		}
		let after = |flag: &str| {
			let at = engine_flags.iter().position(|a| a == flag).expect(flag);
			engine_flags[at + 1].clone()
		};
		assert_eq!(after("--cap-drop"), "ALL");
		assert_eq!(after("--security-opt"), "no-new-privileges");
		assert_eq!(after("--user"), "65534:65534");
		assert_eq!(after("--memory"), "2000m");
		assert_eq!(after("--memory-swap"), "2000m");
		assert_eq!(after("--cpus"), cpus(3000.min(host_cpu_millis())));
		assert_eq!(after("--pids-limit"), "64");
		assert_eq!(after("--shm-size"), "200m");
		assert_eq!(after("--network"), "none");
		assert_eq!(after("--tmpfs"), "/tmp:rw,nosuid,nodev,size=50m");
		// A manifest value that looks like a flag is only ever a flag's argument.
		assert!(engine_flags.iter().any(|a| a == "MODE=--privileged"));
		assert!(!engine_flags.iter().any(|a| a == "--privileged"));
		let devices: Vec<&String> =
			engine_flags.iter().filter(|a| a.starts_with("nvidia.com/gpu=")).collect();
		assert_eq!(devices, ["nvidia.com/gpu=GPU-a", "nvidia.com/gpu=GPU-b"]);
		// Exactly one host path is mounted: the lease's work directory.
		let volumes: Vec<&String> =
			engine_flags.iter().filter(|a| a.ends_with(":/work:rw")).collect();
		assert_eq!(volumes.len(), 1);
		assert_eq!(engine_flags.iter().filter(|a| *a == "--volume").count(), 1);
	}

	#[test]
	fn docker_gets_the_gpus_by_uuid_and_rootless_podman_maps_its_own_user() {
		let docker = argv(Engine::Docker, true, manifest(serde_json::json!({})));
		let at = docker.iter().position(|a| a == "--gpus").expect("--gpus");
		assert_eq!(docker[at + 1], "\"device=GPU-a,GPU-b\"");
		assert!(!docker.iter().any(|a| a.starts_with("--read-only-tmpfs")));
		let rootless = argv(Engine::Podman, false, manifest(serde_json::json!({})));
		assert!(rootless.iter().any(|a| a == "--userns=keep-id"));
		assert!(!rootless.iter().any(|a| a == "--user"));
	}

	#[test]
	fn a_network_is_given_only_when_asked_and_allowed() {
		let dir = tempfile::tempdir().expect("dir");
		let executor = ContainerExecutor {
			engine: Engine::Podman,
			sandbox: SandboxConfig { allow_network: true, ..sandbox() },
			as_root: true,
			simulated_gpus: false,
		};
		let spec = |manifest| RunSpec {
			lease: 9,
			manifest,
			gpu_uuids: Vec::new(),
			lease_dir: dir.path().to_path_buf(),
			log: super::super::LogBook::open(dir.path()).expect("log"),
			max_runtime: None,
			disk_limit: None,
		};
		let with = executor
			.command(&spec(manifest(serde_json::json!({"network": true}))))
			.expect("ok")
			.0;
		assert!(!with.iter().any(|a| a == "--network"));
		let without = executor.command(&spec(manifest(serde_json::json!({})))).expect("ok").0;
		assert!(without.windows(2).any(|w| w[0] == "--network" && w[1] == "none"));
	}

	#[test]
	fn simulated_gpus_are_named_but_no_device_is_passed() {
		let dir = tempfile::tempdir().expect("dir");
		let executor = ContainerExecutor::new(Engine::Podman, sandbox()).with_simulated_gpus(true);
		let spec = RunSpec {
			lease: 9,
			manifest: manifest(serde_json::json!({})),
			gpu_uuids: vec!["GPU-a".into()],
			lease_dir: dir.path().to_path_buf(),
			log: super::super::LogBook::open(dir.path()).expect("log"),
			max_runtime: None,
			disk_limit: None,
		};
		let argv = executor.command(&spec).expect("ok").0;
		assert!(!argv.iter().any(|a| a == "--device" || a == "--gpus"), "{argv:?}");
		assert!(argv.iter().any(|a| a == "CUDA_VISIBLE_DEVICES=GPU-a"));
		assert!(argv.iter().any(|a| a == "NVIDIA_VISIBLE_DEVICES=GPU-a"));
	}

	#[test]
	fn a_data_dir_that_would_split_the_mount_is_refused() {
		assert!(mount_source(Path::new("/var/lib/ember/leases/1/work")).is_ok());
		assert!(mount_source(Path::new("/var/lib/a:b/work")).is_err());
		assert!(mount_source(Path::new("/var/lib/a,ro/work")).is_err());
		assert!(mount_source(Path::new("relative/work")).is_err());
	}

	#[test]
	fn cpu_shares_print_as_decimals() {
		assert_eq!(cpus(2500), "2.500");
		assert_eq!(cpus(8000), "8.000");
		assert_eq!(cpus(1), "0.001");
	}
}
