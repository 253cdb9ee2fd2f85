//! The workload manifest: what a tenant asks its provider to run, as a versioned JSON document.
//!
//! The chain only ever sees the manifest's hash (`manifest_hash` of an order), the BLAKE2-256 of
//! the exact bytes the tenant sends; the manifest itself travels from tenant to provider off
//! chain. A provider accepts a manifest only when [`manifest_hash`] of the bytes it received
//! equals the lease's hash, and then parses and validates it with [`Manifest::from_json`].
//! `docs/manifest.md` documents the format.

use std::{collections::BTreeMap, fmt};

use serde::{Deserialize, Serialize};

/// The manifest version this library writes and reads.
pub const MANIFEST_VERSION: u32 = 1;

/// Largest manifest accepted, in bytes: inline inputs included.
pub const MAX_MANIFEST_BYTES: usize = 256 * 1024;

/// Most GPUs a manifest may ask for: the most one provider registers.
pub const MAX_GPUS: u32 = 32;

/// Longest name, image, program or path, in bytes.
const MAX_TEXT: usize = 1024;

/// Environment variables the provider agent sets itself; a manifest may not override them.
const RESERVED_ENV: [&str; 3] = ["CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES", "EMBER_LEASE"];

/// A workload manifest, version 1.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
	/// Always [`MANIFEST_VERSION`].
	pub version: u32,
	/// A short name for logs and listings.
	pub name: String,
	/// What to run.
	pub workload: Workload,
	/// Environment variables for the workload.
	#[serde(default)]
	pub env: BTreeMap<String, String>,
	/// Files placed in the workload's directory before it starts.
	#[serde(default)]
	pub inputs: Vec<Input>,
	/// Files (relative to the workload's directory) returned to the tenant when it ends.
	#[serde(default)]
	pub outputs: Vec<String>,
	/// The GPUs the workload expects.
	pub gpus: GpuNeeds,
	/// Stop the workload after this many seconds, even if the lease runs longer.
	#[serde(default)]
	pub max_runtime_secs: Option<u64>,
	/// What the workload may use besides its GPUs; each limit left out is the provider's
	/// maximum, and a limit above it is refused by the provider.
	#[serde(default)]
	pub resources: Resources,
	/// Whether the workload needs the network. Off unless asked for here, and refused by a
	/// provider that does not allow it.
	#[serde(default)]
	pub network: bool,
}

/// Limits on what a workload may use besides its GPUs.
#[derive(Clone, Debug, Default, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Resources {
	/// Memory, MiB (processes, `/tmp` and `/dev/shm` together).
	#[serde(default)]
	pub memory_mib: Option<u64>,
	/// CPU time, in thousandths of a core (`2500` = two and a half cores).
	#[serde(default)]
	pub cpu_millis: Option<u64>,
	/// Most processes and threads at once.
	#[serde(default)]
	pub pids: Option<u64>,
	/// Size of `/dev/shm`, MiB (multi-GPU communication uses it).
	#[serde(default)]
	pub shm_mib: Option<u64>,
	/// Disk the workload directory (inputs, outputs, files it writes) and its raw output may
	/// take, MiB.
	#[serde(default)]
	pub disk_mib: Option<u64>,
}

impl Resources {
	/// Each limit with its manifest field name, for checks and messages.
	pub fn named(&self) -> [(&'static str, Option<u64>); 5] {
		[
			("memoryMib", self.memory_mib),
			("cpuMillis", self.cpu_millis),
			("pids", self.pids),
			("shmMib", self.shm_mib),
			("diskMib", self.disk_mib),
		]
	}
}

/// What to run: a program on the provider's host, or a container image.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", deny_unknown_fields)]
pub enum Workload {
	/// A program run directly, with the leased GPUs visible to it.
	Command {
		/// The program, as a path or a name on the provider's `PATH`.
		program: String,
		/// Its arguments.
		#[serde(default)]
		args: Vec<String>,
	},
	/// A container image run by docker or podman, with the leased GPUs passed in.
	Container {
		/// The image reference, e.g. `docker.io/library/python:3.12`.
		image: String,
		/// Arguments appended to the image's entrypoint.
		#[serde(default)]
		args: Vec<String>,
	},
}

/// An input file.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Input {
	/// Where it goes, relative to the workload's directory.
	pub path: String,
	/// Where it comes from.
	pub source: InputSource,
}

/// Where an input file comes from.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum InputSource {
	/// Downloaded by the provider from an `http://` or `https://` URL.
	Url(String),
	/// Its text, carried in the manifest itself.
	Inline(String),
}

