//! Genesis presets: `dev` (Alice alone) and `local_testnet` (Alice, Bob, Charlie and Dave), both
//! on the well-known development keys. A public network is built from its own keys by
//! [`ember_genesis`] (`ember-node testnet-spec`), never from a preset.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{ed25519, sr25519};
use sp_genesis_builder::PresetId;

use crate::{
	AccountId, BabeConfig, Balance, BalancesConfig, CouncilMembershipConfig, EmissionsConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, ValidatorSetConfig, EMBR,
};
use pallet_emissions::{RewardParams, ScheduleParams};
use sp_runtime::Perbill;

/// What each endowed development account starts with.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * EMBR;

/// One-hour eras in a year of 365.25 days.
pub const ERAS_PER_YEAR: u32 = 8_766;

/// The emission schedule every preset starts with: 10 % of the genesis supply in the first year,
/// halving every two years, never below 1 % a year.
pub fn emission_schedule() -> ScheduleParams {
	ScheduleParams {
		// Zero: the issuance at genesis.
		initial_supply: 0,
		initial_annual_rate: Perbill::from_percent(10),
		half_life_eras: 2 * ERAS_PER_YEAR,
		tail_annual_rate: Perbill::from_percent(1),
		eras_per_year: ERAS_PER_YEAR,
	}
}

/// Reference class scores by NVML model name: roughly each model's dense FP16 throughput
/// relative to a T4 at 100. Models not listed score `default_class_score` (100).
pub fn gpu_class_scores() -> Vec<(Vec<u8>, u32)> {
	[
		("NVIDIA H100 80GB HBM3", 1_000),
		("NVIDIA H100 PCIe", 850),
		("NVIDIA A100-SXM4-80GB", 600),
		("NVIDIA A100-SXM4-40GB", 550),
		("NVIDIA A100 80GB PCIe", 550),
		("NVIDIA L40S", 450),
		("NVIDIA GeForce RTX 4090", 350),
		("NVIDIA A10", 200),
		("NVIDIA GeForce RTX 3090", 200),
		("Tesla T4", 100),
	]
	.into_iter()
	.map(|(model, score)| (model.as_bytes().to_vec(), score))
	.collect()
}

/// A validator: its account and its session keys.
pub struct Validator {
	/// The validator's account (also its validator id).
	pub account: AccountId,
	/// BABE authoring key.
	pub babe: BabeId,
	/// GRANDPA finality key.
	pub grandpa: GrandpaId,
}

impl Validator {
	/// A well-known development validator.
	fn dev(keys: dev_keys::DevKeys) -> Self {
		Self {
			account: dev_account(keys),
			babe: sr25519::Public::from_raw(keys.sr25519).into(),
			grandpa: ed25519::Public::from_raw(keys.ed25519).into(),
		}
	}
}

/// The account of a development identity.
pub fn dev_account(keys: dev_keys::DevKeys) -> AccountId {
	AccountId::from(keys.sr25519)
}

/// Public keys of the well-known development accounts (`//Alice` … `//Ferdie`), written out so
/// that the runtime need not carry the code that derives keys from seed phrases.
pub mod dev_keys {
	/// The public keys of one development identity.
	#[derive(Clone, Copy)]
	pub struct DevKeys {
		/// sr25519 public key: the account id and the BABE key.
		pub sr25519: [u8; 32],
		/// ed25519 public key: the GRANDPA key.
		pub ed25519: [u8; 32],
	}

	/// Decodes 64 hex digits at compile time.
	const fn hex32(hex: &str) -> [u8; 32] {
		const fn digit(c: u8) -> u8 {
			match c {
				b'0'..=b'9' => c - b'0',
				b'a'..=b'f' => c - b'a' + 10,
				_ => panic!("not a lower-case hex digit"),
			}
		}
		let bytes = hex.as_bytes();
		assert!(bytes.len() == 64, "a key is 32 bytes");
		let mut out = [0u8; 32];
		let mut i = 0;
		while i < 32 {
			out[i] = digit(bytes[2 * i]) << 4 | digit(bytes[2 * i + 1]);
			i += 1;
		}
		out
	}

	/// `//Alice`: sr25519 (account, BABE) and ed25519 (GRANDPA) public keys.
	pub const ALICE: DevKeys = DevKeys {
		sr25519: hex32("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"),
		ed25519: hex32("88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee"),
	};

	/// `//Bob`: sr25519 (account, BABE) and ed25519 (GRANDPA) public keys.
	pub const BOB: DevKeys = DevKeys {
		sr25519: hex32("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48"),
		ed25519: hex32("d17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69"),
	};

