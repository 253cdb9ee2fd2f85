//! Running a tenant's workload on exactly its leased GPUs, and nothing else.
//!
//! Each lease has a directory `<data_dir>/leases/<id>/` holding the verified `manifest.json`,
//! the log (`log.jsonl`), the workload's raw `stdout`/`stderr`, its `pid` and, once it ended,
//! its `exit-code`; the workload itself runs in `work/` with its inputs and outputs.
//!
//! The workload runs in its own process group with its output going to files, not pipes, so
//! that it keeps running when the agent restarts: the new agent adopts it by its pid (checked
//! against the lease directory), tails its output on, and learns its exit code from the file
//! its wrapper shell writes.
//!
//! An [`Executor`] decides the command line: the container executor (the default, and the only
//! one outside development chains) runs the manifest's image with podman or docker in a
//! hardened sandbox with only the leased GPUs; the process executor runs a manifest's program
//! directly, as the agent's own user, with `CUDA_VISIBLE_DEVICES` set to the leased GPUs'
//! UUIDs. Either way the workload is stopped when its directory and raw output outgrow the
//! lease's disk limit.

mod container;
pub mod inputs;
mod logbook;
mod outputs;
mod process;

use std::{
	path::{Path, PathBuf},
	time::Duration,
};

pub use container::{ContainerExecutor, Engine, Limits};
use ember_client::manifest::{InputSource, Manifest};
pub use ember_client::p2p::WorkloadState;
pub use logbook::{LogBook, MAX_LINE_BYTES, MAX_LOG_BYTES};
pub use outputs::{cleanup, read_output_chunk};
pub use process::{adopt, kill_orphan, orphan_alive, start, stop_leftovers, RunningWorkload};

use crate::config::{ExecutorConfig, ExecutorKind};

/// Why preparing, starting or stopping a workload failed.
#[derive(Debug, thiserror::Error)]
pub enum ExecutionError {
	/// A file or process operation failed.
	#[error("{0}")]
	Io(#[from] std::io::Error),
	/// The manifest asks for something this executor does not run.
	#[error("{0}")]
	Unsupported(String),
	/// An input could not be fetched or written.
	#[error("input {path}: {problem}")]
	Input {
		/// The input's path.
		path: String,
		/// What went wrong.
		problem: String,
	},
	/// The executor cannot run here.
	#[error("{0}")]
	Unavailable(String),
}

/// What to run for one lease.
#[derive(Clone)]
pub struct RunSpec {
	/// The lease.
	pub lease: u64,
	/// Its verified manifest.
	pub manifest: Manifest,
	/// The leased GPUs' UUIDs: the only ones the workload may see.
	pub gpu_uuids: Vec<String>,
	/// The lease's directory.
	pub lease_dir: PathBuf,
	/// The lease's log.
	pub log: LogBook,
	/// The workload is stopped after this long.
	pub max_runtime: Option<Duration>,
	/// The workload is stopped when its work directory and raw output take more bytes.
	pub disk_limit: Option<u64>,
}

/// A command line (program first) and the environment it runs with on the host, on top of the
/// agent's own.
pub type Launch = (Vec<String>, Vec<(String, String)>);

/// How workloads are launched.
pub trait Executor: Send + Sync {
	/// Its name, for logs.
	fn name(&self) -> &'static str;
	/// Whether this executor runs `manifest` on a lease of `leased_gpus` GPUs; the error tells
	/// the tenant why not.
	fn admit(&self, manifest: &Manifest, leased_gpus: usize) -> Result<(), String>;
	/// The most disk `manifest`'s work directory and raw output may take, bytes.
	fn disk_limit_bytes(&self, _manifest: &Manifest) -> Option<u64> {
		None
	}
	/// Makes the prepared work directory usable by the workload (its owner, for a sandbox
	/// user).
	fn prepare_work_dir(&self, _work: &Path) -> Result<(), ExecutionError> {
		Ok(())
	}
	/// The command line (program first) and extra environment that run `spec`'s workload.
	fn command(&self, spec: &RunSpec) -> Result<Launch, ExecutionError>;
	/// A command that stops the workload more gracefully than signalling its process group
	/// (containers run outside it), if any.
	fn stop_command(&self, lease: u64, grace: Duration) -> Option<Vec<String>>;
}

/// Runs a manifest's program directly on the host.
pub struct ProcessExecutor;

impl Executor for ProcessExecutor {
	fn name(&self) -> &'static str {
		"process"
	}

	fn admit(&self, manifest: &Manifest, leased_gpus: usize) -> Result<(), String> {
		match manifest.workload {
			ember_client::manifest::Workload::Command { .. } => {
				leased_gpu_count_matches(manifest, leased_gpus)
			},
			ember_client::manifest::Workload::Container { .. } => {
				Err("this provider runs programs, not container images (its executor is `process`)"
					.into())
			},
		}
	}

