//! `account …`: the local keystore of encrypted accounts, in the polkadot.js JSON format, and
//! the passwords that unlock them (`--password-file`, `EMBER_PASSWORD`, or typed without echo).

use std::{
	io::Write,
	path::{Path, PathBuf},
};

use clap::Subcommand;
use ember_client::{
	keys,
	keystore::{generate_mnemonic, Keystore, StoredAccount},
};
use subxt_signer::sr25519::Keypair;
use zeroize::Zeroizing;

use crate::{
	output::table,
	prompt::{self, PromptError},
	CliError, Context,
};

/// `account …`.
#[derive(Subcommand)]
pub enum AccountCommand {
	/// Create an account from a fresh mnemonic, encrypted with a password you choose. The
	/// mnemonic is shown once, on the terminal (never on stdout or stderr), or written to
	/// `--mnemonic-file`: write it down.
	New {
		/// The account's name in the keystore: 1 to 64 letters, digits, `_`, `.` or `-`, and
		/// not an SS58 address.
		#[arg(long)]
		name: String,
		/// Words in the mnemonic: 12 or 24.
		#[arg(long, default_value_t = 12, value_parser = word_count)]
		words: usize,
		/// Write the mnemonic to this new file (mode 600, the phrase on one line) instead of
		/// showing it on the terminal; needed without a terminal. The file must not exist.
		#[arg(long, value_name = "PATH")]
		mnemonic_file: Option<PathBuf>,
	},
	/// Import an account: its secret URI (mnemonic, hex seed, derivations), typed on the
	/// terminal without echo, or a polkadot.js JSON export with `--json-file`.
	Import {
		/// The account's name in the keystore: 1 to 64 letters, digits, `_`, `.` or `-`, and
		/// not an SS58 address.
		#[arg(long)]
		name: String,
		/// A JSON account exported from polkadot.js, Talisman, SubWallet or `account export`;
		/// stored as it is once its password (the one it was exported with) opens it.
		#[arg(long)]
		json_file: Option<PathBuf>,
	},
	/// List the accounts: name, address, and the label wallets show.
	List,
	/// Print an account's JSON, for polkadot.js ("Restore from JSON") and wallets to import.
	Export {
		/// The account's name (or address).
		name: String,
	},
	/// Delete an account from the keystore.
	Remove {
		/// The account's name (or address). Asks first, unless `--yes`.
		name: String,
	},
}

/// Why an account command or an unlock failed, outside the keystore itself.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
	/// No terminal, no `--password-file`, no `EMBER_PASSWORD`.
	#[error(
		"a password is needed and there is no terminal to ask on: set EMBER_PASSWORD or give \
		 --password-file <file, mode 600>"
	)]
	NoPasswordSource,
	/// The two typed passwords differ.
	#[error("the two passwords differ")]
	PasswordsDiffer,
	/// An empty password would leave the key unprotected.
	#[error("the password is empty")]
	EmptyPassword,
	/// The password file could not be read.
	#[error("cannot read password file {path}: {source}")]
	PasswordFile {
		/// The file.
		path: String,
		/// Why.
		source: std::io::Error,
	},
	/// The password file is open to other users.
	#[error("password file {0} is open to other users: run `chmod 600 {0}`")]
	PasswordFilePermissions(String),
	/// The password file is a symbolic link, which could point anywhere by the time it is read.
	#[error("password file {0} is a symbolic link: give the file itself")]
	PasswordFileSymlink(String),
	/// The password file is a directory, a FIFO, a device or the like.
	#[error("password file {0} is not a regular file")]
	PasswordFileNotRegular(String),
	/// The password file is another user's.
	#[error("password file {path} belongs to user {owner}, not to you")]
	PasswordFileOwner {
		/// The file.
		path: String,
		/// Its owner's user id.
		owner: u32,
	},
	/// The password file is far larger than a password.
	#[error("password file {0} is larger than 64 KiB: it should hold the password on one line")]
	PasswordFileTooLarge(String),
	/// `account new` with nowhere safe to put the mnemonic.
	#[error(
		"there is no terminal to show the new mnemonic on: give --mnemonic-file <new file> \
		 (nothing was created)"
	)]
	NoTerminalForMnemonic,
	/// The mnemonic file exists: it is never overwritten.
	#[error("{0} exists: the mnemonic goes to a new file only (nothing was created)")]
	MnemonicFileExists(String),
	/// The mnemonic file could not be written.
	#[error("cannot write the mnemonic to {path} (the account was not created): {source}")]
	MnemonicFile {
		/// The file.
		path: String,
		/// Why.
		source: std::io::Error,
	},
	/// The JSON file to import could not be read.
	#[error("cannot read {path}: {source}")]
	JsonFile {
		/// The file.
		path: String,
		/// Why.
		source: std::io::Error,
	},
	/// `account import` without `--json-file` outside a terminal.
	#[error(
		"`account import` reads the secret URI on the terminal: run it in one, or import a \
		 polkadot.js JSON with --json-file"
	)]
	NoTerminalForUri,
	/// Nothing was typed for the secret URI.
	#[error("no secret URI was typed")]
	EmptyUri,
	/// `account remove` without `--yes` outside a terminal.
	#[error("there is no terminal to confirm on: give --yes to remove without asking")]
	NoTerminalToConfirm,
	/// The removal was not confirmed.
	#[error("not confirmed: account `{0}` was kept")]
	NotConfirmed(String),
}