	/// `//Charlie`: sr25519 (account, BABE) and ed25519 (GRANDPA) public keys.
	pub const CHARLIE: DevKeys = DevKeys {
		sr25519: hex32("90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22"),
		ed25519: hex32("439660b36c6c03afafca027b910b4fecf99801834c62a5e6006f27d978de234f"),
	};

	/// `//Dave`: sr25519 (account, BABE) and ed25519 (GRANDPA) public keys.
	pub const DAVE: DevKeys = DevKeys {
		sr25519: hex32("306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20"),
		ed25519: hex32("5e639b43e0052c47447dac87d6fd2b6ec50bdd4d0f614e4299c665249bbd09d9"),
	};

	/// `//Eve`: sr25519 (account, BABE) and ed25519 (GRANDPA) public keys.
	pub const EVE: DevKeys = DevKeys {
		sr25519: hex32("e659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e"),
		ed25519: hex32("1dfe3e22cc0d45c70779c1095f7489a8ef3cf52d62fbd8c2fa38c9f1723502b5"),
	};

	/// `//Ferdie`: sr25519 (account, BABE) and ed25519 (GRANDPA) public keys.
	pub const FERDIE: DevKeys = DevKeys {
		sr25519: hex32("1cbd2d43530a44705ad088af313e18f80b53ef16b36177cd4b77b846f2a5f07c"),
		ed25519: hex32("568cb4a574c6d178feb39c27dfc8b3f789e5f5423e19c71633c748b9acf086b5"),
	};

	/// Every development identity, Alice first.
	pub const ALL: [DevKeys; 6] = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE];
}

/// The genesis state of an Ember network: its validators, endowed accounts, council (whose
/// majority governs) and, on development chains only, a sudo key.
pub fn ember_genesis(
	validators: Vec<Validator>,
	endowed_accounts: Vec<(AccountId, Balance)>,
	council: Vec<AccountId>,
	root: Option<AccountId>,
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
					(v.account.clone(), v.account, SessionKeys { babe: v.babe, grandpa: v.grandpa })
				})
				.collect::<Vec<_>>(),
		},
		babe: BabeConfig { epoch_config: crate::BABE_GENESIS_EPOCH_CONFIG },
		sudo: SudoConfig { key: root },
		council_membership: CouncilMembershipConfig {
			members: frame_support::BoundedVec::truncate_from(council),
		},
		emissions: EmissionsConfig {
			schedule: emission_schedule(),
			rewards: RewardParams::default(),
			class_scores: gpu_class_scores(),
		},
	})
}

fn dev_accounts() -> Vec<(AccountId, Balance)> {
	dev_keys::ALL.iter().map(|keys| (dev_account(*keys), DEV_ENDOWMENT)).collect()
}

fn four_dev_validators() -> Vec<Validator> {
	[dev_keys::ALICE, dev_keys::BOB, dev_keys::CHARLIE, dev_keys::DAVE]
		.into_iter()
		.map(Validator::dev)
		.collect()
}

/// The development council: Alice, Bob and Charlie; two of them make a majority.
fn dev_council() -> Vec<AccountId> {
	[dev_keys::ALICE, dev_keys::BOB, dev_keys::CHARLIE]
		.into_iter()
		.map(dev_account)
		.collect()
}

/// The development chain's challenge shape: 64×64 products of rows of 256, which the CPU
/// solver answers in under a millisecond, so that simulated GPUs can prove themselves.
pub const DEV_CHALLENGE_SHAPE: (u32, u32, u32) = (64, 256, 1);

/// `dev`: Alice validates alone and is the sudo key (for convenience: the council of Alice, Bob
/// and Charlie governs too); blocks start at once; challenges are small.
pub fn development_genesis() -> Value {
	let mut patch = ember_genesis(
		vec![Validator::dev(dev_keys::ALICE)],
		dev_accounts(),
		dev_council(),
		Some(dev_account(dev_keys::ALICE)),
	);
	if let Some(config) = patch.as_object_mut() {
		config.insert(
			"challenges".into(),
			serde_json::json!({ "defaultShape": DEV_CHALLENGE_SHAPE }),
		);
	}
	patch
}

/// `local_testnet`: four validators, so GRANDPA keeps finalizing with one of them down. No sudo
/// key: the council of Alice, Bob and Charlie governs.
pub fn local_testnet_genesis() -> Value {
	ember_genesis(four_dev_validators(), dev_accounts(), dev_council(), None)
}

/// The JSON patch of the preset named `id`.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// Names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
