//! `account …`: the local keystore of encrypted accounts, in the polkadot.js JSON format, and
//! the passwords that unlock them (`--password-file`, `EMBER_PASSWORD`, or typed without echo).

use std::path::{Path, PathBuf};

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
	/// mnemonic is printed once: write it down.
	New {
		/// The account's name in the keystore: 1 to 64 letters, digits, `_`, `.` or `-`.
		#[arg(long)]
		name: String,
		/// Words in the mnemonic: 12 or 24.
		#[arg(long, default_value_t = 12, value_parser = word_count)]
		words: usize,
	},
	/// Import an account: its secret URI (mnemonic, hex seed, derivations), typed on the
	/// terminal without echo, or a polkadot.js JSON export with `--json-file`.
	Import {
		/// The account's name in the keystore: 1 to 64 letters, digits, `_`, `.` or `-`.
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
	/// The password file is readable by others.
	#[error("password file {0} is readable by other users: run `chmod 600 {0}`")]
	PasswordFilePermissions(String),
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
		AccountCommand::New { name, words } => new(ctx, &keystore, &name, words),
		AccountCommand::Import { name, json_file: Some(path) } => {
			import_json(ctx, &keystore, &name, &path)
		},
		AccountCommand::Import { name, json_file: None } => import_uri(ctx, &keystore, &name),
		AccountCommand::List => list(ctx, &keystore),
		AccountCommand::Export { name } => export(ctx, &keystore, &name),
		AccountCommand::Remove { name } => remove(ctx, &keystore, &name, ctx.yes),
	}
}

/// The key of a keystore account (`--account`), unlocked with its password.
pub fn unlock(ctx: &Context, name_or_address: &str) -> Result<Keypair, CliError> {
	let keystore = ctx.keystore()?;
	let account = keystore.find(name_or_address)?;
	let question = format!("Password of account `{}` ({}): ", account.name, account.address);
	let password = password(ctx, &question)?;
	Ok(keystore.load(&account.name, &password)?)
}

/// `account new`: the mnemonic goes to stdout for people, to stderr with `--json` so that
/// stdout holds only the name and address.
fn new(ctx: &Context, keystore: &Keystore, name: &str, words: usize) -> Result<(), CliError> {
	keystore.check_free(name)?;
	let mnemonic = Zeroizing::new(generate_mnemonic(words)?);
	let password = new_password(ctx, name)?;
	let account = keystore.create(name, &mnemonic, &password)?;
	let summary = serde_json::json!({ "name": account.name, "address": account.address });
	ctx.out.show(&summary, || created_text(keystore, &account));
	let notice = Zeroizing::new(format!(
		"\nThe mnemonic of `{name}`, shown this once. Write it down and keep it offline: \
		 whoever has it controls the account, and it restores the account anywhere \
		 (polkadot.js, wallets, `emberctl account import`) if the file or the password is \
		 lost.\n\n    {}\n",
		mnemonic.as_str()
	));
	if ctx.out.json {
		eprintln!("{}", notice.as_str());
	} else {
		println!("{}", notice.as_str());
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
	let account = keystore.import_json(name, &json, &password)?;
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

/// `account list`.
fn list(ctx: &Context, keystore: &Keystore) -> Result<(), CliError> {
	let accounts = keystore.list()?;
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

/// `account export`: the stored JSON, byte for byte.
fn export(ctx: &Context, keystore: &Keystore, name: &str) -> Result<(), CliError> {
	let account = keystore.find(name)?;
	let json = keystore.export(&account.name)?;
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
	Ok(std::env::var("EMBER_PASSWORD").ok().map(Zeroizing::new))
}

fn ask_password(question: &str) -> Result<Zeroizing<String>, CliError> {
	prompt::hidden(question).map_err(|error| match error {
		PromptError::NoTerminal => CliError::from(AccountError::NoPasswordSource),
		other => CliError::from(other),
	})
}

/// The first line of a password file, which must not be readable by other users.
fn read_password_file(path: &Path) -> Result<Zeroizing<String>, AccountError> {
	let shown = path.display().to_string();
	let file_error =
		|source: std::io::Error| AccountError::PasswordFile { path: shown.clone(), source };
	let metadata = std::fs::metadata(path).map_err(file_error)?;
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		if metadata.permissions().mode() & 0o077 != 0 {
			return Err(AccountError::PasswordFilePermissions(shown.clone()));
		}
	}
	#[cfg(not(unix))]
	let _ = metadata;
	let text = Zeroizing::new(std::fs::read_to_string(path).map_err(file_error)?);
	Ok(Zeroizing::new(text.lines().next().unwrap_or("").to_string()))
}
