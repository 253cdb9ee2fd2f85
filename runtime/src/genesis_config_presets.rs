//! Genesis presets: `dev` (Alice alone), `local_testnet` (Alice, Bob, Charlie and Dave) and
//! `testnet` (a template for a public test network).

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, Balance, BalancesConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	SudoConfig, ValidatorSetConfig, EMBR,
};

/// Name of the public test network preset.
pub const TESTNET_RUNTIME_PRESET: &str = "testnet";

/// What each endowed development account starts with.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * EMBR;

/// A validator: its account and its session keys.
pub struct Validator {
	/// The validator's account (also its validator id).
	pub account: AccountId,
	/// Aura authoring key.
	pub aura: AuraId,
	/// GRANDPA finality key.
	pub grandpa: GrandpaId,
}

impl Validator {
	/// A well-known development validator whose keys derive from `//<Name>`.
	fn from_keyring(keyring: Sr25519Keyring) -> Self {
		let grandpa = match keyring {
			Sr25519Keyring::Alice => Ed25519Keyring::Alice,
			Sr25519Keyring::Bob => Ed25519Keyring::Bob,
			Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
			Sr25519Keyring::Dave => Ed25519Keyring::Dave,
			Sr25519Keyring::Eve => Ed25519Keyring::Eve,
			_ => Ed25519Keyring::Ferdie,
		};
		Self {
			account: keyring.to_account_id(),
			aura: keyring.public().into(),
			grandpa: grandpa.public().into(),
		}
	}
}

/// The genesis state of an Ember network.
pub fn ember_genesis(
	validators: Vec<Validator>,
	endowed_accounts: Vec<(AccountId, Balance)>,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed_accounts },
		validator_set: ValidatorSetConfig {
			initial_validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|v| {
					(
						v.account.clone(),
						v.account,
						SessionKeys { aura: v.aura, grandpa: v.grandpa },
					)
				})
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

fn dev_accounts() -> Vec<(AccountId, Balance)> {
	Sr25519Keyring::iter()
		.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
		.map(|k| (k.to_account_id(), DEV_ENDOWMENT))
		.collect()
}

/// `dev`: Alice validates alone and is the sudo key; blocks start at once.
pub fn development_genesis() -> Value {
	ember_genesis(
		vec![Validator::from_keyring(Sr25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// `local_testnet`: four validators, so GRANDPA keeps finalizing with one of them down.
pub fn local_testnet_genesis() -> Value {
	ember_genesis(
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
			.into_iter()
			.map(Validator::from_keyring)
			.collect(),
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// `testnet`: the template for a public test network. Its validator and sudo keys are the
/// well-known development keys: replace them in the chain spec (`build-spec`, then edit the
/// `patch`) before launching anything others will use.
pub fn testnet_genesis() -> Value {
	let faucet = Sr25519Keyring::Ferdie.to_account_id();
	ember_genesis(
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
			.into_iter()
			.map(Validator::from_keyring)
			.collect(),
		vec![
			(Sr25519Keyring::Alice.to_account_id(), 10_000 * EMBR),
			(Sr25519Keyring::Bob.to_account_id(), 10_000 * EMBR),
			(Sr25519Keyring::Charlie.to_account_id(), 10_000 * EMBR),
			(Sr25519Keyring::Dave.to_account_id(), 10_000 * EMBR),
			(faucet, 10_000_000 * EMBR),
		],
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of the preset named `id`.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		TESTNET_RUNTIME_PRESET => testnet_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// Names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(TESTNET_RUNTIME_PRESET),
	]
}
