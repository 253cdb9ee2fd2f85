//! Known GPU models: what class of card a name denotes and which compute capability it has.
//!
//! The table only informs (the inventory table, a sanity check of simulated entries, a fallback
//! when the driver does not report a capability): a model missing from it is offered like any
//! other, under its raw NVML name.

use std::{
	collections::BTreeSet,
	sync::{Mutex, OnceLock},
};

use serde::Serialize;

/// The kind of card a model is.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GpuClass {
	/// Server accelerators (H100, A100, L4, T4, ...).
	Datacenter,
	/// Professional workstation cards (RTX A6000, RTX 6000 Ada, ...).
	Workstation,
	/// Gaming cards (GeForce RTX 4090, ...).
	Consumer,
	/// A model the table does not know.
	Unclassified,
}

impl GpuClass {
	/// The class's lowercase name, as the inventory table prints it.
	pub fn as_str(self) -> &'static str {
		match self {
			GpuClass::Datacenter => "datacenter",
			GpuClass::Workstation => "workstation",
			GpuClass::Consumer => "consumer",
			GpuClass::Unclassified => "unclassified",
		}
	}
}

impl std::fmt::Display for GpuClass {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(self.as_str())
	}
}

/// One row of the table.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct KnownModel {
	/// The words that identify the model in an NVML name, e.g. `RTX 4090`.
	pub family: &'static str,
	/// Its class.
	pub class: GpuClass,
	/// Its CUDA compute capability.
	pub compute_capability: (u8, u8),
}

const fn known(family: &'static str, class: GpuClass, major: u8, minor: u8) -> KnownModel {
	KnownModel { family, class, compute_capability: (major, minor) }
}

use GpuClass::{Consumer, Datacenter, Workstation};

/// Known models. Matching is by whole words, so `A10` does not match `A100` nor `L4` `L40S`;
/// multi-word families come first so that `RTX 6000 Ada` wins over a shorter match.
const KNOWN_MODELS: &[KnownModel] = &[
	known("RTX 6000 Ada", Workstation, 8, 9),
	known("RTX A6000", Workstation, 8, 6),
	known("RTX A5000", Workstation, 8, 6),
	known("RTX A4000", Workstation, 8, 6),
	known("Quadro RTX 8000", Workstation, 7, 5),
	known("RTX 5090", Consumer, 12, 0),
	known("RTX 4090", Consumer, 8, 9),
	known("RTX 4080", Consumer, 8, 9),
	known("RTX 3090", Consumer, 8, 6),
	known("RTX 3080", Consumer, 8, 6),
	known("B200", Datacenter, 10, 0),
	known("GH200", Datacenter, 9, 0),
	known("H200", Datacenter, 9, 0),
	known("H100", Datacenter, 9, 0),
	known("A100", Datacenter, 8, 0),
	known("A40", Datacenter, 8, 6),
	known("A30", Datacenter, 8, 0),
	known("A10G", Datacenter, 8, 6),
	known("A10", Datacenter, 8, 6),
	known("L40S", Datacenter, 8, 9),
	known("L40", Datacenter, 8, 9),
	known("L4", Datacenter, 8, 9),
	known("T4", Datacenter, 7, 5),
	known("V100", Datacenter, 7, 0),
	known("P100", Datacenter, 6, 0),
];

/// Splits a name into upper-cased words at spaces, dashes and underscores:
/// `NVIDIA A100-SXM4-80GB` gives `NVIDIA`, `A100`, `SXM4`, `80GB`.
fn words(name: &str) -> Vec<String> {
	name.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
		.filter(|w| !w.is_empty())
		.map(str::to_ascii_uppercase)
		.collect()
}

/// The table's row for an NVML model name, if any.
pub fn lookup(name: &str) -> Option<&'static KnownModel> {
	let name_words = words(name);
	KNOWN_MODELS.iter().find(|model| {
		let family = words(model.family);
		!family.is_empty()
			&& name_words.windows(family.len()).any(|window| window == family.as_slice())
	})
}

/// The class of an NVML model name; an unknown one is [`GpuClass::Unclassified`], reported
/// once per name at warn level.
pub fn classify(name: &str) -> GpuClass {
	match lookup(name) {
		Some(model) => model.class,
		None => {
			static WARNED: OnceLock<Mutex<BTreeSet<String>>> = OnceLock::new();
			let first_time = WARNED
				.get_or_init(|| Mutex::new(BTreeSet::new()))
				.lock()
				.map(|mut warned| warned.insert(name.to_string()))
				.unwrap_or(false);
			if first_time {
				tracing::warn!(
					model = name,
					"unknown GPU model: offered as it is named, without a class"
				);
			}
			GpuClass::Unclassified
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn names_as_nvml_reports_them() {
		let cases = [
			("NVIDIA H100 80GB HBM3", Datacenter, (9, 0)),
			("NVIDIA A100-SXM4-80GB", Datacenter, (8, 0)),
			("NVIDIA A10G", Datacenter, (8, 6)),
			("NVIDIA A10", Datacenter, (8, 6)),
			("NVIDIA L40S", Datacenter, (8, 9)),
			("NVIDIA L4", Datacenter, (8, 9)),
			("Tesla T4", Datacenter, (7, 5)),
			("Tesla V100-SXM2-16GB", Datacenter, (7, 0)),
			("NVIDIA GeForce RTX 4090", Consumer, (8, 9)),
			("NVIDIA GeForce RTX 3090", Consumer, (8, 6)),
			("NVIDIA RTX A6000", Workstation, (8, 6)),
			("NVIDIA RTX 6000 Ada Generation", Workstation, (8, 9)),
		];
		for (name, class, capability) in cases {
			let model = lookup(name).unwrap_or_else(|| panic!("{name} is known"));
			assert_eq!((model.class, model.compute_capability), (class, capability), "{name}");
			assert_eq!(classify(name), class);
		}
	}

	#[test]
	fn unknown_models_are_unclassified() {
		assert_eq!(lookup("Matrox Millennium"), None);
		assert_eq!(classify("Matrox Millennium"), GpuClass::Unclassified);
		// Part of a word is not a match.
		assert_eq!(lookup("NVIDIA XL4000"), None);
	}
}
