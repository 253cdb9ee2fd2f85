//! Workload commands: manifests, logs and outputs, over the manifest protocol to the lease's
//! provider (its PeerId and addresses come from the chain).

use std::{path::PathBuf, time::Duration};

use clap::{Args, Subcommand};
use ember_client::{
	chain::Chain,
	p2p::{self, Multiaddr, PeerId, Response, TenantClient},
};
use serde::Serialize;
use subxt_signer::sr25519::Keypair;

use crate::{CliError, Context};

/// How long one request to a provider may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a provider may take to learn of a lease awarded a moment ago.
const UNSEEN_LEASE_PATIENCE: Duration = Duration::from_secs(30);
/// How soon to ask again a provider that has not seen the lease yet: its agent takes leases on
/// from best blocks, a moment after the node imports them.
const UNSEEN_LEASE_RETRY: Duration = Duration::from_millis(250);

/// `manifest …`.
#[derive(Subcommand)]
pub enum ManifestCommand {
	/// Check a manifest and print its hash.
	Check {
		/// The manifest file (JSON).
		file: PathBuf,
	},
	/// Send a lease's manifest to its provider, signed with your key.
	Send {
		/// The lease id.
		lease: u64,
		/// The manifest file whose hash the lease carries.
		file: PathBuf,
	},
}

/// `logs`.
#[derive(Args)]
pub struct LogsArgs {
	/// The lease id.
	lease: u64,
	/// First log line to show (its sequence number).
	#[arg(long, default_value_t = 0)]
	from: u64,
	/// Keep following new lines until the workload ends.
	#[arg(long, short)]
	follow: bool,
}

/// `output`.
#[derive(Args)]
pub struct OutputArgs {
	/// The lease id.
	lease: u64,
	/// The output's path, as the manifest names it.
	path: String,
	/// Where to save it (default: its file name in the current directory).
	#[arg(long)]
	to: Option<PathBuf>,
}

/// Where the lease's provider listens, from the chain's best block (a lease awarded a moment
/// ago is there already).
async fn provider_of(chain: &Chain, lease: u64) -> Result<(PeerId, Vec<Multiaddr>), CliError> {
	let record = chain
		.lease_at_best(lease)
		.await?
		.ok_or_else(|| CliError::Usage(format!("lease {lease} is not running")))?;
	let owner = ember_client::market::parse_account(&record.provider)?;
	let provider = chain
		.provider(&owner)
		.await?
		.ok_or_else(|| CliError::Provider(format!("provider {owner} is no longer registered")))?;
	let peer: PeerId = provider.peer_id.parse().map_err(|_| {
		CliError::Provider(format!(
			"provider {owner} registered an invalid PeerId `{}`",
			provider.peer_id
		))
	})?;
	let addrs = p2p::parse_multiaddrs(&provider.multiaddrs).map_err(|e| {
		CliError::Provider(format!("provider {owner} registered a bad address: {e}"))
	})?;
	Ok((peer, addrs))
}

fn rejected(response: Response) -> CliError {
	match response {
		Response::Rejected { reason } => {
			CliError::Provider(format!("the provider refused: {reason}"))
		},
		other => CliError::Provider(format!("unexpected answer from the provider: {other:?}")),
	}
}

/// `manifest …`.
pub async fn manifest(ctx: &Context, command: ManifestCommand) -> Result<(), CliError> {
	match command {
		ManifestCommand::Check { file } => {
			let (_, hash) = crate::market::read_manifest(&file)?;
			let hash = format!("0x{}", hex::encode(hash));
			ctx.out.show(&serde_json::json!({ "valid": true, "hash": hash }), || {
				format!("{} is a valid manifest; its hash is {hash}", file.display())
			});
			Ok(())
		},
		ManifestCommand::Send { lease, file } => {
			let (bytes, hash) = crate::market::read_manifest(&file)?;
			let chain = ctx.chain().await?;
			let sent = send_manifest(ctx, &chain, lease, bytes, hash).await?;
			ctx.out.show(&sent, || sent.text());
			Ok(())
		},
	}
}

/// A manifest the lease's provider accepted.
#[derive(Serialize)]
pub struct ManifestSent {
	lease: u64,
	accepted: bool,
	hash: String,
}

impl ManifestSent {
	/// For people.
	pub fn text(&self) -> String {
		format!(
			"the provider accepted the manifest of lease {}; follow it with `emberctl logs {} --follow`",
			self.lease, self.lease
		)
	}
}

/// Sends the manifest `bytes` (hashing to `hash`) of `lease` to its provider, signed with the
/// tenant's key. The lease is read from the best block, so that it can be sent the moment its
/// award is included (`--wait in-block`) rather than two blocks later when it is final.
pub async fn send_manifest(
	ctx: &Context,
	chain: &Chain,
	lease: u64,
	bytes: Vec<u8>,
	hash: [u8; 32],
) -> Result<ManifestSent, CliError> {
	let record = chain
		.lease_at_best(lease)
		.await?
		.ok_or_else(|| CliError::Usage(format!("lease {lease} is not running")))?;
	let hash_hex = format!("0x{}", hex::encode(hash));
	if record.manifest_hash != hash_hex {
		return Err(CliError::Usage(format!(
			"the manifest hashes to {hash_hex}, but lease {lease} was ordered for {}: send the \
			 manifest you ordered with",
			record.manifest_hash
		)));
	}
	let signer = ctx.signer()?;
	let (peer, addrs) = provider_of(chain, lease).await?;
	let client = TenantClient::new().map_err(|e| CliError::Provider(e.to_string()))?;
	// The lease is on chain, but the provider takes it on when its agent has seen the block:
	// right after the award that can take a moment.
	let patience = std::time::Instant::now();
	let response = loop {
		let response = client
			.send_manifest(peer, &addrs, lease, bytes.clone(), &signer, REQUEST_TIMEOUT)
			.await
			.map_err(|e| CliError::Provider(e.to_string()))?;
		let unseen = response == Response::Rejected { reason: p2p::RejectReason::UnknownLease };
		if !unseen || patience.elapsed() > UNSEEN_LEASE_PATIENCE {
			break response;
		}
		tokio::time::sleep(UNSEEN_LEASE_RETRY).await;
	};
	match response {
		Response::Accepted => Ok(ManifestSent { lease, accepted: true, hash: hash_hex }),
		other => Err(rejected(other)),
	}
}

