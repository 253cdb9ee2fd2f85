//! The era-by-era model of Ember's token flows: emission on the chain's schedule, its split,
//! provider points with the capped lease bonus, lease payments and the burned protocol fee.

use crate::curve::Logistic;
use ember_primitives::Balance;
use pallet_emissions::schedule::{decay_per_era, era_emission, ScheduleParams};
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, FixedU128, Perbill, Rounding,
};

/// Blocks in an era: one hour of 6 s blocks.
pub const ERA_BLOCKS: Balance = 600;
/// One-hour eras in a year of 365.25 days.
pub const ERAS_PER_YEAR: u32 = 8_766;
/// Points are counted in hundredths of a GPU-hour, so a bonus given in percent stays exact.
const POINTS_PER_GPU_HOUR: u128 = 100;

/// Everything the model needs; one era is one hour, so a GPU earns one point per era.
#[derive(Clone, Debug)]
pub struct Economy {
	pub schedule: ScheduleParams,
	pub validators_share: Perbill,
	pub treasury_share: Perbill,
	/// GPUs registered and available, by years since genesis.
	pub gpus: Logistic,
	/// Percent of the GPUs leased, by years since genesis.
	pub leased_percent: Logistic,
	/// What a tenant pays for one GPU-hour.
	pub lease_price: Balance,
	/// Share of every lease payment that is burned.
	pub protocol_fee: Perbill,
	/// Extra points for leased GPU-time, in percent of its availability points.
	pub lease_bonus_percent: u32,
}

/// What happened in one era. Amounts are in plancks.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EraOutcome {
	pub era: u32,
	pub gpus: u64,
	pub leased_gpus: u64,
	pub supply_before: Balance,
	pub supply_after: Balance,
	/// Everything minted: validators + treasury + providers' pot.
	pub minted: Balance,
	pub minted_to_providers: Balance,
	/// Protocol fees of this era's lease payments.
	pub burned: Balance,
	/// Paid out of the providers' pot for availability.
	pub availability_reward: Balance,
	/// Paid out of the providers' pot for leased GPU-time, after the fee cap.
	pub bonus_reward: Balance,
	/// Left in the pot for the next era (the capped-off bonus and rounding).
	pub carried: Balance,
	/// What tenants paid providers, net of the burned fee.
	pub lease_revenue: Balance,
}

impl EraOutcome {
	/// Providers' income from emissions this era.
	pub fn provider_emission_income(&self) -> Balance {
		self.availability_reward + self.bonus_reward
	}

	/// Emission reward of one available GPU-hour (class score 1), in plancks.
	pub fn reward_per_gpu_hour(&self) -> f64 {
		if self.gpus == 0 {
			return 0.0;
		}
		self.availability_reward as f64 / self.gpus as f64
	}

	/// Net inflation of this era, annualised, in percent of the supply before it.
	pub fn net_inflation_percent(&self) -> f64 {
		let net = self.minted as f64 - self.burned as f64;
		net * f64::from(ERAS_PER_YEAR) / self.supply_before as f64 * 100.0
	}
}

/// The providers' pot of one era split by points: what availability and the (capped) bonus
/// are paid, and what stays for the next era.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PotSplit {
	pub availability: Balance,
	pub bonus: Balance,
	pub carried: Balance,
}

/// Splits `pot` between availability and bonus points at one reward per point, capping the
/// bonus at `bonus_cap` (the fees the leases burned); the rest stays in the pot.
pub fn split_pot(
	pot: Balance,
	availability_points: u128,
	bonus_points: u128,
	bonus_cap: Balance,
) -> PotSplit {
	let points = availability_points.saturating_add(bonus_points);
	if points == 0 {
		return PotSplit { availability: 0, bonus: 0, carried: pot };
	}
	let availability = share_of(pot, availability_points, points);
	let bonus = share_of(pot, bonus_points, points).min(bonus_cap);
	PotSplit { availability, bonus, carried: pot - availability - bonus }
}

/// `amount × part / whole`, rounded down; `part ≤ whole`, so it never exceeds `amount`.
fn share_of(amount: Balance, part: u128, whole: u128) -> Balance {
	multiply_by_rational_with_rounding(amount, part, whole, Rounding::Down).unwrap_or(0)
}

/// The chain's state that carries from one era to the next.
pub struct Simulation {
	economy: Economy,
	decay: FixedU128,
	era: u32,
	supply: Balance,
	carried: Balance,
}

