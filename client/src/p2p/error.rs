//! What can go wrong on the manifest protocol's side of things.

use std::{io, path::PathBuf, time::Duration};

use libp2p::{Multiaddr, PeerId};

/// An error of the manifest protocol: starting a node, reaching a peer, or its answer.
#[derive(Debug, thiserror::Error)]
pub enum P2pError {
	/// No address of the peer could be dialed; `detail` names each address tried and why it failed.
	#[error("could not dial {peer}: {detail}")]
	Dial {
		/// The peer.
		peer: PeerId,
		/// Each address tried, and what went wrong there.
		detail: String,
	},
	/// The peer has no known address to dial.
	#[error("no address to dial {peer}")]
	NoAddresses {
		/// The peer.
		peer: PeerId,
	},
	/// The peer did not answer in time.
	#[error("{peer} did not answer within {after:?}")]
	Timeout {
		/// The peer.
		peer: PeerId,
		/// How long was waited.
		after: Duration,
	},
	/// The connection closed before the peer answered.
	#[error("the connection to {peer} closed before it answered")]
	ConnectionClosed {
		/// The peer.
		peer: PeerId,
	},
	/// The peer does not speak the manifest protocol.
	#[error("{peer} does not support the protocol {protocol}", protocol = super::PROTOCOL_NAME)]
	ProtocolNotSupported {
		/// The peer.
		peer: PeerId,
	},
	/// The peer's answer could not be read or does not fit the request.
	#[error("bad response from {peer}: {detail}")]
	BadResponse {
		/// The peer.
		peer: PeerId,
		/// What is wrong with it.
		detail: String,
	},
	/// The stream to the peer failed while the request or its answer was under way.
	#[error("the stream to {peer} failed: {source}")]
	Stream {
		/// The peer.
		peer: PeerId,
		/// The failure.
		source: io::Error,
	},
	/// The libp2p transport could not be set up.
	#[error("cannot set up the libp2p transport: {0}")]
	Transport(String),
	/// A listen address could not be bound.
	#[error("cannot listen on {address}: {detail}")]
	Listen {
		/// The address.
		address: Multiaddr,
		/// Why.
		detail: String,
	},
	/// A text is not a valid multiaddr.
	#[error("`{address}` is not a valid multiaddr: {detail}")]
	BadAddress {
		/// The text.
		address: String,
		/// Why.
		detail: String,
	},
	/// A text is not a valid PeerId.
	#[error("`{text}` is not a valid PeerId: {detail}")]
	BadPeerId {
		/// The text.
		text: String,
		/// Why.
		detail: String,
	},
	/// The node key file could not be read or written.
	#[error("node key file {}: {source}", path.display())]
	KeyFile {
		/// The file.
		path: PathBuf,
		/// The failure.
		source: io::Error,
	},
	/// The node key file does not hold a valid key.
	#[error("node key file {} does not hold a valid key: {detail}", path.display())]
	BadKey {
		/// The file.
		path: PathBuf,
		/// Why.
		detail: String,
	},
	/// A node was started outside a tokio runtime.
	#[error("the libp2p node must be started inside a tokio runtime")]
	NoRuntime,
	/// The node's task has stopped.
	#[error("the libp2p node has stopped")]
	Stopped,
}
