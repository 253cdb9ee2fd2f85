//! Tenant commands: providers, offers, quotes, orders, bids, rent, leases.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use ember_client::{
	chain::{runtime, AccountId, Chain},
	manifest::{manifest_hash, parse_capability, Manifest},
	market::{calls, parse_account, Requirement},
	units::{format_blocks, format_embr, format_embr_number, parse_duration_blocks, parse_embr},
};

use crate::{output::table, CliError, Context};

/// `providers`.
#[derive(Args)]
pub struct ProvidersArgs {
	/// Only providers taking new work with at least one free GPU.
	#[arg(long)]
	free: bool,
}

/// What GPUs to ask for.
#[derive(Args, Clone)]
pub struct GpuArgs {
	/// How many GPUs, all from one provider.
	#[arg(long, default_value_t = 1)]
	count: u32,
	/// Exact model name as NVML reports it, e.g. "NVIDIA H100 80GB HBM3".
	#[arg(long)]
	model: Option<String>,
	/// Least device memory per GPU, in MiB.
	#[arg(long, default_value_t = 0)]
	min_vram: u32,
	/// Least CUDA compute capability, `major.minor`.
	#[arg(long, default_value = "0.0")]
	min_cc: String,
}

impl GpuArgs {
	fn requirement(&self) -> Result<Requirement, CliError> {
		let capability = parse_capability(&self.min_cc).ok_or_else(|| {
			CliError::Usage(format!("--min-cc `{}` is not `major.minor`, e.g. 8.0", self.min_cc))
		})?;
		Ok(Requirement {
			model: self.model.clone(),
			min_vram_mib: self.min_vram,
			min_compute_capability: capability,
			count: self.count,
		})
	}
}

/// `quote`.
#[derive(Args)]
pub struct QuoteArgs {
	#[command(flatten)]
	gpus: GpuArgs,
	/// Lease length: `90m`, `2h`, `1d` or a block count.
	#[arg(long, default_value = "1h")]
	duration: String,
}

/// `order …`.
#[derive(Subcommand)]
pub enum OrderCommand {
	/// Place an order: the worst-case cost is held until a bid is accepted or the order ends.
	Create(CreateOrderArgs),
	/// Show an open order.
	Show {
		/// The order id.
		id: u64,
	},
	/// List open orders, the best-paying first.
	List,
	/// Cancel your open order: everything held is released.
	Cancel {
		/// The order id.
		id: u64,
	},
}

/// `order create`.
#[derive(Args)]
pub struct CreateOrderArgs {
	#[command(flatten)]
	gpus: GpuArgs,
	/// Lease length: `90m`, `2h`, `1d` or a block count.
	#[arg(long)]
	duration: String,
	/// Highest price per GPU-hour you accept, in EMBR.
	#[arg(long)]
	max_price: String,
	/// The workload manifest (JSON) you will send the winning provider; its hash goes on chain.
	#[arg(long)]
	manifest: PathBuf,
	/// Only providers in this region may bid.
	#[arg(long)]
	region: Option<String>,
	/// How long providers may bid, in blocks.
	#[arg(long, default_value_t = 10)]
	bid_window: u32,
	/// Take the best bid automatically when the window ends.
	#[arg(long)]
	auto_award: bool,
}

/// `rent`.
#[derive(Args)]
pub struct RentArgs {
	/// The offer id (see `emberctl offers`).
	offer: u64,
	/// How many of its GPUs.
	#[arg(long, default_value_t = 1)]
	count: u32,
	/// Lease length: `90m`, `2h`, `1d` or a block count.
	#[arg(long)]
	duration: String,
	/// Highest price per GPU-hour you accept, in EMBR (guards against a price change).
	#[arg(long)]
	max_price: String,
	/// The workload manifest (JSON) you will send the provider.
	#[arg(long)]
	manifest: PathBuf,
}

/// `lease …`.
#[derive(Subcommand)]
pub enum LeaseCommand {
	/// Show a running lease.
	Show {
		/// The lease id.
		id: u64,
	},
	/// One view of a lease: on chain, its escrow, the provider's liveness, and the workload
	/// as the provider's agent reports it (asked with the tenant's key).
	Status {
		/// The lease id.
		id: u64,
	},
	/// List the running leases you pay for (or, for a provider owner, are paid by).
	List {
		/// The account (SS58); the signing key's account when absent.
		account: Option<String>,
	},
	/// Add escrow to a lease so it runs to its end.
	TopUp {
		/// The lease id.
		id: u64,
		/// Amount in EMBR.
		amount: String,
	},
	/// Move a lease's end later (top up to pay for it).
	Extend {
		/// The lease id.
		id: u64,
		/// Extra time: `30m`, `2h` or a block count.
		by: String,
	},
	/// Close a lease now: used time is paid, the rest of the escrow comes back.
	Close {
		/// The lease id.
		id: u64,
	},
}

