use std::time::Duration;

use ember_client::{
	manifest::{Manifest, Workload},
	p2p::LogStream,
};
use serde_json::json;

use super::*;

fn manifest(program: &str, args: &[&str], outputs: &[&str]) -> Manifest {
	let value = json!({
		"version": 1,
		"name": "test",
		"workload": {"kind": "command", "program": program, "args": args},
		"env": {"GREETING": "hello"},
		"inputs": [{"path": "in/data.txt", "source": {"inline": "42"}}],
		"outputs": outputs,
		"gpus": {"count": 1, "minVramMib": 0},
	});
	Manifest::from_json(&serde_json::to_vec(&value).expect("json")).expect("valid manifest")
}

fn spec(dir: &std::path::Path, manifest: Manifest, max_runtime: Option<Duration>) -> RunSpec {
	std::fs::write(dir.join("manifest.json"), manifest.to_json()).expect("manifest stored");
	RunSpec {
		lease: 7,
		manifest,
		gpu_uuids: vec!["GPU-aaa".into(), "GPU-bbb".into()],
		lease_dir: dir.to_path_buf(),
		log: LogBook::open(dir).expect("log"),
		max_runtime,
		disk_limit: None,
	}
}

fn runtime() -> tokio::runtime::Runtime {
	tokio::runtime::Builder::new_current_thread()
		.enable_all()
		.build()
		.expect("runtime")
}

async fn wait_ended(running: &RunningWorkload) -> WorkloadState {
	for _ in 0..200 {
		let state = running.state();
		if !matches!(state, WorkloadState::Running) {
			return state;
		}
		tokio::time::sleep(Duration::from_millis(50)).await;
	}
	running.state()
}

fn texts(log: &LogBook, stream: LogStream) -> Vec<String> {
	log.since(0, 1000, usize::MAX)
		.0
		.into_iter()
		.filter(|l| l.stream == stream)
		.map(|l| l.text)
		.collect()
}

#[test]
fn a_workload_sees_only_its_gpus_and_inputs_and_its_output_is_kept() {
	let dir = tempfile::tempdir().expect("temp dir");
	let script = "echo gpus=$CUDA_VISIBLE_DEVICES; echo $GREETING >&2; mkdir -p out; cat in/data.txt > out/answer.txt; \
	              echo scratch > scratch.tmp; exit 3";
	let spec = spec(dir.path(), manifest("/bin/sh", &["-c", script], &["out/answer.txt"]), None);
	let log = spec.log.clone();
	runtime().block_on(async {
		prepare(dir.path(), &spec.manifest, &log, false, None)
			.await
			.expect("inputs written");
		let running = start(&ProcessExecutor, spec, Duration::from_secs(1)).await.expect("starts");
		assert!(running.pid().is_some());
		assert_eq!(wait_ended(&running).await, WorkloadState::Exited { code: 3 });
	});
	assert_eq!(texts(&log, LogStream::Stdout), vec!["gpus=GPU-aaa,GPU-bbb"]);
	assert_eq!(texts(&log, LogStream::Stderr), vec!["hello"]);
	assert!(texts(&log, LogStream::Agent).iter().any(|t| t.contains("exited with code 3")));

	let (data, total, eof) =
		read_output_chunk(dir.path(), "out/answer.txt", 0, 1024).expect("declared output");
	assert_eq!((data.as_slice(), total, eof), (&b"42"[..], 2, true));
	let (data, _, eof) =
		read_output_chunk(dir.path(), "out/answer.txt", 1, 1024).expect("from an offset");
	assert_eq!((data.as_slice(), eof), (&b"2"[..], true));
	assert_eq!(
		read_output_chunk(dir.path(), "scratch.tmp", 0, 10),
		Err(ember_client::p2p::RejectReason::NotFound)
	);

	assert_eq!(cleanup(dir.path(), 1024).expect("cleans up"), None);
	assert!(dir.path().join("work/out/answer.txt").exists());
	assert!(!dir.path().join("work/scratch.tmp").exists());
	assert!(!dir.path().join("work/in").exists());
	assert!(dir.path().join("log.jsonl").exists());

	// Outputs over the provider's limit are not kept.
	assert_eq!(cleanup(dir.path(), 1).expect("cleans up"), Some(2));
	assert!(!dir.path().join("work").exists());
}

