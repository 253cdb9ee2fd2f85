//! The manifest protocol: how a tenant hands its workload manifest to the provider of its lease
//! over libp2p, and follows the workload's logs and fetches its output files.
//!
//! # Roles
//!
//! A provider runs a [`ProviderNode`], whose PeerId and multiaddrs it registers on chain. A
//! tenant looks them up and talks to the node with a [`TenantClient`]. Every exchange is one
//! request and one response on a fresh stream of the protocol [`PROTOCOL_NAME`]
//! (`/ember/manifest/1`), over TCP with noise encryption and yamux multiplexing. Connections
//! stay open while requests are under way and close after [`IDLE_CONNECTION_TIMEOUT`] idle.
//!
//! # Wire format
//!
//! Each message is a `u32` big-endian length followed by that many bytes of a SCALE-encoded
//! [`Request`] or [`Response`]; a message over [`MAX_FRAME_BYTES`] (4 MiB) is refused before it
//! is read, and a malformed one is an `InvalidData` error.
//!
//! # Requests and their authorisation
//!
//! - [`Request::SubmitManifest`] carries a [`SignedManifest`]: the lease id, the manifest's
//!   exact bytes, the tenant's account id (its sr25519 public key) and an sr25519 signature
//!   over `b"ember/manifest/v1" ++ SCALE(lease) ++ BLAKE2-256(manifest)`. The provider accepts
//!   it ([`check_submission`]) only if the signature verifies, the signer is the lease's
//!   tenant on chain, and the manifest's hash is the one the lease carries. Sending the same
//!   manifest again is answered [`Response::Accepted`] again.
//! - [`Request::Logs`] and [`Request::FetchOutput`] carry a [`SignedQuery`]: the lease, the
//!   time it was signed, what is asked ([`LogsQuery`] or [`OutputQuery`]), the tenant and a
//!   signature over the kind's own domain tag (`ember/logs/v1`, `ember/output/v1`) and those
//!   fields. The provider answers ([`check_query`]) only the lease's tenant, and only if the
//!   query was signed within [`MAX_QUERY_SKEW_SECS`] (300 s) of its own clock.
//!
//! # Answers
//!
//! [`Response::Logs`] holds the workload's [`WorkloadState`] and its [`LogLine`]s from the
//! asked sequence number on, with the number to ask from next; a tenant follows a workload by
//! asking again from there. [`Response::Output`] holds at most [`MAX_OUTPUT_CHUNK`] (512 KiB)
//! of a file from the asked offset, its whole length and whether the piece reaches its end.
//! A refusal is [`Response::Rejected`] with a [`RejectReason`].
//!
//! # Example
//!
//! ```no_run
//! # async fn example(
//! #     handler: std::sync::Arc<dyn ember_client::p2p::RequestHandler>,
//! #     tenant_key: subxt_signer::sr25519::Keypair,
//! #     manifest: Vec<u8>,
//! # ) -> Result<(), ember_client::p2p::P2pError> {
//! use std::time::Duration;
//!
//! use ember_client::p2p::{parse_multiaddrs, Keypair, ProviderNode, Response, TenantClient};
//!
//! // The provider's side.
//! let (_stop, shutdown) = tokio::sync::watch::channel(false);
//! let listen = parse_multiaddrs(&["/ip4/0.0.0.0/tcp/30444".to_string()])?;
//! let node = ProviderNode::start(Keypair::generate_ed25519(), listen, handler, shutdown).await?;
//!
//! // The tenant's side, with the PeerId and addresses the chain holds.
//! let (peer, addrs) = (node.peer_id(), node.listen_addrs());
//! let client = TenantClient::new()?;
//! let timeout = Duration::from_secs(30);
//! let answer = client.send_manifest(peer, &addrs, 7, manifest, &tenant_key, timeout).await?;
//! assert_eq!(answer, Response::Accepted);
//! # Ok(())
//! # }
//! ```

mod codec;
mod error;
mod identity;
mod json;
mod node;
mod protocol;
mod server;
mod tenant;

pub use codec::{read_frame, write_frame, ManifestCodec};
pub use error::P2pError;
pub use identity::{load_or_generate, parse_multiaddrs, parse_peer_id, peer_id_to_string};
pub use json::{line_json, state_json};
pub use libp2p::{identity::Keypair, Multiaddr, PeerId};
pub use node::IDLE_CONNECTION_TIMEOUT;
pub use protocol::{
	check_query, check_submission, decode_message, encode_message, is_fresh, LogLine, LogStream,
	LogsQuery, OutputQuery, QueryKind, RejectReason, Request, Response, SignedManifest,
	SignedQuery, WorkloadState, MANIFEST_DOMAIN, MAX_FRAME_BYTES, MAX_OUTPUT_CHUNK,
	MAX_QUERY_SKEW_SECS, PROTOCOL, PROTOCOL_NAME,
};
pub use server::{NodeStats, ProviderNode, RequestHandler, HANDLER_TIMEOUT};
pub use tenant::TenantClient;
