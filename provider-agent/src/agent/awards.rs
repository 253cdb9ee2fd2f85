//! Awards taken on from best blocks: a lease's workload can start a moment after its award
//! block is imported, instead of two or three blocks later when GRANDPA finalizes it. A lease
//! whose award block leaves the best chain is stopped and forgotten. Nothing here moves money:
//! bids, lease ends and closes stay with the finalized follower.

use std::sync::{atomic::Ordering, Arc};

use ember_client::{
	chain::{Chain, ChainError},
	market::leases_of_at,
};

use super::Shared;
use crate::workloads::Award;

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
		// Retractions first: a lease id reused on the branch that won is taken on below.
		for (lease, award) in shared.workloads.unconfirmed() {
			if chain.canonical_hash(award.number).await? != Some(award.hash) {
				tracing::warn!(
					lease,
					award = award.number,
					"the lease's award block was retracted"
				);
				shared.workloads.retract(lease, award, now);
			}
		}
		if !shared.liveness.registered.load(Ordering::Relaxed) {
			continue;
		}
		// A best block may be pruned or retracted before it is read: the next one will do.
		let Ok(at) = block.at().await else { continue };
		let leases = leases_of_at(&at, &shared.owner).await?;
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
			let hash = if lease.start == now {
				Some(block.hash().0)
			} else {
				// Awarded in an earlier block this loop did not see (it skips none on a
				// healthy node, but a burst of imports may arrive as one notification).
				chain.canonical_hash(lease.start).await?
			};
			let Some(hash) = hash else { continue };
			tracing::info!(
				lease = lease.id,
				award = lease.start,
				"took on a lease from a best block"
			);
			shared.workloads.take_on_award(
				lease,
				Award { number: lease.start, hash },
				now,
				&devices,
			);
		}
	}
	Ok(())
}
