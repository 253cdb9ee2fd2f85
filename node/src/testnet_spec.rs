//! `ember-node testnet-spec`: the chain spec of a public test network, from a network file that
//! names its validators, council, endowed accounts and boot nodes. No key in it may be a
//! well-known development key, and the network has no sudo key: its council governs.

use std::{collections::BTreeSet, path::PathBuf};

use ember_runtime::{
	configs::MAX_COUNCIL_MEMBERS,
	genesis_config_presets::{dev_keys, ember_genesis, Validator},
	AccountId, Balance, EMBR,
};
use sc_service::ChainType;
use serde::Deserialize;
use sp_core::{crypto::Ss58Codec, ed25519, sr25519};

use crate::chain_spec::{token_properties, wasm_binary, ChainSpec};

/// Write the chain spec of a public test network described by a network file.
#[derive(Debug, clap::Parser)]
pub struct TestnetSpecCmd {
	/// The network file (JSON): `name`, `validators` (each `account`, `babe` and `grandpa`, in
	/// SS58), `council` (SS58 accounts), `balances` (`[account, whole EMBR]` pairs) and
	/// `bootNodes` (multiaddrs ending in `/p2p/<peer id>`). See docs/validator.md.
	#[arg(long)]
	pub network: PathBuf,

	/// Write the raw form (storage keys and values) that nodes start from.
	#[arg(long)]
	pub raw: bool,
}

/// A network file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NetworkFile {
	/// The network's name, as wallets show it.
	pub name: String,
	/// Its first validators.
	pub validators: Vec<ValidatorKeys>,
	/// Its first council members.
	pub council: Vec<String>,
	/// Accounts endowed at genesis, with whole EMBR.
	#[serde(default)]
	pub balances: Vec<(String, u64)>,
	/// Nodes that new nodes connect to first.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
}

/// One validator: its account and its session keys, in SS58.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidatorKeys {
	/// The validator's account (sr25519).
	pub account: String,
	/// Its BABE key (sr25519).
	pub babe: String,
	/// Its GRANDPA key (ed25519).
	pub grandpa: String,
}

impl TestnetSpecCmd {
	/// Print the chain spec on stdout.
	pub fn run(&self) -> Result<(), String> {
		let text = std::fs::read_to_string(&self.network)
			.map_err(|e| format!("cannot read {}: {e}", self.network.display()))?;
		let network: NetworkFile = serde_json::from_str(&text)
			.map_err(|e| format!("{} is not a network file: {e}", self.network.display()))?;
		println!("{}", testnet_chain_spec(&network)?.as_json(self.raw)?);
		Ok(())
	}
}

fn account(text: &str, what: &str) -> Result<AccountId, String> {
	let account = AccountId::from_ss58check(text)
		.map_err(|e| format!("{what} `{text}` is not an SS58 address: {e:?}"))?;
	refuse_development_key(account.as_ref(), what)?;
	Ok(account)
}

/// The well-known development keys (`//Alice` … `//Ferdie`) sign for anyone who asks.
fn refuse_development_key(bytes: &[u8; 32], what: &str) -> Result<(), String> {
	let names = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];
	match dev_keys::ALL
		.iter()
		.zip(names)
		.find(|(keys, _)| *bytes == keys.sr25519 || *bytes == keys.ed25519)
	{
		Some((_, name)) => Err(format!(
			"{what} is the development key of //{name}, which anyone can sign with: generate \
			 your own with `ember-node key generate`"
		)),
		None => Ok(()),
	}
}

fn validator(keys: &ValidatorKeys) -> Result<Validator, String> {
	let babe = sr25519::Public::from_ss58check(&keys.babe)
		.map_err(|e| format!("babe key `{}` is not an SS58 sr25519 key: {e:?}", keys.babe))?;
	let grandpa = ed25519::Public::from_ss58check(&keys.grandpa)
		.map_err(|e| format!("grandpa key `{}` is not an SS58 ed25519 key: {e:?}", keys.grandpa))?;
	refuse_development_key(&babe.0, "a babe key")?;
	refuse_development_key(&grandpa.0, "a grandpa key")?;
	Ok(Validator {
		account: account(&keys.account, "a validator account")?,
		babe: babe.into(),
		grandpa: grandpa.into(),
	})
}

/// Each entry once.
fn distinct<T: Ord + Clone>(items: &[T], what: &str) -> Result<(), String> {
	let set: BTreeSet<_> = items.iter().cloned().collect();
	if set.len() == items.len() {
		Ok(())
	} else {
		Err(format!("the network file names a {what} twice"))
	}
}

/// The chain spec of the network that `network` describes.
pub fn testnet_chain_spec(network: &NetworkFile) -> Result<ChainSpec, String> {
	if network.name.trim().is_empty() {
		return Err("the network needs a name".into());
	}
	if network.validators.is_empty() {
		return Err("the network needs at least one validator".into());
	}
	if network.council.is_empty() {
		return Err("the network needs a council: it is the network's only governance".into());
	}
	if network.council.len() > MAX_COUNCIL_MEMBERS as usize {
		return Err(format!("the council has at most {MAX_COUNCIL_MEMBERS} members"));
	}
	let validators = network.validators.iter().map(validator).collect::<Result<Vec<_>, _>>()?;
	let accounts: Vec<AccountId> = validators.iter().map(|v| v.account.clone()).collect();
	distinct(&accounts, "validator")?;
	let council = network
		.council
		.iter()
		.map(|member| account(member, "a council member"))
		.collect::<Result<Vec<_>, _>>()?;
	distinct(&council, "council member")?;
	let balances = network
		.balances
		.iter()
		.map(|(who, embr)| {
			Ok((account(who, "an endowed account")?, Balance::from(*embr).saturating_mul(EMBR)))
		})
		.collect::<Result<Vec<_>, String>>()?;
	let endowed: Vec<AccountId> = balances.iter().map(|(who, _)| who.clone()).collect();
	distinct(&endowed, "endowed account")?;
	let boot_nodes = network
		.boot_nodes
		.iter()
		.map(|addr| addr.parse().map_err(|e| format!("boot node `{addr}`: {e}")))
		.collect::<Result<Vec<_>, String>>()?;

	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name(network.name.trim())
		.with_id("ember_testnet")
		.with_protocol_id("embr-testnet")
		.with_chain_type(ChainType::Live)
		.with_genesis_config_patch(ember_genesis(validators, balances, council, None))
		.with_boot_nodes(boot_nodes)
		.with_properties(token_properties())
		.build())
}
