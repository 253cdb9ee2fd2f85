//! Block-hook work: paying each block's author and closing eras, in O(1).

use crate::*;
use ember_primitives::Balance;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible, FindAuthor},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::{traits::Saturating, FixedPointNumber};
use sp_runtime::traits::{AccountIdConversion, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// The account of the providers' reward pot.
	pub fn pot_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Every block: pay its author, and close the era when its last block has come.
	pub(crate) fn on_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_author();
		Self::reward_author();
		let era = CurrentEra::<T>::get();
		if now >= era.start.saturating_add(T::EraLength::get()) {
			Self::close_era(now, era);
			weight.saturating_accrue(T::WeightInfo::close_era());
		}
		weight
	}

	/// Mint the era's per-block reward to the author of the block in progress.
	fn reward_author() {
		let digest = frame_system::Pallet::<T>::digest();
		let pre_runtime = digest.logs.iter().filter_map(|item| item.as_pre_runtime());
		let Some(author) = T::FindAuthor::find_author(pre_runtime) else { return };
		let mut era = CurrentEra::<T>::get();
		if era.author_reward == 0 {
			return;
		}
		if Self::mint(&author, era.author_reward) {
			era.to_authors = era.to_authors.saturating_add(era.author_reward);
			CurrentEra::<T>::put(era);
		}
	}

	/// Close `era`: mint the treasury's share, fix the era's reward per point and fund the pot,
	/// then start the next era. Never visits a provider.
	pub(crate) fn close_era(now: BlockNumberFor<T>, era: EraInfo<BlockNumberFor<T>>) {
		let to_treasury = if Self::mint(&T::TreasuryAccount::get(), era.to_treasury) {
			era.to_treasury
		} else {
			0
		};

		// The pot pays this era's share plus what earlier eras left unpaid. Without points,
		// nothing is minted for providers.
		let carried = Carried::<T>::get();
		let pot = era.to_providers.saturating_add(carried);
		let mut to_providers = 0;
		let mut rate_scaled = 0;
		if let Some(rate) = accounting::reward_per_point(pot, era.points) {
			if Self::mint(&Self::pot_account(), era.to_providers) {
				to_providers = era.to_providers;
				let distributed = rate.saturating_mul_int(era.points);
				Carried::<T>::put(pot.saturating_sub(distributed));
				EraRewardPerPoint::<T>::insert(era.index, rate);
				rate_scaled = rate.into_inner();
			}
		}

		let ledger = Issuance::<T>::get();
		let issuance = <T::Currency as fungible::Inspect<_>>::total_issuance();
		let next = Self::era_starting(era.index.saturating_add(1), now);
		Self::deposit_event(Event::EraClosed {
			era: era.index,
			to_authors: era.to_authors,
			to_treasury,
			to_providers,
			points: era.points,
			reward_per_point: rate_scaled,
			burned: ledger.burned,
			issuance,
			next_emission: next.emission,
		});
		CurrentEra::<T>::put(next);
		Issuance::<T>::put(IssuanceLedger { start: issuance, minted: 0, burned: 0 });
	}

	/// Era `index` starting at `start`: what it mints and how that is shared.
	pub(crate) fn era_starting(
		index: EraIndex,
		start: BlockNumberFor<T>,
	) -> EraInfo<BlockNumberFor<T>> {
		let emission = schedule::era_emission(&Schedule::<T>::get(), index, Decay::<T>::get());
		let shares = Rewards::<T>::get();
		let to_authors = shares.validators_share.mul_floor(emission);
		let era_length: u32 = T::EraLength::get().unique_saturated_into();
		let to_treasury = shares.treasury_share.mul_floor(emission);
		EraInfo {
			index,
			start,
			emission,
			author_reward: to_authors / Balance::from(era_length.max(1)),
			to_treasury,
			to_providers: emission.saturating_sub(to_authors).saturating_sub(to_treasury),
			to_authors: 0,
			points: 0,
		}
	}

	/// Mint `amount` to `who`, recording it in the issuance ledger. Returns whether it was
	/// minted (an amount below the existential deposit to an empty account is not).
	pub(crate) fn mint(who: &T::AccountId, amount: Balance) -> bool {
		if amount == 0 {
			return false;
		}
		match <T::Currency as fungible::Mutate<_>>::mint_into(who, amount) {
			Ok(minted) => {
				Issuance::<T>::mutate(|ledger| {
					ledger.minted = ledger.minted.saturating_add(minted)
				});
				true
			},
			Err(error) => {
				log::warn!(target: LOG_TARGET, "could not mint {amount} to {who:?}: {error:?}");
				false
			},
		}
	}
}
