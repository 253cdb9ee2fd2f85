//! Encrypted accounts on disk, in the JSON format of polkadot.js (version 3: scrypt and
//! xsalsa20-poly1305), so that one account moves between emberctl, the polkadot.js extension
//! and apps, Talisman, SubWallet or a web app, and no secret needs to be typed on a command line.
//!
//! A [`Keystore`] is a directory holding one `<name>.json` file per account, each readable by
//! its owner only. [`encrypt_json`] writes such a file from a secret URI; [`decrypt_json`] reads
//! one back, whoever wrote it.

use std::{
	fs,
	io::{Read, Write},
	path::{Path, PathBuf},
	str::FromStr,
	time::{SystemTime, UNIX_EPOCH},
};

use base64::{engine::general_purpose::STANDARD, Engine};
use crypto_secretbox::{
	aead::{Aead, KeyInit},
	Nonce, XSalsa20Poly1305,
};
use schnorrkel::{
	derive::{ChainCode, Derivation},
	ExpansionMode, MiniSecretKey, SecretKey,
};
use serde::{Deserialize, Serialize};
use sha2::Sha512;
use subxt::utils::AccountId32;
use subxt_signer::{
	bip39::Mnemonic, polkadot_js_compat, sr25519::Keypair, DeriveJunction, ExposeSecret, SecretUri,
};
use zeroize::Zeroizing;

/// scrypt cost as polkadot.js writes it by default: N = 2^15, p = 1, r = 8.
const SCRYPT_LOG_N: u8 = 15;
const SCRYPT_N: u32 = 1 << SCRYPT_LOG_N;
const SCRYPT_P: u32 = 1;
const SCRYPT_R: u32 = 8;
const KEY_LEN: usize = 32;
const SALT_LEN: usize = 32;
const NONCE_LEN: usize = 24;
/// Salt, the three scrypt parameters and the nonce precede the ciphertext.
const PARAMS_LEN: usize = SALT_LEN + 12 + NONCE_LEN;
/// The Poly1305 tag every ciphertext carries.
const TAG_LEN: usize = 16;

/// The PKCS#8 envelope polkadot.js wraps an sr25519 key in: header, secret, divider, public.
const PKCS8_HEADER: [u8; 16] = [48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32];
const PKCS8_DIVIDER: [u8; 5] = [161, 35, 3, 33, 0];
const PKCS8_LEN: usize = PKCS8_HEADER.len() + 64 + PKCS8_DIVIDER.len() + 32;

/// PBKDF2 rounds from mnemonic entropy to seed, as in BIP39 and Substrate.
const SEED_ROUNDS: u32 = 2048;

/// The longest account name: long enough for any label, short enough for any file system.
const MAX_NAME_LEN: usize = 64;

/// The largest account file read: one is under 1 KiB, so anything this big is something else,
/// and reading it could take any memory.
const MAX_FILE_LEN: u64 = 64 * 1024;

/// Why an account could not be created, stored or unlocked.
#[derive(Debug, thiserror::Error)]
pub enum KeystoreError {
	/// The secret URI is malformed (the secret itself is never printed).
	#[error("the secret URI is not valid: {0}")]
	BadUri(String),
	/// The key derived for the file is not the URI's account; nothing is written.
	#[error(
		"the key derived from the secret URI does not match its account (nothing was written); \
		 please report this"
	)]
	DerivationMismatch,
	/// Asked for a mnemonic length BIP39 does not have.
	#[error("a mnemonic has 12, 15, 18, 21 or 24 words, not {0}")]
	BadWordCount(usize),
	/// The BIP39 library refused the entropy.
	#[error("cannot make a mnemonic: {0}")]
	Mnemonic(String),
	/// The operating system gave no randomness.
	#[error("no randomness from the operating system: {0}")]
	Random(String),
	/// scrypt refused its parameters.
	#[error("cannot derive the encryption key from the password")]
	Scrypt,
	/// The cipher refused to encrypt.
	#[error("cannot encrypt the key")]
	Encrypt,
	/// The account file is not the expected JSON.
	#[error("not a polkadot.js account JSON: {0}")]
	Json(String),
	/// `encoded` is not base64.
	#[error("the account's `encoded` field is not base64")]
	Base64,
	/// `encoded` is too short to hold a key.
	#[error("the account's `encoded` field is truncated")]
	Truncated,
	/// Another encoding than pkcs8/sr25519 under scrypt/xsalsa20-poly1305, version 3.
	#[error(
		"unsupported account encoding: only sr25519 accounts encrypted with scrypt and \
		 xsalsa20-poly1305 (version 3) can be read"
	)]
	UnsupportedEncoding,
	/// scrypt parameters polkadot.js never writes (refused: they could take any time or memory).
	#[error("unsupported scrypt parameters N = {n}, p = {p}, r = {r}")]
	ScryptParameters {
		/// Cost.
		n: u32,
		/// Parallelism.
		p: u32,
		/// Block size.
		r: u32,
	},
	/// The password does not open the key (or the encrypted part was altered).
	#[error("wrong password (or the account's encrypted key was altered)")]
	WrongPassword,
	/// The decrypted key is malformed or is not the file's address.
	#[error("the decrypted key is not valid or not the account's address")]
	InvalidKeys,
	/// An account name outside `[A-Za-z0-9_.-]{1,64}`.
	#[error("`{0}` is not a valid account name: use 1 to 64 letters, digits, `_`, `.` or `-`")]
	BadName(String),
	/// A name that is an SS58 address, which would let it pass for another account.
	#[error(
		"`{0}` is an SS58 address, which cannot be an account name (an address always means \
		 the account it encodes): choose another name"
	)]
	NameIsAddress(String),
	/// The name is taken.
	#[error("an account named `{0}` already exists")]
	Exists(String),
	/// No account has that name or address.
	#[error("no account `{0}` in the keystore")]
	NotFound(String),
	/// Nowhere to put the keystore.
	#[error(
		"cannot find the keystore directory: set EMBER_KEYSTORE, XDG_CONFIG_HOME or HOME, or \
		 give --keystore"
	)]
	NoDirectory,
	/// The keystore directory is a symbolic link, which another user may have planted.
	#[error("the keystore directory {0} is a symbolic link: give the directory itself")]
	DirSymlink(String),
	/// The keystore path is not a directory.
	#[error("the keystore directory {0} is not a directory")]
	NotADirectory(String),
	/// The keystore directory is another user's, who could change its accounts.
	#[error("the keystore directory {path} belongs to user {owner}, not to you")]
	DirOwner {
		/// The directory.
		path: String,
		/// Its owner's user id.
		owner: u32,
	},
	/// Other users can add, replace or remove accounts in the keystore directory.
	#[error(
		"the keystore directory {0} is writable by other users, who could have added or \
		 replaced accounts: check its files, then run `chmod 700 {0}`"
	)]
	DirWritable(String),
	/// An account file is a symbolic link, which the keystore does not follow.
	#[error("{0} is a symbolic link, not an account file")]
	FileSymlink(String),
	/// An account file is a directory, a FIFO, a device or the like.
	#[error("{0} is not a regular file")]
	NotRegularFile(String),
	/// An account file is another user's.
	#[error("{path} belongs to user {owner}, not to you")]
	FileOwner {
		/// The file.
		path: String,
		/// Its owner's user id.
		owner: u32,
	},
	/// An account file or JSON far larger than any account.
	#[error("{0} is larger than 64 KiB, which no account file is")]
	TooLarge(String),
	/// The decrypted key is not the account that was asked for.
	#[error(
		"the key stored for {wanted} is the key of {found}: the account file is not what it claims"
	)]
	AddressMismatch {
		/// The account asked for.
		wanted: String,
		/// The key's account.
		found: String,
	},
	/// Neither a hard link nor a rename that refuses to replace a file is possible, and a
	/// plain rename could replace an account created meanwhile.
	#[error(
		"cannot store {0} without risking replacing another file: the file system supports \
		 neither hard links nor an exclusive rename"
	)]
	NoExclusiveRename(String),
	/// A stored file that is not an account.
	#[error("{path} is not a readable account file: {reason}")]
	BadFile {
		/// The file.
		path: String,
		/// What is wrong with it.
		reason: String,
	},
	/// A file or directory could not be read or written.
	#[error("{path}: {source}")]
	Io {
		/// The file or directory.
		path: String,
		/// Why.
		source: std::io::Error,
	},
}

