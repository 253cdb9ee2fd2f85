//! Types of the validator set pallet.

use crate::Config;
use frame_support::BoundedVec;

/// A validator set bounded by `MaxValidators`.
pub type ValidatorsOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

/// Prepares what the benchmarks need from other pallets. The runtime implements it with its
/// session keys type; the mock with test keys.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `validator`, as `session.setKeys` does for a real validator,
	/// so that it may be added to the set. Funds the account first if the keys need a deposit.
	/// The benchmark stops with an error if no keys were registered.
	fn set_session_keys(validator: &AccountId);
}