impl Simulation {
	pub fn new(economy: Economy) -> Self {
		let decay = decay_per_era(economy.schedule.half_life_eras);
		let supply = economy.schedule.initial_supply;
		Self { economy, decay, era: 0, supply, carried: 0 }
	}

	/// Runs one era and moves on to the next. Fails when the era would burn more than the whole
	/// supply: the market's price in EMBR is then beyond what the token can carry.
	pub fn next_era(&mut self) -> Result<EraOutcome, String> {
		let economy = &self.economy;
		let years = f64::from(self.era) / f64::from(ERAS_PER_YEAR);
		let gpus = economy.gpus.at(years).round().max(0.0) as u64;
		let leased_gpus =
			((gpus as f64 * economy.leased_percent.at(years) / 100.0).round() as u64).min(gpus);

		let emission = era_emission(&economy.schedule, self.era, self.decay);
		let validators_share = economy.validators_share.mul_floor(emission);
		// Each block mints its author a fixed part of the validators' share; as on the chain,
		// what that division rounds off is not minted.
		let to_validators = validators_share / ERA_BLOCKS * ERA_BLOCKS;
		let to_treasury = economy.treasury_share.mul_floor(emission);

		let availability_points = u128::from(gpus) * POINTS_PER_GPU_HOUR;
		let bonus_points =
			u128::from(leased_gpus) * POINTS_PER_GPU_HOUR * u128::from(economy.lease_bonus_percent)
				/ 100;
		// Providers get the rest, and nothing is minted for them in an era without points.
		let to_providers = if availability_points + bonus_points == 0 {
			0
		} else {
			emission.saturating_sub(validators_share).saturating_sub(to_treasury)
		};

		let payments = Balance::from(leased_gpus).saturating_mul(economy.lease_price);
		let burned = economy.protocol_fee.mul_floor(payments);
		let pot = to_providers.saturating_add(self.carried);
		let split = split_pot(pot, availability_points, bonus_points, burned);

		let minted = to_validators + to_treasury + to_providers;
		let supply_before = self.supply;
		let Some(supply_after) =
			supply_before.checked_add(minted).and_then(|s| s.checked_sub(burned))
		else {
			return Err(format!(
				"era {} (year {years:.2}) would burn more than the whole supply: at this lease \
				 price and fee, tenants burn EMBR faster than it exists; lower --lease-price or \
				 --protocol-fee",
				self.era
			));
		};
		self.supply = supply_after;
		self.carried = split.carried;
		let outcome = EraOutcome {
			era: self.era,
			gpus,
			leased_gpus,
			supply_before,
			supply_after: self.supply,
			minted,
			minted_to_providers: to_providers,
			burned,
			availability_reward: split.availability,
			bonus_reward: split.bonus,
			carried: split.carried,
			lease_revenue: payments - burned,
		};
		self.era += 1;
		Ok(outcome)
	}
}

/// Every era of `years` years.
pub fn simulate(economy: Economy, years: u32) -> Result<Vec<EraOutcome>, String> {
	let mut simulation = Simulation::new(economy);
	(0..years.saturating_mul(ERAS_PER_YEAR))
		.map(|_| simulation.next_era())
		.collect()
}

#[cfg(test)]
pub mod tests {
	use super::*;
	use ember_primitives::EMBR;

	pub fn default_economy() -> Economy {
		Economy {
			schedule: ScheduleParams {
				initial_supply: 1_000_000_000 * EMBR,
				initial_annual_rate: Perbill::from_percent(10),
				half_life_eras: 2 * ERAS_PER_YEAR,
				tail_annual_rate: Perbill::from_percent(1),
				eras_per_year: ERAS_PER_YEAR,
			},
			validators_share: Perbill::from_percent(10),
			treasury_share: Perbill::from_percent(10),
			gpus: Logistic::new("gpus", 1_000.0, 100_000.0, 2.0).expect("valid curve"),
			leased_percent: Logistic::new("leased", 5.0, 70.0, 3.0).expect("valid curve"),
			lease_price: 2 * EMBR,
			protocol_fee: Perbill::from_percent(2),
			lease_bonus_percent: 100,
		}
	}

	fn minted_in_year(outcomes: &[EraOutcome], year: u32) -> Balance {
		let first = (year * ERAS_PER_YEAR) as usize;
		outcomes[first..first + ERAS_PER_YEAR as usize].iter().map(|o| o.minted).sum()
	}

