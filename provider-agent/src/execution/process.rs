//! Starting, watching, adopting and stopping workload processes.

use std::{
	io::{Read, Seek, SeekFrom},
	path::{Path, PathBuf},
	process::Stdio,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use ember_client::p2p::LogStream;
use tokio::sync::watch;

use super::{ExecutionError, Executor, LogBook, RunSpec, WorkloadState};

/// How often a workload's output files and liveness are looked at.
const POLL: Duration = Duration::from_millis(250);

/// Runs `"$@"`, then records its exit code where a restarted agent can read it.
const WRAPPER: &str = r#""$@"; code=$?; echo "$code" > "$EMBER_EXIT_FILE"; exit "$code""#;

/// A workload started by this agent, or adopted after a restart.
pub struct RunningWorkload {
	pid: Option<u32>,
	lease: u64,
	state: Arc<Mutex<WorkloadState>>,
	stop_command: Option<Vec<String>>,
	log: LogBook,
	ended: watch::Receiver<bool>,
}

fn set_state(state: &Mutex<WorkloadState>, new: WorkloadState) {
	if let Ok(mut current) = state.lock() {
		*current = new;
	}
}

impl RunningWorkload {
	/// The process id of the workload's wrapper (its process group leader).
	pub fn pid(&self) -> Option<u32> {
		self.pid
	}

	/// Where the workload is now.
	pub fn state(&self) -> WorkloadState {
		self.state
			.lock()
			.map(|s| s.clone())
			.unwrap_or(WorkloadState::Failed { reason: "state lock".into() })
	}

	/// Stops the workload: the executor's stop command (if any), SIGTERM to its process group,
	/// and SIGKILL after `grace`. Returns once it is gone. The stop command runs even when the
	/// workload's own process has ended: a container can outlive the engine client that
	/// started it (an engine restart, say), and nothing of the tenant's may run past this.
	pub async fn stop(self, reason: &str, grace: Duration) {
		let mut ended = self.ended.clone();
		let running = !*ended.borrow();
		if running {
			self.log.agent(&format!("stopping the workload: {reason}"));
			set_state(&self.state, WorkloadState::Stopped { reason: reason.to_string() });
		}
		if let Some(command) = &self.stop_command {
			run_quietly(command, grace + Duration::from_secs(5)).await;
		}
		if running {
			if let Some(pid) = self.pid {
				terminate(pid, grace, &mut ended).await;
			}
		}
		tracing::info!(lease = self.lease, reason, "workload stopped");
	}
}

/// Stops whatever of lease `lease` may still run without a handle on it (a record lost in a
/// crash, a wrapper that died before its container): the executor's stop command, by name.
pub async fn stop_leftovers(executor: &dyn Executor, lease: u64, grace: Duration) {
	if let Some(command) = executor.stop_command(lease, grace) {
		run_quietly(&command, grace + Duration::from_secs(5)).await;
	}
}

async fn run_quietly(command: &[String], limit: Duration) {
	let Some((program, args)) = command.split_first() else { return };
	let run = super::without_secrets(&mut tokio::process::Command::new(program))
		.args(args)
		.stdin(Stdio::null())
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.kill_on_drop(true)
		.status();
	let _ = tokio::time::timeout(limit, run).await;
}

/// Sends `signal` to the process group led by `pid`.
pub(super) fn signal_group(pid: u32, signal: libc::c_int) -> bool {
	let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
	if pid <= 1 {
		return false;
	}
	// SAFETY: kill(2) takes plain integers and touches no memory of ours.
	unsafe { libc::kill(-pid, signal) == 0 }
}

/// Whether a process with `pid` exists (a zombie counts; only our own children become ours).
fn alive(pid: u32) -> bool {
	let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
	// SAFETY: as above; signal 0 only checks that the process exists.
	pid > 1 && unsafe { libc::kill(pid, 0) == 0 }
}

async fn terminate(pid: u32, grace: Duration, ended: &mut watch::Receiver<bool>) {
	signal_group(pid, libc::SIGTERM);
	let gone = tokio::time::timeout(grace, ended.wait_for(|e| *e)).await.is_ok();
	if !gone {
		signal_group(pid, libc::SIGKILL);
		let _ = tokio::time::timeout(Duration::from_secs(5), ended.wait_for(|e| *e)).await;
	}
}

/// Starts `spec`'s workload with `executor` and watches it.
pub async fn start(
	executor: &dyn Executor,
	spec: RunSpec,
	stop_grace: Duration,
) -> Result<RunningWorkload, ExecutionError> {
	let (argv, extra_env) = executor.command(&spec)?;
	let dir = &spec.lease_dir;
	let work = dir.join("work");
	tokio::fs::create_dir_all(&work).await?;
	executor.prepare_work_dir(&work)?;
	let _ = tokio::fs::remove_file(dir.join("exit-code")).await;
	let stdout = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("stdout"))?;
	let stderr = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("stderr"))?;
	let mut command = tokio::process::Command::new("/bin/sh");
	super::without_secrets(&mut command)
		.arg("-c")
		.arg(WRAPPER)
		.arg("ember-workload")
		.args(&argv)
		.current_dir(&work)
		// Only what the executor says: a container executor passes the manifest's variables
		// into the container, never to the engine's own process on the host (where a
		// tenant's LD_PRELOAD or PATH would run code as the agent).
		.envs(extra_env)
		.env("EMBER_LEASE", spec.lease.to_string())
		.env("EMBER_EXIT_FILE", dir.join("exit-code"))
		.stdin(Stdio::null())
		.stdout(stdout)
		.stderr(stderr)
		// Its own group: signals reach the whole tree, and the agent's own signals do not.
		.process_group(0)
		.kill_on_drop(false);
	let child = command.spawn()?;
	let pid = child.id();
	if let Some(pid) = pid {
		tokio::fs::write(dir.join("pid"), pid.to_string()).await?;
	}
	spec.log.agent(&format!(
		"workload started: {} (pid {}) on GPU(s) {}",
		argv.join(" "),
		pid.map(|p| p.to_string()).unwrap_or_default(),
		spec.gpu_uuids.join(",")
	));
	let state = Arc::new(Mutex::new(WorkloadState::Running));
	let (ended_tx, ended) = watch::channel(false);
	// A limit further than the clock can count (a manifest may ask for u64::MAX seconds) is no
	// limit: the lease's end stops the workload.
	let deadline = spec.max_runtime.and_then(|limit| Instant::now().checked_add(limit));
	tokio::spawn(supervise(
		Exit::Child(child),
		dir.clone(),
		spec.log.clone(),
		state.clone(),
		ended_tx,
		Limits {
			deadline,
			disk: spec.disk_limit,
			grace: stop_grace,
			stop_command: executor.stop_command(spec.lease, stop_grace),
		},
	));
	Ok(RunningWorkload {
		pid,
		lease: spec.lease,
		state,
		stop_command: executor.stop_command(spec.lease, stop_grace),
		log: spec.log,
		ended,
	})
}

