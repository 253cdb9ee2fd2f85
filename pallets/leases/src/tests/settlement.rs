//! Attestations, which record, and settlement, which pays.

use super::*;

#[test]
fn an_attestation_on_time_records_in_the_book_and_moves_no_money() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1, 2], 1_000);
		run_to_block(11);
		let before = lease(lease_id);
		let (provider_before, escrow_before, issuance_before) =
			(free(PROVIDER_A), escrow_held(TENANT), issuance());

		attest(PROVIDER_A, lease_id, 11);
		System::assert_last_event(
			Event::LeaseAttested {
				lease: lease_id,
				status: WorkloadStatus::Running,
				gpu_utilization_pct: 90,
				memory_used_mib: 20_000,
			}
			.into(),
		);
		assert_eq!(lease(lease_id), before);
		assert_eq!(
			(free(PROVIDER_A), escrow_held(TENANT), issuance()),
			(provider_before, escrow_before, issuance_before)
		);
		assert!(MockDelivery::taken().is_empty());
		assert_eq!(settled_events(), 0);
		assert_eq!(running(lease_id).attested_at, 11);
		assert_eq!(
			Leases::lease_view_of(lease_id).and_then(|view| view.last_report),
			Some(UsageReport {
				at: 11,
				status: WorkloadStatus::Running,
				gpu_utilization_pct: 90,
				memory_used_mib: 20_000,
			})
		);
		// The view shows what the attested time owes: two GPUs for ten blocks.
		let amount = 2 * 10 * PER_GPU_BLOCK;
		assert_eq!(Leases::lease_view_of(lease_id).map(|view| view.unsettled), Some(amount));
		check_invariants();
	});
}

#[test]
fn settlement_pays_the_attested_blocks_less_the_fee() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1, 2], 1_000);
		run_to_block(11);
		attest(PROVIDER_A, lease_id, 11);
		run_to_block(21);
		let issuance_before = issuance();
		let escrow_before = escrow_held(TENANT);

		settle_now(lease_id);
		// Two GPUs for 20 blocks, all within the last attestation's cover; 2 % is burned.
		let amount = 2 * 20 * PER_GPU_BLOCK;
		let fee = amount / 50;
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + amount - fee);
		assert_eq!(escrow_held(TENANT), escrow_before - amount);
		assert_eq!(issuance(), issuance_before - fee);
		assert_eq!(
			MockDelivery::taken(),
			vec![Delivered {
				provider: PROVIDER_A,
				tenant: TENANT,
				lease: lease_id,
				gpu_blocks: 40,
				paid: amount,
				fee,
			}]
		);
		System::assert_last_event(
			Event::LeaseSettled {
				lease: lease_id,
				paid_blocks: 20,
				downtime_blocks: 0,
				to_provider: amount - fee,
				fee,
			}
			.into(),
		);
		let record = lease(lease_id);
		assert_eq!(
			(record.settled_until, record.paid_blocks, record.paid, record.fees),
			(21, 20, amount, fee)
		);
		assert_eq!(record.escrow, 2 * 1_000 * PER_GPU_BLOCK - amount);
		assert_eq!(Leases::lease_view_of(lease_id).map(|view| view.unsettled), Some(0));

		// Settling again in the same block pays nothing.
		settle_now(lease_id);
		assert!(MockDelivery::taken().is_empty());
		assert_eq!(lease(lease_id), record);
		check_invariants();
	});
}

#[test]
fn a_well_attested_lease_is_paid_at_its_checks() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 10_000);
		// The agent attests every 50 blocks; its first check is a settlement interval on.
		let first_check = 1 + SETTLEMENT_INTERVAL;
		assert_eq!(lease(lease_id).next_check, Some(first_check));
		let mut block = 1;
		while block + 50 < first_check {
			block += 50;
			run_to_block(block);
			attest(PROVIDER_A, lease_id, block);
		}
		assert_eq!(settled_events(), 0, "attestations moved money");
		run_to_block(first_check);

		let paid = (first_check - 1) as Balance * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseSettled {
				lease: lease_id,
				paid_blocks: first_check - 1,
				downtime_blocks: 0,
				to_provider: paid - paid / 50,
				fee: paid / 50,
			}
			.into(),
		);
		// The next check is another interval on.
		let record = lease(lease_id);
		assert_eq!(record.next_check, Some(first_check + SETTLEMENT_INTERVAL));
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
		check_invariants();
	});
}

#[test]
fn a_later_attestation_updates_the_report_without_paying() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(21);
		attest(PROVIDER_A, lease_id, 21);
		let provider_balance = free(PROVIDER_A);

		attest_lines(
			PROVIDER_A,
			21,
			&[LeaseAttestation { status: WorkloadStatus::Completed, ..line(lease_id) }],
		);
		assert_eq!(free(PROVIDER_A), provider_balance);
		assert!(MockDelivery::taken().is_empty());
		assert_eq!(
			running(lease_id).usage.map(|usage| usage.status),
			Some(WorkloadStatus::Completed)
		);
	});
}

