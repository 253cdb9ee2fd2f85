//! # Provider staking
//!
//! The bond behind every Ember provider. A provider is identified by its owner account, and the
//! owner's bond is what a provider puts at risk: it must cover the provider's registered GPUs
//! (`ProviderBaseStake + ProviderStakePerUnit * units`, where each GPU weighs stake units by the
//! class score of the model it claims, as the registry records them) and it is what the slashing
//! pallet takes when the provider misbehaves.
//!
//! - Owners `bond`, `bond_extra`, `unbond` (funds stay held for `UnbondingPeriod` blocks),
//!   `rebond` (take unbonding funds back, latest first) and `withdraw_unbonded`, and set the
//!   `commission` they keep from delegators' rewards.
//! - Delegators back a provider with their own funds through `delegate`, `undelegate` and
//!   `withdraw_delegation`. At most `MaxDelegatorsPerProvider` accounts back one provider, which
//!   bounds the cost of a slash. When every slot is taken, a larger delegation displaces the
//!   smallest (which starts unbonding), and an owner may ask more than the chain's
//!   `MinDelegation` with `set_min_delegation`, so that dust cannot squat the slots.
//! - Funds never leave their owner's account: they are held with fungible holds
//!   ([`HoldReason::ProviderBond`] and [`HoldReason::Delegation`]), and only a slash moves them.
//!
//! Other pallets see this one through [`ember_primitives::ProviderStake`] (what a provider has
//! bonded and what it needs) and [`ember_primitives::ProviderStakeSlashing`]: the exposure (who
//! backs a provider, and with how much) recorded when an offence is reported, and the slash that
//! takes it first-loss: the owner's bond pays first, up to what it held then, and only the rest
//! falls on the delegators of that exposure, each in proportion to what it held then.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod bonding;
mod delegation;
mod impls;
mod invariants;
pub mod migrations;
mod slashing;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

