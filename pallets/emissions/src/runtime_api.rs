//! The runtime API through which wallets, `emberctl` and the provider agent read rewards and the
//! emission schedule.

use crate::types::{PendingRewards, ScheduleView};
use codec::Codec;
use ember_primitives::Balance;

sp_api::decl_runtime_apis! {
	/// Read access to emissions.
	pub trait EmissionsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// A provider's claimable reward, how a claim now would split it between its owner and
		/// delegators, and its points in the era in progress.
		fn pending_rewards(provider: AccountId) -> PendingRewards<AccountId>;

		/// What a claim for `provider` now would pay `account`, its owner or a delegator.
		fn pending_reward_of(account: AccountId, provider: AccountId) -> Balance;

		/// The era in progress and the emission of the next `eras` eras (at most 1,000).
		fn schedule(eras: u32) -> ScheduleView<BlockNumber>;
	}
}