#[test]
fn attestations_of_unknown_or_foreign_leases_are_ignored() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(21);
		let before = lease(lease_id);
		let books_before = (book(PROVIDER_A), book(PROVIDER_B));

		attest_lines(PROVIDER_B, 21, &[line(lease_id), line(7)]);
		System::assert_has_event(
			Event::AttestationIgnored { provider: PROVIDER_B, lease: lease_id }.into(),
		);
		System::assert_last_event(
			Event::AttestationIgnored { provider: PROVIDER_B, lease: 7 }.into(),
		);
		assert_eq!(lease(lease_id), before);
		assert_eq!((book(PROVIDER_A), book(PROVIDER_B)), books_before);
		assert!(MockDelivery::taken().is_empty());
		check_invariants();
	});
}

#[test]
fn one_heartbeat_attests_many_leases_and_skips_bad_lines() {
	new_test_ext().execute_with(|| {
		let first = lease_on_a(&[1], 1_000);
		let second = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
		run_to_block(31);
		attest_lines(
			PROVIDER_A,
			31,
			&[line(first), line(99), LeaseAttestation { gpu_utilization_pct: 250, ..line(second) }],
		);
		assert_eq!((running(first).attested_at, running(second).attested_at), (31, 31));
		// Utilization is capped at 100 %.
		assert_eq!(running(second).usage.map(|usage| usage.gpu_utilization_pct), Some(100));
		System::assert_has_event(
			Event::AttestationIgnored { provider: PROVIDER_A, lease: 99 }.into(),
		);
		settle_now(first);
		settle_now(second);
		let paid = 2 * 30 * PER_GPU_BLOCK;
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
	});
}

#[test]
fn a_late_attestation_settles_the_gap_unpaid_first() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		// Silent since the start (block 1): covered until 151.
		run_to_block(201);
		attest(PROVIDER_A, lease_id, 201);
		let paid = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseSettled {
				lease: lease_id,
				paid_blocks: ATTESTATION_TOLERANCE,
				downtime_blocks: 50,
				to_provider: paid - paid / 50,
				fee: paid / 50,
			}
			.into(),
		);
		let record = lease(lease_id);
		assert_eq!(
			(record.settled_until, record.paid_blocks, record.downtime_blocks),
			(201, ATTESTATION_TOLERANCE, 50)
		);
		// The unpaid time stays in escrow, and the escrow now lasts past the end.
		assert_eq!(record.escrow, 1_000 * PER_GPU_BLOCK - paid);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
		// Its check stays a settlement interval from its start: attestations never move it.
		assert_eq!(record.next_check, Some(1 + SETTLEMENT_INTERVAL));

		// Attested again in time, everything since is paid when it is settled.
		run_to_block(301);
		attest(PROVIDER_A, lease_id, 301);
		assert_eq!(lease(lease_id), record, "an attestation on time moved money");
		settle_now(lease_id);
		let record = lease(lease_id);
		assert_eq!((record.paid_blocks, record.downtime_blocks), (250, 50));
		check_invariants();
	});
}

#[test]
fn an_unscheduled_lease_is_scheduled_again_by_its_next_attestation() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		// Every queue near its check was full: the check left it waiting in none.
		let mut record = lease(lease_id);
		let check = record.next_check.take().expect("scheduled");
		Due::<Test>::mutate(check, |bucket| {
			bucket.retain(|item| *item != DueItem::LeaseCheck(lease_id))
		});
		crate::Leases::<Test>::insert(lease_id, record);
		Books::<Test>::mutate(PROVIDER_A, |book| {
			book.running_mut(lease_id).expect("in the book").unscheduled = true;
		});
		run_to_block(21);

		attest(PROVIDER_A, lease_id, 21);
		let record = lease(lease_id);
		let wanted = 21 + SETTLEMENT_INTERVAL;
		assert_eq!(record.next_check, Some(wanted));
		assert!(Due::<Test>::get(wanted).contains(&DueItem::LeaseCheck(lease_id)));
		assert!(!running(lease_id).unscheduled);
		assert_eq!(record.settled_until, 21);
		check_invariants();
	});
}

#[test]
fn governance_sets_the_fee_that_is_burned() {
	new_test_ext().execute_with(|| {
		assert_eq!(ProtocolFee::<Test>::get(), Perbill::from_percent(2));
		assert_noop!(
			Leases::set_protocol_fee(signed(TENANT), Perbill::from_percent(10)),
			DispatchError::BadOrigin
		);
		assert_ok!(Leases::set_protocol_fee(RuntimeOrigin::root(), Perbill::from_percent(10)));
		System::assert_last_event(Event::ProtocolFeeSet { fee: Perbill::from_percent(10) }.into());
		assert_eq!(ProtocolFee::<Test>::get(), Perbill::from_percent(10));

		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(11);
		let issuance_before = issuance();
		attest(PROVIDER_A, lease_id, 11);
		settle_now(lease_id);
		let amount = 10 * PER_GPU_BLOCK;
		assert_eq!(issuance(), issuance_before - amount / 10);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + amount - amount / 10);

		// With no fee nothing is burned.
		assert_ok!(Leases::set_protocol_fee(RuntimeOrigin::root(), Perbill::zero()));
		run_to_block(21);
		attest(PROVIDER_A, lease_id, 21);
		settle_now(lease_id);
		assert_eq!(issuance(), issuance_before - amount / 10);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + 2 * amount - amount / 10);
	});
}
