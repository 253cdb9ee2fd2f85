//! What each block of the run held and cost: its transactions by kind, the weight it used, the
//! time the validator took to build it and the time a follower took to import it.

use std::path::PathBuf;

use ember_client::chain::{runtime, Chain, EmberConfig};
use subxt::{config::RpcConfigFor, rpcs::methods::LegacyRpcMethods};
use tokio::{
	io::{AsyncReadExt, AsyncWriteExt},
	sync::mpsc,
};

/// Where the run is.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum Phase {
	/// Heartbeats at the design rate.
	#[default]
	Steady,
	/// Waiting for a period to begin, to send every heartbeat at once.
	WaitForPeriod,
	/// Every provider's heartbeat sent at once.
	HeartbeatBurst,
	/// Transfers sent at once.
	Transfers,
}

impl Phase {
	fn label(self) -> &'static str {
		match self {
			Phase::Steady => "steady",
			Phase::WaitForPeriod => "wait",
			Phase::HeartbeatBurst => "hb-burst",
			Phase::Transfers => "transfers",
		}
	}
}

impl std::fmt::Display for Phase {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(self.label())
	}
}

/// Where block-level numbers come from besides the chain itself.
#[derive(Clone, Debug, Default)]
pub struct Probes {
	/// The validator's log: its "Prepared block for proposing at N (T ms)" lines.
	pub validator_log: Option<PathBuf>,
	/// A follower node's Prometheus endpoint (`host:port`): its block import time histogram.
	pub follower_metrics: Option<String>,
}

/// One block, measured.
#[derive(Clone, Debug, Default)]
pub struct BlockStats {
	/// Its number.
	pub number: u64,
	/// The phase the driver was in when it saw the block.
	pub phase: Phase,
	/// Signed transactions (every extrinsic but the inherents).
	pub transactions: u32,
	/// Heartbeats included.
	pub heartbeats: u32,
	/// Attestation lines recorded (`LeaseAttested` events).
	pub lines: u32,
	/// Transfers included.
	pub transfers: u32,
	/// Providers that went Offline in its hooks.
	pub went_offline: u32,
	/// Weight used, in percent of the block's maximum: all classes, and the hooks' (mandatory).
	pub weight_pct: f64,
	/// The hooks' share (mandatory class), in percent of the block's maximum.
	pub hooks_pct: f64,
	/// Weight the transactions were charged (normal and operational classes), in µs.
	pub transactions_us: f64,
	/// The validator's time to build it, in ms (from its log).
	pub propose_ms: Option<u64>,
	/// The follower's mean import time over the blocks it imported since the last one, in ms.
	pub import_ms: Option<f64>,
	/// Its extrinsics' encoded size, in bytes.
	pub size: Option<u64>,
}

/// Follow new best blocks and send each one's stats.
pub async fn watch_blocks(
	chain: Chain,
	rpc: LegacyRpcMethods<RpcConfigFor<EmberConfig>>,
	probes: Probes,
	out: mpsc::UnboundedSender<BlockStats>,
) {
	let mut import = ImportTimes::default();
	let Ok(mut heads) = rpc.chain_subscribe_new_heads().await else {
		eprintln!("[scale] cannot follow new blocks");
		return;
	};
	let max_block = runtime::constants().system().block_weights();
	let max_ref_time = chain
		.api()
		.at_current_block()
		.await
		.ok()
		.and_then(|at| at.constants().entry(max_block).ok())
		.map_or(1, |weights| weights.max_block.ref_time.max(1));
	while let Some(Ok(header)) = heads.next().await {
		let mut stats = match block_stats(&chain, &rpc, header.number, max_ref_time).await {
			Ok(stats) => stats,
			Err(error) => {
				eprintln!("[scale] block {}: {error}", header.number);
				continue;
			},
		};
		if let Some(log) = &probes.validator_log {
			stats.propose_ms = proposal_ms(log, header.number);
		}
		if let Some(address) = &probes.follower_metrics {
			stats.import_ms = import.since_last(address).await;
		}
		if out.send(stats).is_err() {
			return;
		}
	}
}

