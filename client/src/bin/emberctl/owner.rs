//! Provider owner commands: bond, minimum delegation, register, agent key, pause, resume,
//! leave, claim; balances.

use std::path::PathBuf;

use clap::Subcommand;
use ember_client::{
	chain::runtime,
	market::{calls, parse_account, Gpu},
	units::{format_embr, parse_embr},
};
use subxt::utils::AccountId32;

use crate::{output::table, CliError, Context};

/// `provider …`.
#[derive(Subcommand)]
pub enum ProviderCommand {
	/// Bond stake (first bond, or more on top): registration needs a base plus a stake per unit
	/// the GPUs weigh by class (`provider show` prints the units).
	Bond {
		/// Amount in EMBR.
		amount: String,
	},
	/// Start unbonding stake; it can be withdrawn after the unbonding period.
	Unbond {
		/// Amount in EMBR.
		amount: String,
	},
	/// Withdraw stake whose unbonding period has passed.
	WithdrawUnbonded,
	/// Set the smallest delegation you accept (0 removes it): squatters with dust cannot take
	/// your delegator slots, and a full list only admits delegations larger than its smallest.
	SetMinDelegation {
		/// Amount in EMBR.
		amount: String,
	},
	/// Register the provider with its agent key, where to reach it and its GPUs.
	Register {
		/// The agent's account (SS58): the hot key that signs bids, heartbeats and attestations.
		#[arg(long)]
		agent: String,
		/// Region label, e.g. `eu-west`.
		#[arg(long)]
		region: String,
		/// The agent's libp2p PeerId (printed by `provider-agent identity`).
		#[arg(long)]
		peer_id: String,
		/// The agent's libp2p multiaddrs (repeat for several).
		#[arg(long = "multiaddr", required = true)]
		multiaddrs: Vec<String>,
		/// The GPUs, as `provider-agent inventory --json` prints them.
		#[arg(long)]
		inventory: PathBuf,
	},
	/// Replace the agent key (e.g. after it leaked).
	SetAgent {
		/// The new agent's account (SS58).
		agent: String,
	},
	/// Take no new work until resumed; running leases continue.
	Pause,
	/// Take new work again.
	Resume,
	/// Leave: no new work, deregistered once running leases end.
	Leave,
	/// Pay out a provider's rewards to its owner and delegators (anyone may call it).
	Claim {
		/// The provider (owner account); yours when absent.
		provider: Option<String>,
	},
	/// Apply today's GPU class scores to a provider's stake units (anyone may call it, after
	/// governance changed a score).
	RefreshStake {
		/// The provider (owner account).
		provider: String,
	},
	/// Show a provider: status, region, stake units, GPUs, free GPUs.
	Show {
		/// The provider's owner account; yours when absent.
		owner: Option<String>,
	},
}

fn amount(text: &str) -> Result<u128, CliError> {
	parse_embr(text).map_err(|e| CliError::Usage(format!("amount: {e}")))
}

