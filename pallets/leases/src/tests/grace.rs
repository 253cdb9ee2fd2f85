//! Escrow running out: grace, top-ups, and closing for lack of funds.

use super::*;

/// TENANT rents one GPU of A for 100 blocks at block 1 and extends it by 100 without paying
/// (the offer takes leases that long): the escrow lasts until 101, grace starts at 81. A
/// attests at block 51.
fn underfunded_lease() -> LeaseId {
	let lease_id = rented_on_a(&[1], 100);
	assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
	run_to_block(51);
	attest(PROVIDER_A, lease_id, 51);
	lease_id
}

#[test]
fn without_a_top_up_the_lease_closes_when_the_escrow_runs_out() {
	new_test_ext().execute_with(|| {
		let lease_id = underfunded_lease();
		let offer = offer_of(lease_id);
		let issuance_before = issuance();
		run_to_block(80);
		assert_eq!(lease(lease_id).status, LeaseStatus::Active);
		assert_eq!(escrow_low_events(), 0);

		run_to_block(81);
		let record = lease(lease_id);
		assert_eq!(record.status, LeaseStatus::Grace);
		assert_eq!(record.next_check, Some(101));
		assert_eq!(record.settled_until, 81);
		System::assert_has_event(
			Event::EscrowLow { lease: lease_id, tenant: TENANT, funded_until: 101 }.into(),
		);

		run_to_block(100);
		assert!(is_running(lease_id));
		run_to_block(101);
		let paid = 100 * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseClosed {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				reason: CloseReason::InsufficientFunds,
				paid,
				fees: paid / 50,
				refunded: 0,
			}
			.into(),
		);
		// Every covered block was paid; the tenant has its deposit back.
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
		assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
		assert_eq!(escrow_held(TENANT), 0);
		assert_eq!(deposit_held(TENANT), 0);
		assert_eq!(issuance(), issuance_before - paid / 50);
		// The GPU is back in the offer it was rented from.
		assert_eq!(commitments(PROVIDER_A), vec![(1, Commitment::Offer(offer))]);
		assert_eq!(book(PROVIDER_A), book_of(0, 1, &[], 1));
	});
}

#[test]
fn a_top_up_past_the_grace_period_makes_the_lease_active_again() {
	new_test_ext().execute_with(|| {
		let lease_id = underfunded_lease();
		run_to_block(90);
		assert_eq!(lease(lease_id).status, LeaseStatus::Grace);

		// 89 blocks paid, 11 left; 5 more keep the escrow within the grace period.
		assert_ok!(Leases::top_up(signed(TENANT), lease_id, 5 * PER_GPU_BLOCK));
		System::assert_last_event(
			Event::LeaseToppedUp { lease: lease_id, amount: 5 * PER_GPU_BLOCK, funded_until: 106 }
				.into(),
		);
		assert_eq!(lease(lease_id).status, LeaseStatus::Grace);
		assert_eq!(lease(lease_id).next_check, Some(106));

		// 50 more last until 156, past the grace period: Active, checked again at 136.
		assert_ok!(Leases::top_up(signed(TENANT), lease_id, 50 * PER_GPU_BLOCK));
		let record = lease(lease_id);
		assert_eq!(record.status, LeaseStatus::Active);
		assert_eq!(record.next_check, Some(156 - GRACE_PERIOD));
		assert_eq!(escrow_low_events(), 1);

		// Paying for the rest lets it run to its end.
		assert_ok!(Leases::top_up(signed(TENANT), lease_id, 45 * PER_GPU_BLOCK));
		assert_eq!(lease(lease_id).next_check, Some(201));
		run_to_block(151);
		attest(PROVIDER_A, lease_id, 151);
		run_to_block(200);
		assert_eq!(lease(lease_id).status, LeaseStatus::Active);
		run_to_block(201);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		assert_eq!(escrow_low_events(), 1);
		assert_eq!(free(TENANT), INITIAL_BALANCE - 200 * PER_GPU_BLOCK);
	});
}

#[test]
fn extending_within_the_grace_period_enters_grace_at_once() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		run_to_block(90);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 50));
		System::assert_has_event(
			Event::EscrowLow { lease: lease_id, tenant: TENANT, funded_until: 101 }.into(),
		);
		let record = lease(lease_id);
		assert_eq!((record.status, record.next_check), (LeaseStatus::Grace, Some(101)));
		run_to_block(101);
		assert_eq!(closed(), vec![(lease_id, CloseReason::InsufficientFunds)]);
	});
}
