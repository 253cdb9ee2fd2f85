//! Providers that stay online but stop attesting a lease: each running lease's silence check.

use super::*;

/// How long after its last attestation a lease's provider may stay silent about it.
const SILENCE: BlockNumber = ATTESTATION_TOLERANCE + OFFLINE_LIMIT;

/// A provider that keeps heartbeating but leaves one lease out of its attestations has
/// walked out of it: `AttestationTolerance + OfflineLimit` after its last attestation the
/// lease closes, only the attested time paid, and the walk-out is reported as an early
/// close. The lease it keeps attesting runs on.
#[test]
fn a_lease_left_out_of_the_attestations_closes_as_silent() {
	new_test_ext().execute_with(|| {
		let kept = lease_on_a(&[1], 1_000);
		let left_out = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
		assert!(Due::<Test>::get(1 + SILENCE).contains(&DueItem::LeaseCheck(left_out)));
		run_to_block(101);
		attest_lines(PROVIDER_A, 101, &[line(kept), line(left_out)]);
		// From now on the heartbeats attest only `kept`.
		for block in [201, 301, 401] {
			run_to_block(block);
			attest(PROVIDER_A, kept, block);
		}

		// The first check finds both attested since the start: each waits for its new limit.
		run_to_block(1 + SILENCE);
		assert!(is_running(left_out));
		assert!(Due::<Test>::get(101 + SILENCE).contains(&DueItem::LeaseCheck(left_out)));
		assert!(Due::<Test>::get(401 + SILENCE).contains(&DueItem::LeaseCheck(kept)));
		run_to_block(501);
		attest(PROVIDER_A, kept, 501);
		run_to_block(101 + SILENCE - 1);
		assert!(is_running(left_out));
		assert!(closed().is_empty());

		run_to_block(101 + SILENCE);
		// Paid up to where the attestation at 101 reaches (settled by the check at
		// `1 + SILENCE`); the 300 blocks since, unpaid.
		let settled = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseSettled {
				lease: left_out,
				paid_blocks: 0,
				downtime_blocks: 100,
				to_provider: 0,
				fee: 0,
			}
			.into(),
		);
		let paid = 100 * PER_GPU_BLOCK + settled;
		System::assert_has_event(
			Event::LeaseClosed {
				lease: left_out,
				tenant: TENANT_2,
				provider: PROVIDER_A,
				reason: CloseReason::ProviderSilent,
				paid,
				fees: paid / 50,
				refunded: 1_000 * PER_GPU_BLOCK - paid,
			}
			.into(),
		);
		assert_eq!(closed(), vec![(left_out, CloseReason::ProviderSilent)]);
		// The 450 blocks from the close to the lease's end went unserved.
		let end = 1_001;
		assert_eq!(
			MockOffences::taken(),
			vec![LeaseOffence::EarlyClose {
				provider: PROVIDER_A,
				lease: left_out,
				tenant: TENANT_2,
				unserved_value: (end - (101 + SILENCE)) as Balance * PER_GPU_BLOCK,
			}]
		);
		assert_eq!(free(TENANT_2), INITIAL_BALANCE - paid);
		assert_eq!(escrow_held(TENANT_2), 0);
		assert_eq!(deposit_held(TENANT_2), 0);
		assert!(!LeasesOfTenant::<Test>::contains_key(TENANT_2));
		assert_eq!(book(PROVIDER_A), book_of(0, 0, &[kept], 1));
		assert_eq!(commitments(PROVIDER_A), vec![(1, Commitment::Lease(kept))]);

		// The attested lease runs to its end, fully paid.
		for block in [601, 701, 801, 901] {
			run_to_block(block);
			attest(PROVIDER_A, kept, block);
		}
		run_to_block(end);
		assert_eq!(
			closed(),
			vec![(left_out, CloseReason::ProviderSilent), (kept, CloseReason::Expired)]
		);
		assert_eq!(free(TENANT), INITIAL_BALANCE - 1_000 * PER_GPU_BLOCK);
		assert!(MockOffences::taken().is_empty());
	});
}

/// A lease no heartbeat ever attests is silent from its start.
#[test]
fn a_lease_never_attested_closes_as_silent_from_its_start() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(SILENCE);
		assert!(is_running(lease_id));
		run_to_block(1 + SILENCE);
		assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderSilent)]);
		let paid = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
		assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
		assert_eq!(
			MockOffences::taken(),
			vec![LeaseOffence::EarlyClose {
				provider: PROVIDER_A,
				lease: lease_id,
				tenant: TENANT,
				unserved_value: (1_001 - (1 + SILENCE)) as Balance * PER_GPU_BLOCK,
			}]
		);
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
	});
}

