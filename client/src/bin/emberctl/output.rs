//! How emberctl speaks: tables for people, JSON for scripts, progress on stderr.

use std::{
	io::{IsTerminal, Write},
	time::Instant,
};

use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use ember_client::chain::{Progress, Receipt};
use serde::Serialize;

/// Where results go.
#[derive(Clone, Copy)]
pub struct Output {
	/// JSON on stdout instead of tables.
	pub json: bool,
}

impl Output {
	/// Prints `value` as JSON, or `table()` for people.
	pub fn show<T: Serialize>(&self, value: &T, table: impl FnOnce() -> String) {
		if self.json {
			match serde_json::to_string_pretty(value) {
				Ok(text) => println!("{text}"),
				Err(e) => eprintln!("error: cannot render JSON: {e}"),
			}
		} else {
			println!("{}", table());
		}
	}

	/// Prints a transaction's receipt.
	pub fn receipt(&self, what: &str, receipt: &Receipt) {
		self.show(receipt, || receipt_text(what, receipt));
	}

	/// Prints a transaction's receipt and what the command did after it: in JSON, one object
	/// with the receipt's fields and `extra` under its name.
	pub fn receipt_with<T: Serialize>(
		&self,
		what: &str,
		receipt: &Receipt,
		(name, extra): (&str, &T),
		extra_text: impl FnOnce() -> String,
	) {
		let mut value = serde_json::to_value(receipt).unwrap_or_default();
		if let (Some(object), Ok(extra)) = (value.as_object_mut(), serde_json::to_value(extra)) {
			object.insert(name.to_string(), extra);
		}
		self.show(&value, || format!("{}\n{}", receipt_text(what, receipt), extra_text()));
	}
}

/// A receipt for people: its block and the events that matter.
fn receipt_text(what: &str, receipt: &Receipt) -> String {
	let mut lines = vec![format!(
		"{what}: included in block #{} ({}){}",
		receipt.block_number,
		receipt.block_hash,
		if receipt.finalized { ", finalized" } else { "" }
	)];
	for event in receipt.events.iter().filter(|e| !is_bookkeeping(&e.pallet, &e.name)) {
		lines.push(format!("  {}.{} {}", event.pallet, event.name, event.fields));
	}
	lines.join("\n")
}

/// System and fee events every transaction emits; not worth a line each.
fn is_bookkeeping(pallet: &str, name: &str) -> bool {
	matches!(
		(pallet, name),
		("System", "ExtrinsicSuccess")
			| ("TransactionPayment", "TransactionFeePaid")
			| ("Balances", "Withdraw")
			| ("Balances", "Deposit")
	)
}

/// A table with Ember's style.
pub fn table(header: &[&str]) -> Table {
	let mut table = Table::new();
	table.load_preset(UTF8_FULL_CONDENSED).set_header(header.to_vec());
	table
}

/// Progress of a transaction on stderr: a spinner on a terminal, one line per step otherwise.
pub struct Spinner {
	what: String,
	started: Instant,
	terminal: bool,
	frame: usize,
}

impl Spinner {
	/// Starts reporting on `what`.
	pub fn new(what: &str) -> Self {
		Self {
			what: what.to_string(),
			started: Instant::now(),
			terminal: std::io::stderr().is_terminal(),
			frame: 0,
		}
	}

	/// Reports one step.
	pub fn step(&mut self, progress: Progress) {
		let text = match &progress {
			Progress::Submitted(hash) => format!("submitted {hash}"),
			Progress::InPool => "in the transaction pool".to_string(),
			Progress::InBlock(n) => format!("in block #{n}, waiting for finality"),
			Progress::Retracted => "its block was retracted; waiting again".to_string(),
			Progress::Finalized(n) => format!("finalized in block #{n}"),
		};
		const FRAMES: [char; 4] = ['|', '/', '-', '\\'];
		let elapsed = self.started.elapsed().as_secs_f32();
		let mut err = std::io::stderr();
		if self.terminal {
			self.frame = (self.frame + 1) % FRAMES.len();
			let _ = write!(
				err,
				"\r\x1b[2K{} {}: {text} ({elapsed:.1} s)",
				FRAMES[self.frame], self.what
			);
			if matches!(progress, Progress::Finalized(_)) {
				let _ = writeln!(err);
			}
		} else {
			let _ = writeln!(err, "[{elapsed:>5.1} s] {}: {text}", self.what);
		}
		let _ = err.flush();
	}

	/// Ends the line on a terminal.
	pub fn finish(&self) {
		if self.terminal {
			let _ = writeln!(std::io::stderr());
		}
	}
}
