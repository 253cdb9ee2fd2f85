//! `ember-economics`: simulates Ember's token economics era by era (one era = one hour) over
//! some years, prints the parameters and a yearly markdown table, and plots the run to a PNG.
//!
//! The emission schedule is the chain's own code (`pallet_emissions::schedule`); the market
//! (GPUs, demand, prices) follows the curves given on the command line.

mod curve;
mod model;
mod plot;
mod report;

use clap::Parser;
use curve::Logistic;
use ember_primitives::{Balance, EMBR};
use model::{Economy, ERAS_PER_YEAR};
use pallet_emissions::schedule::ScheduleParams;
use sp_arithmetic::Perbill;
use std::{fs, path::PathBuf, process::ExitCode};

/// Simulate Ember's emissions, burns and provider income, and plot them.
#[derive(Debug, Parser)]
#[command(name = "ember-economics", version)]
struct Args {
	/// Years to simulate.
	#[arg(long, default_value_t = 10)]
	years: u32,
	/// Issuance at genesis, in EMBR.
	#[arg(long, default_value_t = 1_000_000_000)]
	initial_supply: u64,
	/// Inflation in the first year, in percent of the initial supply.
	#[arg(long, default_value_t = 10.0)]
	initial_rate: f64,
	/// Years after which the annual rate has halved.
	#[arg(long, default_value_t = 2.0)]
	half_life_years: f64,
	/// The annual rate never falls below this, in percent of the initial supply.
	#[arg(long, default_value_t = 1.0)]
	tail_rate: f64,
	/// Validators' share of each era's emission, in percent.
	#[arg(long, default_value_t = 10.0)]
	validators_share: f64,
	/// Treasury's share of each era's emission, in percent (providers get the rest).
	#[arg(long, default_value_t = 10.0)]
	treasury_share: f64,
	/// GPUs available at genesis.
	#[arg(long, default_value_t = 1_000.0)]
	gpus_start: f64,
	/// GPUs the network grows towards.
	#[arg(long, default_value_t = 100_000.0)]
	gpus_end: f64,
	/// Year in which GPU supply grows fastest (half of --gpus-end).
	#[arg(long, default_value_t = 2.0)]
	gpus_midpoint: f64,
	/// Percent of the GPUs leased at genesis.
	#[arg(long, default_value_t = 5.0)]
	leased_start: f64,
	/// Percent of the GPUs leased in the long run.
	#[arg(long, default_value_t = 70.0)]
	leased_end: f64,
	/// Year in which demand grows fastest (half of --leased-end).
	#[arg(long, default_value_t = 3.0)]
	leased_midpoint: f64,
	/// Lease price, in EMBR per GPU-hour.
	#[arg(long, default_value_t = 2.0)]
	lease_price: f64,
	/// Share of every lease payment that is burned, in percent.
	#[arg(long, default_value_t = 2.0)]
	protocol_fee: f64,
	/// Extra points for leased GPU-time, in percent of its availability points.
	#[arg(long, default_value_t = 100)]
	lease_bonus: u32,
	/// Where to write the PNG.
	#[arg(long, default_value = "docs/img/economics.png")]
	out: PathBuf,
	/// Also write every era's numbers to this CSV file.
	#[arg(long)]
	csv: Option<PathBuf>,
	/// TrueType font for the plot's text.
	#[arg(long, default_value = plot::DEFAULT_FONT)]
	font: PathBuf,
}

impl Args {
	fn economy(&self) -> Result<Economy, String> {
		let validators_share = percent("--validators-share", self.validators_share)?;
		let treasury_share = percent("--treasury-share", self.treasury_share)?;
		if self.validators_share + self.treasury_share > 100.0 {
			return Err("--validators-share and --treasury-share add up to more than 100 %".into());
		}
		Ok(Economy {
			schedule: ScheduleParams {
				initial_supply: Balance::from(self.initial_supply) * EMBR,
				initial_annual_rate: percent("--initial-rate", self.initial_rate)?,
				half_life_eras: half_life_eras(self.half_life_years)?,
				tail_annual_rate: percent("--tail-rate", self.tail_rate)?,
				eras_per_year: ERAS_PER_YEAR,
			},
			validators_share,
			treasury_share,
			gpus: Logistic::new("GPUs", self.gpus_start, self.gpus_end, self.gpus_midpoint)?,
			leased_percent: Logistic::new(
				"leased GPUs (percent)",
				within_100("--leased-start", self.leased_start)?,
				within_100("--leased-end", self.leased_end)?,
				self.leased_midpoint,
			)?,
			lease_price: embr_amount("--lease-price", self.lease_price)?,
			protocol_fee: percent("--protocol-fee", self.protocol_fee)?,
			lease_bonus_percent: self.lease_bonus,
		})
	}

