//! The provider's registration: the owner's bond, and the inventory, region, PeerId and
//! addresses on chain.

use ember_client::{
	chain::{Chain, ChainError},
	market::gpu_spec,
	market::{calls, Gpu},
	units::format_embr,
};
use subxt_signer::sr25519::Keypair;

use super::Shared;
use crate::{
	chain as agent_chain,
	inventory::{self, GpuDevice},
};

fn specs(
	devices: &[GpuDevice],
) -> Vec<ember_client::chain::runtime::runtime_types::ember_primitives::gpu::GpuSpec> {
	devices
		.iter()
		.map(|d| gpu_spec(&d.model, d.vram_mib, d.compute_capability, d.uuid_hash()))
		.collect()
}

/// Makes sure the owner's own bond covers `devices` before registering them: each GPU weighs
/// stake units by the class score the chain gives its model. Bonds (or adds to the bond) up to
/// `provider.bond` when that is configured. Explains in the log, and answers `false`, when the
/// configured or existing bond is too small.
async fn bond_enough(
	shared: &Shared,
	chain: &Chain,
	owner_key: &Keypair,
	devices: &[GpuDevice],
) -> Result<bool, ChainError> {
	let rules = chain.stake_rules().await?;
	let models: Vec<&str> = devices.iter().map(|device| device.model.as_str()).collect();
	let units = rules.units(&chain.class_scores(&models).await?);
	let required = rules.required(units);
	let active = chain.bonded(&shared.owner).await?;
	let have = active.unwrap_or(0);
	if have >= required {
		return Ok(true);
	}
	let need = format!(
		"{} to register {} GPU(s) weighing {units} stake unit(s) by class ({} base + {} per unit)",
		format_embr(required),
		devices.len(),
		format_embr(rules.base),
		format_embr(rules.per_unit)
	);
	let Some(target) = shared.config.bond_plancks() else {
		tracing::error!(
			"the owner's bond is {}; it needs {need}: bond more with `emberctl provider bond` (or set provider.bond)",
			format_embr(have)
		);
		return Ok(false);
	};
	if target < required {
		tracing::error!(
			"provider.bond is {}; it needs {need}: raise provider.bond",
			format_embr(target)
		);
		return Ok(false);
	}
	match active {
		None => {
			agent_chain::submit_as_owner(chain, owner_key, "bond", &calls::bond(target)).await?;
		},
		Some(active) => {
			let extra = target - active;
			agent_chain::submit_as_owner(chain, owner_key, "bond_extra", &calls::bond_extra(extra))
				.await?;
		},
	}
	Ok(true)
}

/// Makes sure the provider is registered with this machine's GPUs and addresses: registers or
/// updates with the owner key when the config holds it, otherwise says what the owner must run.
pub(super) async fn ensure_registered(
	shared: &Shared,
	chain: &Chain,
	devices: &[GpuDevice],
) -> Result<bool, ChainError> {
	let agent = *shared.submitter.account();
	let region = shared.config.provider.region.clone();
	match chain.provider(&shared.owner).await? {
		Some(provider) => {
			if provider.agent != agent.to_string() {
				tracing::error!(
					registered_agent = %provider.agent,
					our_agent = %agent,
					"the provider is registered with another agent key: run `emberctl provider set-agent {agent}` with the owner key"
				);
				return Ok(false);
			}
			let mut on_chain: Vec<&str> =
				provider.gpus.iter().map(|g| g.uuid_hash.as_str()).collect();
			let local_hashes: Vec<String> =
				devices.iter().map(|d| format!("0x{}", hex::encode(d.uuid_hash()))).collect();
			let mut local: Vec<&str> = local_hashes.iter().map(String::as_str).collect();
			on_chain.sort();
			local.sort();
			if on_chain != local {
				match &shared.owner_key {
					Some(owner_key) => {
						// Stronger or more GPUs may weigh more stake units; the chain refuses
						// the update when the bond falls short, and lets a lighter one through.
						bond_enough(shared, chain, owner_key, devices).await?;
						let _ = agent_chain::submit_as_owner(
							chain,
							owner_key,
							"update_inventory",
							&calls::update_inventory(specs(devices)),
						)
						.await;
					},
					None => tracing::warn!(
						"the GPUs on chain differ from this machine's: update the inventory with the owner key"
					),
				}
			}
			if provider.peer_id != shared.peer_id
				|| provider.multiaddrs != shared.announced
				|| provider.region != region
			{
				if let Some(owner_key) = &shared.owner_key {
					let _ = agent_chain::submit_as_owner(
						chain,
						owner_key,
						"update_metadata",
						&calls::update_metadata(&region, &shared.peer_id, &shared.announced),
					)
					.await;
				} else {
					tracing::warn!(peer_id = %shared.peer_id, addrs = ?shared.announced, "the provider's PeerId or addresses on chain are stale: update them with the owner key");
				}
			}
			Ok(true)
		},
		None => {
			let Some(owner_key) = &shared.owner_key else {
				let gpus: Vec<Gpu> = devices.iter().map(inventory::to_chain_gpu).collect();
				tracing::error!(
					"the provider is not registered. With the owner key: `provider-agent inventory --json > gpus.json` then \
					 `emberctl --key-file <owner key> provider register --agent {agent} --region {region} --peer-id {} {} --inventory gpus.json` \
					 ({} GPU(s))",
					shared.peer_id,
					shared.announced.iter().map(|a| format!("--multiaddr {a}")).collect::<Vec<_>>().join(" "),
					gpus.len()
				);
				return Ok(false);
			};
			if !bond_enough(shared, chain, owner_key, devices).await? {
				return Ok(false);
			}
			let call =
				calls::register(agent, &region, &shared.peer_id, &shared.announced, specs(devices));
			agent_chain::submit_as_owner(chain, owner_key, "register", &call).await?;
			tracing::info!(gpus = devices.len(), "registered the provider");
			Ok(true)
		},
	}
}
