//! The registry's invariants, checked by `try_state` and after every block in tests.
//!
//! A provider's bond covering its GPUs is deliberately not among them: slashing may break it.

use crate::*;
use ember_primitives::ProviderStatus;
use frame_support::ensure;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the registry at block `now` (after that block's hook ran).
	pub fn do_try_state(now: BlockNumberFor<T>) -> Result<(), TryRuntimeError> {
		// No deadline can lie further out than one scheduled in the current period, or one set
		// under the heartbeat parameters before governance last changed them.
		let latest_deadline = Self::latest_deadline_from(now).max(
			HeartbeatParams::<T>::get()
				.map(|settings| settings.earlier_deadlines_until)
				.unwrap_or_default(),
		);

		let mut provider_count: u32 = 0;
		for (owner, info) in Providers::<T>::iter() {
			provider_count = provider_count.saturating_add(1);

			ensure!(info.agent != owner, "a provider is its own agent");
			ensure!(
				ProviderOfAgent::<T>::get(&info.agent).as_ref() == Some(&owner),
				"the agent index does not lead back to the provider"
			);
			ensure!(!Providers::<T>::contains_key(&info.agent), "an agent owns a provider");
			ensure!(
				info.registered_at <= info.last_heartbeat && info.last_heartbeat <= now,
				"heartbeat block out of order"
			);

			let inventory = Inventory::<T>::get(&owner).ok_or("provider without inventory")?;
			Self::ensure_inventory_valid(&inventory).map_err(|_| "invalid inventory")?;
			ensure!(
				u32::try_from(inventory.len()).ok() == Some(info.gpu_count),
				"gpu count differs from the inventory"
			);
			// Every GPU weighs at least one stake unit.
			ensure!(
				StakeUnits::<T>::get(&owner).is_none_or(|units| units >= info.gpu_count),
				"a provider weighs fewer stake units than it has GPUs"
			);
			let metadata = Metadata::<T>::get(&owner).ok_or("provider without metadata")?;
			Self::ensure_metadata_valid(&metadata).map_err(|_| "invalid metadata")?;

			match (info.status, info.liveness_deadline) {
				(ProviderStatus::Active | ProviderStatus::Leaving, Some(deadline)) => {
					ensure!(
						deadline >= now
							|| DeadlineBacklog::<T>::get().is_some_and(|from| deadline >= from),
						"a watched provider's deadline has passed"
					);
					ensure!(deadline <= latest_deadline, "a deadline lies too far ahead");
					ensure!(
						Deadlines::<T>::get(deadline).contains(&owner),
						"a watched provider is missing from its deadline bucket"
					);
				},
				(ProviderStatus::Active | ProviderStatus::Leaving, None) => {
					return Err("a watched provider has no deadline".into())
				},
				(_, Some(_)) => {
					return Err("only active and leaving providers carry a deadline".into())
				},
				(_, None) => {},
			}
		}

		ensure!(Providers::<T>::count() == provider_count, "provider counter is off");
		ensure!(
			ProviderOfAgent::<T>::iter_keys().count() == provider_count as usize,
			"the agent index has entries of no provider"
		);
		ensure!(
			Inventory::<T>::iter_keys().count() == provider_count as usize,
			"an inventory outlived its provider"
		);
		ensure!(
			StakeUnits::<T>::iter_keys().all(Providers::<T>::contains_key),
			"stake units outlived their provider"
		);
		ensure!(
			Metadata::<T>::iter_keys().count() == provider_count as usize,
			"metadata outlived its provider"
		);
		for block in Deadlines::<T>::iter_keys() {
			ensure!(
				block >= now || DeadlineBacklog::<T>::get().is_some_and(|from| block >= from),
				"a deadline bucket was left behind by its block"
			);
		}
		Ok(())
	}
}
