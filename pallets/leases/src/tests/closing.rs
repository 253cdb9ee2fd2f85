//! Closing leases: by the tenant, the provider, expiry and governance.

use super::*;

#[test]
fn the_tenant_pays_the_used_time_and_gets_the_rest_back() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(101);
		let issuance_before = issuance();
		close(TENANT, lease_id);

		let paid = 100 * PER_GPU_BLOCK;
		System::assert_last_event(
			Event::LeaseClosed {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				reason: CloseReason::Tenant,
				paid,
				fees: paid / 50,
				refunded: 900 * PER_GPU_BLOCK,
			}
			.into(),
		);
		assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
		assert_eq!(escrow_held(TENANT), 0);
		assert_eq!(deposit_held(TENANT), 0);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
		assert_eq!(issuance(), issuance_before - paid / 50);
		assert!(!is_running(lease_id));
		assert!(!LeasesOfTenant::<Test>::contains_key(TENANT));
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		assert!(commitments(PROVIDER_A).is_empty());
		assert!(!Due::<Test>::contains_key(1_001));
		assert!(MockOffences::taken().is_empty());
		check_invariants();

		// The GPU is free for new work.
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
	});
}

#[test]
fn the_provider_closing_early_is_an_offence() {
	for closer in [PROVIDER_A, AGENT_A] {
		new_test_ext().execute_with(|| {
			let lease_id = lease_on_a(&[1], 1_000);
			run_to_block(101);
			close(closer, lease_id);
			System::assert_last_event(
				Event::LeaseClosed {
					lease: lease_id,
					tenant: TENANT,
					provider: PROVIDER_A,
					reason: CloseReason::ProviderEarly,
					paid: 100 * PER_GPU_BLOCK,
					fees: 100 * PER_GPU_BLOCK / 50,
					refunded: 900 * PER_GPU_BLOCK,
				}
				.into(),
			);
			assert_eq!(
				MockOffences::taken(),
				vec![LeaseOffence::EarlyClose {
					provider: PROVIDER_A,
					lease: lease_id,
					tenant: TENANT,
					unserved_value: 900 * PER_GPU_BLOCK,
				}]
			);
			assert_eq!(free(TENANT), INITIAL_BALANCE - 100 * PER_GPU_BLOCK);
			assert!(!Books::<Test>::contains_key(PROVIDER_A));
		});
	}
}

#[test]
fn the_unserved_value_is_at_most_the_escrow_left() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 100));
		run_to_block(51);
		close(AGENT_A, lease_id);
		// 150 blocks were left, but only 50 of them were paid for.
		assert_eq!(
			MockOffences::taken(),
			vec![LeaseOffence::EarlyClose {
				provider: PROVIDER_A,
				lease: lease_id,
				tenant: TENANT,
				unserved_value: 50 * PER_GPU_BLOCK,
			}]
		);
	});
}

#[test]
fn only_the_parties_may_close() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		for who in [STRANGER, PROVIDER_B, AGENT_B, TENANT_2] {
			assert_noop!(Leases::close_lease(signed(who), lease_id), Error::<Test>::NotLeaseParty);
		}
	});
}

#[test]
fn a_closed_lease_cannot_be_closed_again() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		close(TENANT, lease_id);
		assert_noop!(Leases::close_lease(signed(TENANT), lease_id), Error::<Test>::UnknownLease);
		assert_noop!(Leases::close_lease(signed(AGENT_A), lease_id), Error::<Test>::UnknownLease);
	});
}

#[test]
fn an_attested_lease_expires_at_its_end_fully_paid() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		let issuance_before = issuance();
		for block in (101..=901).step_by(100) {
			run_to_block(block);
			attest(PROVIDER_A, lease_id, block);
		}
		run_to_block(1_000);
		assert!(is_running(lease_id));
		run_to_block(1_001);
		let paid = 1_000 * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseClosed {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				reason: CloseReason::Expired,
				paid,
				fees: paid / 50,
				refunded: 0,
			}
			.into(),
		);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
		assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
		assert_eq!(issuance(), issuance_before - paid / 50);
		assert!(MockOffences::taken().is_empty());
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		assert!(!LeasesOfTenant::<Test>::contains_key(TENANT));
	});
}

/// A lease never attested, but shorter than its silence limit (a longer one closes as
/// silent then: see the `silence` tests), expires at its end with only the time its start
/// covers paid, and no offence.
#[test]
fn an_unattested_lease_expires_with_only_the_covered_time_paid() {
	new_test_ext().execute_with(|| {
		let silence_limit = 1 + ATTESTATION_TOLERANCE + OFFLINE_LIMIT;
		let lease_id = lease_on_a(&[1], 400);
		assert!(1 + 400 < silence_limit);
		run_to_block(401);
		let paid = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseClosed {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				reason: CloseReason::Expired,
				paid,
				fees: paid / 50,
				refunded: 400 * PER_GPU_BLOCK - paid,
			}
			.into(),
		);
		assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
		assert_eq!(Due::<Test>::iter().count(), 0, "a closed lease left a check queued");
		run_to_block(silence_limit);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		assert!(MockOffences::taken().is_empty());
		assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
	});
}

#[test]
fn governance_may_close_any_lease() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(11);
		assert_noop!(Leases::force_close_lease(signed(TENANT), lease_id), DispatchError::BadOrigin);
		assert_noop!(
			Leases::force_close_lease(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownLease
		);
		assert_ok!(Leases::force_close_lease(RuntimeOrigin::root(), lease_id));
		System::assert_last_event(
			Event::LeaseClosed {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				reason: CloseReason::Governance,
				paid: 10 * PER_GPU_BLOCK,
				fees: 10 * PER_GPU_BLOCK / 50,
				refunded: 990 * PER_GPU_BLOCK,
			}
			.into(),
		);
		assert!(MockOffences::taken().is_empty());
		assert!(!is_running(lease_id));
	});
}
