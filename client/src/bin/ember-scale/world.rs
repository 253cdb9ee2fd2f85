//! The scale world: who its providers, agents, tenants and payers are, and the genesis that
//! puts them on chain. Everything derives from an index, so the spec writer and the driver
//! agree without sharing a file.

use ember_client::{chain::AccountId, units::PLANCKS_PER_EMBR};
use serde_json::{json, Value};
use sp_crypto_hashing::blake2_256;
use std::sync::OnceLock;

use subxt_signer::{bip39, sr25519::Keypair, DeriveJunction, DEV_PHRASE};

/// The GPU model every scale provider claims: not in the class table, so genesis weighs it at
/// the default class score, as the emissions pallet will (see the registry's genesis docs).
pub const MODEL: &str = "Ember Scale GPU";
/// Each scale owner's genesis balance, in EMBR: the bond plus room for its tenant escrows.
const OWNER_BALANCE_EMBR: u128 = 20_000;
/// Each payer's genesis balance, in EMBR.
const PAYER_BALANCE_EMBR: u128 = 1_000;

/// The shape of a scale world.
#[derive(Clone, Copy, Debug)]
pub struct World {
	/// Providers, each with its own owner and agent.
	pub providers: u32,
	/// GPUs per provider.
	pub gpus_per_provider: u32,
	/// Leases per provider, of one GPU each, running from genesis.
	pub leases_per_provider: u32,
	/// Accounts that only send transfers, for the comparison.
	pub payers: u32,
}

impl World {
	/// The owner of provider `index`: an account nobody holds a key to (owners never sign in
	/// the harness), derived from the index.
	pub fn owner(index: u32) -> AccountId {
		AccountId::from(blake2_256(
			&[b"ember-scale/owner/".as_slice(), &index.to_le_bytes()].concat(),
		))
	}

	/// The agent key of provider `index`: `//EmberScale//agent//<index>`.
	pub fn agent(index: u32) -> Keypair {
		derived("agent", index)
	}

	/// Payer `index`, which sends transfers: `//EmberScale//payer//<index>`.
	pub fn payer(index: u32) -> Keypair {
		derived("payer", index)
	}

	/// The tenant of provider `index`'s leases: the next provider's owner (a tenant may not
	/// rent from its own provider).
	pub fn tenant_of(&self, index: u32) -> AccountId {
		Self::owner((index + 1) % self.providers)
	}

	/// The ids of provider `index`'s genesis leases: genesis leases are numbered in order.
	pub fn leases_of(&self, index: u32) -> std::ops::Range<u64> {
		let first = u64::from(index) * u64::from(self.leases_per_provider);
		first..first + u64::from(self.leases_per_provider)
	}

	/// Add the world to a chain spec's genesis patch (`ember-node build-spec`, not raw): balances,
	/// bonds, providers and leases. `agents` and `payers` are the accounts of
	/// [`World::agent`] and [`World::payer`], in order.
	pub fn patch_spec(
		&self,
		spec: &mut Value,
		agents: &[AccountId],
		payers: &[AccountId],
		bond_embr: u128,
		lease: LeaseTerms,
	) -> Result<(), String> {
		if self.providers < 2 {
			return Err(
				"a scale world needs at least two providers (each rents from the next)".into()
			);
		}
		if self.leases_per_provider > self.gpus_per_provider {
			return Err("more leases of one GPU than a provider has GPUs".into());
		}
		let patch = spec
			.pointer_mut("/genesis/runtimeGenesis/patch")
			.and_then(Value::as_object_mut)
			.ok_or("the chain spec has no genesis patch: pass one from `ember-node build-spec` without --raw")?;
		let balances = patch
			.entry("balances")
			.or_insert_with(|| json!({ "balances": [] }))
			.pointer_mut("/balances")
			.and_then(Value::as_array_mut)
			.ok_or("the genesis patch's balances are not a list")?;
		let embr = |amount: u128| json!(amount * PLANCKS_PER_EMBR);
		for index in 0..self.providers {
			balances.push(json!([Self::owner(index).to_string(), embr(OWNER_BALANCE_EMBR)]));
		}
		// Agents send feeless heartbeats; a little balance keeps their accounts alive.
		for agent in agents {
			balances.push(json!([agent.to_string(), embr(1)]));
		}
		for payer in payers {
			balances.push(json!([payer.to_string(), embr(PAYER_BALANCE_EMBR)]));
		}
		let owners = (0..self.providers).map(Self::owner);
		patch.insert(
			"providerStaking".into(),
			json!({
				"providerBonds": owners.clone().map(|owner| json!([owner.to_string(), embr(bond_embr)])).collect::<Vec<_>>()
			}),
		);
		patch.insert(
			"providers".into(),
			json!({
				"providers": owners.zip(agents).enumerate().map(|(index, (owner, agent))| json!({
					"owner": owner.to_string(),
					"agent": agent.to_string(),
					"region": "scale",
					"peerId": format!("scale-{index}"),
					"model": MODEL,
					"vramMib": 81_920,
					"computeCapability": [9, 0],
					"gpus": self.gpus_per_provider,
				})).collect::<Vec<_>>()
			}),
		);
		let leases: Vec<Value> = (0..self.providers)
			.flat_map(|index| {
				let (tenant, provider) = (self.tenant_of(index), Self::owner(index));
				(0..self.leases_per_provider).map(move |_| {
					json!({
						"tenant": tenant.to_string(),
						"provider": provider.to_string(),
						"gpus": 1,
						"pricePerGpuHour": lease.price_per_gpu_hour,
						"duration": lease.duration,
					})
				})
			})
			.collect();
		patch.insert("leases".into(), json!({ "leases": leases }));
		Ok(())
	}
}