	fn disk_limit_bytes(&self, manifest: &Manifest) -> Option<u64> {
		manifest.resources.disk_mib.map(|mib| mib.saturating_mul(1 << 20))
	}

	fn command(&self, spec: &RunSpec) -> Result<Launch, ExecutionError> {
		match &spec.manifest.workload {
			ember_client::manifest::Workload::Command { program, args } => {
				let mut argv = vec![program.clone()];
				argv.extend(args.iter().cloned());
				let visible = spec.gpu_uuids.join(",");
				let mut env: Vec<(String, String)> =
					spec.manifest.env.clone().into_iter().collect();
				env.extend([
					// CUDA takes GPU UUIDs here: the workload sees the leased devices and no others.
					("CUDA_VISIBLE_DEVICES".to_string(), visible.clone()),
					("NVIDIA_VISIBLE_DEVICES".to_string(), visible),
				]);
				Ok((argv, env))
			},
			ember_client::manifest::Workload::Container { .. } => Err(ExecutionError::Unsupported(
				"this provider runs programs, not container images (its executor is `process`)"
					.into(),
			)),
		}
	}

	fn stop_command(&self, _lease: u64, _grace: Duration) -> Option<Vec<String>> {
		None
	}
}

/// The executor the config names; `simulated_gpus` when the inventory is simulated (then no
/// GPU device is passed to a container).
pub fn executor_for(
	config: &ExecutorConfig,
	simulated_gpus: bool,
) -> Result<std::sync::Arc<dyn Executor>, ExecutionError> {
	Ok(match config.kind {
		ExecutorKind::Process => std::sync::Arc::new(ProcessExecutor),
		ExecutorKind::Container => std::sync::Arc::new(
			ContainerExecutor::detect(config.container_runtime.as_deref(), config.sandbox.clone())?
				.with_simulated_gpus(simulated_gpus),
		),
	})
}

/// Removes the agent's own secrets from a child's environment: the engine, curl and the
/// workload never inherit the keys given to the agent through the environment.
pub(crate) fn without_secrets(
	command: &mut tokio::process::Command,
) -> &mut tokio::process::Command {
	command
		.env_remove(crate::config::AGENT_KEY_ENV)
		.env_remove(crate::config::OWNER_KEY_ENV)
}

/// The manifest's `gpus.count` must be the lease's: limits that scale with GPUs follow the
/// lease, and a workload that expects other GPUs than it got would fail anyway.
pub(crate) fn leased_gpu_count_matches(manifest: &Manifest, leased: usize) -> Result<(), String> {
	let asked = manifest.gpus.count as usize;
	if asked == leased {
		Ok(())
	} else {
		Err(format!("the manifest's gpus.count is {asked}; the lease holds {leased} GPU(s)"))
	}
}

/// Most directory entries counted when measuring a workload's disk use; a workload that makes
/// more is measured as over any limit, as counting them all would cost the agent too much.
const MAX_COUNTED_ENTRIES: usize = 200_000;

/// Bytes a workload takes on disk: its work directory (symlinks not followed, allocated
/// blocks, so sparse files count what they use) and its raw `stdout` and `stderr`.
pub(crate) fn disk_used(lease_dir: &Path) -> u64 {
	use std::os::unix::fs::MetadataExt;
	let allocated = |meta: &std::fs::Metadata| meta.blocks().saturating_mul(512);
	let mut used: u64 = ["stdout", "stderr"]
		.iter()
		.filter_map(|name| std::fs::symlink_metadata(lease_dir.join(name)).ok())
		.map(|meta| allocated(&meta))
		.sum();
	let mut pending = vec![lease_dir.join("work")];
	let mut counted = 0usize;
	while let Some(dir) = pending.pop() {
		let Ok(entries) = std::fs::read_dir(&dir) else { continue };
		for entry in entries.filter_map(Result::ok) {
			counted += 1;
			if counted > MAX_COUNTED_ENTRIES {
				return u64::MAX;
			}
			let Ok(meta) = entry.metadata() else { continue };
			used = used.saturating_add(allocated(&meta));
			if meta.is_dir() {
				pending.push(entry.path());
			}
		}
	}
	used
}

/// A path inside `base` for a manifest's relative `path`; `None` if it would leave `base`.
pub(crate) fn inside(base: &Path, path: &str) -> Option<PathBuf> {
	let relative = Path::new(path);
	let escapes = relative.components().any(|c| !matches!(c, std::path::Component::Normal(_)));
	(!escapes && !path.is_empty()).then(|| base.join(relative))
}

/// Disk an input download may use when the workload has no disk limit (development chains'
/// process executor): 10 GiB.
const UNLIMITED_INPUT_BYTES: u64 = 10 << 30;