	/// The run's parameters as a markdown table.
	fn describe(&self) -> String {
		let providers_share = 100.0 - self.validators_share - self.treasury_share;
		let rows = [
			("years simulated", format!("{}", self.years)),
			(
				"era",
				format!(
					"600 blocks of 6 s (1 h); {} eras a year",
					report::grouped(f64::from(ERAS_PER_YEAR))
				),
			),
			("initial supply", format!("{} EMBR", report::grouped(self.initial_supply as f64))),
			("initial annual rate", format!("{} % of the initial supply", self.initial_rate)),
			("half-life", format!("{} years", self.half_life_years)),
			("tail annual rate", format!("{} % of the initial supply", self.tail_rate)),
			(
				"split",
				format!(
					"validators {} %, treasury {} %, providers {providers_share} %",
					self.validators_share, self.treasury_share
				),
			),
			(
				"GPUs",
				format!(
					"logistic from {} to {}, midpoint year {}",
					report::grouped(self.gpus_start),
					report::grouped(self.gpus_end),
					self.gpus_midpoint
				),
			),
			(
				"leased share of GPUs",
				format!(
					"logistic from {} % to {} %, midpoint year {}",
					self.leased_start, self.leased_end, self.leased_midpoint
				),
			),
			("lease price", format!("{} EMBR per GPU-hour", self.lease_price)),
			("protocol fee (burned)", format!("{} % of every lease payment", self.protocol_fee)),
			(
				"lease bonus",
				format!("{} % more points, capped by the leases' burned fees", self.lease_bonus),
			),
			("points", "1 per available GPU-hour (class score 1)".to_string()),
		];
		let mut table = String::from("| parameter | value |\n|---|---|\n");
		for (name, value) in rows {
			table.push_str(&format!("| {name} | {value} |\n"));
		}
		table
	}
}

/// A percentage flag as a `Perbill`.
fn percent(flag: &str, value: f64) -> Result<Perbill, String> {
	let value = within_100(flag, value)?;
	Ok(Perbill::from_parts((value * 10_000_000.0).round() as u32))
}

fn within_100(flag: &str, value: f64) -> Result<f64, String> {
	if !(0.0..=100.0).contains(&value) {
		return Err(format!("{flag} must be a percentage between 0 and 100, not {value}"));
	}
	Ok(value)
}

/// An amount of EMBR flag in plancks.
fn embr_amount(flag: &str, value: f64) -> Result<Balance, String> {
	if !(value >= 0.0 && value.is_finite()) {
		return Err(format!("{flag} must be a non-negative amount of EMBR, not {value}"));
	}
	Ok((value * EMBR as f64).round() as Balance)
}

fn half_life_eras(years: f64) -> Result<u32, String> {
	let eras = years * f64::from(ERAS_PER_YEAR);
	if !(eras >= 0.0 && eras <= f64::from(u32::MAX)) {
		return Err(format!(
			"--half-life-years must be between 0 (no decay) and about 490,000, not {years}"
		));
	}
	Ok(eras.round() as u32)
}

fn run(args: &Args) -> Result<(), String> {
	if args.years == 0 {
		return Err("--years must be at least 1".into());
	}
	let economy = args.economy()?;
	// Fail on a missing font before spending time on the run.
	plot::register_sans_serif(&args.font)?;
	println!("## Parameters\n\n{}", args.describe());

	let outcomes = model::simulate(economy, args.years)?;
	println!(
		"## Year by year (amounts in EMBR)\n\n{}",
		report::yearly_table(&report::years(&outcomes))
	);

	if let Some(path) = &args.csv {
		fs::write(path, report::eras_csv(&outcomes))
			.map_err(|error| format!("cannot write {}: {error}", path.display()))?;
		eprintln!("wrote {}", path.display());
	}
	let title = format!("Ember economics: {}-year simulation", args.years);
	plot::draw(&report::days(&outcomes), f64::from(args.years), &args.out, &title)?;
	eprintln!("wrote {}", args.out.display());
	Ok(())
}

fn main() -> ExitCode {
	match run(&Args::parse()) {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("ember-economics: {error}");
			ExitCode::FAILURE
		},
	}
}
