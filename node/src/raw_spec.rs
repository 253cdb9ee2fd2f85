//! `ember-node raw-spec`: the raw form of a chain spec, its genesis state built with the runtime
//! compiled into this binary. `build-spec --raw` builds it inside the runtime's wasm, whose
//! allocator refuses any single allocation over 32 MiB: a genesis patch of more than about
//! 45,000 providers (the scale harness's, or a large test network's) cannot pass through it.
//! The state is the same: the same genesis code runs natively (a node test compares the two).

use std::path::PathBuf;

use ember_runtime::RuntimeGenesisConfig;
use serde_json::{json, Map, Value};
use sp_core::{
	bytes::{from_hex, to_hex},
	storage::{well_known_keys::CODE, Storage},
};
use sp_runtime::BuildStorage;

/// Write the raw form of a chain spec, building its genesis natively.
#[derive(Debug, clap::Parser)]
pub struct RawSpecCmd {
	/// The chain spec to build (JSON, not raw): its genesis is the runtime's code and a patch
	/// of the runtime's genesis config, as `build-spec` without `--raw` writes it.
	#[arg(long)]
	pub chain: PathBuf,

	/// Where to write the raw chain spec.
	#[arg(long)]
	pub out: PathBuf,
}

impl RawSpecCmd {
	/// Build the genesis state and write the raw spec.
	pub fn run(&self) -> Result<(), String> {
		let bytes = std::fs::read(&self.chain)
			.map_err(|e| format!("cannot read {}: {e}", self.chain.display()))?;
		let mut spec: Value = serde_json::from_slice(&bytes)
			.map_err(|e| format!("the chain spec is not JSON: {e}"))?;
		let storage = genesis_storage(&mut spec)?;
		spec["genesis"] = json!({ "raw": raw_json(&storage) });
		let out = serde_json::to_vec(&spec).map_err(|e| e.to_string())?;
		std::fs::write(&self.out, out)
			.map_err(|e| format!("cannot write {}: {e}", self.out.display()))
	}
}

/// The genesis state of `spec`: the runtime's default genesis config with the spec's patch
/// merged in, built natively, and the spec's runtime code under `:code`.
fn genesis_storage(spec: &mut Value) -> Result<Storage, String> {
	let genesis = spec
		.pointer_mut("/genesis/runtimeGenesis")
		.ok_or("the chain spec has no `genesis.runtimeGenesis`: is it raw already?")?;
	let code = genesis["code"]
		.as_str()
		.ok_or("the chain spec's genesis has no runtime code")
		.and_then(|hex| from_hex(hex).map_err(|_| "the runtime code is not hex"))?;
	let patch = genesis.get_mut("patch").map(Value::take).unwrap_or(Value::Null);
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
		.map_err(|e| format!("the default genesis config does not serialize: {e}"))?;
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config)
		.map_err(|e| format!("the genesis patch does not fit the runtime's config: {e}"))?;
	let mut storage = config.build_storage()?;
	storage.top.insert(CODE.to_vec(), code);
	Ok(storage)
}

/// Merge `patch` into `base`: objects key by key, anything else replaced.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// `{"top": {key: value}, "childrenDefault": {child: {key: value}}}`, all in hex.
fn raw_json(storage: &Storage) -> Value {
	let pairs = |map: &std::collections::BTreeMap<Vec<u8>, Vec<u8>>| -> Map<String, Value> {
		map.iter()
			.map(|(k, v)| (to_hex(k, false), Value::String(to_hex(v, false))))
			.collect()
	};
	let children: Map<String, Value> = storage
		.children_default
		.values()
		.map(|child| {
			(to_hex(child.child_info.storage_key(), false), Value::Object(pairs(&child.data)))
		})
		.collect();
	json!({ "top": pairs(&storage.top), "childrenDefault": children })
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_patch_merges_key_by_key() {
		let mut base = json!({ "a": { "x": 1, "y": 2 }, "b": [1, 2], "c": 3 });
		merge(&mut base, json!({ "a": { "y": 20, "z": 30 }, "b": [9] }));
		assert_eq!(base, json!({ "a": { "x": 1, "y": 20, "z": 30 }, "b": [9], "c": 3 }));
	}

	#[test]
	fn a_raw_spec_is_refused() {
		let mut spec = json!({ "genesis": { "raw": { "top": {} } } });
		assert!(genesis_storage(&mut spec).is_err());
	}
}
