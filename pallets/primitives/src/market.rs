//! The lease market's shared vocabulary: ids, what an agent attests about a running lease, and
//! the traits through which the market reports delivered GPU-time and provider faults, and hears
//! about provider liveness.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;

use alloc::vec::Vec;

use crate::gpu::GpuUuidHash;

/// Identifies an order, counted up from zero.
pub type OrderId = u64;

/// Identifies a lease, counted up from zero.
pub type LeaseId = u64;

/// Identifies a direct-rent offer, counted up from zero.
pub type OfferId = u64;

/// What the provider agent reports about a lease's workload.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub enum WorkloadStatus {
	/// The agent holds the GPUs but has not received a valid manifest from the tenant yet.
	AwaitingManifest,
	/// The workload is being prepared (image pulled, inputs fetched).
	Starting,
	/// The workload is running on the leased GPUs.
	Running,
	/// The workload exited on its own with status 0; the GPUs stay reserved until the lease ends.
	Completed,
	/// The workload exited with an error or could not start.
	Failed,
}

/// One lease's line in an agent's periodic attestation: what NVML reports for its GPUs.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub struct LeaseAttestation {
	/// The lease attested.
	pub lease: LeaseId,
	/// State of the tenant's workload.
	pub status: WorkloadStatus,
	/// Mean GPU utilization over the lease's GPUs during the period, in percent (0–100).
	pub gpu_utilization_pct: u8,
	/// Device memory the workload's processes use on the lease's GPUs, in MiB.
	pub memory_used_mib: u32,
}

/// Why a lease closed.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub enum CloseReason {
	/// The tenant closed it.
	Tenant,
	/// It reached its end block.
	Expired,
	/// Its escrow ran out and the grace period passed without a top-up.
	InsufficientFunds,
	/// The provider walked out before the end: an offence.
	ProviderEarly,
	/// The provider stayed Offline past the market's limit.
	ProviderOffline,
	/// The provider was jailed.
	Jailed,
	/// Governance closed it.
	Governance,
	/// The provider stayed online but left the lease out of its attestations for longer than
	/// the market's offline limit: a silent walk-out, and an offence.
	ProviderSilent,
}

/// A fault of a provider in the lease market, for the slashing pallet to judge.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq, TypeInfo)]
pub enum LeaseOffence<AccountId, Balance, BlockNumber> {
	/// The provider went Offline while it had running leases.
	Downtime {
		/// The provider (owner account).
		provider: AccountId,
		/// The block it was marked Offline in.
		since: BlockNumber,
		/// The leases that were running, whose tenants the slash compensates.
		harmed: Vec<HarmedLease<AccountId, Balance>>,
	},
	/// The provider closed a lease before its end.
	EarlyClose {
		/// The provider (owner account).
		provider: AccountId,
		/// The lease it walked out of.
		lease: LeaseId,
		/// The tenant left without its GPUs.
		tenant: AccountId,
		/// What the rest of the lease would have paid the provider, returned to the tenant.
		unserved_value: Balance,
	},
}

/// A lease whose tenant an offence harmed, and the most the tenant may be compensated.
#[derive(Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, PartialEq, TypeInfo)]
pub struct HarmedLease<AccountId, Balance> {
	/// The lease.
	pub lease: LeaseId,
	/// Its tenant.
	pub tenant: AccountId,
	/// What the lease still had in escrow when the offence happened: the compensation cap.
	pub unspent: Balance,
}

/// Where the lease market sends provider faults (the slashing pallet).
pub trait LeaseOffenceReporter<AccountId, Balance, BlockNumber> {
	/// Record an offence; judging it is the receiver's business.
	fn report(offence: LeaseOffence<AccountId, Balance, BlockNumber>);
}

/// No slashing: offences are dropped.
impl<AccountId, Balance, BlockNumber> LeaseOffenceReporter<AccountId, Balance, BlockNumber> for () {
	fn report(_offence: LeaseOffence<AccountId, Balance, BlockNumber>) {}
}

/// GPU-time the lease market paid for, reported at every settlement (the emissions pallet
/// counts it).
pub trait DeliveredGpuTime<AccountId, Balance> {
	/// `provider` was paid `paid` (of which `fee` was burned) by `tenant` for `blocks` blocks of
	/// the GPUs `gpus` under lease `lease`.
	fn delivered(
		provider: &AccountId,
		tenant: &AccountId,
		lease: LeaseId,
		gpus: &[GpuUuidHash],
		blocks: u32,
		paid: Balance,
		fee: Balance,
	);
}

/// Nobody listens: delivered GPU-time is not counted.
impl<AccountId, Balance> DeliveredGpuTime<AccountId, Balance> for () {
	fn delivered(
		_provider: &AccountId,
		_tenant: &AccountId,
		_lease: LeaseId,
		_gpus: &[GpuUuidHash],
		_blocks: u32,
		_paid: Balance,
		_fee: Balance,
	) {
	}
}

/// What the provider registry tells the lease market about liveness, and how it passes on the
/// attestations that ride in heartbeats.
pub trait ProviderLifecycle<AccountId, BlockNumber> {
	/// The agent of `provider` attested its leases at block `now` (inside its heartbeat).
	/// Invalid lines are skipped, never fatal to the heartbeat. Returns the weight used.
	fn attested(provider: &AccountId, now: BlockNumber, lines: &[LeaseAttestation]) -> Weight;

	/// Upper bound of [`Self::attested`] for `lines` lines, for the heartbeat's weight.
	fn attested_weight(lines: u32) -> Weight;

	/// `provider` was marked Offline at block `at`. Returns the weight used.
	fn went_offline(provider: &AccountId, at: BlockNumber) -> Weight;

	/// Upper bound of [`Self::went_offline`].
	fn went_offline_weight() -> Weight;

