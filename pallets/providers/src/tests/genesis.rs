//! Providers registered in genesis: registered as `register` would, with the same checks.

use super::*;
use crate::{GenesisConfig, GenesisProvider, StakeUnits};
use frame_support::traits::BuildGenesisConfig;

fn genesis_provider(owner: AccountId, agent: AccountId, gpus: u32) -> GenesisProvider<AccountId> {
	GenesisProvider {
		owner,
		agent,
		region: "eu-west".into(),
		peer_id: "12D3KooWGenesis".into(),
		model: "NVIDIA H100 80GB HBM3".into(),
		vram_mib: 81_559,
		compute_capability: (9, 0),
		gpus,
	}
}

#[test]
fn genesis_providers_are_registered_with_their_gpus_and_stake_units() {
	ExtBuilder.build_and_execute(|| {
		stake_for(OWNER, 3);
		stake_for(OTHER_OWNER, 2);
		GenesisConfig::<Test> {
			providers: vec![
				genesis_provider(OWNER, AGENT, 3),
				genesis_provider(OTHER_OWNER, OTHER_AGENT, 2),
			],
		}
		.build();

		let record = info(OWNER);
		assert_eq!(
			(record.agent, record.status, record.gpu_count),
			(AGENT, ProviderStatus::Active, 3)
		);
		assert_eq!(record.liveness_deadline, Some(expected_deadline(OWNER, 1)));
		assert_eq!(ProviderOfAgent::<Test>::get(OTHER_AGENT), Some(OTHER_OWNER));
		assert_eq!(StakeUnits::<Test>::get(OWNER), Some(3));
		let metadata = Metadata::<Test>::get(OWNER).expect("metadata recorded");
		assert_eq!(metadata.region.as_slice(), b"eu-west");
		assert_eq!(metadata.peer_id.as_slice(), b"12D3KooWGenesis");
		// Every GPU of both providers has a hash of its own.
		let mut hashes: Vec<_> = [OWNER, OTHER_OWNER]
			.into_iter()
			.flat_map(|owner| Inventory::<Test>::get(owner).unwrap_or_default().into_inner())
			.map(|gpu| gpu.uuid_hash)
			.collect();
		hashes.sort();
		hashes.dedup();
		assert_eq!(hashes.len(), 5);
	});
}

#[test]
#[should_panic(expected = "cannot register: InsufficientStake")]
fn a_genesis_provider_its_bond_does_not_cover_is_refused() {
	ExtBuilder.build().execute_with(|| {
		stake_for(OWNER, 2);
		GenesisConfig::<Test> { providers: vec![genesis_provider(OWNER, AGENT, 3)] }.build();
	});
}

#[test]
#[should_panic(expected = "cannot register: AgentInUse")]
fn two_genesis_providers_cannot_share_an_agent() {
	ExtBuilder.build().execute_with(|| {
		stake_for(OWNER, 1);
		stake_for(OTHER_OWNER, 1);
		GenesisConfig::<Test> {
			providers: vec![
				genesis_provider(OWNER, AGENT, 1),
				genesis_provider(OTHER_OWNER, AGENT, 1),
			],
		}
		.build();
	});
}
