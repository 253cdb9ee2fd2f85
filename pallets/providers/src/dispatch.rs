//! The work behind the registry's calls. Every function checks everything before it writes, so a
//! failure leaves state as it was.

use crate::*;
use alloc::vec::Vec;
use ember_primitives::{
	GpuUuidHash, InventoryObserver, ProviderCommitments, ProviderLifecycle, ProviderPunishments,
	ProviderStake, ProviderStatus,
};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register(
		owner: T::AccountId,
		agent: T::AccountId,
		metadata: ProviderMetadata<T>,
		gpus: GpuInventoryOf<T>,
	) -> DispatchResult {
		ensure!(!Providers::<T>::contains_key(&owner), Error::<T>::AlreadyRegistered);
		ensure!(!ProviderOfAgent::<T>::contains_key(&owner), Error::<T>::OwnerIsAgent);
		Self::ensure_agent_available(&owner, &agent)?;
		Self::ensure_metadata_valid(&metadata)?;
		Self::ensure_inventory_valid(&gpus)?;
		let gpu_count = Self::gpu_count(&gpus);
		let units = Self::stake_units_for(&gpus);
		ensure!(T::Stake::has_sufficient_stake(&owner, units), Error::<T>::InsufficientStake);

		let now = frame_system::Pallet::<T>::block_number();
		// The last fallible step, and the first write.
		let deadline = Self::schedule_deadline(&owner, Self::liveness_deadline_after(&owner, now))?;

		let info = ProviderInfo {
			agent: agent.clone(),
			status: ProviderStatus::Active,
			paused: false,
			gpu_count,
			registered_at: now,
			last_heartbeat: now,
			liveness_deadline: Some(deadline),
		};
		Providers::<T>::insert(&owner, info);
		Metadata::<T>::insert(&owner, metadata);
		T::InventoryObserver::inventory_changed(&owner, &[], &gpus);
		Inventory::<T>::insert(&owner, gpus);
		ProviderOfAgent::<T>::insert(&agent, &owner);

		Self::deposit_event(Event::ProviderRegistered {
			provider: owner.clone(),
			agent,
			gpu_count,
		});
		Self::record_stake_units(&owner, units);
		Ok(())
	}

	pub(crate) fn do_update_metadata(
		owner: T::AccountId,
		metadata: ProviderMetadata<T>,
	) -> DispatchResult {
		ensure!(Providers::<T>::contains_key(&owner), Error::<T>::NotRegistered);
		Self::ensure_metadata_valid(&metadata)?;

		Metadata::<T>::insert(&owner, metadata);
		Self::deposit_event(Event::MetadataUpdated { provider: owner });
		Ok(())
	}

	pub(crate) fn do_update_inventory(
		owner: T::AccountId,
		gpus: GpuInventoryOf<T>,
	) -> DispatchResult {
		let mut info = Providers::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		Self::ensure_inventory_valid(&gpus)?;

		let current = Inventory::<T>::get(&owner).unwrap_or_default();
		for gpu in current.iter() {
			if T::Commitments::is_gpu_committed(&owner, &gpu.uuid_hash) {
				// A tenant may be running on it: the record must not change under them.
				ensure!(gpus.contains(gpu), Error::<T>::CommittedGpuRemoved);
			}
		}

		let gpu_count = Self::gpu_count(&gpus);
		let recorded_units = Self::recorded_stake_units(&owner, &info);
		let units = Self::stake_units_for(&gpus);
		// Weighing less never needs stake: a slashed provider must still be able to cut its
		// offer. Swapping a GPU for a stronger one weighs more, at the same count.
		if units > recorded_units {
			ensure!(T::Stake::has_sufficient_stake(&owner, units), Error::<T>::InsufficientStake);
		}

		info.gpu_count = gpu_count;
		Providers::<T>::insert(&owner, info);
		T::InventoryObserver::inventory_changed(&owner, &current, &gpus);
		Inventory::<T>::insert(&owner, gpus);
		Self::deposit_event(Event::InventoryUpdated { provider: owner.clone(), gpu_count });
		if units != recorded_units {
			Self::record_stake_units(&owner, units);
		}
		Ok(())
	}

	pub(crate) fn do_set_agent(owner: T::AccountId, new_agent: T::AccountId) -> DispatchResult {
		let mut info = Providers::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		Self::ensure_agent_available(&owner, &new_agent)?;

		let old_agent = core::mem::replace(&mut info.agent, new_agent.clone());
		ProviderOfAgent::<T>::remove(&old_agent);
		ProviderOfAgent::<T>::insert(&new_agent, &owner);
		Providers::<T>::insert(&owner, info);

		Self::deposit_event(Event::AgentChanged { provider: owner, old_agent, new_agent });
		Ok(())
	}

	pub(crate) fn do_pause(owner: T::AccountId) -> DispatchResult {
		let mut info = Providers::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		ensure!(!info.paused, Error::<T>::AlreadyPaused);

		// What it earned up to its last heartbeat, before the pause stops it earning.
		Self::hear_from_if_watched(&owner, &info);
		info.paused = true;
		Providers::<T>::insert(&owner, info);
		// The time it is paused earns nothing.
		T::Lifecycle::paused(&owner);
		Self::deposit_event(Event::Paused { provider: owner });
		Ok(())
	}

	pub(crate) fn do_resume(owner: T::AccountId) -> DispatchResult {
		let mut info = Providers::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		ensure!(info.paused, Error::<T>::NotPaused);

		info.paused = false;
		Providers::<T>::insert(&owner, info);
		T::Lifecycle::resumed(&owner, frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::Resumed { provider: owner });
		Ok(())
	}

	pub(crate) fn do_leave(owner: T::AccountId) -> DispatchResult {
		let mut info = Providers::<T>::get(&owner).ok_or(Error::<T>::NotRegistered)?;
		ensure!(!T::Punishments::is_pending(&owner), Error::<T>::PunishmentPending);
		let active_commitments = T::Commitments::active_commitments(&owner);

		match (info.status, active_commitments) {
			(ProviderStatus::Jailed, _) => Err(Error::<T>::ProviderJailed.into()),
			(_, 0) => {
				Self::hear_from_if_watched(&owner, &info);
				Self::deregister(&owner, &info);
				Self::deposit_event(Event::Deregistered { provider: owner });
				Ok(())
			},
			(ProviderStatus::Active, _) => {
				// Its leases still run, so it stays watched: the deadline is kept. It takes no
				// new work, so it earns no more availability: what it earned is heard first.
				Self::hear_from_if_watched(&owner, &info);
				info.status = ProviderStatus::Leaving;
				Providers::<T>::insert(&owner, info);
				Self::deposit_event(Event::Leaving { provider: owner, active_commitments });
				Ok(())
			},
			(ProviderStatus::Offline, _) => Err(Error::<T>::ProviderOffline.into()),
			(ProviderStatus::Leaving, _) => Err(Error::<T>::CommitmentsRemain.into()),
		}
	}

	/// Record a heartbeat from `agent`. Returns the provider and whether it came back online.
	pub(crate) fn do_heartbeat(agent: T::AccountId) -> Result<(T::AccountId, bool), DispatchError> {
		let owner = ProviderOfAgent::<T>::get(&agent).ok_or(Error::<T>::NotAgent)?;
		let mut info = Providers::<T>::get(&owner).ok_or(Error::<T>::NotAgent)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			Self::period_of(info.last_heartbeat) < Self::period_of(now),
			Error::<T>::HeartbeatAlreadySent
		);

		let came_back_online = match info.status {
			// Watched already: the pending deadline stays where it is, and the hook moves it on
			// when it comes due and finds this heartbeat. A heartbeat writes this record only.
			ProviderStatus::Active | ProviderStatus::Leaving => false,
			ProviderStatus::Offline => {
				let deadline =
					Self::schedule_deadline(&owner, Self::liveness_deadline_after(&owner, now))?;
				info.status = ProviderStatus::Active;
				info.liveness_deadline = Some(deadline);
				true
			},
			// Liveness is recorded, but a jailed provider is not watched for deadlines.
			ProviderStatus::Jailed => false,
		};
		info.last_heartbeat = now;
		Providers::<T>::insert(&owner, info);

		Self::deposit_event(Event::HeartbeatReceived { provider: owner.clone(), block: now });
		if came_back_online {
			Self::deposit_event(Event::BackOnline { provider: owner.clone() });
		}
		Ok((owner, came_back_online))
	}

	/// Jail a provider by governance's hand: any registered provider, one the slashing pallet
	/// jailed included (governance takes that jail over).
	pub(crate) fn do_force_jail(provider: &T::AccountId) -> DispatchResult {
		let status = Providers::<T>::get(provider).ok_or(Error::<T>::NotRegistered)?.status;
		if status != ProviderStatus::Jailed {
			Self::do_jail(provider)?;
		} else {
			Self::deposit_event(Event::Jailed { provider: provider.clone() });
		}
		T::Punishments::jail_overridden(provider);
		Ok(())
	}

	/// Jail an Active, Offline or Leaving provider: it takes no new work until unjailed, and
	/// its running leases close. For governance and for the slashing pallet.
	pub fn do_jail(provider: &T::AccountId) -> DispatchResult {
		let mut info = Providers::<T>::get(provider).ok_or(Error::<T>::NotRegistered)?;
		ensure!(info.status != ProviderStatus::Jailed, Error::<T>::AlreadyJailed);

		// What it earned up to its last heartbeat, before the jail stops it earning.
		Self::hear_from_if_watched(provider, &info);
		info.status = ProviderStatus::Jailed;
		Self::unschedule_deadline(provider, &info);
		info.liveness_deadline = None;
		Providers::<T>::insert(provider, info);
		Self::deposit_event(Event::Jailed { provider: provider.clone() });
		// Its running leases end with the jail.
		T::Lifecycle::jailed(provider);
		Ok(())
	}

	/// Release a jailed provider. It is Active again with a fresh liveness deadline, as if it
	/// had just heartbeated. For governance and for the slashing pallet.
	pub fn do_unjail(provider: &T::AccountId) -> DispatchResult {
		let mut info = Providers::<T>::get(provider).ok_or(Error::<T>::NotRegistered)?;
		ensure!(info.status == ProviderStatus::Jailed, Error::<T>::NotJailed);

		let now = frame_system::Pallet::<T>::block_number();
		let deadline =
			Self::schedule_deadline(provider, Self::liveness_deadline_after(provider, now))?;
		info.status = ProviderStatus::Active;
		info.liveness_deadline = Some(deadline);
		Providers::<T>::insert(provider, info);
		// It earns again from its release.
		T::Lifecycle::resumed(provider, now);
		Self::deposit_event(Event::Unjailed { provider: provider.clone() });
		Ok(())
	}

	/// A watched (Active or Leaving) provider is about to stop earning: the listeners hear from
	/// it one last time, as its next liveness check would have had them.
	fn hear_from_if_watched(owner: &T::AccountId, info: &ProviderInfo<T>) {
		if matches!(info.status, ProviderStatus::Active | ProviderStatus::Leaving) {
			T::Lifecycle::heard_from(owner, info.last_heartbeat);
		}
	}

	/// Remove everything the registry keeps about a provider. Its deadline entries go stale and
	/// are skipped when their block comes.
	fn deregister(owner: &T::AccountId, info: &ProviderInfo<T>) {
		// Removing the bucket entry keeps register/leave cycles from piling entries into one
		// bucket and crowding out other providers' deadlines.
		Self::unschedule_deadline(owner, info);
		ProviderOfAgent::<T>::remove(&info.agent);
		Providers::<T>::remove(owner);
		Metadata::<T>::remove(owner);
		StakeUnits::<T>::remove(owner);
		let gpus = Inventory::<T>::take(owner).unwrap_or_default();
		T::InventoryObserver::inventory_changed(owner, &gpus, &[]);
		T::Lifecycle::deregistered(owner);
	}

	/// An agent key must be a fresh account: not the owner, not another provider's agent and not
	/// a provider's owner.
	fn ensure_agent_available(owner: &T::AccountId, agent: &T::AccountId) -> DispatchResult {
		ensure!(agent != owner, Error::<T>::AgentIsOwner);
		ensure!(!ProviderOfAgent::<T>::contains_key(agent), Error::<T>::AgentInUse);
		ensure!(!Providers::<T>::contains_key(agent), Error::<T>::AgentIsProvider);
		Ok(())
	}

	pub(crate) fn ensure_metadata_valid(metadata: &ProviderMetadata<T>) -> DispatchResult {
		ensure!(!metadata.region.is_empty(), Error::<T>::EmptyRegion);
		ensure!(!metadata.peer_id.is_empty(), Error::<T>::EmptyPeerId);
		ensure!(
			metadata.multiaddrs.iter().all(|address| !address.is_empty()),
			Error::<T>::EmptyMultiaddr
		);
		Ok(())
	}

	pub(crate) fn ensure_inventory_valid(gpus: &GpuInventoryOf<T>) -> DispatchResult {
		ensure!(!gpus.is_empty(), Error::<T>::EmptyInventory);
		ensure!(gpus.iter().all(|gpu| gpu.is_well_formed()), Error::<T>::MalformedGpu);

		let mut hashes: Vec<GpuUuidHash> = gpus.iter().map(|gpu| gpu.uuid_hash).collect();
		hashes.sort_unstable();
		let has_duplicate = hashes.windows(2).any(|pair| matches!(pair, [a, b] if a == b));
		ensure!(!has_duplicate, Error::<T>::DuplicateGpu);
		Ok(())
	}

	/// The inventory's length; it never exceeds `MaxGpusPerProvider`, a `u32`.
	fn gpu_count(gpus: &GpuInventoryOf<T>) -> u32 {
		u32::try_from(gpus.len()).unwrap_or(u32::MAX)
	}
}
