//! # Emissions
//!
//! Ember pays providers to bring GPUs before demand exists, and phases that subsidy out as lease
//! revenue grows. Every era (`EraLength` blocks, an hour by default) new EMBR is minted on a
//! decaying schedule and shared between the validators who made the era's blocks, the treasury
//! and the providers who kept GPUs available and leased.
//!
//! ## The schedule
//!
//! The annual rate starts at `initial_annual_rate` of the initial supply and halves every
//! `half_life_eras`, smoothly, until it meets `tail_annual_rate` (see [`schedule`]). An era
//! mints `initial_supply × rate(era) / eras_per_year`. Governance sets the parameters with
//! [`Pallet::set_schedule`]; a change applies from the next era.
//!
//! ## Who gets what
//!
//! - **Validators**: each block mints its author `validators_share × era emission / EraLength`,
//!   so the validators' share is paid in proportion to blocks authored.
//! - **Treasury**: `treasury_share` of the era's emission, minted when the era closes.
//! - **Providers**: the rest, minted into the reward pot when the era closes and split by
//!   points. An era in which no provider earned points mints nothing for providers.
//!
//! ## Points
//!
//! - **Available GPU-time.** An Active, unpaused provider whose bond covers its GPUs earns
//!   `min(blocks from its last credit to its latest heartbeat, MaxCreditedGap) × Σ class score
//!   of its proven GPUs`. It is credited when the registry's liveness check hears from it (once
//!   per `MaxMissedHeartbeats + 1` heartbeat periods) and just before it stops being watched
//!   (Offline, jailed, paused, leaving), so a heartbeat itself writes nothing here. Time Offline
//!   or paused is never credited: crediting restarts when it comes back or resumes, and for a
//!   new provider at its first check.
//! - **Leased GPU-time.** When the lease market settles a lease, the provider earns a bonus of
//!   `lease_bonus_percent`% of `blocks × Σ class score of the leased GPUs`.
//! - **Class scores** come from a governance table by exact model name
//!   ([`Pallet::set_class_score`]); other models score `default_class_score`. The registry
//!   reads the same table ([`ember_primitives::GpuClassScores`]) to set the stake each GPU
//!   needs.
//!
//! ## Wash rentals do not pay
//!
//! A lease whose tenant is the provider's owner, its agent or one of its delegators earns no
//! bonus. And a provider's bonus reward in an era is capped by the protocol fees its leases
//! burned in that era, so renting from yourself through another account cannot mint more than
//! it burns. What the cap withholds goes back to the pot when the provider's record is next
//! touched (its next liveness check, settlement or claim), and is paid out with the next era's share.
//!
//! ## Closing an era is O(1)
//!
//! Closing an era stores one number, its reward per point (`pot / points`). A provider's record
//! keeps only the era it last earned in and its points; the next time it earns or is claimed,
//! those points are valued at that era's rate (see [`accounting`]). No block ever visits all
//! providers.
//!
//! ## Claims
//!
//! Anyone may call [`Pallet::claim_rewards`] for a provider. The reward is split by active stake
//! at claim time: each delegator gets its stake's part less the owner's commission, the owner
//! the rest. So that the split always follows the terms under which the reward was earned, the
//! staking pallet tells this pallet before any backing or commission of a provider changes
//! (bond, unbond, rebond, delegate, undelegate, commission, slash), and the reward of closed
//! eras is paid out first (see [`ember_primitives::BackingObserver`]).
//!
//! ## Issuance reconciles
//!
//! The pallet keeps, for the era in progress, the issuance it started with, what was minted and
//! what was burned (lease fees, reported by the market; slashes sent to burn, reported by the
//! slashing pallet). `try_state` checks at every block that the chain's total issuance is
//! `start + minted − burned`: nothing else may create or destroy EMBR.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod accounting;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod claims;
mod eras;
mod impls;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod params;
mod points;
#[cfg(test)]
mod proptests;
mod queries;
pub mod runtime_api;
pub mod schedule;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use accounting::{EraIndex, ProvenScore, ProviderRewards};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::emissions";

