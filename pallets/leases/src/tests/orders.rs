//! `create_order`.

use super::*;

#[test]
fn holds_the_worst_case_cost_and_a_deposit() {
	new_test_ext().execute_with(|| {
		let issuance_before = issuance();
		assert_ok!(Leases::create_order(
			signed(TENANT),
			of_model(RTX_4090, 2),
			100,
			PRICE,
			manifest(),
			Some(region(b"eu-west")),
			10,
			true,
		));

		// Two GPUs for 100 blocks at the maximum price.
		let escrow = 2 * 100 * PER_GPU_BLOCK;
		assert_eq!(escrow_held(TENANT), escrow);
		assert_eq!(deposit_held(TENANT), STORAGE_DEPOSIT);
		assert_eq!(free(TENANT), INITIAL_BALANCE - escrow - STORAGE_DEPOSIT);
		assert_eq!(issuance(), issuance_before);
		assert_eq!(
			Orders::<Test>::get(0),
			Some(Order {
				tenant: TENANT,
				requirement: of_model(RTX_4090, 2),
				duration: 100,
				max_price_per_gpu_hour: PRICE,
				manifest_hash: manifest(),
				region: Some(region(b"eu-west")),
				auto_award: true,
				created_at: 1,
				bid_window_end: 11,
				window_check: 11,
				escrow,
				deposit: STORAGE_DEPOSIT,
				bids: 0,
			})
		);
		assert_eq!(OrdersOfTenant::<Test>::get(TENANT).into_inner(), vec![0]);
		assert_eq!(NextOrderId::<Test>::get(), 1);
		assert_eq!(Due::<Test>::get(11).into_inner(), vec![DueItem::BidWindowEnd(0)]);
		System::assert_last_event(
			Event::OrderCreated {
				order: 0,
				tenant: TENANT,
				gpus: 2,
				duration: 100,
				max_price_per_gpu_hour: PRICE,
				bid_window_end: 11,
				escrow,
			}
			.into(),
		);
		check_invariants();
	});
}

#[test]
fn rounds_the_escrow_up() {
	new_test_ext().execute_with(|| {
		// 1_000 per GPU-hour for one block is 1.67: 2 are held.
		order(1, 1, 1_000, MIN_BID_WINDOW, false);
		assert_eq!(escrow_held(TENANT), 2);
		// Three GPUs for 7 blocks are 35: held exactly.
		order(3, 7, 1_000, MIN_BID_WINDOW, false);
		assert_eq!(escrow_held(TENANT), 2 + 35);
		assert_eq!(Orders::<Test>::get(1).expect("order is open").escrow, 35);
		check_invariants();
	});
}

#[test]
fn accepts_the_limits() {
	new_test_ext().execute_with(|| {
		assert_ok!(create(TENANT, any_gpus(8), 100, PRICE, MIN_BID_WINDOW));
		assert_ok!(create(TENANT, any_gpus(1), MAX_LEASE_DURATION, PRICE, MAX_BID_WINDOW));
		assert_eq!(
			Orders::<Test>::get(1).expect("order is open").bid_window_end,
			1 + MAX_BID_WINDOW
		);
		check_invariants();
	});
}

#[test]
fn rejects_zero_or_too_many_gpus() {
	new_test_ext().execute_with(|| {
		assert_noop!(create(TENANT, any_gpus(0), 100, PRICE, 10), Error::<Test>::ZeroGpus);
		assert_noop!(create(TENANT, any_gpus(9), 100, PRICE, 10), Error::<Test>::TooManyGpus);
	});
}

#[test]
fn rejects_a_zero_or_too_long_duration() {
	new_test_ext().execute_with(|| {
		assert_noop!(create(TENANT, any_gpus(1), 0, PRICE, 10), Error::<Test>::ZeroDuration);
		assert_noop!(
			create(TENANT, any_gpus(1), MAX_LEASE_DURATION + 1, PRICE, 10),
			Error::<Test>::DurationTooLong
		);
	});
}