/// Target for this pallet's log messages.
const LOG_TARGET: &str = "runtime::provider-staking";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ember_primitives::{BackingObserver, ProviderRegistry};
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime's hold reasons, which include this pallet's [`HoldReason`].
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency bonds and delegations are held in.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::InspectHold<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The provider registry: the stake units each owner's GPUs weigh.
		type Registry: ProviderRegistry<Self::AccountId>;

		/// Bond every registered provider needs, whatever its GPUs.
		#[pallet::constant]
		type ProviderBaseStake: Get<BalanceOf<Self>>;

		/// Bond needed for each stake unit the provider's GPUs weigh, on top of
		/// `ProviderBaseStake`. A GPU of the reference class (a T4) weighs one unit; a stronger
		/// one weighs its class score over the registry's `StakeUnitScore`, rounded up.
		#[pallet::constant]
		type ProviderStakePerUnit: Get<BalanceOf<Self>>;

		/// Smallest active bond an owner may have, other than none at all.
		#[pallet::constant]
		type MinProviderBond: Get<BalanceOf<Self>>;

		/// Smallest active delegation a delegator may have behind one provider, other than none.
		#[pallet::constant]
		type MinDelegation: Get<BalanceOf<Self>>;

		/// Number of blocks unbonded or undelegated funds stay held (and slashable) before they
		/// can be withdrawn.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// Most unlocking chunks one ledger or delegation may have at a time.
		#[pallet::constant]
		type MaxUnlockingChunks: Get<u32>;

		/// Most distinct delegators one provider may have; bounds the cost of a slash.
		#[pallet::constant]
		type MaxDelegatorsPerProvider: Get<u32>;

		/// Highest commission an owner may set.
		#[pallet::constant]
		type MaxCommission: Get<Perbill>;

		/// Told before a provider's backing or commission changes (the emissions pallet pays
		/// out what was earned on the old terms).
		type Observer: ember_primitives::BackingObserver<Self::AccountId>;

		/// The judge of offences (the slashing pallet): while a slash or a jail awaits a
		/// provider, nobody withdraws stake from behind it, so that a slash that waits (its
		/// dispute window, then the apply hook's backlog) still finds the stake it was sized on.
		type Punishments: ember_primitives::ProviderPunishments<Self::AccountId>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An owner's bond for its provider.
		ProviderBond,
		/// A delegator's stake behind providers.
		Delegation,
	}

	/// Bond ledger of each provider, keyed by owner account.
	#[pallet::storage]
	pub type Ledgers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ProviderLedger<T>, OptionQuery>;

	/// Delegations, keyed by provider (owner account) and then delegator.
	#[pallet::storage]
	pub type Delegations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Delegation<T>,
		OptionQuery,
	>;

	/// Accounts with a delegation (active or unlocking) behind each provider.
	#[pallet::storage]
	pub type ProviderDelegators<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxDelegatorsPerProvider>,
		ValueQuery,
	>;

	/// Delegators pushed out of a full list by a larger delegation: their stake is unbonding
	/// and stays slashable until they withdraw it. At most `MaxDelegatorsPerProvider` per
	/// provider.
	#[pallet::storage]
	pub type DisplacedDelegators<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxDelegatorsPerProvider>,
		ValueQuery,
	>;

	/// The smallest delegation each owner accepts behind its provider, when above the chain's
	/// `MinDelegation`.
	#[pallet::storage]
	pub type OwnerMinDelegation<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, OptionQuery>;

	/// Sum of active delegations behind each provider.
	#[pallet::storage]
	pub type TotalDelegated<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An owner bonded funds for its provider, opening its ledger or adding to it.
		Bonded {
			/// The provider's owner account.
			owner: T::AccountId,
			/// Amount newly bonded.
			amount: BalanceOf<T>,
		},
		/// An owner started unbonding part of its bond.
		Unbonded {
			/// The provider's owner account.
			owner: T::AccountId,
			/// Amount moved out of the active bond.
			amount: BalanceOf<T>,
			/// First block at which the amount can be withdrawn.
			unlock_at: BlockNumberFor<T>,
		},
		/// An owner took unbonding funds back into its active bond.
		Rebonded {
			/// The provider's owner account.
			owner: T::AccountId,
			/// Amount returned to the active bond.
			amount: BalanceOf<T>,
		},
		/// An owner withdrew unbonded funds to its free balance.
		Withdrawn {
			/// The provider's owner account.
			owner: T::AccountId,
			/// Amount released from hold.
			amount: BalanceOf<T>,
		},
		/// An owner set the commission it keeps from its delegators' rewards.
		CommissionSet {
			/// The provider's owner account.
			owner: T::AccountId,
			/// The new commission.
			commission: Perbill,
		},
		/// A delegator staked funds behind a provider.
		Delegated {
			/// The delegator's account.
			delegator: T::AccountId,
			/// The provider (owner account) backed.
			provider: T::AccountId,
			/// Amount newly delegated.
			amount: BalanceOf<T>,
		},
		/// A delegator started taking stake back from a provider.
		Undelegated {
			/// The delegator's account.
			delegator: T::AccountId,
			/// The provider (owner account) the stake backed.
			provider: T::AccountId,
			/// Amount moved out of the active delegation.
			amount: BalanceOf<T>,
			/// First block at which the amount can be withdrawn.
			unlock_at: BlockNumberFor<T>,
		},
		/// A delegator withdrew undelegated funds to its free balance.
		DelegationWithdrawn {
			/// The delegator's account.
			delegator: T::AccountId,
			/// The provider (owner account) the stake backed.
			provider: T::AccountId,
			/// Amount released from hold.
			amount: BalanceOf<T>,
		},
		/// A slash left the owner's active bond below what its registered GPUs require: the
		/// provider takes no new work and earns no availability points until the owner tops up
		/// with `bond_extra` (or registers fewer GPUs).
		BondBelowRequired {
			/// The provider's owner account.
			owner: T::AccountId,
			/// Its active bond now.
			bonded: BalanceOf<T>,
			/// What its registered GPUs require.
			required: BalanceOf<T>,
		},
		/// A larger delegation took the slot of the smallest one behind a full provider: that
		/// delegation now unbonds, slashable until it is withdrawn.
		DelegationDisplaced {
			/// The delegator pushed out.
			delegator: T::AccountId,
			/// The provider (owner account) it backed.
			provider: T::AccountId,
			/// Its active stake, now unbonding.
			amount: BalanceOf<T>,
			/// First block at which it can be withdrawn.
			unlock_at: BlockNumberFor<T>,
		},
		/// A displaced delegation left a full displaced list to make room for a newly displaced
		/// one: it was the least exposed there (unbonding ended, or the smallest). It no longer
		/// backs the provider, so later offences are not charged to it; it withdraws as before.
		DisplacedDelegatorForgotten {
			/// The delegator forgotten.
			delegator: T::AccountId,
			/// The provider (owner account) it was displaced from.
			provider: T::AccountId,
		},
		/// An owner set the smallest delegation it accepts behind its provider.
		MinDelegationSet {
			/// The provider's owner account.
			owner: T::AccountId,
			/// The smallest delegation accepted; the chain's `MinDelegation` applies below it.
			min: BalanceOf<T>,
		},
		/// Stake backing a provider was slashed from one of its backers.
		Slashed {
			/// The provider (owner account) whose offence was punished.
			provider: T::AccountId,
			/// The backer that lost funds: the owner or one of the delegators.
			who: T::AccountId,
			/// Amount taken from that backer.
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// The caller already has a bond ledger; use `bond_extra` to add to it.
		AlreadyBonded,
		/// The caller has no bond ledger; use `bond` first.
		NotBonded,
		/// The active bond would be above zero but below `MinProviderBond`.
		BondBelowMinimum,
		/// The free balance cannot cover the amount to hold.
		InsufficientBalance,
		/// The amount to unbond is larger than the active bond.
		InsufficientActiveBond,
		/// The active bond would fall below what the provider's registered GPUs require.
		BelowRequiredStake,
		/// There are already `MaxUnlockingChunks` unlocking chunks; withdraw or rebond first, or
		/// wait for the next block.
		TooManyUnlockingChunks,
		/// The amount to rebond is larger than what is unbonding.
		RebondExceedsUnbonding,
		/// No unbonding funds have reached their unlock block yet.
		NothingToWithdraw,
		/// A slash or a jail awaits the provider: stake behind it stays until it is applied or
		/// cancelled.
		PunishmentPending,
		/// The commission is above `MaxCommission`.
		CommissionTooHigh,
		/// An owner cannot delegate to its own provider; use `bond_extra` instead.
		SelfDelegation,
		/// The account to delegate to has no bond ledger, so it is not a provider.
		ProviderNotBonded,
		/// The active delegation would be above zero but below `MinDelegation`.
		DelegationBelowMinimum,
		/// The provider already has `MaxDelegatorsPerProvider` delegators, none with a smaller
		/// active delegation than this one would be (or its displaced list is full too).
		TooManyDelegators,
		/// The delegation would be below the smallest one the provider's owner accepts.
		BelowOwnerMinimum,
		/// The caller has no delegation behind this provider.
		NotDelegated,
		/// The amount to undelegate is larger than the active delegation.
		InsufficientDelegation,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Provider bonds at genesis: each owner holds this much of its (genesis) balance as
		/// its bond, as `bond` would.
		pub provider_bonds: alloc::vec::Vec<(T::AccountId, BalanceOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (owner, value) in &self.provider_bonds {
				// A chain cannot start with a bond its own rules refuse.
				if let Err(error) = Pallet::<T>::do_bond(owner, *value) {
					panic!("provider-staking genesis: {owner:?} cannot bond {value:?}: {error:?}");
				}
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxUnlockingChunks::get() > 0, "MaxUnlockingChunks must be at least 1");
			assert!(
				T::MaxDelegatorsPerProvider::get() > 0,
				"MaxDelegatorsPerProvider must be at least 1"
			);
			assert!(!T::UnbondingPeriod::get().is_zero(), "UnbondingPeriod must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Bond funds for your provider.
		///
		/// Holds `value` of the caller's free balance as the bond of the provider the caller
		/// owns and opens its stake ledger. The bond must be at least `MinProviderBond`; use
		/// `bond_extra` to add to an existing bond.
		///
		/// Origin: signed by the provider's owner account.
		///
		/// Errors: `ZeroAmount`, `AlreadyBonded`, `BondBelowMinimum`, `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::bond().saturating_add(T::Observer::backing_changing_weight()))]
		pub fn bond(
			origin: OriginFor<T>,
			#[pallet::compact] value: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			T::Observer::backing_changing(&owner);
			Self::do_bond(&owner, value)
		}

		/// Add funds to your provider's bond.
		///
		/// Holds `value` more of the caller's free balance in its active bond. The active bond
		/// afterwards must be at least `MinProviderBond`.
		///
		/// Origin: signed by an owner that has bonded.
		///
		/// Errors: `ZeroAmount`, `NotBonded`, `BondBelowMinimum`, `InsufficientBalance`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::bond_extra().saturating_add(T::Observer::backing_changing_weight()))]
		pub fn bond_extra(
			origin: OriginFor<T>,
			#[pallet::compact] value: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			T::Observer::backing_changing(&owner);
			Self::do_bond_extra(&owner, value)
		}

		/// Start unbonding part of your provider's bond.
		///
		/// Moves `value` out of the active bond. The funds stay held, and can still be slashed,
		/// for `UnbondingPeriod` blocks; then `withdraw_unbonded` frees them. What stays active
		/// must cover the provider's registered GPUs and be zero or at least `MinProviderBond`.
		///
		/// Origin: signed by an owner that has bonded.
		///
		/// Errors: `ZeroAmount`, `NotBonded`, `InsufficientActiveBond`, `BelowRequiredStake`,
		/// `BondBelowMinimum`, `TooManyUnlockingChunks`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unbond().saturating_add(T::Observer::backing_changing_weight()))]
		pub fn unbond(
			origin: OriginFor<T>,
			#[pallet::compact] value: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			T::Observer::backing_changing(&owner);
			Self::do_unbond(&owner, value)
		}

		/// Take unbonding funds back into your provider's active bond.
		///
		/// Moves `value` from the unbonding funds, most recently unbonded first, back to the
		/// active bond. The active bond afterwards must be at least `MinProviderBond`.
		///
		/// Origin: signed by an owner that has bonded.
		///
		/// Errors: `ZeroAmount`, `NotBonded`, `RebondExceedsUnbonding`, `BondBelowMinimum`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::rebond().saturating_add(T::Observer::backing_changing_weight()))]
		pub fn rebond(
			origin: OriginFor<T>,
			#[pallet::compact] value: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			T::Observer::backing_changing(&owner);
			Self::do_rebond(&owner, value)
		}

		/// Withdraw your unbonded funds.
		///
		/// Releases to the caller's free balance every unbonding amount whose unbonding period
		/// has passed. When nothing is left bonded or unbonding, the ledger is closed. Nothing
		/// is withdrawn while a slash or a jail awaits the owner's provider.
		///
		/// Origin: signed by an owner that has bonded.
		///
		/// Errors: `NotBonded`, `PunishmentPending`, `NothingToWithdraw`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(&owner)
		}

		/// Set the commission your provider keeps from its delegators' rewards.
		///
		/// `commission` may be at most `MaxCommission`.
		///
		/// Origin: signed by an owner that has bonded.
		///
		/// Errors: `NotBonded`, `CommissionTooHigh`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_commission().saturating_add(T::Observer::backing_changing_weight()))]
		pub fn set_commission(origin: OriginFor<T>, commission: Perbill) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			T::Observer::backing_changing(&owner);
			Self::do_set_commission(&owner, commission)
		}

		/// Back a provider with your funds.
		///
		/// Holds `value` of the caller's free balance as stake behind `provider` (an owner
		/// account that has bonded). The caller's active delegation to that provider afterwards
		/// must be at least `MinDelegation` and at least the owner's own minimum, if it set one.
		/// The stake shares the provider's rewards, and backs its owner's bond against slashes.
		///
		/// When the provider already has `MaxDelegatorsPerProvider` delegators, a new delegation
		/// larger than the smallest active one takes that one's slot: the smaller delegation
		/// starts unbonding (event `DelegationDisplaced`), slashable until withdrawn. Up to
		/// `MaxDelegatorsPerProvider` displaced delegations stay slashable; past that, the least
		/// exposed of them is forgotten (event `DisplacedDelegatorForgotten`).
		///
		/// Origin: signed by any account other than `provider`.
		///
		/// Errors: `ZeroAmount`, `SelfDelegation`, `ProviderNotBonded`, `DelegationBelowMinimum`,
		/// `BelowOwnerMinimum`, `TooManyDelegators`, `InsufficientBalance`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::delegate().saturating_add(T::Observer::backing_changing_weight()))]
		pub fn delegate(
			origin: OriginFor<T>,
			provider: T::AccountId,
			#[pallet::compact] value: BalanceOf<T>,
		) -> DispatchResult {
			let delegator = ensure_signed(origin)?;
			T::Observer::backing_changing(&provider);
			Self::do_delegate(&delegator, &provider, value)
		}

		/// Start taking your stake back from a provider.
		///
		/// Moves `value` out of the caller's active delegation to `provider`. The funds stay
		/// held, and can still be slashed, for `UnbondingPeriod` blocks; then
		/// `withdraw_delegation` frees them. What stays active must be zero or at least
		/// `MinDelegation`.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Errors: `ZeroAmount`, `NotDelegated`, `InsufficientDelegation`,
		/// `DelegationBelowMinimum`, `TooManyUnlockingChunks`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::undelegate().saturating_add(T::Observer::backing_changing_weight()))]
		pub fn undelegate(
			origin: OriginFor<T>,
			provider: T::AccountId,
			#[pallet::compact] value: BalanceOf<T>,
		) -> DispatchResult {
			let delegator = ensure_signed(origin)?;
			T::Observer::backing_changing(&provider);
			Self::do_undelegate(&delegator, &provider, value)
		}

		/// Withdraw your undelegated funds from a provider.
		///
		/// Releases to the caller's free balance every undelegated amount behind `provider`
		/// whose unbonding period has passed. When nothing is left, the delegation is closed.
		/// Nothing is withdrawn while a slash or a jail awaits `provider`: a slash reported
		/// while you were still unbonding takes its share first.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Errors: `NotDelegated`, `PunishmentPending`, `NothingToWithdraw`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::withdraw_delegation())]
		pub fn withdraw_delegation(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			let delegator = ensure_signed(origin)?;
			Self::do_withdraw_delegation(&delegator, &provider)
		}

		/// Set the smallest delegation you accept behind your provider.
		///
		/// New delegations, and top-ups of existing ones, must leave the delegator's active
		/// stake at least `min` (and at least the chain's `MinDelegation`). Delegations already
		/// below it stay until their delegators leave. Zero removes your minimum.
		///
		/// Origin: signed by an owner that has bonded.
		///
		/// Errors: `NotBonded`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_min_delegation())]
		pub fn set_min_delegation(
			origin: OriginFor<T>,
			#[pallet::compact] min: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			ensure!(Ledgers::<T>::contains_key(&owner), Error::<T>::NotBonded);
			if min.is_zero() {
				OwnerMinDelegation::<T>::remove(&owner);
			} else {
				OwnerMinDelegation::<T>::insert(&owner, min);
			}
			Self::deposit_event(Event::MinDelegationSet { owner, min });
			Ok(())
		}
	}
}
