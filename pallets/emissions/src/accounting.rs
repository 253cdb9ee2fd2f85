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

/// What a provider has earned and not yet claimed.
#[derive(Clone, Copy, Debug, Decode, Default, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo)]
pub struct ProviderRewards {
	/// The era of `points`.
	pub era: EraIndex,
	/// Points earned in `era`, not yet turned into reward.
	pub points: u128,
	/// Reward of closed eras, not yet claimed.
	pub unclaimed: Balance,
}

/// The reward per point of a closed era: the providers' share over the points earned in it. No
/// points: the share is not distributed (returned as `None`, so the caller can send it elsewhere).
pub fn reward_per_point(share: Balance, points: u128) -> Option<FixedU128> {
	if points == 0 {
		return None;
	}
	FixedU128::checked_from_rational(share, points)
}

impl ProviderRewards {
	/// Fold the points of a closed era into `unclaimed`, using that era's rate (`None` when the
	/// era is still open, then nothing changes).
	pub fn settle(&mut self, closed_rate: Option<FixedU128>) {
		if let Some(rate) = closed_rate {
			self.unclaimed = self.unclaimed.saturating_add(rate.saturating_mul_int(self.points));
			self.points = 0;
		}
	}

	/// Add `points` earned in `era`; the record's earlier points must have been settled when
	/// `era` is later than the record's (`rate_of_recorded_era` is that earlier era's rate).
	pub fn earn(&mut self, era: EraIndex, points: u128, rate_of_recorded_era: Option<FixedU128>) {
		if era != self.era {
			self.settle(rate_of_recorded_era);
			self.era = era;
		}
		self.points = self.points.saturating_add(points);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_era_splits_its_share_by_points() {
		let rate = reward_per_point(1_000, 400).expect("points were earned");
		let (mut a, mut b) = (ProviderRewards::default(), ProviderRewards::default());
		a.earn(0, 300, None);
		b.earn(0, 100, None);
		a.settle(Some(rate));
		b.settle(Some(rate));
		assert_eq!((a.unclaimed, b.unclaimed), (750, 250));
	}

	#[test]
	fn earning_in_a_later_era_settles_the_earlier_one_first() {
		let rate_0 = reward_per_point(1_000, 100);
		let mut record = ProviderRewards::default();
		record.earn(0, 100, None);
		record.earn(3, 50, rate_0);
		assert_eq!(record, ProviderRewards { era: 3, points: 50, unclaimed: 1_000 });
		// Still era 3: nothing is settled.
		record.earn(3, 25, None);
		assert_eq!(record.points, 75);
	}

	#[test]
	fn an_era_without_points_distributes_nothing() {
		assert_eq!(reward_per_point(1_000, 0), None);
	}

	#[test]
	fn rounding_never_pays_out_more_than_the_share() {
		let points = [1u128, 2, 3, 5, 7, 11, 13];
		let share: Balance = 1_000_003;
		let rate = reward_per_point(share, points.iter().sum());
		let paid: Balance = points
			.iter()
			.map(|p| {
				let mut record = ProviderRewards::default();
				record.earn(0, *p, None);
				record.settle(rate);
				record.unclaimed
			})
			.sum();
		assert!(paid <= share && share - paid < points.len() as Balance);
	}
}
