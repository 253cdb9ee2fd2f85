//! `provider-agent`: the binary a GPU provider runs next to (or pointed at) an Ember node.

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use provider_agent::{agent, config::AgentConfig, inventory, telemetry};

/// Rent out this machine's GPUs on Ember.
#[derive(Parser)]
#[command(name = "provider-agent", version, about, long_about = None)]
struct Cli {
	/// The configuration file.
	#[arg(long, short, global = true, default_value = "provider-agent.toml")]
	config: PathBuf,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Write a commented example configuration to `--config`.
	Init {
		/// Overwrite an existing file.
		#[arg(long)]
		force: bool,
		/// The data directory to write into it (default: `agent-data` beside the file).
		#[arg(long)]
		data_dir: Option<PathBuf>,
	},
	/// Check the configuration and print what the agent would run with.
	CheckConfig,
	/// Print the GPUs the agent sees (NVML, or the simulated inventory).
	Inventory {
		/// As JSON, the format `emberctl provider register --inventory` reads.
		#[arg(long)]
		json: bool,
	},
	/// Print the agent's libp2p PeerId (created on first use in the data dir).
	Identity,
	/// Run the agent until interrupted (SIGINT or SIGTERM).
	Run,
}

fn main() -> ExitCode {
	let cli = Cli::parse();
	if let Command::Init { force, data_dir } = cli.command {
		let key_file = cli.config.parent().unwrap_or(std::path::Path::new("")).join("agent.key");
		let written =
			provider_agent::config::write_example(&cli.config, force, data_dir.as_deref())
				.and_then(|()| provider_agent::config::create_agent_key(&key_file));
		return match written {
			Ok(agent) => {
				println!(
					"wrote {} and the agent key {} (account {agent}: send it a little EMBR for bid \
					 fees); edit the owner, prices and region, then `provider-agent --config {} run`",
					cli.config.display(),
					key_file.display(),
					cli.config.display()
				);
				ExitCode::SUCCESS
			},
			Err(error) => {
				eprintln!("error: {error}");
				ExitCode::FAILURE
			},
		};
	}
	let config = match AgentConfig::load(&cli.config) {
		Ok(config) => config,
		Err(error) => {
			eprintln!("error: {error}");
			return ExitCode::FAILURE;
		},
	};
	telemetry::init_logging(&config);
	let result: Result<(), String> = match cli.command {
		Command::Init { .. } => Ok(()),
		Command::CheckConfig => {
			println!("{} is valid", cli.config.display());
			Ok(())
		},
		Command::Inventory { json } => inventory::print(&config, json).map_err(|e| e.to_string()),
		Command::Identity => agent::print_identity(&config).map_err(|e| e.to_string()),
		Command::Run => match tokio::runtime::Builder::new_multi_thread()
			.worker_threads(2)
			.enable_all()
			.build()
		{
			Ok(runtime) => runtime.block_on(agent::run(config)).map_err(|e| e.to_string()),
			Err(error) => Err(format!("cannot start the async runtime: {error}")),
		},
	};
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			tracing::error!(%error, "provider-agent stopped");
			eprintln!("error: {error}");
			ExitCode::FAILURE
		},
	}
}
