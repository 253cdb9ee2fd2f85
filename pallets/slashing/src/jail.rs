//! Jailing providers at the start of the block after their offence, and their owners' release.
//!
//! A report never jails by itself: reports come from within the lease market's own calls
//! (`went_offline`, `close_lease`), and jailing closes the provider's leases, which would re-enter
//! the market in the middle of its call. The jail waits in the queue of the next block instead.

use crate::*;
use ember_primitives::{queue::place_with_spill, ProviderJail, ProviderRegistry, ProviderStatus};
use frame_support::{
	ensure, pallet_prelude::DispatchResult, storage::with_storage_layer, traits::Get,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating},
	DispatchError,
};

impl<T: Config> Pallet<T> {
	/// Queue `provider` to be jailed at the start of the next block, or of one of the `MaxSpill`
	/// blocks after it when that block's queue is full. A provider already queued stays where it
	/// is.
	pub(crate) fn schedule_jail(provider: &T::AccountId, now: BlockNumberFor<T>) {
		let target = now.saturating_add(One::one());
		let mut queued_before = false;
		let placed = place_with_spill(target, T::MaxSpill::get(), |block| {
			if JailQueue::<T>::get(block).contains(provider) {
				queued_before = true;
				return true;
			}
			JailQueue::<T>::try_append(block, provider).is_ok()
		});
		match placed {
			Some(_) if queued_before => {},
			Some(at) => {
				Self::add_pending(provider);
				Self::deposit_event(Event::JailScheduled { provider: provider.clone(), at })
			},
			None => {
				log::warn!(target: LOG_TARGET, "jail queues full from block {target:?} on");
				Self::deposit_event(Event::JailDropped { provider: provider.clone() });
			},
		}
	}

	/// Jail a provider taken from the queue of block `now`.
	///
	/// One this pallet holds in jail already has its cool-down restarted. Otherwise the
	/// registry jails it, leaving or not; when it cannot (not registered, or jailed by
	/// governance) an event says why and nothing else changes.
	pub(crate) fn jail_queued(provider: &T::AccountId, now: BlockNumberFor<T>) {
		Self::remove_pending(provider);
		let until = now.saturating_add(T::JailCooldown::get());
		let ours = JailedUntil::<T>::contains_key(provider);
		if ours && T::Registry::status(provider) == Some(ProviderStatus::Jailed) {
			JailedUntil::<T>::insert(provider, until);
			Self::deposit_event(Event::ProviderJailed { provider: provider.clone(), until });
			return;
		}
		// In a block hook no layer rolls a failed jail back; give it its own.
		match with_storage_layer::<(), DispatchError, _>(|| T::Jail::jail(provider)) {
			Ok(()) => {
				JailedUntil::<T>::insert(provider, until);
				Self::deposit_event(Event::ProviderJailed { provider: provider.clone(), until });
			},
			Err(error) => {
				if ours {
					// Governance released it: the record is stale.
					JailedUntil::<T>::remove(provider);
				}
				log::info!(target: LOG_TARGET, "provider {provider:?} not jailed: {error:?}");
				Self::deposit_event(Event::JailFailed { provider: provider.clone(), error });
			},
		}
	}

	/// Release the owner's provider from this pallet's jail once its cool-down has passed.
	///
	/// When the registry no longer holds it in jail (governance released it, or it left) only
	/// this pallet's record is cleared.
	pub(crate) fn do_unjail(owner: T::AccountId) -> DispatchResult {
		let until = JailedUntil::<T>::get(&owner).ok_or(Error::<T>::NotJailedBySlashing)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= until, Error::<T>::CooldownNotOver);
		if T::Registry::status(&owner) == Some(ProviderStatus::Jailed) {
			T::Jail::unjail(&owner)?;
		}
		JailedUntil::<T>::remove(&owner);
		Self::deposit_event(Event::Unjailed { provider: owner });
		Ok(())
	}
}
