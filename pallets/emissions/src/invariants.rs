//! What must hold after every block.

use crate::*;
use frame_support::traits::{fungible, Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// - total issuance is what the era's ledger says: `start + minted − burned`;
	/// - the pot holds at least what it carries for the next era;
	/// - the era in progress has not outlived its length, and its authors were not paid more
	///   than its share;
	/// - no provider record is ahead of the era in progress;
	/// - each era's holder count is the number of records holding points of it, and every
	///   stored rate of a closed era still has a holder (none piles up).
	pub fn do_try_state(now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		let issuance = <T::Currency as fungible::Inspect<_>>::total_issuance();
		let ledger = Issuance::<T>::get();
		frame_support::ensure!(
			issuance == ledger.expected(),
			"total issuance differs from start + minted - burned"
		);

		let pot = <T::Currency as fungible::Inspect<_>>::balance(&Self::pot_account());
		frame_support::ensure!(pot >= Carried::<T>::get(), "the pot holds less than it carries");

		let era = CurrentEra::<T>::get();
		frame_support::ensure!(
			now < era.start.saturating_add(T::EraLength::get()) || now.is_zero(),
			"an era outlived its length"
		);
		frame_support::ensure!(
			era.to_authors <= era.author_reward.saturating_mul(era_blocks::<T>()),
			"authors were paid more than the era's share"
		);

		let mut holders = alloc::collections::BTreeMap::<EraIndex, u32>::new();
		for (_, record) in ProviderPoints::<T>::iter() {
			frame_support::ensure!(
				record.era <= era.index,
				"a provider record is ahead of the era"
			);
			if crate::points::holds_points(&record) {
				*holders.entry(record.era).or_default() += 1;
			}
		}
		frame_support::ensure!(
			EraHolders::<T>::iter().collect::<alloc::collections::BTreeMap<_, _>>() == holders,
			"an era's holder count differs from the records holding its points"
		);
		for rated in EraRewardPerPoint::<T>::iter_keys() {
			frame_support::ensure!(
				holders.contains_key(&rated),
				"an era's rate is kept though no record holds its points"
			);
		}
		Ok(())
	}
}

fn era_blocks<T: Config>() -> ember_primitives::Balance {
	use sp_runtime::traits::UniqueSaturatedInto;
	let blocks: u32 = T::EraLength::get().unique_saturated_into();
	blocks.into()
}