/// Only the two lengths wallets commonly offer.
fn word_count(text: &str) -> Result<usize, String> {
	match text {
		"12" => Ok(12),
		"24" => Ok(24),
		_ => Err("a mnemonic has 12 or 24 words".into()),
	}
}

/// `account …`.
pub fn account(ctx: &Context, command: AccountCommand) -> Result<(), CliError> {
	let keystore = ctx.keystore()?;
	match command {
		AccountCommand::New { name, words, mnemonic_file } => {
			new(ctx, &keystore, &name, words, mnemonic_file)
		},
		AccountCommand::Import { name, json_file: Some(path) } => {
			import_json(ctx, &keystore, &name, &path)
		},
		AccountCommand::Import { name, json_file: None } => import_uri(ctx, &keystore, &name),
		AccountCommand::List => list(ctx, &keystore),
		AccountCommand::Export { name } => export(ctx, &keystore, &name),
		AccountCommand::Remove { name } => remove(ctx, &keystore, &name, ctx.yes),
	}
}

/// The key of a keystore account (`--account`), unlocked with its password. The file is read
/// once, so the account the question names is the one unlocked; by address, its key must be
/// that address's.
pub fn unlock(ctx: &Context, name_or_address: &str) -> Result<Keypair, CliError> {
	let keystore = ctx.keystore()?;
	let locked = keystore.read(name_or_address)?;
	let question =
		format!("Password of account `{}` ({}): ", locked.account.name, locked.account.address);
	let password = password(ctx, &question)?;
	Ok(locked.unlock(&password)?)
}

/// `account new`. The mnemonic goes to the terminal or to `--mnemonic-file`, never to stdout
/// or stderr, where logs may keep it; and before the account is stored, so that an account
/// never exists whose mnemonic was not delivered. With `--json`, stdout holds only the name
/// and address.
fn new(
	ctx: &Context,
	keystore: &Keystore,
	name: &str,
	words: usize,
	mnemonic_file: Option<PathBuf>,
) -> Result<(), CliError> {
	keystore.check_free(name)?;
	let out = MnemonicOut::choose(mnemonic_file)?;
	let mnemonic = Zeroizing::new(generate_mnemonic(words)?);
	let password = new_password(ctx, name)?;
	out.deliver(name, &mnemonic)?;
	let account = match keystore.create(name, &mnemonic, &password) {
		Ok(account) => account,
		Err(error) => {
			out.withdraw();
			return Err(error.into());
		},
	};
	let summary = serde_json::json!({ "name": account.name, "address": account.address });
	ctx.out.show(&summary, || created_text(keystore, &account));
	Ok(())
}

/// Where the mnemonic of `account new` goes.
enum MnemonicOut {
	/// Shown on the terminal.
	Terminal(std::fs::File),
	/// Written to a new file.
	File(PathBuf),
}

impl MnemonicOut {
	/// The file if one is given, else the terminal; refused before anything is created (or a
	/// password typed) if there is neither, or if the file exists.
	fn choose(file: Option<PathBuf>) -> Result<Self, CliError> {
		match file {
			Some(path) => {
				// The exclusive create in `deliver` decides; this only refuses early.
				if std::fs::symlink_metadata(&path).is_ok() {
					return Err(AccountError::MnemonicFileExists(path.display().to_string()).into());
				}
				Ok(Self::File(path))
			},
			None => prompt::terminal().map(Self::Terminal).map_err(|error| match error {
				PromptError::NoTerminal => CliError::from(AccountError::NoTerminalForMnemonic),
				other => CliError::from(other),
			}),
		}
	}

