//! Signed extrinsics and storage keys, built with the runtime's own types.

use codec::{Decode, Encode};
use ember_runtime::{AccountId, Balance, Nonce, RuntimeCall, UncheckedExtrinsic};
use serde_json::json;
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_io::hashing;

use super::{hex, unhex, Node};

/// The genesis hash of the node's chain.
pub fn genesis_hash(node: &Node) -> H256 {
	let hash = node.rpc("chain_getBlockHash", json!([0]));
	H256::from_slice(&unhex(hash.as_str().expect("genesis hash is a string")))
}

/// The next nonce of `who`, counting transactions in the pool.
pub fn next_nonce(node: &Node, who: &AccountId) -> Nonce {
	let nonce = node.rpc("system_accountNextIndex", json!([who.to_string()]));
	nonce.as_u64().expect("nonce is a number") as Nonce
}

/// `call` signed by `signer` with `nonce`, immortal, with no tip.
pub fn signed(
	node: &Node,
	signer: &sr25519::Pair,
	nonce: Nonce,
	call: RuntimeCall,
) -> UncheckedExtrinsic {
	ember_runtime::signing::signed_extrinsic(signer, nonce, genesis_hash(node), call)
}

/// Submits `call` signed by `signer` with its next nonce; returns the transaction hash.
pub fn submit(node: &Node, signer: &sr25519::Pair, call: RuntimeCall) -> String {
	let account: AccountId = signer.public().into();
	let nonce = next_nonce(node, &account);
	let xt = signed(node, signer, nonce, call);
	let hash = node.rpc("author_submitExtrinsic", json!([format!("0x{}", hex(&xt.encode()))]));
	hash.as_str().expect("transaction hash").to_string()
}

/// Storage key of a `StorageMap` entry hashed with `Blake2_128Concat`.
pub fn map_key_blake2_128_concat(pallet: &str, item: &str, key: &[u8]) -> Vec<u8> {
	let mut out = value_key(pallet, item);
	out.extend(hashing::blake2_128(key));
	out.extend(key);
	out
}

/// Storage key of a `StorageValue`, and the prefix of a map.
pub fn value_key(pallet: &str, item: &str) -> Vec<u8> {
	let mut out = hashing::twox_128(pallet.as_bytes()).to_vec();
	out.extend(hashing::twox_128(item.as_bytes()));
	out
}

/// `System::Account` of `who` at the best block.
pub fn account_info(
	node: &Node,
	who: &AccountId,
) -> frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>> {
	let key = map_key_blake2_128_concat("System", "Account", &who.encode());
	node.storage(&key)
		.map(|bytes| Decode::decode(&mut &bytes[..]).expect("AccountInfo decodes"))
		.unwrap_or_default()
}

/// Free balance of `who` at the best block.
pub fn free_balance(node: &Node, who: &AccountId) -> Balance {
	account_info(node, who).data.free
}
