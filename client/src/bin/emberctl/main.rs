//! `emberctl`: everything a tenant or a provider owner does by hand on an Ember chain.
//!
//! Tenants list providers and offers, quote, order, accept a bid or rent at once, send the
//! workload manifest to the provider, follow its status and logs, fetch its outputs, top up,
//! extend and close. Owners bond, register, set the agent key, pause, resume, leave and claim
//! rewards. Council members propose, vote on and close governance motions. Every command
//! prints a table, or JSON with `--json`.
//!
//! Transactions are signed with an account of the local keystore (`emberctl account`,
//! `--account`): encrypted with a password, in the JSON format of polkadot.js, so that the same
//! account works in the polkadot.js extension and wallets, and no secret is typed on a command
//! line. `--key` and `--key-file` remain for dev keys and scripts.

mod account;
mod confirm;
mod council;
mod market;
mod output;
mod owner;
mod prompt;
mod status;
mod workload;

use std::{
	path::PathBuf,
	process::ExitCode,
	sync::{Mutex, PoisonError},
};

use clap::{Parser, Subcommand, ValueEnum};
use ember_client::{
	chain::{Chain, ChainError, Finality, Receipt, WaitFor},
	keys,
	keystore::{Keystore, KeystoreError},
};
use subxt_signer::sr25519::Keypair;

use crate::output::{Output, Spinner};

/// Lease GPUs on Ember, or run a provider's on-chain chores.
#[derive(Parser)]
#[command(name = "emberctl", version, about, long_about = None)]
pub struct Cli {
	/// The node's WebSocket RPC endpoint [env: EMBER_URL; default: ws://127.0.0.1:9944].
	#[arg(long, global = true)]
	url: Option<String>,
	/// Sign with this keystore account, by name or address (see `emberctl account`), unlocked
	/// with its password [env: EMBER_ACCOUNT].
	#[arg(
		long = "account",
		value_name = "NAME",
		global = true,
		conflicts_with_all = ["key", "key_file"]
	)]
	signing_account: Option<String>,
	/// The keystore directory [env: EMBER_KEYSTORE; default: $XDG_CONFIG_HOME/ember/keystore,
	/// else ~/.config/ember/keystore].
	#[arg(long, global = true)]
	keystore: Option<PathBuf>,
	/// File holding the keystore password on its first line; mode 600. Without it,
	/// EMBER_PASSWORD, else a prompt on the terminal.
	#[arg(long, global = true)]
	password_file: Option<PathBuf>,
	/// Secret URI of the signing key (`//Alice`, a mnemonic, a hex seed with derivations)
	/// [env: EMBER_KEY]. It shows in the shell history and the process list: prefer
	/// `--account` beyond dev keys.
	#[arg(long, global = true)]
	key: Option<String>,
	/// File holding the signing key's secret URI (plain, or a keystore JSON string); mode 600
	/// [env: EMBER_KEY_FILE]. Prefer `--account`, whose file is encrypted.
	#[arg(long, global = true, conflicts_with = "key")]
	key_file: Option<PathBuf>,
	/// Print JSON on stdout instead of tables (progress still goes to stderr).
	#[arg(long, global = true)]
	json: bool,
	/// Answer yes to every confirmation (a call that moves or locks funds, removing an
	/// account): for scripts. Without it and without a terminal to ask on, nothing is signed.
	#[arg(long, short = 'y', global = true)]
	yes: bool,
	/// How long to follow a transaction before printing its result.
	#[arg(long, global = true, value_enum, default_value = "finalized")]
	wait: Wait,
	#[command(subcommand)]
	command: Command,
}

/// How long to follow transactions.
#[derive(Clone, Copy, ValueEnum)]
enum Wait {
	/// Until included in a best block (about 6 s): the result prints then, and emberctl
	/// keeps following until the block is final, saying so (or that it was retracted).
	InBlock,
	/// Until finalized (cannot be reverted).
	Finalized,
}