/// Takes over a workload an earlier agent run started: watches it if it still runs, or
/// reports how it ended.
pub fn adopt(
	executor: &dyn Executor,
	lease: u64,
	dir: &Path,
	log: LogBook,
	stop_grace: Duration,
) -> RunningWorkload {
	let state = Arc::new(Mutex::new(WorkloadState::Running));
	let (ended_tx, ended) = watch::channel(false);
	let pid = orphan_alive(dir);
	match pid {
		Some(pid) => {
			log.agent(&format!("the agent restarted; the workload (pid {pid}) is still running"));
			let disk = super::outputs::stored_manifest(dir)
				.and_then(|manifest| executor.disk_limit_bytes(&manifest));
			tokio::spawn(supervise(
				Exit::Orphan(pid),
				dir.to_path_buf(),
				log.clone(),
				state.clone(),
				ended_tx,
				Limits {
					deadline: None,
					disk,
					grace: stop_grace,
					stop_command: executor.stop_command(lease, stop_grace),
				},
			));
		},
		None => {
			// It ended while the agent was down: take in the output it left, then its code.
			let mut tail = Tail::new(dir, log.clone());
			tail.poll(true);
			set_state(&state, ended_state(dir));
			let _ = ended_tx.send(true);
		},
	}
	RunningWorkload {
		pid,
		lease,
		state,
		stop_command: executor.stop_command(lease, stop_grace),
		log,
		ended,
	}
}

