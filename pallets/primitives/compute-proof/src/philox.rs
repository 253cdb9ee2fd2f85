//! Philox4x32-10, the counter-based generator the task's matrices come from: any block of 16
//! entries is computable on its own, on a CPU or in a GPU thread, from its counter and the key.

/// Multiplier of the first counter word pair.
const M0: u32 = 0xD251_1F53;
/// Multiplier of the second counter word pair.
const M1: u32 = 0xCD9E_8D57;
/// Weyl increment of the first key word (the golden ratio).
const W0: u32 = 0x9E37_79B9;
/// Weyl increment of the second key word (√3 − 1).
const W1: u32 = 0xBB67_AE85;
/// Rounds: ten is the variant whose known answers the tests pin.
const ROUNDS: usize = 10;

/// The high and low words of the 64-bit product of `a` and `b`.
#[inline(always)]
// Truncating to the low word is the point.
#[allow(clippy::cast_possible_truncation)]
fn mul_hi_lo(a: u32, b: u32) -> (u32, u32) {
	let product = u64::from(a).wrapping_mul(u64::from(b));
	((product >> 32) as u32, product as u32)
}

/// Philox4x32 with ten rounds: the four output words of `counter` under `key`.
#[inline]
pub fn philox4x32_10(counter: [u32; 4], key: [u32; 2]) -> [u32; 4] {
	let [mut c0, mut c1, mut c2, mut c3] = counter;
	let [mut k0, mut k1] = key;
	for round in 0..ROUNDS {
		// The key is bumped between rounds, not before the first.
		if round > 0 {
			k0 = k0.wrapping_add(W0);
			k1 = k1.wrapping_add(W1);
		}
		let (hi0, lo0) = mul_hi_lo(M0, c0);
		let (hi1, lo1) = mul_hi_lo(M1, c2);
		(c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0);
	}
	[c0, c1, c2, c3]
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The generator's published known-answer vectors.
	#[test]
	fn matches_the_known_answers() {
		assert_eq!(
			philox4x32_10([0; 4], [0; 2]),
			[0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8]
		);
		assert_eq!(
			philox4x32_10([u32::MAX; 4], [u32::MAX; 2]),
			[0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]
		);
		assert_eq!(
			philox4x32_10(
				[0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344],
				[0xa409_3822, 0x299f_31d0]
			),
			[0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1]
		);
	}

	#[test]
	fn the_product_splits_into_its_words() {
		assert_eq!(mul_hi_lo(u32::MAX, u32::MAX), (0xFFFF_FFFE, 0x0000_0001));
		assert_eq!(mul_hi_lo(0x1_0000, 0x1_0000), (1, 0));
	}
}