	/// Shows or writes the mnemonic.
	fn deliver(&self, name: &str, mnemonic: &str) -> Result<(), CliError> {
		match self {
			Self::Terminal(tty) => {
				let notice = Zeroizing::new(format!(
					"\nThe mnemonic of `{name}`, shown this once. Write it down and keep it \
					 offline: whoever has it controls the account, and it restores the account \
					 anywhere (polkadot.js, wallets, `emberctl account import`) if the file or \
					 the password is lost.\n\n    {mnemonic}\n\n"
				));
				let mut tty = tty;
				tty.write_all(notice.as_bytes())
					.and_then(|()| tty.flush())
					.map_err(PromptError::Io)?;
			},
			Self::File(path) => {
				write_mnemonic_file(path, mnemonic)?;
				eprintln!(
					"The mnemonic of `{name}` is in {}. Write it down or keep the file offline, \
					 then delete it: whoever has it controls the account, and it restores the \
					 account anywhere if the keystore file or the password is lost.",
					path.display()
				);
			},
		}
		Ok(())
	}

	/// Undoes `deliver` when the account could not be stored: a mnemonic file would hold the
	/// secret of an account that does not exist.
	fn withdraw(&self) {
		if let Self::File(path) = self {
			if let Err(error) = std::fs::remove_file(path) {
				eprintln!(
					"warning: cannot remove {}, whose mnemonic is of no stored account: {error}",
					path.display()
				);
			}
		}
	}
}

/// Writes the mnemonic on one line to a new file only its owner can read, synced to disk;
/// removes the file again if that fails.
fn write_mnemonic_file(path: &Path, mnemonic: &str) -> Result<(), AccountError> {
	let shown = path.display().to_string();
	let mut options = std::fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let mut file = options.open(path).map_err(|source| match source.kind() {
		std::io::ErrorKind::AlreadyExists => AccountError::MnemonicFileExists(shown.clone()),
		_ => AccountError::MnemonicFile { path: shown.clone(), source },
	})?;
	let line = Zeroizing::new(format!("{mnemonic}\n"));
	if let Err(source) = file.write_all(line.as_bytes()).and_then(|()| file.sync_all()) {
		drop(file);
		// Ours, created just now: no half-written secret is left behind.
		let _ = std::fs::remove_file(path);
		return Err(AccountError::MnemonicFile { path: shown, source });
	}
	Ok(())
}

/// `account import --json-file`.
fn import_json(
	ctx: &Context,
	keystore: &Keystore,
	name: &str,
	path: &Path,
) -> Result<(), CliError> {
	keystore.check_free(name)?;
	let json = std::fs::read_to_string(path)
		.map_err(|source| AccountError::JsonFile { path: path.display().to_string(), source })?;
	let question = format!("Password of {} (the one it was exported with): ", path.display());
	let password = password(ctx, &question)?;
	let account = displayable_account(keystore.import_json(name, &json, &password)?);
	ctx.out.show(&account, || created_text(keystore, &account));
	Ok(())
}

/// `account import` of a secret URI typed on the terminal.
fn import_uri(ctx: &Context, keystore: &Keystore, name: &str) -> Result<(), CliError> {
	keystore.check_free(name)?;
	let question =
		"Secret URI (mnemonic or 0x seed, with any //hard, /soft, ///password; not shown): ";
	let uri = prompt::hidden(question).map_err(|error| match error {
		PromptError::NoTerminal => CliError::from(AccountError::NoTerminalForUri),
		other => CliError::from(other),
	})?;
	if uri.trim().is_empty() {
		return Err(AccountError::EmptyUri.into());
	}
	// A mistyped URI fails here, before a password is chosen for it.
	let keypair = keys::keypair_from_uri(&uri)?;
	eprintln!("This is account {}.", keys::address_of(&keypair));
	let password = new_password(ctx, name)?;
	let account = keystore.create(name, &uri, &password)?;
	ctx.out.show(&account, || created_text(keystore, &account));
	Ok(())
}

