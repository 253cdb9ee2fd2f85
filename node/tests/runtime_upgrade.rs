//! Runtime upgrades on a running `ember-node --dev`: through the dev chain's sudo key
//! (`system.setCode`), and as on `local_testnet` and `testnet`, which have no sudo key, through
//! two thirds of the council with `emberctl` (authorize, then apply). The chain switches to the
//! new code without a restart and keeps producing and finalizing blocks.

mod common;

use std::{path::PathBuf, process::Command, time::Duration};

use codec::Encode;
use common::{extrinsic::submit, hex_number, Node};
use ember_runtime::{RuntimeCall, VERSION, WASM_BINARY};
use serde_json::json;
use sp_keyring::Sr25519Keyring;

/// Largest runtime the node will decompress.
const CODE_BOMB_LIMIT: usize = 64 * 1024 * 1024;

/// The runtime's wasm with `spec_version` raised by one in its embedded `runtime_version`
/// section, which is what the chain and the node read to version a new runtime.
fn next_version_of_runtime() -> Vec<u8> {
	let compressed = WASM_BINARY.expect("ember-node tests need the wasm runtime");
	let wasm = sp_maybe_compressed_blob::decompress(compressed, CODE_BOMB_LIMIT)
		.expect("the runtime decompresses")
		.into_owned();
	let patched = rewrite_custom_section(&wasm, "runtime_version", |section| {
		let mut version =
			sp_version::RuntimeVersion::decode_with_version_hint(&mut &section[..], Some(5))
				.expect("the embedded version decodes");
		assert_eq!(version.spec_version, VERSION.spec_version);
		version.spec_version += 1;
		version.encode()
	});
	sp_maybe_compressed_blob::compress_strongly(&patched, CODE_BOMB_LIMIT)
		.expect("the patched runtime compresses")
}

/// Rewrites the payload of the custom section `name` of a wasm module.
fn rewrite_custom_section(wasm: &[u8], name: &str, edit: impl Fn(&[u8]) -> Vec<u8>) -> Vec<u8> {
	let mut out = wasm[..8].to_vec();
	let mut at = 8;
	let mut found = false;
	while at < wasm.len() {
		let id = wasm[at];
		let (size, size_len) = read_leb128(&wasm[at + 1..]);
		let body_start = at + 1 + size_len;
		let body = &wasm[body_start..body_start + size];
		at = body_start + size;
		if id == 0 {
			let (name_len, name_len_len) = read_leb128(body);
			let section_name = &body[name_len_len..name_len_len + name_len];
			if section_name == name.as_bytes() {
				found = true;
				let mut new_body = body[..name_len_len + name_len].to_vec();
				new_body.extend(edit(&body[name_len_len + name_len..]));
				out.push(0);
				write_leb128(&mut out, new_body.len());
				out.extend(new_body);
				continue;
			}
		}
		out.push(id);
		write_leb128(&mut out, size);
		out.extend(body);
	}
	assert!(found, "the runtime has a `{name}` section");
	out
}

fn read_leb128(bytes: &[u8]) -> (usize, usize) {
	let mut value = 0usize;
	for (i, byte) in bytes.iter().enumerate() {
		value |= ((byte & 0x7f) as usize) << (7 * i);
		if byte & 0x80 == 0 {
			return (value, i + 1);
		}
	}
	panic!("truncated LEB128");
}

fn write_leb128(out: &mut Vec<u8>, mut value: usize) {
	loop {
		let byte = (value & 0x7f) as u8;
		value >>= 7;
		if value == 0 {
			out.push(byte);
			return;
		}
		out.push(byte | 0x80);
	}
}

fn spec_version(node: &Node) -> Option<u64> {
	node.try_rpc("state_getRuntimeVersion", json!([])).ok()?["specVersion"].as_u64()
}

/// Waits until the node runs `VERSION.spec_version + 1`, then for blocks and finality past it.
fn wait_for_the_next_version(node: &Node) {
	let upgraded_at = node.wait_for("the new spec version", Duration::from_secs(120), |node| {
		(spec_version(node)? == VERSION.spec_version as u64 + 1).then(|| node.best_number())?
	});
	// The chain goes on with the new code: new blocks, and finality past the upgrade.
	node.wait_for("blocks after the upgrade", Duration::from_secs(120), |node| {
		node.best_number().filter(|n| *n >= upgraded_at + 3)
	});
	node.wait_for("finality past the upgrade", Duration::from_secs(120), |node| {
		node.finalized_number().filter(|n| *n > upgraded_at)
	});
	let header = node.rpc("chain_getHeader", json!([]));
	assert!(hex_number(&header["number"]).is_some());
}

