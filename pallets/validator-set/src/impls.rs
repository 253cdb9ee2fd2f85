//! Trait implementations through which the runtime wires this pallet to its neighbours.

use crate::{Config, Pallet};
use alloc::vec::Vec;
use sp_staking::SessionIndex;

/// pallet-session asks for a new set at every rotation and enacts it one session later.
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::do_new_session(new_index)
	}

	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::do_new_session_genesis()
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}