fn duration(text: &str) -> Result<u32, CliError> {
	parse_duration_blocks(text).ok_or_else(|| {
		CliError::Usage(format!(
			"`{text}` is not a duration: use e.g. 90m, 2h, 1d or a block count"
		))
	})
}

fn amount(flag: &str, text: &str) -> Result<u128, CliError> {
	parse_embr(text).map_err(|e| CliError::Usage(format!("{flag}: {e}")))
}

/// Reads and validates a manifest file; returns its hash.
pub fn read_manifest(path: &PathBuf) -> Result<(Vec<u8>, [u8; 32]), CliError> {
	let bytes = std::fs::read(path)
		.map_err(|e| CliError::Io(format!("cannot read manifest {}: {e}", path.display())))?;
	Manifest::from_json(&bytes).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
	let hash = manifest_hash(&bytes);
	Ok((bytes, hash))
}

/// `providers`.
pub async fn providers(ctx: &Context, args: ProvidersArgs) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let mut providers = chain.providers().await?;
	let now = u32::try_from(chain.finalized_block().await?).unwrap_or(u32::MAX);
	if args.free {
		providers.retain(|p| p.accepts_work && !p.free_gpus.is_empty());
	}
	ctx.out.show(&providers, || {
		let mut t =
			table(&["owner", "status", "region", "GPUs", "free", "proven", "last heartbeat"]);
		for p in &providers {
			let mut models: Vec<String> = Vec::new();
			for gpu in &p.gpus {
				let line =
					format!("{} ({} MiB, cc {})", gpu.model, gpu.vram_mib, gpu.compute_capability);
				if !models.contains(&line) {
					models.push(line);
				}
			}
			let status = match &p.idle_reason {
				// The status itself says it.
				Some(reason) if *reason == p.status => p.status.clone(),
				Some(reason) => format!("{} ({reason})", p.status),
				None => p.status.clone(),
			};
			t.add_row(vec![
				p.owner.clone(),
				status,
				p.region.clone(),
				format!("{} × {}", p.gpus.len(), models.join(", ")),
				p.free_gpus.len().to_string(),
				p.gpus
					.iter()
					.filter(|gpu| gpu.proven_until.is_some_and(|b| b > now))
					.count()
					.to_string(),
				format!("#{}", p.last_heartbeat),
			]);
		}
		format!("{t}\n{} provider(s)", providers.len())
	});
	Ok(())
}

/// `offers`.
pub async fn offers(ctx: &Context) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let mut offers = Vec::new();
	let mut after = None;
	loop {
		let page = chain.offers(None, after, PAGE).await?;
		offers.extend(page.items);
		after = page.next;
		if after.is_none() || offers.len() >= MAX_LISTED {
			break;
		}
	}
	let more = after.is_some();
	ctx.out.show(&offers, || {
		let mut t =
			table(&["offer", "provider", "free GPUs", "rented", "EMBR/GPU-h", "max length"]);
		for o in &offers {
			let model = o.available.first().map(|g| g.model.clone()).unwrap_or_default();
			t.add_row(vec![
				o.id.to_string(),
				o.provider.clone(),
				format!("{} {}", o.available.len(), model),
				o.rented.to_string(),
				format_embr_number(o.price_per_gpu_hour),
				format_blocks(o.max_duration),
			]);
		}
		let more = if more {
			format!("\nthe {MAX_LISTED} cheapest shown; more are listed")
		} else {
			String::new()
		};
		format!("{t}{more}")
	});
	Ok(())
}

/// Entries read per request.
const PAGE: u32 = 100;
/// The most entries a listing shows.
const MAX_LISTED: usize = 1_000;

/// `quote`.
pub async fn quote(ctx: &Context, args: QuoteArgs) -> Result<(), CliError> {
	let requirement = args.gpus.requirement()?;
	let blocks = duration(&args.duration)?;
	let quote = ctx.chain().await?.quote(&requirement, blocks).await?;
	ctx.out.show(&quote, || match &quote {
		None => {
			"no recent leases to quote from: place an order with the price you want to pay".into()
		},
		Some(q) => format!(
			"{} recent lease(s): {} / {} / {} EMBR per GPU-hour (min / median / max)\n\
			 {} GPU(s) for {} at the median: {}",
			q.samples,
			format_embr_number(q.min),
			format_embr_number(q.median),
			format_embr_number(q.max),
			requirement.count,
			format_blocks(blocks),
			format_embr(q.estimated_cost)
		),
	});
	Ok(())
}