async fn block_stats(
	chain: &Chain,
	rpc: &LegacyRpcMethods<RpcConfigFor<EmberConfig>>,
	number: u64,
	max_ref_time: u64,
) -> Result<BlockStats, Box<dyn std::error::Error + Send + Sync>> {
	let at = chain.api().at_block(number).await?;
	let mut stats = BlockStats { number, ..Default::default() };
	let events = at.events().fetch().await?;
	for event in events.iter() {
		let event = event?;
		match (event.pallet_name(), event.event_name()) {
			("Providers", "HeartbeatReceived") => stats.heartbeats += 1,
			("Providers", "WentOffline") => stats.went_offline += 1,
			("Leases", "LeaseAttested") => stats.lines += 1,
			("Balances", "Transfer") => stats.transfers += 1,
			("TransactionPayment", "TransactionFeePaid") => stats.transactions += 1,
			_ => {},
		}
	}
	// Feeless heartbeats pay no fee event: count them in.
	stats.transactions += stats.heartbeats;
	if let Some(weight) = at
		.storage()
		.try_fetch(runtime::storage().system().block_weight(), ())
		.await?
		.map(|value| value.decode())
		.transpose()?
	{
		let pct = |ref_time: u64| ref_time as f64 * 100.0 / max_ref_time as f64;
		stats.hooks_pct = pct(weight.mandatory.ref_time);
		stats.transactions_us =
			(weight.normal.ref_time + weight.operational.ref_time) as f64 / 1_000_000.0;
		stats.weight_pct =
			pct(weight.normal.ref_time + weight.operational.ref_time + weight.mandatory.ref_time);
	}
	stats.size = rpc.chain_get_block(Some(at.block_hash())).await.ok().flatten().map(|details| {
		details.block.extrinsics.iter().map(|extrinsic| extrinsic.0.len() as u64).sum()
	});
	Ok(stats)
}

/// The validator's "Prepared block for proposing at N (T ms)" line for block `number`.
fn proposal_ms(log: &std::path::Path, number: u64) -> Option<u64> {
	let text = std::fs::read_to_string(log).ok()?;
	let needle = format!("Prepared block for proposing at {number} (");
	let line = text.lines().rev().find(|line| line.contains(&needle))?;
	let after = &line[line.find(&needle)? + needle.len()..];
	after.split(' ').next()?.parse().ok()
}

/// The follower's block import histogram, read at each block.
#[derive(Default)]
struct ImportTimes {
	last: Option<(f64, f64)>,
}

impl ImportTimes {
	/// Mean seconds per import since the last reading, in ms.
	async fn since_last(&mut self, address: &str) -> Option<f64> {
		let text = scrape(address).await?;
		let value = |name: &str| {
			text.lines()
				.find(|line| line.starts_with(name))
				.and_then(|line| line.rsplit(' ').next())
				.and_then(|value| value.parse::<f64>().ok())
		};
		let now = (
			value("substrate_block_verification_and_import_time_sum")?,
			value("substrate_block_verification_and_import_time_count")?,
		);
		let mean = self.last.and_then(|(sum, count)| {
			let imported = now.1 - count;
			(imported > 0.0).then(|| (now.0 - sum) / imported * 1000.0)
		});
		self.last = Some(now);
		mean
	}
}

/// `GET /metrics` from a Prometheus endpoint at `host:port`.
async fn scrape(address: &str) -> Option<String> {
	let mut stream = tokio::net::TcpStream::connect(address).await.ok()?;
	let request = format!("GET /metrics HTTP/1.0\r\nHost: {address}\r\n\r\n");
	stream.write_all(request.as_bytes()).await.ok()?;
	let mut response = String::new();
	stream.read_to_string(&mut response).await.ok()?;
	response.split_once("\r\n\r\n").map(|(_, body)| body.to_string())
}

/// Print one block as a table row (with the header first).
pub fn print_block(block: &BlockStats, header: bool) {
	if header {
		println!(
			"{:>7} {:>9} {:>6} {:>6} {:>7} {:>6} {:>6} {:>8} {:>7} {:>10} {:>10} {:>9}",
			"block",
			"phase",
			"txs",
			"hb",
			"lines",
			"xfer",
			"offl",
			"weight%",
			"hooks%",
			"propose_ms",
			"import_ms",
			"bytes"
		);
	}
	let or_dash = |value: Option<String>| value.unwrap_or_else(|| "-".into());
	println!(
		"{:>7} {:>9} {:>6} {:>6} {:>7} {:>6} {:>6} {:>8.1} {:>7.1} {:>10} {:>10} {:>9}",
		block.number,
		block.phase.label(),
		block.transactions,
		block.heartbeats,
		block.lines,
		block.transfers,
		block.went_offline,
		block.weight_pct,
		block.hooks_pct,
		or_dash(block.propose_ms.map(|ms| ms.to_string())),
		or_dash(block.import_ms.map(|ms| format!("{ms:.1}"))),
		or_dash(block.size.map(|size| size.to_string())),
	);
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_proposal_time_is_read_from_the_validators_log() {
		let dir = tempfile::tempdir().unwrap();
		let log = dir.path().join("node.log");
		std::fs::write(
			&log,
			"2026-12-05 INFO 🎁 Prepared block for proposing at 11 (12 ms) hash: 0xab\n\
			 2026-12-05 INFO 🎁 Prepared block for proposing at 12 (1234 ms) hash: 0xcd\n",
		)
		.unwrap();
		assert_eq!(proposal_ms(&log, 12), Some(1234));
		assert_eq!(proposal_ms(&log, 11), Some(12));
		assert_eq!(proposal_ms(&log, 13), None);
	}
}
