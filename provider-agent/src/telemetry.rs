//! Structured logs: human-readable text or one JSON object per line, filtered by `RUST_LOG`.

use tracing_subscriber::EnvFilter;

use crate::config::{AgentConfig, LogFormat};

/// Log lines a stranger can cause one of per request (libp2p's own note of each stream it
/// drops at capacity): errors only, whatever `RUST_LOG` says, so that a flood does not
/// become a flood of the provider's logs. The agent counts refusals in its metrics.
const QUIET: &str = "libp2p_request_response=error";

/// Installs the global subscriber once.
pub fn init_logging(config: &AgentConfig) {
	let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
	let filter = match QUIET.parse() {
		Ok(directive) => filter.add_directive(directive),
		Err(_) => filter,
	};
	let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
	let _ = match config.telemetry.log_format {
		LogFormat::Json => builder.json().try_init(),
		LogFormat::Text => builder.try_init(),
	};
}