#[test]
fn an_output_symlinked_out_of_the_workload_directory_is_refused() {
	let dir = tempfile::tempdir().expect("temp dir");
	let secret = dir.path().join("secret");
	std::fs::write(&secret, "provider's secret").expect("secret");
	let _ = spec(dir.path(), manifest("/bin/true", &[], &["leak.txt"]), None);
	std::fs::create_dir_all(dir.path().join("work")).expect("work dir");
	std::os::unix::fs::symlink(&secret, dir.path().join("work/leak.txt")).expect("symlink");
	assert_eq!(
		read_output_chunk(dir.path(), "leak.txt", 0, 100),
		Err(ember_client::p2p::RejectReason::NotFound)
	);
}

#[test]
fn an_output_reached_through_a_symlinked_directory_or_a_fifo_is_not_served() {
	let dir = tempfile::tempdir().expect("temp dir");
	let outside = dir.path().join("outside");
	std::fs::create_dir_all(&outside).expect("outside dir");
	std::fs::write(outside.join("keys.txt"), "provider's keys").expect("secret");
	let _ = spec(dir.path(), manifest("/bin/true", &[], &["out", "pipe"]), None);
	let work = dir.path().join("work");
	std::fs::create_dir_all(&work).expect("work dir");
	// A directory component that is a symlink out of the work directory.
	std::os::unix::fs::symlink(&outside, work.join("out")).expect("symlink");
	assert_eq!(
		read_output_chunk(dir.path(), "out/keys.txt", 0, 100),
		Err(ember_client::p2p::RejectReason::NotFound)
	);
	// A FIFO would block a plain open forever; it is refused at once.
	let fifo = std::ffi::CString::new(work.join("pipe").to_str().expect("utf-8")).expect("c");
	// SAFETY: a valid NUL-terminated path.
	assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
	assert_eq!(
		read_output_chunk(dir.path(), "pipe", 0, 100),
		Err(ember_client::p2p::RejectReason::NotFound)
	);
	// A real directory and file in the same place are served.
	std::fs::remove_file(work.join("out")).expect("unlink");
	std::fs::create_dir_all(work.join("out")).expect("dir");
	std::fs::write(work.join("out/result.txt"), "42").expect("result");
	let (data, total, eof) =
		read_output_chunk(dir.path(), "out/result.txt", 0, 100).expect("served");
	assert_eq!((data.as_slice(), total, eof), (&b"42"[..], 2, true));
}

#[test]
fn disk_use_counts_the_work_directory_and_raw_output_without_following_links() {
	let dir = tempfile::tempdir().expect("temp dir");
	let work = dir.path().join("work/deep/er");
	std::fs::create_dir_all(&work).expect("dirs");
	let empty = super::disk_used(dir.path());
	std::fs::write(work.join("blob"), vec![7u8; 1 << 20]).expect("blob");
	std::fs::write(dir.path().join("stdout"), vec![b'x'; 1 << 20]).expect("stdout");
	// A link to a large file outside counts as the link, not the file.
	let big = dir.path().join("big-outside");
	std::fs::write(&big, vec![1u8; 4 << 20]).expect("big");
	std::os::unix::fs::symlink(&big, dir.path().join("work/link")).expect("link");
	let used = super::disk_used(dir.path()) - empty;
	assert!((2 << 20..3 << 20).contains(&used), "{used} bytes");
}