/// An account as the keystore lists it, without decrypting it.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct StoredAccount {
	/// Its name in the keystore (the file name without `.json`).
	pub name: String,
	/// Its SS58 address (generic prefix 42).
	pub address: String,
	/// The name in the JSON's `meta`, which wallets show (may differ after an import). It is
	/// text from whoever wrote the file: strip control characters before showing it.
	pub label: Option<String>,
}

/// The accounts of a keystore, and the files that look like accounts but could not be read.
#[derive(Debug)]
pub struct Listing {
	/// The accounts, by name.
	pub accounts: Vec<StoredAccount>,
	/// The `.json` files set aside, by path, so that one bad file does not hide the others.
	pub skipped: Vec<Skipped>,
}

/// A `.json` file of the keystore that is not a readable account.
#[derive(Debug)]
pub struct Skipped {
	/// The file.
	pub path: PathBuf,
	/// What is wrong with it (the message names the file).
	pub error: KeystoreError,
}

/// An account's file as read once, its key still encrypted: the account shown when asking for
/// the password is the one the password unlocks, whatever happens to the file meanwhile.
#[derive(Clone, Debug)]
pub struct LockedAccount {
	/// The account.
	pub account: StoredAccount,
	json: String,
	/// The account the key must be: the address asked for, else the file's.
	expected: AccountId32,
}

impl LockedAccount {
	/// The account's JSON as stored, for polkadot.js and wallets to import.
	pub fn json(&self) -> &str {
		&self.json
	}

	/// The account's key, once `password` opens it and it is the account's.
	pub fn unlock(&self, password: &str) -> Result<Keypair, KeystoreError> {
		let keypair = decrypt_json(&self.json, password)?;
		let found = AccountId32::from(keypair.public_key().0);
		if found != self.expected {
			return Err(KeystoreError::AddressMismatch {
				wanted: self.expected.to_string(),
				found: found.to_string(),
			});
		}
		Ok(keypair)
	}
}

/// The polkadot.js account JSON as written.
#[derive(Serialize)]
struct AccountJson<'a> {
	encoded: String,
	encoding: Encoding,
	address: String,
	meta: Meta<'a>,
}

