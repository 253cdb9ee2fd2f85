//! A lease's log: the workload's stdout and stderr and the agent's own notes to the tenant,
//! numbered from 0 and kept in `<lease dir>/log.jsonl`, so that a tenant can follow it from
//! any point and a restarted agent goes on numbering where it stopped.

use std::{
	collections::VecDeque,
	fs::{File, OpenOptions},
	io::{BufRead, BufReader, Write},
	path::Path,
	sync::{Arc, Mutex},
	time::{SystemTime, UNIX_EPOCH},
};

use ember_client::p2p::{LogLine, LogStream};

use super::ExecutionError;

/// Lines kept in memory for tenants to read; older ones stay in the file only.
const RECENT_LINES: usize = 10_000;
/// Beyond this the file takes no more workload lines (the agent's notes still go in).
pub const MAX_LOG_BYTES: u64 = 256 * 1024 * 1024;
/// The longest line stored; longer ones are split.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

struct Book {
	file: File,
	bytes: u64,
	next_seq: u64,
	recent: VecDeque<LogLine>,
	truncated: bool,
}

/// A lease's log, shared by the tasks that write it and the protocol that reads it.
#[derive(Clone)]
pub struct LogBook {
	inner: Arc<Mutex<Book>>,
}

fn now_ms() -> u64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|d| d.as_millis() as u64)
		.unwrap_or_default()
}

fn stream_name(stream: LogStream) -> &'static str {
	match stream {
		LogStream::Stdout => "stdout",
		LogStream::Stderr => "stderr",
		LogStream::Agent => "agent",
	}
}

fn parse_line(text: &str) -> Option<LogLine> {
	let value: serde_json::Value = serde_json::from_str(text).ok()?;
	let stream = match value["stream"].as_str()? {
		"stdout" => LogStream::Stdout,
		"stderr" => LogStream::Stderr,
		_ => LogStream::Agent,
	};
	Some(LogLine {
		seq: value["seq"].as_u64()?,
		at_ms: value["at_ms"].as_u64().unwrap_or_default(),
		stream,
		text: value["text"].as_str()?.to_string(),
	})
}

impl LogBook {
	/// Opens the log in `dir` (created if needed), reading back what an earlier run wrote.
	pub fn open(dir: &Path) -> Result<Self, ExecutionError> {
		std::fs::create_dir_all(dir)?;
		let path = dir.join("log.jsonl");
		let mut recent = VecDeque::new();
		let mut next_seq = 0;
		if let Ok(file) = File::open(&path) {
			for line in BufReader::new(file).lines().map_while(Result::ok) {
				// A line cut short by a crash is skipped; numbering goes on after the last whole one.
				if let Some(entry) = parse_line(&line) {
					next_seq = entry.seq + 1;
					if recent.len() == RECENT_LINES {
						recent.pop_front();
					}
					recent.push_back(entry);
				}
			}
		}
		let file = OpenOptions::new().create(true).append(true).open(&path)?;
		let bytes = file.metadata().map(|m| m.len()).unwrap_or_default();
		Ok(Self {
			inner: Arc::new(Mutex::new(Book { file, bytes, next_seq, recent, truncated: false })),
		})
	}

	/// Adds one line from `stream`, split if longer than [`MAX_LINE_BYTES`].
	pub fn push(&self, stream: LogStream, text: &str) {
		let Ok(mut book) = self.inner.lock() else { return };
		let mut rest = text;
		loop {
			let mut cut = rest.len().min(MAX_LINE_BYTES);
			while !rest.is_char_boundary(cut) {
				cut -= 1;
			}
			let (piece, tail) = rest.split_at(cut);
			book.append(stream, piece);
			if tail.is_empty() {
				break;
			}
			rest = tail;
		}
	}

	/// Adds a note from the agent to the tenant.
	pub fn agent(&self, text: &str) {
		tracing::debug!(note = text, "lease log");
		self.push(LogStream::Agent, text);
	}

	/// Lines from `from_seq` on: at most `max_lines` and about `max_bytes` of text, with the
	/// number to ask from next. Lines older than the in-memory window are skipped over.
	pub fn since(&self, from_seq: u64, max_lines: usize, max_bytes: usize) -> (Vec<LogLine>, u64) {
		let Ok(book) = self.inner.lock() else { return (Vec::new(), from_seq) };
		let mut lines = Vec::new();
		let mut bytes = 0;
		let first = from_seq.max(book.recent.front().map_or(book.next_seq, |l| l.seq));
		let mut next = first;
		for line in book.recent.iter().filter(|l| l.seq >= first) {
			if lines.len() == max_lines
				|| (bytes + line.text.len() > max_bytes && !lines.is_empty())
			{
				break;
			}
			bytes += line.text.len();
			next = line.seq + 1;
			lines.push(line.clone());
		}
		(lines, next)
	}

	/// The number the next line gets.
	pub fn next_seq(&self) -> u64 {
		self.inner.lock().map(|b| b.next_seq).unwrap_or_default()
	}
}

impl Book {
	fn append(&mut self, stream: LogStream, text: &str) {
		if self.bytes >= MAX_LOG_BYTES && stream != LogStream::Agent {
			if !self.truncated {
				self.truncated = true;
				self.append(
					LogStream::Agent,
					"the log reached its size limit: further output is dropped",
				);
			}
			return;
		}
		let line = LogLine { seq: self.next_seq, at_ms: now_ms(), stream, text: text.to_string() };
		let json = serde_json::json!({
			"seq": line.seq,
			"at_ms": line.at_ms,
			"stream": stream_name(stream),
			"text": line.text,
		})
		.to_string();
		if let Err(error) = writeln!(self.file, "{json}") {
			tracing::warn!(%error, "cannot write a lease log line");
		}
		self.bytes += json.len() as u64 + 1;
		self.next_seq += 1;
		if self.recent.len() == RECENT_LINES {
			self.recent.pop_front();
		}
		self.recent.push_back(line);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn numbering_survives_reopening_and_pages_follow_on() {
		let dir = tempfile::tempdir().expect("temp dir");
		let log = LogBook::open(dir.path()).expect("opens");
		log.agent("lease 1 started");
		log.push(LogStream::Stdout, "hello");
		log.push(LogStream::Stderr, "warning");
		let (page, next) = log.since(0, 2, 1 << 20);
		assert_eq!(page.iter().map(|l| l.seq).collect::<Vec<_>>(), vec![0, 1]);
		assert_eq!(next, 2);
		drop(log);

		let log = LogBook::open(dir.path()).expect("reopens");
		assert_eq!(log.next_seq(), 3);
		log.push(LogStream::Stdout, "after restart");
		let (page, next) = log.since(2, 100, 1 << 20);
		assert_eq!(
			page.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
			vec!["warning", "after restart"]
		);
		assert_eq!(page[0].stream, LogStream::Stderr);
		assert_eq!(next, 4);
		let (page, next) = log.since(4, 100, 1 << 20);
		assert!(page.is_empty());
		assert_eq!(next, 4);
	}

	#[test]
	fn long_lines_are_split_on_character_boundaries() {
		let dir = tempfile::tempdir().expect("temp dir");
		let log = LogBook::open(dir.path()).expect("opens");
		let text = "é".repeat(MAX_LINE_BYTES);
		log.push(LogStream::Stdout, &text);
		let (page, _) = log.since(0, 100, usize::MAX);
		assert_eq!(page.len(), 2);
		assert_eq!(page.iter().map(|l| l.text.clone()).collect::<String>(), text);
	}
}