	#[test]
	fn supply_reconciles_every_era_for_many_years() {
		let outcomes = simulate(default_economy(), 25).expect("the supply lasts");
		let mut supply = 1_000_000_000 * EMBR;
		for outcome in &outcomes {
			assert_eq!(outcome.supply_before, supply, "era {}", outcome.era);
			assert_eq!(
				outcome.supply_after,
				outcome.supply_before + outcome.minted - outcome.burned,
				"era {}",
				outcome.era
			);
			supply = outcome.supply_after;
		}
		let minted: Balance = outcomes.iter().map(|o| o.minted).sum();
		let burned: Balance = outcomes.iter().map(|o| o.burned).sum();
		assert_eq!(supply, 1_000_000_000 * EMBR + minted - burned);
	}

	#[test]
	fn every_era_mints_the_schedule_but_for_per_block_rounding() {
		let economy = default_economy();
		let decay = decay_per_era(economy.schedule.half_life_eras);
		let schedule = economy.schedule;
		for outcome in simulate(economy, 3).expect("the supply lasts").iter().step_by(101) {
			let emission = era_emission(&schedule, outcome.era, decay);
			assert!(outcome.minted <= emission && emission - outcome.minted < ERA_BLOCKS);
		}
	}

	#[test]
	fn emission_halves_over_the_two_year_half_life() {
		let outcomes = simulate(default_economy(), 3).expect("the supply lasts");
		let (year_0, year_2) = (minted_in_year(&outcomes, 0), minted_in_year(&outcomes, 2));
		let ratio = year_2 as f64 / year_0 as f64;
		assert!((ratio - 0.5).abs() < 1e-6, "year 2 minted {ratio} of year 0");
	}

	#[test]
	fn the_bonus_never_pays_more_than_the_fees_and_nothing_is_lost() {
		let economy = Economy { protocol_fee: Perbill::from_parts(10), ..default_economy() };
		let mut simulation = Simulation::new(economy);
		let (mut to_providers, mut paid, mut capped_eras, mut carried) = (0, 0, 0, 0);
		for _ in 0..2 * ERAS_PER_YEAR {
			let outcome = simulation.next_era().expect("the supply lasts");
			carried = outcome.carried;
			assert!(outcome.bonus_reward <= outcome.burned, "era {}", outcome.era);
			if outcome.carried > 1_000 {
				capped_eras += 1;
			}
			to_providers += outcome.minted_to_providers;
			paid += outcome.provider_emission_income();
		}
		assert!(capped_eras > 0, "tiny fees must cap the bonus");
		assert!(carried > 0);
		assert_eq!(paid + carried, to_providers);
	}

	#[test]
	fn with_fees_above_the_bonus_the_pot_is_paid_out_but_for_rounding() {
		// 50 leased GPUs burn 1,000 EMBR an era, more than their bonus (about 430 EMBR).
		let economy = Economy {
			lease_price: 20 * EMBR,
			protocol_fee: Perbill::from_percent(100),
			..default_economy()
		};
		let mut simulation = Simulation::new(economy);
		for _ in 0..1_000 {
			let outcome = simulation.next_era().expect("the supply lasts");
			assert!(outcome.carried < 1_000, "era {}: {}", outcome.era, outcome.carried);
		}
	}

	#[test]
	fn the_pot_splits_by_points_and_keeps_what_the_cap_withholds() {
		// 300 availability and 100 bonus points share 1,000: 750 and 250, the bonus capped at 40.
		assert_eq!(
			split_pot(1_000, 300, 100, 40),
			PotSplit { availability: 750, bonus: 40, carried: 210 }
		);
		assert_eq!(
			split_pot(1_000, 300, 100, 1_000),
			PotSplit { availability: 750, bonus: 250, carried: 0 }
		);
		assert_eq!(
			split_pot(1_000, 0, 0, 1_000),
			PotSplit { availability: 0, bonus: 0, carried: 1_000 }
		);
	}

	#[test]
	fn a_price_that_burns_more_than_the_supply_stops_the_run() {
		let economy = Economy { lease_price: 20 * EMBR, ..default_economy() };
		let error = simulate(economy, 10).expect_err("20 EMBR per GPU-hour burns it all");
		assert!(error.contains("--lease-price"), "{error}");
	}

	#[test]
	fn an_era_without_points_mints_nothing_for_providers() {
		let mut economy = default_economy();
		economy.gpus = Logistic::new("gpus", 1e-9, 1e-6, 50.0).expect("valid curve");
		let outcome = Simulation::new(economy).next_era().expect("the supply lasts");
		assert_eq!(outcome.gpus, 0);
		assert_eq!(outcome.minted_to_providers, 0);
		assert!(outcome.minted > 0, "validators and treasury are still paid");
	}
}