#[test]
fn rejects_a_zero_price() {
	new_test_ext().execute_with(|| {
		assert_noop!(create(TENANT, any_gpus(1), 100, 0, 10), Error::<Test>::ZeroPrice);
	});
}

#[test]
fn rejects_a_cost_that_overflows() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			create(TENANT, any_gpus(2), 1, Balance::MAX / 2 + 1, 10),
			Error::<Test>::PriceOverflow
		);
	});
}

#[test]
fn rejects_a_bid_window_out_of_bounds() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			create(TENANT, any_gpus(1), 100, PRICE, MIN_BID_WINDOW - 1),
			Error::<Test>::BadBidWindow
		);
		assert_noop!(
			create(TENANT, any_gpus(1), 100, PRICE, MAX_BID_WINDOW + 1),
			Error::<Test>::BadBidWindow
		);
	});
}

#[test]
fn limits_the_open_orders_of_a_tenant() {
	new_test_ext().execute_with(|| {
		for _ in 0..4 {
			order(1, 100, PRICE, 10, false);
		}
		assert_noop!(create(TENANT, any_gpus(1), 100, PRICE, 10), Error::<Test>::TooManyOrders);
		// Another tenant is not affected, and a cancelled order frees a slot.
		assert_ok!(create(TENANT_2, any_gpus(1), 100, PRICE, 10));
		assert_ok!(Leases::cancel_order(signed(TENANT), 0));
		assert_ok!(create(TENANT, any_gpus(1), 100, PRICE, 10));
		check_invariants();
	});
}

#[test]
fn rejects_what_the_free_balance_does_not_cover() {
	new_test_ext().execute_with(|| {
		// The escrow alone is the whole balance.
		assert_noop!(
			create(POOR, any_gpus(1), 1, POOR_BALANCE * BLOCKS_PER_HOUR as Balance, 10),
			Error::<Test>::InsufficientBalance
		);
		// The escrow (995 at one planck a block) fits, the deposit then does not: nothing
		// stays held.
		assert_noop!(
			create(POOR, any_gpus(1), 995, BLOCKS_PER_HOUR.into(), 10),
			Error::<Test>::InsufficientBalance
		);
		// 980 + the deposit fits.
		assert_ok!(create(POOR, any_gpus(1), 980, BLOCKS_PER_HOUR.into(), 10));
		assert_eq!(escrow_held(POOR), 980);
		assert_eq!(deposit_held(POOR), STORAGE_DEPOSIT);
		assert_eq!(free(POOR), POOR_BALANCE - 980 - STORAGE_DEPOSIT);
		check_invariants();
	});
}

#[test]
fn a_full_queue_spills_the_window_end_to_a_later_block() {
	new_test_ext().execute_with(|| {
		let last = 11 + BlockNumber::from(DUE_SPILL_BLOCKS);
		for block in 11..last {
			Due::<Test>::insert(block, stale_bucket(block));
		}
		let order = order(1, 100, PRICE, 10, false);
		assert_eq!(Due::<Test>::get(last).into_inner(), vec![DueItem::BidWindowEnd(order)]);
		check_invariants();

		// The hook skips the stale entries and expires the order at the block it landed in.
		run_to_block(last - 1);
		assert!(Orders::<Test>::contains_key(order));
		run_to_block(last);
		assert!(!Orders::<Test>::contains_key(order));
		System::assert_has_event(Event::OrderExpired { order, tenant: TENANT }.into());
		assert_eq!(free(TENANT), INITIAL_BALANCE);
	});
}

#[test]
fn fails_when_every_queue_near_the_window_end_is_full() {
	new_test_ext().execute_with(|| {
		// A 10-block window made at block 1 ends at 11; it may spill up to 16 blocks later.
		for block in 11..=11 + BlockNumber::from(DUE_SPILL_BLOCKS) {
			Due::<Test>::insert(block, stale_bucket(block));
		}
		assert_noop!(create(TENANT, any_gpus(1), 100, PRICE, 10), Error::<Test>::DueQueueFull);
	});
}
