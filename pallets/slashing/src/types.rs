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

	/// The parameters that apply while governance has set none: downtime 1 %, early close 5 %,
	/// false inventory 20 % and jail, failed challenge 10 % and jail.
	pub fn default_params(&self) -> SlashParams {
		let (percent, jails) = match self {
			OffenceKind::Downtime => (1, false),
			OffenceKind::EarlyClose => (5, false),
			OffenceKind::FalseInventory => (20, true),
			OffenceKind::FailedChallenge => (10, true),
		};
		SlashParams { fraction: Perbill::from_percent(percent), jails }
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
	/// Share of the provider's total backing (owner and delegators, at report time) slashed.
	pub fraction: Perbill,
	/// Whether one such offence jails the provider, whatever its count.
	pub jails: bool,
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
	/// How much to take from its backers: the kind's fraction of its backing at report time.
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
