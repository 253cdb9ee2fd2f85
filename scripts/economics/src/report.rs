//! Yearly and daily sums of the simulated eras, and the yearly markdown table.

use crate::model::{EraOutcome, ERAS_PER_YEAR};
use ember_primitives::{Balance, EMBR};

/// Eras in a day.
const ERAS_PER_DAY: usize = 24;

/// The sums of a run of consecutive eras (a day or a year).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Period {
	/// Years since genesis at the end of the period.
	pub end_years: f64,
	pub eras: u32,
	pub supply_start: Balance,
	pub supply_end: Balance,
	pub minted: Balance,
	pub burned: Balance,
	pub provider_emission_income: Balance,
	pub availability_reward: Balance,
	pub lease_revenue: Balance,
	pub gpu_hours: u128,
	pub gpus_at_end: u64,
	pub leased_at_end: u64,
}

impl Period {
	fn of(eras: &[EraOutcome]) -> Self {
		let (first, last) = match (eras.first(), eras.last()) {
			(Some(first), Some(last)) => (first, last),
			_ => return Self::default(),
		};
		let sum = |amount: fn(&EraOutcome) -> Balance| eras.iter().map(amount).sum::<Balance>();
		Self {
			end_years: f64::from(last.era + 1) / f64::from(ERAS_PER_YEAR),
			eras: eras.len() as u32,
			supply_start: first.supply_before,
			supply_end: last.supply_after,
			minted: sum(|o| o.minted),
			burned: sum(|o| o.burned),
			provider_emission_income: sum(EraOutcome::provider_emission_income),
			availability_reward: sum(|o| o.availability_reward),
			lease_revenue: sum(|o| o.lease_revenue),
			gpu_hours: eras.iter().map(|o| u128::from(o.gpus)).sum(),
			gpus_at_end: last.gpus,
			leased_at_end: last.leased_gpus,
		}
	}

	/// The change of supply over the period, annualised, in percent of the supply at its start.
	pub fn net_inflation_percent(&self) -> f64 {
		let change = self.supply_end as f64 - self.supply_start as f64;
		let periods_per_year = f64::from(ERAS_PER_YEAR) / f64::from(self.eras.max(1));
		change / self.supply_start as f64 * periods_per_year * 100.0
	}

	/// Burning at least as much as is minted: the supply no longer grows.
	pub fn breaks_even(&self) -> bool {
		self.burned >= self.minted
	}

	/// Average emission reward of an available GPU-hour, in EMBR.
	pub fn reward_per_gpu_hour(&self) -> f64 {
		if self.gpu_hours == 0 {
			return 0.0;
		}
		embr(self.availability_reward) / self.gpu_hours as f64
	}
}

/// Sums of each full day (a year of 365.25 days ends with half a day, left out).
pub fn days(outcomes: &[EraOutcome]) -> Vec<Period> {
	outcomes.chunks_exact(ERAS_PER_DAY).map(Period::of).collect()
}

/// Sums of each year (a last, partial year too).
pub fn years(outcomes: &[EraOutcome]) -> Vec<Period> {
	outcomes.chunks(ERAS_PER_YEAR as usize).map(Period::of).collect()
}

/// A balance in EMBR.
pub fn embr(amount: Balance) -> f64 {
	amount as f64 / EMBR as f64
}

/// `1234567.8` as `1,234,568`.
pub fn grouped(value: f64) -> String {
	let digits = format!("{:.0}", value.abs());
	let mut out = String::new();
	for (i, digit) in digits.chars().enumerate() {
		if i > 0 && (digits.len() - i) % 3 == 0 {
			out.push(',');
		}
		out.push(digit);
	}
	if value < 0.0 && digits != "0" {
		out.insert(0, '-');
	}
	out
}

/// One row per year, amounts in EMBR.
pub fn yearly_table(years: &[Period]) -> String {
	let mut table = String::from(
		"| year | GPUs | leased | supply at end | minted | burned | net inflation | \
		 providers: emissions | providers: leases | emission per GPU-hour | burned ≥ minted |\n\
		 |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n",
	);
	for (index, year) in years.iter().enumerate() {
		let leased_percent = if year.gpus_at_end == 0 {
			0.0
		} else {
			year.leased_at_end as f64 / year.gpus_at_end as f64 * 100.0
		};
		table.push_str(&format!(
			"| {} | {} | {:.0} % | {} | {} | {} | {:.2} % | {} | {} | {:.3} | {} |\n",
			index + 1,
			grouped(year.gpus_at_end as f64),
			leased_percent,
			grouped(embr(year.supply_end)),
			grouped(embr(year.minted)),
			grouped(embr(year.burned)),
			year.net_inflation_percent(),
			grouped(embr(year.provider_emission_income)),
			grouped(embr(year.lease_revenue)),
			year.reward_per_gpu_hour(),
			if year.breaks_even() { "yes" } else { "no" },
		));
	}
	table
}

/// Every era as CSV, amounts in EMBR, for a closer look than the yearly table.
pub fn eras_csv(outcomes: &[EraOutcome]) -> String {
	let mut csv = String::from(
		"era,years,gpus,leased_gpus,minted,burned,net_change,supply,provider_emissions,\
		 provider_leases,carried,reward_per_gpu_hour,net_inflation_percent\n",
	);
	for o in outcomes {
		csv.push_str(&format!(
			"{},{:.6},{},{},{:.6},{:.6},{:.6},{:.6},{:.6},{:.6},{:.6},{:.9},{:.6}\n",
			o.era,
			f64::from(o.era) / f64::from(ERAS_PER_YEAR),
			o.gpus,
			o.leased_gpus,
			embr(o.minted),
			embr(o.burned),
			embr(o.minted) - embr(o.burned),
			embr(o.supply_after),
			embr(o.provider_emission_income()),
			embr(o.lease_revenue),
			embr(o.carried),
			o.reward_per_gpu_hour() / EMBR as f64,
			o.net_inflation_percent(),
		));
	}
	csv
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::model::{simulate, tests::default_economy};

	#[test]
	fn groups_thousands() {
		assert_eq!(grouped(0.4), "0");
		assert_eq!(grouped(999.0), "999");
		assert_eq!(grouped(1_234_567.8), "1,234,568");
		assert_eq!(grouped(-12_345.0), "-12,345");
	}

	#[test]
	fn years_add_up_to_the_run_and_chain_their_supply() {
		let outcomes = simulate(default_economy(), 3).expect("the supply lasts");
		let years = years(&outcomes);
		assert_eq!(years.len(), 3);
		let minted: Balance = outcomes.iter().map(|o| o.minted).sum();
		assert_eq!(years.iter().map(|y| y.minted).sum::<Balance>(), minted);
		assert_eq!(years[0].supply_end, years[1].supply_start);
		assert!((years[2].end_years - 3.0).abs() < 1e-12);
		let table = yearly_table(&years);
		assert_eq!(table.lines().count(), 2 + 3);
		let csv = eras_csv(&outcomes[..2]);
		assert_eq!(csv.lines().count(), 3);
		assert!(csv.lines().nth(1).is_some_and(|row| row.starts_with("0,0.000000,1000,50,")));
	}

	#[test]
	fn the_first_year_inflates_and_heavy_use_breaks_even_later() {
		let years = years(&simulate(default_economy(), 10).expect("the supply lasts"));
		assert!(!years[0].breaks_even());
		assert!(years[0].net_inflation_percent() > 8.0);
		assert!(years[9].breaks_even());
	}
}
