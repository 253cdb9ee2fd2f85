//! Attestations and the payments they trigger.

use super::*;

#[test]
fn an_attestation_pays_the_blocks_since_the_last_settlement_less_the_fee() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1, 2], 1_000);
		run_to_block(11);
		let issuance_before = issuance();
		let escrow_before = escrow_held(TENANT);

		attest(PROVIDER_A, lease_id, 11);
		// Two GPUs for 10 blocks; 2 % of it is burned.
		let amount = 2 * 10 * PER_GPU_BLOCK;
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
				gpu_blocks: 20,
				paid: amount,
				fee,
			}]
		);
		System::assert_has_event(
			Event::LeaseSettled {
				lease: lease_id,
				paid_blocks: 10,
				downtime_blocks: 0,
				to_provider: amount - fee,
				fee,
			}
			.into(),
		);
		System::assert_last_event(
			Event::LeaseAttested {
				lease: lease_id,
				status: WorkloadStatus::Running,
				gpu_utilization_pct: 90,
				memory_used_mib: 20_000,
			}
			.into(),
		);
		let record = lease(lease_id);
		assert_eq!(
			(record.settled_until, record.paid_blocks, record.paid, record.fees),
			(11, 10, amount, fee)
		);
		assert_eq!(record.escrow, 2 * 1_000 * PER_GPU_BLOCK - amount);
		assert_eq!(record.last_attested, 11);
		assert_eq!(
			record.last_report,
			Some(UsageReport {
				at: 11,
				status: WorkloadStatus::Running,
				gpu_utilization_pct: 90,
				memory_used_mib: 20_000,
			})
		);
		check_invariants();
	});
}

#[test]
fn a_second_attestation_in_the_same_block_pays_nothing() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(21);
		attest(PROVIDER_A, lease_id, 21);
		assert_eq!(MockDelivery::taken().len(), 1);
		let provider_balance = free(PROVIDER_A);
		let escrow = escrow_held(TENANT);
		let settlements = settled_events();

		attest_lines(
			PROVIDER_A,
			21,
			&[LeaseAttestation { status: WorkloadStatus::Completed, ..line(lease_id) }],
		);
		assert_eq!(free(PROVIDER_A), provider_balance);
		assert_eq!(escrow_held(TENANT), escrow);
		assert!(MockDelivery::taken().is_empty());
		assert_eq!(settled_events(), settlements);
		// The report is still recorded.
		assert_eq!(
			lease(lease_id).last_report.map(|report| report.status),
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
		let provider_balance = free(PROVIDER_B);

		attest_lines(PROVIDER_B, 21, &[line(lease_id), line(7)]);
		System::assert_has_event(
			Event::AttestationIgnored { provider: PROVIDER_B, lease: lease_id }.into(),
		);
		System::assert_last_event(
			Event::AttestationIgnored { provider: PROVIDER_B, lease: 7 }.into(),
		);
		assert_eq!(lease(lease_id), before);
		assert_eq!(free(PROVIDER_B), provider_balance);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE);
		assert!(MockDelivery::taken().is_empty());
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
		assert_eq!(lease(first).paid_blocks, 30);
		assert_eq!(lease(second).paid_blocks, 30);
		// Utilization is capped at 100 %.
		assert_eq!(lease(second).last_report.map(|report| report.gpu_utilization_pct), Some(100));
		System::assert_has_event(
			Event::AttestationIgnored { provider: PROVIDER_A, lease: 99 }.into(),
		);
		let paid = 2 * 30 * PER_GPU_BLOCK;
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + paid - paid / 50);
	});
}

#[test]
fn time_beyond_the_tolerance_is_downtime() {
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
		// Its check stays at the silence limit of its start: attestations never move it.
		assert_eq!(record.next_check, Some(1 + ATTESTATION_TOLERANCE + OFFLINE_LIMIT));

		// Attested again in time, everything since is paid.
		run_to_block(301);
		attest(PROVIDER_A, lease_id, 301);
		let record = lease(lease_id);
		assert_eq!((record.paid_blocks, record.downtime_blocks), (250, 50));
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
		let amount = 10 * PER_GPU_BLOCK;
		assert_eq!(issuance(), issuance_before - amount / 10);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + amount - amount / 10);

		// With no fee nothing is burned.
		assert_ok!(Leases::set_protocol_fee(RuntimeOrigin::root(), Perbill::zero()));
		run_to_block(21);
		attest(PROVIDER_A, lease_id, 21);
		assert_eq!(issuance(), issuance_before - amount / 10);
		assert_eq!(free(PROVIDER_A), INITIAL_BALANCE + 2 * amount - amount / 10);
	});
}
