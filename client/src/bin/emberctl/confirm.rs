//! A confirmation before each call that moves or locks funds: what it moves, the fee the
//! runtime quotes for it, and a yes or no on the terminal. `--yes` answers for scripts; without
//! a terminal to ask on and without `--yes`, nothing is signed.

use std::io::{BufRead, IsTerminal, Write};

use ember_client::{chain::Chain, units::format_embr};

use crate::{CliError, Context};

/// What a call moves or locks, line by line: `("held in escrow", plancks)`.
pub type Moves<'a> = &'a [(&'a str, u128)];

/// The question put to the user: `what`, each amount it moves, and the fee.
fn question(what: &str, moves: Moves<'_>, fee: Result<u128, String>) -> String {
	let mut lines = vec![format!("{what}:")];
	for (label, amount) in moves {
		lines.push(format!("  {label}: {}", format_embr(*amount)));
	}
	lines.push(match fee {
		Ok(fee) => format!("  transaction fee: about {}", format_embr(fee)),
		Err(reason) => format!("  transaction fee: not known ({})", printable(&reason)),
	});
	lines.join("\n")
}

/// `text` from elsewhere (the node) on one line, without control characters that could draw
/// something else on the terminal.
fn printable(text: &str) -> String {
	text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Whether `answer` is a yes.
fn is_yes(answer: &str) -> bool {
	matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

impl Context {
	/// `--yes`: confirmations pass without asking.
	pub fn yes(&self) -> bool {
		self.yes
	}

	/// Asks before `call` is signed: shows `what` and `moves` with the fee estimate and waits
	/// for a yes. Passes at once with `--yes`; refuses without a terminal to ask on.
	pub async fn confirm<Call: subxt::tx::Payload>(
		&self,
		chain: &Chain,
		what: &str,
		call: &Call,
		moves: Moves<'_>,
	) -> Result<(), CliError> {
		if self.yes {
			return Ok(());
		}
		let account = ember_client::chain::AccountId::from(self.signer()?.public_key().0);
		let fee = chain.estimate_fee(call, &account).await.map_err(|e| e.to_string());
		let question = question(what, moves, fee);
		let stdin = std::io::stdin();
		if !stdin.is_terminal() {
			return Err(CliError::Usage(format!(
				"{question}\nthis moves funds and there is no terminal to ask on: add --yes to \
				 confirm"
			)));
		}
		let mut err = std::io::stderr();
		let _ = write!(err, "{question}\ncontinue? [y/N] ");
		let _ = err.flush();
		let mut answer = String::new();
		stdin
			.lock()
			.read_line(&mut answer)
			.map_err(|e| CliError::Usage(e.to_string()))?;
		if is_yes(&answer) {
			Ok(())
		} else {
			Err(CliError::Declined)
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_question_shows_each_amount_and_the_fee() {
		let shown = question(
			"create order",
			&[("held in escrow", 2_500_000_000_000), ("storage deposit", 10_000_000_000)],
			Ok(1_234_000_000),
		);
		assert!(shown.contains("held in escrow: 2.5 EMBR"), "{shown}");
		assert!(shown.contains("storage deposit: 0.01 EMBR"), "{shown}");
		assert!(shown.contains("transaction fee: about 0.001234 EMBR"), "{shown}");
		let unknown = question("top up", &[], Err("the node\nis away\x1b[2K".into()));
		assert!(unknown.contains("not known (the node is away [2K)"), "{unknown}");
	}

	#[test]
	fn only_yes_is_yes() {
		assert!(is_yes("y\n") && is_yes(" YES ") && is_yes("yes"));
		assert!(!is_yes("") && !is_yes("n") && !is_yes("yep") && !is_yes("no"));
	}
}
