//! `CheckHeartbeat`: the transaction pool's gate for heartbeats.
//!
//! Valid heartbeats are feeless, so the pool must not let invalid or repeated ones in for free.
//! This extension rejects a heartbeat whose signer is not an agent key, or whose provider already
//! heartbeated in the current period, and tags each valid heartbeat with its provider and period
//! so the pool keeps at most one of them, which expires when the period ends.

use crate::{Call, Config, Pallet, ProviderOfAgent, Providers};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::{TransactionSource, Weight},
	traits::{Get, IsSubType},
	CloneNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Implication, Saturating,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionPriority, ValidTransaction},
	SaturatedConversion,
};

/// The pool priority of a valid heartbeat: above what any tip buys an ordinary transaction,
/// so a pool full of tipped transactions still hands heartbeats to the block author first.
pub const HEARTBEAT_PRIORITY: TransactionPriority = TransactionPriority::MAX;

/// Rejects invalid and repeated heartbeats before they reach a block. It adds nothing to the
/// signed payload.
#[derive(
	CloneNoBound,
	DefaultNoBound,
	Decode,
	DecodeWithMemTracking,
	Encode,
	EqNoBound,
	PartialEqNoBound,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct CheckHeartbeat<T: Config + Send + Sync>(PhantomData<T>);

impl<T: Config + Send + Sync> CheckHeartbeat<T> {
	/// The extension; it carries no data.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config + Send + Sync> core::fmt::Debug for CheckHeartbeat<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckHeartbeat")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckHeartbeat<T>
where
	T::RuntimeCall: IsSubType<Call<T>>,
	DispatchOriginOf<T::RuntimeCall>: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckHeartbeat";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		match call.is_sub_type() {
			// The agent index and the provider record.
			Some(Call::heartbeat { .. }) => T::DbWeight::get().reads(2),
			_ => Weight::zero(),
		}
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(Call::heartbeat { .. }) = call.is_sub_type() else {
			return Ok((ValidTransaction::default(), (), origin));
		};
		// Unsigned heartbeats fail at dispatch; nothing to add here.
		let Some(agent) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), (), origin));
		};
		let owner = ProviderOfAgent::<T>::get(agent).ok_or(InvalidTransaction::BadSigner)?;
		let info = Providers::<T>::get(&owner).ok_or(InvalidTransaction::BadSigner)?;
		let now = frame_system::Pallet::<T>::block_number();
		let period = Pallet::<T>::period_of(now);
		if Pallet::<T>::period_of(info.last_heartbeat) >= period {
			return Err(InvalidTransaction::Stale.into());
		}
		let period_end = period
			.saturating_add(1u32.into())
			.saturating_mul(Pallet::<T>::heartbeat_period());
		let blocks_left: u64 = period_end.saturating_sub(now).saturated_into();
		let valid = ValidTransaction::with_tag_prefix("EmberHeartbeat")
			.priority(HEARTBEAT_PRIORITY)
			.and_provides((owner, period))
			.longevity(blocks_left.max(1))
			.build()?;
		Ok((valid, (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
