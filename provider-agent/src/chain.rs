//! The agent's side of the chain: one connection at a time, re-established with backoff, and
//! submissions from the agent key with locally tracked nonces so that several can be in flight.

use std::{
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use ember_client::{
	chain::{
		runtime::runtime_types::ember_primitives::market as rt_market, AccountId, Chain,
		ChainError, Receipt, WaitFor,
	},
	market::calls,
};
use subxt_signer::sr25519::Keypair;

use crate::metrics::Metrics;

/// A workload's state as attested on chain.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum AttestedStatus {
	/// GPUs held, manifest not received yet.
	AwaitingManifest,
	/// Preparing inputs or starting.
	Starting,
	/// Running.
	Running,
	/// Exited with status 0.
	Completed,
	/// Exited with an error or could not start.
	Failed,
}

/// One lease's line in a heartbeat.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct AttestationLine {
	/// The lease.
	pub lease: u64,
	/// Its workload's state.
	pub status: AttestedStatus,
	/// Mean utilization of its GPUs, percent.
	pub gpu_utilization_pct: u8,
	/// Device memory its processes use, MiB.
	pub memory_used_mib: u32,
}

/// The longest a submission waits for inclusion: ten 6-second blocks.
pub const SUBMISSION_TIMEOUT: Duration = Duration::from_secs(60);

/// Submits the agent key's transactions, tracking its nonce.
pub struct Submitter {
	key: Keypair,
	account: AccountId,
	/// The next nonce to use; `None` until read from the chain (again, after a refusal).
	next_nonce: Mutex<Option<u64>>,
	metrics: Arc<Metrics>,
}

impl Submitter {
	/// A submitter for `key`.
	pub fn new(key: Keypair, metrics: Arc<Metrics>) -> Self {
		let account = AccountId::from(key.public_key().0);
		Self { key, account, next_nonce: Mutex::new(None), metrics }
	}

	/// The agent's account.
	pub fn account(&self) -> &AccountId {
		&self.account
	}

	async fn take_nonce(&self, chain: &Chain) -> Result<u64, ChainError> {
		let cached = match self.next_nonce.lock() {
			Ok(mut next) => next.inspect(|&nonce| *next = Some(nonce + 1)),
			Err(_) => None,
		};
		if let Some(nonce) = cached {
			return Ok(nonce);
		}
		let from_chain = chain.next_nonce(&self.account).await?;
		let mut guard = self.next_nonce.lock().map_err(|_| ChainError::Rpc("nonce lock".into()))?;
		// Another submission may have read it meanwhile: take the larger.
		let nonce = guard.map_or(from_chain, |n| n.max(from_chain));
		*guard = Some(nonce + 1);
		Ok(nonce)
	}

	/// Forgets the cached nonce: the next submission reads it from the chain.
	pub fn resync(&self) {
		if let Ok(mut guard) = self.next_nonce.lock() {
			*guard = None;
		}
	}

	/// Signs and submits `call` (named `name` in metrics and logs) and waits for inclusion, at
	/// most [`SUBMISSION_TIMEOUT`]: a transaction stuck in the pool (a nonce gap, a node that
	/// dropped it silently) fails then, and the nonce is read from the chain again.
	pub async fn submit<Call: subxt::tx::Payload>(
		&self,
		chain: &Chain,
		name: &str,
		call: &Call,
	) -> Result<Receipt, ChainError> {
		let started = Instant::now();
		let nonce = self.take_nonce(chain).await?;
		let mut ignore_progress = |_| {};
		let submission = chain.submit_with_nonce(
			call,
			&self.key,
			Some(nonce),
			WaitFor::InBlock,
			&mut ignore_progress,
		);
		let result =
			tokio::time::timeout(SUBMISSION_TIMEOUT, submission).await.unwrap_or_else(|_| {
				Err(ChainError::Dropped(format!(
					"not included within {} s",
					SUBMISSION_TIMEOUT.as_secs()
				)))
			});
		self.metrics.observe_submission(name, started.elapsed(), result.is_ok());
		match &result {
			Ok(receipt) => {
				tracing::info!(call = name, nonce, block = receipt.block_number, "included")
			},
			Err(error) => {
				// A refused or dropped transaction did not use its nonce, and later ones may
				// now be stuck behind the gap: read the nonce again.
				if matches!(
					error,
					ChainError::Invalid(_) | ChainError::Dropped(_) | ChainError::Rpc(_)
				) {
					self.resync();
				}
				tracing::warn!(call = name, nonce, %error, "submission failed");
			},
		}
		result
	}
}

/// Signs and submits with an owner key, which the agent holds only when configured to.
pub async fn submit_as_owner<Call: subxt::tx::Payload>(
	chain: &Chain,
	owner: &Keypair,
	name: &str,
	call: &Call,
) -> Result<Receipt, ChainError> {
	let result = chain.submit(call, owner, WaitFor::InBlock, &mut |_| {}).await;
	match &result {
		Ok(receipt) => {
			tracing::info!(call = name, block = receipt.block_number, "owner call included")
		},
		Err(error) => tracing::warn!(call = name, %error, "owner call failed"),
	}
	result
}

/// `providers.heartbeat(lines)`.
pub fn heartbeat_call(lines: &[AttestationLine]) -> impl subxt::tx::Payload {
	calls::heartbeat(
		lines
			.iter()
			.map(|line| rt_market::LeaseAttestation {
				lease: line.lease,
				status: match line.status {
					AttestedStatus::AwaitingManifest => rt_market::WorkloadStatus::AwaitingManifest,
					AttestedStatus::Starting => rt_market::WorkloadStatus::Starting,
					AttestedStatus::Running => rt_market::WorkloadStatus::Running,
					AttestedStatus::Completed => rt_market::WorkloadStatus::Completed,
					AttestedStatus::Failed => rt_market::WorkloadStatus::Failed,
				},
				gpu_utilization_pct: line.gpu_utilization_pct.min(100),
				memory_used_mib: line.memory_used_mib,
			})
			.collect(),
	)
}

/// How long to wait before reconnecting after `attempt` failures: 1 s doubling to 30 s.
pub fn backoff(attempt: u32) -> Duration {
	Duration::from_secs(1u64 << attempt.min(5)).min(Duration::from_secs(30))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn backoff_doubles_up_to_half_a_minute() {
		let secs: Vec<u64> = [0, 1, 2, 3, 4, 5, 6, 40].map(|a| backoff(a).as_secs()).to_vec();
		assert_eq!(secs, vec![1, 2, 4, 8, 16, 30, 30, 30]);
	}
}
