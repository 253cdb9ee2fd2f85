//! A real `ember-node` process for integration tests, and a minimal JSON-RPC client for it.

#![allow(dead_code)]

pub mod extrinsic;
pub mod prover;

use std::{
	io::{Read, Write},
	net::{TcpListener, TcpStream},
	path::PathBuf,
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use serde_json::{json, Value};

/// A running node, killed when dropped. Its output goes to a log file kept for failed tests.
pub struct Node {
	child: Child,
	/// JSON-RPC port on 127.0.0.1.
	pub rpc_port: u16,
	/// Prometheus port on 127.0.0.1.
	pub prometheus_port: u16,
	/// Where the node's output goes.
	pub log_path: PathBuf,
}

/// A port no one listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|listener| listener.local_addr())
		.map(|addr| addr.port())
		.expect("the OS hands out a free port")
}

impl Node {
	/// Starts `ember-node` with `args`; the OS picks its RPC and p2p ports (read back from its
	/// log, so that tests running side by side never share one) and a free Prometheus port.
	pub fn start(name: &str, args: &[&str]) -> Self {
		let prometheus_port = free_port();
		let log_path =
			std::env::temp_dir().join(format!("ember-node-{name}-{prometheus_port}.log"));
		let log = std::fs::File::create(&log_path).expect("log file can be created");
		let child = Command::new(env!("CARGO_BIN_EXE_ember-node"))
			.args(args)
			.args(["--rpc-port", "0", "--port", "0"])
			.args(["--prometheus-port", &prometheus_port.to_string()])
			.arg("--no-mdns")
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.expect("ember-node starts");
		let mut node = Self { child, rpc_port: 0, prometheus_port, log_path };
		node.rpc_port =
			node.wait_for("the RPC server's address", Duration::from_secs(60), |node| {
				let log = std::fs::read_to_string(&node.log_path).ok()?;
				rpc_port_in_log(&log)
			});
		node
	}

	/// Starts a `--dev --tmp` node: Alice alone, producing and finalizing blocks.
	pub fn dev(name: &str) -> Self {
		Self::start(name, &["--dev", "--tmp"])
	}

	/// The tail of the node's log, to explain a failure.
	pub fn log_tail(&self) -> String {
		let log = std::fs::read_to_string(&self.log_path).unwrap_or_default();
		let lines: Vec<&str> = log.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	/// Calls a JSON-RPC method; `Err` carries the error object or transport failure.
	pub fn try_rpc(&self, method: &str, params: Value) -> Result<Value, String> {
		let body =
			json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
		let mut stream = TcpStream::connect(("127.0.0.1", self.rpc_port))
			.map_err(|e| format!("connect: {e}"))?;
		stream
			.set_read_timeout(Some(Duration::from_secs(30)))
			.map_err(|e| e.to_string())?;
		let request = format!(
			"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
			 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
			body.len()
		);
		stream.write_all(request.as_bytes()).map_err(|e| format!("write: {e}"))?;
		let mut response = String::new();
		stream.read_to_string(&mut response).map_err(|e| format!("read: {e}"))?;
		let payload = response
			.split_once("\r\n\r\n")
			.map(|(_, body)| body)
			.ok_or_else(|| format!("malformed HTTP response: {response}"))?;
		let reply: Value =
			serde_json::from_str(payload).map_err(|e| format!("bad JSON ({e}): {payload}"))?;
		match reply.get("error") {
			Some(error) => Err(error.to_string()),
			None => Ok(reply["result"].clone()),
		}
	}

	/// Calls a JSON-RPC method that must succeed.
	pub fn rpc(&self, method: &str, params: Value) -> Value {
		self.try_rpc(method, params)
			.unwrap_or_else(|e| panic!("{method} failed: {e}\nnode log:\n{}", self.log_tail()))
	}

	/// Waits until `check` returns `Some`, or fails the test after `timeout`.
	pub fn wait_for<T>(
		&self,
		what: &str,
		timeout: Duration,
		mut check: impl FnMut(&Self) -> Option<T>,
	) -> T {
		let start = Instant::now();
		loop {
			if let Some(value) = check(self) {
				return value;
			}
			if start.elapsed() > timeout {
				panic!(
					"timed out after {timeout:?} waiting for {what}\nnode log:\n{}",
					self.log_tail()
				);
			}
			std::thread::sleep(Duration::from_millis(500));
		}
	}

	/// Waits until the RPC server answers.
	pub fn wait_ready(&self) {
		self.wait_for("the RPC server", Duration::from_secs(60), |node| {
			node.try_rpc("system_health", json!([])).ok()
		});
	}

	/// Number of the best block.
	pub fn best_number(&self) -> Option<u64> {
		let header = self.try_rpc("chain_getHeader", json!([])).ok()?;
		hex_number(&header["number"])
	}

	/// Number of the last finalized block.
	pub fn finalized_number(&self) -> Option<u64> {
		let hash = self.try_rpc("chain_getFinalizedHead", json!([])).ok()?;
		let header = self.try_rpc("chain_getHeader", json!([hash])).ok()?;
		hex_number(&header["number"])
	}

	/// Raw storage value at `key` in the best block.
	pub fn storage(&self, key: &[u8]) -> Option<Vec<u8>> {
		let value = self.rpc("state_getStorage", json!([format!("0x{}", hex(key))]));
		value.as_str().map(unhex)
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// The IPv4 port of the node's JSON-RPC server, from the line it logs once it listens:
/// `Running JSON-RPC server: addr=127.0.0.1:PORT,[::1]:PORT`.
pub fn rpc_port_in_log(log: &str) -> Option<u16> {
	let (_, rest) = log.split_once("Running JSON-RPC server: addr=127.0.0.1:")?;
	let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
	digits.parse().ok()
}

/// Parses a `0x`-prefixed hex number as RPC returns block numbers.
pub fn hex_number(value: &Value) -> Option<u64> {
	u64::from_str_radix(value.as_str()?.trim_start_matches("0x"), 16).ok()
}

/// Lower-case hex without prefix.
pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes `0x`-prefixed hex.
pub fn unhex(s: &str) -> Vec<u8> {
	let s = s.trim_start_matches("0x");
	(0..s.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("valid hex from the node"))
		.collect()
}
