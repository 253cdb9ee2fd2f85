//! What went wrong between a client and the chain, said plainly.

use subxt::error::{DispatchError, TransactionEventsError};

/// A failed chain interaction.
#[derive(Debug, thiserror::Error)]
pub enum ChainError {
	/// The node could not be reached.
	#[error("cannot connect to the node at {url}: {reason}")]
	Connect {
		/// The URL tried.
		url: String,
		/// Why.
		reason: String,
	},
	/// The call was included and failed with a pallet error.
	#[error("{pallet}.{error}: {docs}")]
	Module {
		/// The pallet, e.g. `Leases`.
		pallet: String,
		/// The error variant, e.g. `PriceAboveMax`.
		error: String,
		/// The error's documentation from the runtime metadata.
		docs: String,
	},
	/// The call was included and failed with a non-pallet error (bad origin, token error, …).
	#[error("the call failed: {0}")]
	Dispatch(String),
	/// The transaction pool refused the transaction (bad nonce, cannot pay fees, …).
	#[error("the node refused the transaction: {0}")]
	Invalid(String),
	/// The transaction left the pool without being included.
	#[error("the transaction was dropped: {0}")]
	Dropped(String),
	/// A query, a subscription or decoding failed.
	#[error("{0}")]
	Rpc(String),
	/// Something the chain returned was not what was asked for.
	#[error("not found: {0}")]
	NotFound(String),
	/// The node did not answer a runtime query in time (it is overloaded, or the runtime
	/// failed the query in a way the connection did not report).
	#[error("the node did not answer a runtime query within {} s", .after.as_secs())]
	Timeout {
		/// How long the query was given.
		after: std::time::Duration,
	},
}

impl ChainError {
	/// Whether retrying the same request later can succeed (the connection, not the request,
	/// was at fault).
	pub fn is_transient(&self) -> bool {
		matches!(
			self,
			Self::Connect { .. } | Self::Rpc(_) | Self::Dropped(_) | Self::Timeout { .. }
		)
	}

	/// The pallet error's name (`Leases.PriceAboveMax`), when it is one.
	pub fn module_error(&self) -> Option<String> {
		match self {
			Self::Module { pallet, error, .. } => Some(format!("{pallet}.{error}")),
			_ => None,
		}
	}

	pub(crate) fn rpc(error: impl std::fmt::Display) -> Self {
		Self::Rpc(error.to_string())
	}
}

/// How long a runtime query may take. A runtime that traps while answering makes the node
/// report an error that the client library does not always pass on, so the query would wait
/// for ever.
pub const QUERY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A runtime query given at most [`QUERY_TIMEOUT`] to answer.
pub(crate) trait WithinDeadline<T>: std::future::Future + Sized {
	/// The query's answer, its error as [`ChainError::Rpc`], or [`ChainError::Timeout`].
	async fn within_deadline(self) -> Result<T, ChainError>;
}

impl<F, T, E> WithinDeadline<T> for F
where
	F: std::future::Future<Output = Result<T, E>>,
	E: std::fmt::Display,
{
	async fn within_deadline(self) -> Result<T, ChainError> {
		match tokio::time::timeout(QUERY_TIMEOUT, self).await {
			Ok(answer) => answer.map_err(ChainError::rpc),
			Err(_) => Err(ChainError::Timeout { after: QUERY_TIMEOUT }),
		}
	}
}

impl From<DispatchError> for ChainError {
	fn from(error: DispatchError) -> Self {
		match &error {
			DispatchError::Module(module) => match module.details() {
				Ok(details) => ChainError::Module {
					pallet: details.pallet.name().to_string(),
					error: details.variant.name.clone(),
					docs: details.variant.docs.join(" ").trim().to_string(),
				},
				Err(_) => ChainError::Dispatch(module.to_string()),
			},
			other => ChainError::Dispatch(other.to_string()),
		}
	}
}

impl From<TransactionEventsError> for ChainError {
	fn from(error: TransactionEventsError) -> Self {
		match error {
			TransactionEventsError::ExtrinsicFailed(dispatch) => dispatch.into(),
			other => ChainError::Rpc(other.to_string()),
		}
	}
}
