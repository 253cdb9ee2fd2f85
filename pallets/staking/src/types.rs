//! Records kept by the provider staking pallet.

use crate::{Config, Error};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::fungible, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

/// Balance type of the currency the stake is held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The unlocking chunks of one ledger or delegation, oldest first.
pub type UnlockChunks<T> =
	BoundedVec<UnlockChunk<BalanceOf<T>, BlockNumberFor<T>>, <T as Config>::MaxUnlockingChunks>;

/// Funds on their way out of a bond: still held (and slashable) until `unlock_at`, then
/// withdrawable.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub struct UnlockChunk<Balance, BlockNumber> {
	/// Amount that unlocks.
	pub value: Balance,
	/// First block at which the amount may be withdrawn.
	pub unlock_at: BlockNumber,
}

/// The bond of a provider, kept under its owner account.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct ProviderLedger<T: Config> {
	/// Bonded amount that backs the provider now.
	pub active: BalanceOf<T>,
	/// Amounts unbonding, oldest first; at most `MaxUnlockingChunks`.
	pub unlocking: UnlockChunks<T>,
	/// Share of delegators' rewards the owner keeps, at most `MaxCommission`.
	pub commission: Perbill,
}

impl<T: Config> ProviderLedger<T> {
	/// A fresh ledger with `active` bonded, nothing unbonding and no commission.
	pub fn new(active: BalanceOf<T>) -> Self {
		Self { active, unlocking: BoundedVec::new(), commission: Perbill::zero() }
	}
}

/// Stake a delegator has placed behind one provider.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Delegation<T: Config> {
	/// Delegated amount that backs the provider now.
	pub active: BalanceOf<T>,
	/// Amounts being undelegated, oldest first; at most `MaxUnlockingChunks`.
	pub unlocking: UnlockChunks<T>,
}

impl<T: Config> Delegation<T> {
	/// A fresh, empty delegation.
	pub fn new() -> Self {
		Self { active: Zero::zero(), unlocking: BoundedVec::new() }
	}
}

impl<T: Config> Default for Delegation<T> {
	fn default() -> Self {
		Self::new()
	}
}

/// Book-keeping shared by owner ledgers and delegations: an active amount plus unlocking chunks,
/// all of it held by the currency.
pub trait StakeRecord<T: Config> {
	/// The active amount.
	fn active(&self) -> BalanceOf<T>;
	/// Replace the active amount.
	fn set_active(&mut self, active: BalanceOf<T>);
	/// The unlocking chunks, oldest first.
	fn unlocking(&self) -> &UnlockChunks<T>;
	/// The unlocking chunks, mutably.
	fn unlocking_mut(&mut self) -> &mut UnlockChunks<T>;

	/// Sum of all unlocking chunks.
	fn unlocking_total(&self) -> BalanceOf<T> {
		self.unlocking()
			.iter()
			.fold(Zero::zero(), |total: BalanceOf<T>, chunk| total.saturating_add(chunk.value))
	}

	/// Everything held for this record: active plus unlocking.
	fn total(&self) -> BalanceOf<T> {
		self.active().saturating_add(self.unlocking_total())
	}

	/// Whether nothing is left, so the record can be removed.
	fn is_empty(&self) -> bool {
		self.active().is_zero() && self.unlocking().is_empty()
	}

	/// Move `value` (at most the active amount) into a chunk unlocking at `unlock_at`, merging it
	/// into an existing chunk with the same unlock block. Leaves the record unchanged on error.
	fn schedule_unlock(
		&mut self,
		value: BalanceOf<T>,
		unlock_at: BlockNumberFor<T>,
	) -> Result<(), Error<T>> {
		let unlocking = self.unlocking_mut();
		if let Some(chunk) = unlocking.iter_mut().find(|chunk| chunk.unlock_at == unlock_at) {
			chunk.value = chunk.value.saturating_add(value);
		} else {
			unlocking
				.try_push(UnlockChunk { value, unlock_at })
				.map_err(|_| Error::<T>::TooManyUnlockingChunks)?;
		}
		let active = self.active().saturating_sub(value);
		self.set_active(active);
		Ok(())
	}

