//! EMBR amounts and block times as people write them.

/// Plancks in one EMBR: the token has 12 decimals.
pub const PLANCKS_PER_EMBR: u128 = 1_000_000_000_000;

/// Blocks in an hour at Ember's 6-second slots.
pub const BLOCKS_PER_HOUR: u32 = 600;

/// Why an amount could not be read.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
pub enum AmountError {
	/// Empty text.
	#[error("an amount is required")]
	Empty,
	/// Not a decimal number.
	#[error("`{0}` is not a decimal number of EMBR (e.g. `2.5`)")]
	NotANumber(String),
	/// More than 12 decimals.
	#[error("`{0}` has more than 12 decimals: EMBR has 12")]
	TooPrecise(String),
	/// Beyond `u128`.
	#[error("`{0}` is too large")]
	TooLarge(String),
}

/// Reads `"2.5"` or `"2.5 EMBR"` as plancks.
pub fn parse_embr(text: &str) -> Result<u128, AmountError> {
	let trimmed = text.trim();
	let trimmed = trimmed.strip_suffix("EMBR").unwrap_or(trimmed).trim();
	if trimmed.is_empty() {
		return Err(AmountError::Empty);
	}
	let (whole, fraction) = trimmed.split_once('.').unwrap_or((trimmed, ""));
	let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
	if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
		return Err(AmountError::NotANumber(text.to_string()));
	}
	if fraction.len() > 12 {
		return Err(AmountError::TooPrecise(text.to_string()));
	}
	let too_large = || AmountError::TooLarge(text.to_string());
	let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_large())? };
	let fraction_plancks: u128 = if fraction.is_empty() {
		0
	} else {
		let padded = format!("{fraction:0<12}");
		padded.parse().map_err(|_| too_large())?
	};
	whole
		.checked_mul(PLANCKS_PER_EMBR)
		.and_then(|w| w.checked_add(fraction_plancks))
		.ok_or_else(too_large)
}

/// What `gpus` GPUs cost for `blocks` at `price_per_gpu_hour`, plancks, rounded up as the
/// chain rounds an escrow (saturating rather than overflowing).
pub fn cost_of(price_per_gpu_hour: u128, gpus: u32, blocks: u32) -> u128 {
	price_per_gpu_hour
		.saturating_mul(u128::from(gpus))
		.saturating_mul(u128::from(blocks))
		.div_ceil(u128::from(BLOCKS_PER_HOUR))
}

/// Writes plancks as EMBR with as many decimals as needed: `2.5 EMBR`, `0.000001 EMBR`.
pub fn format_embr(plancks: u128) -> String {
	format!("{} EMBR", format_embr_number(plancks))
}

/// Plancks as a bare decimal number of EMBR, for tables and JSON: `2.5`.
pub fn format_embr_number(plancks: u128) -> String {
	let whole = plancks / PLANCKS_PER_EMBR;
	let fraction = plancks % PLANCKS_PER_EMBR;
	if fraction == 0 {
		return whole.to_string();
	}
	let fraction = format!("{fraction:012}");
	format!("{whole}.{}", fraction.trim_end_matches('0'))
}

/// Reads a duration such as `90m`, `2h`, `1d`, `45s` or a bare block count `300` as blocks.
pub fn parse_duration_blocks(text: &str) -> Option<u32> {
	let text = text.trim();
	let (number, seconds_per_unit) = match text.char_indices().last()? {
		(i, 's') => (&text[..i], 1u64),
		(i, 'm') => (&text[..i], 60),
		(i, 'h') => (&text[..i], 3_600),
		(i, 'd') => (&text[..i], 86_400),
		_ => return text.parse().ok(),
	};
	let seconds = number.trim().parse::<u64>().ok()?.checked_mul(seconds_per_unit)?;
	u32::try_from(seconds.div_ceil(6)).ok()
}

/// Blocks as a rough human duration: `1h 30m`.
pub fn format_blocks(blocks: u32) -> String {
	let seconds = u64::from(blocks) * 6;
	let (hours, minutes, secs) = (seconds / 3_600, (seconds % 3_600) / 60, seconds % 60);
	match (hours, minutes, secs) {
		(0, 0, s) => format!("{s}s"),
		(0, m, 0) => format!("{m}m"),
		(0, m, s) => format!("{m}m {s}s"),
		(h, 0, _) => format!("{h}h"),
		(h, m, _) => format!("{h}h {m}m"),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn costs_round_up_as_escrows_do() {
		// 2 EMBR per GPU-hour, 1 GPU, 200 blocks (a third of an hour): 0.666… EMBR, rounded up.
		assert_eq!(cost_of(2 * PLANCKS_PER_EMBR, 1, 200), 666_666_666_667);
		assert_eq!(cost_of(3 * PLANCKS_PER_EMBR, 2, 600), 6 * PLANCKS_PER_EMBR);
		assert_eq!(cost_of(u128::MAX, 2, 2), u128::MAX.div_ceil(600), "saturates");
	}

	#[test]
	fn amounts_round_trip() {
		assert_eq!(parse_embr("2.5"), Ok(2_500_000_000_000));
		assert_eq!(parse_embr("2.5 EMBR"), Ok(2_500_000_000_000));
		assert_eq!(parse_embr("0.000000000001"), Ok(1));
		assert_eq!(parse_embr(".5"), Ok(500_000_000_000));
		assert_eq!(parse_embr("1000"), Ok(1_000 * PLANCKS_PER_EMBR));
		assert_eq!(format_embr(2_500_000_000_000), "2.5 EMBR");
		assert_eq!(format_embr(1), "0.000000000001 EMBR");
		assert_eq!(format_embr(7 * PLANCKS_PER_EMBR), "7 EMBR");
		for plancks in [0u128, 1, 999, PLANCKS_PER_EMBR + 1, u128::MAX / 2] {
			assert_eq!(parse_embr(&format_embr(plancks)), Ok(plancks));
		}
	}

	#[test]
	fn bad_amounts_say_why() {
		assert_eq!(parse_embr(""), Err(AmountError::Empty));
		assert!(matches!(parse_embr("-1"), Err(AmountError::NotANumber(_))));
		assert!(matches!(parse_embr("1.2.3"), Err(AmountError::NotANumber(_))));
		assert!(matches!(parse_embr("0.0000000000001"), Err(AmountError::TooPrecise(_))));
		assert!(matches!(
			parse_embr("999999999999999999999999999999999999999"),
			Err(AmountError::TooLarge(_))
		));
	}

	#[test]
	fn durations_are_blocks() {
		assert_eq!(parse_duration_blocks("1h"), Some(600));
		assert_eq!(parse_duration_blocks("90m"), Some(900));
		assert_eq!(parse_duration_blocks("7s"), Some(2));
		assert_eq!(parse_duration_blocks("300"), Some(300));
		assert_eq!(parse_duration_blocks("x"), None);
		assert_eq!(format_blocks(900), "1h 30m");
		assert_eq!(format_blocks(5), "30s");
	}
}
