//! Helpers shared by the agent's unit and integration tests; not part of the agent's API.

use std::process::Command;

/// The sandbox test image (`scripts/sandbox-image.sh` builds it), checked to run under this
/// process's environment (which the agent's engine inherits); `None`, with the reason printed,
/// where podman cannot run it. `EMBER_REQUIRE_PODMAN=1` (set by `scripts/test.sh`, so CI never
/// skips) turns that into a failure.
pub fn sandbox_image() -> Option<String> {
	let script =
		std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/sandbox-image.sh");
	let built = Command::new("bash").arg(&script).output();
	let runs = |image: &str| {
		Command::new("podman")
			.args(["run", "--rm", "--network", "none", image, "true"])
			.output()
	};
	let problem = match built {
		Ok(output) if output.status.success() => {
			let image = String::from_utf8_lossy(&output.stdout).trim().to_string();
			match runs(&image) {
				Ok(run) if run.status.success() => return Some(image),
				Ok(run) => String::from_utf8_lossy(&run.stderr).trim().to_string(),
				Err(error) => error.to_string(),
			}
		},
		Ok(output) => String::from_utf8_lossy(&output.stderr).trim().to_string(),
		Err(error) => error.to_string(),
	};
	assert!(
		std::env::var("EMBER_REQUIRE_PODMAN").as_deref() != Ok("1"),
		"podman is required here (EMBER_REQUIRE_PODMAN=1) but cannot run: {problem}"
	);
	eprintln!(
		"skipped: podman cannot run the sandbox image here ({problem}); run scripts/setup.sh, \
		 and set CONTAINERS_CONF=scripts/podman/containers.conf where podman's defaults fail"
	);
	None
}
