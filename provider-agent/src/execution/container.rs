//! The container executor: a manifest's image run by docker or podman with only the leased
//! GPUs passed in and the workload directory mounted at `/work`.

use std::time::Duration;

use ember_client::manifest::Workload;

use super::{ExecutionError, Executor, Launch, RunSpec};

/// Runs container images with `runtime` (`docker` or `podman`).
pub struct ContainerExecutor {
	runtime: String,
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

impl ContainerExecutor {
	/// Uses `preferred`, or whichever of docker and podman is installed.
	pub fn detect(preferred: Option<&str>) -> Result<Self, ExecutionError> {
		let candidates: Vec<&str> = match preferred {
			Some(runtime) => vec![runtime],
			None => vec!["docker", "podman"],
		};
		candidates
			.into_iter()
			.find(|runtime| installed(runtime))
			.map(|runtime| Self { runtime: runtime.to_string() })
			.ok_or_else(|| {
				ExecutionError::Unavailable(
					"executor.kind = \"container\" needs docker or podman on the PATH".into(),
				)
			})
	}

	/// The device flags that pass exactly `uuids` into the container.
	fn gpu_flags(&self, uuids: &[String]) -> Vec<String> {
		if uuids.is_empty() {
			return Vec::new();
		}
		if self.runtime.ends_with("podman") {
			// Podman reaches NVIDIA GPUs through CDI device names.
			uuids
				.iter()
				.flat_map(|u| ["--device".to_string(), format!("nvidia.com/gpu={u}")])
				.collect()
		} else {
			vec!["--gpus".to_string(), format!("\"device={}\"", uuids.join(","))]
		}
	}
}

impl Executor for ContainerExecutor {
	fn name(&self) -> &'static str {
		"container"
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
		let work = spec.lease_dir.join("work");
		let mut argv = vec![
			self.runtime.clone(),
			"run".into(),
			"--rm".into(),
			"--name".into(),
			container_name(spec.lease),
			"--volume".into(),
			format!("{}:/work", work.display()),
			"--workdir".into(),
			"/work".into(),
		];
		argv.extend(self.gpu_flags(&spec.gpu_uuids));
		for (key, value) in &spec.manifest.env {
			argv.push("--env".into());
			argv.push(format!("{key}={value}"));
		}
		argv.push(image.clone());
		argv.extend(args.iter().cloned());
		Ok((argv, Vec::new()))
	}

	fn stop_command(&self, lease: u64, grace: Duration) -> Option<Vec<String>> {
		Some(vec![
			self.runtime.clone(),
			"stop".into(),
			"--time".into(),
			grace.as_secs().to_string(),
			container_name(lease),
		])
	}
}
