//! What the registry reports about providers: offline, back online, jailed.

use super::*;

#[test]
fn going_offline_with_leases_reports_downtime_and_schedules_the_limit() {
	new_test_ext().execute_with(|| {
		let first = lease_on_a(&[1], 1_000);
		let second = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
		run_to_block(50);
		went_offline(PROVIDER_A, 50);
		// What each lease holds beyond the 49 attested blocks it owes the provider.
		let escrow_of = |id| lease(id).escrow - 49 * PER_GPU_BLOCK;
		let harmed = vec![
			HarmedLease { lease: first, tenant: TENANT, unspent: escrow_of(first) },
			HarmedLease { lease: second, tenant: TENANT_2, unspent: escrow_of(second) },
		];
		assert!(harmed.iter().all(|lease| lease.unspent > 0));
		assert_eq!(
			MockOffences::taken(),
			vec![LeaseOffence::Downtime { provider: PROVIDER_A, since: 50, harmed }]
		);
		let limit = 50 + OFFLINE_LIMIT;
		assert_eq!(OfflineSince::<Test>::get(PROVIDER_A), Some((50, Some(limit))));
		assert_eq!(OfflineDue::<Test>::get(limit).into_inner(), vec![PROVIDER_A]);

		// Still Offline at the limit: both leases close, and only the time before the
		// provider went Offline is paid, although the tolerance would cover more.
		run_to_block(limit - 1);
		assert!(is_running(first) && is_running(second));
		run_to_block(limit);
		assert_eq!(
			closed(),
			vec![(first, CloseReason::ProviderOffline), (second, CloseReason::ProviderOffline)]
		);
		let paid_blocks = 50 - 1;
		assert!(paid_blocks < ATTESTATION_TOLERANCE);
		let paid = paid_blocks as Balance * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseSettled {
				lease: first,
				paid_blocks,
				downtime_blocks: limit - 1 - paid_blocks,
				to_provider: paid - paid / 50,
				fee: paid / 50,
			}
			.into(),
		);
		System::assert_has_event(
			Event::LeaseClosed {
				lease: first,
				tenant: TENANT,
				provider: PROVIDER_A,
				reason: CloseReason::ProviderOffline,
				paid,
				fees: paid / 50,
				refunded: 1_000 * PER_GPU_BLOCK - paid,
			}
			.into(),
		);
		assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
		assert_eq!(free(TENANT_2), INITIAL_BALANCE - paid);
		assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
	});
}

#[test]
fn coming_back_before_the_limit_closes_nothing() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(50);
		went_offline(PROVIDER_A, 50);
		run_to_block(100);
		back_online(PROVIDER_A, 100);
		assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
		run_to_block(50 + OFFLINE_LIMIT + 1);
		assert!(is_running(lease_id));
		assert!(closed().is_empty());
	});
}

#[test]
fn time_spent_offline_is_never_paid_even_within_the_tolerance() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		let provider_before = free(PROVIDER_A);
		run_to_block(40);
		attest(PROVIDER_A, lease_id, 40);

		// Offline at 60, back at 100: coming back settles 1..60 as paid and 60..100 as
		// downtime, although the attestation at 40 would cover up to 190.
		run_to_block(60);
		went_offline(PROVIDER_A, 60);
		run_to_block(100);
		back_online(PROVIDER_A, 100);
		let record = lease(lease_id);
		assert_eq!(record.settled_until, 100);
		assert_eq!(record.paid_blocks, 59);
		assert_eq!(record.downtime_blocks, 40);
		System::assert_has_event(
			Event::LeaseSettled {
				lease: lease_id,
				paid_blocks: 59,
				downtime_blocks: 40,
				to_provider: 59 * PER_GPU_BLOCK - 59 * PER_GPU_BLOCK / 50,
				fee: 59 * PER_GPU_BLOCK / 50,
			}
			.into(),
		);

		// The attestation that rides in the same heartbeat changes nothing settled, and
		// later time is paid as usual.
		attest(PROVIDER_A, lease_id, 100);
		settle_now(lease_id);
		assert_eq!(lease(lease_id).paid_blocks, 59);
		run_to_block(110);
		attest(PROVIDER_A, lease_id, 110);
		settle_now(lease_id);
		let record = lease(lease_id);
		assert_eq!((record.paid_blocks, record.downtime_blocks), (69, 40));
		let paid = 69 * PER_GPU_BLOCK;
		assert_eq!(record.paid, paid);
		assert_eq!(free(PROVIDER_A), provider_before + paid - record.fees);
	});
}

