//! A node's libp2p identity, and the text forms of PeerIds and multiaddrs.
//!
//! A provider keeps one ed25519 key for good: its PeerId is registered on chain. Tenants parse
//! the PeerId and multiaddrs the chain holds.

use std::{fs, io, io::Write, path::Path, str::FromStr};

use libp2p::{identity::Keypair, Multiaddr, PeerId};

use super::P2pError;

/// Loads the node key stored at `path`, or generates an ed25519 key and stores it there
/// (protobuf-encoded, readable by the owner only), creating missing parent directories.
pub fn load_or_generate(path: &Path) -> Result<Keypair, P2pError> {
	let key_file = |source: io::Error| P2pError::KeyFile { path: path.to_path_buf(), source };
	match fs::read(path) {
		Ok(bytes) => {
			restrict_permissions(path).map_err(key_file)?;
			Keypair::from_protobuf_encoding(&bytes)
				.map_err(|e| P2pError::BadKey { path: path.to_path_buf(), detail: e.to_string() })
		},
		Err(error) if error.kind() == io::ErrorKind::NotFound => {
			let keypair = Keypair::generate_ed25519();
			let bytes = keypair.to_protobuf_encoding().map_err(|e| P2pError::BadKey {
				path: path.to_path_buf(),
				detail: e.to_string(),
			})?;
			if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
				fs::create_dir_all(parent).map_err(key_file)?;
			}
			write_new_private(path, &bytes).map_err(key_file)?;
			tracing::info!(path = %path.display(), peer_id = %keypair.public().to_peer_id(), "generated a node key");
			Ok(keypair)
		},
		Err(error) => Err(key_file(error)),
	}
}

/// Creates `path` (failing if it exists, so two starts never overwrite each other's key) with
/// owner-only permissions from the start, and writes `bytes` to it.
fn write_new_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
	let mut options = fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let mut file = options.open(path)?;
	file.write_all(bytes)?;
	file.sync_all()
}

/// Takes group and world access away from an existing key file.
fn restrict_permissions(path: &Path) -> io::Result<()> {
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		let mode = fs::metadata(path)?.permissions().mode();
		if mode & 0o077 != 0 {
			tracing::warn!(path = %path.display(), mode = format!("{mode:o}"), "node key file was readable by others; restricting it to its owner");
			fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
		}
	}
	#[cfg(not(unix))]
	let _ = path;
	Ok(())
}

/// Parses multiaddrs, naming the first that is not valid.
///
/// ```
/// use ember_client::p2p::parse_multiaddrs;
///
/// let addrs = parse_multiaddrs(&["/ip4/127.0.0.1/tcp/30444".to_string()]).unwrap();
/// assert_eq!(addrs[0].to_string(), "/ip4/127.0.0.1/tcp/30444");
/// assert!(parse_multiaddrs(&["127.0.0.1:30444".to_string()]).is_err());
/// ```
pub fn parse_multiaddrs(texts: &[String]) -> Result<Vec<Multiaddr>, P2pError> {
	texts
		.iter()
		.map(|text| {
			Multiaddr::from_str(text.trim())
				.map_err(|e| P2pError::BadAddress { address: text.clone(), detail: e.to_string() })
		})
		.collect()
}

/// Parses a PeerId from its base58 text form, naming the text when it is not one; the same as
/// `PeerId::from_str` with a [`P2pError`].
///
/// ```
/// use std::str::FromStr;
///
/// use ember_client::p2p::{parse_peer_id, peer_id_to_string, Keypair, PeerId};
///
/// let peer = Keypair::generate_ed25519().public().to_peer_id();
/// let text = peer_id_to_string(&peer);
/// assert_eq!(parse_peer_id(&text).unwrap(), peer);
/// assert_eq!(PeerId::from_str(&text).unwrap(), peer);
/// assert!(parse_peer_id("not a peer id").is_err());
/// ```
pub fn parse_peer_id(text: &str) -> Result<PeerId, P2pError> {
	PeerId::from_str(text.trim())
		.map_err(|e| P2pError::BadPeerId { text: text.to_string(), detail: e.to_string() })
}

/// A PeerId's text form, as registered on chain.
pub fn peer_id_to_string(peer: &PeerId) -> String {
	peer.to_base58()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_key_is_generated_once_then_loaded() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("nested/dirs/p2p-key");
		let first = load_or_generate(&path).unwrap();
		let second = load_or_generate(&path).unwrap();
		assert_eq!(first.public().to_peer_id(), second.public().to_peer_id());
		assert_eq!(
			fs::read(&path).unwrap(),
			first.to_protobuf_encoding().unwrap(),
			"stored as its protobuf encoding"
		);
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
			fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
			load_or_generate(&path).unwrap();
			assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
		}
	}

	#[test]
	fn a_corrupt_key_file_is_an_error_not_a_new_key() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("p2p-key");
		fs::write(&path, b"not a key").unwrap();
		let error = load_or_generate(&path).unwrap_err();
		assert!(matches!(error, P2pError::BadKey { .. }), "{error}");
		assert_eq!(fs::read(&path).unwrap(), b"not a key");
	}

	#[test]
	fn peer_ids_and_addresses_parse_and_name_bad_input() {
		let peer = Keypair::generate_ed25519().public().to_peer_id();
		assert_eq!(parse_peer_id(&peer_id_to_string(&peer)).unwrap(), peer);
		let error = parse_peer_id("12D3KooW-not-a-peer").unwrap_err();
		assert!(error.to_string().contains("12D3KooW-not-a-peer"), "{error}");

		let texts =
			vec!["/ip4/10.0.0.1/tcp/4001".to_string(), "/dns4/gpu.example/tcp/4001".to_string()];
		let addrs = parse_multiaddrs(&texts).unwrap();
		assert_eq!(addrs.iter().map(|a| a.to_string()).collect::<Vec<_>>(), texts);
		let error = parse_multiaddrs(&["/ip4/1.2.3.4/tcp/1".into(), "/ip4/999.0.0.1/tcp/1".into()])
			.unwrap_err();
		assert!(error.to_string().contains("/ip4/999.0.0.1/tcp/1"), "{error}");
	}
}
