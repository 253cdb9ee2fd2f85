//! `top_up` and `extend`.

use super::*;

#[test]
fn top_up_settles_then_adds_escrow() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(51);
		assert_ok!(Leases::top_up(signed(TENANT), lease_id, 5_000));

		let paid = 50 * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseSettled {
				lease: lease_id,
				paid_blocks: 50,
				downtime_blocks: 0,
				to_provider: paid - paid / 50,
				fee: paid / 50,
			}
			.into(),
		);
		System::assert_last_event(
			Event::LeaseToppedUp { lease: lease_id, amount: 5_000, funded_until: 1_001 }.into(),
		);
		let escrow = 1_000 * PER_GPU_BLOCK - paid + 5_000;
		assert_eq!(lease(lease_id).escrow, escrow);
		assert_eq!(escrow_held(TENANT), escrow);
		assert_eq!(free(TENANT), INITIAL_BALANCE - 1_000 * PER_GPU_BLOCK - STORAGE_DEPOSIT - 5_000);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
		check_invariants();
	});
}

#[test]
fn top_up_rejects_bad_requests() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		assert_noop!(Leases::top_up(signed(TENANT), 5, 1), Error::<Test>::UnknownLease);
		assert_noop!(Leases::top_up(signed(TENANT_2), lease_id, 1), Error::<Test>::NotLeaseTenant);
		assert_noop!(
			Leases::top_up(signed(PROVIDER_A), lease_id, 1),
			Error::<Test>::NotLeaseTenant
		);
		assert_noop!(Leases::top_up(signed(TENANT), lease_id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Leases::top_up(signed(TENANT), lease_id, free(TENANT) + 1),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn top_up_fails_when_no_queue_has_room() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
		// Ten more blocks paid for would move the start of grace to 91.
		for block in 91..=91 + BlockNumber::from(DUE_SPILL_BLOCKS) {
			Due::<Test>::insert(block, stale_bucket(block));
		}
		assert_noop!(
			Leases::top_up(signed(TENANT), lease_id, 10 * PER_GPU_BLOCK),
			Error::<Test>::DueQueueFull
		);
	});
}

/// A lease rented from an offer that is still listed moves its end at once; the tenant
/// pays for the extra time separately.
#[test]
fn extend_moves_the_end_without_holding_more() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 50));
		// The escrow still lasts until 101: the lease is checked at the start of grace.
		System::assert_last_event(
			Event::LeaseExtended { lease: lease_id, end: 151, funded_until: 101 }.into(),
		);
		let record = lease(lease_id);
		assert_eq!((record.end, record.status), (151, LeaseStatus::Active));
		assert_eq!(record.next_check, Some(101 - GRACE_PERIOD));
		assert!(!Due::<Test>::get(101).contains(&DueItem::LeaseCheck(lease_id)));
		assert!(Due::<Test>::get(101 - GRACE_PERIOD).contains(&DueItem::LeaseCheck(lease_id)));
		assert_eq!(escrow_held(TENANT), 100 * PER_GPU_BLOCK);

		// Paid for, the lease is checked at its new end and runs to it.
		assert_ok!(Leases::top_up(signed(TENANT), lease_id, 50 * PER_GPU_BLOCK));
		System::assert_last_event(
			Event::LeaseToppedUp { lease: lease_id, amount: 50 * PER_GPU_BLOCK, funded_until: 151 }
				.into(),
		);
		assert_eq!(lease(lease_id).next_check, Some(151));
		run_to_block(101);
		attest(PROVIDER_A, lease_id, 101);
		run_to_block(151);
		System::assert_has_event(
			Event::LeaseClosed {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				reason: CloseReason::Expired,
				paid: 150 * PER_GPU_BLOCK,
				fees: 150 * PER_GPU_BLOCK / 50,
				refunded: 0,
			}
			.into(),
		);
	});
}

#[test]
fn extend_rejects_bad_requests() {
	new_test_ext().execute_with(|| {
		// The offer takes leases as long as any may be, so only the lease limits bind.
		let lease_id = rented_on_a(&[1], 100);
		assert_noop!(Leases::extend(signed(TENANT), 5, 10), Error::<Test>::UnknownLease);
		assert_noop!(Leases::extend(signed(TENANT_2), lease_id, 10), Error::<Test>::NotLeaseTenant);
		assert_noop!(Leases::extend(signed(TENANT), lease_id, 0), Error::<Test>::ZeroDuration);
		assert_noop!(
			Leases::extend(signed(TENANT), lease_id, MAX_LEASE_DURATION + 1),
			Error::<Test>::DurationTooLong
		);
		// The end (101) may run at most MAX_LEASE_DURATION ahead of now (1).
		assert_noop!(
			Leases::extend(signed(TENANT), lease_id, MAX_LEASE_DURATION - 99),
			Error::<Test>::DurationTooLong
		);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, MAX_LEASE_DURATION - 100));
		assert_eq!(lease(lease_id).end, 1 + MAX_LEASE_DURATION);
	});
}