/// `account list`: the files that cannot be listed are named on stderr, and the others
/// listed.
fn list(ctx: &Context, keystore: &Keystore) -> Result<(), CliError> {
	let listing = keystore.list()?;
	for skipped in &listing.skipped {
		eprintln!("warning: not listed: {}", displayable(&skipped.error.to_string()));
	}
	let accounts: Vec<_> = listing.accounts.into_iter().map(displayable_account).collect();
	ctx.out.show(&accounts, || {
		let dir = keystore.dir().display();
		if accounts.is_empty() {
			return format!(
				"No accounts in {dir}: create one with `emberctl account new --name <name>`."
			);
		}
		let mut t = table(&["name", "address", "label"]);
		for account in &accounts {
			t.add_row(vec![
				account.name.clone(),
				account.address.clone(),
				account.label.clone().unwrap_or_default(),
			]);
		}
		format!("{t}\nin {dir}")
	});
	Ok(())
}

/// `account export`: the stored JSON, byte for byte, read once.
fn export(ctx: &Context, keystore: &Keystore, name: &str) -> Result<(), CliError> {
	let locked = keystore.read(name)?;
	let json = locked.json();
	if json.ends_with('\n') {
		print!("{json}");
	} else {
		println!("{json}");
	}
	if !ctx.out.json {
		eprintln!(
			"Import it in the polkadot.js extension with \"Restore account from backup JSON \
			 file\" (or in Talisman, SubWallet); it opens with this account's password."
		);
	}
	Ok(())
}

/// `account remove`.
fn remove(ctx: &Context, keystore: &Keystore, name: &str, yes: bool) -> Result<(), CliError> {
	let account = keystore.find(name)?;
	if !yes {
		confirm_removal(&account)?;
	}
	keystore.remove(&account.name)?;
	ctx.out
		.show(&account, || format!("Removed account `{}` ({}).", account.name, account.address));
	Ok(())
}

/// Asks before a key is deleted for good.
fn confirm_removal(account: &StoredAccount) -> Result<(), CliError> {
	let question = format!(
		"Remove account `{}` ({})? Without its mnemonic or an export, its key is lost. Type \
		 `yes` to remove it: ",
		account.name, account.address
	);
	let answer = prompt::visible(&question).map_err(|error| match error {
		PromptError::NoTerminal => CliError::from(AccountError::NoTerminalToConfirm),
		other => CliError::from(other),
	})?;
	if answer.trim() != "yes" {
		return Err(AccountError::NotConfirmed(account.name.clone()).into());
	}
	Ok(())
}

/// An account as shown: its label is text from whoever wrote the file.
fn displayable_account(account: StoredAccount) -> StoredAccount {
	StoredAccount { label: account.label.as_deref().map(displayable), ..account }
}

/// Text from a file others wrote, without the control characters and bidirectional overrides
/// that could redraw the terminal or make it show something else than what is there.
fn displayable(text: &str) -> String {
	text.chars().filter(|&c| !c.is_control() && !is_bidi_control(c)).collect()
}

/// Whether `c` reorders the text around it: bidirectional marks, embeddings, overrides and
/// isolates.
fn is_bidi_control(c: char) -> bool {
	matches!(
		c,
		'\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
	)
}

/// What `new` and `import` print for people.
fn created_text(keystore: &Keystore, account: &StoredAccount) -> String {
	format!(
		"Account `{}`: {}\nstored in {}",
		account.name,
		account.address,
		keystore.dir().join(format!("{}.json", account.name)).display()
	)
}

/// The password of an existing account or JSON file: `--password-file`, else
/// `EMBER_PASSWORD`, else typed on the terminal.
fn password(ctx: &Context, question: &str) -> Result<Zeroizing<String>, CliError> {
	match given_password(ctx)? {
		Some(given) => Ok(given),
		None => ask_password(question),
	}
}

/// A password for a new account: `--password-file`, else `EMBER_PASSWORD`, else typed twice.
fn new_password(ctx: &Context, name: &str) -> Result<Zeroizing<String>, CliError> {
	let password = match given_password(ctx)? {
		Some(given) => given,
		None => {
			let first = ask_password(&format!("New password for account `{name}`: "))?;
			let second = ask_password("The same password again: ")?;
			if *first != *second {
				return Err(AccountError::PasswordsDiffer.into());
			}
			first
		},
	};
	if password.is_empty() {
		return Err(AccountError::EmptyPassword.into());
	}
	Ok(password)
}

/// The password given without a prompt, if any; the file first, as the more explicit.
fn given_password(ctx: &Context) -> Result<Option<Zeroizing<String>>, CliError> {
	if let Some(path) = &ctx.password_file {
		return Ok(Some(read_password_file(path)?));
	}
	Ok(non_empty(std::env::var("EMBER_PASSWORD").ok()))
}