/// `order …`.
pub async fn order(ctx: &Context, command: OrderCommand) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	match command {
		OrderCommand::Create(args) => {
			let requirement = args.gpus.requirement()?;
			let blocks = duration(&args.duration)?;
			let max_price = amount("--max-price", &args.max_price)?;
			let (_, hash) = read_manifest(&args.manifest)?;
			let call = calls::create_order(
				&requirement,
				blocks,
				max_price,
				hash,
				args.region.as_deref(),
				args.bid_window,
				args.auto_award,
			);
			let escrow = ember_client::units::cost_of(max_price, requirement.count, blocks);
			let deposit = storage_deposit(&chain).await?;
			ctx.confirm(
				&chain,
				"create order",
				&call,
				&[
					("held in escrow (what the order's bids cannot exceed)", escrow),
					("storage deposit, returned when the order or its lease ends", deposit),
				],
			)
			.await?;
			let receipt = ctx.submit(&chain, "create order", &call).await?;
			if let Some(created) = receipt.find_first::<runtime::leases::events::OrderCreated>() {
				if !ctx.out.json {
					println!(
						"order {} is open for bids until block #{}: `emberctl bids {}`",
						created.order, created.bid_window_end, created.order
					);
				}
			}
		},
		OrderCommand::Show { id } => {
			let order = chain.order(id).await?;
			ctx.out.show(&order, || match &order {
				None => format!("order {id} is not open (awarded, cancelled or expired)"),
				Some(o) => format!(
					"order {}: {} GPU(s) {} ≥{} MiB cc ≥{}, {} at ≤{} EMBR/GPU-h, bids {} until #{}{}",
					o.id,
					o.count,
					o.model.clone().unwrap_or_else(|| "any model".into()),
					o.min_vram_mib,
					o.min_compute_capability,
					format_blocks(o.duration),
					format_embr_number(o.max_price_per_gpu_hour),
					o.bids,
					o.bid_window_end,
					if o.auto_award { ", auto-award" } else { "" }
				),
			});
		},
		OrderCommand::List => {
			let mut orders = Vec::new();
			let mut after = None;
			loop {
				let page = chain.open_orders(None, None, None, after, PAGE).await?;
				orders.extend(page.items);
				after = page.next;
				if after.is_none() || orders.len() >= MAX_LISTED {
					break;
				}
			}
			ctx.out.show(&orders, || {
				let mut t = table(&[
					"order",
					"tenant",
					"GPUs",
					"length",
					"max EMBR/GPU-h",
					"bids",
					"window end",
				]);
				for o in &orders {
					t.add_row(vec![
						o.id.to_string(),
						o.tenant.clone(),
						format!(
							"{} × {}",
							o.count,
							o.model.clone().unwrap_or_else(|| "any".into())
						),
						format_blocks(o.duration),
						format_embr_number(o.max_price_per_gpu_hour),
						o.bids.to_string(),
						format!("#{}", o.bid_window_end),
					]);
				}
				t.to_string()
			});
		},
		OrderCommand::Cancel { id } => {
			ctx.submit(&chain, "cancel order", &runtime::tx().leases().cancel_order(id))
				.await?;
		},
	}
	Ok(())
}

/// `bids`.
pub async fn bids(ctx: &Context, order: u64) -> Result<(), CliError> {
	let bids = ctx.chain().await?.bids(order).await?;
	ctx.out.show(&bids, || {
		let mut t = table(&["provider", "EMBR/GPU-h", "GPUs", "placed"]);
		for b in &bids {
			t.add_row(vec![
				b.provider.clone(),
				format_embr_number(b.price_per_gpu_hour),
				b.gpus.len().to_string(),
				format!("#{}", b.placed_at),
			]);
		}
		format!("{t}\naccept one with `emberctl accept {order} <provider>`")
	});
	Ok(())
}