#[derive(Serialize)]
struct Encoding {
	content: [&'static str; 2],
	#[serde(rename = "type")]
	kind: [&'static str; 2],
	version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Meta<'a> {
	name: &'a str,
	when_created: u64,
}

/// What listing reads from a file: the address and the wallet's label.
#[derive(Deserialize)]
struct Listed {
	address: String,
	#[serde(default)]
	meta: serde_json::Value,
}

/// What the length check before decryption reads.
#[derive(Deserialize)]
struct EncodedOnly {
	encoded: String,
}

/// The polkadot.js JSON (v3) of the account a secret URI names, its key encrypted with
/// `password`; `name` and `when_created_ms` go into `meta`, where wallets show them.
///
/// The key written is checked against `Keypair::from_uri`'s before anything is returned, so a
/// derivation that went wrong cannot produce a file for another account.
pub fn encrypt_json(
	uri: &str,
	password: &str,
	name: &str,
	when_created_ms: u64,
) -> Result<String, KeystoreError> {
	let secret = secret_from_uri(uri)?;
	let public = secret.to_public().to_bytes();
	let encoded = seal(&pkcs8(&secret, &public), password)?;
	let account = AccountJson {
		encoded: STANDARD.encode(encoded),
		encoding: Encoding {
			content: ["pkcs8", "sr25519"],
			kind: ["scrypt", "xsalsa20-poly1305"],
			version: "3",
		},
		address: AccountId32::from(public).to_string(),
		meta: Meta { name, when_created: when_created_ms },
	};
	serde_json::to_string(&account).map_err(|e| KeystoreError::Json(e.to_string()))
}

/// The key of a polkadot.js account JSON (v3, sr25519), whoever exported it.
pub fn decrypt_json(json: &str, password: &str) -> Result<Keypair, KeystoreError> {
	check_encoded_length(json)?;
	polkadot_js_compat::decrypt_json(json, password).map_err(decrypt_error)
}

/// A fresh BIP39 English mnemonic of `words` words (12 or 24 usually) from the operating
/// system's randomness.
pub fn generate_mnemonic(words: usize) -> Result<String, KeystoreError> {
	if !matches!(words, 12 | 15 | 18 | 21 | 24) {
		return Err(KeystoreError::BadWordCount(words));
	}
	let mut entropy = Zeroizing::new([0u8; 32]);
	let len = words / 3 * 4;
	getrandom::getrandom(&mut entropy[..len]).map_err(|e| KeystoreError::Random(e.to_string()))?;
	let mnemonic = Mnemonic::from_entropy(&entropy[..len])
		.map_err(|e| KeystoreError::Mnemonic(e.to_string()))?;
	Ok(mnemonic.to_string())
}

/// Checks a name before it becomes a file name: `[A-Za-z0-9_.-]{1,64}`, so no path separator
/// or other surprise can reach the file system; and not an SS58 address, so that an address
/// given to find an account can only mean the account it encodes.
pub fn check_name(name: &str) -> Result<(), KeystoreError> {
	let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-');
	if name.is_empty() || name.len() > MAX_NAME_LEN || !name.chars().all(allowed) {
		return Err(KeystoreError::BadName(name.to_string()));
	}
	if AccountId32::from_str(name).is_ok() {
		return Err(KeystoreError::NameIsAddress(name.to_string()));
	}
	Ok(())
}

/// The sr25519 secret key a URI names. `Keypair` keeps its secret to itself, so the
/// derivation is repeated here with schnorrkel, then checked against `Keypair::from_uri`.
/// (schnorrkel's secret keys wipe themselves when dropped.)
fn secret_from_uri(uri: &str) -> Result<SecretKey, KeystoreError> {
	let uri = SecretUri::from_str(uri.trim()).map_err(|e| KeystoreError::BadUri(e.to_string()))?;
	let expected = Keypair::from_uri(&uri).map_err(|e| KeystoreError::BadUri(e.to_string()))?;
	let mut secret = root_secret(&uri)?;
	for junction in &uri.junctions {
		secret = derive(&secret, *junction);
	}
	if secret.to_public().to_bytes() != expected.public_key().0 {
		return Err(KeystoreError::DerivationMismatch);
	}
	Ok(secret)
}

/// The key before any derivation: a `0x` hex seed as is, else a mnemonic (the dev phrase for
/// `//Alice` and the like, which `SecretUri` fills in) with the URI's password.
fn root_secret(uri: &SecretUri) -> Result<SecretKey, KeystoreError> {
	let phrase = uri.phrase.expose_secret();
	let mini = match phrase.strip_prefix("0x") {
		Some(hex_seed) => mini_from_hex(hex_seed)?,
		None => mini_from_mnemonic(phrase, uri.password.as_ref().map(|p| p.expose_secret()))?,
	};
	Ok(mini.expand(ExpansionMode::Ed25519))
}

/// A 32-byte seed given in hex.
fn mini_from_hex(hex_seed: &str) -> Result<MiniSecretKey, KeystoreError> {
	let bad = || KeystoreError::BadUri("the hex seed must be 32 bytes".into());
	let bytes = Zeroizing::new(hex::decode(hex_seed).map_err(|_| bad())?);
	MiniSecretKey::from_bytes(&bytes).map_err(|_| bad())
}

/// The seed Substrate takes from a mnemonic: PBKDF2-HMAC-SHA512 over its entropy (not over
/// its words, as BIP39 proper does), salted with "mnemonic" and the password.
fn mini_from_mnemonic(
	phrase: &str,
	password: Option<&str>,
) -> Result<MiniSecretKey, KeystoreError> {
	let mnemonic = Mnemonic::from_str(phrase).map_err(|e| KeystoreError::BadUri(e.to_string()))?;
	let (entropy, len) = mnemonic.to_entropy_array();
	let entropy = Zeroizing::new(entropy);
	let salt = Zeroizing::new(format!("mnemonic{}", password.unwrap_or("")));
	let mut seed = Zeroizing::new([0u8; 64]);
	pbkdf2::pbkdf2_hmac::<Sha512>(&entropy[..len], salt.as_bytes(), SEED_ROUNDS, &mut seed[..]);
	MiniSecretKey::from_bytes(&seed[..32]).map_err(|e| KeystoreError::BadUri(e.to_string()))
}

/// One `//hard` or `/soft` step, as `subxt_signer` takes it.
fn derive(key: &SecretKey, junction: DeriveJunction) -> SecretKey {
	match junction {
		DeriveJunction::Soft(code) => key.derived_key_simple(ChainCode(code), b"").0,
		DeriveJunction::Hard(code) => key
			.hard_derive_mini_secret_key(Some(ChainCode(code)), b"")
			.0
			.expand(ExpansionMode::Ed25519),
	}
}

/// The plaintext polkadot.js encrypts: the key in its PKCS#8 envelope.
fn pkcs8(secret: &SecretKey, public: &[u8; 32]) -> Zeroizing<Vec<u8>> {
	let mut plain = Zeroizing::new(Vec::with_capacity(PKCS8_LEN));
	plain.extend_from_slice(&PKCS8_HEADER);
	plain.extend_from_slice(&Zeroizing::new(secret.to_ed25519_bytes())[..]);
	plain.extend_from_slice(&PKCS8_DIVIDER);
	plain.extend_from_slice(public);
	plain
}

/// `plain` encrypted under `password`, with what decryption needs in front: salt, N, p, r
/// (little-endian u32) and nonce.
fn seal(plain: &[u8], password: &str) -> Result<Vec<u8>, KeystoreError> {
	let salt: [u8; SALT_LEN] = random()?;
	let nonce: [u8; NONCE_LEN] = random()?;
	let key = password_key(password, &salt)?;
	let cipher = XSalsa20Poly1305::new_from_slice(&key[..]).map_err(|_| KeystoreError::Encrypt)?;
	let sealed = cipher.encrypt(&Nonce::from(nonce), plain).map_err(|_| KeystoreError::Encrypt)?;
	let mut encoded = Vec::with_capacity(PARAMS_LEN + sealed.len());
	encoded.extend_from_slice(&salt);
	encoded.extend_from_slice(&SCRYPT_N.to_le_bytes());
	encoded.extend_from_slice(&SCRYPT_P.to_le_bytes());
	encoded.extend_from_slice(&SCRYPT_R.to_le_bytes());
	encoded.extend_from_slice(&nonce);
	encoded.extend_from_slice(&sealed);
	Ok(encoded)
}

/// The secretbox key: scrypt of the password.
fn password_key(password: &str, salt: &[u8]) -> Result<Zeroizing<[u8; KEY_LEN]>, KeystoreError> {
	let params = scrypt::Params::new(SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P, KEY_LEN)
		.map_err(|_| KeystoreError::Scrypt)?;
	let mut key = Zeroizing::new([0u8; KEY_LEN]);
	scrypt::scrypt(password.as_bytes(), salt, &params, &mut key[..])
		.map_err(|_| KeystoreError::Scrypt)?;
	Ok(key)
}

/// `N` random bytes from the operating system.
fn random<const N: usize>() -> Result<[u8; N], KeystoreError> {
	let mut bytes = [0u8; N];
	getrandom::getrandom(&mut bytes).map_err(|e| KeystoreError::Random(e.to_string()))?;
	Ok(bytes)
}

/// Refuses an `encoded` too short to hold a key before the decoder slices into it.
fn check_encoded_length(json: &str) -> Result<(), KeystoreError> {
	let account: EncodedOnly =
		serde_json::from_str(json).map_err(|e| KeystoreError::Json(e.to_string()))?;
	let bytes = STANDARD.decode(&account.encoded).map_err(|_| KeystoreError::Base64)?;
	if bytes.len() < PARAMS_LEN + TAG_LEN {
		return Err(KeystoreError::Truncated);
	}
	Ok(())
}

/// Names the decoder's failures; a failed authentication is a wrong password.
fn decrypt_error(error: polkadot_js_compat::Error) -> KeystoreError {
	use polkadot_js_compat::Error;
	match error {
		Error::Json(e) => KeystoreError::Json(e.to_string()),
		Error::UnsupportedEncoding => KeystoreError::UnsupportedEncoding,
		Error::Base64(_) => KeystoreError::Base64,
		Error::UnsupportedScryptParameters { n, p, r } => {
			KeystoreError::ScryptParameters { n, p, r }
		},
		Error::Secretbox(_) => KeystoreError::WrongPassword,
		Error::Sr25519(_) | Error::InvalidKeys => KeystoreError::InvalidKeys,
	}
}

/// Milliseconds since the Unix epoch, as polkadot.js stamps `whenCreated`.
fn now_ms() -> u64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
		.unwrap_or(0)
}

/// A directory of accounts, one polkadot.js JSON file each.
#[derive(Clone, Debug)]
pub struct Keystore {
	dir: PathBuf,
}

impl Keystore {
	/// The keystore in `dir` (created on the first write).
	pub fn new(dir: impl Into<PathBuf>) -> Self {
		Self { dir: dir.into() }
	}

	/// Where the keystore lives unless told: `$EMBER_KEYSTORE`, else
	/// `$XDG_CONFIG_HOME/ember/keystore`, else `~/.config/ember/keystore`.
	pub fn default_dir() -> Result<PathBuf, KeystoreError> {
		let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
		if let Some(dir) = var("EMBER_KEYSTORE") {
			return Ok(dir);
		}
		if let Some(config) = var("XDG_CONFIG_HOME").filter(|dir| dir.is_absolute()) {
			return Ok(config.join("ember").join("keystore"));
		}
		var("HOME")
			.map(|home| home.join(".config").join("ember").join("keystore"))
			.ok_or(KeystoreError::NoDirectory)
	}

	/// The directory.
	pub fn dir(&self) -> &Path {
		&self.dir
	}

	/// The accounts, by name, read without decrypting anything; files that cannot be read or
	/// are not accounts are set aside in [`Listing::skipped`].
	pub fn list(&self) -> Result<Listing, KeystoreError> {
		let (accounts, skipped) = self.scan()?;
		let accounts = accounts.into_iter().map(|locked| locked.account).collect();
		Ok(Listing { accounts, skipped })
	}

	/// The account with this name, or else with this address (in any SS58 format).
	pub fn find(&self, name_or_address: &str) -> Result<StoredAccount, KeystoreError> {
		self.read(name_or_address).map(|locked| locked.account)
	}

