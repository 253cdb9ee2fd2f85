//! Typed access to an Ember chain, generated at compile time from the runtime's metadata in
//! `client/metadata/ember.scale`. The runtime's tests fail when that file no longer matches the
//! runtime (`scripts/update-metadata.sh` rewrites it).
//!
//! [`Chain`] connects (with backoff), submits signed calls and reports their progress, and
//! turns failures into [`ChainError`]s that name the pallet error and its documentation.

mod error;
mod events;
mod submit;

use std::time::Duration;

use subxt::{
	config::RpcConfigFor,
	rpcs::{methods::LegacyRpcMethods, RpcClient},
	OnlineClient,
};

pub(crate) use error::WithinDeadline;
pub use error::{ChainError, QUERY_TIMEOUT};
pub use events::ChainEvent;
pub use submit::{Finality, Progress, Receipt, WaitFor};

#[subxt::subxt(
	runtime_metadata_path = "metadata/ember.scale",
	derive_for_all_types = "Clone, PartialEq, Eq"
)]
pub mod runtime {}

// The macro above reads the metadata file without telling cargo: including it here makes a new
// file (`scripts/update-metadata.sh`) rebuild this crate.
const _METADATA: &[u8] = include_bytes!("../../metadata/ember.scale");

/// Ember's client configuration: 32-byte accounts, multi-signatures, `u32` block numbers.
pub type EmberConfig = subxt::PolkadotConfig;

/// An Ember account id.
pub type AccountId = subxt::utils::AccountId32;

/// A view of the chain at one block.
pub type AtBlock =
	subxt::client::ClientAtBlock<EmberConfig, subxt::client::OnlineClientAtBlockImpl<EmberConfig>>;

/// A connection to an Ember node.
#[derive(Clone)]
pub struct Chain {
	api: OnlineClient<EmberConfig>,
	rpc: LegacyRpcMethods<RpcConfigFor<EmberConfig>>,
	url: String,
}

impl Chain {
	/// Connects to the node at `url` (`ws://` or `wss://`; plain `ws` only to loopback
	/// addresses unless `insecure` is set by the caller's choice of URL scheme).
	pub async fn connect(url: &str) -> Result<Self, ChainError> {
		let connect_error = |e: &dyn std::fmt::Display| ChainError::Connect {
			url: url.to_string(),
			reason: e.to_string(),
		};
		let client = RpcClient::from_insecure_url(url).await.map_err(|e| connect_error(&e))?;
		let api = OnlineClient::<EmberConfig>::from_rpc_client(client.clone())
			.await
			.map_err(|e| connect_error(&e))?;
		Ok(Self { api, rpc: LegacyRpcMethods::new(client), url: url.to_string() })
	}

	/// Connects, retrying with exponential backoff (1 s doubling up to 30 s) until `give_up`
	/// has passed; `on_retry` hears about each failed attempt.
	pub async fn connect_with_backoff(
		url: &str,
		give_up: Duration,
		mut on_retry: impl FnMut(&ChainError, Duration),
	) -> Result<Self, ChainError> {
		let started = std::time::Instant::now();
		let mut delay = Duration::from_secs(1);
		loop {
			match Self::connect(url).await {
				Ok(chain) => return Ok(chain),
				Err(error) if started.elapsed() + delay < give_up => {
					on_retry(&error, delay);
					tokio::time::sleep(delay).await;
					delay = (delay * 2).min(Duration::from_secs(30));
				},
				Err(error) => return Err(error),
			}
		}
	}

	/// The typed subxt client, for queries this module does not wrap.
	pub fn api(&self) -> &OnlineClient<EmberConfig> {
		&self.api
	}

	/// The nonce `account`'s next transaction needs: its nonce at the best block, plus its
	/// transactions waiting in the node's pool. (The nonce at the finalized block, which
	/// subxt's own lookup gives, is stale while earlier transactions await finality.)
	pub async fn next_nonce(&self, account: &AccountId) -> Result<u64, ChainError> {
		self.rpc.system_account_next_index(account).await.map_err(ChainError::rpc)
	}

	/// The number of the node's best block: the newest it built or imported, final or not.
	pub async fn best_number(&self) -> Result<u32, ChainError> {
		let header = self
			.rpc
			.chain_get_header(None)
			.await
			.map_err(ChainError::rpc)?
			.ok_or_else(|| ChainError::NotFound("the best block's header".into()))?;
		u32::try_from(header.number).map_err(ChainError::rpc)
	}

	/// A view of the node's best block: the newest it built or imported, final or not.
	pub async fn at_best(&self) -> Result<AtBlock, ChainError> {
		let hash = self
			.rpc
			.chain_get_block_hash(None)
			.await
			.map_err(ChainError::rpc)?
			.ok_or_else(|| ChainError::NotFound("the best block's hash".into()))?;
		self.api.at_block(hash).await.map_err(ChainError::rpc)
	}

	/// The hash of block `number` on the node's best chain, if it has one: after a reorg, a
	/// block that left the best chain is no longer the one its number names.
	pub async fn canonical_hash(&self, number: u32) -> Result<Option<[u8; 32]>, ChainError> {
		let hash = self
			.rpc
			.chain_get_block_hash(Some(u64::from(number).into()))
			.await
			.map_err(ChainError::rpc)?;
		Ok(hash.map(|h| h.0))
	}

	/// The chain spec's type as the node reports it: `Development`, `Local`, `Live` or a
	/// custom name.
	pub async fn chain_type(&self) -> Result<String, ChainError> {
		self.rpc.system_chain_type().await.map_err(ChainError::rpc)
	}

	/// The URL this client is connected to.
	pub fn url(&self) -> &str {
		&self.url
	}
}
