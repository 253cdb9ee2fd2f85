//! Benchmarks of the registry's calls and block hook, each at its worst case: full inventories,
//! full metadata, and every deadline bucket a call may try full but the last.

use super::*;
use crate::Pallet as ProvidersPallet;
use alloc::vec::Vec;
use ember_primitives::{
	gpu::{GpuModelName, MAX_GPU_MODEL_LEN},
	ComputeCapability, GpuSpec, GpuUuidHash, ProviderStatus,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, Hooks},
	weights::Weight,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{One, Saturating};

const SEED: u32 = 0;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn assert_has_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_has_event(event.into());
}

/// `count` GPUs, each of its own model with the longest name (so that every class score is
/// read), their UUID hashes numbered from `first`.
fn inventory<T: Config>(first: u32, count: u32) -> GpuInventoryOf<T> {
	let gpus: Vec<GpuSpec> = (first..first.saturating_add(count))
		.map(|index| GpuSpec {
			model: model_name(index),
			vram_mib: 81_920,
			compute_capability: ComputeCapability::new(9, 0),
			uuid_hash: uuid_hash(index),
		})
		.collect();
	GpuInventoryOf::<T>::truncate_from(gpus)
}

/// A model name of the longest length, distinct for each `index`.
fn model_name(index: u32) -> GpuModelName {
	let mut name = [b'G'].repeat(MAX_GPU_MODEL_LEN as usize);
	// The index in base 26, in capital letters (printable, so the names stay well formed).
	let mut rest = index;
	for slot in name.iter_mut().rev().take(4) {
		*slot = b'A'.saturating_add((rest % 26) as u8);
		rest /= 26;
	}
	GpuModelName::truncate_from(name)
}

/// Give `owner` the bond that `gpus` GPUs of [`inventory`] need.
fn ensure_stake_for<T: Config>(owner: &T::AccountId, gpus: u32) {
	let units = ProvidersPallet::<T>::stake_units_for(&inventory::<T>(0, gpus));
	T::BenchmarkHelper::ensure_stake(owner, units);
}

/// A distinct UUID hash for GPU `index`.
fn uuid_hash(index: u32) -> GpuUuidHash {
	let mut bytes = [0u8; 32];
	bytes[28..].copy_from_slice(&index.saturating_add(1).to_be_bytes());
	GpuUuidHash::from(bytes)
}

/// Metadata with every field at its longest.
fn full_metadata<T: Config>() -> ProviderMetadata<T> {
	let multiaddr =
		MultiaddrOf::<T>::truncate_from([b'/'].repeat(T::MaxMultiaddrLen::get() as usize));
	ProviderMetadata {
		region: RegionOf::<T>::truncate_from([b'r'].repeat(T::MaxRegionLen::get() as usize)),
		peer_id: PeerIdOf::<T>::truncate_from([b'p'].repeat(T::MaxPeerIdLen::get() as usize)),
		multiaddrs: MultiaddrsOf::<T>::truncate_from(
			(0..T::MaxMultiaddrs::get()).map(|_| multiaddr.clone()).collect(),
		),
	}
}

/// Metadata with one byte per field.
fn small_metadata<T: Config>() -> ProviderMetadata<T> {
	ProviderMetadata {
		region: RegionOf::<T>::truncate_from(b"r".to_vec()),
		peer_id: PeerIdOf::<T>::truncate_from(b"p".to_vec()),
		multiaddrs: MultiaddrsOf::<T>::default(),
	}
}

/// Fill the buckets of the `DEADLINE_SPILL_BLOCKS` blocks from `target` on, so a deadline aimed
/// at `target` has to try every block it may before it finds room.
fn fill_spill_buckets<T: Config>(target: BlockNumberFor<T>) {
	let mut block = target;
	for spill in 0..DEADLINE_SPILL_BLOCKS {
		let fillers: Vec<T::AccountId> = (0..T::MaxDeadlinesPerBlock::get())
			.map(|index| account("filler", index, spill))
			.collect();
		Deadlines::<T>::insert(block, DeadlineBucketOf::<T>::truncate_from(fillers));
		block = block.saturating_add(One::one());
	}
}