	/// An account's file, read once, found by name or else by address (in any SS58 format).
	/// Found by address, it unlocks only if its key is that address's.
	pub fn read(&self, name_or_address: &str) -> Result<LockedAccount, KeystoreError> {
		if check_name(name_or_address).is_ok() {
			return self.read_named(name_or_address);
		}
		let not_found = || KeystoreError::NotFound(name_or_address.to_string());
		let wanted = AccountId32::from_str(name_or_address.trim()).map_err(|_| not_found())?;
		let (accounts, _) = self.scan()?;
		let mut locked = accounts
			.into_iter()
			.find(|locked| locked.expected == wanted)
			.ok_or_else(not_found)?;
		locked.expected = wanted;
		Ok(locked)
	}

	/// Unlocks an account, found by name or address.
	pub fn load(&self, name_or_address: &str, password: &str) -> Result<Keypair, KeystoreError> {
		self.read(name_or_address)?.unlock(password)
	}

	/// Fails unless `name` is valid and free, so that a caller can check before asking for
	/// secrets.
	pub fn check_free(&self, name: &str) -> Result<(), KeystoreError> {
		check_name(name)?;
		self.check_dir()?;
		let path = self.path_of(name);
		match fs::symlink_metadata(&path) {
			Ok(_) => Err(KeystoreError::Exists(name.to_string())),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
			Err(source) => Err(io_error(&path, source)),
		}
	}

	/// Stores the account a secret URI names, encrypted with `password`.
	pub fn create(
		&self,
		name: &str,
		uri: &str,
		password: &str,
	) -> Result<StoredAccount, KeystoreError> {
		self.check_free(name)?;
		let json = encrypt_json(uri, password, name, now_ms())?;
		let (account, _) = listing(&self.path_of(name), name.to_string(), &json)?;
		self.store(name, json.as_bytes())?;
		Ok(account)
	}

	/// Stores a polkadot.js account JSON as it is (so it exports unchanged), once `password`
	/// has shown that it opens it.
	pub fn import_json(
		&self,
		name: &str,
		json: &str,
		password: &str,
	) -> Result<StoredAccount, KeystoreError> {
		self.check_free(name)?;
		if json.len() as u64 > MAX_FILE_LEN {
			return Err(KeystoreError::TooLarge("the account JSON".into()));
		}
		// The decoder also checks that the key is the file's address.
		decrypt_json(json, password)?;
		let (account, _) = listing(&self.path_of(name), name.to_string(), json)?;
		self.store(name, json.as_bytes())?;
		Ok(account)
	}

	/// The account's JSON as stored, for polkadot.js and wallets to import.
	pub fn export(&self, name: &str) -> Result<String, KeystoreError> {
		self.read_named(name).map(|locked| locked.json)
	}

	/// Deletes an account's file.
	pub fn remove(&self, name: &str) -> Result<(), KeystoreError> {
		check_name(name)?;
		if !self.check_dir()? {
			return Err(KeystoreError::NotFound(name.to_string()));
		}
		let path = self.path_of(name);
		fs::remove_file(&path).map_err(|source| match source.kind() {
			std::io::ErrorKind::NotFound => KeystoreError::NotFound(name.to_string()),
			_ => io_error(&path, source),
		})?;
		sync_dir(&self.dir);
		Ok(())
	}

	/// An account's file; `name` has been checked.
	fn path_of(&self, name: &str) -> PathBuf {
		self.dir.join(format!("{name}.json"))
	}

	/// The account file of this name, read once.
	fn read_named(&self, name: &str) -> Result<LockedAccount, KeystoreError> {
		check_name(name)?;
		if !self.check_dir()? {
			return Err(KeystoreError::NotFound(name.to_string()));
		}
		let path = self.path_of(name);
		read_locked(&path, name.to_string())
	}

	/// Every account file, each read once, by name; the `.json` files that cannot be read or
	/// are not accounts are set aside with the reason.
	fn scan(&self) -> Result<(Vec<LockedAccount>, Vec<Skipped>), KeystoreError> {
		if !self.check_dir()? {
			return Ok((Vec::new(), Vec::new()));
		}
		let entries = fs::read_dir(&self.dir).map_err(|source| io_error(&self.dir, source))?;
		let mut accounts: Vec<LockedAccount> = Vec::new();
		let mut skipped: Vec<Skipped> = Vec::new();
		for entry in entries {
			let path = entry.map_err(|source| io_error(&self.dir, source))?.path();
			// Temporary files and strays are not accounts.
			if path.extension().is_none_or(|extension| extension != "json") {
				continue;
			}
			match account_name(&path).and_then(|name| read_locked(&path, name)) {
				Ok(locked) => accounts.push(locked),
				// Removed since the directory was read.
				Err(KeystoreError::NotFound(_)) => {},
				Err(error) => skipped.push(Skipped { path, error }),
			}
		}
		accounts.sort_by(|a, b| a.account.name.cmp(&b.account.name));
		skipped.sort_by(|a, b| a.path.cmp(&b.path));
		Ok((accounts, skipped))
	}

	/// Checks the directory before it is read or written; `false` if it does not exist yet.
	fn check_dir(&self) -> Result<bool, KeystoreError> {
		check_private_dir(&self.dir)
	}

	/// Writes a new account file so that it appears whole or not at all, and never replaces
	/// another: a private temporary file in the same directory, synced, then moved in place.
	fn store(&self, name: &str, contents: &[u8]) -> Result<(), KeystoreError> {
		self.create_dir()?;
		let target = self.path_of(name);
		let suffix: [u8; 8] = random()?;
		let temp = self.dir.join(format!(".{name}.{}.tmp", hex::encode(suffix)));
		let stored = write_private(&temp, contents).and_then(|()| publish(&temp, &target, name));
		if stored.is_err() {
			// The temporary file may or may not exist: the error that matters is `stored`'s.
			let _ = fs::remove_file(&temp);
		}
		stored?;
		sync_dir(&self.dir);
		Ok(())
	}

	/// Creates the directory, readable by its owner only, unless it exists and passes the
	/// checks.
	fn create_dir(&self) -> Result<(), KeystoreError> {
		if self.check_dir()? {
			return Ok(());
		}
		create_private_dir(&self.dir).map_err(|source| io_error(&self.dir, source))?;
		// Made just now, by us or by someone else meanwhile: checked like any other.
		if !self.check_dir()? {
			return Err(io_error(&self.dir, std::io::ErrorKind::NotFound.into()));
		}
		Ok(())
	}
}

/// Creates `dir` (and its parents) with mode 0700.
#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
	use std::os::unix::fs::DirBuilderExt;
	fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

/// Creates `dir` (and its parents).
#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
	fs::create_dir_all(dir)
}

/// Refuses a keystore path that is a symbolic link or not a directory; `false` if nothing is
/// there yet.
fn check_private_dir(dir: &Path) -> Result<bool, KeystoreError> {
	let shown = || dir.display().to_string();
	match fs::symlink_metadata(dir) {
		Ok(metadata) if metadata.file_type().is_symlink() => {
			Err(KeystoreError::DirSymlink(shown()))
		},
		Ok(metadata) if !metadata.is_dir() => Err(KeystoreError::NotADirectory(shown())),
		Ok(_) => secure_dir(dir).map(|()| true),
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
		Err(source) => Err(io_error(dir, source)),
	}
}

