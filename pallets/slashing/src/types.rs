//! The records the slashing pallet keeps: offence kinds and their parameters, pending slashes,
//! and each provider's count of recent offences.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use ember_primitives::{Balance, HarmedLease, LeaseId};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::Perbill;

/// Identifies a slash, counted up from zero.
pub type SlashId = u64;

/// The harmed leases of a pending slash.
pub type HarmedOf<T> = BoundedVec<
	HarmedTenant<<T as frame_system::Config>::AccountId>,
	<T as Config>::MaxHarmedLeases,
>;

/// The backers a pending slash falls on, as they stood when the offence was reported.
pub type ExposureOf<T> =
	BoundedVec<(<T as frame_system::Config>::AccountId, Balance), <T as Config>::MaxBackers>;

/// What a provider did wrong.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Deserialize,
	Encode,
	Eq,
	MaxEncodedLen,
	Ord,
	PartialEq,
	PartialOrd,
	Serialize,
	TypeInfo,
)]
pub enum OffenceKind {
	/// It went Offline while it had running leases.
	Downtime,
	/// It closed a lease before its end.
	EarlyClose,
	/// It registered a GPU it does not have, or misstated one (proven by governance).
	FalseInventory,
	/// It failed a proof-of-compute challenge.
	FailedChallenge,
}

impl OffenceKind {
	/// Every kind, for genesis checks and tests.
	pub const ALL: [OffenceKind; 4] = [
		OffenceKind::Downtime,
		OffenceKind::EarlyClose,
		OffenceKind::FalseInventory,
		OffenceKind::FailedChallenge,
	];

	/// The parameters that apply while governance has set none: downtime at most 1 % of the
	/// backing, early close at most 5 %, both sized by the harm (100 % of it); false inventory
	/// 20 % and jail, failed challenge 10 % and jail.
	pub fn default_params(&self) -> SlashParams {
		let (percent, harm_percent, jails) = match self {
			OffenceKind::Downtime => (1, 100, false),
			OffenceKind::EarlyClose => (5, 100, false),
			OffenceKind::FalseInventory => (20, 0, true),
			OffenceKind::FailedChallenge => (10, 0, true),
		};
		SlashParams { fraction: Perbill::from_percent(percent), harm_percent, jails }
	}

	/// Whether offences of this kind harm particular leases, so that their slash is sized by
	/// that harm (downtime and early close); the others take their whole fraction.
	pub fn is_harm_sized(&self) -> bool {
		matches!(self, OffenceKind::Downtime | OffenceKind::EarlyClose)
	}

	/// The kind's place in a [`SlashSpan`]'s per-kind totals.
	pub fn index(&self) -> usize {
		match self {
			OffenceKind::Downtime => 0,
			OffenceKind::EarlyClose => 1,
			OffenceKind::FalseInventory => 2,
			OffenceKind::FailedChallenge => 3,
		}
	}
}

/// How one kind of offence is punished.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Deserialize,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	Serialize,
	TypeInfo,
)]
pub struct SlashParams {
	/// The most of the provider's backing (owner and delegators, at the era's first offence)
	/// that offences of this kind may cost it in one era, all of them together. A kind that is
	/// not harm-sized takes all of it at its first offence in the era; later offences of the
	/// kind in that era take nothing more.
	pub fraction: Perbill,
	/// For harm-sized kinds (downtime, early close): the slash is this many percent of the
	/// harm (what the harmed leases had left unserved in escrow), within `fraction`. Ignored
	/// by the other kinds.
	pub harm_percent: u32,
	/// Whether one such offence jails the provider, whatever its count.
	pub jails: bool,
}

/// What one provider has been slashed in the current era: the span within which offences are
/// capped. Replaced by a fresh one at the provider's first offence of a later era.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Default,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	TypeInfo,
)]
pub struct SlashSpan {
	/// The era (block number divided by `SpanLength`).
	pub era: u32,
	/// Everything that backed the provider at its first offence of the era; the caps are
	/// shares of it.
	pub base: Balance,
	/// Slashes scheduled in the era, all kinds together; at most `EraSlashCap` of `base`.
	pub total: Balance,
	/// Slashes scheduled in the era per kind (see [`OffenceKind::index`]); each at most the
	/// kind's fraction of `base`.
	pub by_kind: [Balance; 4],
	/// The latest slash of each kind scheduled in the era. Tenants harmed by a later offence
	/// of the kind that the caps absorb join its harmed leases while it is pending, so that
	/// everyone the provider harmed in the era shares its compensation.
	pub latest: [Option<SlashId>; 4],
}

/// Where the part of a slash left after compensating tenants goes.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Default,
	Deserialize,
	Encode,
	Eq,
	MaxEncodedLen,
	PartialEq,
	Serialize,
	TypeInfo,
)]
pub enum SlashDestination {
	/// To the treasury account.
	#[default]
	Treasury,
	/// Burned: total issuance falls by it.
	Burn,
}

/// A lease whose tenant an offence harmed, as a pending slash keeps it.
#[derive(
	Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo,
)]
pub struct HarmedTenant<AccountId> {
	/// The lease.
	pub lease: LeaseId,
	/// Its tenant, who is compensated.
	pub tenant: AccountId,
	/// What the lease still had in escrow at the offence: the most the tenant receives.
	pub unspent: Balance,
}

impl<AccountId> From<HarmedLease<AccountId, Balance>> for HarmedTenant<AccountId> {
	fn from(harmed: HarmedLease<AccountId, Balance>) -> Self {
		Self { lease: harmed.lease, tenant: harmed.tenant, unspent: harmed.unspent }
	}
}

/// A slash waiting out its dispute window.
#[derive(
	CloneNoBound, DebugNoBound, Decode, Encode, EqNoBound, MaxEncodedLen, PartialEqNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct PendingSlash<T: Config> {
	/// The provider (owner account) punished.
	pub provider: T::AccountId,
	/// What it did.
	pub kind: OffenceKind,
	/// How much to take from its backers, fixed at report time (see [`SlashSpan`]).
	pub amount: Balance,
	/// The tenants to compensate first, each up to its lease's unspent escrow.
	pub harmed: HarmedOf<T>,
	/// The block the offence was reported in.
	pub reported_at: BlockNumberFor<T>,
	/// The block it is applied in, unless governance cancels it before.
	pub apply_at: BlockNumberFor<T>,
}

/// A provider's offences in its current counting window.
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
pub struct OffenceCount<BlockNumber> {
	/// The block of the first offence of the window.
	pub window_start: BlockNumber,
	/// Offences reported since, this one included.
	pub count: u32,
}

/// What the benchmarks need from outside this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Register provider `index` as an Active provider with its owner's bond, and put
	/// `delegators` delegators behind it; returns its owner account. Different indices give
	/// different providers.
	fn backed_provider(index: u32, delegators: u32) -> AccountId;

	/// Register `count` more providers with their bonds, none of them one that
	/// [`Self::backed_provider`] returns.
	fn register_providers(count: u32);
}
