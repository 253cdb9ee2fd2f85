//! `ember_pendingRewards`, `ember_pendingRewardOf` and `ember_emissionSchedule`: rewards and the
//! emission schedule over JSON-RPC, in the same JSON conventions as the lease market's methods
//! (SS58 accounts, balances as decimal strings).

use std::sync::Arc;

use ember_runtime::{opaque::Block, AccountId, BlockNumber, Hash};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use pallet_emissions::{runtime_api::EmissionsApi, PendingRewards, ScheduleView};
use serde::Serialize;
use sp_api::{ApiError, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;

use super::leases::{account_to_string, balance_to_string, parse_account, RUNTIME_ERROR};

/// How many eras `ember_emissionSchedule` lists when the caller names no count.
pub const DEFAULT_ERAS: u32 = 24;

/// Reward and schedule read methods.
#[rpc(server, namespace = "ember")]
pub trait EmissionsRpcApi {
	/// A provider's claimable reward (closed eras), how `emissions.claimRewards` would split it
	/// between its owner and delegators now, and its points in the era in progress.
	#[method(name = "pendingRewards", blocking)]
	fn pending_rewards(&self, provider: String, at: Option<Hash>) -> RpcResult<PendingRewardsJson>;

	/// What claiming `provider`'s reward now would pay `account` (its owner or a delegator), in
	/// plancks as a decimal string.
	#[method(name = "pendingRewardOf", blocking)]
	fn pending_reward_of(
		&self,
		account: String,
		provider: String,
		at: Option<Hash>,
	) -> RpcResult<String>;

	/// The era in progress, the schedule's parameters and the emission of the next `eras` eras
	/// (24 by default, 1,000 at most), starting with the one in progress.
	#[method(name = "emissionSchedule", blocking)]
	fn emission_schedule(&self, eras: Option<u32>, at: Option<Hash>) -> RpcResult<ScheduleJson>;
}

/// Serves [`EmissionsRpcApiServer`] from a client's runtime API.
pub struct Emissions<C> {
	client: Arc<C>,
}

impl<C> Emissions<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> Emissions<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
{
	fn call<R>(
		&self,
		at: Option<Hash>,
		call: impl FnOnce(&C::Api, Hash) -> Result<R, ApiError>,
	) -> RpcResult<R> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		call(&self.client.runtime_api(), at).map_err(|error| {
			ErrorObjectOwned::owned(
				RUNTIME_ERROR,
				format!("Unable to read emissions: {error}"),
				None::<()>,
			)
		})
	}
}

impl<C> EmissionsRpcApiServer for Emissions<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: EmissionsApi<Block, AccountId, BlockNumber>,
{
	fn pending_rewards(&self, provider: String, at: Option<Hash>) -> RpcResult<PendingRewardsJson> {
		let provider = parse_account(&provider)?;
		Ok(self.call(at, |api, at| api.pending_rewards(at, provider))?.into())
	}

	fn pending_reward_of(
		&self,
		account: String,
		provider: String,
		at: Option<Hash>,
	) -> RpcResult<String> {
		let (account, provider) = (parse_account(&account)?, parse_account(&provider)?);
		let amount = self.call(at, |api, at| api.pending_reward_of(at, account, provider))?;
		Ok(balance_to_string(amount))
	}

	fn emission_schedule(&self, eras: Option<u32>, at: Option<Hash>) -> RpcResult<ScheduleJson> {
		let eras = eras.unwrap_or(DEFAULT_ERAS);
		Ok(self.call(at, |api, at| api.schedule(at, eras))?.into())
	}
}

/// A delegator's part of a claim.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DelegatorShareJson {
	/// The delegator.
	pub delegator: String,
	/// What it would receive.
	pub amount: String,
}

/// A provider's pending rewards.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingRewardsJson {
	/// Claimable now.
	pub claimable: String,
	/// The owner's part, commission included.
	pub to_owner: String,
	/// Each delegator's part.
	pub to_delegators: Vec<DelegatorShareJson>,
	/// Points earned in the era in progress, as a decimal string.
	pub points_this_era: String,
	/// Protocol fees its leases burned in the era in progress (the cap on its leased bonus).
	pub fees_this_era: String,
}

impl From<PendingRewards<AccountId>> for PendingRewardsJson {
	fn from(pending: PendingRewards<AccountId>) -> Self {
		Self {
			claimable: balance_to_string(pending.claimable.total),
			to_owner: balance_to_string(pending.claimable.to_owner),
			to_delegators: pending
				.claimable
				.to_delegators
				.iter()
				.map(|(delegator, amount)| DelegatorShareJson {
					delegator: account_to_string(delegator),
					amount: balance_to_string(*amount),
				})
				.collect(),
			points_this_era: pending.points_this_era.to_string(),
			fees_this_era: balance_to_string(pending.fees_this_era),
		}
	}
}

/// One era's emission.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EraEmissionJson {
	/// The era.
	pub era: u32,
	/// What it mints.
	pub emission: String,
}

/// The era in progress and the schedule ahead.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleJson {
	/// The era in progress.
	pub era: u32,
	/// The block it started in.
	pub era_start: BlockNumber,
	/// The block it closes in.
	pub era_ends_at: BlockNumber,
	/// What it mints.
	pub emission: String,
	/// What each block mints its author.
	pub author_reward: String,
	/// Points providers earned in it so far, as a decimal string.
	pub points: String,
	/// Providers' reward carried into the next era's pot.
	pub carried: String,
	/// The supply the annual rates apply to.
	pub initial_supply: String,
	/// The first year's rate, in parts per billion.
	pub initial_annual_rate_ppb: u32,
	/// Eras in which the rate halves.
	pub half_life_eras: u32,
	/// The floor of the rate, in parts per billion.
	pub tail_annual_rate_ppb: u32,
	/// Eras in a year.
	pub eras_per_year: u32,
	/// The next eras' emissions, the one in progress first.
	pub next: Vec<EraEmissionJson>,
}

impl From<ScheduleView<BlockNumber>> for ScheduleJson {
	fn from(view: ScheduleView<BlockNumber>) -> Self {
		Self {
			era: view.era.index,
			era_start: view.era.start,
			era_ends_at: view.era_ends_at,
			emission: balance_to_string(view.era.emission),
			author_reward: balance_to_string(view.era.author_reward),
			points: view.era.points.to_string(),
			carried: balance_to_string(view.carried),
			initial_supply: balance_to_string(view.params.initial_supply),
			initial_annual_rate_ppb: view.params.initial_annual_rate.deconstruct(),
			half_life_eras: view.params.half_life_eras,
			tail_annual_rate_ppb: view.params.tail_annual_rate.deconstruct(),
			eras_per_year: view.params.eras_per_year,
			next: view
				.next_emissions
				.into_iter()
				.map(|(era, emission)| EraEmissionJson {
					era,
					emission: balance_to_string(emission),
				})
				.collect(),
		}
	}
}
