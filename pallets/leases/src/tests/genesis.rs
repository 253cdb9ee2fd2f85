//! Leases running from genesis: on the provider's first free GPUs, funded from the tenant, with
//! the checks a rent makes less the proof of compute.

use super::*;
use crate::{GenesisConfig, GenesisLease};
use frame_support::traits::BuildGenesisConfig;

fn genesis_lease(
	tenant: AccountId,
	provider: AccountId,
	gpus: u32,
) -> GenesisLease<AccountId, BlockNumber> {
	GenesisLease {
		tenant,
		provider,
		gpus,
		price_per_gpu_hour: PRICE,
		duration: BLOCKS_PER_HOUR.into(),
	}
}

#[test]
fn genesis_leases_run_on_the_first_free_gpus_and_hold_their_escrow() {
	new_test_ext().execute_with(|| {
		GenesisConfig::<Test> {
			leases: vec![
				genesis_lease(TENANT, PROVIDER_A, 2),
				genesis_lease(TENANT_2, PROVIDER_A, 1),
			],
		}
		.build();

		let (first, second) = (lease(0), lease(1));
		assert_eq!((first.gpus, first.origin), (hashes(&[1, 2]), LeaseOrigin::Genesis));
		assert_eq!(second.gpus, hashes(&[3]));
		// An hour of two GPUs, and of one.
		assert_eq!((first.escrow, second.escrow), (2 * PRICE, PRICE));
		assert_eq!(escrow_held(TENANT), 2 * PRICE);
		assert_eq!(deposit_held(TENANT_2), STORAGE_DEPOSIT);
		assert_eq!(book(PROVIDER_A), book_of(0, 0, &[0, 1], 3));
		assert_eq!(
			commitments(PROVIDER_A),
			vec![(1, Commitment::Lease(0)), (2, Commitment::Lease(0)), (3, Commitment::Lease(1))]
		);
		assert!(is_running(0) && is_running(1));
		check_invariants();
	});
}

/// Leases that all start at genesis have their first settlements spread, one block after
/// another by lease id, instead of all falling `SettlementInterval` later.
#[test]
fn genesis_leases_are_first_settled_in_turn() {
	new_test_ext().execute_with(|| {
		let now = System::block_number();
		GenesisConfig::<Test> {
			leases: vec![
				genesis_lease(TENANT, PROVIDER_A, 1),
				genesis_lease(TENANT, PROVIDER_A, 2),
				genesis_lease(TENANT_2, PROVIDER_B, 1),
				genesis_lease(TENANT_2, PROVIDER_B, 1),
			],
		}
		.build();
		for id in 0..4u64 {
			let expected = (id as BlockNumber + 1).max(now + 1);
			assert_eq!(lease(id).next_check, Some(expected), "lease {id}");
		}
		check_invariants();
	});
}

#[test]
#[should_panic(expected = "NotEnoughGpus")]
fn a_genesis_lease_needs_free_gpus() {
	new_test_ext().execute_with(|| {
		GenesisConfig::<Test> {
			leases: vec![
				genesis_lease(TENANT, PROVIDER_A, 3),
				genesis_lease(TENANT_2, PROVIDER_A, 2),
			],
		}
		.build();
	});
}

#[test]
#[should_panic(expected = "OwnBusiness")]
fn a_provider_cannot_lease_its_own_gpus_in_genesis() {
	new_test_ext().execute_with(|| {
		GenesisConfig::<Test> { leases: vec![genesis_lease(AGENT_A, PROVIDER_A, 1)] }.build();
	});
}

#[test]
#[should_panic(expected = "InsufficientBalance")]
fn a_genesis_tenant_must_afford_the_escrow() {
	new_test_ext().execute_with(|| {
		GenesisConfig::<Test> { leases: vec![genesis_lease(POOR, PROVIDER_A, 1)] }.build();
	});
}
