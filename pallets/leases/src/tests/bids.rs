//! `place_bid` and `withdraw_bid`.

use super::*;

#[test]
fn commits_the_gpus() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		run_to_block(3);
		bid(AGENT_A, order, 500_000, &[1, 2]);

		assert_eq!(
			Bids::<Test>::get(order, PROVIDER_A),
			Some(Bid { price_per_gpu_hour: 500_000, gpus: hashes(&[1, 2]), placed_at: 3 })
		);
		assert_eq!(Orders::<Test>::get(order).expect("order is open").bids, 1);
		assert_eq!(book(PROVIDER_A), book_of(1, 0, &[], 2));
		assert_eq!(
			commitments(PROVIDER_A),
			vec![(1, Commitment::Bid(order)), (2, Commitment::Bid(order))]
		);
		System::assert_last_event(
			Event::BidPlaced { order, provider: PROVIDER_A, price_per_gpu_hour: 500_000 }.into(),
		);
		// Bids hold nothing of the provider's money.
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE);
		check_invariants();
	});
}

#[test]
fn only_agents_may_bid() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		assert_noop!(place(STRANGER, order, PRICE, &[1]), Error::<Test>::NotAgent);
		// The owner key is not the agent key.
		assert_noop!(place(PROVIDER_A, order, PRICE, &[1]), Error::<Test>::NotAgent);
	});
}

#[test]
fn the_provider_must_take_work() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		for status in [ProviderStatus::Offline, ProviderStatus::Jailed, ProviderStatus::Leaving] {
			MockRegistry::set_status(PROVIDER_A, status);
			assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::ProviderUnavailable);
		}
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
		MockRegistry::update(PROVIDER_A, |provider| provider.paused = true);
		assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::ProviderUnavailable);
		MockRegistry::update(PROVIDER_A, |provider| provider.paused = false);
		bid(AGENT_A, order, PRICE, &[1]);
	});
}

#[test]
fn rejects_an_unknown_order() {
	new_test_ext().execute_with(|| {
		assert_noop!(place(AGENT_A, 3, PRICE, &[1]), Error::<Test>::UnknownOrder);
	});
}

#[test]
fn is_open_until_the_last_block_before_the_window_end() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		run_to_block(10);
		bid(AGENT_A, order, PRICE, &[1]);
		// At block 11 the hook expires the order before any bid can arrive.
		run_to_block(11);
		assert_noop!(place(AGENT_B, order, PRICE, &[0x11]), Error::<Test>::UnknownOrder);
	});
}

#[test]
fn closes_at_the_window_end_even_when_the_deadline_spilled() {
	new_test_ext().execute_with(|| {
		let order = spilled_order(true);
		bid(AGENT_B, order, PRICE, &[0x11]);
		run_to_block(11);
		assert!(Orders::<Test>::contains_key(order));
		assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::BiddingClosed);
		// One block late, the order is awarded.
		run_to_block(12);
		assert_eq!(lease(0).provider, PROVIDER_B);
		assert_eq!(lease(0).start, 12);
	});
}

#[test]
fn a_provider_cannot_bid_on_its_own_order() {
	new_test_ext().execute_with(|| {
		// TENANT_2 runs a provider too.
		MockRegistry::register(TENANT_2, AGENT_D, rtx4090s(0x41));
		let order = order_with(TENANT_2, any_gpus(1), 100, PRICE, None, 10, false);
		assert_noop!(place(AGENT_D, order, PRICE, &[0x41]), Error::<Test>::OwnBusiness);

		// An agent key that orders cannot bid on its own order either.
		fund(AGENT_A);
		let order = order_with(AGENT_A, any_gpus(1), 100, PRICE, None, 10, false);
		assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::OwnBusiness);
		bid(AGENT_B, order, PRICE, &[0x11]);
	});
}

#[test]
fn the_price_must_be_positive_and_at_most_the_maximum() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		assert_noop!(place(AGENT_A, order, 0, &[1]), Error::<Test>::ZeroPrice);
		assert_noop!(place(AGENT_A, order, PRICE + 1, &[1]), Error::<Test>::PriceAboveMax);
		bid(AGENT_A, order, PRICE, &[1]);
	});
}

#[test]
fn the_provider_must_be_in_the_region() {
	new_test_ext().execute_with(|| {
		let order = order_with(TENANT, any_gpus(1), 100, PRICE, Some(b"us-east"), 10, false);
		assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::WrongRegion);
		MockRegistry::update(PROVIDER_A, |provider| provider.region = b"us-east".to_vec());
		bid(AGENT_A, order, PRICE, &[1]);

		// B is in eu-west.
		let order = order_with(TENANT, any_gpus(1), 100, PRICE, Some(b"eu-west"), 10, false);
		bid(AGENT_B, order, PRICE, &[0x11]);
	});
}

