//! Bids: one bid placed with its record written first.

use ember_client::{chain::Chain, market::calls};

use super::Shared;
use crate::{bidding, store::BidRecord};

/// Blocks the GPUs of a bid whose order closed stay out of new bids: about the finality lag,
/// so that a lease awarded in a block not yet finalized is not bid over.
pub(super) const BID_GPU_HOLD_BLOCKS: u32 = 10;

pub(super) async fn place_bid(shared: &Shared, chain: &Chain, plan: bidding::BidPlan, now: u32) {
	let Some(call) = calls::place_bid(plan.order, plan.price_per_gpu_hour, &plan.gpus) else {
		return;
	};
	// Recorded first: a crash between here and inclusion must not lead to a second bid.
	let record = BidRecord {
		order: plan.order,
		gpu_hashes: plan.gpus.iter().filter_map(|g| ember_client::market::parse_h256(g)).collect(),
		price: plan.price_per_gpu_hour,
		placed_at_block: now,
		tx_hash: None,
	};
	// Synced to disk before sending, off the async workers.
	let store = shared.store.clone();
	let recorded = tokio::task::spawn_blocking(move || store.put_bid(&record)).await;
	let failure = match recorded {
		Ok(Ok(())) => None,
		Ok(Err(error)) => Some(error.to_string()),
		Err(error) => Some(error.to_string()),
	};
	if let Some(error) = failure {
		tracing::error!(order = plan.order, %error, "cannot record the bid; not placing it");
		return;
	}
	match shared.submitter.submit(chain, "place_bid", &call).await {
		Ok(_) => {
			shared.metrics.bid("placed");
			tracing::info!(order = plan.order, price = %plan.price_per_gpu_hour, gpus = plan.gpus.len(), "bid placed");
		},
		Err(error) => {
			shared.metrics.bid(error.module_error().as_deref().unwrap_or("failed"));
			// A refused bid may be retried on a later block unless the chain said why not; a
			// GPU committed meanwhile (a lease awarded in a block not yet finalized) is no
			// reason to give up on the order.
			let retry = match error.module_error().as_deref() {
				None => true,
				Some(module_error) => module_error.ends_with("GpuCommitted"),
			};
			if retry {
				let _ = shared.store.remove_bid(plan.order);
			}
		},
	}
}
