//! Signing keys: from a secret URI (`//Alice`, a mnemonic with derivation paths) or from a
//! keystore file holding one, as `ember-node key insert` and `subkey` write them.

use std::path::Path;

use subxt_signer::{sr25519::Keypair, SecretUri};

/// Why a key could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
	/// The URI is malformed (the secret itself is never printed).
	#[error("the secret URI is not valid: {0}")]
	BadUri(String),
	/// The file could not be read.
	#[error("cannot read key file {path}: {source}")]
	File {
		/// The file.
		path: String,
		/// Why.
		source: std::io::Error,
	},
	/// The file is readable by others.
	#[error("key file {0} is readable by other users: run `chmod 600 {0}`")]
	Permissions(String),
}

/// An sr25519 key from a secret URI: a dev name (`//Alice`), a mnemonic or a hex seed, with
/// optional `//hard` and `/soft` derivations and `///password`.
pub fn keypair_from_uri(uri: &str) -> Result<Keypair, KeyError> {
	let uri: SecretUri = uri.trim().parse().map_err(|e| KeyError::BadUri(format!("{e}")))?;
	Keypair::from_uri(&uri).map_err(|e| KeyError::BadUri(format!("{e}")))
}

/// An sr25519 key from a file: either the secret URI as plain text, or a keystore entry (a JSON
/// string holding it). The file must not be readable by other users.
pub fn keypair_from_file(path: &Path) -> Result<Keypair, KeyError> {
	let shown = path.display().to_string();
	let metadata =
		std::fs::metadata(path).map_err(|source| KeyError::File { path: shown.clone(), source })?;
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		if metadata.permissions().mode() & 0o077 != 0 {
			return Err(KeyError::Permissions(shown));
		}
	}
	#[cfg(not(unix))]
	let _ = metadata;
	let text = std::fs::read_to_string(path)
		.map_err(|source| KeyError::File { path: shown.clone(), source })?;
	let text = text.trim();
	let secret = serde_json::from_str::<String>(text).unwrap_or_else(|_| text.to_string());
	keypair_from_uri(&secret)
}

/// The SS58 address (generic prefix 42) of a key's account.
pub fn address_of(keypair: &Keypair) -> String {
	subxt::utils::AccountId32::from(keypair.public_key().0).to_string()
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	#[test]
	fn dev_uris_give_dev_accounts() {
		let alice = keypair_from_uri("//Alice").expect("dev URI");
		assert_eq!(address_of(&alice), ALICE);
		let derived = keypair_from_uri("//Alice//agent").expect("derived URI");
		assert_ne!(address_of(&derived), ALICE);
	}

	#[test]
	fn key_files_plain_or_keystore_json() {
		let dir = tempfile::tempdir().expect("temp dir");
		let plain = dir.path().join("plain");
		let json = dir.path().join("json");
		std::fs::write(&plain, "//Alice\n").expect("write");
		std::fs::write(&json, "\"//Alice\"").expect("write");
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			for path in [&plain, &json] {
				std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
					.expect("chmod");
			}
		}
		assert_eq!(address_of(&keypair_from_file(&plain).expect("plain")), ALICE);
		assert_eq!(address_of(&keypair_from_file(&json).expect("json")), ALICE);
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			std::fs::set_permissions(&plain, std::fs::Permissions::from_mode(0o644))
				.expect("chmod");
			assert!(matches!(keypair_from_file(&plain), Err(KeyError::Permissions(_))));
		}
		assert!(matches!(keypair_from_uri("not a uri at all !!"), Err(KeyError::BadUri(_))));
	}
}