#[test]
fn one_bid_per_provider() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		assert_noop!(place(AGENT_A, order, PRICE - 1, &[2]), Error::<Test>::AlreadyBid);
	});
}

#[test]
fn limits_the_bids_on_an_order() {
	new_test_ext().execute_with(|| {
		register_extra_providers();
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		bid(AGENT_B, order, PRICE, &[0x11]);
		bid(AGENT_D, order, PRICE, &[0x41]);
		bid(AGENT_E, order, PRICE, &[0x51]);
		assert_noop!(place(AGENT_F, order, PRICE, &[0x61]), Error::<Test>::TooManyBids);
		// A withdrawn bid makes room.
		assert_ok!(Leases::withdraw_bid(signed(AGENT_A), order));
		bid(AGENT_F, order, PRICE, &[0x61]);
		check_invariants();
	});
}

#[test]
fn must_name_as_many_gpus_as_ordered() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::WrongGpuCount);
		assert_noop!(place(AGENT_A, order, PRICE, &[1, 2, 3]), Error::<Test>::WrongGpuCount);
	});
}

#[test]
fn rejects_a_gpu_named_twice() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		assert_noop!(place(AGENT_A, order, PRICE, &[1, 1]), Error::<Test>::DuplicateGpu);
	});
}

#[test]
fn rejects_a_gpu_of_another_provider() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		assert_noop!(place(AGENT_A, order, PRICE, &[1, 0x11]), Error::<Test>::UnknownGpu);
	});
}

#[test]
fn the_gpus_must_meet_the_requirement() {
	new_test_ext().execute_with(|| {
		let by_model = order_with(TENANT, of_model(H100, 1), 100, PRICE, None, 10, false);
		let by_memory = order_with(
			TENANT,
			GpuRequirement { min_vram_mib: RTX_4090_VRAM + 1, ..any_gpus(1) },
			100,
			PRICE,
			None,
			10,
			false,
		);
		let by_capability = order_with(
			TENANT,
			GpuRequirement { min_compute_capability: ComputeCapability::new(9, 0), ..any_gpus(1) },
			100,
			PRICE,
			None,
			10,
			false,
		);
		for order in [by_model, by_memory, by_capability] {
			assert_noop!(place(AGENT_A, order, PRICE, &[1]), Error::<Test>::GpuMismatch);
		}
		// C's H100s meet all three.
		bid(AGENT_C, by_model, PRICE, &[0x21]);
		bid(AGENT_C, by_memory, PRICE, &[0x22]);
		// An RTX 4090 meets its own model and exactly its memory.
		let rtx = order_with(
			TENANT_2,
			GpuRequirement { min_vram_mib: RTX_4090_VRAM, ..of_model(RTX_4090, 1) },
			100,
			PRICE,
			None,
			10,
			false,
		);
		bid(AGENT_A, rtx, PRICE, &[1]);
	});
}

#[test]
fn a_gpu_backs_one_commitment_at_a_time() {
	new_test_ext().execute_with(|| {
		let first = order(2, 100, PRICE, 10, false);
		let second = order(2, 100, PRICE, 10, false);
		bid(AGENT_A, first, PRICE, &[1, 2]);
		assert_noop!(place(AGENT_A, second, PRICE, &[2, 3]), Error::<Test>::GpuCommitted);
		// Listed GPUs are committed too.
		list(AGENT_A, &[3], PRICE, 100);
		assert_noop!(place(AGENT_A, second, PRICE, &[3, 4]), Error::<Test>::GpuCommitted);
		bid(AGENT_B, second, PRICE, &[0x11, 0x12]);
	});
}

#[test]
fn withdrawing_frees_the_gpus() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1, 2]);
		bid(AGENT_B, order, PRICE, &[0x11, 0x12]);

		assert_ok!(Leases::withdraw_bid(signed(AGENT_A), order));
		System::assert_last_event(Event::BidWithdrawn { order, provider: PROVIDER_A }.into());
		assert!(!Bids::<Test>::contains_key(order, PROVIDER_A));
		assert_eq!(Orders::<Test>::get(order).expect("order is open").bids, 1);
		assert!(commitments(PROVIDER_A).is_empty());
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		// The tenant's hold is untouched.
		assert_eq!(escrow_held(TENANT), 2 * 100 * PER_GPU_BLOCK);
		check_invariants();

		// The provider may bid again.
		bid(AGENT_A, order, PRICE - 1, &[1, 2]);
	});
}

#[test]
fn withdrawing_needs_an_agent_and_a_bid() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		assert_noop!(Leases::withdraw_bid(signed(STRANGER), order), Error::<Test>::NotAgent);
		assert_noop!(Leases::withdraw_bid(signed(AGENT_B), order), Error::<Test>::UnknownBid);
		assert_noop!(Leases::withdraw_bid(signed(AGENT_A), 5), Error::<Test>::UnknownBid);
	});
}
