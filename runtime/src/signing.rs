//! Building signed extrinsics natively, as a wallet does: for the node's tests, tools and
//! benchmarks that submit transactions without a separate client library.

use codec::Encode;
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{generic::Era, MultiSignature};

use crate::{
	AccountId, Nonce, Runtime, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic, VERSION,
};

/// The transaction extensions of an immortal transaction with `nonce` and no tip.
pub fn tx_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_providers::CheckHeartbeat::<Runtime>::new(),
		crate::feeless::RefundSkippedPayment::from(
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// `call` signed by `signer` with `nonce` for the chain whose genesis hash is `genesis`.
pub fn signed_extrinsic(
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis: H256,
	call: RuntimeCall,
) -> UncheckedExtrinsic {
	let extension = tx_extension(nonce);
	// What each extension adds to the signed payload without sending it: spec and transaction
	// versions, and the genesis hash twice (genesis check and immortal era).
	let implicit = (
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		genesis,
		(),
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	let who: AccountId = signer.public().into();
	UncheckedExtrinsic::new_signed(call, who.into(), MultiSignature::Sr25519(signature), extension)
}