/// Asks before accepting `provider`'s bid on `order`: its price as read now, and the order's
/// escrow, the most any bid may cost (a provider may still re-bid up to it before the accept
/// is included). Refuses when the provider has no bid.
async fn confirm_accept<Call: subxt::tx::Payload>(
	ctx: &Context,
	chain: &Chain,
	order: u64,
	provider: &AccountId,
	call: &Call,
) -> Result<(), CliError> {
	if ctx.yes() {
		return Ok(());
	}
	let Some(open) = chain.order(order).await? else {
		return Err(CliError::Usage(format!("order {order} is not open")));
	};
	let bids = chain.bids(order).await?;
	let Some(bid) = bids.iter().find(|b| b.provider == provider.to_string()) else {
		return Err(CliError::Usage(format!(
			"{provider} has no bid on order {order}: `emberctl bids {order}` lists them"
		)));
	};
	let pays = ember_client::units::cost_of(bid.price_per_gpu_hour, open.count, open.duration);
	let held = ember_client::units::cost_of(open.max_price_per_gpu_hour, open.count, open.duration);
	let at_bid = format!(
		"paid to the provider over the lease at its bid of {} EMBR/GPU-h (as read now)",
		format_embr_number(bid.price_per_gpu_hour)
	);
	ctx.confirm(
		chain,
		"accept bid",
		call,
		&[(at_bid.as_str(), pays), ("at most (the order's escrow, what any bid may cost)", held)],
	)
	.await
}

/// The deposit an order or a lease holds while it exists.
async fn storage_deposit(chain: &Chain) -> Result<u128, CliError> {
	Ok(chain.leases_storage_deposit().await?)
}

/// `accept`.
pub async fn accept(
	ctx: &Context,
	order: u64,
	provider: &str,
	manifest: Option<PathBuf>,
) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let provider = parse_account(provider)?;
	let call = runtime::tx().leases().accept_bid(order, provider);
	confirm_accept(ctx, &chain, order, &provider, &call).await?;
	let Some(manifest) = manifest else {
		let receipt = ctx.submit(&chain, "accept bid", &call).await?;
		announce_lease(ctx, &receipt);
		return Ok(());
	};
	// Checked before paying for the lease: a manifest the order did not commit to would be
	// refused by the provider.
	let (bytes, hash) = read_manifest(&manifest)?;
	let hash_hex = format!("0x{}", hex::encode(hash));
	if let Some(order) = chain.order(order).await? {
		if order.manifest_hash != hash_hex {
			return Err(CliError::Usage(format!(
				"{} hashes to {hash_hex}, but order {} was created for {}: give the manifest \
				 you ordered with",
				manifest.display(),
				order.id,
				order.manifest_hash
			)));
		}
	}
	let receipt = ctx.submit_unprinted(&chain, "accept bid", &call).await?;
	let started = receipt
		.find_first::<runtime::leases::events::LeaseStarted>()
		.ok_or_else(|| CliError::Usage("the award started no lease".into()))?;
	let sent =
		crate::workload::send_manifest(ctx, &chain, started.lease, bytes.clone(), hash).await;
	let sent = match sent {
		Ok(sent) => sent,
		Err(error) => {
			ctx.out.receipt("accept bid", &receipt);
			return Err(CliError::Provider(format!(
				"lease {} started, but its manifest did not reach the provider ({error}): send it \
				 with `emberctl manifest send {} {}`",
				started.lease,
				started.lease,
				manifest.display()
			)));
		},
	};
	ctx.out
		.receipt_with("accept bid", &receipt, ("manifest", &sent), || sent.text());
	// Shown at inclusion (`--wait in-block`): if the award's block is retracted and the award
	// is final in another block, the manifest goes again to its lease there.
	let Some(following) = ctx.take_following(&receipt.tx_hash) else { return Ok(()) };
	let last = following.finish(ctx.out).await?;
	// Sent again whenever the award moved: the provider may have forgotten the lease of the
	// retracted block and taken it on anew (sending the same manifest again is harmless).
	let moved_to = last
		.receipt
		.find_first::<runtime::leases::events::LeaseStarted>()
		.map(|s| s.lease);
	let Some(lease) = moved_to.filter(|_| last.moved) else { return Ok(()) };
	eprintln!("accept bid: the award is final as lease {lease}: sending the manifest to it");
	let sent = crate::workload::send_manifest(ctx, &chain, lease, bytes, hash).await?;
	ctx.out
		.receipt_with("accept bid", &last.receipt, ("manifest", &sent), || sent.text());
	Ok(())
}

fn announce_lease(ctx: &Context, receipt: &ember_client::chain::Receipt) {
	if let Some(started) = receipt.find_first::<runtime::leases::events::LeaseStarted>() {
		if !ctx.out.json {
			println!(
				"lease {} started; send your workload: `emberctl manifest send {} <manifest.json>`",
				started.lease, started.lease
			);
		}
	}
}