/// A variable's value unless it is empty, as for the other variables: an empty one is unset.
fn non_empty(value: Option<String>) -> Option<Zeroizing<String>> {
	value.map(Zeroizing::new).filter(|value| !value.is_empty())
}

fn ask_password(question: &str) -> Result<Zeroizing<String>, CliError> {
	prompt::hidden(question).map_err(|error| match error {
		PromptError::NoTerminal => CliError::from(AccountError::NoPasswordSource),
		other => CliError::from(other),
	})
}

/// The largest password file read: a password is one line, so anything this big is another
/// file.
#[cfg(unix)]
const MAX_PASSWORD_FILE_LEN: u64 = 64 * 1024;

/// The first line of a password file. It is opened once, not through a symbolic link, and the
/// open file must be a regular file of ours that no other user can read or write.
#[cfg(unix)]
fn read_password_file(path: &Path) -> Result<Zeroizing<String>, AccountError> {
	use std::{
		io::Read,
		os::unix::fs::{MetadataExt, OpenOptionsExt},
	};
	let shown = path.display().to_string();
	let file_error =
		|source: std::io::Error| AccountError::PasswordFile { path: shown.clone(), source };
	let file = std::fs::OpenOptions::new()
		.read(true)
		// Nor can a FIFO block the open.
		.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
		.open(path)
		.map_err(|source| match source.raw_os_error() {
			Some(libc::ELOOP) => AccountError::PasswordFileSymlink(shown.clone()),
			_ => file_error(source),
		})?;
	let metadata = file.metadata().map_err(file_error)?;
	check_password_file(
		&shown,
		metadata.is_file(),
		metadata.uid(),
		metadata.mode(),
		effective_uid(),
	)?;
	if metadata.len() > MAX_PASSWORD_FILE_LEN {
		return Err(AccountError::PasswordFileTooLarge(shown.clone()));
	}
	// Room for all of it up front, so that no copy is left behind by a reallocation.
	let capacity = usize::try_from(metadata.len()).unwrap_or(0).saturating_add(1);
	let mut text = Zeroizing::new(String::with_capacity(capacity));
	file.take(MAX_PASSWORD_FILE_LEN + 1)
		.read_to_string(&mut text)
		.map_err(file_error)?;
	if text.len() as u64 > MAX_PASSWORD_FILE_LEN {
		return Err(AccountError::PasswordFileTooLarge(shown));
	}
	Ok(Zeroizing::new(text.lines().next().unwrap_or("").to_string()))
}

/// The first line of a password file.
#[cfg(not(unix))]
fn read_password_file(path: &Path) -> Result<Zeroizing<String>, AccountError> {
	let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|source| {
		AccountError::PasswordFile { path: path.display().to_string(), source }
	})?);
	Ok(Zeroizing::new(text.lines().next().unwrap_or("").to_string()))
}

/// Refuses a password file that is not a regular file, is another user's, or is open to other
/// users.
#[cfg(unix)]
fn check_password_file(
	shown: &str,
	regular: bool,
	owner: u32,
	mode: u32,
	me: u32,
) -> Result<(), AccountError> {
	if !regular {
		return Err(AccountError::PasswordFileNotRegular(shown.to_string()));
	}
	if owner != me {
		return Err(AccountError::PasswordFileOwner { path: shown.to_string(), owner });
	}
	if mode & 0o077 != 0 {
		return Err(AccountError::PasswordFilePermissions(shown.to_string()));
	}
	Ok(())
}

/// The user whose files are trusted.
#[cfg(unix)]
fn effective_uid() -> u32 {
	// SAFETY: `geteuid` takes no argument, touches no memory and cannot fail.
	unsafe { libc::geteuid() }
}

#[cfg(test)]
mod tests {
	use super::*;

	const PHRASE: &str =
		"legal winner thank year wave sausage worth useful legal winner thank yellow";

	#[test]
	fn labels_are_shown_without_control_or_bidi_characters() {
		assert_eq!(displayable("Bob (Dev)"), "Bob (Dev)");
		assert_eq!(displayable("Épargne 💰"), "Épargne 💰");
		assert_eq!(
			displayable("Bob\x1b[2J\u{9b}31m\r\n\u{202e}lavE\u{202c} \u{2066}x\u{2069}\u{200f}"),
			"Bob[2J31mlavE x"
		);
		let account = StoredAccount {
			name: "bob".into(),
			address: "5CfWTDh7XxJ2yrayqQ2aJnnZAH5v5XaF1oJFfH5QCpbfP9v8".into(),
			label: Some("a\x07b\u{2067}".into()),
		};
		assert_eq!(displayable_account(account).label.as_deref(), Some("ab"));
	}