/// `provider …`.
pub async fn provider(ctx: &Context, command: ProviderCommand) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let staking = || runtime::tx().provider_staking();
	let providers = || runtime::tx().providers();
	match command {
		ProviderCommand::Bond { amount: text } => {
			let value = amount(&text)?;
			let me = AccountId32::from(ctx.signer()?.public_key().0);
			let bonded = chain
				.bonded(&me)
				.await
				.map_err(|e| CliError::Provider(e.to_string()))?
				.is_some();
			let held = [("held as the provider's bond (slashable, 7 days to unbond)", value)];
			if bonded {
				let call = calls::bond_extra(value);
				ctx.confirm(&chain, "bond extra", &call, &held).await?;
				ctx.submit(&chain, "bond extra", &call).await?;
			} else {
				let call = calls::bond(value);
				ctx.confirm(&chain, "bond", &call, &held).await?;
				ctx.submit(&chain, "bond", &call).await?;
			}
		},
		ProviderCommand::Unbond { amount: text } => {
			ctx.submit(&chain, "unbond", &staking().unbond(amount(&text)?)).await?;
		},
		ProviderCommand::WithdrawUnbonded => {
			ctx.submit(&chain, "withdraw unbonded", &staking().withdraw_unbonded()).await?;
		},
		ProviderCommand::SetMinDelegation { amount: text } => {
			let min = amount(&text)?;
			ctx.submit(&chain, "set min delegation", &staking().set_min_delegation(min))
				.await?;
		},
		ProviderCommand::Register { agent, region, peer_id, multiaddrs, inventory } => {
			let agent = parse_account(&agent)?;
			let text = std::fs::read_to_string(&inventory).map_err(|e| {
				CliError::Io(format!("cannot read inventory {}: {e}", inventory.display()))
			})?;
			let gpus: Vec<Gpu> = serde_json::from_str(&text).map_err(|e| {
				CliError::Usage(format!("{} is not an inventory list: {e}", inventory.display()))
			})?;
			let specs = gpus
				.iter()
				.enumerate()
				.map(|(i, g)| {
					g.to_spec().ok_or_else(|| {
						CliError::Usage(format!("{}: GPU [{i}] is malformed", inventory.display()))
					})
				})
				.collect::<Result<Vec<_>, _>>()?;
			let call = calls::register(agent, &region, &peer_id, &multiaddrs, specs);
			ctx.submit(&chain, "register", &call).await?;
		},
		ProviderCommand::SetAgent { agent } => {
			let agent = parse_account(&agent)?;
			ctx.submit(&chain, "set agent", &providers().set_agent(agent)).await?;
		},
		ProviderCommand::Pause => {
			ctx.submit(&chain, "pause", &providers().pause()).await?;
		},
		ProviderCommand::Resume => {
			ctx.submit(&chain, "resume", &providers().resume()).await?;
		},
		ProviderCommand::Leave => {
			ctx.submit(&chain, "leave", &providers().leave()).await?;
		},
		ProviderCommand::Claim { provider } => {
			let provider = match provider {
				Some(p) => parse_account(&p)?,
				None => AccountId32::from(ctx.signer()?.public_key().0),
			};
			ctx.submit(&chain, "claim rewards", &runtime::tx().emissions().claim_rewards(provider))
				.await?;
		},
		ProviderCommand::RefreshStake { provider } => {
			let provider = parse_account(&provider)?;
			ctx.submit(&chain, "refresh stake units", &providers().refresh_stake_units(provider))
				.await?;
		},
		ProviderCommand::Show { owner } => {
			let owner = match owner {
				Some(o) => parse_account(&o)?,
				None => AccountId32::from(ctx.signer()?.public_key().0),
			};
			let provider = chain.provider(&owner).await?;
			ctx.out.show(&provider, || match &provider {
				None => format!("{owner} is not a registered provider"),
				Some(p) => {
					let mut t =
						table(&["GPU", "VRAM MiB", "cc", "uuid hash", "free", "proven until"]);
					for g in &p.gpus {
						let free = p.free_gpus.iter().any(|f| f.uuid_hash == g.uuid_hash);
						t.add_row(vec![
							g.model.clone(),
							g.vram_mib.to_string(),
							g.compute_capability.clone(),
							g.uuid_hash.clone(),
							if free { "yes".into() } else { "no".into() },
							g.proven_until.map_or_else(|| "no proof".into(), |b| format!("#{b}")),
						]);
					}
					format!(
						"provider {}\n  agent {}\n  status {}{}, region {}, last heartbeat #{}\n  \
						 stake units {}{}\n  peer {} at {}\n{t}",
						p.owner,
						p.agent,
						p.status,
						if p.paused { " (paused)" } else { "" },
						p.region,
						p.last_heartbeat,
						p.stake_units,
						p.idle_reason
							.as_ref()
							.map_or_else(String::new, |why| format!(", idle: {why}")),
						p.peer_id,
						p.multiaddrs.join(", ")
					)
				},
			});
		},
	}
	Ok(())
}

/// `balance`.
pub async fn balance(ctx: &Context, account: Option<String>) -> Result<(), CliError> {
	let account = match account {
		Some(a) => parse_account(&a)?,
		None => AccountId32::from(ctx.signer()?.public_key().0),
	};
	let balance = ctx.chain().await?.balance(&account).await?;
	let shown = serde_json::json!({
		"account": account.to_string(),
		"free": balance.free,
		"held": balance.held,
	});
	ctx.out.show(&shown, || {
		format!("{account}: {} free, {} held", format_embr(balance.free), format_embr(balance.held))
	});
	Ok(())
}

/// `transfer`.
pub async fn transfer(ctx: &Context, to: &str, value: &str) -> Result<(), CliError> {
	let to = parse_account(to)?;
	let value = amount(value)?;
	let chain = ctx.chain().await?;
	let call = runtime::tx()
		.balances()
		.transfer_keep_alive(subxt::utils::MultiAddress::Id(to), value);
	let label = format!("sent to {to}");
	ctx.confirm(&chain, "transfer", &call, &[(label.as_str(), value)]).await?;
	ctx.submit(&chain, "transfer", &call).await?;
	Ok(())
}
