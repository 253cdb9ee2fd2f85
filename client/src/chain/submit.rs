//! Signing, submitting and following a transaction to inclusion or finality.

use std::sync::Arc;

use subxt::{
	config::DefaultExtrinsicParamsBuilder, ext::scale_value::Composite,
	transactions::TransactionStatus, tx::Payload,
};
use subxt_signer::sr25519::Keypair;

use super::{events::ChainEvent, AccountId, Chain, ChainError, EmberConfig};

/// How long to follow a transaction.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum WaitFor {
	/// Until it is in a best block (about 6 s): its events are known, it may still be retracted.
	InBlock,
	/// Until its block is finalized (about 12–18 s on a healthy chain): it cannot be reverted.
	Finalized,
}

/// Where a submitted transaction is.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum Progress {
	/// Signed and handed to the node; its hash.
	Submitted(String),
	/// Accepted into the transaction pool.
	InPool,
	/// Included in a best block.
	InBlock(u64),
	/// Its block left the best chain; waiting for it to be included again.
	Retracted,
	/// Its block is finalized.
	Finalized(u64),
}

/// A transaction that was included and succeeded.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Receipt {
	/// The transaction hash, hex.
	pub tx_hash: String,
	/// The block it was included in, hex.
	pub block_hash: String,
	/// That block's number.
	pub block_number: u64,
	/// Whether that block was finalized when the receipt was made.
	pub finalized: bool,
	/// Its events (the system's own `ExtrinsicSuccess` and fee events included).
	pub events: Vec<ChainEvent>,
	#[serde(skip)]
	pub(crate) raw: Option<Arc<subxt::extrinsics::ExtrinsicEvents<EmberConfig>>>,
}

impl Receipt {
	/// The first event of type `E`, decoded.
	pub fn find_first<E: subxt::events::DecodeAsEvent>(&self) -> Option<E> {
		self.raw
			.as_ref()
			.and_then(|events| events.find_first::<E>().and_then(|e| e.ok()))
	}

	/// Whether the transaction emitted `pallet.name`.
	pub fn has_event(&self, pallet: &str, name: &str) -> bool {
		self.events.iter().any(|e| e.pallet == pallet && e.name == name)
	}
}

impl Chain {
	/// Signs `call` with `signer` (its next nonce, counting the pool) and follows it until
	/// `wait`; `on_progress` hears each step.
	pub async fn submit<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
		wait: WaitFor,
		on_progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Receipt, ChainError> {
		self.submit_with_nonce(call, signer, None, wait, on_progress).await
	}

	/// As [`Chain::submit`], with an explicit `nonce` when the caller tracks nonces itself
	/// (several transactions in flight from one account).
	pub async fn submit_with_nonce<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
		nonce: Option<u64>,
		wait: WaitFor,
		on_progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Receipt, ChainError> {
		let mut progress = self.sign_and_watch(call, signer, nonce, on_progress).await?;
		follow(&mut progress, wait, on_progress).await
	}

	/// Submits `call` and returns as soon as it is in a best block, with its [`Finality`] to
	/// follow: the fast path for a caller that acts on the block at once (a tenant sending its
	/// manifest to the provider a lease was just awarded to) and reports finality when it
	/// follows.
	pub async fn submit_in_block<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
		on_progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<(Receipt, Finality), ChainError> {
		let mut progress = self.sign_and_watch(call, signer, None, on_progress).await?;
		let receipt = follow(&mut progress, WaitFor::InBlock, on_progress).await?;
		let finalized = receipt.finalized.then(|| receipt.clone());
		Ok((receipt, Finality { progress, finalized }))
	}

	/// The fee `call` would pay if `account` submitted it now, plancks (the inclusion fee the
	/// runtime quotes; a feeless call such as a valid heartbeat still shows what it would cost).
	/// The quote is asked for a transaction carrying a blank signature: nothing the node sees
	/// could be submitted on the account's behalf.
	pub async fn estimate_fee<Call: Payload>(
		&self,
		call: &Call,
		account: &AccountId,
	) -> Result<u128, ChainError> {
		let at = self.api.at_current_block().await.map_err(ChainError::rpc)?;
		let params = DefaultExtrinsicParamsBuilder::<EmberConfig>::new().mortal(256);
		let mut signable = at
			.transactions()
			.create_signable(call, account, params.build())
			.await
			.map_err(|e| ChainError::Invalid(e.to_string()))?;
		let blank = subxt::utils::MultiSignature::Sr25519([0; 64]);
		let quoted = signable
			.sign_with_account_and_signature(account, &blank)
			.map_err(|e| ChainError::Invalid(e.to_string()))?;
		quoted.partial_fee_estimate().await.map_err(|e| invalid_or_rpc(&e))
	}