	#[test]
	fn an_empty_password_variable_is_ignored() {
		assert!(non_empty(None).is_none());
		assert!(non_empty(Some(String::new())).is_none());
		assert_eq!(non_empty(Some("pw".into())).as_deref().map(String::as_str), Some("pw"));
	}

	#[cfg(unix)]
	#[test]
	fn password_files_are_checked_on_the_open_file() {
		use std::os::unix::fs::PermissionsExt;
		fn chmod(path: &Path, mode: u32) {
			std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
		}
		let dir = tempfile::tempdir().expect("temp dir");
		let path = dir.path().join("password");
		std::fs::write(&path, "first line\nsecond line\n").expect("write");
		chmod(&path, 0o600);
		assert_eq!(read_password_file(&path).expect("read").as_str(), "first line");
		for open in [0o640, 0o620, 0o604, 0o602] {
			chmod(&path, open);
			assert!(
				matches!(read_password_file(&path), Err(AccountError::PasswordFilePermissions(_))),
				"{open:o}"
			);
		}
		chmod(&path, 0o600);
		let link = dir.path().join("link");
		std::os::unix::fs::symlink(&path, &link).expect("symlink");
		assert!(matches!(read_password_file(&link), Err(AccountError::PasswordFileSymlink(_))));
		assert!(matches!(
			read_password_file(dir.path()),
			Err(AccountError::PasswordFileNotRegular(_))
		));
		let big = dir.path().join("big");
		let limit = usize::try_from(MAX_PASSWORD_FILE_LEN).expect("limit");
		std::fs::write(&big, vec![b'x'; limit + 1]).expect("write");
		chmod(&big, 0o600);
		assert!(matches!(read_password_file(&big), Err(AccountError::PasswordFileTooLarge(_))));
		let me = effective_uid();
		assert!(matches!(
			check_password_file("p", true, me.wrapping_add(1), 0o100600, me),
			Err(AccountError::PasswordFileOwner { .. })
		));
		assert!(check_password_file("p", true, me, 0o100600, me).is_ok());
	}

	#[test]
	fn the_mnemonic_file_is_new_private_and_one_line() {
		let dir = tempfile::tempdir().expect("temp dir");
		let path = dir.path().join("mnemonic");
		write_mnemonic_file(&path, PHRASE).expect("write");
		assert_eq!(std::fs::read_to_string(&path).expect("read"), format!("{PHRASE}\n"));
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			let mode = std::fs::metadata(&path).expect("metadata").permissions().mode();
			assert_eq!(mode & 0o077, 0, "{mode:o}");
		}
		assert!(matches!(
			write_mnemonic_file(&path, "another phrase"),
			Err(AccountError::MnemonicFileExists(_))
		));
		assert_eq!(std::fs::read_to_string(&path).expect("read"), format!("{PHRASE}\n"));
		#[cfg(unix)]
		{
			let (link, target) = (dir.path().join("link"), dir.path().join("target"));
			std::os::unix::fs::symlink(&target, &link).expect("symlink");
			assert!(matches!(
				write_mnemonic_file(&link, PHRASE),
				Err(AccountError::MnemonicFileExists(_))
			));
			assert!(!target.exists(), "not written through a symbolic link");
		}
	}

	#[test]
	fn the_mnemonic_file_is_checked_first_and_withdrawn_on_failure() {
		let dir = tempfile::tempdir().expect("temp dir");
		let taken = dir.path().join("taken");
		std::fs::write(&taken, "").expect("write");
		assert!(matches!(
			MnemonicOut::choose(Some(taken)),
			Err(CliError::Account(AccountError::MnemonicFileExists(_)))
		));
		let fresh = dir.path().join("fresh");
		let out = MnemonicOut::choose(Some(fresh.clone())).expect("a new file");
		assert!(!fresh.exists(), "nothing is created before the mnemonic is delivered");
		out.deliver("alice", PHRASE).expect("deliver");
		assert!(fresh.exists());
		// The account could not be stored: its mnemonic does not stay behind.
		out.withdraw();
		assert!(!fresh.exists());
	}
}
