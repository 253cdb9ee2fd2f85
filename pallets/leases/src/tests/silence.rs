//! Providers that stay online but stop attesting a lease: the registry's liveness check finds
//! the walk-out in the provider's book, and the lease's check closes it.

use super::*;

/// How long after its last attestation a lease's provider may stay silent about it.
const SILENCE: BlockNumber = ATTESTATION_TOLERANCE + OFFLINE_LIMIT;

/// A provider that keeps heartbeating but leaves one lease out of its attestations has
/// walked out of it: once `AttestationTolerance + OfflineLimit` have passed since its last
/// attestation, the next time the registry hears from the provider the lease's check moves to
/// the next block, where it closes, only the attested time paid, and the walk-out is reported
/// as an early close. The lease it keeps attesting runs on.
#[test]
fn a_lease_left_out_of_the_attestations_closes_as_silent() {
	new_test_ext().execute_with(|| {
		let kept = lease_on_a(&[1], 1_000);
		let left_out = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
		let settlement = 1 + SETTLEMENT_INTERVAL;
		assert_eq!(lease(left_out).next_check, Some(settlement));
		run_to_block(101);
		attest_lines(PROVIDER_A, 101, &[line(kept), line(left_out)]);
		// From now on the heartbeats attest only `kept`.
		for block in [201, 301, 401, 501] {
			run_to_block(block);
			attest(PROVIDER_A, kept, block);
		}
		// Heard from before the limit: nothing moves.
		run_to_block(101 + SILENCE - 1);
		heard_from(PROVIDER_A);
		assert_eq!(lease(left_out).next_check, Some(settlement));

		run_to_block(101 + SILENCE);
		heard_from(PROVIDER_A);
		let close_at = 102 + SILENCE;
		assert_eq!(lease(left_out).next_check, Some(close_at));
		assert_eq!(lease(kept).next_check, Some(settlement));
		assert!(!Due::<Test>::get(settlement).contains(&DueItem::LeaseCheck(left_out)));
		assert!(closed().is_empty());

		run_to_block(close_at);
		// Paid up to where the attestation at 101 reaches; the time since, unpaid.
		let paid_blocks = 100 + ATTESTATION_TOLERANCE;
		let paid = paid_blocks as Balance * PER_GPU_BLOCK;
		System::assert_has_event(
			Event::LeaseSettled {
				lease: left_out,
				paid_blocks,
				downtime_blocks: close_at - 1 - paid_blocks,
				to_provider: paid - paid / 50,
				fee: paid / 50,
			}
			.into(),
		);
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
		// The blocks from the close to the lease's end went unserved.
		let end = 1_001;
		assert_eq!(
			MockOffences::taken(),
			vec![LeaseOffence::EarlyClose {
				provider: PROVIDER_A,
				lease: left_out,
				tenant: TENANT_2,
				unserved_value: (end - close_at) as Balance * PER_GPU_BLOCK,
			}]
		);
		assert_eq!(free(TENANT_2), INITIAL_BALANCE - paid);
		assert_eq!(escrow_held(TENANT_2), 0);
		assert_eq!(deposit_held(TENANT_2), 0);
		assert!(!LeasesOfTenant::<Test>::contains_key(TENANT_2));
		assert_eq!(book(PROVIDER_A).lease_ids().collect::<Vec<_>>(), vec![kept]);
		assert_eq!(commitments(PROVIDER_A), vec![(1, Commitment::Lease(kept))]);

		// The attested lease runs to its end, fully paid.
		for block in [601, 701, 801, 901] {
			run_to_block(block);
			attest(PROVIDER_A, kept, block);
			heard_from(PROVIDER_A);
		}
		run_to_block(end);
		assert_eq!(
			closed(),
			vec![(left_out, CloseReason::ProviderSilent), (kept, CloseReason::Expired)]
		);
		assert_eq!(free(TENANT), INITIAL_BALANCE - 1_000 * PER_GPU_BLOCK);
		assert!(MockOffences::taken().is_empty());
		check_invariants();
	});
}

/// A lease no heartbeat ever attests is silent from its start.
#[test]
fn a_lease_never_attested_closes_as_silent_from_its_start() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(SILENCE);
		heard_from(PROVIDER_A);
		run_to_block(1 + SILENCE);
		assert!(is_running(lease_id));
		heard_from(PROVIDER_A);
		run_to_block(2 + SILENCE);
		assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderSilent)]);
		let paid = ATTESTATION_TOLERANCE as Balance * PER_GPU_BLOCK;
		assert_eq!(free(TENANT), INITIAL_BALANCE - paid);
		assert_eq!(
			MockOffences::taken(),
			vec![LeaseOffence::EarlyClose {
				provider: PROVIDER_A,
				lease: lease_id,
				tenant: TENANT,
				unserved_value: (1_001 - (2 + SILENCE)) as Balance * PER_GPU_BLOCK,
			}]
		);
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
	});
}