	async fn sign_and_watch<Call: Payload>(
		&self,
		call: &Call,
		signer: &Keypair,
		nonce: Option<u64>,
		on_progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Watch, ChainError> {
		let at = self.api.at_current_block().await.map_err(ChainError::rpc)?;
		let nonce = match nonce {
			Some(nonce) => nonce,
			None => self.next_nonce(&AccountId::from(signer.public_key().0)).await?,
		};
		let params = DefaultExtrinsicParamsBuilder::<EmberConfig>::new().mortal(256).nonce(nonce);
		let signed = at
			.transactions()
			.create_signed(call, signer, params.build())
			.await
			.map_err(|e| ChainError::Invalid(e.to_string()))?;
		let tx_hash = format!("{:?}", signed.hash());
		let progress = signed.submit_and_watch().await.map_err(|e| invalid_or_rpc(&e))?;
		on_progress(Progress::Submitted(tx_hash.clone()));
		Ok(Watch { tx_hash, progress })
	}
}

/// A transaction in a best block whose way to finality is still followed.
pub struct Finality {
	progress: Watch,
	/// Set when the transaction was already final when it was first seen.
	finalized: Option<Receipt>,
}

impl Finality {
	/// Follows the transaction until its block is finalized, and returns the final receipt.
	/// If its first block was retracted, the transaction may have gone into another block
	/// (whose events may differ: another lease id) or failed there: the receipt or the error
	/// says which.
	pub async fn wait(
		mut self,
		on_progress: &mut (dyn FnMut(Progress) + Send),
	) -> Result<Receipt, ChainError> {
		match self.finalized.take() {
			Some(receipt) => Ok(receipt),
			None => follow(&mut self.progress, WaitFor::Finalized, on_progress).await,
		}
	}
}

/// A submitted transaction's hash and its progress reports.
struct Watch {
	tx_hash: String,
	progress: subxt::transactions::TransactionProgress<
		EmberConfig,
		subxt::client::OnlineClientAtBlockImpl<EmberConfig>,
	>,
}

/// Follows `watch` until `wait`, and returns the receipt of the block it stopped at.
async fn follow(
	watch: &mut Watch,
	wait: WaitFor,
	on_progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Receipt, ChainError> {
	while let Some(status) = watch.progress.next().await {
		let status = status.map_err(ChainError::rpc)?;
		match status {
			TransactionStatus::Validated | TransactionStatus::Broadcasted => {
				on_progress(Progress::InPool)
			},
			TransactionStatus::NoLongerInBestBlock => on_progress(Progress::Retracted),
			TransactionStatus::InBestBlock(in_block) => {
				let number = block_number(&in_block).await?;
				on_progress(Progress::InBlock(number));
				if wait == WaitFor::InBlock {
					return receipt(watch.tx_hash.clone(), &in_block, number, false).await;
				}
			},
			TransactionStatus::InFinalizedBlock(in_block) => {
				let number = block_number(&in_block).await?;
				on_progress(Progress::Finalized(number));
				return receipt(watch.tx_hash.clone(), &in_block, number, true).await;
			},
			TransactionStatus::Invalid { message } => return Err(ChainError::Invalid(message)),
			TransactionStatus::Dropped { message } => return Err(ChainError::Dropped(message)),
			TransactionStatus::Error { message } => return Err(ChainError::Rpc(message)),
		}
	}
	Err(ChainError::Rpc("the node stopped reporting the transaction's progress".into()))
}

type InBlock = subxt::transactions::TransactionInBlock<
	EmberConfig,
	subxt::client::OnlineClientAtBlockImpl<EmberConfig>,
>;

async fn block_number(in_block: &InBlock) -> Result<u64, ChainError> {
	Ok(in_block.at().await.map_err(ChainError::rpc)?.block_number())
}

async fn receipt(
	tx_hash: String,
	in_block: &InBlock,
	block_number: u64,
	finalized: bool,
) -> Result<Receipt, ChainError> {
	let events = in_block.wait_for_success().await?;
	let at = in_block.at().await.map_err(ChainError::rpc)?;
	let metadata = at.metadata_ref();
	let rendered = events
		.iter()
		.filter_map(|event| event.ok())
		.map(|event| {
			let type_names: Vec<Option<String>> = metadata
				.pallet_by_name(event.pallet_name())
				.and_then(|pallet| pallet.event_variant_by_index(event.event_index()))
				.map(|variant| variant.fields.iter().map(|field| field.type_name.clone()).collect())
				.unwrap_or_default();
			let fields = event
				.decode_fields_unchecked_as::<Composite<()>>()
				.unwrap_or(Composite::Unnamed(Vec::new()));
			ChainEvent::render(
				event.pallet_name(),
				event.event_name(),
				fields,
				&type_names,
				Some(metadata),
			)
		})
		.collect();
	Ok(Receipt {
		tx_hash,
		block_hash: format!("{:?}", in_block.block_hash()),
		block_number,
		finalized,
		events: rendered,
		raw: Some(Arc::new(events)),
	})
}

fn invalid_or_rpc(error: &subxt::error::ExtrinsicError) -> ChainError {
	let text = error.to_string();
	if text.contains("Invalid Transaction") || text.contains("invalid") || text.contains("1010") {
		ChainError::Invalid(text)
	} else {
		ChainError::Rpc(text)
	}
}
