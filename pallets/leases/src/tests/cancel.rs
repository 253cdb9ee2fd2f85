//! `cancel_order`.

use super::*;

#[test]
fn releases_everything_and_drops_the_bids() {
	new_test_ext().execute_with(|| {
		let cancelled = order(2, 100, PRICE, 10, true);
		bid(AGENT_A, cancelled, 500_000, &[1, 2]);
		bid(AGENT_B, cancelled, 400_000, &[0x11, 0x12]);

		assert_ok!(Leases::cancel_order(signed(TENANT), cancelled));
		System::assert_last_event(
			Event::OrderCancelled { order: cancelled, tenant: TENANT }.into(),
		);
		assert_eq!(free(TENANT), INITIAL_BALANCE);
		assert_eq!(escrow_held(TENANT), 0);
		assert_eq!(deposit_held(TENANT), 0);
		assert!(!Orders::<Test>::contains_key(cancelled));
		assert!(!OrdersOfTenant::<Test>::contains_key(TENANT));
		assert_eq!(Bids::<Test>::iter_prefix(cancelled).count(), 0);
		assert!(commitments(PROVIDER_A).is_empty());
		assert!(commitments(PROVIDER_B).is_empty());
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		assert!(!Books::<Test>::contains_key(PROVIDER_B));
		check_invariants();

		// The GPUs can back another bid, and the old window end passes without effect.
		let next = order(2, 100, PRICE, 20, false);
		bid(AGENT_A, next, 500_000, &[1, 2]);
		run_to_block(11);
		assert!(!market_events()
			.iter()
			.any(|event| matches!(event, Event::OrderExpired { order: 0, .. })));
	});
}

#[test]
fn drops_the_window_entry_so_repeated_orders_never_fill_a_queue() {
	new_test_ext().execute_with(|| {
		// MaxDuePerBlock is 8 and 16 more blocks may take spills: 30 orders created and
		// cancelled with the same window would fill them all if entries stayed behind.
		for _ in 0..30 {
			let id = order(1, 100, PRICE, 10, false);
			assert_eq!(Due::<Test>::get(11).into_inner(), vec![DueItem::BidWindowEnd(id)]);
			assert_ok!(Leases::cancel_order(signed(TENANT), id));
			assert!(!Due::<Test>::contains_key(11));
		}
		// Accepting a bid drops the entry too.
		let id = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, id, PRICE, &[1]);
		assert_ok!(Leases::accept_bid(signed(TENANT), id, PROVIDER_A));
		assert!(!Due::<Test>::get(11).contains(&DueItem::BidWindowEnd(id)));
		check_invariants();
	});
}

#[test]
fn rejects_an_unknown_order() {
	new_test_ext().execute_with(|| {
		assert_noop!(Leases::cancel_order(signed(TENANT), 7), Error::<Test>::UnknownOrder);
	});
}

#[test]
fn only_the_tenant_may_cancel() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		assert_noop!(Leases::cancel_order(signed(TENANT_2), order), Error::<Test>::NotOrderTenant);
	});
}