/// The GPUs a workload expects.
#[derive(Clone, Debug, Deserialize, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GpuNeeds {
	/// How many.
	pub count: u32,
	/// Least device memory each, in MiB.
	#[serde(default)]
	pub min_vram_mib: u32,
	/// Least CUDA compute capability, as `"major.minor"`.
	#[serde(default)]
	pub min_compute_capability: Option<String>,
}

/// Why a manifest was refused: which field, and what is wrong with it.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ManifestError {
	/// The field, as a path into the document (`inputs[2].path`); empty for the whole document.
	pub field: String,
	/// What is wrong.
	pub problem: String,
}

impl ManifestError {
	fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
		Self { field: field.into(), problem: problem.into() }
	}
}

impl fmt::Display for ManifestError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		if self.field.is_empty() {
			write!(f, "invalid manifest: {}", self.problem)
		} else {
			write!(f, "invalid manifest: `{}` {}", self.field, self.problem)
		}
	}
}

impl std::error::Error for ManifestError {}

/// The hash the chain stores for a manifest: BLAKE2-256 of its exact bytes.
pub fn manifest_hash(bytes: &[u8]) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(bytes)
}

impl Manifest {
	/// Parse and validate a manifest from the bytes the tenant sent.
	pub fn from_json(bytes: &[u8]) -> Result<Self, ManifestError> {
		if bytes.len() > MAX_MANIFEST_BYTES {
			return Err(ManifestError::new(
				"",
				format!("is {} bytes long; at most {MAX_MANIFEST_BYTES} are allowed", bytes.len()),
			));
		}
		let manifest: Manifest = serde_json::from_slice(bytes).map_err(|error| {
			ManifestError::new("", format!("is not a version {MANIFEST_VERSION} manifest: {error}"))
		})?;
		manifest.validate()?;
		Ok(manifest)
	}

	/// The manifest as pretty JSON, the bytes a tenant sends and hashes.
	pub fn to_json(&self) -> Vec<u8> {
		// Serializing plain strings, numbers and maps cannot fail.
		serde_json::to_vec_pretty(self).unwrap_or_default()
	}

	/// Check every field; the first problem found is returned.
	pub fn validate(&self) -> Result<(), ManifestError> {
		if self.version != MANIFEST_VERSION {
			return Err(ManifestError::new(
				"version",
				format!("is {}; this agent reads version {MANIFEST_VERSION}", self.version),
			));
		}
		check_text("name", &self.name)?;
		match &self.workload {
			Workload::Command { program, args } => {
				check_text("workload.program", program)?;
				check_args("workload.args", args)?;
			},
			Workload::Container { image, args } => {
				check_text("workload.image", image)?;
				crate::image_reference::check(image)
					.map_err(|reason| ManifestError::new("workload.image", reason))?;
				check_args("workload.args", args)?;
			},
		}
		for (name, value) in &self.env {
			let field = format!("env.{name}");
			if !is_env_name(name) {
				return Err(ManifestError::new(
					field,
					"is not a valid variable name (letters, digits and `_`, not starting with a digit)",
				));
			}
			if RESERVED_ENV.contains(&name.as_str()) {
				return Err(ManifestError::new(field, "is set by the provider agent itself"));
			}
			if value.contains('\0') {
				return Err(ManifestError::new(field, "must not contain a NUL byte"));
			}
		}
		let mut paths = Vec::new();
		for (index, input) in self.inputs.iter().enumerate() {
			let field = format!("inputs[{index}].path");
			check_relative_path(&field, &input.path)?;
			if paths.contains(&&input.path) {
				return Err(ManifestError::new(field, format!("repeats `{}`", input.path)));
			}
			paths.push(&input.path);
			if let InputSource::Url(url) = &input.source {
				if !(url.starts_with("https://") || url.starts_with("http://"))
					|| url.chars().any(char::is_whitespace)
				{
					return Err(ManifestError::new(
						format!("inputs[{index}].source.url"),
						"must be an http:// or https:// URL",
					));
				}
			}
		}
		for (index, output) in self.outputs.iter().enumerate() {
			let field = format!("outputs[{index}]");
			check_relative_path(&field, output)?;
			if self.outputs[..index].contains(output) {
				return Err(ManifestError::new(field, format!("repeats `{output}`")));
			}
		}
		if self.gpus.count == 0 || self.gpus.count > MAX_GPUS {
			return Err(ManifestError::new(
				"gpus.count",
				format!("is {}; it must be from 1 to {MAX_GPUS}", self.gpus.count),
			));
		}
		if let Some(capability) = &self.gpus.min_compute_capability {
			parse_capability(capability).ok_or_else(|| {
				ManifestError::new(
					"gpus.minComputeCapability",
					format!("is {capability:?}; expected \"major.minor\", e.g. \"8.6\""),
				)
			})?;
		}
		if self.max_runtime_secs == Some(0) {
			return Err(ManifestError::new("maxRuntimeSecs", "must be positive"));
		}
		for (name, limit) in self.resources.named() {
			if limit == Some(0) {
				return Err(ManifestError::new(format!("resources.{name}"), "must be positive"));
			}
		}
		Ok(())
	}
}

