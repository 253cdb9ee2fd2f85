//! `accept_bid`.

use super::*;

#[test]
fn starts_a_lease_at_the_bid_price() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		bid(AGENT_A, order, 300_000, &[1, 2]);
		bid(AGENT_B, order, 360_000, &[0x11, 0x12]);
		run_to_block(3);

		let lease_id = accept(TENANT, order, PROVIDER_A);
		// Two GPUs for 100 blocks at 500 a GPU-block; the rest of the order's hold is free.
		let escrow = 2 * 100 * 500;
		assert_eq!(escrow_held(TENANT), escrow);
		assert_eq!(deposit_held(TENANT), STORAGE_DEPOSIT);
		assert_eq!(free(TENANT), INITIAL_BALANCE - escrow - STORAGE_DEPOSIT);
		assert_eq!(
			lease(lease_id),
			Lease {
				tenant: TENANT,
				provider: PROVIDER_A,
				origin: LeaseOrigin::Order(order),
				gpus: hashes(&[1, 2]),
				price_per_gpu_hour: 300_000,
				manifest_hash: manifest(),
				start: 3,
				end: 103,
				escrow,
				deposit: STORAGE_DEPOSIT,
				settled_until: 3,
				paid_blocks: 0,
				downtime_blocks: 0,
				paid: 0,
				fees: 0,
				status: LeaseStatus::Active,
				next_check: Some(103),
			}
		);
		System::assert_last_event(
			Event::LeaseStarted {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				origin: LeaseOrigin::Order(order),
				gpus: 2,
				price_per_gpu_hour: 300_000,
				end: 103,
				escrow,
			}
			.into(),
		);

		// The order and every bid are gone; only the winner's GPUs stay committed.
		assert!(!Orders::<Test>::contains_key(order));
		assert!(!OrdersOfTenant::<Test>::contains_key(TENANT));
		assert_eq!(Bids::<Test>::iter_prefix(order).count(), 0);
		assert_eq!(
			commitments(PROVIDER_A),
			vec![(1, Commitment::Lease(lease_id)), (2, Commitment::Lease(lease_id))]
		);
		assert!(commitments(PROVIDER_B).is_empty());
		assert_eq!(book(PROVIDER_A), book_of(0, 0, &[lease_id], 2));
		assert!(!Books::<Test>::contains_key(PROVIDER_B));
		assert_eq!(LeasesOfTenant::<Test>::get(TENANT).into_inner(), vec![lease_id]);
		assert!(Due::<Test>::get(103).contains(&DueItem::LeaseCheck(lease_id)));
		assert_eq!(
			RecentPrices::<Test>::get(0),
			Some(PricePoint {
				model: model(RTX_4090),
				vram_mib: RTX_4090_VRAM,
				compute_capability: ComputeCapability::new(8, 9),
				price_per_gpu_hour: 300_000,
				at: 3,
			})
		);
		check_invariants();

		// The order's old window end passes without effect.
		run_to_block(11);
		assert!(is_running(lease_id));
		assert!(!market_events().iter().any(|event| matches!(event, Event::OrderExpired { .. })));
	});
}

#[test]
fn rejects_an_unknown_or_awarded_order() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Leases::accept_bid(signed(TENANT), 0, PROVIDER_A),
			Error::<Test>::UnknownOrder
		);
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		bid(AGENT_B, order, PRICE, &[0x11]);
		accept(TENANT, order, PROVIDER_A);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_B),
			Error::<Test>::UnknownOrder
		);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
			Error::<Test>::UnknownOrder
		);
	});
}

#[test]
fn only_the_tenant_may_accept() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		assert_noop!(
			Leases::accept_bid(signed(TENANT_2), order, PROVIDER_A),
			Error::<Test>::NotOrderTenant
		);
		assert_noop!(
			Leases::accept_bid(signed(PROVIDER_A), order, PROVIDER_A),
			Error::<Test>::NotOrderTenant
		);
	});
}

#[test]
fn not_after_the_window_end() {
	new_test_ext().execute_with(|| {
		let order = spilled_order(false);
		bid(AGENT_A, order, PRICE, &[1]);
		run_to_block(11);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
			Error::<Test>::BiddingClosed
		);
	});
}

#[test]
fn needs_a_bid_of_that_provider() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_B),
			Error::<Test>::UnknownBid
		);
	});
}

#[test]
fn the_provider_must_still_take_work() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		bid(AGENT_B, order, PRICE, &[0x11]);
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Offline);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
			Error::<Test>::ProviderUnavailable
		);
		MockRegistry::update(PROVIDER_B, |provider| provider.paused = true);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_B),
			Error::<Test>::ProviderUnavailable
		);
	});
}

#[test]
fn limits_the_leases_of_a_tenant() {
	new_test_ext().execute_with(|| {
		lease_on_a(&[1], 100);
		lease_on_a(&[2], 100);
		lease_with(TENANT, AGENT_B, PROVIDER_B, &[0x11], 100);
		lease_with(TENANT, AGENT_B, PROVIDER_B, &[0x12], 100);
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[3]);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
			Error::<Test>::TooManyLeases
		);
		// Once one closes, the bid can be accepted.
		close(TENANT, 0);
		accept(TENANT, order, PROVIDER_A);
		check_invariants();
	});
}

#[test]
fn limits_the_leases_of_a_provider() {
	new_test_ext().execute_with(|| {
		MockRegistry::update(PROVIDER_A, |provider| {
			provider.gpus.push(gpu(RTX_4090, RTX_4090_VRAM, 8, 9, 0x05))
		});
		lease_on_a(&[1], 100);
		lease_on_a(&[2], 100);
		lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[3], 100);
		lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[4], 100);
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[5]);
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
			Error::<Test>::ProviderLeaseLimit
		);
	});
}

#[test]
fn fails_when_no_queue_has_room_for_the_lease_check() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		// The lease would end at block 101.
		for block in 101..=101 + BlockNumber::from(DUE_SPILL_BLOCKS) {
			Due::<Test>::insert(block, stale_bucket(block));
		}
		assert_noop!(
			Leases::accept_bid(signed(TENANT), order, PROVIDER_A),
			Error::<Test>::DueQueueFull
		);
	});
}