/// A lease attested in time, however long it runs, is never closed as silent: each time its
/// check comes due for the silence limit it goes back in the queue for the limit of the
/// latest attestation (or the end, when that comes first), and the lease expires at its end
/// fully paid.
#[test]
fn a_lease_that_keeps_being_attested_is_never_closed_by_its_silence_check() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 2_000);
		// Each check, when it comes due, moves to the limit of the last attestation before
		// it: (due at, moved to).
		let checks = [
			(1 + SILENCE, 401 + SILENCE),
			(401 + SILENCE, 801 + SILENCE),
			(801 + SILENCE, 1_201 + SILENCE),
			// The next limit is past the end: the end comes first.
			(1_201 + SILENCE, 2_001),
		];
		for block in (101..=1_901).step_by(100) {
			run_to_block(block);
			attest(PROVIDER_A, lease_id, block);
			for (due, next) in &checks {
				if block > *due && block <= *due + 100 {
					assert!(is_running(lease_id));
					assert!(!Due::<Test>::contains_key(*due));
					assert_eq!(
						Due::<Test>::get(*next).into_inner(),
						vec![DueItem::LeaseCheck(lease_id)]
					);
				}
			}
		}
		run_to_block(2_000);
		assert!(closed().is_empty());
		run_to_block(2_001);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		assert_eq!(free(TENANT), INITIAL_BALANCE - 2_000 * PER_GPU_BLOCK);
		assert!(MockOffences::taken().is_empty());
		assert_eq!(Due::<Test>::iter().count(), 0, "a closed lease left a check queued");
	});
}

/// A provider marked Offline is not silent about one lease but gone: its silence checks
/// wait, and the offline limit closes its leases as `ProviderOffline`, with the downtime
/// reported and no early close.
#[test]
fn an_offline_provider_is_left_to_its_offline_limit() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(400);
		went_offline(PROVIDER_A, 400);
		assert!(matches!(
			MockOffences::taken().as_slice(),
			[LeaseOffence::Downtime { provider: PROVIDER_A, since: 400, .. }]
		));
		run_to_block(1 + SILENCE);
		assert!(is_running(lease_id));
		assert!(
			Due::<Test>::get(1 + SILENCE + OFFLINE_LIMIT).contains(&DueItem::LeaseCheck(lease_id))
		);
		run_to_block(400 + OFFLINE_LIMIT);
		assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderOffline)]);
		assert!(MockOffences::taken().is_empty());
		// Only what the start covers was paid.
		assert_eq!(
			free(TENANT),
			INITIAL_BALANCE - ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK
		);
	});
}

/// Back online, a provider has until the pending check to attest the lease again; a lease
/// it still leaves out closes as silent then.
#[test]
fn back_online_the_provider_must_attest_again() {
	new_test_ext().execute_with(|| {
		let attested = lease_on_a(&[1], 1_000);
		let forgotten = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
		run_to_block(400);
		went_offline(PROVIDER_A, 400);
		assert_eq!(MockOffences::taken().len(), 1);
		run_to_block(500);
		back_online(PROVIDER_A, 500);
		attest(PROVIDER_A, attested, 500);
		// The checks put off at 451 come due at 751.
		let due = 1 + SILENCE + OFFLINE_LIMIT;
		run_to_block(due - 1);
		assert!(is_running(attested) && is_running(forgotten));
		run_to_block(due);
		assert_eq!(closed(), vec![(forgotten, CloseReason::ProviderSilent)]);
		assert_eq!(
			MockOffences::taken(),
			vec![LeaseOffence::EarlyClose {
				provider: PROVIDER_A,
				lease: forgotten,
				tenant: TENANT_2,
				unserved_value: (1_001 - due) as Balance * PER_GPU_BLOCK,
			}]
		);
		assert!(is_running(attested));
		assert!(Due::<Test>::get(500 + SILENCE).contains(&DueItem::LeaseCheck(attested)));
	});
}

/// A lease has one entry in the deadline queues, and closing it takes it out: renting and
/// closing again and again in one block never fills the queues (each queue holds
/// `MaxDuePerBlock` entries, and a deadline may spill over `DUE_SPILL_BLOCKS` more).
#[test]
fn renting_and_closing_in_a_loop_leaves_the_queues_empty() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1], PRICE, MAX_LEASE_DURATION);
		let room = 8 * (1 + DUE_SPILL_BLOCKS);
		for _ in 0..=room {
			let lease_id = rent(TENANT, offer, 1, 1_000);
			close(TENANT, lease_id);
		}
		assert_eq!(Due::<Test>::iter().count(), 0, "a closed lease left a check queued");
		let lease_id = rent(TENANT, offer, 1, 1_000);
		assert_eq!(Due::<Test>::get(1 + SILENCE).into_inner(), vec![DueItem::LeaseCheck(lease_id)]);
	});
}

/// A lease that reaches its end on the block its silence limit comes due expires: the
/// provider owed no more service, so there is no walk-out and no offence.
#[test]
fn a_lease_ending_at_its_silence_limit_expires_without_an_offence() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], SILENCE);
		assert_eq!(lease(lease_id).next_check, Some(1 + SILENCE));
		run_to_block(1 + SILENCE);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		assert!(MockOffences::taken().is_empty());
	});
}

/// The lease's check stands for its silence limit even when its life alone would have it
/// checked earlier: after the start of grace is handled, the check goes back for whichever
/// comes first.
#[test]
fn a_lease_in_grace_is_still_checked_for_silence() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 1_000));
		run_to_block(101 - GRACE_PERIOD);
		assert_eq!(lease(lease_id).status, LeaseStatus::Grace);
		assert_ok!(Leases::top_up(signed(TENANT), lease_id, 1_000 * PER_GPU_BLOCK));
		assert_eq!(lease(lease_id).next_check, Some(1 + SILENCE));
		run_to_block(1 + SILENCE);
		assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderSilent)]);
	});
}
