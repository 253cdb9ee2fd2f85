//! The benchmarks the runtime exposes to `ember-node benchmark pallet`, and the helpers Ember's
//! pallets need to set up their benchmarks in the real runtime.

use crate::{AccountId, Runtime, RuntimeOrigin, Session};

// The pallets benchmarked, in scope wherever the benchmark-listing macros expand.
pub use crate::{
	Balances, Leases, ProviderStaking, Providers, Sudo, Timestamp, Utility, ValidatorSet,
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
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_validator_set, ValidatorSet]
	[pallet_provider_staking, ProviderStaking]
	[pallet_providers, Providers]
	[pallet_leases, Leases]
);

/// Gives benchmark accounts the bond their GPUs require, through the real staking pallet.
pub struct ProvidersBenchmarkHelper;

impl pallet_providers::BenchmarkHelper<AccountId> for ProvidersBenchmarkHelper {
	fn ensure_stake(owner: &AccountId, gpus: u32) {
		use ember_primitives::ProviderStake;
		let required =
			<ProviderStaking as ProviderStake<AccountId, crate::Balance>>::required_stake(gpus);
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

impl pallet_leases::BenchmarkHelper<AccountId> for LeasesBenchmarkHelper {
	fn register_provider(owner: &AccountId, agent: &AccountId, gpus: &[ember_primitives::GpuSpec]) {
		use pallet_providers::BenchmarkHelper as _;
		let count = u32::try_from(gpus.len()).unwrap_or(u32::MAX);
		ProvidersBenchmarkHelper::ensure_stake(owner, count);
		use frame_support::BoundedVec;
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