/// A CUDA compute capability from `"major.minor"`.
pub fn parse_capability(text: &str) -> Option<(u8, u8)> {
	let (major, minor) = text.trim().split_once('.')?;
	Some((major.parse().ok()?, minor.parse().ok()?))
}

fn check_text(field: &str, text: &str) -> Result<(), ManifestError> {
	if text.trim().is_empty() {
		return Err(ManifestError::new(field, "must not be empty"));
	}
	if text.len() > MAX_TEXT {
		return Err(ManifestError::new(field, format!("is longer than {MAX_TEXT} bytes")));
	}
	if text.contains('\0') {
		return Err(ManifestError::new(field, "must not contain a NUL byte"));
	}
	Ok(())
}

fn check_args(field: &str, args: &[String]) -> Result<(), ManifestError> {
	match args.iter().position(|arg| arg.contains('\0')) {
		Some(index) => {
			Err(ManifestError::new(format!("{field}[{index}]"), "must not contain a NUL byte"))
		},
		None => Ok(()),
	}
}

/// Paths stay inside the workload's directory: relative, no `..`, no empty parts.
fn check_relative_path(field: &str, path: &str) -> Result<(), ManifestError> {
	check_text(field, path)?;
	if path.starts_with('/') || path.starts_with('\\') {
		return Err(ManifestError::new(field, format!("`{path}` must be relative")));
	}
	if path
		.split(['/', '\\'])
		.any(|part| part.is_empty() || part == "." || part == "..")
	{
		return Err(ManifestError::new(
			field,
			format!("`{path}` must stay inside the workload directory (no `..`, `.` or `//`)"),
		));
	}
	Ok(())
}

