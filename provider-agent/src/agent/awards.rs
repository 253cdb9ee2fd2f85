//! Awards taken on from best blocks: a lease's workload can start a moment after its award
//! block is imported, instead of two or three blocks later when GRANDPA finalizes it. A lease
//! whose award block leaves the best chain is stopped and forgotten. Nothing here moves money:
//! bids, lease ends and closes stay with the finalized follower.

use std::sync::{atomic::Ordering, Arc};

use ember_client::{
	chain::{Chain, ChainError},
	market::{leases_of_at, Lease},
};

use super::Shared;
use crate::workloads::Award;

/// How far the best block may run ahead of the finalized one for the agent to still take
/// leases on from it: past that, finality has stalled, and an award made now could buy a run
/// lasting as long as the stall (no money moves until finality), so new leases wait for it.
const MAX_AWARD_LAG: u32 = 10;

/// Takes on the provider's new leases at each best block and forgets those whose award block
/// was retracted, until the connection ends.
pub(super) async fn award_loop(shared: &Arc<Shared>, chain: &Chain) -> Result<(), ChainError> {
	let mut blocks = chain
		.api()
		.stream_best_blocks()
		.await
		.map_err(|e| ChainError::Rpc(e.to_string()))?;
	while let Some(block) = blocks.next().await {
		let block = block.map_err(|e| ChainError::Rpc(e.to_string()))?;
		let now = block.number() as u32;
		let unconfirmed = shared.workloads.unconfirmed();
		if unconfirmed.is_empty() && !shared.liveness.registered.load(Ordering::Relaxed) {
			continue;
		}
		// Only the node's best block as it is now: the canonical hashes read below must be of
		// the chain this block is on. A best block may also be pruned or retracted before it
		// is read: the next one will do.
		if chain.canonical_hash(now).await? != Some(block.hash().0) {
			continue;
		}
		let Ok(at) = block.at().await else { continue };
		let Ok(leases) = leases_of_at(&at, &shared.owner).await else { continue };
		let leases: Vec<Lease> =
			leases.into_iter().filter(|l| l.provider == shared.owner.to_string()).collect();
		// The award block of the lease taken on from best block `now`.
		let award_of = async |lease: &Lease| -> Result<Option<Award>, ChainError> {
			let hash = if lease.start == now {
				Some(block.hash().0)
			} else {
				// Awarded in an earlier block than this one, on the chain this block is on.
				chain.canonical_hash(lease.start).await?
			};
			Ok(hash.map(|hash| Award { number: lease.start, hash }))
		};
		// Retractions first, so that a lease id the winning branch gave another lease is
		// taken on below.
		for (id, award) in unconfirmed {
			let again = leases.iter().find(|l| l.id == id);
			if chain.canonical_hash(award.number).await? == Some(award.hash) {
				shared.workloads.restored(id, award);
				// Not listed at this block, on the award's chain: closed. Unless the node
				// switched branches between the two reads (this block no longer best).
				let on_award_chain =
					award.number <= now && chain.canonical_hash(now).await? == Some(block.hash().0);
				if again.is_none() && on_award_chain {
					shared.workloads.closed_before_final(id, award, now);
				}
				continue;
			}
			if let Some(lease) = again {
				if let Some(moved_to) = award_of(lease).await? {
					if shared.workloads.move_award(lease, award, moved_to, now) {
						continue;
					}
				}
			}
			if shared.workloads.orphaned(id, award, now, std::time::Instant::now()) {
				tracing::warn!(
					lease = id,
					award = award.number,
					"the lease's award block was retracted"
				);
			}
		}
		let finalized = shared.liveness.finalized.load(Ordering::Relaxed);
		if now.saturating_sub(finalized) > MAX_AWARD_LAG {
			continue;
		}
		let unseen = shared.workloads.unseen(&leases);
		if unseen.is_empty() {
			continue;
		}
		let devices = match shared.gpus.devices() {
			Ok(devices) => devices,
			Err(error) => {
				tracing::error!(%error, "reading the GPUs failed");
				continue;
			},
		};
		for lease in unseen {
			let Some(award) = award_of(lease).await? else { continue };
			tracing::info!(
				lease = lease.id,
				award = lease.start,
				"took on a lease from a best block"
			);
			shared.workloads.take_on_award(lease, award, now, &devices);
		}
	}
	Ok(())
}
