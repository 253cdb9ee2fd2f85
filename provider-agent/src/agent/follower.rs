//! The finalized-block follower: one connection at a time, reconnecting with backoff; each
//! block keeps the registration current, syncs the provider's leases and plans bids.

use std::{
	collections::BTreeSet,
	sync::{atomic::Ordering, Arc},
};

use ember_client::chain::{Chain, ChainError};

use super::{
	awards::award_loop,
	bids::{self, BID_GPU_HOLD_BLOCKS},
	challenges::challenge_loop,
	gate::development_only,
	heartbeat::heartbeat_loop,
	open_orders::{OpenOrders, Scope},
	registration::ensure_registered,
	AgentError, Shared,
};
use crate::{bidding, chain as agent_chain};

/// Follows finalized blocks, reconnecting with backoff, until shutdown; stops with an error on
/// a chain that does not allow what the configuration asks for.
pub(super) async fn follow_chain(shared: Arc<Shared>) -> Result<(), AgentError> {
	let cancel = shared.cancel.clone();
	let mut attempt = 0u32;
	loop {
		if cancel.is_cancelled() {
			return Ok(());
		}
		let url = shared.config.chain.endpoint.clone();
		let mut refused = None;
		let session = async {
			let chain = Chain::connect(&url).await?;
			let chain_type = chain.chain_type().await?;
			if let Some(reason) = development_only(
				&chain_type,
				shared.gpus.kind(),
				shared.config.executor.kind,
				shared.config.keys.has_development_key(),
			) {
				refused = Some(AgentError::ChainNotAllowed { chain: chain_type, reason });
				return Ok(());
			}
			attempt = 0;
			shared.health.set_chain_connected(true);
			shared.metrics.set_chain_connected(true);
			tracing::info!(%url, "connected to the chain");
			tokio::select! {
				result = follow_session(&shared, &chain) => result,
				result = heartbeat_loop(&shared, &chain) => result,
				result = challenge_loop(&shared, &chain) => result,
				result = award_loop(&shared, &chain) => result,
			}
		};
		let result = tokio::select! {
			result = session => result,
			() = cancel.cancelled() => return Ok(()),
		};
		if let Some(refusal) = refused {
			return Err(refusal);
		}
		shared.health.set_chain_connected(false);
		shared.metrics.set_chain_connected(false);
		shared.submitter.resync();
		let delay = agent_chain::backoff(attempt);
		attempt += 1;
		match result {
			Ok(()) => tracing::warn!(?delay, "the block subscription ended; reconnecting"),
			Err(error) => tracing::warn!(%error, ?delay, "chain connection lost; reconnecting"),
		}
		tokio::select! {
			_ = tokio::time::sleep(delay) => {},
			() = cancel.cancelled() => return Ok(()),
		}
	}
}

/// Blocks between attempts to register while registration fails or cannot be done.
const REGISTRATION_RETRY_BLOCKS: u32 = 10;

