//! `lease status`: one view of a lease for its tenant: the lease on chain, how long its escrow
//! pays, the provider's liveness, and the workload as the provider's agent reports it.

use ember_client::{
	market::{parse_account, Lease, Provider},
	units::{format_blocks, format_embr, format_embr_number},
};
use serde::Serialize;

use crate::{output::table, workload, CliError, Context};

/// Blocks of escrow left under which the view warns the tenant to top up: an hour.
const LOW_ESCROW_BLOCKS: u32 = 600;

/// The whole view, as JSON prints it.
#[derive(Serialize)]
struct Status {
	lease: Lease,
	/// The best block the view was read at, and the last finalized one.
	best_block: u32,
	finalized_block: u64,
	escrow: Escrow,
	provider: Option<Liveness>,
	/// The workload as the agent reports it, or why it could not be asked.
	workload: Workload,
}

#[derive(Serialize)]
struct Escrow {
	/// Left, plancks.
	left: u128,
	/// Blocks past the best one the escrow pays for (not past the lease's end).
	funded_blocks: u32,
	/// Blocks until the lease's end.
	remaining_blocks: u32,
	/// Whether it runs out before the end: the tenant must top up, or the lease enters grace.
	runs_out_before_end: bool,
}

#[derive(Serialize)]
struct Liveness {
	status: String,
	paused: bool,
	accepts_work: bool,
	idle_reason: Option<String>,
	last_heartbeat: u32,
	blocks_since_heartbeat: u32,
	heartbeat_period: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Workload {
	/// The agent's answer: the workload's state and its last log lines.
	Reported { state: serde_json::Value, last_lines: Vec<String> },
	/// Not asked, or no answer.
	Unknown { reason: String },
}

fn escrow_of(lease: &Lease, best: u32) -> Escrow {
	let funded_blocks = lease.funded_until.min(lease.end).saturating_sub(best);
	let remaining_blocks = lease.end.saturating_sub(best);
	Escrow {
		left: lease.escrow,
		funded_blocks,
		remaining_blocks,
		runs_out_before_end: lease.funded_until < lease.end,
	}
}

fn liveness_of(provider: Provider, best: u32, period: u32) -> Liveness {
	Liveness {
		blocks_since_heartbeat: best.saturating_sub(provider.last_heartbeat),
		status: provider.status,
		paused: provider.paused,
		accepts_work: provider.accepts_work,
		idle_reason: provider.idle_reason,
		last_heartbeat: provider.last_heartbeat,
		heartbeat_period: period,
	}
}

/// `lease status <id>`.
pub async fn lease_status(ctx: &Context, id: u64) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let best = chain.best_number().await?;
	let finalized_block = chain.finalized_block().await?;
	let Some(lease) = chain.lease_at_best(id).await? else {
		return Err(CliError::Usage(format!(
			"lease {id} is not running (closed, or never existed)"
		)));
	};
	let owner = parse_account(&lease.provider)?;
	let period = chain.heartbeat_period().await?;
	let provider = chain.provider(&owner).await?.map(|p| liveness_of(p, best, period));
	// Only the tenant's key may ask the agent; without one, the chain's view is still shown.
	let workload = match ctx.signer() {
		Err(_) => {
			Workload::Unknown { reason: "give the tenant's key to ask the provider's agent".into() }
		},
		Ok(signer) => match workload::workload_report(&chain, id, &signer).await {
			Ok((state, last_lines)) => Workload::Reported { state, last_lines },
			Err(error) => Workload::Unknown { reason: error.to_string() },
		},
	};
	let status = Status {
		escrow: escrow_of(&lease, best),
		lease,
		best_block: best,
		finalized_block,
		provider,
		workload,
	};
	ctx.out.show(&status, || text(&status));
	Ok(())
}