/// Fill the bucket of `owner`'s pending deadline to the brim, `owner` included.
fn fill_own_bucket<T: Config>(owner: &T::AccountId) {
	let Some(block) = Providers::<T>::get(owner).and_then(|info| info.liveness_deadline) else {
		return;
	};
	let mut bucket: Vec<T::AccountId> = (1..T::MaxDeadlinesPerBlock::get())
		.map(|index| account("filler", index, 0))
		.collect();
	bucket.push(owner.clone());
	Deadlines::<T>::insert(block, DeadlineBucketOf::<T>::truncate_from(bucket));
}

/// Register `owner` with `gpus` GPUs and full metadata; returns its agent.
fn register_provider<T: Config>(owner: &T::AccountId, gpus: u32) -> T::AccountId {
	let agent: T::AccountId = account("agent", 0, SEED);
	ensure_stake_for::<T>(owner, gpus);
	let result = ProvidersPallet::<T>::do_register(
		owner.clone(),
		agent.clone(),
		full_metadata::<T>(),
		inventory::<T>(0, gpus),
	);
	assert!(result.is_ok(), "benchmark provider registers");
	agent
}

/// Move to the first block of the next heartbeat period.
fn next_period<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	let next = ProvidersPallet::<T>::period_of(now)
		.saturating_add(One::one())
		.saturating_mul(ProvidersPallet::<T>::heartbeat_period());
	frame_system::Pallet::<T>::set_block_number(next);
}

