//! # Challenges
//!
//! Ember's proof of compute. The chain challenges a provider's GPU with a task only a GPU of the
//! claimed class finishes in time, and checks the answer itself: no checker nodes, no oracle.
//!
//! ## The task
//!
//! A challenge names a provider, one of its GPUs and (through the chain's randomness) a seed.
//! The task is `batch` integer matrix products `C = A·Bᵀ` of `n×k` `i8` matrices generated
//! from the seed by a counter-based generator, accumulated in `i32`, so that every correct GPU
//! and the CPU reference agree bit for bit. The shape comes from the shape table, by GPU model
//! (`set_shape`, governance), or the default shape for models without a row. The task itself
//! is in `ember-compute-proof`, shared with the provider agent.
//!
//! ## Commit, then sample, then reveal
//!
//! ```text
//!  issued at b ──► seed = H(VRF output of block b, challenge)       (known from block b + 1)
//!  commit(root)    in a block c, b < c ≤ b + CommitBlocks            (Merkle root over C)
//!  samples = H(VRF output of block c + 1, challenge, root)         (known from block c + 2)
//!  reveal(openings) in a block r, c + 1 < r ≤ c + 1 + RevealBlocks   (leaves + paths)
//!  the runtime checks each path and recomputes each sampled element from the seed
//! ```
//!
//! Neither the provider nor a block author can choose the seed or the samples: each comes from
//! the BABE VRF output of a block after the one that fixed what it depends on (for the samples,
//! not the commitment's own block, whose author knows its VRF output in advance). A provider that
//! computed a fraction `f` of `C` passes with probability at most `f^m` for `m = Samples`.
//!
//! ## Which GPUs, and when
//!
//! Challenges come in **rounds**: every idle GPU of one model of one provider at once, each with
//! its own task and the same deadline, so that one real GPU cannot answer for several claimed
//! ones in turn. Every registered GPU is in a target list. Each block draws
//! `targets / ChallengePeriod` GPUs at random (the remainder carries over) and takes a drawn
//! GPU's round with probability one over the number of the provider's GPUs of that model, so
//! that each GPU is in a round once per period on average, at times nobody can predict. A GPU
//! leased or already challenged is left out of a round; a provider not taking work has none.
//! A GPU never proven, or whose proof expires within `RenewalWindow`, may also ask for a round
//! itself (`request_challenge`), so that a new GPU earns and bids as soon as it has proven
//! itself. A model with no row in the shape table, where no default shape is set, cannot be
//! proven at all.
//!
//! A GPU that goes into a lease before the commitment voids its challenge (a lease's payment is
//! the tenant's verdict on the GPU) and loses its proof, so that a lease cannot be used to
//! escape a round and keep earning on an old proof. A GPU leaving the inventory or changing
//! model, or a provider being jailed or leaving, also voids. After the commitment the samples
//! may be known, so withdrawing the GPU (or leaving) is a failure, and a lease changes nothing:
//! the answer is computed, and revealing it needs no GPU. A commitment names the seed it was
//! computed from, so that one replayed from a fork with another seed is refused, not judged.
//!
//! ## Consequences
//!
//! A pass records a proof for the GPU, valid `ProofValidity` blocks: emissions credit a GPU's
//! availability, and the lease market takes its bids, only while it holds one (the
//! [`GpuProofs`](ember_primitives::GpuProofs) trait). A missed deadline or a wrong answer is a
//! failure, and costs the GPU its proof. A round is judged when its last challenge closes: one
//! outcome in the provider's window of its last `ResultWindow` rounds, a failure if any of its
//! challenges failed. When `FailureThreshold` of them are failures, the pallet reports a
//! `FailedChallenge` offence to the slashing pallet (dispute window, slash, jail) and starts the
//! window afresh. One unlucky miss is no offence.
//!
//! ## Cost per block
//!
//! Draws are bounded by `MaxDrawsPerBlock`; deadlines sit in per-block queues that the block
//! hook works through within `HookBudget`. Nothing visits every provider or GPU.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod answer;
mod deadlines;
mod impls;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod invariants;
mod issue;
mod randomness;
mod targets;
pub mod types;
mod verdict;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

