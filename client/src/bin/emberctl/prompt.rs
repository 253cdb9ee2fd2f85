//! Questions on the terminal itself (`/dev/tty`), so that they work while stdin and stdout are
//! redirected, and secrets are typed without echo.

use std::{
	fs::File,
	io::{Read, Write},
};

use zeroize::Zeroizing;

/// Ctrl-C, which arrives as a byte while the terminal sends no signals.
const INTERRUPT: u8 = 0x03;
/// Ctrl-D.
const END_OF_INPUT: u8 = 0x04;
/// The two codes a backspace key sends.
const BACKSPACE: [u8; 2] = [0x7f, 0x08];
/// Ctrl-U: start the line again.
const KILL_LINE: u8 = 0x15;

/// Why a question got no answer.
#[derive(Debug, thiserror::Error)]
pub enum PromptError {
	/// No controlling terminal (a script, a service, a pipe).
	#[error("there is no terminal to ask on")]
	NoTerminal,
	/// End of input before a line was typed (Ctrl-D).
	#[error("no answer was typed")]
	NoAnswer,
	/// Ctrl-C while a secret was being typed.
	#[error("interrupted (Ctrl-C)")]
	Interrupted,
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
	let tty = terminal()?;
	let quiet = Quiet::new(&tty)?;
	let answer = ask(&tty, question);
	// The terminal no longer echoes the Enter key (nor a Ctrl-C): end the line here. Nothing
	// better to do if that fails; the answer is what matters.
	let _ = (&tty).write_all(b"\n");
	drop(quiet);
	answer
}

/// Asks `question` and reads the answer as typed.
pub fn visible(question: &str) -> Result<String, PromptError> {
	let tty = terminal()?;
	ask(&tty, question).map(|answer| answer.to_string())
}

/// The terminal itself, for questions and for what must reach only the person at it (not
/// stdout or stderr, which logs may keep).
pub fn terminal() -> Result<File, PromptError> {
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
/// secret is left in a buffer that is not wiped. With the terminal's own line editing off (see
/// [`Quiet`]), Backspace and Ctrl-U are done here, Ctrl-C aborts and Ctrl-D on an empty line
/// means no answer; in a line the terminal edited, none of these arrive.
fn read_line(mut input: impl Read) -> Result<Zeroizing<String>, PromptError> {
	let mut line = Zeroizing::new(Vec::with_capacity(256));
	let mut byte = [0u8; 1];
	loop {
		match input.read(&mut byte) {
			Ok(0) if line.is_empty() => return Err(PromptError::NoAnswer),
			Ok(0) => break,
			Ok(_) => match byte[0] {
				b'\n' => break,
				INTERRUPT => return Err(PromptError::Interrupted),
				END_OF_INPUT if line.is_empty() => return Err(PromptError::NoAnswer),
				// As on a terminal, Ctrl-D within a line ends nothing.
				END_OF_INPUT => {},
				code if BACKSPACE.contains(&code) => erase_last_char(&mut line),
				KILL_LINE => line.clear(),
				other => line.push(other),
			},
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

/// Removes the last character of a UTF-8 line: its continuation bytes, then its first.
fn erase_last_char(line: &mut Vec<u8>) {
	while let Some(byte) = line.pop() {
		if byte & 0xC0 != 0x80 {
			break;
		}
	}
}

/// Echo, signals and the terminal's line editing off while it lives, so that Ctrl-C cannot
/// kill the process with echo still off; the saved settings are restored when it is dropped,
/// on every path out of the read.
#[cfg(unix)]
struct Quiet {
	fd: std::os::unix::io::RawFd,
	saved: libc::termios,
}

#[cfg(unix)]
impl Quiet {
	fn new(tty: &File) -> Result<Self, PromptError> {
		use std::os::unix::io::AsRawFd;
		let fd = tty.as_raw_fd();
		let saved = attributes(fd).ok_or(PromptError::NoTerminal)?;
		set_attributes(fd, &quiet(saved))?;
		Ok(Self { fd, saved })
	}
}

#[cfg(unix)]
impl Drop for Quiet {
	fn drop(&mut self) {
		// Nothing better to do if the terminal went away meanwhile.
		let _ = set_attributes(self.fd, &self.saved);
	}
}

/// The settings for typing a secret: no echo; no signal from Ctrl-C, which arrives as a byte
/// instead; no line editing by the terminal, so that it arrives at once; Enter sends `\n`.
#[cfg(unix)]
fn quiet(saved: libc::termios) -> libc::termios {
	let mut quiet = saved;
	quiet.c_lflag &= !(libc::ECHO | libc::ISIG | libc::ICANON);
	quiet.c_iflag |= libc::ICRNL;
	quiet.c_cc[libc::VMIN] = 1;
	quiet.c_cc[libc::VTIME] = 0;
	quiet
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
struct Quiet;

#[cfg(not(unix))]
impl Quiet {
	fn new(_tty: &File) -> Result<Self, PromptError> {
		Err(PromptError::NoTerminal)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn line(typed: &[u8]) -> Result<String, PromptError> {
		read_line(typed).map(|answer| answer.to_string())
	}

	#[test]
	fn lines_are_read_and_edited() {
		assert_eq!(line(b"secret\nnext line").expect("line"), "secret");
		assert_eq!(line(b"secret\r\n").expect("carriage return"), "secret");
		assert_eq!(line(b"no newline").expect("end of input"), "no newline");
		assert_eq!(line(b"ab\x7fc\n").expect("backspace"), "ac");
		assert_eq!(line(b"ab\x08\x08\x08c\n").expect("backspace past the start"), "c");
		assert_eq!(line("caf\u{e9}\x7f\n".as_bytes()).expect("wide character"), "caf");
		assert_eq!(line(b"wrong\x15right\n").expect("kill line"), "right");
		assert_eq!(line(b"a\x04b\n").expect("Ctrl-D within a line"), "ab");
		assert!(matches!(line(b"\xff\n"), Err(PromptError::NotText)));
	}

	#[test]
	fn ctrl_c_and_ctrl_d_abort() {
		assert!(matches!(line(b"half a pass\x03word\n"), Err(PromptError::Interrupted)));
		assert!(matches!(line(b"\x03"), Err(PromptError::Interrupted)));
		assert!(matches!(line(b"\x04"), Err(PromptError::NoAnswer)));
		assert!(matches!(line(b"a\x7f\x04"), Err(PromptError::NoAnswer)));
		assert!(matches!(line(b""), Err(PromptError::NoAnswer)));
	}

	#[cfg(unix)]
	#[test]
	fn quiet_turns_off_echo_signals_and_line_editing() {
		// SAFETY: a termios is plain integers, for which zero is a valid value.
		let mut saved: libc::termios = unsafe { std::mem::zeroed() };
		saved.c_lflag = libc::ECHO | libc::ISIG | libc::ICANON | libc::IEXTEN;
		let quiet = quiet(saved);
		assert_eq!(quiet.c_lflag & (libc::ECHO | libc::ISIG | libc::ICANON), 0);
		assert_eq!(quiet.c_lflag & libc::IEXTEN, libc::IEXTEN);
		assert_eq!(quiet.c_iflag & libc::ICRNL, libc::ICRNL);
		assert_eq!((quiet.c_cc[libc::VMIN], quiet.c_cc[libc::VTIME]), (1, 0));
		assert_eq!(saved.c_lflag & libc::ECHO, libc::ECHO, "the saved settings are kept");
	}
}
