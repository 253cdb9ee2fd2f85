//! Council commands: show the council, its motions and the slashes it may cancel; propose,
//! vote, close; pay out an approved treasury spend.

use clap::{Subcommand, ValueEnum};
use ember_client::{
	governance::{self, Action},
	market::{hex_h256, parse_account, parse_h256},
	units::{format_embr, parse_embr},
};
use std::path::{Path, PathBuf};

use subxt::utils::H256;

use crate::{output::table, CliError, Context};

/// `council …`.
#[derive(Subcommand)]
pub enum CouncilCommand {
	/// Show the council's members and its open motions.
	Show,
	/// List the slashes waiting for their dispute window to end: the council may cancel them.
	Slashes,
	/// Propose a governance action (you must hold a council seat). It passes with more than
	/// half of the council's votes; the proposer's vote counts as an aye.
	#[command(subcommand)]
	Propose(ProposeCommand),
	/// Vote on an open motion (you must hold a council seat).
	Vote {
		/// The motion's index, as `council show` lists it.
		index: u32,
		/// Your vote.
		#[arg(value_enum)]
		vote: Vote,
	},
	/// Close a motion whose outcome is decided (or whose time is up): a passed motion's call
	/// runs with the council's authority. Anyone may close.
	Close {
		/// The motion's index, as `council show` lists it.
		index: u32,
	},
	/// Pay out a treasury spend the council approved (anyone may call it).
	Payout {
		/// The spend's index, from the `AssetSpendApproved` event.
		spend: u32,
	},
}

/// A council vote.
#[derive(Clone, Copy, ValueEnum)]
pub enum Vote {
	/// For the motion.
	Aye,
	/// Against it.
	Nay,
}

/// `council propose …`: what the council may decide.
#[derive(Subcommand)]
pub enum ProposeCommand {
	/// Report that a provider registered a GPU it does not have: a slash and a jail follow
	/// once the dispute window has passed, unless the council cancels them.
	ReportFalseInventory {
		/// The provider's owner account (SS58).
		provider: String,
		/// The misstated GPU's UUID hash (hex).
		gpu: String,
	},
	/// Cancel a slash still in its dispute window.
	CancelSlash {
		/// The slash's id, as `council slashes` lists it.
		slash: u64,
	},
	/// Jail a provider: it takes no new work, and its running leases close.
	ForceJail {
		/// The provider's owner account (SS58).
		provider: String,
	},
	/// Release a jailed provider.
	ForceUnjail {
		/// The provider's owner account (SS58).
		provider: String,
	},
	/// Set the heartbeat period and the periods a provider may miss before it is Offline.
	SetHeartbeatParams {
		/// Period in blocks.
		#[arg(long)]
		period: u32,
		/// Whole periods a provider may miss.
		#[arg(long)]
		max_missed: u32,
	},
	/// Set the most of a provider's backing its offences may take in one era.
	SetEraSlashCap {
		/// Percent of the backing.
		percent: u32,
	},
	/// Rate a GPU model: its class score sets both what its GPUs earn and the stake units
	/// they weigh (providers' units follow at `provider refresh-stake`).
	SetClassScore {
		/// The model's exact NVML name, e.g. "NVIDIA H100 80GB HBM3".
		model: String,
		/// Its class score (a T4 is 100); absent, the rating is removed and the model scores
		/// the default.
		score: Option<u32>,
	},
	/// Pay EMBR from the treasury (paid out by `council payout` once approved).
	Spend {
		/// Amount in EMBR.
		amount: String,
		/// Who is paid (SS58).
		beneficiary: String,
	},
	/// Give an account a council seat.
	AddMember {
		/// The account (SS58).
		who: String,
	},
	/// Take an account's council seat.
	RemoveMember {
		/// The account (SS58).
		who: String,
	},
	/// Authorize a runtime upgrade to this wasm file, as Root (needs two thirds of the
	/// council). Once passed and closed, anyone applies it with `emberctl apply-upgrade`.
	AuthorizeUpgrade {
		/// The runtime's wasm (compressed or not), exactly as it will be applied.
		wasm: PathBuf,
	},
}

impl ProposeCommand {
	fn action(self) -> Result<Action, CliError> {
		Ok(match self {
			ProposeCommand::ReportFalseInventory { provider, gpu } => {
				Action::ReportFalseInventory {
					provider: parse_account(&provider)?,
					gpu: parse_h256(&gpu).map(H256).ok_or_else(|| {
						CliError::Usage(format!("`{gpu}` is not a 32-byte hex hash"))
					})?,
				}
			},
			ProposeCommand::CancelSlash { slash } => Action::CancelSlash(slash),
			ProposeCommand::ForceJail { provider } => Action::ForceJail(parse_account(&provider)?),
			ProposeCommand::ForceUnjail { provider } => {
				Action::ForceUnjail(parse_account(&provider)?)
			},
			ProposeCommand::SetHeartbeatParams { period, max_missed } => {
				Action::SetHeartbeatParams { period, max_missed }
			},
			ProposeCommand::SetEraSlashCap { percent } => {
				if percent > 100 {
					return Err(CliError::Usage("the cap is a percentage: 0 to 100".into()));
				}
				Action::SetEraSlashCap(percent)
			},
			ProposeCommand::SetClassScore { model, score } => {
				if model.is_empty() || model.len() > 64 {
					return Err(CliError::Usage("the model name takes 1 to 64 bytes".into()));
				}
				Action::SetClassScore { model, score }
			},
			ProposeCommand::Spend { amount, beneficiary } => Action::Spend {
				amount: parse_embr(&amount).map_err(|e| CliError::Usage(format!("amount: {e}")))?,
				beneficiary: parse_account(&beneficiary)?,
			},
			ProposeCommand::AddMember { who } => Action::AddMember(parse_account(&who)?),
			ProposeCommand::RemoveMember { who } => Action::RemoveMember(parse_account(&who)?),
			ProposeCommand::AuthorizeUpgrade { wasm } => {
				Action::AuthorizeUpgrade { code_hash: governance::code_hash(&read_wasm(&wasm)?) }
			},
		})
	}
}

