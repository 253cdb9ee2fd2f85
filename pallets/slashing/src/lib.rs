//! # Slashing
//!
//! Ember's judge of provider offences. An offence costs the provider's backers (its owner and
//! its delegators) part of their stake, compensates the tenants it harmed, and repeated or grave
//! offences jail the provider.
//!
//! ## Lifecycle of an offence
//!
//! ```text
//!  report ──► pending slash ── DisputeWindow blocks ──► applied: stake taken, tenants paid,
//!               │                                        the rest to treasury or burned
//!               └── cancel_slash (governance) ──► cancelled, nothing taken
//! ```
//!
//! ## Offences
//!
//! | kind | reported by | default slash | jails at once |
//! |---|---|---|---|
//! | `Downtime` | the lease market, when a provider with running leases goes Offline | 1 % | no |
//! | `EarlyClose` | the lease market, when a provider closes a lease before its end | 5 % | no |
//! | `FalseInventory` | governance (`report_offence`), for a GPU proven misstated | 20 % | yes |
//! | `FailedChallenge` | governance, or a challenge pallet, for a failed proof of compute | 10 % | yes |
//!
//! Governance sets each kind's [`SlashParams`] with `set_offence_params`: the share of
//! everything backing the provider (the owner's bond and the delegations, active and unbonding)
//! to slash, at most `MaxSlashFraction`, and whether the kind jails. The amount is fixed when the
//! offence is reported, from the backing at that moment, so unbonding afterwards does not shrink
//! it.
//!
//! The same offence is never punished twice: an offence is identified by its kind, its provider
//! and what it concerns (the block a downtime began, the lease walked out of, the GPU misstated,
//! the challenge failed). A report of an offence already recorded is ignored (the market's
//! reports, with [`Event::DuplicateOffenceIgnored`]) or refused (`DuplicateOffence`). These
//! identities are kept for good in [`Reported`], one small entry per offence: offences are rare,
//! and forgetting them would let an old offence be punished again.
//!
//! ## Dispute window
//!
//! A reported offence becomes a pending slash, applied `DisputeWindow` blocks later. Until then
//! governance can cancel it with `cancel_slash`; after that nothing can undo it. Each block
//! applies at most `MaxSlashesPerBlock` slashes: when a block is full the slash moves to the next
//! block with room, at most `MaxSpill` blocks later. When none of them has room the report is
//! dropped with [`Event::SlashDropped`] and its identity is not remembered, so governance may
//! file it again; the offence still counts towards jail. This keeps every block's work bounded.
//!
//! ## Applying a slash
//!
//! When its block comes, the slash is taken from the provider's backers in proportion to what
//! each holds for it, active and unbonding funds alike, so that a provider or delegator on its
//! way out cannot escape it. Of what is taken:
//!
//! 1. the harmed tenants are compensated first, at most what each harmed lease still had in
//!    escrow at the offence, sharing in proportion to those amounts when the slash does not
//!    cover them all;
//! 2. the rest goes to the treasury or is burned, as governance chose with `set_destination`.
//!
//! A payment that cannot be made (a new account would receive less than the existential
//! deposit) goes with the rest instead. Nothing stays behind: the pallet's pot account is empty
//! at the end of every block. [`Event::SlashApplied`] tells how much was slashed, compensated,
//! sent to the treasury and burned; these add up.
//!
//! ## Jail
//!
//! A provider is jailed when it commits an offence of a kind that jails, or its
//! `JailThreshold`-th offence within `OffenceWindow` blocks of the first one counted (a report
//! later than that starts a new window). A jailed provider takes no new bids or leases, and its
//! running leases close and settle. Jailing happens at the start of the next block, never inside
//! the report: reports come from within the lease market's own calls, which closing leases would
//! re-enter. At most `MaxJailsPerBlock` providers are jailed in a block; the others wait for the
//! next block with room.
//!
//! A jailed provider's owner calls `unjail` once `JailCooldown` blocks have passed since the jail
//! (a further jailing offence restarts the cool-down). The provider is then Active again and must
//! heartbeat as usual. A jail that governance imposed itself is governance's to lift.
//!
//! ## Cost per block
//!
//! Pending slashes and jails sit in per-block queues ([`ApplyQueue`], [`JailQueue`]); a block
//! reads its own, and the slash queues of earlier blocks that `HookBudget` left for later
//! ([`ApplyBacklog`]), so its work follows what is due and never the number of providers.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod apply;
mod impls;
// Invariants are also checked by the runtime's own tests, which build with `std`.
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod invariants;
mod jail;
pub mod migrations;
mod report;
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

pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::slashing";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use ember_primitives::{
		Balance, BurnLedger, LeaseId, ProviderJail, ProviderOffence, ProviderRegistry,
		ProviderStake, ProviderStakeSlashing,
	};
	use frame_support::{pallet_prelude::*, traits::fungible, PalletId};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::{traits::AccountIdConversion, Perbill};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency stake is slashed in.
		type Currency: fungible::Inspect<Self::AccountId, Balance = Balance>
			+ fungible::Balanced<Self::AccountId>;

		/// Providers' backing, and taking it (the staking pallet).
		type Stake: ProviderStake<Self::AccountId, Balance>
			+ ProviderStakeSlashing<Self::AccountId, Balance>;

		/// Jailing and releasing providers (the provider registry).
		type Jail: ProviderJail<Self::AccountId>;

		/// Providers' status (the provider registry).
		type Registry: ProviderRegistry<Self::AccountId>;

		/// Who is told of every burn (the emissions pallet, which reconciles issuance).
		type Burns: BurnLedger<Balance>;

		/// Where the rest of a slash goes while the destination is the treasury.
		type TreasuryAccount: Get<Self::AccountId>;

		/// Derives the pot account slashes pass through while they are paid out.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Blocks between an offence's report and its slash, in which governance may cancel it.
		#[pallet::constant]
		type DisputeWindow: Get<BlockNumberFor<Self>>;

		/// Blocks after the first counted offence within which offences add up towards jail.
		#[pallet::constant]
		type OffenceWindow: Get<BlockNumberFor<Self>>;

		/// Blocks a jailed provider waits before its owner may unjail it.
		#[pallet::constant]
		type JailCooldown: Get<BlockNumberFor<Self>>;

		/// Offences within one window that jail a provider, whatever their kinds.
		#[pallet::constant]
		type JailThreshold: Get<u32>;

		/// The largest share of its backing one offence may cost a provider.
		#[pallet::constant]
		type MaxSlashFraction: Get<Perbill>;

		/// Blocks in one slashing era: within an era a provider's offences are capped together
		/// (see [`SlashSpan`]). The runtime uses its emissions era.
		#[pallet::constant]
		type SpanLength: Get<BlockNumberFor<Self>>;

		/// Most backers (the owner and its delegators) one provider has; at least the staking
		/// pallet's [`ProviderStakeSlashing::max_exposure`].
		#[pallet::constant]
		type MaxBackers: Get<u32>;

		/// Most harmed leases one slash compensates; a report naming more keeps the first ones.
		#[pallet::constant]
		type MaxHarmedLeases: Get<u32>;

		/// Most slashes applied in one block.
		#[pallet::constant]
		type MaxSlashesPerBlock: Get<u32>;

		/// Most providers jailed in one block.
		#[pallet::constant]
		type MaxJailsPerBlock: Get<u32>;

		/// How many later blocks a slash or jail may move to when its own block is full.
		#[pallet::constant]
		type MaxSpill: Get<u32>;

		/// Upper bound of one [`ProviderStakeSlashing::slash`] (the staking pallet's
		/// `max_slash_weight()`), added to the weight of every slash applied.
		type StakeSlashWeight: Get<Weight>;

		/// Who may report proven offences, cancel slashes and set parameters (governance).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most weight the block hook spends applying slashes: a burst beyond it waits, in
		/// order, for the next blocks, so that it never crowds out transactions.
		#[pallet::constant]
		type HookBudget: Get<Weight>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need from other pallets.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Parameters governance set per offence kind; a kind not here uses
	/// [`OffenceKind::default_params`] (read it through [`Pallet::params_of`]).
	#[pallet::storage]
	pub type OffenceParams<T: Config> =
		StorageMap<_, Twox64Concat, OffenceKind, SlashParams, OptionQuery>;

	/// Where the rest of every slash goes, after tenants are compensated.
	#[pallet::storage]
	pub type Destination<T: Config> = StorageValue<_, SlashDestination, ValueQuery>;

	/// The id the next slash gets.
	#[pallet::storage]
	pub type NextSlashId<T: Config> = StorageValue<_, SlashId, ValueQuery>;

	/// Slashes waiting out their dispute window.
	#[pallet::storage]
	pub type PendingSlashes<T: Config> =
		StorageMap<_, Twox64Concat, SlashId, PendingSlash<T>, OptionQuery>;

	/// The slashes each block applies.
	#[pallet::storage]
	pub type ApplyQueue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<SlashId, T::MaxSlashesPerBlock>,
		ValueQuery,
	>;

	/// The oldest block whose `ApplyQueue` still holds slashes the hook had no budget for; the
	/// next block's hook resumes there. `None` when the hook is up to date.
	#[pallet::storage]
	pub type ApplyBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// Who backed the provider of each pending slash when its offence was reported, and what
	/// each held then: only they pay it.
	#[pallet::storage]
	pub type SlashExposure<T: Config> =
		StorageMap<_, Twox64Concat, SlashId, ExposureOf<T>, OptionQuery>;

	/// What each provider has been slashed in its latest era with an offence.
	#[pallet::storage]
	pub type Spans<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SlashSpan, OptionQuery>;

	/// The default of [`EraSlashCap`]: a fifth of the backing.
	#[pallet::type_value]
	pub fn DefaultEraSlashCap() -> Perbill {
		Perbill::from_percent(20)
	}

	/// The most of its backing a provider can lose to slashes in one era, all offences
	/// together; so no delegator ever loses more than this share in an era.
	#[pallet::storage]
	pub type EraSlashCap<T: Config> = StorageValue<_, Perbill, ValueQuery, DefaultEraSlashCap>;

	/// How many slashes and jails await each provider; it may not leave while any do.
	#[pallet::storage]
	pub type PendingPunishments<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

	/// The identity (BLAKE2-256 of kind, provider and subject) of every offence recorded. Kept
	/// for good, so that no offence is punished twice; offences are rare.
	#[pallet::storage]
	pub type Reported<T: Config> = StorageMap<_, Identity, H256, (), OptionQuery>;

	/// Each provider's offences in its current counting window. One entry per provider that ever
	/// offended; a window older than `OffenceWindow` restarts at its next offence.
	#[pallet::storage]
	pub type OffenceCounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, OffenceCount<BlockNumberFor<T>>, OptionQuery>;

	/// The providers each block jails.
	#[pallet::storage]
	pub type JailQueue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<T::AccountId, T::MaxJailsPerBlock>,
		ValueQuery,
	>;

	/// Providers this pallet jailed, and the block from which their owners may unjail them.
	#[pallet::storage]
	pub type JailedUntil<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Parameters for some offence kinds; the others keep their defaults. Each fraction must
		/// be at most `MaxSlashFraction`.
		pub offence_params: Vec<(OffenceKind, SlashParams)>,
		/// Where the rest of every slash goes.
		pub destination: SlashDestination,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (kind, params) in &self.offence_params {
				// A chain cannot start with a slash above its own limit: refuse the genesis.
				assert!(
					params.fraction <= T::MaxSlashFraction::get(),
					"slashing genesis: {kind:?} fraction above MaxSlashFraction"
				);
				OffenceParams::<T>::insert(kind, params);
			}
			Destination::<T>::put(self.destination);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An offence was recorded; its slash is applied at `apply_at` unless cancelled.
		OffenceReported {
			/// The pending slash.
			slash: SlashId,
			/// The provider (owner account).
			provider: T::AccountId,
			/// What it did.
			kind: OffenceKind,
			/// How much is to be taken from its backers.
			amount: Balance,
			/// The block the slash is applied in.
			apply_at: BlockNumberFor<T>,
		},
		/// An offence was recorded but costs its provider nothing more: it harmed no lease with
		/// anything in escrow, or the era's cap or an earlier offence of its kind in the era
		/// already covers it. It still counts towards jail.
		OffenceAbsorbed {
			/// The provider (owner account).
			provider: T::AccountId,
			/// What it did.
			kind: OffenceKind,
		},
		/// An offence could not be recorded: no block within reach had room for its slash.
		/// Governance may report it again; it still counted towards jail.
		SlashDropped {
			/// The provider (owner account).
			provider: T::AccountId,
			/// What it did.
			kind: OffenceKind,
		},
		/// A report of an offence already recorded was ignored.
		DuplicateOffenceIgnored {
			/// The provider (owner account).
			provider: T::AccountId,
			/// What it did.
			kind: OffenceKind,
		},
		/// Governance cancelled a pending slash: nothing is taken.
		SlashCancelled {
			/// The slash.
			slash: SlashId,
			/// The provider (owner account).
			provider: T::AccountId,
		},
		/// A slash was applied. `slashed = compensated + to_treasury + burned`. Tenants are
		/// compensated only out of what was taken from the owner's own bond.
		SlashApplied {
			/// The slash.
			slash: SlashId,
			/// The provider (owner account).
			provider: T::AccountId,
			/// Taken from its backers; less than the slash's amount only when they hold less.
			slashed: Balance,
			/// The part of `slashed` taken from the owner's own bond.
			from_owner: Balance,
			/// Paid to harmed tenants.
			compensated: Balance,
			/// Paid to the treasury.
			to_treasury: Balance,
			/// Burned.
			burned: Balance,
		},
		/// A harmed tenant was compensated from a slash.
		TenantCompensated {
			/// The slash.
			slash: SlashId,
			/// The harmed lease.
			lease: LeaseId,
			/// Its tenant.
			tenant: T::AccountId,
			/// Amount paid.
			amount: Balance,
		},
		/// A provider is to be jailed at the start of block `at`.
		JailScheduled {
			/// The provider (owner account).
			provider: T::AccountId,
			/// The block it is jailed in.
			at: BlockNumberFor<T>,
		},
		/// A provider that was to be jailed could not be queued: no block within reach had room.
		/// Its next offence tries again.
		JailDropped {
			/// The provider (owner account).
			provider: T::AccountId,
		},
		/// A provider was jailed (or, already jailed by this pallet, had its cool-down restarted).
		ProviderJailed {
			/// The provider (owner account).
			provider: T::AccountId,
			/// The block from which its owner may unjail it.
			until: BlockNumberFor<T>,
		},
		/// A provider could not be jailed: it is not registered, or governance jailed it
		/// already.
		JailFailed {
			/// The provider (owner account).
			provider: T::AccountId,
			/// What the registry said.
			error: DispatchError,
		},
		/// A provider's owner released it from the jail this pallet put it in.
		Unjailed {
			/// The provider (owner account).
			provider: T::AccountId,
		},
		/// Governance set the parameters of an offence kind.
		OffenceParamsSet {
			/// The kind.
			kind: OffenceKind,
			/// Its new parameters.
			params: SlashParams,
		},
		/// A provider's offence bookkeeping that no longer mattered was removed.
		OffenceRecordsPruned {
			/// The provider (owner account).
			provider: T::AccountId,
			/// Whether its offence count (its counting window over) went.
			count: bool,
			/// Whether its slashing span (its era over) went.
			span: bool,
		},
		/// Governance set the most a provider can lose to slashes in one era.
		EraSlashCapSet {
			/// The new cap, a share of the provider's backing.
			cap: Perbill,
		},
		/// Governance set where the rest of every slash goes.
		DestinationSet {
			/// The new destination.
			destination: SlashDestination,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// This offence was already recorded.
		DuplicateOffence,
		/// The provider's offence count and slashing span are still live (or there are none).
		NothingToPrune,
		/// No such slash is pending (it may have been applied or cancelled).
		UnknownSlash,
		/// This pallet holds no jail for the caller's provider.
		NotJailedBySlashing,
		/// The jail's cool-down has not passed yet.
		CooldownNotOver,
		/// The fraction is above `MaxSlashFraction`.
		FractionTooHigh,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The account slashes pass through while they are paid out; empty between blocks.
		#[pallet::constant_name(PotAccount)]
		fn pot_account() -> T::AccountId {
			Self::pot()
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_block(now)
		}

		fn integrity_test() {
			assert!(T::DisputeWindow::get() > Zero::zero(), "DisputeWindow must be positive");
			assert!(T::OffenceWindow::get() > Zero::zero(), "OffenceWindow must be positive");
			assert!(T::JailThreshold::get() > 0, "JailThreshold must be positive");
			assert!(T::MaxSlashesPerBlock::get() > 0, "MaxSlashesPerBlock must be positive");
			assert!(T::MaxJailsPerBlock::get() > 0, "MaxJailsPerBlock must be positive");
			assert!(T::MaxHarmedLeases::get() > 0, "MaxHarmedLeases must be positive");
			assert!(T::SpanLength::get() > Zero::zero(), "SpanLength must be positive");
			assert!(
				T::MaxBackers::get() >= T::Stake::max_exposure(),
				"MaxBackers must cover every backer the staking pallet allows"
			);
			for kind in OffenceKind::ALL {
				assert!(
					kind.default_params().fraction <= T::MaxSlashFraction::get(),
					"a default slash fraction is above MaxSlashFraction"
				);
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state(now)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Report a proven offence outside the lease market: a misstated GPU or a failed
		/// challenge. It is slashed after the dispute window and, for kinds that jail, the
		/// provider is jailed at the start of the next block.
		///
		/// Only `ForceOrigin` (governance) may call it. Fails with `DuplicateOffence`. When no
		/// block within reach has room for the slash, it succeeds with `SlashDropped`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::report_offence())]
		pub fn report_offence(
			origin: OriginFor<T>,
			offence: ProviderOffence<T::AccountId>,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_report_provider_offence(offence)
		}

		/// Cancel a pending slash before it is applied: nothing is taken, and the offence no
		/// longer counts towards jail. A jail it already caused stays (lift it through the
		/// registry). The offence stays recorded, so it cannot be reported again.
		///
		/// Only `ForceOrigin` (governance) may call it. Fails with `UnknownSlash`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_slash())]
		pub fn cancel_slash(origin: OriginFor<T>, slash: SlashId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_cancel_slash(slash)
		}

		/// Release the caller's provider from the jail this pallet put it in, once the
		/// cool-down has passed. The provider is Active again and must heartbeat as usual.
		///
		/// Only the provider's owner may call it. Fails with `NotJailedBySlashing`,
		/// `CooldownNotOver`, or the registry's error when it cannot release the provider.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unjail().saturating_add(T::Jail::unjail_weight()))]
		pub fn unjail(origin: OriginFor<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_unjail(owner)
		}

		/// Set how an offence kind is punished: the most of the backing its offences may take
		/// in an era, for harm-sized kinds the share of the harm slashed, and whether one such
		/// offence jails. Applies to offences reported from now on.
		///
		/// Only `ForceOrigin` (governance) may call it. Fails with `FractionTooHigh`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_offence_params())]
		pub fn set_offence_params(
			origin: OriginFor<T>,
			kind: OffenceKind,
			params: SlashParams,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			ensure!(params.fraction <= T::MaxSlashFraction::get(), Error::<T>::FractionTooHigh);
			OffenceParams::<T>::insert(kind, params);
			Self::deposit_event(Event::OffenceParamsSet { kind, params });
			Ok(())
		}

		/// Set the most of its backing a provider can lose to slashes in one era, all offences
		/// together. Applies to offences reported from now on.
		///
		/// Only `ForceOrigin` (governance) may call it. Fails with `FractionTooHigh` above
		/// `MaxSlashFraction`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_era_slash_cap())]
		pub fn set_era_slash_cap(origin: OriginFor<T>, cap: Perbill) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			ensure!(cap <= T::MaxSlashFraction::get(), Error::<T>::FractionTooHigh);
			EraSlashCap::<T>::put(cap);
			Self::deposit_event(Event::EraSlashCapSet { cap });
			Ok(())
		}

		/// Remove a provider's offence bookkeeping that no longer matters: its offence count
		/// once its counting window (`OffenceWindow`) is over, and its slashing span once the
		/// span's era is over. Neither changes any outcome: a later offence starts a fresh
		/// window and a fresh span either way. Anyone may call it; it is free when it removes
		/// something.
		///
		/// Fails with `NothingToPrune`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::prune_offence_records())]
		pub fn prune_offence_records(
			origin: OriginFor<T>,
			provider: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_prune_offence_records(provider)?;
			Ok(Pays::No.into())
		}

		/// Set where the rest of every slash goes after tenants are compensated: the treasury,
		/// or burned. Applies to slashes applied from now on.
		///
		/// Only `ForceOrigin` (governance) may call it.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_destination())]
		pub fn set_destination(
			origin: OriginFor<T>,
			destination: SlashDestination,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Destination::<T>::put(destination);
			Self::deposit_event(Event::DestinationSet { destination });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The account slashes pass through while they are paid out.
		pub fn pot() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// How offences of `kind` are punished now.
		pub fn params_of(kind: OffenceKind) -> SlashParams {
			OffenceParams::<T>::get(kind).unwrap_or_else(|| kind.default_params())
		}
	}
}