/// `emberctl` against `node`, signing with `key`: its JSON output, or its error output.
fn emberctl(node: &Node, key: Option<&str>, args: &[&str]) -> Result<serde_json::Value, String> {
	// `cargo test --workspace` builds emberctl next to ember-node.
	let binary = PathBuf::from(env!("CARGO_BIN_EXE_ember-node")).with_file_name("emberctl");
	assert!(binary.exists(), "{} is not built: run the workspace's tests", binary.display());
	let mut command = Command::new(binary);
	command.args(["--url", &format!("ws://127.0.0.1:{}", node.rpc_port), "--json"]);
	if let Some(key) = key {
		command.args(["--key", key]);
	}
	let output = command.args(args).output().map_err(|e| e.to_string())?;
	let stdout = String::from_utf8_lossy(&output.stdout).to_string();
	if !output.status.success() {
		return Err(format!("{}{stdout}", String::from_utf8_lossy(&output.stderr)));
	}
	serde_json::from_str(&stdout).map_err(|e| format!("emberctl printed no JSON ({e}): {stdout}"))
}

#[test]
fn set_code_upgrades_the_runtime_without_a_restart() {
	let node = Node::dev("upgrade");
	node.wait_ready();
	node.wait_for("block #2", Duration::from_secs(120), |node| {
		node.best_number().filter(|n| *n >= 2)
	});
	assert_eq!(spec_version(&node), Some(VERSION.spec_version as u64));

	let code = next_version_of_runtime();
	let set_code = RuntimeCall::System(frame_system::Call::set_code { code });
	submit(
		&node,
		&Sr25519Keyring::Alice.pair(),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
			call: Box::new(set_code),
			weight: sp_runtime::Weight::from_parts(1_000_000_000, 0),
		}),
	);
	wait_for_the_next_version(&node);
}

#[test]
fn two_thirds_of_the_council_upgrade_the_runtime_with_emberctl() {
	let node = Node::dev("council-upgrade");
	node.wait_ready();
	node.wait_for("block #2", Duration::from_secs(120), |node| {
		node.best_number().filter(|n| *n >= 2)
	});
	let code = next_version_of_runtime();
	let wasm = std::env::temp_dir().join(format!("ember-runtime-next-{}.wasm", node.rpc_port));
	std::fs::write(&wasm, &code).expect("the new runtime is written");
	let wasm = wasm.to_str().expect("a UTF-8 temp dir");
	let run = |key: Option<&str>, args: &[&str]| {
		emberctl(&node, key, args).unwrap_or_else(|error| panic!("{error}"))
	};

	// Nothing is authorized yet: emberctl refuses before anyone pays for 1 MB of code.
	let refused = emberctl(&node, Some("//Dave"), &["apply-upgrade", wasm]).unwrap_err();
	assert!(refused.contains("no runtime upgrade is authorized"), "{refused}");

	// Alice proposes; running as Root needs two thirds of the dev council's three seats.
	run(Some("//Alice"), &["council", "propose", "authorize-upgrade", wasm]);
	let shown = run(None, &["council", "show"]);
	assert_eq!(shown["motions"][0]["threshold"], 2, "{shown}");
	assert!(shown["authorized_upgrade"].is_null(), "{shown}");
	let early = emberctl(&node, Some("//Dave"), &["council", "close", "0"]).unwrap_err();
	assert!(early.contains("TooEarly"), "{early}");

	// Bob's aye passes it; Dave, who holds no seat, closes it: Root authorizes the code.
	run(Some("//Bob"), &["council", "vote", "0", "aye"]);
	run(Some("//Dave"), &["council", "close", "0"]);
	let shown = run(None, &["council", "show"]);
	let code_hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&code);
	let authorized = format!("0x{}", common::hex(code_hash.as_bytes()));
	assert_eq!(shown["authorized_upgrade"], authorized.as_str(), "{shown}");

	// Anyone applies it, but only the authorized code.
	let other = std::env::temp_dir().join(format!("ember-runtime-other-{}.wasm", node.rpc_port));
	std::fs::write(&other, WASM_BINARY.expect("the wasm runtime")).expect("written");
	let wrong = emberctl(&node, Some("//Dave"), &["apply-upgrade", other.to_str().expect("utf-8")])
		.unwrap_err();
	assert!(wrong.contains("but the upgrade authorized is"), "{wrong}");
	run(Some("//Dave"), &["apply-upgrade", wasm]);
	wait_for_the_next_version(&node);
	assert!(run(None, &["council", "show"])["authorized_upgrade"].is_null());
}