#[test]
fn a_tenant_closing_during_an_outage_pays_nothing_for_it() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(30);
		went_offline(PROVIDER_A, 30);
		run_to_block(80);
		let tenant_before = free(TENANT);
		close(TENANT, lease_id);
		let paid = 29 * PER_GPU_BLOCK;
		// Everything but the 29 blocks before the outage comes back, with the deposit.
		assert_eq!(free(TENANT), tenant_before + 1_000 * PER_GPU_BLOCK - paid + STORAGE_DEPOSIT);
		assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
	});
}

#[test]
fn offline_again_after_coming_back_counts_from_the_new_time() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		went_offline(PROVIDER_A, 1);
		run_to_block(100);
		back_online(PROVIDER_A, 100);
		run_to_block(200);
		went_offline(PROVIDER_A, 200);
		// The first limit passes while the provider is Offline again, but it is stale.
		run_to_block(1 + OFFLINE_LIMIT);
		assert!(is_running(lease_id));
		run_to_block(200 + OFFLINE_LIMIT);
		assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderOffline)]);
	});
}

#[test]
fn jail_closes_every_lease_of_the_provider() {
	new_test_ext().execute_with(|| {
		let first = lease_on_a(&[1], 1_000);
		let second = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
		let other = lease_with(TENANT, AGENT_B, PROVIDER_B, &[0x11], 1_000);
		run_to_block(50);
		went_offline(PROVIDER_A, 50);
		run_to_block(60);
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Jailed);
		let _weight = <Leases as ProviderLifecycle<AccountId, BlockNumber>>::jailed(&PROVIDER_A);
		assert_eq!(closed(), vec![(first, CloseReason::Jailed), (second, CloseReason::Jailed)]);
		assert!(is_running(other));
		assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		// Only the time before the provider went Offline is paid: 49 blocks each.
		assert_eq!(free(TENANT_2), INITIAL_BALANCE - 49 * PER_GPU_BLOCK);
		// The stale offline limit passes harmlessly.
		run_to_block(50 + OFFLINE_LIMIT);
		assert_eq!(closed().len(), 2);
	});
}

#[test]
fn going_offline_without_leases_changes_nothing() {
	new_test_ext().execute_with(|| {
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		list(AGENT_A, &[2], PRICE, 100);
		went_offline(PROVIDER_A, 5);
		assert!(MockOffences::taken().is_empty());
		assert!(!OfflineSince::<Test>::contains_key(PROVIDER_A));
		assert!(!OfflineDue::<Test>::contains_key(5 + OFFLINE_LIMIT));
	});
}

#[test]
fn with_no_room_in_the_offline_queues_no_limit_is_set() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		let limit = 50 + OFFLINE_LIMIT;
		for block in limit..=limit + BlockNumber::from(DUE_SPILL_BLOCKS) {
			// Providers with no record here, as if they came back since.
			OfflineDue::<Test>::mutate(block, |queue| {
				assert_ok!(queue.try_push(97));
				assert_ok!(queue.try_push(98));
			});
		}
		run_to_block(50);
		went_offline(PROVIDER_A, 50);
		assert_eq!(OfflineSince::<Test>::get(PROVIDER_A), Some((50, None)));
		assert_eq!(MockOffences::taken().len(), 1);
		run_to_block(limit + BlockNumber::from(DUE_SPILL_BLOCKS) + 1);
		assert!(is_running(lease_id));
	});
}
