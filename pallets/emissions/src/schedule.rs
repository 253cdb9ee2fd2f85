//! The emission schedule: how much new EMBR each era mints.
//!
//! The annual rate starts at `initial_annual_rate` of the initial supply and halves every
//! `half_life_eras` eras, smoothly (each era is `2^(-1/half_life)` of the one before), until it
//! reaches `tail_annual_rate`, where it stays. An era mints the annual rate's share of one era:
//! `initial_supply × rate(era) / eras_per_year`.
//!
//! The rate at era `e` is computed directly as `initial × 0.5^(e / h) × d^(e mod h)`, with
//! `d = 2^(-1/h)`, so it never accumulates rounding over the years.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use ember_primitives::Balance;
use scale_info::TypeInfo;
use sp_arithmetic::{
	traits::{One, Saturating, Zero},
	FixedPointNumber, FixedU128, Perbill,
};

/// The schedule's parameters, set by governance.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Default,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct ScheduleParams {
	/// The supply the rates apply to (issuance at genesis).
	pub initial_supply: Balance,
	/// Inflation in the first year, as a share of the initial supply.
	pub initial_annual_rate: Perbill,
	/// Eras after which the annual rate has halved; zero means it never decays.
	pub half_life_eras: u32,
	/// The annual rate never falls below this share of the initial supply.
	pub tail_annual_rate: Perbill,
	/// Eras in a year (8,766 one-hour eras).
	pub eras_per_year: u32,
}

/// `2^(-1/half_life)`: the factor by which each era's rate shrinks. Found by bisection on
/// `x^half_life = 1/2`, to the precision of `FixedU128`.
pub fn decay_per_era(half_life_eras: u32) -> FixedU128 {
	if half_life_eras == 0 {
		return FixedU128::one();
	}
	let half = FixedU128::from_rational(1, 2);
	let (mut low, mut high) = (half, FixedU128::one());
	// Each step halves the interval; 64 steps exhaust FixedU128's 18 decimals.
	for _ in 0..64 {
		let mid = FixedU128::from_inner((low.into_inner() + high.into_inner()) / 2);
		if mid == low || mid == high {
			break;
		}
		if mid.saturating_pow(half_life_eras as usize) < half {
			low = mid;
		} else {
			high = mid;
		}
	}
	high
}

/// The annual rate at `era`, as a fraction of the initial supply.
pub fn annual_rate_at(params: &ScheduleParams, era: u32, decay: FixedU128) -> FixedU128 {
	let initial = FixedU128::from_perbill(params.initial_annual_rate);
	let tail = FixedU128::from_perbill(params.tail_annual_rate);
	if params.half_life_eras == 0 {
		return initial.max(tail);
	}
	let halvings = era / params.half_life_eras;
	let within = era % params.half_life_eras;
	// Past 128 halvings nothing of the initial rate is left in FixedU128.
	let halved = if halvings >= 128 {
		FixedU128::zero()
	} else {
		FixedU128::from_inner(initial.into_inner() >> halvings)
	};
	halved.saturating_mul(decay.saturating_pow(within as usize)).max(tail)
}

/// New EMBR minted in `era`.
pub fn era_emission(params: &ScheduleParams, era: u32, decay: FixedU128) -> Balance {
	let per_year = annual_rate_at(params, era, decay).saturating_mul_int(params.initial_supply);
	per_year / Balance::from(params.eras_per_year.max(1))
}

#[cfg(test)]
mod tests {
	use super::*;

	const EMBR: Balance = 1_000_000_000_000;
	const ERAS_PER_YEAR: u32 = 8_766;

	fn params(half_life_years: u32, tail_percent: u32) -> ScheduleParams {
		ScheduleParams {
			initial_supply: 1_000_000_000 * EMBR,
			initial_annual_rate: Perbill::from_percent(10),
			half_life_eras: half_life_years * ERAS_PER_YEAR,
			tail_annual_rate: Perbill::from_percent(tail_percent),
			eras_per_year: ERAS_PER_YEAR,
		}
	}

	fn relative_error(value: Balance, expected: Balance) -> f64 {
		(value as f64 - expected as f64).abs() / expected as f64
	}

	#[test]
	fn the_decay_factor_halves_over_one_half_life() {
		for half_life in [1u32, 2, 7, 600, 8_766, 17_532] {
			let decay = decay_per_era(half_life);
			assert!(decay < FixedU128::one());
			let after = decay.saturating_pow(half_life as usize).to_float();
			assert!((after - 0.5).abs() < 1e-9, "half-life {half_life}: {after}");
		}
		assert_eq!(decay_per_era(0), FixedU128::one());
	}

	#[test]
	fn the_first_era_mints_its_share_of_the_initial_rate() {
		let params = params(2, 1);
		let decay = decay_per_era(params.half_life_eras);
		// 10 % of a billion EMBR a year, over 8,766 eras.
		let expected = 100_000_000 * EMBR / Balance::from(ERAS_PER_YEAR);
		assert_eq!(era_emission(&params, 0, decay), expected);
	}

	#[test]
	fn emission_halves_each_half_life_and_stops_at_the_tail() {
		let params = params(2, 1);
		let decay = decay_per_era(params.half_life_eras);
		let first = era_emission(&params, 0, decay);
		let half_life = params.half_life_eras;
		assert!(relative_error(era_emission(&params, half_life, decay), first / 2) < 1e-9);
		assert!(
			relative_error(era_emission(&params, half_life / 2, decay), 7_071 * first / 10_000)
				< 1e-4
		);
		// 10 % halves to 5, 2.5, 1.25 and then meets the 1 % tail during the fourth half-life.
		let tail = 10_000_000 * EMBR / Balance::from(ERAS_PER_YEAR);
		assert_eq!(era_emission(&params, 4 * half_life, decay), tail);
		assert_eq!(era_emission(&params, u32::MAX, decay), tail);
	}

	#[test]
	fn emission_never_grows_and_never_drops_below_the_tail() {
		let params = params(1, 1);
		let decay = decay_per_era(params.half_life_eras);
		let tail = 10_000_000 * EMBR / Balance::from(ERAS_PER_YEAR);
		let mut previous = era_emission(&params, 0, decay);
		for era in (1..10 * ERAS_PER_YEAR).step_by(97) {
			let now = era_emission(&params, era, decay);
			assert!(now <= previous, "era {era} mints more than an earlier one");
			assert!(now >= tail, "era {era} mints less than the tail");
			previous = now;
		}
	}

	#[test]
	fn without_a_half_life_the_rate_stays() {
		let params = params(0, 1);
		let decay = decay_per_era(0);
		assert_eq!(era_emission(&params, 0, decay), era_emission(&params, 1_000_000, decay));
	}

	#[test]
	fn a_year_of_eras_mints_what_the_continuous_curve_says() {
		// Over the first year the rate falls from 10 % to 10 % × 2^(-1/2): the year mints
		// 0.1 × ∫₀¹ 2^(-t/2) dt = 0.1 × 2 (1 − 2^(-1/2)) / ln 2 of the supply.
		let params = params(2, 0);
		let decay = decay_per_era(params.half_life_eras);
		let minted: Balance = (0..ERAS_PER_YEAR).map(|era| era_emission(&params, era, decay)).sum();
		let expected = 0.1 * 2.0 * (1.0 - 0.5f64.sqrt()) / core::f64::consts::LN_2 * 1e9 * 1e12;
		assert!(relative_error(minted, expected as Balance) < 1e-4, "{minted}");
	}
}
