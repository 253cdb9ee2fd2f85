//! Feeless calls are not charged for the fee payment they skip.
//!
//! `SkipCheckIfFeeless` skips the payment extension for a feeless call (a provider's first
//! heartbeat of a period) but leaves the skipped extension's weight charged to the block: at the
//! design load of 2,000 heartbeats a block that is the payment's storage access (the payer's
//! account and the treasury's, each read and written: 2 reads and 2 writes as
//! `charge_transaction_payment` measured on ember-node) for every heartbeat, though none happens.
//! [`RefundSkippedPayment`] wraps it and gives the time of that storage access back when the
//! payment was skipped. The compute part stays charged: it covers the feeless check itself
//! (which reads the provider records the heartbeat then reads again from cache) and the
//! `FeeSkipped` event; so does the proof size, which a solo chain does not ship. The refund is
//! the storage access of `ChargeTransactionPayment` with fees paid to the treasury: when the
//! runtime's `OnChargeTransaction` changes, so must [`skipped_storage_access`].
//!
//! On the wire and in the metadata the wrapper is invisible: it encodes, decodes and describes
//! itself exactly as the extension it wraps, so wallets and client libraries see no change.

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	pallet_prelude::{TransactionSource, TransactionValidityError},
	traits::Get,
	weights::Weight,
};
use pallet_skip_feeless_payment::{Intermediate, SkipCheckIfFeeless};
use scale_info::{StaticTypeInfo, TypeInfo};
use sp_runtime::{
	traits::{
		DispatchInfoOf, DispatchOriginOf, Implication, PostDispatchInfoOf, TransactionExtension,
		ValidateResult,
	},
	DispatchResult,
};

/// `SkipCheckIfFeeless<T, S>` that refunds the skipped extension's storage access.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct RefundSkippedPayment<T, S>(pub SkipCheckIfFeeless<T, S>);

impl<T, S: StaticTypeInfo> TypeInfo for RefundSkippedPayment<T, S> {
	type Identity = S;
	fn type_info() -> scale_info::Type {
		S::type_info()
	}
}

impl<T, S: core::fmt::Debug> core::fmt::Debug for RefundSkippedPayment<T, S> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "RefundSkippedPayment<{:?}>", self.0 .0)
	}
}

impl<T, S> From<S> for RefundSkippedPayment<T, S> {
	fn from(inner: S) -> Self {
		Self(SkipCheckIfFeeless::from(inner))
	}
}

/// What a skipped payment would have read and written: the payer's account and the
/// treasury's (which fees go to), once each.
pub(crate) fn skipped_storage_access<T: frame_system::Config>() -> Weight {
	T::DbWeight::get().reads_writes(2, 2)
}

type InnerPre<T, S> = <SkipCheckIfFeeless<T, S> as TransactionExtension<
	<T as frame_system::Config>::RuntimeCall,
>>::Pre;

impl<T, S> TransactionExtension<T::RuntimeCall> for RefundSkippedPayment<T, S>
where
	T: pallet_skip_feeless_payment::Config + Send + Sync,
	S: TransactionExtension<T::RuntimeCall>,
	T::RuntimeCall: frame_support::dispatch::CheckIfFeeless<
		Origin = frame_system::pallet_prelude::OriginFor<T>,
	>,
{
	const IDENTIFIER: &'static str = S::IDENTIFIER;
	type Implicit = S::Implicit;
	type Val = <SkipCheckIfFeeless<T, S> as TransactionExtension<T::RuntimeCall>>::Val;
	/// The inner extension's state, and the weight to give back after dispatch.
	type Pre = (InnerPre<T, S>, Weight);

	fn metadata() -> alloc::vec::Vec<sp_runtime::traits::TransactionExtensionMetadata> {
		S::metadata()
	}

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		self.0
			.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let unused = match &val {
			Intermediate::Skip(_) => skipped_storage_access::<T>().min(self.0 .0.weight(call)),
			Intermediate::Apply(_) => Weight::zero(),
		};
		self.0.prepare(val, origin, call, info, len).map(|pre| (pre, unused))
	}

	fn post_dispatch_details(
		(pre, unused): Self::Pre,
		info: &DispatchInfoOf<T::RuntimeCall>,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		<SkipCheckIfFeeless<T, S> as TransactionExtension<T::RuntimeCall>>::post_dispatch_details(
			pre, info, post_info, len, result,
		)
		.map(|refund| refund.saturating_add(unused))
	}
}