	/// An Offline `provider` heartbeated at block `now` and is Active again: the market settles
	/// its leases, leaving the time it was Offline unpaid. Returns the weight used.
	fn back_online(provider: &AccountId, now: BlockNumber) -> Weight;

	/// Upper bound of [`Self::back_online`].
	fn back_online_weight() -> Weight;

	/// `provider` was jailed: its running leases end. Returns the weight used.
	fn jailed(provider: &AccountId) -> Weight;

	/// Upper bound of [`Self::jailed`].
	fn jailed_weight() -> Weight;

	/// The owner paused `provider`: it takes no new work until resumed, and the time it is
	/// paused earns nothing. Returns the weight used.
	fn paused(_provider: &AccountId) -> Weight {
		Weight::zero()
	}

	/// Upper bound of [`Self::paused`].
	fn paused_weight() -> Weight {
		Weight::zero()
	}

	/// `provider` takes work again from block `now`: its owner resumed it after a pause, or it
	/// was released from a jail. Returns the weight used.
	fn resumed(_provider: &AccountId, _now: BlockNumber) -> Weight {
		Weight::zero()
	}

	/// Upper bound of [`Self::resumed`].
	fn resumed_weight() -> Weight {
		Weight::zero()
	}

	/// The registry's liveness check found `provider` heard from, its latest heartbeat at block
	/// `last_heartbeat`. It runs once per `MaxMissedHeartbeats + 1` heartbeat periods for each
	/// watched provider, and before a provider stops being watched (Offline, jailed, paused),
	/// so that heartbeats themselves stay cheap. Returns the weight used.
	fn heard_from(_provider: &AccountId, _last_heartbeat: BlockNumber) -> Weight {
		Weight::zero()
	}

	/// Upper bound of [`Self::heard_from`].
	fn heard_from_weight() -> Weight {
		Weight::zero()
	}

	/// `provider` left the registry: nothing of its past counts for a registration that may
	/// follow. Returns the weight used.
	fn deregistered(_provider: &AccountId) -> Weight {
		Weight::zero()
	}

	/// Upper bound of [`Self::deregistered`].
	fn deregistered_weight() -> Weight {
		Weight::zero()
	}
}

/// No market listens to the registry.
impl<AccountId, BlockNumber> ProviderLifecycle<AccountId, BlockNumber> for () {
	fn attested(_provider: &AccountId, _now: BlockNumber, _lines: &[LeaseAttestation]) -> Weight {
		Weight::zero()
	}

	fn attested_weight(_lines: u32) -> Weight {
		Weight::zero()
	}

	fn went_offline(_provider: &AccountId, _at: BlockNumber) -> Weight {
		Weight::zero()
	}

	fn went_offline_weight() -> Weight {
		Weight::zero()
	}

	fn back_online(_provider: &AccountId, _now: BlockNumber) -> Weight {
		Weight::zero()
	}

	fn back_online_weight() -> Weight {
		Weight::zero()
	}

	fn jailed(_provider: &AccountId) -> Weight {
		Weight::zero()
	}

	fn jailed_weight() -> Weight {
		Weight::zero()
	}
}

/// Two listeners hear every lifecycle event, in order (the lease market, then emissions).
impl<AccountId, BlockNumber: Copy, A, B> ProviderLifecycle<AccountId, BlockNumber> for (A, B)
where
	A: ProviderLifecycle<AccountId, BlockNumber>,
	B: ProviderLifecycle<AccountId, BlockNumber>,
{
	fn attested(provider: &AccountId, now: BlockNumber, lines: &[LeaseAttestation]) -> Weight {
		A::attested(provider, now, lines).saturating_add(B::attested(provider, now, lines))
	}

	fn attested_weight(lines: u32) -> Weight {
		A::attested_weight(lines).saturating_add(B::attested_weight(lines))
	}

	fn went_offline(provider: &AccountId, at: BlockNumber) -> Weight {
		A::went_offline(provider, at).saturating_add(B::went_offline(provider, at))
	}

	fn went_offline_weight() -> Weight {
		A::went_offline_weight().saturating_add(B::went_offline_weight())
	}

	fn back_online(provider: &AccountId, now: BlockNumber) -> Weight {
		A::back_online(provider, now).saturating_add(B::back_online(provider, now))
	}

	fn back_online_weight() -> Weight {
		A::back_online_weight().saturating_add(B::back_online_weight())
	}

	fn jailed(provider: &AccountId) -> Weight {
		A::jailed(provider).saturating_add(B::jailed(provider))
	}

	fn jailed_weight() -> Weight {
		A::jailed_weight().saturating_add(B::jailed_weight())
	}

	fn paused(provider: &AccountId) -> Weight {
		A::paused(provider).saturating_add(B::paused(provider))
	}

	fn paused_weight() -> Weight {
		A::paused_weight().saturating_add(B::paused_weight())
	}

	fn resumed(provider: &AccountId, now: BlockNumber) -> Weight {
		A::resumed(provider, now).saturating_add(B::resumed(provider, now))
	}

	fn resumed_weight() -> Weight {
		A::resumed_weight().saturating_add(B::resumed_weight())
	}

	fn heard_from(provider: &AccountId, last_heartbeat: BlockNumber) -> Weight {
		A::heard_from(provider, last_heartbeat)
			.saturating_add(B::heard_from(provider, last_heartbeat))
	}

	fn heard_from_weight() -> Weight {
		A::heard_from_weight().saturating_add(B::heard_from_weight())
	}

	fn deregistered(provider: &AccountId) -> Weight {
		A::deregistered(provider).saturating_add(B::deregistered(provider))
	}

	fn deregistered_weight() -> Weight {
		A::deregistered_weight().saturating_add(B::deregistered_weight())
	}
}