fn text(status: &Status) -> String {
	let Status { lease, best_block, escrow, provider, workload, .. } = status;
	let mut t = table(&["lease", "value"]);
	t.add_row(vec!["tenant".into(), lease.tenant.clone()]);
	t.add_row(vec!["provider".into(), lease.provider.clone()]);
	t.add_row(vec![
		"GPUs, price".into(),
		format!(
			"{} at {} EMBR/GPU-h ({})",
			lease.gpus.len(),
			format_embr_number(lease.price_per_gpu_hour),
			lease.origin
		),
	]);
	t.add_row(vec![
		"runs".into(),
		format!(
			"#{} → #{} (now #{best_block}, {} left)",
			lease.start,
			lease.end,
			format_blocks(escrow.remaining_blocks)
		),
	]);
	let paid_for = format!(
		"{} left, pays until #{} ({})",
		format_embr(escrow.left),
		lease.funded_until,
		format_blocks(escrow.funded_blocks)
	);
	let warning = if escrow.runs_out_before_end && escrow.funded_blocks < LOW_ESCROW_BLOCKS {
		format!(
			"\nruns out before the end: `emberctl lease top-up {} <EMBR>`, or it enters grace",
			lease.id
		)
	} else {
		String::new()
	};
	t.add_row(vec!["escrow".into(), format!("{paid_for}{warning}")]);
	t.add_row(vec![
		"paid (fees)".into(),
		format!(
			"{} ({}), settled until #{}; {} owed since, last attested at #{}",
			format_embr(lease.paid),
			format_embr(lease.fees),
			lease.settled_until,
			format_embr(lease.unsettled),
			lease.attested_at
		),
	]);
	t.add_row(vec!["downtime, not charged".into(), format_blocks(lease.downtime_blocks)]);
	match provider {
		Some(p) => {
			let mut line = format!(
				"{}{}, last heartbeat #{} ({} ago, every {})",
				p.status,
				if p.paused { ", paused" } else { "" },
				p.last_heartbeat,
				format_blocks(p.blocks_since_heartbeat),
				format_blocks(p.heartbeat_period)
			);
			if let Some(reason) = &p.idle_reason {
				line.push_str(&format!("; takes no new work: {reason}"));
			}
			t.add_row(vec!["provider liveness".into(), line]);
		},
		None => {
			t.add_row(vec!["provider liveness", "no longer registered"]);
		},
	}
	match workload {
		Workload::Reported { state, last_lines } => {
			let mut line = state["state"].as_str().unwrap_or("unknown").replace('_', " ");
			if let Some(detail) = state.as_object().filter(|o| o.len() > 1) {
				let rest: Vec<String> = detail
					.iter()
					.filter(|(k, _)| k.as_str() != "state")
					.map(|(k, v)| format!("{k} {v}"))
					.collect();
				line.push_str(&format!(" ({})", rest.join(", ")));
			}
			for last in last_lines {
				line.push_str(&format!("\n  {last}"));
			}
			t.add_row(vec!["workload".into(), line]);
		},
		Workload::Unknown { reason } => {
			t.add_row(vec!["workload".into(), format!("unknown: {reason}")]);
		},
	}
	format!("lease {}\n{t}", lease.id)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn lease(end: u32, funded_until: u32) -> Lease {
		Lease {
			id: 4,
			tenant: "5Tenant".into(),
			provider: "5Provider".into(),
			origin: "order 1".into(),
			gpus: vec!["0x01".into()],
			price_per_gpu_hour: 2_000_000_000_000,
			manifest_hash: "0x02".into(),
			start: 10,
			end,
			escrow: 3_000_000_000_000,
			settled_until: 10,
			funded_until,
			paid: 0,
			fees: 0,
			downtime_blocks: 0,
			unsettled: 0,
			attested_at: 10,
		}
	}

	#[test]
	fn escrow_that_runs_out_before_the_end_is_said_so() {
		let short = escrow_of(&lease(5_000, 400), 100);
		assert_eq!((short.funded_blocks, short.remaining_blocks), (300, 4_900));
		assert!(short.runs_out_before_end);
		let full = escrow_of(&lease(500, 500), 100);
		assert_eq!((full.funded_blocks, full.remaining_blocks), (400, 400));
		assert!(!full.runs_out_before_end);
	}

	#[test]
	fn the_view_names_the_top_up_when_escrow_is_low() {
		let low = Status {
			escrow: escrow_of(&lease(5_000, 400), 100),
			lease: lease(5_000, 400),
			best_block: 100,
			finalized_block: 98,
			provider: None,
			workload: Workload::Unknown { reason: "no key".into() },
		};
		let shown = text(&low);
		assert!(shown.contains("emberctl lease top-up 4"), "{shown}");
		assert!(shown.contains("no longer registered"));
		assert!(shown.contains("unknown: no key"));
	}
}