fn ended_state(dir: &Path) -> WorkloadState {
	match std::fs::read_to_string(dir.join("exit-code"))
		.ok()
		.and_then(|t| t.trim().parse().ok())
	{
		Some(code) => WorkloadState::Exited { code },
		None => WorkloadState::Stopped { reason: "the workload was killed".into() },
	}
}

/// The pid recorded in `dir` if that process still runs there (and not a reused pid).
pub fn orphan_alive(dir: &Path) -> Option<u32> {
	let pid: u32 = std::fs::read_to_string(dir.join("pid")).ok()?.trim().parse().ok()?;
	if !alive(pid) {
		return None;
	}
	// The wrapper runs in the lease's work directory; a reused pid would not.
	let cwd = std::fs::read_link(format!("/proc/{pid}/cwd")).ok()?;
	let work = dir.join("work").canonicalize().ok()?;
	(cwd == work).then_some(pid)
}

/// Kills an orphaned workload's process group at once.
pub fn kill_orphan(pid: u32) {
	signal_group(pid, libc::SIGKILL);
}

enum Exit {
	Child(tokio::process::Child),
	Orphan(u32),
}

impl Exit {
	/// The exit code once the process is gone (`None` while it runs; `Some(None)` when killed).
	fn poll(&mut self, dir: &Path) -> Option<Option<i32>> {
		match self {
			Exit::Child(child) => match child.try_wait() {
				Ok(Some(status)) => Some(status.code()),
				Ok(None) => None,
				Err(_) => Some(None),
			},
			Exit::Orphan(pid) => (!alive(*pid)).then(|| {
				std::fs::read_to_string(dir.join("exit-code"))
					.ok()
					.and_then(|t| t.trim().parse().ok())
			}),
		}
	}
}

/// When a workload is stopped on the agent's own account, and how.
struct Limits {
	/// Its max runtime ends here.
	deadline: Option<Instant>,
	/// The most bytes its work directory and raw output may take.
	disk: Option<u64>,
	/// Between the stop and SIGKILL.
	grace: Duration,
	/// The executor's own stop command.
	stop_command: Option<Vec<String>>,
}

/// How many polls between two measurements of a workload's disk use (about 5 s).
const DISK_CHECK_POLLS: u32 = 20;

async fn supervise(
	mut exit: Exit,
	dir: PathBuf,
	log: LogBook,
	state: Arc<Mutex<WorkloadState>>,
	ended: watch::Sender<bool>,
	limits: Limits,
) {
	let mut tail = Tail::new(&dir, log.clone());
	let mut killed_at: Option<Instant> = None;
	let mut polls = 0u32;
	loop {
		tail.poll(false);
		if let Some(code) = exit.poll(&dir) {
			tail.poll(true);
			let stopped =
				matches!(state.lock().map(|s| s.clone()), Ok(WorkloadState::Stopped { .. }));
			match code {
				Some(code) if !stopped => {
					log.agent(&format!("the workload exited with code {code}"));
					set_state(&state, WorkloadState::Exited { code });
				},
				_ if stopped => log.agent("the workload is stopped"),
				_ => {
					log.agent("the workload was killed by a signal");
					set_state(
						&state,
						WorkloadState::Stopped { reason: "killed by a signal".into() },
					);
				},
			}
			let _ = ended.send(true);
			return;
		}
		polls = polls.wrapping_add(1);
		let over_limit = if killed_at.is_some() {
			None
		} else if limits.deadline.is_some_and(|deadline| Instant::now() >= deadline) {
			Some("its max runtime passed".to_string())
		} else if let (Some(limit), true) = (limits.disk, polls.is_multiple_of(DISK_CHECK_POLLS)) {
			// A walk over a workload's files is blocking work: off the async workers.
			let lease_dir = dir.clone();
			let used = tokio::task::spawn_blocking(move || super::disk_used(&lease_dir))
				.await
				.unwrap_or(u64::MAX);
			(used > limit)
				.then(|| format!("it used more than its {} MiB of disk", limit.div_ceil(1 << 20)))
		} else {
			None
		};
		if let Some(reason) = over_limit {
			log.agent(&format!("stopping the workload: {reason}"));
			set_state(&state, WorkloadState::Stopped { reason });
			if let Some(command) = &limits.stop_command {
				run_quietly(command, limits.grace + Duration::from_secs(5)).await;
			}
			if let Some(pid) = exit.pid() {
				signal_group(pid, libc::SIGTERM);
			}
			killed_at = Some(Instant::now());
		}
		if let Some(at) = killed_at {
			if at.elapsed() > limits.grace {
				if let Some(pid) = exit.pid() {
					signal_group(pid, libc::SIGKILL);
				}
			}
		}
		tokio::time::sleep(POLL).await;
	}
}

