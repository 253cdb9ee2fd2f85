//! Questions on the terminal itself (`/dev/tty`), so that they work while stdin and stdout are
//! redirected, and secrets are typed without echo.

use std::{
	fs::File,
	io::{Read, Write},
};

use zeroize::Zeroizing;

/// Why a question got no answer.
#[derive(Debug, thiserror::Error)]
pub enum PromptError {
	/// No controlling terminal (a script, a service, a pipe).
	#[error("there is no terminal to ask on")]
	NoTerminal,
	/// End of input before a line was typed (Ctrl-D).
	#[error("no answer was typed")]
	NoAnswer,
	/// The answer is not UTF-8 text.
	#[error("the answer is not UTF-8 text")]
	NotText,
	/// Reading or writing the terminal failed.
	#[error("terminal: {0}")]
	Io(#[from] std::io::Error),
}

/// Asks `question` and reads the answer with echo off; the terminal's settings come back
/// however the read ends.
pub fn hidden(question: &str) -> Result<Zeroizing<String>, PromptError> {
	let tty = open_tty()?;
	let echo_off = EchoOff::new(&tty)?;
	let answer = ask(&tty, question);
	drop(echo_off);
	answer
}

/// Asks `question` and reads the answer as typed.
pub fn visible(question: &str) -> Result<String, PromptError> {
	let tty = open_tty()?;
	ask(&tty, question).map(|answer| answer.to_string())
}

fn open_tty() -> Result<File, PromptError> {
	File::options()
		.read(true)
		.write(true)
		.open("/dev/tty")
		.map_err(|_| PromptError::NoTerminal)
}

fn ask(tty: &File, question: &str) -> Result<Zeroizing<String>, PromptError> {
	let mut out = tty;
	out.write_all(question.as_bytes())?;
	out.flush()?;
	read_line(tty)
}

/// Reads one line, a byte at a time so that nothing past it is consumed and no copy of a
/// secret is left in a buffer that is not wiped.
fn read_line(mut tty: &File) -> Result<Zeroizing<String>, PromptError> {
	let mut line = Zeroizing::new(Vec::with_capacity(256));
	let mut byte = [0u8; 1];
	loop {
		match tty.read(&mut byte) {
			Ok(0) if line.is_empty() => return Err(PromptError::NoAnswer),
			Ok(0) => break,
			Ok(_) if byte[0] == b'\n' => break,
			Ok(_) => line.push(byte[0]),
			Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
			Err(e) => return Err(e.into()),
		}
	}
	if line.last() == Some(&b'\r') {
		line.pop();
	}
	let text = std::str::from_utf8(&line).map_err(|_| PromptError::NotText)?;
	Ok(Zeroizing::new(text.to_string()))
}

/// Echo off on a terminal while it lives; its settings are restored when it is dropped.
#[cfg(unix)]
struct EchoOff {
	fd: std::os::unix::io::RawFd,
	saved: libc::termios,
}

#[cfg(unix)]
impl EchoOff {
	fn new(tty: &File) -> Result<Self, PromptError> {
		use std::os::unix::io::AsRawFd;
		let fd = tty.as_raw_fd();
		let saved = attributes(fd).ok_or(PromptError::NoTerminal)?;
		let mut quiet = saved;
		quiet.c_lflag &= !libc::ECHO;
		// The Enter key still moves to the next line.
		quiet.c_lflag |= libc::ECHONL;
		set_attributes(fd, &quiet)?;
		Ok(Self { fd, saved })
	}
}

#[cfg(unix)]
impl Drop for EchoOff {
	fn drop(&mut self) {
		// Nothing better to do if the terminal went away meanwhile.
		let _ = set_attributes(self.fd, &self.saved);
	}
}

/// The terminal's settings, or `None` if `fd` is not a terminal.
#[cfg(unix)]
fn attributes(fd: std::os::unix::io::RawFd) -> Option<libc::termios> {
	let mut attributes = std::mem::MaybeUninit::<libc::termios>::uninit();
	// SAFETY: `tcgetattr` only writes into the termios it is given.
	let status = unsafe { libc::tcgetattr(fd, attributes.as_mut_ptr()) };
	// SAFETY: a successful `tcgetattr` filled the whole termios.
	(status == 0).then(|| unsafe { attributes.assume_init() })
}

#[cfg(unix)]
fn set_attributes(
	fd: std::os::unix::io::RawFd,
	attributes: &libc::termios,
) -> Result<(), PromptError> {
	// SAFETY: `tcsetattr` only reads the termios it is given.
	if unsafe { libc::tcsetattr(fd, libc::TCSANOW, attributes) } != 0 {
		return Err(std::io::Error::last_os_error().into());
	}
	Ok(())
}

/// Without termios there is no way to turn echo off: secrets come from elsewhere.
#[cfg(not(unix))]
struct EchoOff;

#[cfg(not(unix))]
impl EchoOff {
	fn new(_tty: &File) -> Result<Self, PromptError> {
		Err(PromptError::NoTerminal)
	}
}