/// One connection's worth of blocks.
async fn follow_session(shared: &Arc<Shared>, chain: &Chain) -> Result<(), ChainError> {
	let mut blocks =
		chain.api().stream_blocks().await.map_err(|e| ChainError::Rpc(e.to_string()))?;
	let mut period = chain.heartbeat_period().await?;
	let mut registered = false;
	let mut retry_registration_at = 0;
	let bids_in_flight = Arc::new(tokio::sync::Mutex::new(()));
	// GPUs of this agent's bids, until which block they stay out of new bids.
	let mut bid_gpus_held: std::collections::BTreeMap<String, u32> = Default::default();
	let mut idle_reason: Option<String> = None;
	let mut gpu_failures: Vec<String> = Vec::new();
	let mut open_orders = OpenOrders::new(&shared.owner.0);
	while let Some(block) = blocks.next().await {
		let block = block.map_err(|e| ChainError::Rpc(e.to_string()))?;
		let now = block.number() as u32;
		shared.health.set_finalized(now);
		shared.liveness.finalized.store(now, Ordering::Relaxed);
		shared.metrics.set_finalized_block(now);
		// Governance may change the period at any block; a heartbeat late by the old period
		// could cost the provider its Active status.
		period = chain.heartbeat_period().await.unwrap_or(period);
		let devices = match shared.gpus.devices() {
			Ok(devices) => devices,
			Err(error) => {
				tracing::error!(%error, "reading the GPUs failed");
				continue;
			},
		};
		shared.metrics.set_gpus_total(devices.len() as i64);
		shared.set_inventory(&devices);
		let failures = shared.gpus.failures();
		shared.metrics.set_gpus_failed(failures.len() as i64);
		if failures != gpu_failures {
			for failure in &failures {
				tracing::error!(%failure, "a GPU cannot be read: it is withdrawn from bidding");
			}
			if failures.is_empty() && !gpu_failures.is_empty() {
				tracing::info!("every GPU reads again");
			}
			gpu_failures = failures;
		}
		if (!registered && now >= retry_registration_at) || now.is_multiple_of(50) {
			registered = match ensure_registered(shared, chain, &devices).await {
				Ok(registered) => registered,
				Err(error @ (ChainError::Rpc(_) | ChainError::Connect { .. })) => {
					return Err(error)
				},
				// Refused or failed on chain: the connection is fine; try again a little later
				// rather than paying fees for the same failure every block.
				Err(error) => {
					tracing::warn!(%error, "registering the provider failed");
					false
				},
			};
			shared.health.set_registered(registered);
			// Also after a registration that went through: the finalized state this loop
			// reads shows it a few blocks later, and until then it must not be redone.
			retry_registration_at = now + REGISTRATION_RETRY_BLOCKS;
		}
		if !registered {
			continue;
		}
		let Some(provider) = chain.provider(&shared.owner).await? else {
			shared.metrics.operator.set_provider_status("Unregistered", false);
			registered = false;
			shared.liveness.registered.store(false, Ordering::Relaxed);
			continue;
		};
		shared
			.metrics
			.operator
			.set_provider_status(&provider.status, provider.accepts_work);
		// Say once, when it changes, why the chain gives this provider no new work.
		if provider.idle_reason != idle_reason {
			match &provider.idle_reason {
				Some(reason) => tracing::warn!(%reason, "the provider takes no new work"),
				None => tracing::info!("the provider takes new work again"),
			}
			idle_reason = provider.idle_reason.clone();
		}
		// Leases taken on from best blocks: those whose award block is now final are judged
		// by the finalized state from here on; the others by the best-block loop.
		for (lease, award) in shared.workloads.unconfirmed() {
			if award.number <= now && chain.canonical_hash(award.number).await? == Some(award.hash)
			{
				shared.workloads.confirm(lease, award);
			}
		}
		let leases = chain.leases_of(&shared.owner).await?;
		shared.workloads.sync(&leases, now, &devices);
		shared.metrics.operator.set_leases(&leases, now);
		shared
			.metrics
			.set_gpus_leased(leases.iter().map(|l| l.gpus.len()).sum::<usize>() as i64);

		shared.liveness.period.store(period, Ordering::Relaxed);
		shared
			.liveness
			.last_heartbeat
			.fetch_max(provider.last_heartbeat, Ordering::Relaxed);
		shared.liveness.registered.store(true, Ordering::Relaxed);
		shared
			.metrics
			.operator
			.set_heartbeat(shared.liveness.last_heartbeat.load(Ordering::Relaxed), period);

		// Kept current every block, so that each one reads only what changed.
		let scope = Scope { gpus: &provider.gpus, policy: &shared.policy };
		let orders = open_orders.update(chain, &block, now, &scope).await?;

		// Bids on open orders, with GPUs nobody holds.
		if provider.accepts_work {
			if let Ok(guard) = bids_in_flight.clone().try_lock_owned() {
				let open: BTreeSet<u64> = orders.iter().map(|o| o.id).collect();
				let mut bid_on = BTreeSet::new();
				let hex_of = |h: &[u8; 32]| format!("0x{}", hex::encode(h));
				for bid in shared.store.bids().unwrap_or_default() {
					// An order left out of a bounded read is asked for by id before its bid
					// record goes.
					let still_open = open.contains(&bid.order)
						|| chain.order(bid.order).await?.is_some_and(|o| o.bid_window_end > now);
					if still_open {
						bid_on.insert(bid.order);
						bid_gpus_held.extend(bid.gpu_hashes.iter().map(|h| (hex_of(h), u32::MAX)));
					} else {
						// Closed: perhaps awarded in a block not finalized yet, whose lease
						// the finalized state does not show. Its GPUs wait a little longer.
						let _ = shared.store.remove_bid(bid.order);
						let origin = format!("order {}", bid.order);
						shared
							.metrics
							.operator
							.bid_settled(leases.iter().any(|l| l.origin == origin));
						let until = now.saturating_add(BID_GPU_HOLD_BLOCKS);
						bid_gpus_held.extend(bid.gpu_hashes.iter().map(|h| (hex_of(h), until)));
					}
				}
				bid_gpus_held.retain(|_, until| *until > now);
				let bid_gpus: BTreeSet<String> = bid_gpus_held.keys().cloned().collect();
				// Open bids are re-read next block: only closed ones' holds persist.
				bid_gpus_held.retain(|_, until| *until != u32::MAX);
				// The finalized state lags the bids this agent placed since: their GPUs are not
				// free, whatever it still says. Only GPUs proven through an order's bid window
				// are bid on it.
				let free = bidding::without(&provider.free_gpus, &bid_gpus);
				let commitments = (leases.len() + bid_on.len()) as u32;
				let (plans, _skipped) = bidding::plan(
					&orders,
					&free,
					&shared.policy,
					&shared.owner.to_string(),
					&bid_on,
					commitments,
				);
				if !plans.is_empty() {
					let shared = shared.clone();
					let chain = chain.clone();
					shared.tasks.clone().spawn(async move {
						let _guard = guard;
						for plan in plans {
							bids::place_bid(&shared, &chain, plan, now).await;
						}
					});
				}
			}
		}
	}
	Ok(())
}