/// A page of logs as printed with `--json`.
#[derive(Serialize)]
struct LogsPage {
	state: serde_json::Value,
	lines: Vec<serde_json::Value>,
	next_seq: u64,
}

async fn fetch_logs(
	client: &TenantClient,
	target: &(PeerId, Vec<Multiaddr>),
	lease: u64,
	from: u64,
	signer: &Keypair,
) -> Result<LogsPage, CliError> {
	let response = client
		.logs(target.0, &target.1, lease, from, signer, REQUEST_TIMEOUT)
		.await
		.map_err(|e| CliError::Provider(e.to_string()))?;
	match response {
		Response::Logs { state, lines, next_seq } => Ok(LogsPage {
			state: p2p::state_json(&state),
			lines: lines.iter().map(p2p::line_json).collect(),
			next_seq,
		}),
		other => Err(rejected(other)),
	}
}

/// How many of the workload's last log lines `lease status` shows.
const STATUS_LINES: usize = 3;
/// The most log pages `lease status` reads to reach the newest line.
const STATUS_PAGES: usize = 20;

/// The workload of `lease` as its provider's agent reports it to the tenant `signer`: its state
/// and its last log lines.
pub async fn workload_report(
	chain: &Chain,
	lease: u64,
	signer: &Keypair,
) -> Result<(serde_json::Value, Vec<String>), CliError> {
	let target = provider_of(chain, lease).await?;
	let client = TenantClient::new().map_err(|e| CliError::Provider(e.to_string()))?;
	let mut from = 0;
	let mut last: std::collections::VecDeque<String> = Default::default();
	// Pages until the newest line, at most STATUS_PAGES of them: the agent keeps a bounded
	// log, and one that keeps paging does not hold the view up.
	for _ in 0..STATUS_PAGES {
		let page = fetch_logs(&client, &target, lease, from, signer).await?;
		for line in &page.lines {
			last.push_back(line["text"].as_str().unwrap_or_default().to_string());
			if last.len() > STATUS_LINES {
				last.pop_front();
			}
		}
		if page.lines.is_empty() || page.next_seq <= from {
			return Ok((page.state, last.into()));
		}
		from = page.next_seq;
	}
	Err(CliError::Provider(format!("the provider's log of lease {lease} did not end")))
}

/// `logs`.
pub async fn logs(ctx: &Context, args: LogsArgs) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let signer = ctx.signer()?;
	let target = provider_of(&chain, args.lease).await?;
	let client = TenantClient::new().map_err(|e| CliError::Provider(e.to_string()))?;
	let mut from = args.from;
	loop {
		let page = fetch_logs(&client, &target, args.lease, from, &signer).await?;
		from = page.next_seq;
		let ended = page.state["state"] != "running"
			&& page.state["state"] != "starting"
			&& page.state["state"] != "awaiting_manifest";
		if ctx.out.json {
			println!("{}", serde_json::to_string(&page).unwrap_or_default());
		} else {
			for line in &page.lines {
				println!("{}", line["text"].as_str().unwrap_or_default());
			}
			if !args.follow || ended {
				eprintln!("workload: {}", page.state);
			}
		}
		if !args.follow || ended {
			return Ok(());
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
}

/// `output`.
pub async fn output(ctx: &Context, args: OutputArgs) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let signer = ctx.signer()?;
	let target = provider_of(&chain, args.lease).await?;
	let client = TenantClient::new().map_err(|e| CliError::Provider(e.to_string()))?;
	let to = args.to.unwrap_or_else(|| {
		PathBuf::from(std::path::Path::new(&args.path).file_name().unwrap_or_default())
	});
	let mut data = Vec::new();
	loop {
		let response = client
			.fetch_output(
				target.0,
				&target.1,
				args.lease,
				&args.path,
				data.len() as u64,
				&signer,
				REQUEST_TIMEOUT,
			)
			.await
			.map_err(|e| CliError::Provider(e.to_string()))?;
		match response {
			Response::Output { data: chunk, eof, .. } => {
				data.extend_from_slice(&chunk);
				if eof {
					break;
				}
			},
			other => return Err(rejected(other)),
		}
	}
	std::fs::write(&to, &data)
		.map_err(|e| CliError::Io(format!("cannot write {}: {e}", to.display())))?;
	ctx.out.show(
		&serde_json::json!({ "lease": args.lease, "path": args.path, "bytes": data.len(), "saved_to": to }),
		|| format!("saved {} ({} bytes) to {}", args.path, data.len(), to.display()),
	);
	Ok(())
}
