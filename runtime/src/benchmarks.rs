//! The benchmarks the runtime exposes to `ember-node benchmark pallet`, and the helpers Ember's
//! pallets need to set up their benchmarks in the real runtime.

use crate::{AccountId, Runtime, RuntimeOrigin, Session};

// The pallets benchmarked, in scope wherever the benchmark-listing macros expand.
pub use crate::{
	Balances, Challenges, Emissions, Leases, ProviderStaking, Providers, Slashing, Sudo, Timestamp,
	TransactionPayment, Utility, ValidatorSet,
};
use frame_support::traits::fungible::Mutate;

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

// `frame_system`'s own benchmarks are left out: they embed a 4 MB reference runtime for their
// `set_code` case, and Ember uses frame_system's default weights.
frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_validator_set, ValidatorSet]
	[pallet_provider_staking, ProviderStaking]
	[pallet_providers, Providers]
	[pallet_leases, Leases]
	[pallet_emissions, Emissions]
	[pallet_slashing, Slashing]
	[pallet_challenges, Challenges]
);

/// Fees go to the treasury, which needs no setup.
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// Gives benchmark accounts the bond their GPUs require, through the real staking pallet.
pub struct ProvidersBenchmarkHelper;

impl pallet_providers::BenchmarkHelper<AccountId> for ProvidersBenchmarkHelper {
	fn ensure_stake(owner: &AccountId, units: u32) {
		use ember_primitives::ProviderStake;
		let required =
			<ProviderStaking as ProviderStake<AccountId, crate::Balance>>::required_stake(units);
		let own = <ProviderStaking as ProviderStake<AccountId, crate::Balance>>::own_stake(owner);
		if own >= required {
			return;
		}
		let _ = Balances::mint_into(owner, required.saturating_mul(2));
		let origin = RuntimeOrigin::signed(owner.clone());
		if own == 0 {
			let _ = ProviderStaking::bond(origin, required);
		} else {
			let _ = ProviderStaking::bond_extra(origin, required - own);
		}
	}
}

/// Registers session keys, with their proof of ownership, for a benchmark validator.
pub struct ValidatorSetBenchmarkHelper;

impl pallet_validator_set::BenchmarkHelper<AccountId> for ValidatorSetBenchmarkHelper {
	fn set_session_keys(validator: &AccountId) {
		use codec::Encode;
		let _ = Balances::mint_into(validator, 1_000 * crate::EMBR);
		let generated = crate::SessionKeys::generate(&validator.encode(), None);
		let _ = Session::set_keys(
			RuntimeOrigin::signed(validator.clone()),
			generated.keys,
			generated.proof.encode(),
		);
	}
}

/// Registers benchmark providers in the real registry, bonding what their GPUs require.
pub struct LeasesBenchmarkHelper;

/// Register `owner` with `agent` and `gpus` in the real registry, bonding what they require.
fn register_bonded(owner: &AccountId, agent: &AccountId, gpus: &[ember_primitives::GpuSpec]) {
	use frame_support::BoundedVec;
	use pallet_providers::BenchmarkHelper as _;
	ProvidersBenchmarkHelper::ensure_stake(owner, Providers::stake_units_for(gpus));
	let address = BoundedVec::truncate_from(b"/ip4/127.0.0.1/tcp/4001".to_vec());
	let _ = Providers::register(
		RuntimeOrigin::signed(owner.clone()),
		agent.clone(),
		BoundedVec::truncate_from(b"eu-west".to_vec()),
		BoundedVec::truncate_from(b"12D3KooWBenchmarkPeer".to_vec()),
		BoundedVec::truncate_from(alloc::vec![address]),
		BoundedVec::truncate_from(gpus.to_vec()),
	);
}

impl pallet_leases::BenchmarkHelper<AccountId> for LeasesBenchmarkHelper {
	/// Registered, with every GPU proven: the market takes only proven GPUs.
	fn register_provider(owner: &AccountId, agent: &AccountId, gpus: &[ember_primitives::GpuSpec]) {
		register_bonded(owner, agent, gpus);
		crate::proven::prove_gpus(owner);
	}

	fn back_fully(owner: &AccountId) {
		use frame_support::traits::Get;
		// Twice the slots, each delegation larger than the last: the second half displaces the
		// first, which stays exposed to slashes while it unbonds, so every backer a slash
		// report may record is there.
		let count: u32 =
			<Runtime as pallet_provider_staking::Config>::MaxDelegatorsPerProvider::get();
		for index in 0..2 * count {
			let who: AccountId = frame_benchmarking::account("leases-delegator", index, 0);
			let _ = Balances::mint_into(&who, 1_000 * crate::EMBR);
			let _ = ProviderStaking::delegate(
				RuntimeOrigin::signed(who),
				owner.clone(),
				(100 + crate::Balance::from(index)) * crate::EMBR,
			);
		}
	}

