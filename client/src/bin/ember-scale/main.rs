//! `ember-scale`: Ember's scale harness. `spec` writes a chain spec whose genesis holds N
//! providers, their GPUs, bonds and running leases; `run` drives heartbeats with attestation
//! lines against a node started on it and prints what each block held and cost, then compares
//! a burst of heartbeats with a burst of transfers. `scripts/scale.sh` runs both with real
//! nodes; see `docs/performance.md`.

mod blocks;
mod drive;
mod world;

use std::{path::PathBuf, process::ExitCode};

use clap::{Args, Parser, Subcommand};
use ember_client::{chain::AccountId, units::PLANCKS_PER_EMBR};

use crate::{
	blocks::{BlockStats, Phase, Probes},
	drive::{Outcome, Plan},
	world::{LeaseTerms, World},
};

#[derive(Parser)]
#[command(
	name = "ember-scale",
	about = "Ember's scale harness: a chain spec with N providers, and a driver that measures every block"
)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Write a chain spec holding the world in its genesis.
	Spec {
		#[command(flatten)]
		world: WorldArgs,
		/// The spec to extend, as `ember-node build-spec --chain dev` writes it (not raw).
		#[arg(long)]
		base: PathBuf,
		/// Where to write the new spec.
		#[arg(long)]
		out: PathBuf,
		/// Each provider's bond, in EMBR.
		#[arg(long, default_value_t = 5_000)]
		bond_embr: u128,
		/// Each lease's length, in blocks.
		#[arg(long, default_value_t = 14_400)]
		lease_blocks: u32,
	},
	/// Drive the world on a node started from that spec.
	Run {
		#[command(flatten)]
		world: WorldArgs,
		/// The node's WebSocket RPC URL.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		#[command(flatten)]
		plan: PlanArgs,
		/// Fail unless every steady heartbeat was accepted and included with its lines, and
		/// every transfer was included.
		#[arg(long)]
		check: bool,
	},
}

#[derive(Args)]
struct PlanArgs {
	/// Blocks of heartbeats at the design rate.
	#[arg(long, default_value_t = 100)]
	steady_blocks: u32,
	/// Set the heartbeat period (by sudo) first; the chain's own otherwise.
	#[arg(long)]
	period: Option<u32>,
	/// Percent of providers that never heartbeat (they go Offline together).
	#[arg(long, default_value_t = 0)]
	silent_percent: u32,
	/// Heartbeats sent at once when a period begins, after the steady blocks (0: none).
	#[arg(long, default_value_t = 0)]
	heartbeat_burst: u32,
	/// Transfers in the closing burst (at most --payers).
	#[arg(long, default_value_t = 0)]
	transfers: u32,
	/// Transactions in flight to the node at once.
	#[arg(long, default_value_t = 256)]
	concurrency: usize,
	/// The validator's log file, for its block building times.
	#[arg(long)]
	validator_log: Option<PathBuf>,
	/// A follower node's Prometheus `host:port`, for its block import times.
	#[arg(long)]
	follower_metrics: Option<String>,
}

impl From<PlanArgs> for Plan {
	fn from(args: PlanArgs) -> Self {
		Plan {
			steady_blocks: args.steady_blocks,
			period: args.period,
			silent_percent: args.silent_percent,
			heartbeat_burst: args.heartbeat_burst,
			transfers: args.transfers,
			concurrency: args.concurrency,
			probes: Probes {
				validator_log: args.validator_log,
				follower_metrics: args.follower_metrics,
			},
		}
	}
}

#[derive(Args, Clone, Copy)]
struct WorldArgs {
	/// Providers.
	#[arg(long)]
	providers: u32,
	/// GPUs per provider.
	#[arg(long, default_value_t = 10)]
	gpus_per_provider: u32,
	/// Leases (of one GPU) per provider.
	#[arg(long, default_value_t = 5)]
	leases_per_provider: u32,
	/// Accounts that send the transfers.
	#[arg(long, default_value_t = 0)]
	payers: u32,
}

impl From<WorldArgs> for World {
	fn from(args: WorldArgs) -> Self {
		World {
			providers: args.providers,
			gpus_per_provider: args.gpus_per_provider,
			leases_per_provider: args.leases_per_provider,
			payers: args.payers,
		}
	}
}

fn main() -> ExitCode {
	match run(Cli::parse()) {
		Ok(code) => code,
		Err(error) => {
			eprintln!("ember-scale: {error}");
			ExitCode::FAILURE
		},
	}
}

