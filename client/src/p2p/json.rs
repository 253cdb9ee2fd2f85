//! JSON forms of the protocol's status messages, as `emberctl --json` prints them.

use serde_json::{json, Value};

use super::protocol::{LogLine, WorkloadState};

/// A workload state as JSON: `{"state": "<snake_case name>"}`, plus `code` for an exit and
/// `reason` for a failure or stop.
pub fn state_json(state: &WorkloadState) -> Value {
	match state {
		WorkloadState::Exited { code } => json!({ "state": state.name(), "code": code }),
		WorkloadState::Failed { reason } | WorkloadState::Stopped { reason } => {
			json!({ "state": state.name(), "reason": reason })
		},
		WorkloadState::AwaitingManifest | WorkloadState::Starting | WorkloadState::Running => {
			json!({ "state": state.name() })
		},
	}
}

/// A log line as JSON: `{"seq", "at_ms", "stream", "text"}`.
pub fn line_json(line: &LogLine) -> Value {
	json!({
		"seq": line.seq,
		"at_ms": line.at_ms,
		"stream": line.stream.name(),
		"text": line.text,
	})
}

#[cfg(test)]
mod tests {
	use super::{super::protocol::LogStream, *};

	#[test]
	fn states_and_lines_have_stable_json_forms() {
		assert_eq!(
			state_json(&WorkloadState::AwaitingManifest),
			json!({ "state": "awaiting_manifest" })
		);
		assert_eq!(
			state_json(&WorkloadState::Exited { code: 3 }),
			json!({ "state": "exited", "code": 3 })
		);
		assert_eq!(
			state_json(&WorkloadState::Stopped { reason: "lease ended".into() }),
			json!({ "state": "stopped", "reason": "lease ended" })
		);
		let line = LogLine { seq: 2, at_ms: 99, stream: LogStream::Agent, text: "ready".into() };
		assert_eq!(
			line_json(&line),
			json!({ "seq": 2, "at_ms": 99, "stream": "agent", "text": "ready" })
		);
	}
}
