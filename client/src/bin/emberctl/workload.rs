//! Workload commands: manifests, logs, outputs (over the manifest protocol).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::{CliError, Context};

/// `manifest …`.
#[derive(Subcommand)]
pub enum ManifestCommand {
	/// Check a manifest and print its hash.
	Check {
		/// The manifest file (JSON).
		file: PathBuf,
	},
}

/// `logs`.
#[derive(Args)]
pub struct LogsArgs {
	/// The lease id.
	lease: u64,
}

/// `output`.
#[derive(Args)]
pub struct OutputArgs {
	/// The lease id.
	lease: u64,
}

/// `manifest …`.
pub async fn manifest(ctx: &Context, command: ManifestCommand) -> Result<(), CliError> {
	match command {
		ManifestCommand::Check { file } => {
			let (_, hash) = crate::market::read_manifest(&file)?;
			let hash = format!("0x{}", hex::encode(hash));
			ctx.out.show(&serde_json::json!({ "valid": true, "hash": hash }), || {
				format!("{} is a valid manifest; its hash is {hash}", file.display())
			});
			Ok(())
		},
	}
}

/// `logs`.
pub async fn logs(_ctx: &Context, _args: LogsArgs) -> Result<(), CliError> {
	Err(CliError::Provider("logs: not available yet".into()))
}

/// `output`.
pub async fn output(_ctx: &Context, _args: OutputArgs) -> Result<(), CliError> {
	Err(CliError::Provider("output: not available yet".into()))
}