	fn set_offline(owner: &AccountId) {
		// As the registry's hook would after missed heartbeats; the stale deadline entry is
		// skipped when its block comes.
		pallet_providers::Providers::<Runtime>::mutate(owner, |info| {
			if let Some(info) = info {
				info.status = ember_primitives::ProviderStatus::Offline;
				info.liveness_deadline = None;
			}
		});
	}
}

/// Providers with GPUs of distinct models and delegators, and a block author, for the emissions
/// benchmarks.
pub struct EmissionsBenchmarkHelper;

impl pallet_emissions::BenchmarkHelper<AccountId> for EmissionsBenchmarkHelper {
	fn provider(index: u32, gpus: u32, delegators: u32) -> AccountId {
		use ember_primitives::{ComputeCapability, GpuModelName, GpuSpec};
		use pallet_leases::BenchmarkHelper as _;
		let owner: AccountId = frame_benchmarking::account("emissions-provider", index, 0);
		let agent: AccountId = frame_benchmarking::account("emissions-agent", index, 0);
		let specs: alloc::vec::Vec<GpuSpec> = (0..gpus)
			.map(|gpu| GpuSpec {
				model: GpuModelName::truncate_from(
					alloc::format!("Benchmark GPU {gpu}").into_bytes(),
				),
				vram_mib: 81_559,
				compute_capability: ComputeCapability::new(9, 0),
				uuid_hash: {
					let mut hash = [0xb7u8; 32];
					hash[..4].copy_from_slice(&gpu.to_le_bytes());
					sp_core::H256(hash)
				},
			})
			.collect();
		LeasesBenchmarkHelper::register_provider(&owner, &agent, &specs);
		// Each delegation is larger than the last: once the provider is full, each newcomer
		// displaces the smallest, which stays exposed while it unbonds.
		for delegator in 0..delegators {
			let who: AccountId =
				frame_benchmarking::account("emissions-delegator", delegator, index);
			let _ = Balances::mint_into(&who, 1_000 * crate::EMBR);
			let _ = ProviderStaking::delegate(
				RuntimeOrigin::signed(who),
				owner.clone(),
				(100 + crate::Balance::from(delegator)) * crate::EMBR,
			);
		}
		owner
	}

	fn author() -> AccountId {
		use codec::Encode;
		use sp_consensus_babe::digests::{PreDigest, SecondaryPlainPreDigest};
		// A BABE digest of authority 0 names the first validator of the session.
		let pre_digest = PreDigest::SecondaryPlain(SecondaryPlainPreDigest {
			authority_index: 0,
			slot: 0u64.into(),
		});
		frame_system::Pallet::<Runtime>::deposit_log(sp_runtime::DigestItem::PreRuntime(
			sp_consensus_babe::BABE_ENGINE_ID,
			pre_digest.encode(),
		));
		Session::validators()
			.first()
			.cloned()
			.unwrap_or_else(|| frame_benchmarking::account("emissions-author", 0, 0))
	}
}

/// Bonded providers with delegators for the slashing benchmarks, through the real registry and
/// staking pallet.
pub struct SlashingBenchmarkHelper;

impl pallet_slashing::BenchmarkHelper<AccountId> for SlashingBenchmarkHelper {
	fn backed_provider(index: u32, delegators: u32) -> AccountId {
		use pallet_emissions::BenchmarkHelper as _;
		EmissionsBenchmarkHelper::provider(index, 1, delegators)
	}

	fn register_providers(count: u32) {
		use pallet_emissions::BenchmarkHelper as _;
		for index in 0..count {
			EmissionsBenchmarkHelper::provider(1_000_000 + index, 1, 0);
		}
	}
}

/// Providers registered through the real registry (which puts their GPUs in the challenges'
/// target list), their GPUs not proven, for the challenges benchmarks.
pub struct ChallengesBenchmarkHelper;

impl pallet_challenges::BenchmarkHelper<AccountId> for ChallengesBenchmarkHelper {
	fn provider(index: u32, gpus: u32) -> (AccountId, AccountId) {
		use ember_primitives::{ComputeCapability, GpuModelName, GpuSpec};
		let owner: AccountId = frame_benchmarking::account("challenges-provider", index, 0);
		let agent: AccountId = frame_benchmarking::account("challenges-agent", index, 0);
		let specs: alloc::vec::Vec<GpuSpec> = (0..gpus)
			.map(|gpu| GpuSpec {
				model: GpuModelName::truncate_from(b"NVIDIA H100 80GB HBM3".to_vec()),
				vram_mib: 81_559,
				compute_capability: ComputeCapability::new(9, 0),
				uuid_hash: {
					let mut hash = [0xc4u8; 32];
					hash[..4].copy_from_slice(&gpu.to_le_bytes());
					hash[4..8].copy_from_slice(&index.to_le_bytes());
					sp_core::H256(hash)
				},
			})
			.collect();
		// Not proven: the benchmarks challenge them. The registry puts them in the target list.
		register_bonded(&owner, &agent, &specs);
		let _ = Balances::mint_into(&agent, 100 * crate::EMBR);
		(owner, agent)
	}
}