/// A lease attested in time, however long it runs, is never closed as silent: its check
/// comes once per `SettlementInterval` (or at its end, when that comes first), pays the attested
/// time and goes back in the queue; the lease expires at its end fully paid.
#[test]
fn a_lease_that_keeps_being_attested_is_settled_at_each_interval() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 2_000);
		// (check, the next one it schedules)
		let checks = [
			(1 + SETTLEMENT_INTERVAL, 1 + 2 * SETTLEMENT_INTERVAL),
			(1 + 2 * SETTLEMENT_INTERVAL, 1 + 3 * SETTLEMENT_INTERVAL),
			// The next settlement is past the end: the end comes first.
			(1 + 3 * SETTLEMENT_INTERVAL, 2_001),
		];
		let mut settled = 0;
		for block in (101..=1_901).step_by(100) {
			run_to_block(block);
			attest(PROVIDER_A, lease_id, block);
			heard_from(PROVIDER_A);
			for (due, next) in &checks {
				if block > *due && block <= *due + 100 {
					assert!(is_running(lease_id));
					assert!(!Due::<Test>::contains_key(*due));
					assert_eq!(
						Due::<Test>::get(*next).into_inner(),
						vec![DueItem::LeaseCheck(lease_id)]
					);
					// Each check paid everything up to it.
					assert_eq!(lease(lease_id).settled_until, *due);
					assert_eq!(lease(lease_id).downtime_blocks, 0);
					settled += 1;
				}
			}
		}
		assert_eq!(settled, checks.len());
		run_to_block(2_000);
		assert!(closed().is_empty());
		run_to_block(2_001);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		assert_eq!(free(TENANT), INITIAL_BALANCE - 2_000 * PER_GPU_BLOCK);
		assert!(MockOffences::taken().is_empty());
		assert_eq!(Due::<Test>::iter().count(), 0, "a closed lease left a check queued");
	});
}

/// A provider marked Offline is not silent about one lease but gone: a check that finds it
/// Offline past the silence limit settles and waits, and the offline limit closes its leases
/// as `ProviderOffline`, with the downtime reported and no early close.
#[test]
fn an_offline_provider_is_left_to_its_offline_limit() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 2_000);
		run_to_block(400);
		went_offline(PROVIDER_A, 400);
		assert!(matches!(
			MockOffences::taken().as_slice(),
			[LeaseOffence::Downtime { provider: PROVIDER_A, since: 400, .. }]
		));
		// Its settlement check comes while it is Offline past the silence limit.
		let settlement = 1 + SETTLEMENT_INTERVAL;
		assert!(settlement > 1 + SILENCE && settlement < 400 + OFFLINE_LIMIT);
		run_to_block(settlement);
		assert!(is_running(lease_id));
		assert_eq!(lease(lease_id).next_check, Some(settlement + SETTLEMENT_INTERVAL));
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

/// Back online, a provider must attest its leases again; one it still leaves out is found
/// silent the next time the registry hears from it.
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
		run_to_block(550);
		heard_from(PROVIDER_A);
		run_to_block(551);
		assert_eq!(closed(), vec![(forgotten, CloseReason::ProviderSilent)]);
		assert_eq!(
			MockOffences::taken(),
			vec![LeaseOffence::EarlyClose {
				provider: PROVIDER_A,
				lease: forgotten,
				tenant: TENANT_2,
				unserved_value: (1_001 - 551) as Balance * PER_GPU_BLOCK,
			}]
		);
		assert!(is_running(attested));
		assert_eq!(lease(attested).next_check, Some(1 + SETTLEMENT_INTERVAL));
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
		assert_eq!(
			Due::<Test>::get(1 + SETTLEMENT_INTERVAL).into_inner(),
			vec![DueItem::LeaseCheck(lease_id)]
		);
	});
}

/// A lease that reaches its end on the block its silence is found expires: the provider owed
/// no more service, so there is no walk-out and no offence.
#[test]
fn a_lease_ending_at_its_silence_limit_expires_without_an_offence() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], SILENCE + 1);
		run_to_block(1 + SILENCE);
		heard_from(PROVIDER_A);
		assert_eq!(lease(lease_id).next_check, Some(2 + SILENCE));
		run_to_block(2 + SILENCE);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		assert!(MockOffences::taken().is_empty());
	});
}

/// A lease in grace is still found silent: its check, wherever its escrow put it, comes
/// forward when the registry hears from a provider that left it out.
#[test]
fn a_lease_in_grace_is_still_found_silent() {
	new_test_ext().execute_with(|| {
		let lease_id = rented_on_a(&[1], 100);
		assert_ok!(Leases::extend(signed(TENANT), lease_id, 1_000));
		run_to_block(101 - GRACE_PERIOD);
		assert_eq!(lease(lease_id).status, LeaseStatus::Grace);
		assert_ok!(Leases::top_up(signed(TENANT), lease_id, 1_000 * PER_GPU_BLOCK));
		assert_eq!(lease(lease_id).next_check, Some(101 - GRACE_PERIOD + SETTLEMENT_INTERVAL));
		run_to_block(1 + SILENCE);
		heard_from(PROVIDER_A);
		run_to_block(2 + SILENCE);
		assert_eq!(closed(), vec![(lease_id, CloseReason::ProviderSilent)]);
	});
}

/// A check already due by the next block is left where it is.
#[test]
fn a_check_due_next_block_is_not_moved() {
	new_test_ext().execute_with(|| {
		let lease_id = lease_on_a(&[1], 1_000);
		run_to_block(1 + SILENCE);
		heard_from(PROVIDER_A);
		let bucket = Due::<Test>::get(2 + SILENCE);
		heard_from(PROVIDER_A);
		assert_eq!(Due::<Test>::get(2 + SILENCE), bucket);
		assert_eq!(lease(lease_id).next_check, Some(2 + SILENCE));
		check_invariants();
	});
}
