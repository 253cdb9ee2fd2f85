//! What happens at the end of a bid window.

use super::*;

#[test]
fn the_lowest_price_wins() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, true);
		bid(AGENT_A, order, 500_000, &[1]);
		bid(AGENT_B, order, 400_000, &[0x11]);
		run_to_block(10);
		assert!(Orders::<Test>::contains_key(order));

		run_to_block(11);
		// One GPU for 100 blocks at 400_000 per hour is 66_666.67: 66_667 held.
		let escrow = 66_667;
		System::assert_has_event(
			Event::LeaseStarted {
				lease: 0,
				tenant: TENANT,
				provider: PROVIDER_B,
				origin: LeaseOrigin::Order(order),
				gpus: 1,
				price_per_gpu_hour: 400_000,
				end: 111,
				escrow,
			}
			.into(),
		);
		assert_eq!(lease(0).start, 11);
		assert_eq!(escrow_held(TENANT), escrow);
		assert_eq!(free(TENANT), INITIAL_BALANCE - escrow - STORAGE_DEPOSIT);
		assert!(commitments(PROVIDER_A).is_empty());
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		assert_eq!(commitments(PROVIDER_B), vec![(0x11, Commitment::Lease(0))]);
		assert!(!Orders::<Test>::contains_key(order));
	});
}

#[test]
fn on_equal_prices_more_stake_wins() {
	new_test_ext().execute_with(|| {
		MockStake::set_backing(PROVIDER_A, 500);
		MockStake::set_backing(PROVIDER_B, 1_000);
		let order = order(1, 100, PRICE, 10, true);
		// A bids first, but B has more stake behind it.
		bid(AGENT_A, order, 400_000, &[1]);
		run_to_block(2);
		bid(AGENT_B, order, 400_000, &[0x11]);
		run_to_block(11);
		assert_eq!(lease(0).provider, PROVIDER_B);
	});
}

#[test]
fn on_equal_price_and_stake_the_earlier_bid_wins() {
	for (first, second) in [(AGENT_A, AGENT_B), (AGENT_B, AGENT_A)] {
		new_test_ext().execute_with(|| {
			let gpu_of = |agent| if agent == AGENT_A { 1 } else { 0x11 };
			let order = order(1, 100, PRICE, 10, true);
			bid(first, order, 400_000, &[gpu_of(first)]);
			run_to_block(2);
			bid(second, order, 400_000, &[gpu_of(second)]);
			run_to_block(11);
			let winner = if first == AGENT_A { PROVIDER_A } else { PROVIDER_B };
			assert_eq!(lease(0).provider, winner);
		});
	}
}

#[test]
fn a_best_bidder_that_no_longer_takes_work_is_skipped() {
	new_test_ext().execute_with(|| {
		register_extra_providers();
		let order = order(1, 100, PRICE, 10, true);
		bid(AGENT_A, order, 500_000, &[1]);
		bid(AGENT_B, order, 300_000, &[0x11]);
		bid(AGENT_D, order, 400_000, &[0x41]);
		MockRegistry::set_status(PROVIDER_B, ProviderStatus::Offline);
		MockRegistry::update(PROVIDER_D, |provider| provider.paused = true);
		run_to_block(11);
		assert_eq!(lease(0).provider, PROVIDER_A);
		assert_eq!(lease(0).price_per_gpu_hour, 500_000);
		// The skipped bids are dropped.
		assert!(!Books::<Test>::contains_key(PROVIDER_B));
		assert!(!Books::<Test>::contains_key(PROVIDER_D));
	});
}

#[test]
fn with_no_bids_the_order_expires() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, true);
		run_to_block(11);
		System::assert_last_event(Event::OrderExpired { order, tenant: TENANT }.into());
		assert!(!Orders::<Test>::contains_key(order));
		assert!(!OrdersOfTenant::<Test>::contains_key(TENANT));
		assert_eq!(free(TENANT), INITIAL_BALANCE);
		assert_eq!(escrow_held(TENANT), 0);
		assert_eq!(deposit_held(TENANT), 0);
		assert!(!Due::<Test>::contains_key(11));
	});
}

#[test]
fn without_auto_award_the_order_expires_and_the_bids_are_dropped() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, 500_000, &[1]);
		bid(AGENT_B, order, 400_000, &[0x11]);
		run_to_block(11);
		System::assert_last_event(Event::OrderExpired { order, tenant: TENANT }.into());
		assert_eq!(NextLeaseId::<Test>::get(), 0);
		assert_eq!(free(TENANT), INITIAL_BALANCE);
		assert_eq!(Bids::<Test>::iter_prefix(order).count(), 0);
		assert!(commitments(PROVIDER_A).is_empty());
		assert!(commitments(PROVIDER_B).is_empty());
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		assert!(!Books::<Test>::contains_key(PROVIDER_B));
	});
}

#[test]
fn an_award_that_fails_leaves_nothing_behind_and_the_order_expires() {
	new_test_ext().execute_with(|| {
		// The tenant already runs as many leases as it may.
		for id in [0x11, 0x12, 0x13, 0x14] {
			lease_with(TENANT, AGENT_B, PROVIDER_B, &[id], 1_000);
		}
		let order = order(1, 100, PRICE, 10, true);
		bid(AGENT_A, order, PRICE, &[1]);
		run_to_block(11);
		System::assert_has_event(Event::OrderExpired { order, tenant: TENANT }.into());
		assert_eq!(NextLeaseId::<Test>::get(), 4);
		assert!(commitments(PROVIDER_A).is_empty());
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		// Only the four leases' escrow stays held.
		assert_eq!(escrow_held(TENANT), 4 * 1_000 * PER_GPU_BLOCK);
		assert_eq!(deposit_held(TENANT), 4 * STORAGE_DEPOSIT);
	});
}
