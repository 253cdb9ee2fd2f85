//! Reward accounting that closes an era in O(1) whatever the number of providers.
//!
//! Providers earn points during an era. Closing era `e` stores one number, the reward per
//! point `rpp(e) = providers' share of e / points earned in e`. A provider's record keeps only the
//! era it last earned points in and how many; the next time it earns points (or claims) in a later
//! era, those points are turned into reward with that single era's `rpp`. Each update therefore
//! reads one stored rate, and closing an era never visits a provider.

use codec::{Decode, Encode, MaxEncodedLen};
use ember_primitives::Balance;
use scale_info::TypeInfo;
use sp_arithmetic::{FixedPointNumber, FixedU128};

/// An era's number.
pub type EraIndex = u32;

/// A provider's summed class score of its proven GPUs, and what it was worked out from.
#[derive(Clone, Copy, Debug, Decode, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo)]
pub struct ProvenScore<BlockNumber> {
	/// Σ class score of the GPUs that counted as proven.
	pub score: u128,
	/// The first block at which one of those proofs no longer counts.
	pub until: BlockNumber,
	/// The provider's proofs version it was worked out from.
	pub proofs: u32,
	/// The class table's version it was worked out from.
	pub table: u32,
}

/// What a provider has earned and not yet claimed.
#[derive(Clone, Copy, Debug, Decode, Default, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo)]
pub struct ProviderRewards<BlockNumber> {
	/// The era of `points`, `bonus_points` and `fees`.
	pub era: EraIndex,
	/// Availability points earned in `era`, not yet turned into reward.
	pub points: u128,
	/// Leased-time bonus points earned in `era`, not yet turned into reward.
	pub bonus_points: u128,
	/// Protocol fees the provider's leases burned in `era`: the most its bonus may pay.
	pub fees: Balance,
	/// Reward of closed eras, not yet claimed.
	pub unclaimed: Balance,
	/// The last block its available GPU-time was credited up to; `None` while it is not
	/// heartbeating (never seen, or Offline).
	pub last_credit: Option<BlockNumber>,
}

/// The reward per point of a closed era: the providers' pot over the points earned in it. No
/// points: nothing is distributed (`None`).
pub fn reward_per_point(pot: Balance, points: u128) -> Option<FixedU128> {
	if points == 0 {
		return None;
	}
	FixedU128::checked_from_rational(pot, points)
}

impl<BlockNumber> ProviderRewards<BlockNumber> {
	/// Turn the points of the record's era, now closed, into reward at that era's rate. The
	/// leased bonus pays at most the fees burned; what the cap withholds is returned, for the
	/// next era's pot.
	pub fn fold(&mut self, closed_rate: Option<FixedU128>) -> Balance {
		let rate = closed_rate.unwrap_or_default();
		let available = rate.saturating_mul_int(self.points);
		let bonus = rate.saturating_mul_int(self.bonus_points);
		let paid_bonus = bonus.min(self.fees);
		self.unclaimed = self.unclaimed.saturating_add(available).saturating_add(paid_bonus);
		self.points = 0;
		self.bonus_points = 0;
		self.fees = 0;
		bonus.saturating_sub(paid_bonus)
	}

	/// Make `era` the record's era, folding the earlier one first (`rate_of_recorded_era` is
	/// its rate). Returns what the bonus cap withheld, as [`Self::fold`].
	pub fn roll_to(&mut self, era: EraIndex, rate_of_recorded_era: Option<FixedU128>) -> Balance {
		if era == self.era {
			return 0;
		}
		let withheld = self.fold(rate_of_recorded_era);
		self.era = era;
		withheld
	}

	/// Whether nothing is left in the record but liveness bookkeeping.
	pub fn is_empty(&self) -> bool {
		self.points == 0 && self.bonus_points == 0 && self.fees == 0 && self.unclaimed == 0
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	type Record = ProviderRewards<u32>;

	fn earn(record: &mut Record, era: EraIndex, points: u128, rate: Option<FixedU128>) -> Balance {
		let withheld = record.roll_to(era, rate);
		record.points += points;
		withheld
	}

	#[test]
	fn an_era_splits_its_pot_by_points() {
		let rate = reward_per_point(1_000, 400);
		let (mut a, mut b) = (Record::default(), Record::default());
		earn(&mut a, 0, 300, None);
		earn(&mut b, 0, 100, None);
		a.fold(rate);
		b.fold(rate);
		assert_eq!((a.unclaimed, b.unclaimed), (750, 250));
	}

	#[test]
	fn earning_in_a_later_era_folds_the_earlier_one_first() {
		let rate_0 = reward_per_point(1_000, 100);
		let mut record = Record::default();
		earn(&mut record, 0, 100, None);
		earn(&mut record, 3, 50, rate_0);
		assert_eq!((record.era, record.points, record.unclaimed), (3, 50, 1_000));
		// Still era 3: nothing is folded.
		earn(&mut record, 3, 25, None);
		assert_eq!((record.points, record.unclaimed), (75, 1_000));
	}

	#[test]
	fn the_bonus_pays_at_most_the_fees_burned() {
		// 100 availability points and 100 bonus points at 10 per point: the bonus is worth
		// 1,000 but the leases burned only 300 in fees.
		let rate = reward_per_point(2_000, 200);
		let mut record = Record { points: 100, bonus_points: 100, fees: 300, ..Default::default() };
		let withheld = record.fold(rate);
		assert_eq!((record.unclaimed, withheld), (1_000 + 300, 700));
		// Fees above the bonus's worth do not add to it.
		let mut record = Record { bonus_points: 100, fees: 5_000, ..Default::default() };
		assert_eq!((record.fold(rate), record.unclaimed), (0, 1_000));
	}

	#[test]
	fn an_era_without_points_distributes_nothing() {
		assert_eq!(reward_per_point(1_000, 0), None);
	}

	#[test]
	fn rounding_never_pays_out_more_than_the_pot() {
		let points = [1u128, 2, 3, 5, 7, 11, 13];
		let pot: Balance = 1_000_003;
		let rate = reward_per_point(pot, points.iter().sum());
		let paid: Balance = points
			.iter()
			.map(|p| {
				let mut record = Record { points: *p, ..Default::default() };
				record.fold(rate);
				record.unclaimed
			})
			.sum();
		assert!(paid <= pot && pot - paid < points.len() as Balance);
	}
}