#[test]
fn extend_fails_when_no_queue_has_room() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		// After extending, the lease's next check would be the start of grace, 81.
		let target = 101 - GRACE_PERIOD;
		for block in target..=target + BlockNumber::from(DUE_SPILL_BLOCKS) {
			Due::<Test>::insert(block, stale_bucket(block));
		}
		assert_noop!(Leases::extend(signed(TENANT), lease_id, 50), Error::<Test>::DueQueueFull);
	});
}

/// The provider agreed to an order's lease for the order's duration only: a lease won on an
/// order cannot be extended, even while the provider lists other GPUs at the same price.
#[test]
fn extend_refuses_a_lease_won_on_an_order() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 100);
		list(AGENT_A, &[2, 3], PRICE, MAX_LEASE_DURATION);
		assert_noop!(
			Leases::extend(signed(TENANT), lease_id, 1),
			Error::<Test>::ExtensionNotOffered
		);
		let record = lease(lease_id);
		assert_eq!((record.end, record.next_check), (101, Some(101)));
		// It runs to its original end.
		run_to_block(101);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
	});
}

/// A provider that takes no work (paused, jailed, Offline or short of stake) has not agreed
/// to serve longer, whatever its offer says.
#[test]
fn extend_refuses_while_the_provider_takes_no_work() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		for status in [ProviderStatus::Offline, ProviderStatus::Jailed] {
			MockRegistry::set_status(PROVIDER_A, status);
			assert_noop!(
				Leases::extend(signed(TENANT), lease_id, 10),
				Error::<Test>::ProviderUnavailable
			);
		}
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 10));
		assert_eq!(lease(lease_id).end, 111);
	});
}

/// An offer is the provider's standing consent: a lease rented from it extends, again and
/// again, as long as the whole lease stays within the offer's longest duration, even when
/// the offer has no GPU left to rent.
#[test]
fn extend_stays_within_the_offers_longest_duration() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1], PRICE, 300);
		let lease_id = rent(TENANT, offer, 1, 100);
		assert!(Offers::<Test>::get(offer).expect("offer is listed").available.is_empty());
		run_to_block(11);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
		assert_eq!(lease(lease_id).end, 201);

		// The lease started at block 1: it may end at 301 at the latest, whatever the
		// current block.
		assert_noop!(
			Leases::extend(signed(TENANT), lease_id, 101),
			Error::<Test>::ExtensionNotOffered
		);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
		System::assert_last_event(
			Event::LeaseExtended { lease: lease_id, end: 301, funded_until: 101 }.into(),
		);
		assert_noop!(
			Leases::extend(signed(TENANT), lease_id, 1),
			Error::<Test>::ExtensionNotOffered
		);
		assert_eq!(lease(lease_id).end, 301);
	});
}

/// The offer must not ask more than the lease pays: a provider that would now rent the GPUs
/// out dearer has not agreed to more time at the old price. No call reprices an offer, so
/// the test sets the price in storage.
#[test]
fn extend_needs_the_offer_at_most_at_the_leases_price() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		let offer = offer_of(lease_id);
		let set_price = |price| {
			Offers::<Test>::mutate(offer, |listed| {
				listed.as_mut().expect("offer is listed").price_per_gpu_hour = price
			})
		};

		set_price(PRICE + 1);
		assert_noop!(
			Leases::extend(signed(TENANT), lease_id, 10),
			Error::<Test>::ExtensionNotOffered
		);

		// Cheaper than the lease, the offer still agrees; the lease keeps its price.
		set_price(PRICE - 1);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 10));
		set_price(PRICE);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 10));
		let record = lease(lease_id);
		assert_eq!((record.end, record.price_per_gpu_hour), (121, PRICE));
	});
}

/// Unlisting the offer withdraws the consent: the lease it rented runs on to its end, but
/// no longer, and another offer of the provider is no consent for it.
#[test]
fn extend_ends_with_the_offer() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 10));
		assert_ok!(Leases::unlist_offer(signed(AGENT_A), offer_of(lease_id)));
		assert_noop!(
			Leases::extend(signed(TENANT), lease_id, 10),
			Error::<Test>::ExtensionNotOffered
		);
		let other = list(AGENT_A, &[2], PRICE, MAX_LEASE_DURATION);
		assert_noop!(
			Leases::extend(signed(TENANT), lease_id, 10),
			Error::<Test>::ExtensionNotOffered
		);

		// Paid for, it runs to the end it was extended to before the offer went.
		assert_ok!(Leases::top_up(signed(TENANT), lease_id, 10 * PER_GPU_BLOCK));
		run_to_block(101);
		attest(PROVIDER_A, lease_id, 101);
		run_to_block(110);
		assert!(is_running(lease_id));
		run_to_block(111);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		assert_eq!(free(TENANT), INITIAL_BALANCE - 110 * PER_GPU_BLOCK);
		// Its GPU is free: the offer it came from is gone.
		assert_eq!(commitments(PROVIDER_A), vec![(2, Commitment::Offer(other))]);
	});
}
