//! Proofs of compute gate the market at every step: a GPU is bid or listed only with a recent
//! proof, and its lease starts only if it still holds one then (a proof may lapse, or be lost
//! to a failed challenge, while the GPU waits in a bid or an offer).

use super::*;

#[test]
fn only_gpus_with_a_recent_proof_of_compute_are_bid_or_listed() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		MockProofs::set_proven(PROVIDER_A, H256::repeat_byte(2), false);
		assert_noop!(place(AGENT_A, order, PRICE, &[1, 2]), Error::<Test>::GpuNotProven);
		assert_noop!(
			Leases::list_offer(signed(AGENT_A), hashes(&[2]), PRICE, 100),
			Error::<Test>::GpuNotProven
		);
		MockProofs::set_proven(PROVIDER_A, H256::repeat_byte(2), true);
		bid(AGENT_A, order, PRICE, &[1, 2]);
	});
}

#[test]
fn a_bid_whose_gpu_lost_its_proof_cannot_be_accepted() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1, 2]);
		MockProofs::set_proven(PROVIDER_A, H256::repeat_byte(2), false);

		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
			Error::<Test>::GpuNotProven
		);
		assert!(LeasesOfTenant::<Test>::get(TENANT).is_empty());

		// Proven again, the same bid is accepted.
		MockProofs::set_proven(PROVIDER_A, H256::repeat_byte(2), true);
		let lease_id = accept(TENANT, order, PROVIDER_A);
		assert_eq!(lease(lease_id).gpus, hashes(&[1, 2]));
	});
}

#[test]
fn renting_takes_the_first_listed_gpus_that_are_proven_and_out_of_a_challenge() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
		// GPU 1 lost its proof since it was listed; GPU 2 is in a challenge's first blocks.
		MockProofs::set_proven(PROVIDER_A, H256::repeat_byte(1), false);
		MockProofs::set_challenged(PROVIDER_A, H256::repeat_byte(2), true);
		let free_before = free(TENANT);

		assert_noop!(try_rent(TENANT, offer, 2, 100, PRICE), Error::<Test>::GpuNotProven);
		assert_eq!(free(TENANT), free_before);
		let lease_id = rent(TENANT, offer, 1, 100);
		assert_eq!(lease(lease_id).gpus, hashes(&[3]));
		assert_eq!(Offers::<Test>::get(offer).map(|offer| offer.available), Some(hashes(&[1, 2])));

		MockProofs::set_proven(PROVIDER_A, H256::repeat_byte(1), true);
		let lease_id = rent(TENANT, offer, 1, 100);
		assert_eq!(lease(lease_id).gpus, hashes(&[1]));
	});
}

#[test]
fn a_bid_whose_gpu_is_in_a_challenges_first_blocks_waits_for_the_commitment() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		// A tenant renting the GPU now would void its challenge (and cost it its proof).
		MockProofs::set_challenged(PROVIDER_A, H256::repeat_byte(1), true);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
			Error::<Test>::GpuChallenged
		);
		// Committed a few blocks later, the GPU may be leased.
		MockProofs::set_challenged(PROVIDER_A, H256::repeat_byte(1), false);
		let lease_id = accept(TENANT, order, PROVIDER_A);
		assert_eq!(lease(lease_id).gpus, hashes(&[1]));
	});
}

#[test]
fn the_auto_award_passes_over_a_bid_whose_gpu_lost_its_proof() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, true);
		bid(AGENT_A, order, 400_000, &[1]);
		bid(AGENT_B, order, 500_000, &[0x11]);
		// The cheaper bid's GPU failed a challenge while the window was open.
		MockProofs::set_proven(PROVIDER_A, H256::repeat_byte(1), false);
		run_to_block(11);

		assert_eq!(lease(0).provider, PROVIDER_B);
		assert_eq!(lease(0).price_per_gpu_hour, 500_000);
		assert!(commitments(PROVIDER_A).is_empty());
		assert_eq!(commitments(PROVIDER_B), vec![(0x11, Commitment::Lease(0))]);
	});
}