/// `council …`.
pub async fn council(ctx: &Context, command: CouncilCommand) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	match command {
		CouncilCommand::Show => {
			let members: Vec<String> =
				chain.council_members().await?.iter().map(ToString::to_string).collect();
			let motions = chain.motions().await?;
			let upgrade = chain.authorized_upgrade().await?.map(|hash| hex_h256(&hash));
			let shown = serde_json::json!({
				"members": members,
				"motions": motions,
				"authorized_upgrade": upgrade,
			});
			ctx.out.show(&shown, || {
				let mut t = table(&["#", "call", "ayes", "nays", "needs", "ends at"]);
				for m in &motions {
					t.add_row(vec![
						m.index.to_string(),
						m.call.clone(),
						m.ayes.len().to_string(),
						m.nays.len().to_string(),
						m.threshold.to_string(),
						format!("#{}", m.end),
					]);
				}
				let upgrade = upgrade
					.as_ref()
					.map(|hash| format!("\nauthorized runtime upgrade: {hash}"))
					.unwrap_or_default();
				format!("council: {}\nopen motions:\n{t}{upgrade}", members.join(", "))
			});
		},
		CouncilCommand::Slashes => {
			let slashes = chain.pending_slashes().await?;
			ctx.out.show(&slashes, || {
				let mut t = table(&["id", "provider", "offence", "amount", "reported", "applies"]);
				for s in &slashes {
					t.add_row(vec![
						s.id.to_string(),
						s.provider.clone(),
						s.kind.clone(),
						format_embr(s.amount),
						format!("#{}", s.reported_at),
						format!("#{}", s.apply_at),
					]);
				}
				t.to_string()
			});
		},
		CouncilCommand::Propose(proposal) => {
			let action = proposal.action()?;
			let members = chain.council_members().await?.len();
			if members == 0 {
				return Err(CliError::Usage("this chain has no council".into()));
			}
			let call = chain.propose_call(&action, members).await?;
			ctx.submit(&chain, "propose", &call).await?;
		},
		CouncilCommand::Vote { index, vote } => {
			let call = chain.vote_call(index, matches!(vote, Vote::Aye)).await?;
			ctx.submit(&chain, "vote", &call).await?;
		},
		CouncilCommand::Close { index } => {
			let call = chain.close_call(index).await?;
			let receipt = ctx.submit(&chain, "close", &call).await?;
			chain.closed_motion_outcome(&receipt).await?;
		},
		CouncilCommand::Payout { spend } => {
			ctx.submit(&chain, "payout", &governance::payout(spend)).await?;
		},
	}
	Ok(())
}

/// A runtime wasm file's bytes.
pub fn read_wasm(path: &Path) -> Result<Vec<u8>, CliError> {
	let code = std::fs::read(path)
		.map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))?;
	// Plain wasm starts with `\0asm`; the node's compressed runtimes with zstd's prefix.
	const WASM_MAGIC: &[u8] = b"\0asm";
	const COMPRESSED_MAGIC: &[u8] = &[82, 188, 83, 118, 70, 219, 142, 5];
	if !code.starts_with(WASM_MAGIC) && !code.starts_with(COMPRESSED_MAGIC) {
		return Err(CliError::Usage(format!("{} is not a runtime wasm", path.display())));
	}
	Ok(code)
}

/// `apply-upgrade`: submits the runtime the council authorized, after checking that it is the
/// authorized one (a wrong file would only cost its length fee).
pub async fn apply_upgrade(ctx: &Context, wasm: &Path) -> Result<(), CliError> {
	let chain = ctx.chain().await?;
	let code = read_wasm(wasm)?;
	let hash = governance::code_hash(&code);
	match chain.authorized_upgrade().await? {
		None => return Err(CliError::Usage("no runtime upgrade is authorized".into())),
		Some(authorized) if authorized != hash => {
			return Err(CliError::Usage(format!(
				"{} hashes to {}, but the upgrade authorized is {}",
				wasm.display(),
				hex_h256(&hash),
				hex_h256(&authorized)
			)))
		},
		Some(_) => {},
	}
	let receipt = ctx.submit(&chain, "apply-upgrade", &governance::apply_upgrade(code)).await?;
	if receipt.has_event("System", "RejectedInvalidAuthorizedUpgrade") {
		return Err(CliError::Usage(
			"the chain rejected the code: its spec name differs or its spec version is not higher"
				.into(),
		));
	}
	Ok(())
}
