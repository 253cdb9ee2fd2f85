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
		prepare(dir.path(), &spec.manifest, &log).await.expect("inputs written");
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
	let docker = ContainerExecutor::detect(Some("docker"));
	if let Ok(docker) = docker {
		let (argv, _) = docker.command(&spec).expect("a container command");
		let line = argv.join(" ");
		assert!(line.contains("--gpus \"device=GPU-aaa,GPU-bbb\""), "{line}");
		assert!(line.ends_with("docker.io/library/alpine:3"), "{line}");
	}
}

#[test]
fn inputs_cannot_escape_the_workload_directory() {
	let base = std::path::Path::new("/data/leases/1/work");
	assert_eq!(inside(base, "a/b.txt"), Some(base.join("a/b.txt")));
	assert_eq!(inside(base, "../b.txt"), None);
	assert_eq!(inside(base, "/etc/passwd"), None);
	assert_eq!(inside(base, ""), None);
}

/// A stand-in for docker that records its calls, runs the image's command in the mounted work
/// directory (as `/work` would be), and stops it by name: the container executor's whole
/// life cycle without a container engine.
fn fake_container_runtime(dir: &std::path::Path) -> std::path::PathBuf {
	let calls = dir.join("calls");
	let pid = dir.join("container.pid");
	let script = format!(
		r#"#!/bin/sh
echo "$*" >> '{calls}'
case "$1" in
--version) echo "fake 1.0" ;;
run)
	shift
	while [ $# -gt 0 ]; do
		case "$1" in
		--rm) shift ;;
		--volume) work="${{2%:/work}}"; shift 2 ;;
		--name|--workdir|--env|--gpus|--device) shift 2 ;;
		*) break ;;
		esac
	done
	echo "image $1"; shift
	echo $$ > '{pid}'
	cd "$work" && exec "$@" ;;
stop) kill -TERM "$(cat '{pid}')" ;;
esac
"#,
		calls = calls.display(),
		pid = pid.display()
	);
	let path = dir.join("fake-docker");
	std::fs::write(&path, script).expect("fake runtime");
	let mut permissions = std::fs::metadata(&path).expect("metadata").permissions();
	std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
	std::fs::set_permissions(&path, permissions).expect("executable");
	path
}

#[test]
fn the_container_executor_passes_only_the_leased_gpus_and_stops_the_container_by_name() {
	let tools = tempfile::tempdir().expect("temp dir");
	let runtime_path = fake_container_runtime(tools.path());
	let executor = ContainerExecutor::detect(Some(runtime_path.to_str().expect("utf-8")))
		.expect("the runtime answers --version");
	let value = json!({
		"version": 1, "name": "c",
		"workload": {"kind": "container", "image": "docker.io/library/alpine:3",
			"args": ["sh", "-c", "echo \"$(cat in/data.txt)\"; sleep 300"]},
		"env": {"GREETING": "hello"},
		"inputs": [{"path": "in/data.txt", "source": {"inline": "42"}}],
		"gpus": {"count": 2, "minVramMib": 0},
	});
	let manifest = Manifest::from_json(&serde_json::to_vec(&value).expect("json")).expect("valid");
	let dir = tempfile::tempdir().expect("temp dir");
	let spec = spec(dir.path(), manifest, None);
	let log = spec.log.clone();
	runtime().block_on(async {
		prepare(dir.path(), &spec.manifest, &log).await.expect("inputs written");
		let running = start(&executor, spec, Duration::from_secs(2)).await.expect("starts");
		for _ in 0..100 {
			if texts(&log, LogStream::Stdout).len() >= 2 {
				break;
			}
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
		assert_eq!(
			texts(&log, LogStream::Stdout),
			vec!["image docker.io/library/alpine:3", "42"],
			"the image's command ran in the mounted work directory"
		);
		running.stop("the lease ended", Duration::from_secs(2)).await;
		assert_eq!(orphan_alive(dir.path()), None);
	});
	let calls = std::fs::read_to_string(tools.path().join("calls")).expect("calls recorded");
	let run = calls.lines().find(|l| l.starts_with("run ")).expect("a run call");
	let work = dir.path().join("work");
	assert!(run.contains("--name ember-lease-7"), "{run}");
	assert!(run.contains(&format!("--volume {}:/work", work.display())), "{run}");
	assert!(run.contains("--gpus \"device=GPU-aaa,GPU-bbb\""), "{run}");
	assert!(run.contains("--env GREETING=hello"), "{run}");
	assert!(calls.lines().any(|l| l == "stop --time 2 ember-lease-7"), "{calls}");
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

	let tools = tempfile::tempdir().expect("temp dir");
	let runtime_path = fake_container_runtime(tools.path());
	let executor = ContainerExecutor::detect(Some(runtime_path.to_str().expect("utf-8")))
		.expect("the runtime answers --version");
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