fn status_of<T: Config>(owner: &T::AccountId) -> Option<ProviderStatus> {
	Providers::<T>::get(owner).map(|info| info.status)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let owner: T::AccountId = whitelisted_caller();
		let agent: T::AccountId = account("agent", 0, SEED);
		let gpus = T::MaxGpusPerProvider::get();
		ensure_stake_for::<T>(&owner, gpus);
		let now = frame_system::Pallet::<T>::block_number();
		fill_spill_buckets::<T>(ProvidersPallet::<T>::liveness_deadline_after(&owner, now));
		let metadata = full_metadata::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner.clone()),
			agent.clone(),
			metadata.region,
			metadata.peer_id,
			metadata.multiaddrs,
			inventory::<T>(0, gpus),
		);

		assert_eq!(status_of::<T>(&owner), Some(ProviderStatus::Active));
		assert_has_event::<T>(Event::ProviderRegistered {
			provider: owner,
			agent,
			gpu_count: gpus,
		});
	}

	#[benchmark]
	fn update_metadata() {
		let owner: T::AccountId = whitelisted_caller();
		ensure_stake_for::<T>(&owner, 1);
		let agent: T::AccountId = account("agent", 0, SEED);
		let result = ProvidersPallet::<T>::do_register(
			owner.clone(),
			agent,
			small_metadata::<T>(),
			inventory::<T>(0, 1),
		);
		assert!(result.is_ok(), "benchmark provider registers");
		let metadata = full_metadata::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner.clone()),
			metadata.region.clone(),
			metadata.peer_id.clone(),
			metadata.multiaddrs.clone(),
		);

		assert_eq!(Metadata::<T>::get(&owner), Some(metadata));
		assert_last_event::<T>(Event::MetadataUpdated { provider: owner });
	}

	#[benchmark]
	fn update_inventory() {
		// Growth reads every class score and checks the bond, and every GPU already registered
		// is checked for commitments.
		let owner: T::AccountId = whitelisted_caller();
		let max = T::MaxGpusPerProvider::get();
		let before = max.saturating_sub(1).max(1);
		register_provider::<T>(&owner, before);
		ensure_stake_for::<T>(&owner, max);
		let gpus = inventory::<T>(0, max);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), gpus.clone());

		assert_eq!(Inventory::<T>::get(&owner), Some(gpus));
		assert_has_event::<T>(Event::InventoryUpdated { provider: owner, gpu_count: max });
	}

	#[benchmark]
	fn refresh_stake_units() {
		// The largest inventory, each GPU of its own model: every class score is read.
		let owner: T::AccountId = whitelisted_caller();
		let caller: T::AccountId = account("caller", 0, SEED);
		let max = T::MaxGpusPerProvider::get();
		register_provider::<T>(&owner, max);
		let mut models: Vec<GpuModelName> = Inventory::<T>::get(&owner)
			.unwrap_or_default()
			.iter()
			.map(|gpu| gpu.model.clone())
			.collect();
		models.sort();
		models.dedup();
		assert_eq!(models.len(), max as usize, "every GPU of its own model");
		let units = StakeUnits::<T>::get(&owner).unwrap_or(max);
		// As if a class score had fallen since the units were recorded.
		StakeUnits::<T>::insert(&owner, units.saturating_add(1));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), owner.clone());

		assert_eq!(StakeUnits::<T>::get(&owner), Some(units));
	}

	#[benchmark]
	fn set_agent() {
		let owner: T::AccountId = whitelisted_caller();
		let old_agent = register_provider::<T>(&owner, 1);
		let new_agent: T::AccountId = account("agent", 1, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), new_agent.clone());

		assert_eq!(ProviderOfAgent::<T>::get(&new_agent), Some(owner.clone()));
		assert_last_event::<T>(Event::AgentChanged { provider: owner, old_agent, new_agent });
	}

	#[benchmark]
	fn pause() {
		let owner: T::AccountId = whitelisted_caller();
		register_provider::<T>(&owner, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()));

		assert_last_event::<T>(Event::Paused { provider: owner });
	}

	#[benchmark]
	fn resume() {
		let owner: T::AccountId = whitelisted_caller();
		register_provider::<T>(&owner, 1);
		assert!(ProvidersPallet::<T>::do_pause(owner.clone()).is_ok(), "provider pauses");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()));

		assert_last_event::<T>(Event::Resumed { provider: owner });
	}

	#[benchmark]
	fn leave() {
		// Deregistration is the heavier path: it removes every record of the provider, and its
		// entry from a full deadline bucket.
		let owner: T::AccountId = whitelisted_caller();
		register_provider::<T>(&owner, T::MaxGpusPerProvider::get());
		fill_own_bucket::<T>(&owner);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()));

		assert!(!Providers::<T>::contains_key(&owner));
		assert_last_event::<T>(Event::Deregistered { provider: owner });
	}

	/// An Active provider's heartbeat writes its record only: its deadline stays queued.
	#[benchmark]
	fn heartbeat() {
		let owner: T::AccountId = whitelisted_caller();
		let agent = register_provider::<T>(&owner, 1);
		next_period::<T>();
		let now = frame_system::Pallet::<T>::block_number();

		#[extrinsic_call]
		heartbeat(RawOrigin::Signed(agent), Default::default());

		assert_eq!(status_of::<T>(&owner), Some(ProviderStatus::Active));
		assert_last_event::<T>(Event::HeartbeatReceived { provider: owner, block: now });
	}

	#[benchmark]
	fn heartbeat_back_online() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = whitelisted_caller();
		let agent = register_provider::<T>(&owner, 1);
		// Let the provider miss its deadline through the hook, as on a live chain.
		let deadline = Providers::<T>::get(&owner)
			.and_then(|info| info.liveness_deadline)
			.ok_or(BenchmarkError::Stop("a registered provider has a deadline"))?;
		frame_system::Pallet::<T>::set_block_number(deadline);
		ProvidersPallet::<T>::on_initialize(deadline);
		assert_eq!(status_of::<T>(&owner), Some(ProviderStatus::Offline));
		let now = frame_system::Pallet::<T>::block_number();
		fill_spill_buckets::<T>(ProvidersPallet::<T>::liveness_deadline_after(&owner, now));

		#[extrinsic_call]
		heartbeat(RawOrigin::Signed(agent), Default::default());

		assert_eq!(status_of::<T>(&owner), Some(ProviderStatus::Active));
		assert_last_event::<T>(Event::BackOnline { provider: owner });
		Ok(())
	}

	#[benchmark]
	fn force_jail() -> Result<(), BenchmarkError> {
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, SEED);
		register_provider::<T>(&owner, 1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, owner.clone());

		assert_eq!(status_of::<T>(&owner), Some(ProviderStatus::Jailed));
		assert_last_event::<T>(Event::Jailed { provider: owner });
		Ok(())
	}

	#[benchmark]
	fn force_unjail() -> Result<(), BenchmarkError> {
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, SEED);
		register_provider::<T>(&owner, 1);
		assert!(ProvidersPallet::<T>::do_jail(&owner).is_ok(), "provider is jailed");
		let now = frame_system::Pallet::<T>::block_number();
		fill_spill_buckets::<T>(ProvidersPallet::<T>::liveness_deadline_after(&owner, now));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, owner.clone());

		assert_eq!(status_of::<T>(&owner), Some(ProviderStatus::Active));
		assert_last_event::<T>(Event::Unjailed { provider: owner });
		Ok(())
	}

	#[benchmark]
	fn set_heartbeat_params() -> Result<(), BenchmarkError> {
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let period: BlockNumberFor<T> = MAX_HEARTBEAT_PERIOD.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, period, MAX_MAX_MISSED_HEARTBEATS);

		assert_eq!(ProvidersPallet::<T>::heartbeat_period(), period);
		assert_eq!(ProvidersPallet::<T>::max_missed_heartbeats(), MAX_MAX_MISSED_HEARTBEATS);
		Ok(())
	}

	/// `n` providers are due in the block, every one still Active, so each goes Offline. The
	/// hook reads only that block's bucket: providers due in other blocks cost it nothing. It
	/// runs without its budget, which would leave part of a large bucket for the next blocks:
	/// what is measured is the cost of each provider it does work.
	#[benchmark]
	fn on_initialize(n: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		let now = frame_system::Pallet::<T>::block_number();
		// Past every provider's deadline after a heartbeat now, whatever its offset: the hook
		// finds each of them due under the current parameters.
		let missed: BlockNumberFor<T> = ProvidersPallet::<T>::max_missed_heartbeats().into();
		let due = ProvidersPallet::<T>::period_of(now)
			.saturating_add(missed)
			.saturating_add(2u32.into())
			.saturating_mul(ProvidersPallet::<T>::heartbeat_period());
		let owners: Vec<T::AccountId> = (0..n).map(|index| account("owner", index, SEED)).collect();
		for (index, owner) in owners.iter().enumerate() {
			let info = ProviderInfo::<T> {
				agent: account("agent", index as u32, SEED),
				status: ProviderStatus::Active,
				paused: false,
				gpu_count: 1,
				registered_at: now,
				last_heartbeat: now,
				liveness_deadline: Some(due),
			};
			Providers::<T>::insert(owner, info);
		}
		Deadlines::<T>::insert(due, DeadlineBucketOf::<T>::truncate_from(owners.clone()));
		frame_system::Pallet::<T>::set_block_number(due);

		#[block]
		{
			ProvidersPallet::<T>::process_due_deadlines_within(due, Weight::MAX);
		}

		assert!(!Deadlines::<T>::contains_key(due));
		for owner in owners.iter() {
			assert_eq!(status_of::<T>(owner), Some(ProviderStatus::Offline));
		}
	}

	/// `n` providers are due in the block, every one heard from since its deadline was set, so
	/// each is put back for the deadline its last heartbeat gives it (and the listeners credit
	/// its time, weighed apart). This is the hook's everyday work: once per
	/// `MaxMissedHeartbeats + 1` periods for every watched provider.
	#[benchmark]
	fn on_initialize_moved_on(n: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		let registered: BlockNumberFor<T> = One::one();
		let due = ProvidersPallet::<T>::latest_deadline_from(registered);
		// Heard from in the period before the one due: each next deadline lies ahead.
		let heard = due.saturating_sub(ProvidersPallet::<T>::heartbeat_period());
		let owners: Vec<T::AccountId> = (0..n).map(|index| account("owner", index, SEED)).collect();
		for (index, owner) in owners.iter().enumerate() {
			let info = ProviderInfo::<T> {
				agent: account("agent", index as u32, SEED),
				status: ProviderStatus::Active,
				paused: false,
				gpu_count: 1,
				registered_at: registered,
				last_heartbeat: heard,
				liveness_deadline: Some(due),
			};
			Providers::<T>::insert(owner, info);
		}
		Deadlines::<T>::insert(due, DeadlineBucketOf::<T>::truncate_from(owners.clone()));
		frame_system::Pallet::<T>::set_block_number(due);

		#[block]
		{
			ProvidersPallet::<T>::process_due_deadlines_within(due, Weight::MAX);
		}

		assert!(!Deadlines::<T>::contains_key(due));
		for owner in owners.iter() {
			let info = Providers::<T>::get(owner).expect("still registered");
			assert_eq!(info.status, ProviderStatus::Active);
			assert!(info.liveness_deadline.is_some_and(|deadline| deadline > due));
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