/// `rent`.
pub async fn rent(ctx: &Context, args: RentArgs) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let blocks = duration(&args.duration)?;
	let max_price = amount("--max-price", &args.max_price)?;
	let (_, hash) = read_manifest(&args.manifest)?;
	let call = runtime::tx().leases().rent(
		args.offer,
		args.count,
		blocks,
		max_price,
		subxt::utils::H256(hash),
	);
	let deposit = storage_deposit(&chain).await?;
	ctx.confirm(
		&chain,
		"rent",
		&call,
		&[
			(
				"held in escrow, at most",
				ember_client::units::cost_of(max_price, args.count, blocks),
			),
			("storage deposit, returned when the lease ends", deposit),
		],
	)
	.await?;
	let receipt = ctx.submit(&chain, "rent", &call).await?;
	announce_lease(ctx, &receipt);
	Ok(())
}

/// `lease …`.
pub async fn lease(ctx: &Context, command: LeaseCommand) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	match command {
		LeaseCommand::Show { id } => {
			let lease = chain.lease(id).await?;
			let best = chain.finalized_block().await?;
			ctx.out.show(&lease, || match &lease {
				None => format!("lease {id} is not running (closed, or never existed)"),
				Some(l) => {
					let mut t = table(&["lease", "value"]);
					t.add_row(vec!["tenant".into(), l.tenant.clone()]);
					t.add_row(vec!["provider".into(), l.provider.clone()]);
					t.add_row(vec!["from".into(), l.origin.clone()]);
					t.add_row(vec!["GPUs".into(), l.gpus.len().to_string()]);
					t.add_row(vec![
						"price".into(),
						format!("{} EMBR/GPU-h", format_embr_number(l.price_per_gpu_hour)),
					]);
					t.add_row(vec![
						"blocks".into(),
						format!("#{} → #{} (now #{best})", l.start, l.end),
					]);
					t.add_row(vec![
						"ends in".into(),
						format_blocks(l.end.saturating_sub(best as u32)),
					]);
					t.add_row(vec!["escrow".into(), format_embr(l.escrow)]);
					t.add_row(vec!["funded until".into(), format!("#{}", l.funded_until)]);
					t.add_row(vec![
						"paid (fees)".into(),
						format!("{} ({})", format_embr(l.paid), format_embr(l.fees)),
					]);
					t.add_row(vec!["settled until".into(), format!("#{}", l.settled_until)]);
					t.add_row(vec![
						"downtime, not charged".into(),
						format_blocks(l.downtime_blocks),
					]);
					t.add_row(vec!["manifest hash".into(), l.manifest_hash.clone()]);
					format!("lease {}\n{t}", l.id)
				},
			});
		},
		LeaseCommand::Status { id } => crate::status::lease_status(ctx, id).await?,
		LeaseCommand::List { account } => {
			let account = match account {
				Some(a) => parse_account(&a)?,
				None => subxt::utils::AccountId32::from(ctx.signer()?.public_key().0),
			};
			let leases = chain.leases_of(&account).await?;
			ctx.out.show(&leases, || {
				let mut t =
					table(&["lease", "tenant", "provider", "GPUs", "EMBR/GPU-h", "end", "escrow"]);
				for l in &leases {
					t.add_row(vec![
						l.id.to_string(),
						l.tenant.clone(),
						l.provider.clone(),
						l.gpus.len().to_string(),
						format_embr_number(l.price_per_gpu_hour),
						format!("#{}", l.end),
						format_embr(l.escrow),
					]);
				}
				t.to_string()
			});
		},
		LeaseCommand::TopUp { id, amount: text } => {
			let value = amount("amount", &text)?;
			let call = runtime::tx().leases().top_up(id, value);
			ctx.confirm(&chain, "top up", &call, &[("added to the lease's escrow", value)])
				.await?;
			ctx.submit(&chain, "top up", &call).await?;
		},
		LeaseCommand::Extend { id, by } => {
			let blocks = duration(&by)?;
			ctx.submit(&chain, "extend", &runtime::tx().leases().extend(id, blocks)).await?;
		},
		LeaseCommand::Close { id } => {
			let call = runtime::tx().leases().close_lease(id);
			let lease = chain.lease(id).await?;
			let escrow = lease.as_ref().map_or(0, |l| l.escrow);
			let tenant = lease.as_ref().map(|l| l.tenant.clone());
			let me = AccountId::from(ctx.signer()?.public_key().0).to_string();
			// The provider's side may close too, but before the end that is an early-close
			// offence, slashed from its bond.
			let what = if tenant.is_some_and(|t| t != me) {
				"close lease (you are not its tenant: a provider closing before the end commits \
				 an early-close offence, slashed from its bond)"
			} else {
				"close lease"
			};
			ctx.confirm(
				&chain,
				what,
				&call,
				&[(
					"escrow: the time used is paid to the provider, the rest to the tenant",
					escrow,
				)],
			)
			.await?;
			ctx.submit(&chain, "close lease", &call).await?;
		},
	}
	Ok(())
}
