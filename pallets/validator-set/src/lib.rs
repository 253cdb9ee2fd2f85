//! # Validator set
//!
//! The session manager of Ember's Aura + GRANDPA chain: governance adds and removes validators
//! here, and pallet-session takes the resulting set at its session rotations.
//!
//! ## When a change takes effect
//!
//! pallet-session plans the set of session `n + 2` at the moment session `n + 1` starts. A change
//! made during session `n` is therefore queued at the next rotation and becomes the active set at
//! the rotation after that ("the session after next"). Until then the old set keeps producing and
//! finalizing blocks.
//!
//! ## Session keys
//!
//! A validator without session keys would be skipped by pallet-session, and a set in which too
//! many validators are skipped stalls block production. So an account can only be added once it
//! has registered its Aura and GRANDPA keys with `session.setKeys` (pallet-session's `NextKeys`).
//!
//! ## Punishment
//!
//! A proven consensus offence (a GRANDPA equivocation, reported with a historical-session proof
//! through pallet-offences, which hands it to this pallet's `OnOffenceHandler`) disables the
//! offender at once, within pallet-session's disabling limit, and takes it out of the planned set
//! (unless that would leave fewer than `MinValidators`): it stops validating from the session
//! after next, and only governance can add it back.
//!
//! ## Runtime wiring
//!
//! - `pallet_session::Config::SessionManager = ValidatorSet` (or a wrapper such as pallet-session's
//!   `NoteHistoricalRoot` around it), with `ValidatorId = AccountId` and
//!   `ValidatorIdOf = sp_runtime::traits::ConvertInto`.
//! - `pallet_offences::Config::OnOffenceHandler = ValidatorSet`, and pallet-session's
//!   `DisablingStrategy` bounded (`UpToLimitDisablingStrategy`), with Aura's
//!   `DisabledValidators = Session` so that a disabled validator's blocks are refused.
//! - Declare this pallet before `Session` in the runtime: pallet-session's genesis asks this pallet
//!   for the genesis set, so this pallet's genesis must have been built first. Every genesis
//!   validator also needs its keys in pallet-session's genesis `keys`.
//! - Keep `MaxValidators` at or below the `MaxAuthorities` of pallet-aura and pallet-grandpa.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod dispatch;
mod impls;
mod offences;
// Invariants are also checked by the runtime's own tests, which build with `std`.
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod invariants;
mod session;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Log target of this pallet.
pub(crate) const LOG_TARGET: &str = "runtime::validator-set";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_staking::SessionIndex;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Validators are identified by their account in pallet-session (`ValidatorId = AccountId`),
	/// whose session keys this pallet checks before adding an account.
	// pallet-session declares `RuntimeEvent` and `WeightInfo` too, hence the qualified
	// `<T as Config>::WeightInfo` in the call weights.
	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// Origin allowed to add and remove validators: governance (Root on Ember at first).
		type AddRemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The largest number of validators. Keep it at or below the `MaxAuthorities` of the
		/// consensus pallets, which cannot take more authorities than that.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The smallest number of validators; removals that would go below it are refused. Must be
		/// at least 1 and below `MaxValidators`.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Weights of this pallet's calls and session work.
		type WeightInfo: WeightInfo;

		/// Prepares benchmark accounts with what other pallets must hold (session keys).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validator set pallet-session receives at its next rotation, in the order it is given.
	/// It becomes the active set one rotation later.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// Whether `Validators` changed since pallet-session last asked for a new set. Only then is a
	/// new set handed over at a rotation.
	#[pallet::storage]
	pub type ValidatorsChanged<T> = StorageValue<_, bool, ValueQuery>;

	/// The first session whose consensus offences still punish a validator: offences of
	/// earlier sessions were punished already (the session after the last one punished) or
	/// predate governance admitting it (the session it was added in). Without an entry, every
	/// session's. One entry per validator ever added or punished.
	#[pallet::storage]
	pub type AnswerableFrom<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, sp_staking::SessionIndex, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators of sessions 0 and 1: between `MinValidators` and `MaxValidators`
		/// accounts, no duplicates. Each must also have keys in pallet-session's genesis.
		/// Empty (the default) leaves the set unconfigured, which no real chain can run on.
		pub initial_validators: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The default config must build (FRAME checks that), so empty means "not set".
			if self.initial_validators.is_empty() {
				log::warn!(target: LOG_TARGET, "genesis without validators");
				return;
			}
			// A chain cannot start with an invalid validator set: refuse to build its genesis.
			if let Err(reason) = Pallet::<T>::do_initialize_validators(&self.initial_validators) {
				panic!("invalid validator-set genesis: {reason}");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `validator` joined the planned set. It starts validating at the session after next.
		ValidatorAdded {
			/// The account added to the set.
			validator: T::AccountId,
		},
		/// `validator` left the planned set. It stops validating at the session after next.
		ValidatorRemoved {
			/// The account removed from the set.
			validator: T::AccountId,
		},
		/// A proven offence punished `validator`: it is disabled for now (within pallet-session's
		/// disabling limit) and, when `removed`, left the planned set.
		ValidatorPunished {
			/// The offender.
			validator: T::AccountId,
			/// The session in which the offence happened.
			session: SessionIndex,
			/// Whether it left the planned set (false when already gone or when the set is at
			/// `MinValidators`).
			removed: bool,
		},
		/// The changed set was handed to pallet-session at a rotation; it becomes the active set
		/// at `session_index`.
		NewValidatorSetPlanned {
			/// The session from which the new set validates.
			session_index: SessionIndex,
			/// The number of validators in the new set.
			validators_count: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already in the validator set.
		AlreadyValidator,
		/// The validator set already holds `MaxValidators` accounts.
		TooManyValidators,
		/// The account is not in the validator set.
		NotValidator,
		/// Removing the account would leave fewer than `MinValidators` validators.
		TooFewValidators,
		/// The account has not registered session keys with `session.setKeys`; without them it
		/// could not produce or finalize blocks.
		NoSessionKeys,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "MinValidators must be at least 1");
			assert!(
				T::MinValidators::get() < T::MaxValidators::get(),
				"MinValidators must be below MaxValidators, or the set could never change"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `validator` to the validator set.
		///
		/// Only governance (`AddRemoveOrigin`, Root on Ember) may call this.
		///
		/// The account must first register its session keys (Aura and GRANDPA) with
		/// `session.setKeys`, so that it can produce and finalize blocks once it is active.
		///
		/// The change takes effect at the session after next: it is handed to pallet-session at
		/// the next session rotation and becomes active at the rotation after that.
		///
		/// Emits `ValidatorAdded`.
		///
		/// Errors:
		/// - `AlreadyValidator`: the account is already in the set.
		/// - `NoSessionKeys`: the account has not set its session keys.
		/// - `TooManyValidators`: the set already holds `MaxValidators` accounts.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			Self::do_add_validator(validator)
		}

		/// Remove `validator` from the validator set.
		///
		/// Only governance (`AddRemoveOrigin`, Root on Ember) may call this.
		///
		/// The change takes effect at the session after next: the account keeps validating until
		/// then, so its node should stay online until the second session rotation from now.
		///
		/// Emits `ValidatorRemoved`.
		///
		/// Errors:
		/// - `NotValidator`: the account is not in the set.
		/// - `TooFewValidators`: the set would shrink below `MinValidators`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(validator)
		}
	}
}