	/// Move the whole active amount into a chunk unlocking at `unlock_at`. Cannot fail: when
	/// every chunk is taken, it joins the latest chunk, whose unlock block moves to `unlock_at`
	/// when that is later. Used when the record's owner did not choose to unbond (a displaced
	/// delegation), so that a record full of chunks cannot refuse it.
	fn unlock_all_active(&mut self, unlock_at: BlockNumberFor<T>) {
		let value = self.active();
		if self.schedule_unlock(value, unlock_at).is_ok() {
			return;
		}
		if let Some(latest) = self.unlocking_mut().last_mut() {
			latest.value = latest.value.saturating_add(value);
			latest.unlock_at = latest.unlock_at.max(unlock_at);
			self.set_active(Zero::zero());
		}
	}

	/// Take up to `value` out of the unlocking chunks, latest first, and return what was taken.
	fn take_from_unlocking(&mut self, value: BalanceOf<T>) -> BalanceOf<T> {
		let unlocking = self.unlocking_mut();
		let mut remaining = value;
		// Each pass either empties the request or pops a chunk, so this ends within
		// `MaxUnlockingChunks` passes.
		while !remaining.is_zero() {
			let Some(latest) = unlocking.last_mut() else { break };
			if latest.value > remaining {
				latest.value = latest.value.saturating_sub(remaining);
				remaining = Zero::zero();
			} else {
				remaining = remaining.saturating_sub(latest.value);
				unlocking.pop();
			}
		}
		value.saturating_sub(remaining)
	}

	/// Move up to `value` from the unlocking chunks (latest first) back to active and return the
	/// amount moved.
	fn rebond(&mut self, value: BalanceOf<T>) -> BalanceOf<T> {
		let rebonded = self.take_from_unlocking(value);
		let active = self.active().saturating_add(rebonded);
		self.set_active(active);
		rebonded
	}

	/// Remove every chunk that has unlocked by block `now` and return their sum.
	fn withdraw_unlocked(&mut self, now: BlockNumberFor<T>) -> BalanceOf<T> {
		let mut withdrawn: BalanceOf<T> = Zero::zero();
		self.unlocking_mut().retain(|chunk| {
			if chunk.unlock_at <= now {
				withdrawn = withdrawn.saturating_add(chunk.value);
				false
			} else {
				true
			}
		});
		withdrawn
	}

	/// Take up to `value` away, from the active amount first and then from the unlocking chunks,
	/// latest first. Returns `(taken_from_active, taken_in_total)`.
	fn take(&mut self, value: BalanceOf<T>) -> (BalanceOf<T>, BalanceOf<T>) {
		let from_active = value.min(self.active());
		let active = self.active().saturating_sub(from_active);
		self.set_active(active);
		let from_unlocking = self.take_from_unlocking(value.saturating_sub(from_active));
		(from_active, from_active.saturating_add(from_unlocking))
	}
}

impl<T: Config> StakeRecord<T> for ProviderLedger<T> {
	fn active(&self) -> BalanceOf<T> {
		self.active
	}

	fn set_active(&mut self, active: BalanceOf<T>) {
		self.active = active;
	}

	fn unlocking(&self) -> &UnlockChunks<T> {
		&self.unlocking
	}

	fn unlocking_mut(&mut self) -> &mut UnlockChunks<T> {
		&mut self.unlocking
	}
}

impl<T: Config> StakeRecord<T> for Delegation<T> {
	fn active(&self) -> BalanceOf<T> {
		self.active
	}

	fn set_active(&mut self, active: BalanceOf<T>) {
		self.active = active;
	}

	fn unlocking(&self) -> &UnlockChunks<T> {
		&self.unlocking
	}

	fn unlocking_mut(&mut self) -> &mut UnlockChunks<T> {
		&mut self.unlocking
	}
}