/// Creates the workload's directory and writes or downloads its inputs, which count against
/// the workload's `disk_limit`: a download stops when it would pass what is left of it.
pub async fn prepare(
	lease_dir: &Path,
	manifest: &Manifest,
	log: &LogBook,
	private_inputs: bool,
	disk_limit: Option<u64>,
) -> Result<(), ExecutionError> {
	let work = lease_dir.join("work");
	tokio::fs::create_dir_all(&work).await?;
	let used = || {
		let lease_dir = lease_dir.to_path_buf();
		async move {
			tokio::task::spawn_blocking(move || disk_used(&lease_dir))
				.await
				.unwrap_or(u64::MAX)
		}
	};
	for input in &manifest.inputs {
		let target = inside(&work, &input.path).ok_or_else(|| ExecutionError::Input {
			path: input.path.clone(),
			problem: "must be a relative path inside the workload's directory".into(),
		})?;
		if let Some(parent) = target.parent() {
			tokio::fs::create_dir_all(parent).await?;
		}
		match &input.source {
			InputSource::Inline(text) => tokio::fs::write(&target, text).await?,
			InputSource::Url(url) => {
				// A retry downloads afresh: the last attempt's copy must not count against it.
				if tokio::fs::symlink_metadata(&target).await.is_ok_and(|meta| meta.is_file()) {
					tokio::fs::remove_file(&target).await?;
				}
				let budget = match disk_limit {
					Some(limit) => limit.saturating_sub(used().await),
					None => UNLIMITED_INPUT_BYTES,
				};
				log.agent(&format!("downloading input {} from {url}", input.path));
				download(url, &target, private_inputs, budget).await.map_err(|problem| {
					ExecutionError::Input { path: input.path.clone(), problem }
				})?;
			},
		}
	}
	if let Some(limit) = disk_limit {
		let used = used().await;
		if used > limit {
			return Err(ExecutionError::Input {
				path: "(all)".into(),
				problem: format!(
					"the inputs take {} MiB, more than the workload's {} MiB of disk",
					used.div_ceil(1 << 20),
					limit.div_ceil(1 << 20)
				),
			});
		}
	}
	Ok(())
}

/// Fetches `url` into `target` with curl, at most `budget` bytes and 10 minutes, from a public
/// address only (see [`inputs`]) unless the provider allows `private` ones: curl connects to
/// the address checked here and follows no redirect. The agent writes the file itself, so a
/// server that sends no length (or lies about it) is cut off at the budget too.
async fn download(url: &str, target: &Path, private: bool, budget: u64) -> Result<(), String> {
	use tokio::io::{AsyncReadExt, AsyncWriteExt};
	let (host, port, address) = inputs::checked_address(url, private).await?;
	let pinned = match address {
		std::net::IpAddr::V4(v4) => format!("{host}:{port}:{v4}"),
		std::net::IpAddr::V6(v6) => format!("{host}:{port}:[{v6}]"),
	};
	let mut child = without_secrets(&mut tokio::process::Command::new("curl"))
		.args(["--fail", "--silent", "--show-error", "--proto", "=http,https"])
		.args(["--location", "--max-redirs", "0", "--noproxy", "*", "--resolve", &pinned])
		.args(["--max-time", "600", "--max-filesize", &budget.max(1).to_string()])
		.args(["--output", "-"])
		.arg(url)
		.stdin(std::process::Stdio::null())
		.stdout(std::process::Stdio::piped())
		.stderr(std::process::Stdio::piped())
		.kill_on_drop(true)
		.spawn()
		.map_err(|e| format!("cannot run curl (needed for URL inputs): {e}"))?;
	let mut body = child.stdout.take().ok_or("curl gave no output pipe")?;
	let mut file = tokio::fs::File::create(target)
		.await
		.map_err(|e| format!("cannot create {}: {e}", target.display()))?;
	let too_large =
		|| format!("is larger than the {} MiB left of the workload's disk", budget / (1 << 20));
	let mut chunk = vec![0u8; 64 * 1024];
	let mut written = 0u64;
	let copied: Result<(), String> = async {
		loop {
			let n = body.read(&mut chunk).await.map_err(|e| format!("reading from curl: {e}"))?;
			if n == 0 {
				return file.flush().await.map_err(|e| format!("writing the input: {e}"));
			}
			written = written.saturating_add(n as u64);
			if written > budget {
				return Err(too_large());
			}
			file.write_all(&chunk[..n])
				.await
				.map_err(|e| format!("writing the input: {e}"))?;
		}
	}
	.await;
	if let Err(problem) = copied {
		let _ = child.kill().await;
		let _ = tokio::fs::remove_file(target).await;
		return Err(problem);
	}
	let output = child.wait_with_output().await.map_err(|e| format!("waiting for curl: {e}"))?;
	/// curl's exit code when the announced length passes `--max-filesize`.
	const CURL_FILE_TOO_LARGE: i32 = 63;
	match output.status.code() {
		Some(0) => Ok(()),
		code => {
			let _ = tokio::fs::remove_file(target).await;
			Err(if code == Some(CURL_FILE_TOO_LARGE) {
				too_large()
			} else {
				String::from_utf8_lossy(&output.stderr).trim().to_string()
			})
		},
	}
}

#[cfg(test)]
mod tests;