#[derive(Subcommand)]
enum Command {
	/// Accounts in the local keystore, encrypted, in the polkadot.js JSON format: new, import,
	/// list, export, remove.
	#[command(subcommand)]
	Account(account::AccountCommand),
	/// List providers with their GPUs, free GPUs and status.
	Providers(market::ProvidersArgs),
	/// List direct-rent offers, the cheapest first.
	Offers,
	/// Estimate a price from recent leases.
	Quote(market::QuoteArgs),
	/// Orders: create, show, list open ones, cancel.
	#[command(subcommand)]
	Order(market::OrderCommand),
	/// List the bids on an order.
	Bids {
		/// The order id.
		order: u64,
	},
	/// Accept a provider's bid on your order: the lease starts now.
	Accept {
		/// The order id.
		order: u64,
		/// The provider's owner address.
		provider: String,
		/// Send this manifest (the one the order was created with) to the provider as soon as
		/// the lease starts: with `--wait in-block`, the workload starts about a second after
		/// the award block, while emberctl follows the block to finality.
		#[arg(long)]
		manifest: Option<PathBuf>,
	},
	/// Rent GPUs from an offer at once.
	Rent(market::RentArgs),
	/// Leases: show, list yours, top up, extend, close.
	#[command(subcommand)]
	Lease(market::LeaseCommand),
	/// Workload manifests: check one, hash it, send it to your lease's provider.
	#[command(subcommand)]
	Manifest(workload::ManifestCommand),
	/// Show a lease's workload state and logs, from its provider.
	Logs(workload::LogsArgs),
	/// Download an output file of a lease's workload from its provider.
	Output(workload::OutputArgs),
	/// Provider owner chores: bond, register, set the agent, pause, resume, leave, claim.
	#[command(subcommand)]
	Provider(owner::ProviderCommand),
	/// Governance: the council's members and motions, the slashes it may cancel; propose,
	/// vote, close; treasury payouts.
	#[command(subcommand)]
	Council(council::CouncilCommand),
	/// Apply the runtime upgrade the council authorized (`council propose authorize-upgrade`):
	/// submits the wasm, which must be the authorized one. Any account may; the fee is
	/// refunded when the upgrade applies.
	ApplyUpgrade {
		/// The runtime's wasm, the same file the council authorized.
		wasm: PathBuf,
	},
	/// Send EMBR to an account.
	Transfer {
		/// The receiver (SS58).
		to: String,
		/// Amount in EMBR.
		amount: String,
	},
	/// Show an account's balance (yours by default).
	Balance {
		/// The account (SS58); the signing key's account when absent.
		account: Option<String>,
	},
}

/// What every command gets: the connection, the output and the key.
pub struct Context {
	key_flags: KeyFlags,
	keystore_dir: Option<PathBuf>,
	password_file: Option<PathBuf>,
	/// The signing key once loaded: an account's password is asked for once per run.
	signer: Mutex<Option<Keypair>>,
	url: String,
	wait: WaitFor,
	/// Where results go.
	pub out: Output,
	/// `--yes`: confirmations are answered without asking.
	yes: bool,
	/// Transactions shown at inclusion (`--wait in-block`) whose finality is still followed.
	following: std::sync::Mutex<Vec<Following>>,
}

/// A transaction shown at inclusion, on its way to finality.
pub struct Following {
	what: String,
	spinner: Spinner,
	included: Receipt,
	finality: Finality,
}

impl Context {
	/// Connects to the node.
	pub async fn chain(&self) -> Result<Chain, CliError> {
		Ok(Chain::connect(&self.url).await?)
	}

	/// The signing key given with `--account`, `--key-file` or `--key` (or their environment
	/// variables), loaded on first use.
	pub fn signer(&self) -> Result<Keypair, CliError> {
		let mut cached = self.signer.lock().unwrap_or_else(PoisonError::into_inner);
		if let Some(keypair) = cached.as_ref() {
			return Ok(keypair.clone());
		}
		let keypair = match self.key_source()? {
			KeySource::Uri(uri) => keys::keypair_from_uri(&uri)?,
			KeySource::File(path) => keys::keypair_from_file(&path)?,
			KeySource::Account(name) => account::unlock(self, &name)?,
		};
		*cached = Some(keypair.clone());
		Ok(keypair)
	}

