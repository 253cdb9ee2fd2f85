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

fn points(owner: &AccountId) -> u128 {
	pallet_emissions::ProviderPoints::<Runtime>::get(owner).map_or(0, |record| record.points)
}

/// Heartbeat at the start of heartbeat period `k`; returns the points it credited.
fn heartbeat(owner: &AccountId, agent: &AccountId, k: u32) -> u128 {
	run_to_block(k * HeartbeatPeriod::get());
	let before = points(owner);
	assert_ok!(Providers::heartbeat(RuntimeOrigin::signed(agent.clone()), Default::default()));
	points(owner) - before
}

/// What a failed challenge does to a GPU's proof.
fn lose_proof(owner: &AccountId, index: u8) {
	pallet_challenges::Proofs::<Runtime>::remove(owner, gpu(index).uuid_hash);
}

#[test]
fn gpus_earn_availability_only_while_proven() {
	preset_ext("development").execute_with(|| {
		let owner = account(Sr25519Keyring::Charlie);
		let agent = account(Sr25519Keyring::Ferdie);
		bond_and_register(&owner, &agent, 2);
		// The registry put both GPUs in the list the chain draws its rounds from.
		assert_eq!(pallet_challenges::TargetCount::<Runtime>::get(), 2);

		heartbeat(&owner, &agent, 1);
		let both = heartbeat(&owner, &agent, 2);
		assert!(both > 0, "two proven GPUs earn");

		lose_proof(&owner, 1);
		let one = heartbeat(&owner, &agent, 3);
		assert_eq!(one * 2, both, "one proven GPU of two earns half (same model, same gap)");

		lose_proof(&owner, 0);
		assert_eq!(heartbeat(&owner, &agent, 4), 0, "no proven GPU, no availability points");
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