/// How many eras of the schedule the runtime API shows at most.
pub const MAX_SCHEDULE_VIEW: u32 = 1_000;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ember_primitives::{Balance, GpuModelName, ProviderBacking, ProviderRegistry};
	use frame_support::{pallet_prelude::*, traits::fungible, PalletId};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::FixedU128;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency rewards are minted in.
		type Currency: fungible::Inspect<Self::AccountId, Balance = Balance>
			+ fungible::Mutate<Self::AccountId>;

		/// The provider registry: status, inventory, agents.
		type Registry: ProviderRegistry<Self::AccountId>;

		/// Which GPUs have recently proven their compute: only those earn availability points.
		type Proofs: ember_primitives::GpuProofs<Self::AccountId>;

		/// Who backs each provider, with what stake and commission (the staking pallet).
		type Backing: ProviderBacking<Self::AccountId, Balance>;

		/// Finds the author of the block in progress from its digest.
		type FindAuthor: frame_support::traits::FindAuthor<Self::AccountId>;

		/// The treasury's account.
		type TreasuryAccount: Get<Self::AccountId>;

		/// Derives the account of the providers' reward pot.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Blocks in an era.
		#[pallet::constant]
		type EraLength: Get<BlockNumberFor<Self>>;

		/// Most blocks of available GPU-time one liveness check credits: the longest two
		/// heartbeats of an Active provider can lie apart.
		#[pallet::constant]
		type MaxCreditedGap: Get<BlockNumberFor<Self>>;

		/// Most GPUs of one provider; bounds what crediting its time costs.
		#[pallet::constant]
		type MaxGpusPerProvider: Get<u32>;

		/// Highest `lease_bonus_percent` governance may set.
		#[pallet::constant]
		type MaxLeaseBonusPercent: Get<u32>;

		/// Who may change the schedule, the shares and the class table (governance).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Sets up providers and authors for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The emission schedule's parameters.
	#[pallet::storage]
	pub type Schedule<T> = StorageValue<_, ScheduleParams, ValueQuery>;

	/// `2^(-1 / half_life_eras)`, kept with the schedule so no era recomputes it.
	#[pallet::storage]
	pub type Decay<T> = StorageValue<_, FixedU128, ValueQuery>;

	/// How each era's emission is shared, and the leased bonus.
	#[pallet::storage]
	pub type Rewards<T> = StorageValue<_, RewardParams, ValueQuery>;

	/// Class score of each GPU model governance has rated.
	#[pallet::storage]
	pub type ClassScores<T> = StorageMap<_, Blake2_128Concat, GpuModelName, u32, OptionQuery>;

	/// Changes whenever the class table or the default class score changes, so that a score
	/// worked out from them ([`ProvenScores`]) can tell it is stale. It wraps around.
	#[pallet::storage]
	pub type ClassTableVersion<T> = StorageValue<_, u32, ValueQuery>;

	/// Each provider's summed class score of its proven GPUs, as a liveness check last worked it
	/// out: used again while its proofs, the class table and every counted proof still hold, so
	/// that a check reads one record instead of every GPU's proof and class.
	#[pallet::storage]
	pub type ProvenScores<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ProvenScore<BlockNumberFor<T>>, OptionQuery>;

	/// The era in progress.
	#[pallet::storage]
	pub type CurrentEra<T: Config> = StorageValue<_, EraInfo<BlockNumberFor<T>>, ValueQuery>;

	/// Reward per point of each closed era in which points were earned.
	#[pallet::storage]
	pub type EraRewardPerPoint<T> = StorageMap<_, Twox64Concat, EraIndex, FixedU128, OptionQuery>;

	/// How many providers' records hold points of each era, not yet turned into reward: a
	/// closed era's rate ([`EraRewardPerPoint`]) is kept while any does, and removed when the
	/// last of them is folded, so that rates do not pile up one per era forever.
	#[pallet::storage]
	pub type EraHolders<T> = StorageMap<_, Twox64Concat, EraIndex, u32, ValueQuery>;

	/// Providers' reward held in the pot for no one yet: rounding and what the bonus cap
	/// withheld. Paid out with the next era's share.
	#[pallet::storage]
	pub type Carried<T> = StorageValue<_, Balance, ValueQuery>;

	/// Each provider's points and unclaimed reward, keyed by owner account.
	#[pallet::storage]
	pub type ProviderPoints<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		ProviderRewards<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Issuance at the start of the era in progress, minted and burned since.
	#[pallet::storage]
	pub type Issuance<T> = StorageValue<_, IssuanceLedger, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The schedule. An `initial_supply` of zero means the issuance at genesis.
		pub schedule: ScheduleParams,
		/// Shares and the leased bonus.
		pub rewards: RewardParams,
		/// Class scores by exact GPU model name.
		pub class_scores: alloc::vec::Vec<(alloc::vec::Vec<u8>, u32)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An era closed and the next one began.
		EraClosed {
			/// The era that closed.
			era: EraIndex,
			/// Minted to block authors during it.
			to_authors: Balance,
			/// Minted to the treasury at its close.
			to_treasury: Balance,
			/// Minted into the providers' pot at its close.
			to_providers: Balance,
			/// Points providers earned in it.
			points: u128,
			/// The reward per point it paid, scaled by 10^18; zero without points.
			reward_per_point: u128,
			/// Burned during it: lease fees and slashes.
			burned: Balance,
			/// Total issuance when it closed.
			issuance: Balance,
			/// What the next era mints.
			next_emission: Balance,
		},
		/// A provider's reward was paid to its owner and delegators.
		RewardsClaimed {
			/// The provider (owner account).
			provider: T::AccountId,
			/// The whole reward.
			total: Balance,
			/// What its owner received, commission included.
			to_owner: Balance,
			/// What its delegators received together.
			to_delegators: Balance,
			/// How many delegators were paid.
			delegators: u32,
		},
		/// A provider that left, with nothing left to claim, no longer has a points record.
		RecordRemoved {
			/// The provider (owner account).
			provider: T::AccountId,
		},
		/// Governance changed the schedule; it applies from the next era.
		ScheduleSet {
			/// The new parameters.
			params: ScheduleParams,
		},
		/// Governance changed the shares or the leased bonus; they apply from the next era.
		RewardParamsSet {
			/// The new parameters.
			params: RewardParams,
		},
		/// Governance rated a GPU model, or removed its rating (`score` is `None`).
		ClassScoreSet {
			/// The model, as NVML names it.
			model: GpuModelName,
			/// Its score, `None` for the default.
			score: Option<u32>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The provider has no reward to claim.
		NothingToClaim,
		/// The pot cannot pay the reward (it would fall below what it must keep).
		PotCannotPay,
		/// `eras_per_year` must be positive.
		ZeroErasPerYear,
		/// The tail rate is above the initial rate.
		TailAboveInitial,
		/// Validators' and treasury's shares add up to more than the whole.
		SharesExceedWhole,
		/// The leased bonus is above `MaxLeaseBonusPercent`.
		BonusTooHigh,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::on_block(now)
		}

		fn integrity_test() {
			assert!(!T::EraLength::get().is_zero(), "EraLength must be positive");
			assert!(T::MaxGpusPerProvider::get() > 0, "MaxGpusPerProvider must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state(now)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay a provider's reward from closed eras to its owner and delegators.
		///
		/// Anyone may call it. The reward is split by active stake now: each delegator gets its
		/// stake's part less the owner's commission, the owner the rest. Points of the era in
		/// progress are paid after it closes. For a provider that left with nothing to claim,
		/// it removes the provider's empty points record (event `RecordRemoved`).
		///
		/// Fails with `NothingToClaim` or `PotCannotPay`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::claim_rewards(T::Backing::max_backers()))]
		pub fn claim_rewards(
			origin: OriginFor<T>,
			provider: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let backers = Self::do_claim(&provider)?;
			Ok(Some(T::WeightInfo::claim_rewards(backers)).into())
		}

		/// Set the emission schedule. It applies from the next era.
		///
		/// Only `ForceOrigin` (governance). Fails with `ZeroErasPerYear` or `TailAboveInitial`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_schedule())]
		pub fn set_schedule(origin: OriginFor<T>, params: ScheduleParams) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_set_schedule(params)
		}

		/// Set the validators' and treasury's shares, the leased bonus and the default class
		/// score. Shares apply from the next era, the bonus and score at once.
		///
		/// Only `ForceOrigin` (governance). Fails with `SharesExceedWhole` or `BonusTooHigh`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_reward_params())]
		pub fn set_reward_params(origin: OriginFor<T>, params: RewardParams) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_set_reward_params(params)
		}

		/// Rate a GPU model (`score`), or remove its rating (`None`: it scores the default).
		/// `model` is the exact name NVML reports.
		///
		/// The score also sets the stake units a GPU of the model weighs in the registry: a
		/// provider's units follow at its next inventory change, or when anyone calls
		/// `Providers::refresh_stake_units` for it.
		///
		/// Only `ForceOrigin` (governance).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_class_score())]
		pub fn set_class_score(
			origin: OriginFor<T>,
			model: GpuModelName,
			score: Option<u32>,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			match score {
				Some(score) => ClassScores::<T>::insert(&model, score),
				None => ClassScores::<T>::remove(&model),
			}
			Self::class_table_changed();
			Self::deposit_event(Event::ClassScoreSet { model, score });
			Ok(())
		}
	}
}