#[test]
fn a_workload_that_outgrows_its_disk_limit_is_stopped() {
	let dir = tempfile::tempdir().expect("temp dir");
	let mut spec = spec(
		dir.path(),
		manifest("/bin/sh", &["-c", "head -c 3000000 /dev/zero > fill; sleep 60"], &[]),
		None,
	);
	spec.disk_limit = Some(1 << 20);
	let log = spec.log.clone();
	let state = runtime().block_on(async {
		let running = start(&ProcessExecutor, spec, Duration::from_secs(1)).await.expect("starts");
		for _ in 0..300 {
			if !matches!(running.state(), WorkloadState::Running) {
				break;
			}
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
		running.state()
	});
	assert_eq!(
		state,
		WorkloadState::Stopped { reason: "it used more than its 1 MiB of disk".into() }
	);
	assert!(texts(&log, LogStream::Agent)
		.iter()
		.any(|t| t.contains("stopping the workload: it used more than its 1 MiB of disk")));
}

#[test]
fn stopping_terminates_the_whole_process_group() {
	let dir = tempfile::tempdir().expect("temp dir");
	// A child that ignores nothing and a grandchild: both must go.
	let spec =
		spec(dir.path(), manifest("/bin/sh", &["-c", "sleep 300 & echo started; wait"], &[]), None);
	let log = spec.log.clone();
	runtime().block_on(async {
		let running = start(&ProcessExecutor, spec, Duration::from_secs(2)).await.expect("starts");
		let pid = running.pid().expect("pid");
		for _ in 0..100 {
			if texts(&log, LogStream::Stdout).contains(&"started".to_string()) {
				break;
			}
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
		assert_eq!(orphan_alive(dir.path()), Some(pid));
		let state = running.state();
		assert_eq!(state, WorkloadState::Running);
		running.stop("the lease ended", Duration::from_secs(2)).await;
		assert_eq!(orphan_alive(dir.path()), None);
	});
	assert!(texts(&log, LogStream::Agent)
		.iter()
		.any(|t| t.contains("stopping the workload: the lease ended")));
}

#[test]
fn max_runtime_stops_a_workload() {
	let dir = tempfile::tempdir().expect("temp dir");
	let spec =
		spec(dir.path(), manifest("/bin/sleep", &["300"], &[]), Some(Duration::from_millis(300)));
	runtime().block_on(async {
		let running = start(&ProcessExecutor, spec, Duration::from_secs(1)).await.expect("starts");
		assert!(matches!(wait_ended(&running).await, WorkloadState::Stopped { .. }));
		for _ in 0..100 {
			if orphan_alive(dir.path()).is_none() {
				break;
			}
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
		assert_eq!(orphan_alive(dir.path()), None);
	});
}

#[test]
fn a_runtime_limit_beyond_the_clock_is_no_limit() {
	let dir = tempfile::tempdir().expect("temp dir");
	let huge = Some(Duration::from_secs(u64::MAX));
	let spec = spec(dir.path(), manifest("/bin/sh", &["-c", "exit 3"], &[]), huge);
	runtime().block_on(async {
		let running = start(&ProcessExecutor, spec, Duration::from_secs(1)).await.expect("starts");
		assert_eq!(wait_ended(&running).await, WorkloadState::Exited { code: 3 });
	});
}

#[test]
fn a_restarted_agent_adopts_a_running_workload_and_learns_its_exit_code() {
	let dir = tempfile::tempdir().expect("temp dir");
	let script = "echo before; sleep 1; echo after; exit 5";
	let spec = spec(dir.path(), manifest("/bin/sh", &["-c", script], &[]), None);
	// The first agent starts it and goes away (its runtime and tasks with it).
	let first = runtime();
	let pid = first.block_on(async {
		let running = start(&ProcessExecutor, spec, Duration::from_secs(1)).await.expect("starts");
		tokio::time::sleep(Duration::from_millis(400)).await;
		running.pid().expect("pid")
	});
	drop(first);

	let log = LogBook::open(dir.path()).expect("log reopens");
	runtime().block_on(async {
		let adopted = adopt(&ProcessExecutor, 7, dir.path(), log.clone(), Duration::from_secs(1));
		assert_eq!(adopted.pid(), Some(pid));
		assert_eq!(wait_ended(&adopted).await, WorkloadState::Exited { code: 5 });
	});
	// Every line once, in order, across the restart.
	assert_eq!(texts(&log, LogStream::Stdout), vec!["before", "after"]);

	// Adopting once it is over reports how it ended.
	let ended = runtime().block_on(async {
		adopt(&ProcessExecutor, 7, dir.path(), log.clone(), Duration::from_secs(1)).state()
	});
	assert_eq!(ended, WorkloadState::Exited { code: 5 });
}

#[test]
fn the_process_executor_refuses_container_images() {
	let value = json!({
		"version": 1, "name": "c",
		"workload": {"kind": "container", "image": "docker.io/library/alpine:3", "args": []},
		"gpus": {"count": 1, "minVramMib": 0},
	});
	let manifest = Manifest::from_json(&serde_json::to_vec(&value).expect("json")).expect("valid");
	let dir = tempfile::tempdir().expect("temp dir");
	let spec = spec(dir.path(), manifest, None);
	assert!(matches!(ProcessExecutor.command(&spec), Err(ExecutionError::Unsupported(_))));
	assert!(ProcessExecutor.admit(&spec.manifest, 1).is_err());
	let docker = ContainerExecutor::new(Engine::Docker, crate::config::SandboxConfig::default());
	let (argv, _) = docker.command(&spec).expect("a container command");
	let line = argv.join(" ");
	assert!(line.contains("--gpus \"device=GPU-aaa,GPU-bbb\""), "{line}");
	assert!(line.ends_with("docker.io/library/alpine:3"), "{line}");
}

#[test]
fn children_never_inherit_the_agents_keys() {
	let mut command = tokio::process::Command::new("/bin/sh");
	command
		.env(crate::config::AGENT_KEY_ENV, "0xsecret")
		.env(crate::config::OWNER_KEY_ENV, "0xsecret")
		.env("KEPT", "yes")
		.args(["-c", "echo ${EMBER_AGENT_KEY:-none} ${EMBER_OWNER_KEY:-none} $KEPT"]);
	let output = runtime()
		.block_on(async { super::without_secrets(&mut command).output().await })
		.expect("runs");
	assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "none none yes");
}

#[test]
fn inputs_cannot_escape_the_workload_directory() {
	let base = std::path::Path::new("/data/leases/1/work");
	assert_eq!(inside(base, "a/b.txt"), Some(base.join("a/b.txt")));
	assert_eq!(inside(base, "../b.txt"), None);
	assert_eq!(inside(base, "/etc/passwd"), None);
	assert_eq!(inside(base, ""), None);
}

/// A podman executor and the sandbox test image, or `None` where podman cannot run it here
/// (see [`crate::testing::sandbox_image`]).
pub(crate) fn podman(sandbox: crate::config::SandboxConfig) -> Option<(ContainerExecutor, String)> {
	let image = crate::testing::sandbox_image()?;
	Some((ContainerExecutor::new(Engine::Podman, sandbox), image))
}

fn container_manifest(image: &str, script: &str, extra: serde_json::Value) -> Manifest {
	let mut value = json!({
		"version": 1, "name": "c",
		"workload": {"kind": "container", "image": image, "args": ["/bin/sh", "-c", script]},
		"env": {"GREETING": "hello"},
		"inputs": [{"path": "in/data.txt", "source": {"inline": "42"}}],
		"outputs": ["result.txt"],
		"gpus": {"count": 1, "minVramMib": 0},
	});
	if let (Some(target), Some(extra)) = (value.as_object_mut(), extra.as_object()) {
		target.extend(extra.clone());
	}
	Manifest::from_json(&serde_json::to_vec(&value).expect("json")).expect("valid")
}

/// Runs `manifest` in podman until it ends, or for `stop_after` and then stops it (the state
/// returned is then the one just before the stop); returns that state and its stdout lines.
fn run_in_podman(
	executor: &ContainerExecutor,
	dir: &std::path::Path,
	manifest: Manifest,
	stop_after: Option<Duration>,
) -> (WorkloadState, Vec<String>) {
	let mut spec = spec(dir, manifest, None);
	// A lease (and so a container name) no other test, here or in another process, uses.
	static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
	let seq = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
	spec.lease = 1_000_000_000 + u64::from(std::process::id()) * 100 + seq;
	spec.gpu_uuids = Vec::new();
	let log = spec.log.clone();
	let state = runtime().block_on(async {
		prepare(dir, &spec.manifest, &log, false, spec.disk_limit)
			.await
			.expect("inputs written");
		let running = start(executor, spec, Duration::from_secs(2)).await.expect("starts");
		let limit = stop_after.unwrap_or(Duration::from_secs(60));
		let started = std::time::Instant::now();
		while matches!(running.state(), WorkloadState::Running) && started.elapsed() < limit {
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
		if stop_after.is_some() {
			let before = running.state();
			running.stop("the lease ended", Duration::from_secs(2)).await;
			assert_eq!(orphan_alive(dir), None, "the engine's process is gone");
			return before;
		}
		for _ in 0..100 {
			if !matches!(running.state(), WorkloadState::Running) {
				break;
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
		running.state()
	});
	(state, texts(&log, LogStream::Stdout))
}

#[test]
fn a_podman_workload_runs_unprivileged_in_a_read_only_sandbox_with_its_work_directory() {
	let Some((executor, image)) = podman(crate::config::SandboxConfig::default()) else { return };
	let dir = tempfile::tempdir().expect("temp dir");
	let script = "echo \"uid=$(id -u) greeting=$GREETING input=$(cat in/data.txt)\"; \
		touch /etc/owned 2>/dev/null && echo rootfs=writable || echo rootfs=read-only; \
		mount -t tmpfs none /tmp 2>/dev/null && echo mount=allowed || echo mount=refused; \
		grep -q '^CapEff:[[:space:]]*0*$' /proc/self/status && echo caps=none || echo caps=some; \
		ip link 2>/dev/null | grep -q eth && echo net=yes || echo net=no; \
		echo 42 > result.txt";
	let (state, stdout) =
		run_in_podman(&executor, dir.path(), container_manifest(&image, script, json!({})), None);
	assert_eq!(state, WorkloadState::Exited { code: 0 }, "{stdout:?}");
	assert_eq!(
		stdout,
		[
			"uid=65534 greeting=hello input=42",
			"rootfs=read-only",
			"mount=refused",
			"caps=none",
			"net=no"
		]
	);
	let (data, _, _) = read_output_chunk(dir.path(), "result.txt", 0, 100).expect("output");
	assert_eq!(data, b"42\n");
}

/// The manifest's variables go into the container, never into the engine's process on the host:
/// a tenant's `PATH` there would make the agent fail to find podman (or worse, with
/// `LD_PRELOAD`, run the tenant's code as the agent).
#[test]
fn a_manifests_environment_reaches_the_container_but_not_the_engine() {
	let Some((executor, image)) = podman(crate::config::SandboxConfig::default()) else { return };
	let dir = tempfile::tempdir().expect("temp dir");
	let manifest = container_manifest(
		&image,
		"/bin/echo \"path=$PATH preload=$LD_PRELOAD\"",
		json!({"env": {"PATH": "/nowhere", "LD_PRELOAD": "/work/in/data.txt"}}),
	);
	let (state, stdout) = run_in_podman(&executor, dir.path(), manifest, None);
	assert_eq!(state, WorkloadState::Exited { code: 0 }, "{stdout:?}");
	assert!(
		stdout.iter().any(|l| l.starts_with("path=/nowhere preload=/work/in/data.txt")),
		"{stdout:?}"
	);
}

#[test]
fn a_podman_memory_hog_is_killed_and_nothing_it_started_outlives_the_stop() {
	let Some((executor, image)) = podman(crate::config::SandboxConfig::default()) else { return };
	let dir = tempfile::tempdir().expect("temp dir");
	let hog = container_manifest(
		&image,
		"x=$(head -c 300000000 /dev/zero | tr '\\0' a); echo survived",
		json!({"resources": {"memoryMib": 64}}),
	);
	let (state, stdout) = run_in_podman(&executor, dir.path(), hog, None);
	assert_eq!(state, WorkloadState::Exited { code: 137 }, "the OOM killer ends it: {stdout:?}");
	assert!(!stdout.iter().any(|l| l == "survived"));

	let dir = tempfile::tempdir().expect("temp dir");
	let marker = format!("{}.{}", 3 + std::process::id() % 5, std::process::id());
	let background = container_manifest(
		&image,
		&format!("(while true; do sleep {marker}; done) & echo started; sleep 600"),
		json!({}),
	);
	let (state, stdout) =
		run_in_podman(&executor, dir.path(), background, Some(Duration::from_secs(3)));
	assert_eq!(state, WorkloadState::Running, "{stdout:?}");
	assert_eq!(stdout, ["started"]);
	let survivors: Vec<String> = std::fs::read_dir("/proc")
		.expect("/proc")
		.filter_map(Result::ok)
		.filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
		.map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
		.filter(|c| c.contains(&marker))
		.collect();
	assert!(survivors.is_empty(), "processes outlived the stop: {survivors:?}");
}

/// A manifest whose image is an engine flag (`--privileged`, then `--volume=/:/host` as an
/// argument) would give the tenant root on the host: it is refused when it arrives, and the
/// container executor refuses it again if one ever reaches it.
#[test]
fn an_image_that_is_an_engine_flag_never_reaches_the_engine() {
	let injected = json!({
		"version": 1, "name": "c",
		"workload": {"kind": "container", "image": "--privileged",
			"args": ["--volume=/:/host", "alpine", "sh"]},
		"gpus": {"count": 1, "minVramMib": 0},
	});
	let refused = Manifest::from_json(&serde_json::to_vec(&injected).expect("json"))
		.expect_err("a flag is not an image");
	assert_eq!(refused.field, "workload.image");

	let executor = ContainerExecutor::new(Engine::Podman, crate::config::SandboxConfig::default());
	let valid = json!({
		"version": 1, "name": "c",
		"workload": {"kind": "container", "image": "docker.io/library/alpine:3", "args": []},
		"gpus": {"count": 1, "minVramMib": 0},
	});
	let mut manifest =
		Manifest::from_json(&serde_json::to_vec(&valid).expect("json")).expect("valid");
	manifest.workload = Workload::Container {
		image: "--privileged".into(),
		args: vec!["--volume=/:/host".into(), "alpine".into()],
	};
	let dir = tempfile::tempdir().expect("temp dir");
	let spec = spec(dir.path(), manifest, None);
	assert!(matches!(executor.command(&spec), Err(ExecutionError::Unsupported(_))));
}

/// Serves `body` to every connection on a loopback port, with or without a length, until the
/// test ends; returns the URL.
fn serve_body(body: Vec<u8>, with_length: bool) -> String {
	use std::io::{Read, Write};
	let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
	let port = listener.local_addr().expect("address").port();
	std::thread::spawn(move || {
		for stream in listener.incoming() {
			let Ok(mut stream) = stream else { continue };
			let mut head = [0u8; 4096];
			let _ = stream.read(&mut head);
			let length = if with_length {
				format!("Content-Length: {}\r\n", body.len())
			} else {
				String::new()
			};
			// HTTP/1.0 without a length: the body ends when the connection closes.
			let _ = write!(stream, "HTTP/1.0 200 OK\r\n{length}Connection: close\r\n\r\n");
			let _ = stream.write_all(&body);
		}
	});
	format!("http://127.0.0.1:{port}/input.bin")
}

fn manifest_with_url_input(url: &str) -> Manifest {
	let value = json!({
		"version": 1,
		"name": "test",
		"workload": {"kind": "command", "program": "/bin/true"},
		"inputs": [{"path": "in/data.bin", "source": {"url": url}}],
		"gpus": {"count": 1, "minVramMib": 0},
	});
	Manifest::from_json(&serde_json::to_vec(&value).expect("json")).expect("valid manifest")
}

#[test]
fn url_inputs_count_against_the_disk_limit_whatever_length_the_server_claims() {
	if std::process::Command::new("curl").arg("--version").output().is_err() {
		println!("skipped: curl is not installed (scripts/setup.sh installs it)");
		return;
	}
	let three_mib = vec![7u8; 3 << 20];
	runtime().block_on(async {
		for with_length in [false, true] {
			let dir = tempfile::tempdir().expect("temp dir");
			let url = serve_body(three_mib.clone(), with_length);
			let manifest = manifest_with_url_input(&url);
			let log = LogBook::open(dir.path()).expect("log");
			let refused = prepare(dir.path(), &manifest, &log, true, Some(1 << 20)).await;
			let error = refused.err().map(|e| e.to_string()).unwrap_or_default();
			assert!(
				error.contains("in/data.bin") && error.contains("MiB"),
				"length sent: {with_length}: {error}"
			);
			assert!(
				!dir.path().join("work/in/data.bin").exists(),
				"the partial download is removed"
			);
			// Within the limit it arrives whole.
			let fits = prepare(dir.path(), &manifest, &log, true, Some(8 << 20)).await;
			assert!(fits.is_ok(), "{fits:?}");
			let fetched = std::fs::read(dir.path().join("work/in/data.bin")).expect("downloaded");
			assert_eq!(fetched.len(), three_mib.len());
		}
	});
}

#[test]
fn a_tree_the_workload_locked_is_still_pruned_and_served_and_links_are_not_followed() {
	use std::os::unix::fs::{symlink, PermissionsExt};
	let dir = tempfile::tempdir().expect("temp dir");
	let _ = spec(dir.path(), manifest("/bin/true", &[], &["out/answer.txt"]), None);
	let work = dir.path().join("work");
	let mode = |path: &std::path::Path| {
		std::fs::symlink_metadata(path).expect("exists").permissions().mode() & 0o777
	};
	let lock = |path: &std::path::Path| {
		std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).expect("chmod")
	};
	std::fs::create_dir_all(work.join("scratch/deep")).expect("mkdir");
	std::fs::write(work.join("scratch/deep/junk"), "x").expect("junk");
	std::fs::create_dir_all(work.join("out")).expect("mkdir");
	std::fs::write(work.join("out/answer.txt"), "42").expect("output");
	// A directory outside the lease, locked by its owner, that the workload links to.
	let outside = dir.path().join("outside");
	std::fs::create_dir(&outside).expect("mkdir");
	symlink(&outside, work.join("link")).expect("symlink");
	lock(&work.join("scratch/deep"));
	lock(&work.join("scratch"));
	lock(&work.join("out"));
	lock(&outside);

	assert_eq!(cleanup(dir.path(), 1024).expect("cleans up"), None);
	assert!(!work.join("scratch").exists(), "the locked scratch tree is gone");
	// SAFETY: `geteuid` has no preconditions and cannot fail.
	if unsafe { libc::geteuid() } == 0 {
		// Root reads through any mode and changes none.
		assert_eq!(mode(&work.join("out")), 0o000);
	} else {
		assert_eq!(mode(&work.join("out")), 0o700, "the kept output is reachable again");
	}
	let (data, _, _) =
		read_output_chunk(dir.path(), "out/answer.txt", 0, 16).expect("the output is served");
	assert_eq!(data, b"42");
	assert_eq!(mode(&outside), 0o000, "a link's target is never touched");
}

/// Whether podman lists a container named `name`, running or not.
fn container_exists(name: &str) -> bool {
	let listed = std::process::Command::new("podman")
		.args(["ps", "--all", "--format", "{{.Names}}", "--filter"])
		.arg(format!("name=^{name}$"))
		.output()
		.expect("podman runs");
	String::from_utf8_lossy(&listed.stdout).lines().any(|line| line.trim() == name)
}

#[test]
fn a_container_whose_engine_client_died_is_still_stopped_when_its_lease_ends() {
	let Some((executor, image)) = podman(crate::config::SandboxConfig::default()) else { return };
	let dir = tempfile::tempdir().expect("temp dir");
	let mut spec = spec(dir.path(), container_manifest(&image, "sleep 600", json!({})), None);
	spec.lease = 2_000_000_000 + u64::from(std::process::id());
	spec.gpu_uuids = Vec::new();
	let name = super::container::container_name(spec.lease);
	let log = spec.log.clone();
	runtime().block_on(async {
		prepare(dir.path(), &spec.manifest, &log, false, None)
			.await
			.expect("inputs written");
		let running = start(&executor, spec, Duration::from_secs(2)).await.expect("starts");
		let mut waited = 0;
		while !container_exists(&name) && waited < 300 {
			tokio::time::sleep(Duration::from_millis(100)).await;
			waited += 1;
		}
		assert!(container_exists(&name), "the container started");
		// The engine client dies (an engine upgrade, an OOM kill of the wrapper): the
		// workload's own process ends, the container does not.
		let pid = running.pid().expect("a wrapper");
		super::process::signal_group(pid, libc::SIGKILL);
		let mut waited = 0;
		while matches!(running.state(), WorkloadState::Running) && waited < 300 {
			tokio::time::sleep(Duration::from_millis(100)).await;
			waited += 1;
		}
		assert!(!matches!(running.state(), WorkloadState::Running));
		assert!(container_exists(&name), "the container outlived its client");

		running.stop("the lease ended", Duration::from_secs(2)).await;
		let mut waited = 0;
		while container_exists(&name) && waited < 100 {
			tokio::time::sleep(Duration::from_millis(100)).await;
			waited += 1;
		}
		assert!(!container_exists(&name), "nothing of the lease runs past its end");
	});
}