/// The depth of the smallest tree a shape may have (64 leaves).
pub const MIN_DEPTH: u32 = 6;

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::challenges";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use ember_compute_proof::Shape;
	use ember_primitives::{
		GpuModelName, GpuUuidHash, ProviderCommitments, ProviderOffenceReporter, ProviderRegistry,
	};
	use frame_support::{pallet_prelude::*, traits::Randomness};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Fresh randomness of the parent block (BABE's VRF output), `None` when it has none.
		type Randomness: Randomness<Option<Self::Hash>, BlockNumberFor<Self>>;

		/// The provider registry: inventories, agents, statuses.
		type Registry: ProviderRegistry<Self::AccountId>;

		/// The lease market: which GPUs are leased.
		type Commitments: ProviderCommitments<Self::AccountId>;

		/// Where failed challenges are reported as offences (the slashing pallet).
		type Offences: ProviderOffenceReporter<Self::AccountId>;

		/// Blocks after the issue block in which the commitment must be (the seed is known
		/// from the block after the issue block).
		#[pallet::constant]
		type CommitBlocks: Get<BlockNumberFor<Self>>;

		/// Blocks, after the block that fixes the samples (the one after the commitment's), in
		/// which the openings must be.
		#[pallet::constant]
		type RevealBlocks: Get<BlockNumberFor<Self>>;

		/// Elements sampled from each answer.
		#[pallet::constant]
		type Samples: Get<u32>;

		/// How long a passed challenge proves a GPU.
		#[pallet::constant]
		type ProofValidity: Get<BlockNumberFor<Self>>;

		/// A GPU may ask for a challenge when it holds no proof or its proof ends within this
		/// many blocks.
		#[pallet::constant]
		type RenewalWindow: Get<BlockNumberFor<Self>>;

		/// Average blocks between two random challenges of one GPU.
		#[pallet::constant]
		type ChallengePeriod: Get<u32>;

		/// Most GPUs drawn for a random challenge in one block.
		#[pallet::constant]
		type MaxDrawsPerBlock: Get<u32>;

		/// Most challenges the random rounds of one block issue (at least
		/// `MaxGpusPerProvider`, so that any round fits); draws beyond it wait for the next
		/// block.
		#[pallet::constant]
		type MaxIssuedPerBlock: Get<u32>;

		/// Most challenge deadlines one block's queue holds.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// How many later blocks a deadline may move to when its block's queue is full.
		#[pallet::constant]
		type MaxSpill: Get<u32>;

		/// Outcomes of a provider's challenges kept to judge it (at most 32).
		#[pallet::constant]
		type ResultWindow: Get<u32>;

		/// Failures within the window that make an offence.
		#[pallet::constant]
		type FailureThreshold: Get<u32>;

		/// Most GPUs the registry lets one provider register.
		#[pallet::constant]
		type MaxGpusPerProvider: Get<u32>;

		/// Most models the shape table holds.
		#[pallet::constant]
		type MaxShapes: Get<u32>;

		/// Who may change the shape table (governance).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Share of a block the deadline queues may use.
		#[pallet::constant]
		type HookBudget: Get<Weight>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Registers providers for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The next challenge's number.
	#[pallet::storage]
	pub type NextChallengeId<T: Config> = StorageValue<_, ChallengeId, ValueQuery>;

	/// Open challenges.
	#[pallet::storage]
	pub type OpenChallenges<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ChallengeId,
		Challenge<T::AccountId, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The open challenge of each GPU, by provider and GPU.
	#[pallet::storage]
	pub type ChallengeOfGpu<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Identity,
		GpuUuidHash,
		ChallengeId,
		OptionQuery,
	>;

	/// Open rounds, by the id of their first challenge.
	#[pallet::storage]
	pub type Rounds<T: Config> =
		StorageMap<_, Twox64Concat, ChallengeId, Round<T::AccountId>, OptionQuery>;

	/// Each GPU's last passed challenge, by provider and GPU.
	#[pallet::storage]
	pub type Proofs<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Identity,
		GpuUuidHash,
		GpuProof<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Counts every proof each provider gained or lost (other than by running out), so that
	/// what another pallet worked out from its proofs can tell when it is stale
	/// ([`ember_primitives::GpuProofs::proofs_version`]). It wraps around; an entry outlives its
	/// provider, so that a provider registering again never meets an old count.
	#[pallet::storage]
	pub type ProofsVersion<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The outcomes of each provider's last challenges.
	#[pallet::storage]
	pub type Results<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ResultWindow, ValueQuery>;

	/// The challenges whose deadline is each block.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ChallengeId, T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// The oldest block whose deadline queue the hook's budget left unfinished.
	#[pallet::storage]
	pub type DeadlineBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The VRF output of each recent block, kept while a seed or samples may still need it.
	#[pallet::storage]
	pub type BlockRandomness<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, H256, OptionQuery>;

	/// How many GPUs the target list holds.
	#[pallet::storage]
	pub type TargetCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The target list: every registered GPU, at positions `0..TargetCount`.
	#[pallet::storage]
	pub type Targets<T: Config> =
		StorageMap<_, Twox64Concat, u32, (T::AccountId, GpuUuidHash), OptionQuery>;

	/// Each registered GPU's position in the target list.
	#[pallet::storage]
	pub type TargetIndex<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Identity,
		GpuUuidHash,
		u32,
		OptionQuery,
	>;

	/// Draws owed to the next blocks: the remainder of `targets / ChallengePeriod`.
	#[pallet::storage]
	pub type DrawCarry<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The task size of each model with a row in the shape table.
	#[pallet::storage]
	pub type Shapes<T: Config> = StorageMap<_, Blake2_128Concat, GpuModelName, Shape, OptionQuery>;

	/// How many models the shape table holds.
	#[pallet::storage]
	pub type ShapeCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The task size of models without a row, if governance set one. Unset on a public chain:
	/// a model without a row cannot be proven, so a provider cannot escape its class's task by
	/// claiming a model nobody sized. Development chains set a small one for simulated GPUs.
	#[pallet::storage]
	pub type DefaultShape<T: Config> = StorageValue<_, Shape, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The default shape, as `(n, k, batch)`.
		pub default_shape: Option<(u32, u32, u32)>,
		/// Rows of the shape table: model name and shape as `(n, k, batch)`.
		pub shapes: alloc::vec::Vec<(alloc::vec::Vec<u8>, (u32, u32, u32))>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let shape_of = |(n, k, batch): (u32, u32, u32)| Shape { n, k, batch };
			if let Some(shape) = self.default_shape.map(shape_of) {
				assert!(shape.validate().is_ok(), "the default challenge shape is invalid");
				DefaultShape::<T>::put(shape);
			}
			for (model, shape) in &self.shapes {
				let shape = shape_of(*shape);
				assert!(shape.validate().is_ok(), "a challenge shape is invalid");
				let model = GpuModelName::try_from(model.clone())
					.expect("a model name in the shape table is too long");
				Pallet::<T>::insert_shape(model, shape).expect("the shape table is full");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A GPU is challenged, in `round`; the agent computes from the block after the issue
		/// block, and commits by `commit_by`.
		ChallengeIssued {
			challenge: ChallengeId,
			round: ChallengeId,
			provider: T::AccountId,
			gpu: GpuUuidHash,
			shape: Shape,
			kind: ChallengeKind,
			commit_by: BlockNumberFor<T>,
		},
		/// The agent committed its answer; it reveals from the block after next.
		AnswerCommitted { challenge: ChallengeId, root: H256, reveal_by: BlockNumberFor<T> },
		/// The GPU proved itself.
		ChallengePassed { challenge: ChallengeId, provider: T::AccountId, gpu: GpuUuidHash },
		/// The GPU failed its challenge.
		ChallengeFailed {
			challenge: ChallengeId,
			provider: T::AccountId,
			gpu: GpuUuidHash,
			reason: FailureReason,
		},
		/// The challenge was dropped without a result.
		ChallengeVoided { challenge: ChallengeId, reason: VoidReason },
		/// The last challenge of a round closed: one outcome in the provider's window, a
		/// failure when any of the round's challenges failed.
		RoundJudged { round: ChallengeId, provider: T::AccountId, failed: bool },
		/// The provider failed `failures` of its last rounds: a `FailedChallenge` offence
		/// (naming the last failed round) was reported.
		OffenceReported { provider: T::AccountId, round: ChallengeId, failures: u32 },
		/// Governance set the shape of `model` (`None`: the default shape).
		ShapeSet { model: Option<GpuModelName>, shape: Option<Shape> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is no registered provider's agent.
		NotAnAgent,
		/// The GPU is not in the provider's inventory.
		UnknownGpu,
		/// The provider takes no work (not Active, or paused).
		NotTakingWork,
		/// The GPU is leased: a lease is never challenged.
		GpuLeased,
		/// The GPU already has an open challenge.
		AlreadyChallenged,
		/// The GPU's proof is valid beyond the renewal window.
		ProofStillValid,
		/// No such open challenge.
		UnknownChallenge,
		/// The challenge is another provider's.
		NotYourChallenge,
		/// The seed is not known yet: commit from the block after the issue block.
		TooEarly,
		/// The commit deadline passed.
		CommitTooLate,
		/// The challenge is already committed.
		AlreadyCommitted,
		/// The challenge has no commitment yet.
		NotCommitted,
		/// The reveal deadline passed.
		RevealTooLate,
		/// The reveal holds another number of openings than the samples.
		WrongOpeningCount,
		/// No deadline queue within reach has room: try again in a later block.
		DeadlinesFull,
		/// The commitment was computed from another seed than the challenge's (on a fork whose
		/// issue block had other randomness).
		WrongSeed,
		/// The shape is not a valid task size.
		InvalidShape,
		/// The shape table is full.
		TooManyShapes,
		/// The GPU's model has no row in the shape table, and there is no default shape: it
		/// cannot be proven.
		NoShape,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let mut weight = Self::note_randomness(now);
			weight.saturating_accrue(Self::expire_due(now));
			weight.saturating_accrue(Self::draw_random_challenges(now));
			weight
		}

		fn integrity_test() {
			assert!(T::CommitBlocks::get() > 1u32.into(), "CommitBlocks must exceed one block");
			assert!(T::RevealBlocks::get() > 1u32.into(), "RevealBlocks must exceed one block");
			assert!(T::Samples::get() > 0, "Samples must be positive");
			assert!(T::ChallengePeriod::get() > 0, "ChallengePeriod must be positive");
			assert!(T::MaxDeadlinesPerBlock::get() > 0, "MaxDeadlinesPerBlock must be positive");
			assert!(
				T::MaxIssuedPerBlock::get() >= T::MaxGpusPerProvider::get(),
				"MaxIssuedPerBlock must hold a round of the most GPUs a provider may have"
			);
			assert!(
				T::MaxDeadlinesPerBlock::get() >= T::MaxGpusPerProvider::get(),
				"MaxDeadlinesPerBlock must hold a round of the most GPUs a provider may have"
			);
			assert!(
				(1..=MAX_RESULT_WINDOW).contains(&T::ResultWindow::get()),
				"ResultWindow must be within 1..=32"
			);
			assert!(
				(1..=T::ResultWindow::get()).contains(&T::FailureThreshold::get()),
				"FailureThreshold must be within 1..=ResultWindow"
			);
			assert!(
				T::RenewalWindow::get() < T::ProofValidity::get(),
				"RenewalWindow must be shorter than ProofValidity"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state(now)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Ask for a challenge of one of the provider's GPUs: a GPU never proven, or whose
		/// proof ends within `RenewalWindow` blocks. The challenge comes as a round: every idle
		/// GPU of the provider of the same model is challenged with it, each with its own task,
		/// so that one real GPU cannot prove several claimed ones in turn. Signed by the
		/// provider's agent; charged for the largest round and refunded to its own.
		///
		/// Fails with `NotAnAgent`, `UnknownGpu`, `NotTakingWork`, `GpuLeased`,
		/// `AlreadyChallenged`, `ProofStillValid`, `NoShape` or `DeadlinesFull`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::request_challenge(T::MaxGpusPerProvider::get()))]
		pub fn request_challenge(
			origin: OriginFor<T>,
			gpu: GpuUuidHash,
		) -> DispatchResultWithPostInfo {
			let agent = ensure_signed(origin)?;
			let issued = Self::do_request(&agent, gpu)?;
			Ok(Some(T::WeightInfo::request_challenge(issued)).into())
		}

		/// Commit the answer to a challenge: the Merkle root over the product's leaves, and the
		/// seed it was computed from (so that a commitment made on a fork whose issue block had
		/// other randomness is refused, not judged). In a block after the issue block and no
		/// later than its commit deadline. Signed by the provider's agent.
		///
		/// Fails with `UnknownChallenge`, `NotYourChallenge`, `TooEarly`, `AlreadyCommitted`,
		/// `CommitTooLate` or `WrongSeed`. A challenge whose GPU went into a lease (the GPU then
		/// loses its proof too: a round cannot be escaped with an old proof kept) or left the
		/// inventory, whose seed the chain has no randomness for, or whose reveal deadline finds
		/// no room in the queues, is voided instead. Charged for an offence report too (voiding
		/// the last challenge of a failed round judges it), and refunded when none was made.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::commit().saturating_add(T::Offences::report_weight()))]
		pub fn commit(
			origin: OriginFor<T>,
			challenge: ChallengeId,
			seed: H256,
			root: H256,
		) -> DispatchResultWithPostInfo {
			let agent = ensure_signed(origin)?;
			let reported = Self::do_commit(&agent, challenge, seed, root)?;
			Ok(Some(T::WeightInfo::commit().saturating_add(Self::report_cost(reported))).into())
		}

		/// Reveal the sampled leaves of a committed answer, in the samples' order, each with
		/// its Merkle path. From the second block after the commitment's (the samples come from
		/// the randomness of the first) and no later than the reveal deadline. Signed by the provider's agent. The runtime checks every path and
		/// recomputes every sampled element: the challenge passes or fails in this call. A GPU
		/// leased since the commitment is still judged; one withdrawn since (out of the
		/// inventory, another model, the provider leaving) fails.
		///
		/// Fails with `UnknownChallenge`, `NotYourChallenge`, `NotCommitted`, `TooEarly`,
		/// `RevealTooLate` or `WrongOpeningCount`.
		#[pallet::call_index(2)]
		#[pallet::weight(
			Pallet::<T>::reveal_weight(ember_compute_proof::MAX_K, MAX_PATH_LEN)
				.saturating_add(T::Offences::report_weight())
		)]
		pub fn reveal(
			origin: OriginFor<T>,
			challenge: ChallengeId,
			openings: BoundedVec<Opening, T::Samples>,
		) -> DispatchResultWithPostInfo {
			let agent = ensure_signed(origin)?;
			Self::do_reveal(&agent, challenge, openings)
		}

		/// Set the challenge shape of a GPU model (`None` removes the row), or the default
		/// shape for models without a row (`model` `None`; `shape` `None` removes it, so that
		/// such models cannot be proven). Governance only.
		///
		/// Fails with `InvalidShape` or `TooManyShapes`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_shape())]
		pub fn set_shape(
			origin: OriginFor<T>,
			model: Option<GpuModelName>,
			shape: Option<Shape>,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_set_shape(model, shape)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The shape of `model`'s challenges: its row, else the default shape; `None` when it
		/// cannot be proven.
		pub fn shape_of(model: &GpuModelName) -> Option<Shape> {
			Shapes::<T>::get(model).or_else(DefaultShape::<T>::get)
		}

		/// The weight of a reveal of `Samples` openings with rows of `k` and paths of `depth`:
		/// the measured reveal (paths of the smallest tree, depth 6) plus each sample's longer
		/// path. A reveal is charged for the largest shape and an offence report (closing the
		/// last challenge of a failed round may make one), and refunded to its own shape, and
		/// to no report when it made none.
		pub fn reveal_weight(k: u32, depth: u32) -> Weight {
			let extra_path = T::WeightInfo::merkle_path(depth)
				.saturating_sub(T::WeightInfo::merkle_path(MIN_DEPTH));
			T::WeightInfo::reveal(k)
				.saturating_add(extra_path.saturating_mul(u64::from(T::Samples::get())))
		}

		/// The weight of issuing `count` challenges in the rounds of random draws, beyond
		/// the draws themselves: the slope of a request's weight in its round's size, plus the
		/// two reads each member's idleness takes (a request's benchmark reads every GPU's
		/// whatever the round's size, so its slope has none).
		pub fn issue_weight(count: u32) -> Weight {
			T::WeightInfo::request_challenge(count)
				.saturating_sub(T::WeightInfo::request_challenge(0))
				.saturating_add(T::DbWeight::get().reads(u64::from(count).saturating_mul(2)))
		}
	}
}