/// Refuses a keystore directory another user owns or can write to, who could add or swap
/// accounts; tightens one of ours that others can read to 0700. The checks and the change are
/// made on the directory opened, not on whatever its path names by then.
#[cfg(unix)]
fn secure_dir(dir: &Path) -> Result<(), KeystoreError> {
	use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
	let handle = fs::OpenOptions::new()
		.read(true)
		.custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW)
		.open(dir)
		.map_err(|source| match source.raw_os_error() {
			Some(libc::ELOOP) => KeystoreError::DirSymlink(dir.display().to_string()),
			Some(libc::ENOTDIR) => KeystoreError::NotADirectory(dir.display().to_string()),
			_ => io_error(dir, source),
		})?;
	let metadata = handle.metadata().map_err(|source| io_error(dir, source))?;
	if dir_needs_tightening(dir, metadata.uid(), metadata.mode(), effective_uid())? {
		handle
			.set_permissions(fs::Permissions::from_mode(0o700))
			.map_err(|source| io_error(dir, source))?;
	}
	Ok(())
}

/// Without Unix owners and modes there is nothing more to check.
#[cfg(not(unix))]
fn secure_dir(_dir: &Path) -> Result<(), KeystoreError> {
	Ok(())
}

/// Whether a keystore directory of this owner and mode may be used (else the error), and
/// must first be tightened to 0700.
#[cfg(unix)]
fn dir_needs_tightening(dir: &Path, owner: u32, mode: u32, me: u32) -> Result<bool, KeystoreError> {
	if owner != me {
		return Err(KeystoreError::DirOwner { path: dir.display().to_string(), owner });
	}
	if mode & 0o022 != 0 {
		return Err(KeystoreError::DirWritable(dir.display().to_string()));
	}
	Ok(mode & 0o077 != 0)
}

/// The user whose files the keystore may use.
#[cfg(unix)]
fn effective_uid() -> u32 {
	// SAFETY: `geteuid` takes no argument, touches no memory and cannot fail.
	unsafe { libc::geteuid() }
}

/// The account name of a keystore file, `<valid name>.json`.
fn account_name(path: &Path) -> Result<String, KeystoreError> {
	let bad = |reason: String| KeystoreError::BadFile { path: path.display().to_string(), reason };
	let name = path
		.file_stem()
		.and_then(|stem| stem.to_str())
		.ok_or_else(|| bad("its name is not UTF-8 text".into()))?;
	check_name(name).map_err(|error| bad(error.to_string()))?;
	Ok(name.to_string())
}

/// Reads an account file once, without its key.
fn read_locked(path: &Path, name: String) -> Result<LockedAccount, KeystoreError> {
	let json = read_account_file(path, &name)?;
	let (account, expected) = listing(path, name, &json)?;
	Ok(LockedAccount { account, json, expected })
}

/// An account's address and label from its file's text, not its key.
fn listing(
	path: &Path,
	name: String,
	json: &str,
) -> Result<(StoredAccount, AccountId32), KeystoreError> {
	let bad = |reason: String| KeystoreError::BadFile { path: path.display().to_string(), reason };
	let listed: Listed = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
	let account = AccountId32::from_str(listed.address.trim())
		.map_err(|_| bad(format!("`{}` is not an SS58 address", listed.address)))?;
	let label = listed.meta.get("name").and_then(|v| v.as_str()).map(str::to_string);
	Ok((StoredAccount { name, address: account.to_string(), label }, account))
}

/// The text of an account file: not through a symbolic link, only a regular file of ours and
/// at most [`MAX_FILE_LEN`] bytes, all checked on the file opened.
fn read_account_file(path: &Path, name: &str) -> Result<String, KeystoreError> {
	let shown = || path.display().to_string();
	let file = open_no_follow(path).map_err(|source| match source.kind() {
		std::io::ErrorKind::NotFound => KeystoreError::NotFound(name.to_string()),
		_ if is_symlink_refusal(&source) => KeystoreError::FileSymlink(shown()),
		_ => io_error(path, source),
	})?;
	let metadata = file.metadata().map_err(|source| io_error(path, source))?;
	if !metadata.is_file() {
		return Err(KeystoreError::NotRegularFile(shown()));
	}
	#[cfg(unix)]
	{
		use std::os::unix::fs::MetadataExt;
		check_file_owner(path, metadata.uid(), effective_uid())?;
	}
	if metadata.len() > MAX_FILE_LEN {
		return Err(KeystoreError::TooLarge(shown()));
	}
	let mut text = String::new();
	// The file may have grown since: never read more than the limit and one byte.
	file.take(MAX_FILE_LEN + 1)
		.read_to_string(&mut text)
		.map_err(|source| io_error(path, source))?;
	if text.len() as u64 > MAX_FILE_LEN {
		return Err(KeystoreError::TooLarge(shown()));
	}
	Ok(text)
}

/// Opens a file for reading unless it is a symbolic link; nor can a FIFO under an account's
/// name block the open.
#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<fs::File> {
	use std::os::unix::fs::OpenOptionsExt;
	fs::OpenOptions::new()
		.read(true)
		.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
		.open(path)
}

/// Opens a file for reading unless it is a symbolic link.
#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<fs::File> {
	if fs::symlink_metadata(path)?.file_type().is_symlink() {
		return Err(std::io::ErrorKind::InvalidInput.into());
	}
	fs::File::open(path)
}

/// Whether an open failed because the path is a symbolic link.
#[cfg(unix)]
fn is_symlink_refusal(error: &std::io::Error) -> bool {
	error.raw_os_error() == Some(libc::ELOOP)
}

/// Whether an open failed because the path is a symbolic link.
#[cfg(not(unix))]
fn is_symlink_refusal(error: &std::io::Error) -> bool {
	error.kind() == std::io::ErrorKind::InvalidInput
}

/// Refuses an account file another user owns: they could have written any key into it.
#[cfg(unix)]
fn check_file_owner(path: &Path, owner: u32, me: u32) -> Result<(), KeystoreError> {
	if owner != me {
		return Err(KeystoreError::FileOwner { path: path.display().to_string(), owner });
	}
	Ok(())
}

/// Writes `contents` to a new file only its owner can read, and syncs it to disk.
fn write_private(path: &Path, contents: &[u8]) -> Result<(), KeystoreError> {
	let mut options = fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let mut file = options.open(path).map_err(|source| io_error(path, source))?;
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		// Whatever the umask, an account file is 0600.
		file.set_permissions(fs::Permissions::from_mode(0o600))
			.map_err(|source| io_error(path, source))?;
	}
	file.write_all(contents).map_err(|source| io_error(path, source))?;
	file.sync_all().map_err(|source| io_error(path, source))
}

/// Moves the written file to its name, unless that name exists: a hard link fails on an
/// existing name atomically; where links are not supported, so does an exclusive rename, and
/// without one nothing is stored rather than risk replacing an account created meanwhile.
fn publish(temp: &Path, target: &Path, name: &str) -> Result<(), KeystoreError> {
	match fs::hard_link(temp, target) {
		Ok(()) => {
			// The account is stored: a second name left for its file is clutter, not a failure.
			if let Err(error) = fs::remove_file(temp) {
				eprintln!("warning: cannot remove the temporary file {}: {error}", temp.display());
			}
			Ok(())
		},
		Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
			Err(KeystoreError::Exists(name.to_string()))
		},
		Err(_) => rename_exclusive(temp, target, name),
	}
}

/// Renames `temp` to `target` in one step that fails if `target` exists.
fn rename_exclusive(temp: &Path, target: &Path, name: &str) -> Result<(), KeystoreError> {
	match rename_no_replace(temp, target) {
		Ok(()) => Ok(()),
		Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
			Err(KeystoreError::Exists(name.to_string()))
		},
		Err(e) if e.kind() == std::io::ErrorKind::Unsupported => {
			Err(KeystoreError::NoExclusiveRename(target.display().to_string()))
		},
		Err(source) => Err(io_error(target, source)),
	}
}