impl Exit {
	fn pid(&self) -> Option<u32> {
		match self {
			Exit::Child(child) => child.id(),
			Exit::Orphan(pid) => Some(*pid),
		}
	}
}

/// Follows the workload's `stdout` and `stderr` files into the log, remembering how far it
/// read in `tail-offsets` so that a restarted agent neither repeats nor skips lines.
struct Tail {
	dir: PathBuf,
	log: LogBook,
	streams: [(LogStream, &'static str, u64, Vec<u8>); 2],
}

impl Tail {
	fn new(dir: &Path, log: LogBook) -> Self {
		let saved = std::fs::read_to_string(dir.join("tail-offsets")).unwrap_or_default();
		let mut offsets = saved.split_whitespace().map(|n| n.parse::<u64>().unwrap_or_default());
		let out = offsets.next().unwrap_or_default();
		let err = offsets.next().unwrap_or_default();
		Self {
			dir: dir.to_path_buf(),
			log,
			streams: [
				(LogStream::Stdout, "stdout", out, Vec::new()),
				(LogStream::Stderr, "stderr", err, Vec::new()),
			],
		}
	}

	/// Takes in whole new lines; with `flush`, a last line without its break too.
	fn poll(&mut self, flush: bool) {
		let mut moved = false;
		for (stream, name, offset, partial) in &mut self.streams {
			let Ok(mut file) = std::fs::File::open(self.dir.join(*name)) else { continue };
			if file.seek(SeekFrom::Start(*offset)).is_err() {
				continue;
			}
			let mut chunk = Vec::new();
			// Bounded per poll, so one chatty workload cannot stall the agent.
			let read =
				file.by_ref().take(4 * 1024 * 1024).read_to_end(&mut chunk).unwrap_or_default();
			if read == 0 && (!flush || partial.is_empty()) {
				continue;
			}
			*offset += read as u64;
			moved = true;
			partial.extend_from_slice(&chunk);
			while let Some(end) = partial.iter().position(|b| *b == b'\n') {
				let line: Vec<u8> = partial.drain(..=end).collect();
				let text = String::from_utf8_lossy(&line[..line.len() - 1]);
				self.log.push(*stream, text.trim_end_matches('\r'));
			}
			if partial.len() > super::MAX_LINE_BYTES || (flush && !partial.is_empty()) {
				let text = String::from_utf8_lossy(partial).to_string();
				partial.clear();
				self.log.push(*stream, &text);
			}
		}
		if moved {
			// Offsets count whole lines only: a partial line is read again after a restart.
			let saved: Vec<String> = self
				.streams
				.iter()
				.map(|(_, _, offset, partial)| (offset - partial.len() as u64).to_string())
				.collect();
			let _ = std::fs::write(self.dir.join("tail-offsets"), saved.join(" "));
		}
	}
}
