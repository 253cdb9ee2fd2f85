//! Throughput of the agent's hot paths, printed as numbers: `cargo bench -p provider-agent`.
//!
//! - bid planning: every open order against the free GPUs, once per finalized block;
//! - manifest and query checks: a signature check and a hash per tenant request;
//! - the lease log: appends while a workload prints, pages while tenants follow it;
//! - the store: one lease record written per state change.
//!
//! Each case runs a few times and the median is printed, so one noisy run does not decide.

use std::{
	collections::BTreeSet,
	hint::black_box,
	time::{Duration, Instant},
};

use ember_client::{
	manifest::manifest_hash,
	market::{Gpu, Order},
	p2p::{LogStream, SignedManifest},
};
use provider_agent::{
	bidding::{plan, PricePolicy},
	execution::LogBook,
	store::{BidRecord, LeasePhase, LeaseRecord, Store},
};

const EMBR: u128 = 1_000_000_000_000;
const RUNS: usize = 5;

/// Runs `case` `RUNS` times; each run does `per_run` operations. Prints the median rate.
fn measure(name: &str, per_run: u64, mut case: impl FnMut()) {
	let mut times: Vec<Duration> = (0..RUNS)
		.map(|_| {
			let start = Instant::now();
			case();
			start.elapsed()
		})
		.collect();
	times.sort();
	let median = times[RUNS / 2];
	let per_op = median / u32::try_from(per_run).unwrap_or(u32::MAX);
	println!(
		"{name:<48} {:>12.0} ops/s  {:>10.2} µs/op  (median of {RUNS} runs of {per_run})",
		per_run as f64 / median.as_secs_f64(),
		per_op.as_secs_f64() * 1e6,
	);
}

fn gpus(count: u32) -> Vec<Gpu> {
	(0..count)
		.map(|i| {
			let (model, vram, cc) = if i % 4 == 0 {
				("NVIDIA H100 80GB HBM3", 81_559, "9.0")
			} else {
				("NVIDIA L4", 23_034, "8.9")
			};
			Gpu {
				model: model.into(),
				vram_mib: vram,
				compute_capability: cc.into(),
				uuid_hash: format!("0x{i:064x}"),
				proven_until: Some(u32::MAX),
			}
		})
		.collect()
}

fn orders(count: u64) -> Vec<Order> {
	(0..count)
		.map(|id| Order {
			id,
			tenant: format!("tenant-{}", id % 50),
			model: (id % 3 == 0).then(|| "NVIDIA H100 80GB HBM3".to_string()),
			min_vram_mib: if id % 2 == 0 { 20_000 } else { 0 },
			min_compute_capability: "8.0".into(),
			count: 1 + (id % 4) as u32,
			duration: 600,
			max_price_per_gpu_hour: if id % 5 == 0 { EMBR } else { 5 * EMBR },
			manifest_hash: format!("0x{id:064x}"),
			region: None,
			auto_award: false,
			bid_window_end: 100,
			bids: 0,
		})
		.collect()
}

fn bidding() {
	let policy = PricePolicy {
		default_per_gpu_hour: 2 * EMBR,
		per_model: [("NVIDIA H100 80GB HBM3".to_string(), 4 * EMBR)].into(),
		min_duration: 10,
		max_duration: 0,
		max_leases: 0,
		region: "eu-west".into(),
	};
	let bid_on = BTreeSet::new();
	for (order_count, gpu_count) in [(100, 8), (1_000, 64), (10_000, 256)] {
		let (orders, free) = (orders(order_count), gpus(gpu_count));
		measure(&format!("bid plan: {order_count} orders x {gpu_count} GPUs"), 10, || {
			for _ in 0..10 {
				black_box(plan(&orders, &free, &policy, "owner", &bid_on, 0));
			}
		});
	}
}

fn manifest_checks() {
	let tenant = ember_client::keys::keypair_from_uri("//Dave").expect("dev key");
	let manifest = serde_json::to_vec(&serde_json::json!({
		"version": 1,
		"name": "bench",
		"workload": { "kind": "command", "program": "python3", "args": ["train.py", "--epochs", "3"] },
		"env": { "DATA": "x".repeat(3_000) },
		"outputs": ["model.bin"],
		"gpus": { "count": 1 }
	}))
	.expect("json");
	let signed = SignedManifest::sign(7, manifest, &tenant);
	measure("manifest: verify signature + hash (3 KiB)", 200, || {
		for _ in 0..200 {
			assert!(black_box(&signed).verify());
			black_box(manifest_hash(&signed.manifest));
		}
	});
}

fn lease_log() {
	let dir = tempfile::tempdir().expect("temp dir");
	let log = LogBook::open(dir.path()).expect("log");
	let line = "step 1234 | loss 0.04213 | lr 3.0e-4 | tokens/s 81234 | gpu 0: 87 % 20.1 GiB";
	measure("lease log: append a workload line", 20_000, || {
		for _ in 0..20_000 {
			log.push(LogStream::Stdout, line);
		}
	});
	let mut from = 0;
	measure("lease log: page 500 lines to a tenant", 200, || {
		for _ in 0..200 {
			let (lines, next) = log.since(from, 500, 64 * 1024);
			black_box(lines);
			from = if next >= log.next_seq() { 0 } else { next };
		}
	});
	measure("lease log: reopen after a restart (100k lines)", 1, || {
		black_box(LogBook::open(dir.path()).expect("reopens"));
	});
}

fn store() {
	let dir = tempfile::tempdir().expect("temp dir");
	let store = Store::open(dir.path()).expect("store");
	let mut record = LeaseRecord {
		lease: 0,
		order: Some(1),
		tenant: [7; 32],
		manifest_hash: [1; 32],
		gpu_uuids: vec!["GPU-0".into(), "GPU-1".into()],
		gpu_hashes: vec![[2; 32], [3; 32]],
		price_per_gpu_hour: 2 * EMBR,
		start_block: 10,
		end_block: 610,
		phase: LeasePhase::Running,
		manifest_received: true,
		pid: Some(4242),
		last_attested_block: 10,
		warned_end: false,
		warned_escrow: false,
		failure: None,
		earned: 0,
		finished_at: None,
	};
	measure("store: write a lease record", 500, || {
		for i in 0..500 {
			record.lease = i % 64;
			record.last_attested_block += 1;
			store.put_lease(&record).expect("written");
		}
	});
	measure("store: read all lease records (64)", 100, || {
		for _ in 0..100 {
			black_box(store.leases().expect("read"));
		}
	});
	let mut bid = BidRecord {
		order: 0,
		gpu_hashes: vec![[2; 32], [3; 32]],
		price: 2 * EMBR,
		placed_at_block: 10,
		tx_hash: None,
	};
	measure("store: record a bid, synced to disk", 50, || {
		for i in 0..50 {
			bid.order = i % 16;
			store.put_bid(&bid).expect("written");
		}
	});
	measure("store: read all bid records (16)", 100, || {
		for _ in 0..100 {
			black_box(store.bids().expect("read"));
		}
	});
}

fn main() {
	// `cargo test --benches` runs this too; a quick pass is enough there.
	if std::env::args().any(|a| a == "--bench") {
		bidding();
		manifest_checks();
		lease_log();
		store();
	} else {
		println!("run `cargo bench -p provider-agent` for numbers");
	}
}
