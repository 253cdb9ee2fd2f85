//! Driving a scale world on a running node: heartbeats with attestation lines at the design
//! rate, then a burst of every provider's heartbeat, then a burst of transfers, each block
//! measured as it comes.

use std::time::{Duration, Instant};

use ember_client::chain::{
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			ember_primitives::market::{LeaseAttestation, WorkloadStatus},
			ember_runtime::RuntimeCall,
			pallet_providers::pallet::Call as ProvidersCall,
		},
	},
	AccountId, Chain, EmberConfig, WaitFor,
};
use futures::{stream, StreamExt};
use subxt::{
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	rpcs::{methods::LegacyRpcMethods, RpcClient},
	tx::Payload,
	utils::MultiAddress,
};
use subxt_signer::sr25519::Keypair;
use tokio::sync::mpsc;

use crate::{
	blocks::{watch_blocks, BlockStats, Phase, Probes},
	world::World,
};

type Rpc = LegacyRpcMethods<RpcConfigFor<EmberConfig>>;
type Failure = Box<dyn std::error::Error + Send + Sync>;

/// How to drive the world.
#[derive(Clone, Debug)]
pub struct Plan {
	/// Blocks of heartbeats at the design rate (every provider once per period).
	pub steady_blocks: u32,
	/// Set the heartbeat period (by sudo) before starting; `None` keeps the chain's.
	pub period: Option<u32>,
	/// Percent of providers that never heartbeat: they go Offline together, a burst of
	/// deadlines for the hooks.
	pub silent_percent: u32,
	/// Heartbeats in the burst (the first providers', all sent at once when a period begins);
	/// 0 skips it.
	pub heartbeat_burst: u32,
	/// Transfers in the closing burst (0: none).
	pub transfers: u32,
	/// Transactions in flight to the node at once.
	pub concurrency: usize,
	/// Where to read block-level probes.
	pub probes: Probes,
}

/// What the run measured, for the summary.
#[derive(Debug, Default)]
pub struct Outcome {
	/// Every block seen, in order.
	pub blocks: Vec<BlockStats>,
	/// Per phase: transactions handed to the node, those it accepted, and the seconds it took.
	pub submitted: Vec<(Phase, u32, u32, f64)>,
	/// The heartbeat period the run used.
	pub period: u32,
	/// Seconds spent signing.
	pub signing_secs: f64,
}

/// Run `plan` against the node at `url`.
pub async fn drive(url: &str, world: World, plan: Plan) -> Result<Outcome, Failure> {
	let chain = Chain::connect(url).await?;
	let rpc: Rpc = LegacyRpcMethods::new(RpcClient::from_insecure_url(url).await?);
	if let Some(period) = plan.period {
		let call = runtime::tx().sudo().sudo(RuntimeCall::Providers(
			ProvidersCall::set_heartbeat_params { period, max_missed: 2 },
		));
		let alice = ember_client::keys::keypair_from_uri("//Alice")?;
		chain.submit(&call, &alice, WaitFor::Finalized, &mut |_| {}).await?;
	}
	let period = chain.heartbeat_period().await?;
	let mut outcome = Outcome { period, ..Default::default() };
	eprintln!("[scale] heartbeat period {period} blocks; deriving {} agent keys", world.providers);
	let started = Instant::now();
	let agents: Vec<Keypair> = (0..world.providers).map(World::agent).collect();
	let payers: Vec<Keypair> = (0..plan.transfers.min(world.payers)).map(World::payer).collect();
	eprintln!("[scale] keys derived in {:.1} s", started.elapsed().as_secs_f64());
	let silent_from = world.providers - world.providers * plan.silent_percent.min(100) / 100;

	let (sender, mut blocks) = mpsc::unbounded_channel();
	let watcher =
		tokio::spawn(watch_blocks(chain.clone(), rpc.clone(), plan.probes.clone(), sender));
	let mut nonces = vec![0u64; agents.len()];
	let mut phase = Phase::Steady;
	let mut steady_left = plan.steady_blocks;
	let mut first_steady = true;
	let mut burst_pending = 0u32;
	let every = u64::from(period);

	while let Some(mut block) = blocks.recv().await {
		let next = block.number + 1;
		// Registration counted as the heartbeat of period 0: heartbeats start in period 1.
		let heartbeats_valid = next >= every;
		block.phase = phase;
		let stats_phase = phase;
		outcome.blocks.push(block.clone());
		crate::blocks::print_block(&block, outcome.blocks.len() == 1);
		match stats_phase {
			Phase::Steady if !heartbeats_valid => {},
			Phase::Steady if steady_left > 0 => {
				if first_steady {
					eprintln!("[scale] steady: {} heartbeats a block", world.providers / period);
					first_steady = false;
				}
				steady_left -= 1;
				let due: Vec<u32> =
					(0..silent_from).filter(|&i| u64::from(i) % every == next % every).collect();
				let signed =
					sign_heartbeats(&chain, &world, &agents, &mut nonces, &due, &mut outcome)
						.await?;
				let (accepted, secs) = submit_all(&rpc, signed, plan.concurrency).await;
				outcome.submitted.push((Phase::Steady, due.len() as u32, accepted, secs));
			},
			Phase::Steady => {
				phase =
					if plan.heartbeat_burst > 0 { Phase::WaitForPeriod } else { Phase::Transfers };
				if phase == Phase::Transfers {
					burst_pending =
						start_transfers(&chain, &rpc, &payers, &plan, &mut outcome).await?;
				}
			},
			Phase::WaitForPeriod if next % every == 0 => {
				let everyone: Vec<u32> = (0..silent_from.min(plan.heartbeat_burst)).collect();
				let signed =
					sign_heartbeats(&chain, &world, &agents, &mut nonces, &everyone, &mut outcome)
						.await?;
				eprintln!("[scale] burst: {} heartbeats at once", signed.len());
				let (accepted, secs) = submit_all(&rpc, signed, plan.concurrency).await;
				outcome.submitted.push((
					Phase::HeartbeatBurst,
					everyone.len() as u32,
					accepted,
					secs,
				));
				burst_pending = accepted;
				phase = Phase::HeartbeatBurst;
			},
			Phase::WaitForPeriod => {},
			Phase::HeartbeatBurst => {
				burst_pending = burst_pending.saturating_sub(block.heartbeats);
				// Drained, or the period that made them valid is over.
				if burst_pending == 0 || next % every == 0 {
					phase = Phase::Transfers;
					burst_pending =
						start_transfers(&chain, &rpc, &payers, &plan, &mut outcome).await?;
				}
			},
			Phase::Transfers => {
				burst_pending = burst_pending.saturating_sub(block.transfers);
			},
		}
		if phase == Phase::Transfers && burst_pending == 0 {
			// One more block, to see the pool empty.
			if let Some(mut last) = blocks.recv().await {
				last.phase = Phase::Transfers;
				crate::blocks::print_block(&last, false);
				outcome.blocks.push(last);
			}
			break;
		}
	}
	watcher.abort();
	Ok(outcome)
}