fn run(cli: Cli) -> Result<ExitCode, Box<dyn std::error::Error + Send + Sync>> {
	match cli.command {
		Command::Spec { world, base, out, bond_embr, lease_blocks } => {
			let world = World::from(world);
			let started = std::time::Instant::now();
			let mut spec: serde_json::Value = serde_json::from_slice(&std::fs::read(&base)?)?;
			let agents: Vec<AccountId> = (0..world.providers)
				.map(|i| AccountId::from(World::agent(i).public_key().0))
				.collect();
			let payers: Vec<AccountId> = (0..world.payers)
				.map(|i| AccountId::from(World::payer(i).public_key().0))
				.collect();
			let terms = LeaseTerms { price_per_gpu_hour: PLANCKS_PER_EMBR, duration: lease_blocks };
			world.patch_spec(&mut spec, &agents, &payers, bond_embr, terms)?;
			let bytes = serde_json::to_vec(&spec)?;
			std::fs::write(&out, &bytes)?;
			eprintln!(
				"[scale] {} providers, {} GPUs, {} leases, {} payers: {} written ({:.1} MB) in {:.1} s",
				world.providers,
				u64::from(world.providers) * u64::from(world.gpus_per_provider),
				u64::from(world.providers) * u64::from(world.leases_per_provider),
				world.payers,
				out.display(),
				bytes.len() as f64 / 1e6,
				started.elapsed().as_secs_f64()
			);
			Ok(ExitCode::SUCCESS)
		},
		Command::Run { world, url, plan, check } => {
			let runtime = tokio::runtime::Runtime::new()?;
			let outcome =
				runtime.block_on(drive::drive(&url, World::from(world), Plan::from(plan)))?;
			let summary = Summary::of(&outcome);
			summary.print(&outcome);
			if check {
				if let Err(failure) = summary.check(&outcome) {
					eprintln!("ember-scale: check failed: {failure}");
					return Ok(ExitCode::FAILURE);
				}
				eprintln!("[scale] check passed");
			}
			Ok(ExitCode::SUCCESS)
		},
	}
}

/// The run in a few numbers.
struct Summary {
	steady: Vec<BlockStats>,
	max_heartbeats: u32,
	max_transfers: u32,
}

impl Summary {
	fn of(outcome: &Outcome) -> Self {
		// Steady blocks from the first one that held heartbeats.
		let steady: Vec<BlockStats> = outcome
			.blocks
			.iter()
			.filter(|b| b.phase == Phase::Steady)
			.skip_while(|b| b.heartbeats == 0)
			.cloned()
			.collect();
		let in_phase = |phase: Phase| outcome.blocks.iter().filter(move |b| b.phase == phase);
		Summary {
			steady,
			max_heartbeats: in_phase(Phase::HeartbeatBurst)
				.chain(in_phase(Phase::Transfers))
				.map(|b| b.heartbeats)
				.max()
				.unwrap_or_default(),
			max_transfers: in_phase(Phase::Transfers)
				.map(|b| b.transfers)
				.max()
				.unwrap_or_default(),
		}
	}