	/// Where the signing key comes from: a flag, else the one environment variable set.
	fn key_source(&self) -> Result<KeySource, CliError> {
		let KeyFlags { key, key_file, account } = &self.key_flags;
		let flag = key
			.clone()
			.map(KeySource::Uri)
			.or_else(|| key_file.clone().map(KeySource::File))
			.or_else(|| account.clone().map(KeySource::Account));
		if let Some(source) = flag {
			return Ok(source);
		}
		let env = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
		let mut from_env = [
			env("EMBER_ACCOUNT").map(KeySource::Account),
			env("EMBER_KEY_FILE").map(|path| KeySource::File(PathBuf::from(path))),
			env("EMBER_KEY").map(KeySource::Uri),
		]
		.into_iter()
		.flatten();
		match (from_env.next(), from_env.next()) {
			(Some(source), None) => Ok(source),
			(Some(_), Some(_)) => Err(CliError::Usage(
				"more than one of EMBER_ACCOUNT, EMBER_KEY_FILE and EMBER_KEY is set: unset all \
				 but one, or choose with --account, --key-file or --key"
					.into(),
			)),
			(None, _) => Err(CliError::Usage(
				"this command signs a transaction: give --account <name> (create one with \
				 `emberctl account new`), --key-file <path> or --key <secret URI> (or set \
				 EMBER_ACCOUNT / EMBER_KEY_FILE / EMBER_KEY)"
					.into(),
			)),
		}
	}

	/// The keystore: `--keystore`, else `EMBER_KEYSTORE`, else the user's config directory.
	pub fn keystore(&self) -> Result<Keystore, CliError> {
		let dir = match &self.keystore_dir {
			Some(dir) => dir.clone(),
			None => Keystore::default_dir()?,
		};
		Ok(Keystore::new(dir))
	}

	/// Signs and submits `call`, shows progress, prints and returns the receipt.
	pub async fn submit<Call: subxt::tx::Payload>(
		&self,
		chain: &Chain,
		what: &str,
		call: &Call,
	) -> Result<Receipt, CliError> {
		let receipt = self.submit_unprinted(chain, what, call).await?;
		self.out.receipt(what, &receipt);
		Ok(receipt)
	}

	/// Signs and submits `call` and shows its progress until `--wait`; the caller prints the
	/// receipt. With `--wait in-block` the transaction's finality is followed after the
	/// command's own work ([`Context::follow_finality`]).
	pub async fn submit_unprinted<Call: subxt::tx::Payload>(
		&self,
		chain: &Chain,
		what: &str,
		call: &Call,
	) -> Result<Receipt, CliError> {
		let signer = self.signer()?;
		let mut spinner = Spinner::new(what);
		if self.wait == WaitFor::Finalized {
			return Ok(chain.submit(call, &signer, self.wait, &mut |p| spinner.step(p)).await?);
		}
		let submitted = chain.submit_in_block(call, &signer, &mut |p| spinner.step(p)).await;
		spinner.finish();
		let (receipt, finality) = submitted?;
		if let Ok(mut following) = self.following.lock() {
			following.push(Following {
				what: what.to_string(),
				spinner,
				included: receipt.clone(),
				finality,
			});
		}
		Ok(receipt)
	}

	/// Takes the transaction `tx_hash`, shown at inclusion, out of those
	/// [`Context::follow_finality`] follows: for a command that acts on what finality shows.
	pub fn take_following(&self, tx_hash: &str) -> Option<Following> {
		let mut following = self.following.lock().ok()?;
		let at = following.iter().position(|f| f.included.tx_hash == tx_hash)?;
		Some(following.remove(at))
	}

	/// Follows the transactions shown at inclusion until their blocks are final, and says so
	/// on stderr. One whose block was retracted and which went into another block is shown
	/// again, and is an error (exit 1): its events may differ (another lease id). One that
	/// failed there is an error too.
	pub async fn follow_finality(&self) -> Result<(), CliError> {
		let following = match self.following.lock() {
			Ok(mut following) => std::mem::take(&mut *following),
			Err(_) => return Ok(()),
		};
		for following in following {
			let (what, first) = (following.what.clone(), following.included.block_number);
			let last = following.finish(self.out).await?;
			if last.moved {
				return Err(CliError::Chain(ChainError::Rpc(format!(
					"{what}: block #{first} was retracted and the transaction is final in block \
					 #{} instead: check its events above",
					last.receipt.block_number
				))));
			}
		}
		Ok(())
	}
}

/// The signing key's flags, as given on the command line.
struct KeyFlags {
	key: Option<String>,
	key_file: Option<PathBuf>,
	account: Option<String>,
}

/// Where the signing key comes from.
enum KeySource {
	/// A secret URI.
	Uri(String),
	/// A file holding a secret URI.
	File(PathBuf),
	/// A keystore account, by name or address.
	Account(String),
}