fn is_env_name(name: &str) -> bool {
	let mut chars = name.chars();
	chars.next().is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
		&& chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	fn example() -> serde_json::Value {
		json!({
			"version": 1,
			"name": "matmul-benchmark",
			"workload": {"kind": "container", "image": "docker.io/library/python:3.12", "args": ["python", "run.py"]},
			"env": {"BATCH_SIZE": "64"},
			"inputs": [
				{"path": "run.py", "source": {"inline": "print('hello')"}},
				{"path": "data/weights.bin", "source": {"url": "https://example.org/weights.bin"}}
			],
			"outputs": ["results/summary.json"],
			"gpus": {"count": 2, "minVramMib": 20000, "minComputeCapability": "8.0"},
			"maxRuntimeSecs": 3600,
			"resources": {"memoryMib": 32768, "cpuMillis": 8000, "pids": 1024, "shmMib": 8192, "diskMib": 100000},
			"network": true
		})
	}

	/// An edit that spoils one field of the example.
	type Change = Box<dyn FnOnce(&mut serde_json::Value)>;

	fn parse(value: serde_json::Value) -> Result<Manifest, ManifestError> {
		Manifest::from_json(&serde_json::to_vec(&value).unwrap())
	}

	fn refused(change: impl FnOnce(&mut serde_json::Value)) -> ManifestError {
		let mut value = example();
		change(&mut value);
		parse(value).expect_err("refused")
	}

	#[test]
	fn a_valid_manifest_parses_and_round_trips() {
		let manifest = parse(example()).expect("valid");
		assert_eq!(manifest.gpus.count, 2);
		assert_eq!(
			manifest.workload,
			Workload::Container {
				image: "docker.io/library/python:3.12".into(),
				args: vec!["python".into(), "run.py".into()],
			}
		);
		assert_eq!(Manifest::from_json(&manifest.to_json()), Ok(manifest));
	}

	#[test]
	fn a_command_with_defaults_is_enough() {
		let manifest = parse(json!({
			"version": 1,
			"name": "nvidia-smi",
			"workload": {"kind": "command", "program": "nvidia-smi"},
			"gpus": {"count": 1}
		}))
		.expect("valid");
		assert!(
			manifest.env.is_empty() && manifest.inputs.is_empty() && manifest.outputs.is_empty()
		);
		assert_eq!(manifest.max_runtime_secs, None);
	}

	#[test]
	fn the_hash_is_of_the_exact_bytes() {
		let bytes = serde_json::to_vec(&example()).unwrap();
		let hash = manifest_hash(&bytes);
		assert_eq!(hash, sp_crypto_hashing::blake2_256(&bytes));
		let mut spaced = bytes.clone();
		spaced.push(b'\n');
		assert_ne!(manifest_hash(&spaced), hash, "one more byte, another manifest");
	}

	#[test]
	fn every_bad_field_is_named() {
		let cases: Vec<(Change, &str)> = vec![
			(Box::new(|v| v["version"] = json!(2)), "version"),
			(Box::new(|v| v["name"] = json!(" ")), "name"),
			(Box::new(|v| v["workload"]["image"] = json!("python 3")), "workload.image"),
			(Box::new(|v| v["workload"]["image"] = json!("--privileged")), "workload.image"),
			(Box::new(|v| v["env"] = json!({"2BAD": "x"})), "env.2BAD"),
			(
				Box::new(|v| v["env"] = json!({"CUDA_VISIBLE_DEVICES": "0"})),
				"env.CUDA_VISIBLE_DEVICES",
			),
			(Box::new(|v| v["inputs"][0]["path"] = json!("/etc/passwd")), "inputs[0].path"),
			(Box::new(|v| v["inputs"][1]["path"] = json!("data/../../x")), "inputs[1].path"),
			(Box::new(|v| v["inputs"][1]["path"] = json!("run.py")), "inputs[1].path"),
			(
				Box::new(|v| v["inputs"][1]["source"] = json!({"url": "file:///etc/passwd"})),
				"inputs[1].source.url",
			),
			(Box::new(|v| v["outputs"] = json!(["a", "a"])), "outputs[1]"),
			(Box::new(|v| v["outputs"] = json!(["out//x"])), "outputs[0]"),
			(Box::new(|v| v["gpus"]["count"] = json!(0)), "gpus.count"),
			(Box::new(|v| v["gpus"]["count"] = json!(33)), "gpus.count"),
			(
				Box::new(|v| v["gpus"]["minComputeCapability"] = json!("eight")),
				"gpus.minComputeCapability",
			),
			(Box::new(|v| v["maxRuntimeSecs"] = json!(0)), "maxRuntimeSecs"),
			(Box::new(|v| v["resources"] = json!({"memoryMib": 0})), "resources.memoryMib"),
			(Box::new(|v| v["resources"] = json!({"pids": 0})), "resources.pids"),
		];
		for (change, field) in cases {
			let error = refused(change);
			assert_eq!(error.field, field, "{error}");
			assert!(error.to_string().contains(field));
		}
	}

	#[test]
	fn unknown_fields_and_oversized_documents_are_refused() {
		let error = refused(|v| v["gpu"] = json!(1));
		assert!(error.field.is_empty() && error.problem.contains("unknown field `gpu`"), "{error}");
		let error = refused(|v| {
			v["inputs"][0]["source"] = json!({"inline": "x".repeat(MAX_MANIFEST_BYTES)})
		});
		assert!(error.problem.contains("at most 262144"), "{error}");
	}

	#[test]
	fn capabilities_parse_as_major_dot_minor() {
		assert_eq!(parse_capability("8.6"), Some((8, 6)));
		assert_eq!(parse_capability(" 12.0 "), Some((12, 0)));
		assert_eq!(parse_capability("8"), None);
		assert_eq!(parse_capability("8.x"), None);
	}

	/// The web app checks manifests in the browser (`web/src/manifest.ts`) against these same
	/// cases, so both accept the same documents and refuse them with the same words. A case's
	/// manifest is a JSON value, sent as `serde_json` writes it, or a string: the exact text.
	#[test]
	fn shared_cases_match_the_web_app() {
		const CASES: &str = include_str!("../tests/fixtures/manifest-cases.json");
		let cases: Vec<serde_json::Value> = serde_json::from_str(CASES).expect("cases are JSON");
		assert!(cases.len() >= 40, "{} cases", cases.len());
		for case in &cases {
			let name = case["name"].as_str().expect("every case has a name");
			let bytes = match &case["manifest"] {
				serde_json::Value::String(text) => text.as_bytes().to_vec(),
				value => serde_json::to_vec(value).unwrap(),
			};
			let expected = case.get("field").unwrap_or_else(|| panic!("{name}: no field"));
			match (expected.as_str(), Manifest::from_json(&bytes)) {
				(None, Ok(_)) => assert!(expected.is_null(), "{name}: field {expected}"),
				(None, Err(error)) => panic!("{name}: refused: {error}"),
				(Some(field), Ok(_)) => panic!("{name}: accepted, expected `{field}` refused"),
				(Some(field), Err(error)) => {
					assert_eq!(error.field, field, "{name}: {error}");
					match (case["problem"].as_str(), case["problemStartsWith"].as_str()) {
						(Some(problem), _) => assert_eq!(error.problem, problem, "{name}"),
						(None, Some(prefix)) => {
							assert!(error.problem.starts_with(prefix), "{name}: {error}")
						},
						(None, None) => panic!("{name}: no problem"),
					}
				},
			}
		}
	}
}