	fn print(&self, outcome: &Outcome) {
		println!();
		println!(
			"heartbeat period: {} blocks; signing took {:.1} s",
			outcome.period, outcome.signing_secs
		);
		if !self.steady.is_empty() {
			let mean = |f: &dyn Fn(&BlockStats) -> f64| {
				self.steady.iter().map(f).sum::<f64>() / self.steady.len() as f64
			};
			let max =
				|f: &dyn Fn(&BlockStats) -> f64| self.steady.iter().map(f).fold(0.0, f64::max);
			let known = |f: &dyn Fn(&BlockStats) -> Option<f64>| {
				let values: Vec<f64> = self.steady.iter().filter_map(f).collect();
				(!values.is_empty()).then(|| {
					(
						values.iter().sum::<f64>() / values.len() as f64,
						values.iter().copied().fold(0.0, f64::max),
					)
				})
			};
			println!(
				"steady, {} blocks: heartbeats {:.0}/block, lines {:.0}/block, weight {:.1} % mean, {:.1} % max; hooks {:.1} % max",
				self.steady.len(),
				mean(&|b| f64::from(b.heartbeats)),
				mean(&|b| f64::from(b.lines)),
				mean(&|b| b.weight_pct),
				max(&|b| b.weight_pct),
				max(&|b| b.hooks_pct),
			);
			if let Some((mean, max)) = known(&|b| b.propose_ms.map(|ms| ms as f64)) {
				println!("  block building (validator): {mean:.0} ms mean, {max:.0} ms max");
			}
			if let Some((mean, max)) = known(&|b| b.import_ms) {
				println!("  block import (follower): {mean:.1} ms mean, {max:.1} ms max");
			}
			let offline: u32 = outcome.blocks.iter().map(|b| b.went_offline).sum();
			if offline > 0 {
				println!("  providers gone Offline: {offline}");
			}
		}
		for (phase, submitted, accepted, secs) in &outcome.submitted {
			if *phase != Phase::Steady {
				println!(
					"{phase}: {accepted} of {submitted} accepted by the pool in {secs:.1} s ({:.0}/s)",
					f64::from(*accepted) / secs
				);
			}
		}
		let steady: Vec<_> = outcome.submitted.iter().filter(|s| s.0 == Phase::Steady).collect();
		if !steady.is_empty() {
			let accepted: u32 = steady.iter().map(|s| s.2).sum();
			let secs: f64 = steady.iter().map(|s| s.3).sum();
			println!(
				"steady submissions: {accepted} accepted, {:.0}/s while submitting",
				f64::from(accepted) / secs
			);
		}
		// What one transaction was charged, from blocks that held only that kind.
		let charged = |of: &dyn Fn(&BlockStats) -> u32, other: &dyn Fn(&BlockStats) -> u32| {
			let blocks = outcome.blocks.iter().filter(|b| of(b) > 0 && other(b) == 0);
			let (us, count) =
				blocks.fold((0.0, 0u32), |(us, n), b| (us + b.transactions_us, n + of(b)));
			(count > 0).then(|| us / f64::from(count))
		};
		let heartbeat = charged(&|b| b.heartbeats, &|b| b.transfers);
		let transfer = charged(&|b| b.transfers, &|b| b.heartbeats);
		if let Some(us) = heartbeat {
			println!("charged per heartbeat (with its lines): {us:.0} µs of block weight");
		}
		if let Some(us) = transfer {
			println!("charged per transfer_keep_alive: {us:.0} µs of block weight");
		}
		if let (Some(heartbeat), Some(transfer)) = (heartbeat, transfer) {
			println!("heartbeat / transfer weight: {:.2}", heartbeat / transfer);
		}
		if self.max_heartbeats > 0 {
			println!("most heartbeats in one block: {}", self.max_heartbeats);
		}
		if self.max_transfers > 0 {
			println!("most transfers in one block: {}", self.max_transfers);
		}
		if self.max_heartbeats > 0 && self.max_transfers > 0 {
			// A burst that fit in one block says nothing of what a block can hold.
			let filled = |phase: Phase, count: &dyn Fn(&BlockStats) -> u32| {
				outcome.blocks.iter().filter(|b| b.phase == phase && count(b) > 0).count() > 1
			};
			let measured = filled(Phase::HeartbeatBurst, &|b| b.heartbeats)
				&& filled(Phase::Transfers, &|b| b.transfers);
			println!(
				"heartbeat / transfer throughput: {:.2}{}",
				f64::from(self.max_heartbeats) / f64::from(self.max_transfers),
				if measured { "" } else { " (a burst fit in one block: not a capacity measure)" }
			);
		}
	}

	fn check(&self, outcome: &Outcome) -> Result<(), String> {
		let steady: Vec<_> = outcome.submitted.iter().filter(|s| s.0 == Phase::Steady).collect();
		let submitted: u32 = steady.iter().map(|s| s.1).sum();
		let accepted: u32 = steady.iter().map(|s| s.2).sum();
		if submitted == 0 {
			return Err("no steady heartbeat was sent".into());
		}
		if accepted < submitted {
			return Err(format!(
				"the pool refused {} of {submitted} steady heartbeats",
				submitted - accepted
			));
		}
		// The last steady heartbeats may land in the next phase's first blocks.
		let included: u32 = outcome.blocks.iter().map(|b| b.heartbeats).sum();
		if included < accepted {
			return Err(format!("{included} of {accepted} steady heartbeats were included"));
		}
		if self.steady.iter().all(|b| b.lines == 0) {
			return Err("no attestation line was recorded".into());
		}
		let transfers: u32 =
			outcome.submitted.iter().filter(|s| s.0 == Phase::Transfers).map(|s| s.2).sum();
		let included: u32 = outcome.blocks.iter().map(|b| b.transfers).sum();
		if included < transfers {
			return Err(format!("{included} of {transfers} transfers were included"));
		}
		Ok(())
	}
}