/// `renameat2` with `RENAME_NOREPLACE`; `Unsupported` where the file system cannot.
#[cfg(target_os = "linux")]
fn rename_no_replace(from: &Path, to: &Path) -> std::io::Result<()> {
	use std::{ffi::CString, os::unix::ffi::OsStrExt};
	let from = CString::new(from.as_os_str().as_bytes())?;
	let to = CString::new(to.as_os_str().as_bytes())?;
	// SAFETY: both paths are NUL-terminated and outlive the call, which only reads them.
	let status = unsafe {
		libc::renameat2(
			libc::AT_FDCWD,
			from.as_ptr(),
			libc::AT_FDCWD,
			to.as_ptr(),
			libc::RENAME_NOREPLACE,
		)
	};
	if status == 0 {
		return Ok(());
	}
	let error = std::io::Error::last_os_error();
	// EINVAL: this file system has no exclusive rename (ENOSYS, no kernel support, is
	// `Unsupported` already).
	if error.raw_os_error() == Some(libc::EINVAL) {
		return Err(std::io::Error::new(std::io::ErrorKind::Unsupported, error));
	}
	Err(error)
}

/// No exclusive rename here.
#[cfg(not(target_os = "linux"))]
fn rename_no_replace(_from: &Path, _to: &Path) -> std::io::Result<()> {
	Err(std::io::ErrorKind::Unsupported.into())
}

/// Makes a rename or removal durable. Best effort: some file systems refuse to sync a
/// directory, and the file itself is already on disk.
fn sync_dir(dir: &Path) {
	if let Ok(handle) = fs::File::open(dir) {
		let _ = handle.sync_all();
	}
}

