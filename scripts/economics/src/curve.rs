//! Logistic growth: slow at first, fastest at its midpoint, levelling off at its ceiling.

/// `value(t) = end / (1 + (end / start − 1) × e^(−k t))`: starts at `start` in year 0, reaches
/// `end / 2` at `midpoint_years` (where it grows fastest) and tends to `end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Logistic {
	start: f64,
	end: f64,
	growth_per_year: f64,
}

impl Logistic {
	/// The curve through `start` at year 0 with its midpoint at `midpoint_years`. `what` names
	/// the curve in errors.
	pub fn new(what: &str, start: f64, end: f64, midpoint_years: f64) -> Result<Self, String> {
		if !(start > 0.0 && start.is_finite() && end.is_finite()) {
			return Err(format!("{what}: the start must be positive and the end finite"));
		}
		// The midpoint is the year the curve crosses end / 2, so that must lie above the start.
		if end <= 2.0 * start {
			return Err(format!(
				"{what}: a logistic curve from {start} to {end} needs its end above twice its \
				 start, so that its midpoint (end / 2) comes after year 0"
			));
		}
		if !(midpoint_years > 0.0 && midpoint_years.is_finite()) {
			return Err(format!("{what}: the midpoint must be a positive number of years"));
		}
		let growth_per_year = (end / start - 1.0).ln() / midpoint_years;
		Ok(Self { start, end, growth_per_year })
	}

	/// The curve's value `years` after the start.
	pub fn at(&self, years: f64) -> f64 {
		self.end / (1.0 + (self.end / self.start - 1.0) * (-self.growth_per_year * years).exp())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn close(a: f64, b: f64) -> bool {
		(a - b).abs() <= 1e-9 * b.abs().max(1.0)
	}

	#[test]
	fn starts_at_the_start_crosses_half_the_end_at_the_midpoint_and_levels_off() {
		let gpus = Logistic::new("gpus", 1_000.0, 100_000.0, 2.0).expect("valid curve");
		assert!(close(gpus.at(0.0), 1_000.0));
		assert!(close(gpus.at(2.0), 50_000.0));
		assert!(gpus.at(8.0) < 100_000.0 && gpus.at(8.0) > 99_999.0);
		assert!(gpus.at(1.0) < gpus.at(1.5));
	}

	#[test]
	fn rejects_curves_whose_midpoint_would_come_before_year_0() {
		assert!(Logistic::new("leased", 0.5, 0.7, 3.0).is_err());
		assert!(Logistic::new("leased", 0.0, 0.7, 3.0).is_err());
		assert!(Logistic::new("leased", 0.05, 0.7, 0.0).is_err());
	}
}
