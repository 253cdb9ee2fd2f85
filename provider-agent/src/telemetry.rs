//! Structured logs: human-readable text or one JSON object per line, filtered by `RUST_LOG`.

use tracing_subscriber::EnvFilter;

use crate::config::{AgentConfig, LogFormat};

/// Installs the global subscriber once.
pub fn init_logging(config: &AgentConfig) {
	let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
	let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
	let _ = match config.telemetry.log_format {
		LogFormat::Json => builder.json().try_init(),
		LogFormat::Text => builder.try_init(),
	};
}