fn io_error(path: &Path, source: std::io::Error) -> KeystoreError {
	KeystoreError::Io { path: path.display().to_string(), source }
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::keys::{address_of, keypair_from_uri};

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	const PASSWORD: &str = "correct horse battery staple";

	/// An account exported by polkadot.js (password `whoisbob`).
	const POLKADOT_JS_BOB: &str = r#"{"encoded":"J2FFcPHAY11Pmq/38eqbwfUv9OPitYJs+oYgahBvlagAAAIAAQAAAAgAAAB5o0DwXCWDblsH+9pc++RaBO4fpHBHzUirHFHFE9yS3sDzgAIQjhgvPqJ3ODrMR2gy7vk0VZg1fyirIvmsrfjGbWnOI8YU0joX0tYytroyWaykFKtZJMmE0pNKcJ5dJmDxscbK53Ac+7ld2UdH07yKPXxmPuYNNw3vKx8cg9CdQgifKfzQxHnC+EUpOoHPLwGlHsFEYtIlQtngqd9n","encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"address":"5CfWTDh7XxJ2yrayqQ2aJnnZAH5v5XaF1oJFfH5QCpbfP9v8","meta":{"genesisHash":"","name":"Bob (Dev)","whenCreated":1768916488918}}"#;
	const POLKADOT_JS_BOB_PASSWORD: &str = "whoisbob";
	const POLKADOT_JS_BOB_ADDRESS: &str = "5CfWTDh7XxJ2yrayqQ2aJnnZAH5v5XaF1oJFfH5QCpbfP9v8";

	/// Encrypts, decrypts, compares with `keys`; returns the JSON.
	fn assert_round_trip(uri: &str) -> serde_json::Value {
		let json = encrypt_json(uri, PASSWORD, "test", 1_700_000_000_000).expect("encrypt");
		let decrypted = decrypt_json(&json, PASSWORD).expect("decrypt");
		let expected = keypair_from_uri(uri).expect("uri");
		assert_eq!(decrypted.public_key().0, expected.public_key().0, "{uri}");
		let value: serde_json::Value = serde_json::from_str(&json).expect("json");
		assert_eq!(value["address"], address_of(&expected));
		// The decrypted key signs for the account.
		let signature = decrypted.sign(b"ember");
		assert!(subxt_signer::sr25519::verify(&signature, b"ember", &expected.public_key()));
		value
	}

	/// A temporary directory that only its owner can write to, whatever the umask, as a
	/// keystore must be.
	fn temp_dir() -> tempfile::TempDir {
		let dir = tempfile::tempdir().expect("temp dir");
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).expect("chmod");
		}
		dir
	}

	fn tamper_encoded(json: &str, edit: impl FnOnce(&mut Vec<u8>)) -> String {
		let mut value: serde_json::Value = serde_json::from_str(json).expect("json");
		let mut bytes = STANDARD.decode(value["encoded"].as_str().expect("encoded")).expect("b64");
		edit(&mut bytes);
		value["encoded"] = serde_json::Value::String(STANDARD.encode(bytes));
		value.to_string()
	}

	#[test]
	fn round_trip_dev_uri() {
		let value = assert_round_trip("//Alice");
		assert_eq!(value["address"], ALICE);
	}

	#[test]
	fn round_trip_mnemonic_with_derivations_and_password() {
		assert_round_trip(
			"legal winner thank year wave sausage worth useful legal winner thank yellow\
			 //hard/soft///password",
		);
	}

	#[test]
	fn round_trip_hex_seed() {
		assert_round_trip("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
		assert_round_trip(
			"0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60//ember/1",
		);
	}

	#[test]
	fn layout_is_polkadot_js_v3() {
		let json = encrypt_json("//Bob", PASSWORD, "bob", 1_718_265_838_755).expect("encrypt");
		let value: serde_json::Value = serde_json::from_str(&json).expect("json");
		assert_eq!(value["encoding"]["content"], serde_json::json!(["pkcs8", "sr25519"]));
		assert_eq!(value["encoding"]["type"], serde_json::json!(["scrypt", "xsalsa20-poly1305"]));
		assert_eq!(value["encoding"]["version"], "3");
		assert_eq!(value["meta"]["name"], "bob");
		assert_eq!(value["meta"]["whenCreated"], 1_718_265_838_755u64);
		let bytes = STANDARD.decode(value["encoded"].as_str().expect("encoded")).expect("b64");
		assert_eq!(bytes.len(), PARAMS_LEN + PKCS8_LEN + TAG_LEN);
		assert_eq!(bytes[32..44], [0u8, 128, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0]);
	}

	#[test]
	fn wrong_password_refused() {
		let json = encrypt_json("//Alice", PASSWORD, "alice", 1).expect("encrypt");
		assert!(matches!(decrypt_json(&json, "not it"), Err(KeystoreError::WrongPassword)));
	}

	#[test]
	fn polkadot_js_export_decrypts() {
		let keypair = decrypt_json(POLKADOT_JS_BOB, POLKADOT_JS_BOB_PASSWORD).expect("decrypt");
		assert_eq!(address_of(&keypair), POLKADOT_JS_BOB_ADDRESS);
		assert!(matches!(
			decrypt_json(POLKADOT_JS_BOB, "whoisalice"),
			Err(KeystoreError::WrongPassword)
		));
	}

	#[test]
	fn tampered_encoded_refused() {
		let json = encrypt_json("//Alice", PASSWORD, "alice", 1).expect("encrypt");
		let flipped = tamper_encoded(&json, |bytes| bytes[PARAMS_LEN + 20] ^= 1);
		assert!(matches!(decrypt_json(&flipped, PASSWORD), Err(KeystoreError::WrongPassword)));
		let truncated = tamper_encoded(&json, |bytes| bytes.truncate(40));
		assert!(matches!(decrypt_json(&truncated, PASSWORD), Err(KeystoreError::Truncated)));
		let mut other_address: serde_json::Value = serde_json::from_str(&json).expect("json");
		other_address["address"] =
			serde_json::Value::String(address_of(&keypair_from_uri("//Bob").expect("bob")));
		assert!(matches!(
			decrypt_json(&other_address.to_string(), PASSWORD),
			Err(KeystoreError::InvalidKeys)
		));
		let not_base64 = json.replacen("\"encoded\":\"", "\"encoded\":\"%", 1);
		assert!(matches!(decrypt_json(&not_base64, PASSWORD), Err(KeystoreError::Base64)));
	}

	#[test]
	fn bad_uris_refused() {
		assert!(matches!(encrypt_json("0x1234", PASSWORD, "x", 1), Err(KeystoreError::BadUri(_))));
		assert!(matches!(
			encrypt_json("not a mnemonic at all", PASSWORD, "x", 1),
			Err(KeystoreError::BadUri(_))
		));
	}

	#[test]
	fn generated_mnemonics_are_fresh_and_valid() {
		let twelve = generate_mnemonic(12).expect("12 words");
		assert_eq!(twelve.split(' ').count(), 12);
		assert_ne!(twelve, generate_mnemonic(12).expect("12 words"));
		assert!(keypair_from_uri(&twelve).is_ok());
		let twenty_four = generate_mnemonic(24).expect("24 words");
		assert_eq!(twenty_four.split(' ').count(), 24);
		assert!(keypair_from_uri(&twenty_four).is_ok());
		assert!(matches!(generate_mnemonic(13), Err(KeystoreError::BadWordCount(13))));
	}

	#[test]
	fn names_are_checked() {
		let (longest, too_long) = ("x".repeat(64), "x".repeat(65));
		for good in ["alice", "ops-key_1.v2", "A", longest.as_str()] {
			assert!(check_name(good).is_ok(), "{good}");
		}
		for bad in ["", "../alice", "a/b", "a\\b", "a b", "é", "alice\0", too_long.as_str()] {
			assert!(matches!(check_name(bad), Err(KeystoreError::BadName(_))), "{bad}");
		}
		let dir = temp_dir();
		let store = Keystore::new(dir.path());
		assert!(matches!(
			store.create("../escape", "//Alice", PASSWORD),
			Err(KeystoreError::BadName(_))
		));
		assert!(matches!(store.export("../../etc/passwd"), Err(KeystoreError::BadName(_))));
	}

	#[test]
	fn store_list_load_export_remove() {
		let dir = temp_dir();
		let store = Keystore::new(dir.path().join("keystore"));
		assert!(store.list().expect("empty").accounts.is_empty());
		let alice = store.create("alice", "//Alice", PASSWORD).expect("create");
		assert_eq!(alice.address, ALICE);
		assert_eq!(alice.label.as_deref(), Some("alice"));
		assert!(matches!(store.create("alice", "//Bob", PASSWORD), Err(KeystoreError::Exists(_))));
		assert_eq!(store.list().expect("list").accounts, vec![alice.clone()]);
		let by_name = store.load("alice", PASSWORD).expect("by name");
		assert_eq!(address_of(&by_name), ALICE);
		let by_address = store.find(ALICE).expect("by address");
		assert_eq!(by_address.name, "alice");
		assert!(matches!(store.load("alice", "nope"), Err(KeystoreError::WrongPassword)));
		let exported = store.export("alice").expect("export");
		assert_eq!(address_of(&decrypt_json(&exported, PASSWORD).expect("decrypt")), ALICE);
		store.remove("alice").expect("remove");
		assert!(matches!(store.remove("alice"), Err(KeystoreError::NotFound(_))));
		assert!(matches!(store.find("alice"), Err(KeystoreError::NotFound(_))));
		assert!(store.list().expect("list").accounts.is_empty());
	}

	#[test]
	fn import_keeps_the_json_unchanged() {
		let dir = temp_dir();
		let store = Keystore::new(dir.path());
		let bob = store
			.import_json("bob", POLKADOT_JS_BOB, POLKADOT_JS_BOB_PASSWORD)
			.expect("import");
		assert_eq!(bob.address, POLKADOT_JS_BOB_ADDRESS);
		assert_eq!(bob.label.as_deref(), Some("Bob (Dev)"));
		assert_eq!(store.export("bob").expect("export"), POLKADOT_JS_BOB);
		let keypair = store.load(POLKADOT_JS_BOB_ADDRESS, POLKADOT_JS_BOB_PASSWORD).expect("load");
		assert_eq!(address_of(&keypair), POLKADOT_JS_BOB_ADDRESS);
	}

	#[test]
	fn import_with_wrong_password_leaves_nothing() {
		let dir = temp_dir();
		let store = Keystore::new(dir.path().join("keystore"));
		assert!(matches!(
			store.import_json("bob", POLKADOT_JS_BOB, "wrong"),
			Err(KeystoreError::WrongPassword)
		));
		assert!(store.list().expect("list").accounts.is_empty());
		let leftovers = fs::read_dir(dir.path()).expect("read dir").count();
		assert_eq!(leftovers, 0, "nothing, not even the keystore directory, is created");
	}

	#[cfg(unix)]
	#[test]
	fn files_are_private() {
		use std::os::unix::fs::PermissionsExt;
		let dir = temp_dir();
		let keystore_dir = dir.path().join("config").join("keystore");
		let store = Keystore::new(&keystore_dir);
		store.create("alice", "//Alice", PASSWORD).expect("create");
		let mode = |path: &Path| fs::metadata(path).expect("metadata").permissions().mode() & 0o777;
		assert_eq!(mode(&keystore_dir), 0o700);
		assert_eq!(mode(&keystore_dir.join("alice.json")), 0o600);
		let names: Vec<_> = fs::read_dir(&keystore_dir)
			.expect("read dir")
			.map(|entry| entry.expect("entry").file_name())
			.collect();
		assert_eq!(names, vec![std::ffi::OsString::from("alice.json")], "no temporary file left");
	}

	#[test]
	fn names_that_are_addresses_are_refused() {
		let alice_polkadot = "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5";
		for address in [ALICE, POLKADOT_JS_BOB_ADDRESS, alice_polkadot] {
			assert!(
				matches!(check_name(address), Err(KeystoreError::NameIsAddress(_))),
				"{address}"
			);
		}
		let dir = temp_dir();
		let store = Keystore::new(dir.path());
		assert!(matches!(
			store.create(ALICE, "//Bob", PASSWORD),
			Err(KeystoreError::NameIsAddress(_))
		));
		// A file named after Alice's address but holding Bob's key, as could be left from
		// before: her address finds her account or none, never that file.
		let bob = encrypt_json("//Bob", PASSWORD, "bob", 1).expect("encrypt");
		fs::write(dir.path().join(format!("{ALICE}.json")), &bob).expect("write");
		assert!(matches!(store.load(ALICE, PASSWORD), Err(KeystoreError::NotFound(_))));
		assert!(matches!(store.load(alice_polkadot, PASSWORD), Err(KeystoreError::NotFound(_))));
		let listing = store.list().expect("list");
		assert!(listing.accounts.is_empty());
		assert_eq!(listing.skipped.len(), 1);
		store.create("alice", "//Alice", PASSWORD).expect("create");
		assert_eq!(address_of(&store.load(ALICE, PASSWORD).expect("by address")), ALICE);
		assert_eq!(address_of(&store.load(alice_polkadot, PASSWORD).expect("polkadot")), ALICE);
	}

	#[test]
	fn unlock_requires_the_key_of_the_account_asked_for() {
		let json = encrypt_json("//Alice", PASSWORD, "alice", 1).expect("encrypt");
		let (account, _) =
			listing(Path::new("alice.json"), "alice".into(), &json).expect("listing");
		let bob = AccountId32::from(keypair_from_uri("//Bob").expect("bob").public_key().0);
		let locked = LockedAccount { account, json, expected: bob };
		assert!(matches!(locked.unlock(PASSWORD), Err(KeystoreError::AddressMismatch { .. })));
	}

	#[test]
	fn unlock_uses_the_file_as_read() {
		let dir = temp_dir();
		let store = Keystore::new(dir.path());
		store.create("alice", "//Alice", PASSWORD).expect("create");
		let locked = store.read("alice").expect("read");
		assert_eq!(locked.account.address, ALICE);
		// The file changes between the question and the answer: what was shown is unlocked.
		store.remove("alice").expect("remove");
		store.create("alice", "//Bob", PASSWORD).expect("create again");
		assert_eq!(address_of(&locked.unlock(PASSWORD).expect("unlock")), ALICE);
		assert_eq!(
			store.read("alice").expect("read again").json(),
			store.export("alice").expect("export")
		);
		assert!(matches!(store.read(ALICE), Err(KeystoreError::NotFound(_))));
	}

	#[test]
	fn list_skips_bad_files() {
		let dir = temp_dir();
		let store = Keystore::new(dir.path());
		let alice = store.create("alice", "//Alice", PASSWORD).expect("create");
		let bob = encrypt_json("//Bob", PASSWORD, "bob", 1).expect("encrypt");
		fs::write(dir.path().join("broken.json"), "{not json").expect("write");
		fs::write(dir.path().join("no-address.json"), r#"{"address":"nope"}"#).expect("write");
		fs::write(dir.path().join("bad name.json"), bob).expect("write");
		fs::write(dir.path().join("notes.txt"), "not an account").expect("write");
		let listing = store.list().expect("list");
		assert_eq!(listing.accounts, vec![alice]);
		let skipped: Vec<_> =
			listing.skipped.iter().filter_map(|skipped| skipped.path.file_name()).collect();
		assert_eq!(skipped, ["bad name.json", "broken.json", "no-address.json"]);
		assert!(listing
			.skipped
			.iter()
			.all(|skipped| matches!(skipped.error, KeystoreError::BadFile { .. })));
		assert_eq!(store.find(ALICE).expect("by address").name, "alice");
	}

	#[cfg(unix)]
	#[test]
	fn keystore_directory_must_be_private() {
		use std::os::unix::fs::PermissionsExt;
		let dir = temp_dir();
		let keystore_dir = dir.path().join("keystore");
		let store = Keystore::new(&keystore_dir);
		store.create("alice", "//Alice", PASSWORD).expect("create");
		let set_mode = |mode: u32| {
			fs::set_permissions(&keystore_dir, fs::Permissions::from_mode(mode)).expect("chmod")
		};
		let mode = || fs::metadata(&keystore_dir).expect("metadata").permissions().mode() & 0o777;
		// Ours and only readable by others: tightened by the next read.
		set_mode(0o755);
		assert_eq!(store.list().expect("list").accounts.len(), 1);
		assert_eq!(mode(), 0o700);
		// Writable by others: refused for reading and writing alike, and left as it is.
		for loose in [0o770, 0o707] {
			set_mode(loose);
			let writable = |result: Result<(), KeystoreError>| {
				matches!(result, Err(KeystoreError::DirWritable(_)))
			};
			assert!(writable(store.list().map(drop)));
			assert!(writable(store.load("alice", PASSWORD).map(drop)));
			assert!(writable(store.export("alice").map(drop)));
			assert!(writable(store.create("bob", "//Bob", PASSWORD).map(drop)));
			assert!(writable(store.remove("alice")));
			assert_eq!(mode(), loose);
		}
		set_mode(0o700);
		let link = dir.path().join("link");
		std::os::unix::fs::symlink(&keystore_dir, &link).expect("symlink");
		let through_link = Keystore::new(&link);
		assert!(matches!(through_link.list(), Err(KeystoreError::DirSymlink(_))));
		assert!(matches!(
			through_link.create("bob", "//Bob", PASSWORD),
			Err(KeystoreError::DirSymlink(_))
		));
		let file = dir.path().join("file");
		fs::write(&file, "").expect("write");
		assert!(matches!(Keystore::new(&file).list(), Err(KeystoreError::NotADirectory(_))));
		let me = effective_uid();
		assert!(matches!(
			dir_needs_tightening(&keystore_dir, me.wrapping_add(1), 0o40700, me),
			Err(KeystoreError::DirOwner { .. })
		));
		assert!(matches!(dir_needs_tightening(&keystore_dir, me, 0o40700, me), Ok(false)));
		assert!(matches!(dir_needs_tightening(&keystore_dir, me, 0o40750, me), Ok(true)));
	}

	#[cfg(unix)]
	#[test]
	fn account_files_are_read_safely() {
		let dir = temp_dir();
		let store = Keystore::new(dir.path());
		store.create("alice", "//Alice", PASSWORD).expect("create");
		std::os::unix::fs::symlink(dir.path().join("alice.json"), dir.path().join("mirror.json"))
			.expect("symlink");
		assert!(matches!(store.export("mirror"), Err(KeystoreError::FileSymlink(_))));
		assert!(matches!(store.load("mirror", PASSWORD), Err(KeystoreError::FileSymlink(_))));
		fs::create_dir(dir.path().join("folder.json")).expect("mkdir");
		assert!(matches!(store.export("folder"), Err(KeystoreError::NotRegularFile(_))));
		let fifo = std::ffi::CString::new(
			dir.path().join("pipe.json").into_os_string().into_encoded_bytes(),
		)
		.expect("path");
		// SAFETY: `fifo` is a NUL-terminated path that outlives the call.
		assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
		// Refused at once, not waited on.
		assert!(matches!(store.export("pipe"), Err(KeystoreError::NotRegularFile(_))));
		let limit = usize::try_from(MAX_FILE_LEN).expect("limit");
		fs::write(dir.path().join("huge.json"), vec![b' '; limit + 1]).expect("write");
		assert!(matches!(store.export("huge"), Err(KeystoreError::TooLarge(_))));
		let listing = store.list().expect("list");
		assert_eq!(listing.accounts.len(), 1);
		assert_eq!(listing.skipped.len(), 4);
		let padded = format!("{POLKADOT_JS_BOB}{}", " ".repeat(limit));
		assert!(matches!(
			store.import_json("bob", &padded, POLKADOT_JS_BOB_PASSWORD),
			Err(KeystoreError::TooLarge(_))
		));
		let me = effective_uid();
		let path = Path::new("alice.json");
		assert!(matches!(
			check_file_owner(path, me.wrapping_add(1), me),
			Err(KeystoreError::FileOwner { .. })
		));
		assert!(check_file_owner(path, me, me).is_ok());
	}

	#[cfg(target_os = "linux")]
	#[test]
	fn exclusive_rename_never_replaces() {
		let dir = temp_dir();
		let (temp, target) = (dir.path().join(".new.tmp"), dir.path().join("taken.json"));
		fs::write(&temp, "new").expect("write");
		fs::write(&target, "old").expect("write");
		assert!(matches!(rename_exclusive(&temp, &target, "taken"), Err(KeystoreError::Exists(_))));
		assert_eq!(fs::read_to_string(&target).expect("read"), "old");
		assert!(temp.exists());
		fs::remove_file(&target).expect("remove");
		rename_exclusive(&temp, &target, "taken").expect("rename");
		assert_eq!(fs::read_to_string(&target).expect("read"), "new");
		assert!(!temp.exists());
	}
}