/// A transaction's final receipt, and whether it is in another block than the one first shown.
pub struct Final {
	/// The finalized block's receipt.
	pub receipt: Receipt,
	/// Whether that block is not the one the transaction was first shown in.
	pub moved: bool,
}

impl Following {
	/// Follows the transaction to finality; if its first block was retracted and it went into
	/// another one, shows the final receipt (on stderr with `--json`, stdout holding the
	/// first).
	pub async fn finish(self, out: Output) -> Result<Final, CliError> {
		let Following { what, mut spinner, included, finality } = self;
		let last = finality.wait(&mut |p| spinner.step(p)).await.map_err(|error| {
			CliError::Chain(ChainError::Rpc(format!(
				"{what} was included in block #{} but did not reach finality: {error}",
				included.block_number
			)))
		})?;
		let moved = last.block_hash != included.block_hash;
		if moved {
			eprintln!(
				"{what}: block #{} left the best chain; the transaction is final in block #{} instead:",
				included.block_number, last.block_number
			);
			if out.json {
				eprintln!("{}", serde_json::to_string(&last).unwrap_or_default());
			} else {
				out.receipt(what.as_str(), &last);
			}
		}
		Ok(Final { receipt: last, moved })
	}
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
	/// From the chain.
	#[error("{0}")]
	Chain(#[from] ChainError),
	/// A key could not be loaded.
	#[error("{0}")]
	Key(#[from] keys::KeyError),
	/// The keystore refused.
	#[error("{0}")]
	Keystore(#[from] KeystoreError),
	/// An account command, or a password.
	#[error("{0}")]
	Account(#[from] account::AccountError),
	/// A question on the terminal got no answer.
	#[error("{0}")]
	Prompt(#[from] prompt::PromptError),
	/// Bad arguments.
	#[error("{0}")]
	Usage(String),
	/// From the provider, over the manifest protocol.
	#[error("{0}")]
	Provider(String),
	/// A local file.
	#[error("{0}")]
	Io(String),
	/// The user answered no.
	#[error("not confirmed: nothing was signed")]
	Declined,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let ctx = Context {
		key_flags: KeyFlags { key: cli.key, key_file: cli.key_file, account: cli.signing_account },
		keystore_dir: cli.keystore,
		password_file: cli.password_file,
		signer: Mutex::new(None),
		url: cli
			.url
			.or_else(|| std::env::var("EMBER_URL").ok())
			.unwrap_or_else(|| "ws://127.0.0.1:9944".to_string()),
		wait: match cli.wait {
			Wait::InBlock => WaitFor::InBlock,
			Wait::Finalized => WaitFor::Finalized,
		},
		out: Output { json: cli.json },
		yes: cli.yes,
		following: Default::default(),
	};
	let result = match cli.command {
		Command::Account(command) => account::account(&ctx, command),
		Command::Providers(args) => market::providers(&ctx, args).await,
		Command::Offers => market::offers(&ctx).await,
		Command::Quote(args) => market::quote(&ctx, args).await,
		Command::Order(command) => market::order(&ctx, command).await,
		Command::Bids { order } => market::bids(&ctx, order).await,
		Command::Accept { order, provider, manifest } => {
			market::accept(&ctx, order, &provider, manifest).await
		},
		Command::Rent(args) => market::rent(&ctx, args).await,
		Command::Lease(command) => market::lease(&ctx, command).await,
		Command::Manifest(command) => workload::manifest(&ctx, command).await,
		Command::Logs(args) => workload::logs(&ctx, args).await,
		Command::Output(args) => workload::output(&ctx, args).await,
		Command::Provider(command) => owner::provider(&ctx, command).await,
		Command::Council(command) => council::council(&ctx, command).await,
		Command::ApplyUpgrade { wasm } => council::apply_upgrade(&ctx, &wasm).await,
		Command::Transfer { to, amount } => owner::transfer(&ctx, &to, &amount).await,
		Command::Balance { account } => owner::balance(&ctx, account).await,
	};
	let result = match result {
		Ok(()) => ctx.follow_finality().await,
		Err(error) => Err(error),
	};
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			if ctx.out.json {
				let body = serde_json::json!({ "error": error.to_string() });
				println!("{body}");
			}
			eprintln!("error: {error}");
			ExitCode::FAILURE
		},
	}
}