/// What each genesis lease costs and how long it runs.
#[derive(Clone, Copy, Debug)]
pub struct LeaseTerms {
	/// Plancks per GPU-hour.
	pub price_per_gpu_hour: u128,
	/// Blocks.
	pub duration: u32,
}

/// `//EmberScale//<role>//<index>` from the development phrase. The phrase's seed is computed
/// once: it costs thousands of hash rounds, the derivation a few microseconds.
fn derived(role: &str, index: u32) -> Keypair {
	static ROOT: OnceLock<Keypair> = OnceLock::new();
	let root = ROOT.get_or_init(|| {
		let phrase = bip39::Mnemonic::parse(DEV_PHRASE).expect("the development phrase parses");
		Keypair::from_phrase(&phrase, None).expect("the development phrase makes a key")
	});
	root.derive([
		DeriveJunction::hard("EmberScale"),
		DeriveJunction::hard(role),
		DeriveJunction::hard(u64::from(index)),
	])
}

#[cfg(test)]
mod tests {
	use super::*;

	fn base_spec() -> Value {
		json!({ "genesis": { "runtimeGenesis": { "patch": { "balances": { "balances": [["5Alice", 1]] } } } } })
	}

	#[test]
	fn every_provider_rents_from_the_next_and_lease_ids_follow_genesis_order() {
		let world = World { providers: 3, gpus_per_provider: 4, leases_per_provider: 2, payers: 1 };
		assert_eq!(world.tenant_of(0), World::owner(1));
		assert_eq!(world.tenant_of(2), World::owner(0));
		assert_eq!(world.leases_of(0), 0..2);
		assert_eq!(world.leases_of(2), 4..6);
		assert_ne!(World::owner(0), World::owner(1));
	}

	#[test]
	fn the_spec_gains_balances_bonds_providers_and_leases() {
		let world = World { providers: 3, gpus_per_provider: 4, leases_per_provider: 2, payers: 2 };
		let agents: Vec<AccountId> = (0..3).map(|i| AccountId::from([i as u8; 32])).collect();
		let payers: Vec<AccountId> = (10..12).map(|i| AccountId::from([i as u8; 32])).collect();
		let mut spec = base_spec();
		let terms = LeaseTerms { price_per_gpu_hour: 5, duration: 100 };
		world.patch_spec(&mut spec, &agents, &payers, 3_000, terms).unwrap();
		let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
		// Alice's entry is kept; three owners, three agents and two payers are added.
		assert_eq!(patch["balances"]["balances"].as_array().unwrap().len(), 1 + 3 + 3 + 2);
		let bonds = patch["providerStaking"]["providerBonds"].as_array().unwrap();
		assert_eq!(bonds.len(), 3);
		assert_eq!(bonds[0][1], json!(3_000 * PLANCKS_PER_EMBR));
		let providers = patch["providers"]["providers"].as_array().unwrap();
		assert_eq!(providers[1]["agent"], json!(agents[1].to_string()));
		assert_eq!(providers[1]["gpus"], json!(4));
		let leases = patch["leases"]["leases"].as_array().unwrap();
		assert_eq!(leases.len(), 6);
		assert_eq!(leases[5]["provider"], json!(World::owner(2).to_string()));
		assert_eq!(leases[5]["tenant"], json!(World::owner(0).to_string()));
	}

	#[test]
	fn keys_are_the_ones_their_secret_uris_name() {
		let by_uri = |uri: &str| {
			let uri: subxt_signer::SecretUri = uri.parse().unwrap();
			Keypair::from_uri(&uri).unwrap().public_key().0
		};
		assert_eq!(World::agent(7).public_key().0, by_uri("//EmberScale//agent//7"));
		assert_eq!(World::payer(0).public_key().0, by_uri("//EmberScale//payer//0"));
		assert_ne!(World::agent(0).public_key().0, World::payer(0).public_key().0);
	}

	#[test]
	fn impossible_worlds_are_refused() {
		let mut spec = base_spec();
		let terms = LeaseTerms { price_per_gpu_hour: 5, duration: 100 };
		let one = World { providers: 1, gpus_per_provider: 1, leases_per_provider: 0, payers: 0 };
		assert!(one.patch_spec(&mut spec, &[], &[], 1, terms).is_err());
		let greedy =
			World { providers: 2, gpus_per_provider: 1, leases_per_provider: 2, payers: 0 };
		assert!(greedy.patch_spec(&mut spec, &[], &[], 1, terms).is_err());
		let raw = &mut json!({ "genesis": { "raw": {} } });
		let two = World { providers: 2, gpus_per_provider: 1, leases_per_provider: 1, payers: 0 };
		assert!(two.patch_spec(raw, &[], &[], 1, terms).is_err());
	}
}