/// Sign one heartbeat for each provider in `due`, with a line for each of its leases.
async fn sign_heartbeats(
	chain: &Chain,
	world: &World,
	agents: &[Keypair],
	nonces: &mut [u64],
	due: &[u32],
	outcome: &mut Outcome,
) -> Result<Vec<Vec<u8>>, Failure> {
	let started = Instant::now();
	let at = chain.api().at_current_block().await?;
	let mut signed = Vec::with_capacity(due.len());
	for &index in due {
		let lines = world
			.leases_of(index)
			.map(|lease| LeaseAttestation {
				lease,
				status: WorkloadStatus::Running,
				gpu_utilization_pct: 90,
				memory_used_mib: 40_000,
			})
			.collect();
		let call = runtime::tx().providers().heartbeat(BoundedVec(lines));
		let slot = &mut nonces[index as usize];
		signed.push(sign(&at, &call, &agents[index as usize], *slot)?);
		*slot += 1;
	}
	outcome.signing_secs += started.elapsed().as_secs_f64();
	Ok(signed)
}

/// Sign and submit the transfer burst; returns how many the node accepted.
async fn start_transfers(
	chain: &Chain,
	rpc: &Rpc,
	payers: &[Keypair],
	plan: &Plan,
	outcome: &mut Outcome,
) -> Result<u32, Failure> {
	if payers.is_empty() {
		return Ok(0);
	}
	let started = Instant::now();
	let at = chain.api().at_current_block().await?;
	let mut signed = Vec::with_capacity(payers.len());
	for (index, payer) in payers.iter().enumerate() {
		// Each payer pays the next one, so that no account receives more than one transfer.
		let to = AccountId::from(payers[(index + 1) % payers.len()].public_key().0);
		let call = runtime::tx().balances().transfer_keep_alive(MultiAddress::Id(to), 1_000_000);
		signed.push(sign(&at, &call, payer, 0)?);
	}
	outcome.signing_secs += started.elapsed().as_secs_f64();
	eprintln!("[scale] transfers: {} at once", signed.len());
	let (accepted, secs) = submit_all(rpc, signed, plan.concurrency).await;
	outcome.submitted.push((Phase::Transfers, payers.len() as u32, accepted, secs));
	Ok(accepted)
}

fn sign<Call: Payload>(
	at: &subxt::client::ClientAtBlock<
		EmberConfig,
		subxt::client::OnlineClientAtBlockImpl<EmberConfig>,
	>,
	call: &Call,
	signer: &Keypair,
	nonce: u64,
) -> Result<Vec<u8>, Failure> {
	// Immortal: the burst may wait in the pool for many blocks.
	let params = DefaultExtrinsicParamsBuilder::<EmberConfig>::new().nonce(nonce).build();
	let mut signable = at.transactions().create_signable_offline(call, params)?;
	Ok(signable.sign(signer)?.into_encoded())
}

/// Hand every transaction to the node, `concurrency` at a time. Returns how many it accepted
/// into its pool and the seconds that took; the first few refusals are printed.
async fn submit_all(rpc: &Rpc, signed: Vec<Vec<u8>>, concurrency: usize) -> (u32, f64) {
	let started = Instant::now();
	let results: Vec<Result<(), String>> = stream::iter(signed)
		.map(|bytes| async move {
			rpc.author_submit_extrinsic(&bytes).await.map(|_| ()).map_err(|e| e.to_string())
		})
		.buffer_unordered(concurrency.max(1))
		.collect()
		.await;
	let refused: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
	for reason in refused.iter().take(3) {
		eprintln!("[scale] refused by the node: {reason}");
	}
	let accepted = (results.len() - refused.len()) as u32;
	(accepted, started.elapsed().max(Duration::from_millis(1)).as_secs_f64())
}
