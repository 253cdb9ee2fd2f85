//! The block hook's budget: a burst of deadlines beyond `HookBudget` waits, in order, for the
//! next blocks, and nothing due is lost or paid twice.

use super::*;
use crate::{DueBacklog, DueBucketOf, OfflineDueBacklog};
use frame_support::pallet_prelude::Weight;

/// A budget with room for the idle hook and `checks` lease checks.
fn budget_for(checks: u64) -> Weight {
	<() as crate::WeightInfo>::on_initialize_idle()
		.saturating_add(Leases::lease_check_weight().saturating_mul(checks))
}

fn paid_at_close(lease: LeaseId) -> Option<Balance> {
	market_events().into_iter().find_map(|event| match event {
		Event::LeaseClosed { lease: id, paid, .. } if id == lease => Some(paid),
		_ => None,
	})
}

#[test]
fn a_burst_of_expiries_beyond_the_budget_spills_in_order() {
	new_test_ext().execute_with(|| {
		let leases = [
			lease_on_a(&[1], 100),
			lease_on_a(&[2], 100),
			lease_on_a(&[3], 100),
			lease_with(TENANT_2, AGENT_B, PROVIDER_B, &[0x11], 100),
			lease_with(TENANT_2, AGENT_B, PROVIDER_B, &[0x12], 100),
		];
		assert!(leases.iter().all(|id| lease(*id).next_check == Some(101)));
		HookBudget::set(&budget_for(2));

		run_to_block(101);
		assert_eq!(
			closed(),
			leases[..2].iter().map(|id| (*id, CloseReason::Expired)).collect::<Vec<_>>()
		);
		assert_eq!(DueBacklog::<Test>::get(), Some(101));
		assert_eq!(Due::<Test>::get(101).len(), 3);

		run_to_block(102);
		assert_eq!(closed().len(), 4);
		assert_eq!(DueBacklog::<Test>::get(), Some(101));

		run_to_block(103);
		assert_eq!(
			closed(),
			leases.iter().map(|id| (*id, CloseReason::Expired)).collect::<Vec<_>>()
		);
		assert_eq!(DueBacklog::<Test>::get(), None);
		assert!(!Due::<Test>::contains_key(101));
		// Closed late, but paid to its end and no further: as the ones closed on time.
		for id in leases {
			assert_eq!(paid_at_close(id), Some(100 * PER_GPU_BLOCK));
		}
	});
}

#[test]
fn a_budget_below_one_check_still_closes_one_lease_a_block() {
	new_test_ext().execute_with(|| {
		let first = lease_on_a(&[1], 100);
		let second = lease_on_a(&[2], 100);
		HookBudget::set(&Weight::zero());
		run_to_block(101);
		assert_eq!(closed(), vec![(first, CloseReason::Expired)]);
		run_to_block(102);
		assert_eq!(closed(), vec![(first, CloseReason::Expired), (second, CloseReason::Expired)]);
		// Out of budget before reading block 102's queue: the next block reads it.
		assert_eq!(DueBacklog::<Test>::get(), Some(102));
		run_to_block(103);
		assert_eq!(DueBacklog::<Test>::get(), None);
	});
}

/// Offline limits wait while lease checks are behind, then close the provider's leases with
/// its outage unpaid, as on time.
#[test]
fn offline_limits_wait_for_the_lease_checks_before_them() {
	new_test_ext().execute_with(|| {
		let offline = lease_on_a(&[1], 1_000);
		run_to_block(50);
		went_offline(PROVIDER_A, 50);
		let limit = 50 + OFFLINE_LIMIT;
		// Three of B's leases end at the limit.
		let ending: Vec<_> = [0x11, 0x12, 0x13]
			.iter()
			.map(|gpu| lease_with(TENANT_2, AGENT_B, PROVIDER_B, &[*gpu], limit - 50))
			.collect();
		assert!(ending.iter().all(|id| lease(*id).next_check == Some(limit)));
		HookBudget::set(&budget_for(2));

		run_to_block(limit);
		assert_eq!(closed().len(), 2);
		assert_eq!(OfflineDueBacklog::<Test>::get(), Some(limit));
		assert!(is_running(offline));

		run_to_block(limit + 1);
		assert!(!is_running(offline));
		assert_eq!(closed().last(), Some(&(offline, CloseReason::ProviderOffline)));
		assert_eq!((DueBacklog::<Test>::get(), OfflineDueBacklog::<Test>::get()), (None, None));
		// Only the time before the provider went Offline is paid.
		assert_eq!(paid_at_close(offline), Some((50 - 1) * PER_GPU_BLOCK));
	});
}

/// A silence check queued before a lease had one check for everything (decoded from the old
/// queue layout) moves the lease's check to its next settlement.
#[test]
fn a_legacy_silence_check_folds_into_the_lease_check() {
	new_test_ext().execute_with(|| {
		let id = lease_on_a(&[1], 1_000);
		let check = 5 + SETTLEMENT_INTERVAL;
		// Index 2 was the separate silence check; its encoding must still decode.
		let legacy = DueItem::LegacySilenceCheck(id);
		assert_eq!(codec::Encode::encode(&legacy)[0], 2);
		Due::<Test>::insert(5, DueBucketOf::<Test>::truncate_from(vec![legacy]));
		run_to_block(5);
		assert!(is_running(id));
		assert_eq!(lease(id).next_check, Some(check));
		assert!(Due::<Test>::get(check).contains(&DueItem::LeaseCheck(id)));
	});
}

/// The liveness hook may work a deadline late (its own budget): a provider marked Offline from
/// a deadline so old that its offline limit has passed reaches the limit the next block,
/// never in a block the lease hook has already left behind.
#[test]
fn an_offline_limit_already_past_is_due_the_next_block() {
	new_test_ext().execute_with(|| {
		let id = lease_on_a(&[1], 10_000);
		let now = 50 + OFFLINE_LIMIT + 50;
		run_to_block(now);
		went_offline(PROVIDER_A, 50);
		assert_eq!(OfflineSince::<Test>::get(PROVIDER_A), Some((50, Some(now + 1))));
		assert_eq!(OfflineDue::<Test>::get(now + 1).into_inner(), vec![PROVIDER_A]);
		run_to_block(now + 1);
		assert_eq!(closed(), vec![(id, CloseReason::ProviderOffline)]);
		assert_eq!(OfflineDueBacklog::<Test>::get(), None);
	});
}
