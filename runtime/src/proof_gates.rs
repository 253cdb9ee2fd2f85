//! The proof-of-compute gates as the runtime wires them: availability points, bids and lease
//! starts follow `pallet_challenges`' proofs, and the registry keeps its target list.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::BoundedVec;

use crate::{
	configs::HeartbeatPeriod,
	tests::{account, bond_and_register, gpu, preset_ext, run_to_block},
	AccountId, Leases, Providers, Runtime, RuntimeOrigin, EMBR, HOURS,
};

/// The era of the provider's record and the points it holds in it.
fn points(owner: &AccountId) -> (u32, u128) {
	pallet_emissions::ProviderPoints::<Runtime>::get(owner)
		.map_or((0, 0), |record| (record.era, record.points))
}

/// Heartbeat at the start of every heartbeat period until the registry's liveness check of
/// `owner` has run; returns the points that check credited.
fn through_next_check(owner: &AccountId, agent: &AccountId) -> u128 {
	let due = pallet_providers::Providers::<Runtime>::get(owner)
		.and_then(|info| info.liveness_deadline)
		.expect("a watched provider has a deadline");
	let period = HeartbeatPeriod::get();
	let before = points(owner);
	let mut start = (frame_system::Pallet::<Runtime>::block_number() / period + 1) * period;
	while start < due {
		run_to_block(start);
		assert_ok!(Providers::heartbeat(RuntimeOrigin::signed(agent.clone()), Default::default()));
		start += period;
	}
	run_to_block(due);
	let after = points(owner);
	// A record that moved to a new era holds only that era's points.
	if after.0 == before.0 {
		after.1 - before.1
	} else {
		after.1
	}
}

/// What a failed challenge does to a GPU's proof.
fn lose_proof(owner: &AccountId, index: u8) {
	pallet_challenges::Pallet::<Runtime>::drop_proof(owner, gpu(index).uuid_hash);
}

#[test]
fn gpus_earn_availability_only_while_proven() {
	preset_ext("development").execute_with(|| {
		let owner = account(Sr25519Keyring::Charlie);
		let agent = account(Sr25519Keyring::Ferdie);
		bond_and_register(&owner, &agent, 2);
		// The registry put both GPUs in the list the chain draws its rounds from.
		assert_eq!(pallet_challenges::TargetCount::<Runtime>::get(), 2);

		// The first check starts the provider's credit; heartbeats alone credit nothing.
		assert_eq!(through_next_check(&owner, &agent), 0);
		// From then on each check credits the heartbeats' span since the last one.
		assert!(through_next_check(&owner, &agent) > 0);
		let both = through_next_check(&owner, &agent);
		assert!(both > 0, "two proven GPUs earn");

		lose_proof(&owner, 1);
		let one = through_next_check(&owner, &agent);
		assert_eq!(one * 2, both, "one proven GPU of two earns half (same model, same gap)");

		lose_proof(&owner, 0);
		assert_eq!(through_next_check(&owner, &agent), 0, "no proven GPU, no availability points");
	});
}

#[test]
fn only_proven_gpus_are_bid_and_a_lease_starts_only_while_they_are() {
	preset_ext("development").execute_with(|| {
		let owner = account(Sr25519Keyring::Charlie);
		let agent = account(Sr25519Keyring::Ferdie);
		let tenant = account(Sr25519Keyring::Dave);
		bond_and_register(&owner, &agent, 2);
		let order = |id| {
			assert_ok!(Leases::create_order(
				RuntimeOrigin::signed(tenant.clone()),
				pallet_leases::GpuRequirement {
					model: None,
					min_vram_mib: 20_000,
					min_compute_capability: ember_primitives::ComputeCapability::new(8, 0),
					count: 1,
				},
				HOURS,
				10 * EMBR,
				H256::repeat_byte(0xaa),
				None,
				10,
				false,
			));
			id
		};
		let bid = |order, index: u8| {
			Leases::place_bid(
				RuntimeOrigin::signed(agent.clone()),
				order,
				8 * EMBR,
				BoundedVec::truncate_from(vec![gpu(index).uuid_hash]),
			)
		};

		// GPU 1 failed a challenge: it bids nowhere.
		lose_proof(&owner, 1);
		let first = order(0);
		assert_noop!(bid(first, 1), pallet_leases::Error::<Runtime>::GpuNotProven);

		// GPU 0 bids while proven, and fails its next challenge before the tenant accepts.
		assert_ok!(bid(first, 0));
		lose_proof(&owner, 0);
		assert_noop!(
			Leases::accept_bid(RuntimeOrigin::signed(tenant.clone()), first, owner.clone()),
			pallet_leases::Error::<Runtime>::GpuNotProven
		);
		assert!(pallet_leases::LeasesOfTenant::<Runtime>::get(&tenant).is_empty());
	});
}
