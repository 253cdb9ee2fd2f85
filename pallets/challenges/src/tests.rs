//! Tests of the challenge protocol: honest agents pass, every way of cheating or lateness fails,
//! offences come exactly at the window's threshold, and proofs gate what the other pallets ask.

use crate::{mock::*, *};
use ember_compute_proof::solver;
use ember_primitives::{GpuProofs, ProviderOffence, ProviderOffenceReporter, ProviderStatus};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_core::H256;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The pallet's last event other than a round's judgement (which follows the last challenge of
/// each round to close).
fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Challenges(Event::RoundJudged { .. }) => None,
			RuntimeEvent::Challenges(event) => Some(event),
			_ => None,
		})
		.expect("the pallet deposited an event")
}

/// The open challenge of `provider`'s `index`-th GPU.
fn open_challenge(provider: AccountId, index: u8) -> ChallengeId {
	ChallengeOfGpu::<Test>::get(provider, gpu(provider, index).uuid_hash).expect("challenged")
}

/// An agent's answer: the root and the openings of a (possibly partial) solution.
struct Answer {
	seed: [u8; 32],
	solution: solver::Solution,
	computes: fn(u64) -> bool,
}

fn every_leaf(_: u64) -> bool {
	true
}

impl Answer {
	/// Solve `challenge` from its seed, computing only the leaves `computes` accepts.
	fn solve(challenge: ChallengeId, computes: fn(u64) -> bool) -> Self {
		let info = OpenChallenges::<Test>::get(challenge).expect("open");
		let seed = Challenges::seed_of(challenge, &info).expect("the seed is known");
		Self::solve_seed(seed, &info.shape, computes)
	}

	fn solve_seed(
		seed: [u8; 32],
		shape: &ember_compute_proof::Shape,
		computes: fn(u64) -> bool,
	) -> Self {
		let solution = solver::solve_partially(&seed, shape, 1, computes).expect("valid shape");
		Self { seed, solution, computes }
	}

	fn root(&self) -> H256 {
		H256(self.solution.root)
	}

	/// The openings of the samples the chain drew for `challenge`.
	fn openings(&self, challenge: ChallengeId) -> BoundedVec<Opening, ConstSamples> {
		let info = OpenChallenges::<Test>::get(challenge).expect("open");
		let Phase::Committed { root, committed_at, .. } = info.phase else {
			panic!("not committed")
		};
		let sample_seed =
			Challenges::sample_seed_of(challenge, committed_at, root).expect("samples known");
		let openings = ember_compute_proof::samples(&sample_seed, &info.shape, SAMPLES)
			.map(|sample| self.opening(&info.shape, sample.leaf))
			.collect::<Vec<_>>();
		BoundedVec::truncate_from(openings)
	}

	fn opening(&self, shape: &ember_compute_proof::Shape, leaf: u64) -> Opening {
		let values = solver::leaf_values_partially(&self.seed, shape, leaf, self.computes)
			.expect("leaf in range");
		let path = self.solution.prove(leaf).expect("leaf in range");
		Opening { values, path: BoundedVec::truncate_from(path) }
	}
}

type ConstSamples = frame_support::traits::ConstU32<SAMPLES>;

/// `agent` commits `root` for `challenge`, with the challenge's seed as the chain knows it (or
/// zero when it knows none).
fn commit(
	agent: AccountId,
	challenge: ChallengeId,
	root: H256,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let seed = OpenChallenges::<Test>::get(challenge)
		.and_then(|info| Challenges::seed_of(challenge, &info))
		.unwrap_or_default();
	Challenges::commit(signed(agent), challenge, H256(seed), root)
}

/// Run a whole honest exchange for `challenge`: solve, commit next block, reveal two blocks
/// after that (the samples come from the block after the commitment's).
fn answer_honestly(agent: AccountId, challenge: ChallengeId) {
	let issued = OpenChallenges::<Test>::get(challenge).expect("open").issued_at;
	run_to_block(issued + 1);
	let answer = Answer::solve(challenge, every_leaf);
	assert_ok!(commit(agent, challenge, answer.root()));
	run_to_block(System::block_number() + 2);
	assert_ok!(Challenges::reveal(signed(agent), challenge, answer.openings(challenge)));
}

#[test]
fn an_honest_agent_proves_a_new_gpu() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 2);
		let spec = gpu(PROVIDER_A, 0);
		assert!(!Challenges::is_proven(&PROVIDER_A, &spec));

		assert_ok!(Challenges::request_challenge(signed(AGENT_A), spec.uuid_hash));
		let challenge = open_challenge(PROVIDER_A, 0);
		assert!(matches!(
			last_event(),
			Event::ChallengeIssued { kind: ChallengeKind::Requested, commit_by, .. }
				if commit_by == 1 + COMMIT_BLOCKS
		));
		// Until the commitment, the market keeps leases off the GPU.
		assert!(Challenges::is_challenged(&PROVIDER_A, &spec.uuid_hash));
		answer_honestly(AGENT_A, challenge);
		assert!(!Challenges::is_challenged(&PROVIDER_A, &spec.uuid_hash));

		assert_eq!(
			last_event(),
			Event::ChallengePassed { challenge, provider: PROVIDER_A, gpu: spec.uuid_hash }
		);
		assert!(Challenges::is_proven(&PROVIDER_A, &spec));
		assert!(!Challenges::is_proven(&PROVIDER_A, &gpu(PROVIDER_A, 1)));
		assert!(OpenChallenges::<Test>::get(challenge).is_none());
		assert_eq!(Results::<Test>::get(PROVIDER_A).failed(), 0);
	});
}

#[test]
fn the_seed_and_the_samples_come_from_blocks_after_what_they_judge() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 1);
		let gpu_a = gpu(PROVIDER_A, 0).uuid_hash;
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_a));
		let challenge = open_challenge(PROVIDER_A, 0);
		let info = OpenChallenges::<Test>::get(challenge).expect("open");

		// In the issue block nobody knows the seed, and nothing can be committed.
		assert_eq!(Challenges::seed_of(challenge, &info), None);
		assert_noop!(commit(AGENT_A, challenge, H256::zero()), Error::<Test>::TooEarly);
		run_to_block(2);
		let answer = Answer::solve(challenge, every_leaf);
		assert_ok!(commit(AGENT_A, challenge, answer.root()));
		// Nor are the samples known in the commitment's block, nor in the next (their
		// randomness is that block's, which its author knew in advance).
		for block in [2, 3] {
			run_to_block(block);
			assert_eq!(Challenges::sample_seed_of(challenge, 2, answer.root()), None);
			assert_noop!(
				Challenges::reveal(signed(AGENT_A), challenge, BoundedVec::new()),
				Error::<Test>::TooEarly
			);
		}
		assert_noop!(commit(AGENT_A, challenge, answer.root()), Error::<Test>::AlreadyCommitted);
		run_to_block(4);
		assert_noop!(
			Challenges::reveal(signed(AGENT_A), challenge, BoundedVec::new()),
			Error::<Test>::WrongOpeningCount
		);
		assert_ok!(Challenges::reveal(signed(AGENT_A), challenge, answer.openings(challenge)));
		assert!(matches!(last_event(), Event::ChallengePassed { .. }));
	});
}

#[test]
fn late_answers_fail_when_their_deadline_passes() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 2);
		let [gpu_0, gpu_1] = [0, 1].map(|index| gpu(PROVIDER_A, index).uuid_hash);

		// No commitment by the deadline.
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_0));
		let silent = open_challenge(PROVIDER_A, 0);
		run_to_block(1 + COMMIT_BLOCKS);
		assert!(OpenChallenges::<Test>::get(silent).is_some(), "the last commit block is in time");
		run_to_block(2 + COMMIT_BLOCKS);
		assert_noop!(commit(AGENT_A, silent, H256::zero()), Error::<Test>::UnknownChallenge);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Challenges(Event::ChallengeFailed {
				challenge: silent,
				provider: PROVIDER_A,
				gpu: gpu_0,
				reason: FailureReason::NoCommitment,
			})));

		// A commitment in time, but no reveal by its deadline; a late commit is refused.
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_1));
		let lazy = open_challenge(PROVIDER_A, 1);
		let issued = System::block_number();
		run_to_block(issued + COMMIT_BLOCKS);
		let answer = Answer::solve(lazy, every_leaf);
		assert_ok!(commit(AGENT_A, lazy, answer.root()));
		let committed = System::block_number();
		run_to_block(committed + 1 + REVEAL_BLOCKS + 1);
		assert_noop!(
			Challenges::reveal(signed(AGENT_A), lazy, answer.openings_after_the_fact()),
			Error::<Test>::UnknownChallenge
		);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Challenges(Event::ChallengeFailed {
				challenge: lazy,
				provider: PROVIDER_A,
				gpu: gpu_1,
				reason: FailureReason::NoReveal,
			})));
	});
}

impl Answer {
	/// Openings that cannot be checked any more (the challenge is gone): just the right count.
	fn openings_after_the_fact(&self) -> BoundedVec<Opening, ConstSamples> {
		let shape = TEST_SHAPE;
		BoundedVec::truncate_from((0..SAMPLES).map(|_| self.opening(&shape, 0)).collect())
	}
}

#[test]
fn a_commit_after_the_deadline_is_refused_before_the_hook_fails_it() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 1);
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu(PROVIDER_A, 0).uuid_hash));
		let challenge = open_challenge(PROVIDER_A, 0);
		// The hook of the block after the deadline has not run yet.
		System::set_block_number(2 + COMMIT_BLOCKS);
		assert_noop!(commit(AGENT_A, challenge, H256::zero()), Error::<Test>::CommitTooLate);
	});
}

#[test]
fn wrong_paths_wrong_values_and_other_answers_fail() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 4);
		register(PROVIDER_B, AGENT_B, 1);
		let outcome = |challenge: ChallengeId| {
			System::events().into_iter().rev().find_map(|record| match record.event {
				RuntimeEvent::Challenges(Event::ChallengeFailed {
					challenge: c, reason, ..
				}) if c == challenge => Some(reason),
				_ => None,
			})
		};
		let challenge_of = |index: u8| {
			assert_ok!(Challenges::request_challenge(
				signed(AGENT_A),
				gpu(PROVIDER_A, index).uuid_hash
			));
			open_challenge(PROVIDER_A, index)
		};
		let [flipped_path, flipped_value, reused, other_gpu] = [0, 1, 2, 3].map(challenge_of);
		run_to_block(2);

		// A sibling flipped in one path.
		let answer = Answer::solve(flipped_path, every_leaf);
		assert_ok!(commit(AGENT_A, flipped_path, answer.root()));
		// A value flipped in one leaf, path intact: the path no longer leads to the root.
		let honest = Answer::solve(flipped_value, every_leaf);
		assert_ok!(commit(AGENT_A, flipped_value, honest.root()));
		// The root of another challenge's answer.
		let other = Answer::solve(flipped_path, every_leaf);
		assert_ok!(commit(AGENT_A, reused, other.root()));
		// An answer computed from another GPU's seed.
		let elsewhere = Answer::solve(reused, every_leaf);
		assert_ok!(commit(AGENT_A, other_gpu, elsewhere.root()));
		run_to_block(4);

		// Another provider's agent, or a stranger, cannot answer.
		assert_noop!(
			Challenges::reveal(signed(AGENT_B), flipped_path, answer.openings(flipped_path)),
			Error::<Test>::NotYourChallenge
		);
		assert_noop!(
			Challenges::reveal(signed(STRANGER), flipped_path, answer.openings(flipped_path)),
			Error::<Test>::NotAnAgent
		);

		let mut openings = answer.openings(flipped_path);
		openings[0].path[0][0] ^= 1;
		assert_ok!(Challenges::reveal(signed(AGENT_A), flipped_path, openings));
		assert_eq!(outcome(flipped_path), Some(FailureReason::BadPath));

		let mut openings = honest.openings(flipped_value);
		openings[SAMPLES as usize - 1].values[3] ^= 1;
		assert_ok!(Challenges::reveal(signed(AGENT_A), flipped_value, openings));
		assert_eq!(outcome(flipped_value), Some(FailureReason::BadPath));

		assert_ok!(Challenges::reveal(signed(AGENT_A), reused, other.openings(reused)));
		assert_eq!(outcome(reused), Some(FailureReason::WrongValue));

		assert_ok!(Challenges::reveal(signed(AGENT_A), other_gpu, elsewhere.openings(other_gpu)));
		assert_eq!(outcome(other_gpu), Some(FailureReason::WrongValue));
	});
}

#[test]
fn two_failures_in_the_window_make_one_offence_and_one_does_not() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 1);
		let gpu_a = gpu(PROVIDER_A, 0).uuid_hash;
		let miss = || {
			assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_a));
			let challenge = open_challenge(PROVIDER_A, 0);
			run_to_block(System::block_number() + COMMIT_BLOCKS + 1);
			challenge
		};
		let pass = || {
			assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_a));
			answer_honestly(AGENT_A, open_challenge(PROVIDER_A, 0));
			// A proof is renewed only near its end.
			jump_to_block(System::block_number() + PROOF_VALIDITY - RENEWAL_WINDOW);
		};

		miss();
		assert!(offences().is_empty(), "one unlucky miss is no offence");
		for _ in 0..RESULT_WINDOW - 1 {
			pass();
		}
		// The first miss has left the window: this one is again the only failure in it.
		miss();
		assert!(offences().is_empty());
		let second = miss();
		assert_eq!(
			offences(),
			vec![ProviderOffence::FailedChallenge { provider: PROVIDER_A, challenge: second }]
		);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Challenges(Event::OffenceReported {
				provider: PROVIDER_A,
				round: second,
				failures: FAILURE_THRESHOLD,
			})));
		// The window starts afresh: the next miss alone is no new offence.
		assert_eq!(Results::<Test>::get(PROVIDER_A), ResultWindow::default());
		miss();
		assert_eq!(offences().len(), 1);
	});
}

#[test]
fn a_gpu_that_goes_into_a_lease_or_leaves_before_the_commitment_voids_its_challenge() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 3);
		let [gpu_0, gpu_1, gpu_2] = [0, 1, 2].map(|index| gpu(PROVIDER_A, index).uuid_hash);
		for gpu in [gpu_0, gpu_1, gpu_2] {
			assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu));
		}
		let [leased, removed, expired] = [0, 1, 2].map(|index| open_challenge(PROVIDER_A, index));
		// The leased GPU held a proof from an earlier round.
		let model = H256(sp_crypto_hashing::blake2_256(&gpu(PROVIDER_A, 0).model));
		Proofs::<Test>::insert(PROVIDER_A, gpu_0, GpuProof { proven_at: 1, model });
		run_to_block(2);

		set_leased(PROVIDER_A, gpu_0, true);
		assert_ok!(commit(AGENT_A, leased, H256::zero()));
		assert_eq!(
			last_event(),
			Event::ChallengeVoided { challenge: leased, reason: VoidReason::Leased }
		);
		// Leasing the GPU (perhaps to itself) escaped the round, but not with the old proof:
		// after the lease it proves itself again before it bids or earns.
		assert!(Proofs::<Test>::get(PROVIDER_A, gpu_0).is_none());
		// A leased GPU is never challenged.
		assert_noop!(
			Challenges::request_challenge(signed(AGENT_A), gpu_0),
			Error::<Test>::GpuLeased
		);

		set_inventory(PROVIDER_A, AGENT_A, vec![gpu(PROVIDER_A, 0), gpu(PROVIDER_A, 2)]);
		assert_ok!(commit(AGENT_A, removed, H256::zero()));
		assert_eq!(
			last_event(),
			Event::ChallengeVoided { challenge: removed, reason: VoidReason::InventoryChanged }
		);

		// A jailed provider's missed deadline counts for nothing, but the GPU keeps no proof
		// from before the round it escaped.
		let model = H256(sp_crypto_hashing::blake2_256(&gpu(PROVIDER_A, 2).model));
		Proofs::<Test>::insert(PROVIDER_A, gpu_2, GpuProof { proven_at: 1, model });
		set_status(PROVIDER_A, ProviderStatus::Jailed);
		run_to_block(2 + COMMIT_BLOCKS + 1);
		assert_eq!(
			last_event(),
			Event::ChallengeVoided { challenge: expired, reason: VoidReason::ProviderGone }
		);
		assert_eq!(Results::<Test>::get(PROVIDER_A), ResultWindow::default());
		assert!(Proofs::<Test>::get(PROVIDER_A, gpu_2).is_none());
	});
}

#[test]
fn after_the_commitment_walking_away_fails_and_a_lease_changes_nothing() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 3);
		let [gpu_0, _, _] = [0, 1, 2].map(|index| gpu(PROVIDER_A, index).uuid_hash);
		for index in 0..3 {
			let gpu = gpu(PROVIDER_A, index).uuid_hash;
			assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu));
		}
		let [leased, removed, left] = [0, 1, 2].map(|index| open_challenge(PROVIDER_A, index));
		run_to_block(2);
		let answers = [leased, removed, left].map(|challenge| {
			let answer = Answer::solve(challenge, every_leaf);
			assert_ok!(commit(AGENT_A, challenge, answer.root()));
			answer
		});
		run_to_block(4);

		// A tenant took the GPU after the commitment: the answer is still judged, and passes.
		set_leased(PROVIDER_A, gpu_0, true);
		assert_ok!(Challenges::reveal(signed(AGENT_A), leased, answers[0].openings(leased)));
		assert_eq!(
			last_event(),
			Event::ChallengePassed { challenge: leased, provider: PROVIDER_A, gpu: gpu_0 }
		);

		// The samples are out: a provider that takes the GPU away rather than answer fails,
		// whether it then reveals or not.
		set_inventory(PROVIDER_A, AGENT_A, vec![gpu(PROVIDER_A, 0), gpu(PROVIDER_A, 2)]);
		assert_ok!(Challenges::reveal(signed(AGENT_A), removed, answers[1].openings(removed)));
		assert!(matches!(
			last_event(),
			Event::ChallengeFailed { challenge, reason: FailureReason::Withdrawn, .. }
				if challenge == removed
		));

		// Beginning to leave after committing fails at the deadline, and counts.
		set_status(PROVIDER_A, ProviderStatus::Leaving);
		run_to_block(4 + REVEAL_BLOCKS);
		System::assert_has_event(
			Event::ChallengeFailed {
				challenge: left,
				provider: PROVIDER_A,
				gpu: gpu(PROVIDER_A, 2).uuid_hash,
				reason: FailureReason::Withdrawn,
			}
			.into(),
		);
		assert_eq!(offences().len(), 1, "two walk-aways are two failures in the window");
	});
}

#[test]
fn a_provider_gone_after_the_commitment_fails_and_a_jailed_one_voids() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 1);
		register(PROVIDER_B, AGENT_B, 1);
		for (provider, agent) in [(PROVIDER_A, AGENT_A), (PROVIDER_B, AGENT_B)] {
			let gpu = gpu(provider, 0).uuid_hash;
			assert_ok!(Challenges::request_challenge(signed(agent), gpu));
		}
		let [gone, jailed] = [PROVIDER_A, PROVIDER_B].map(|provider| open_challenge(provider, 0));
		run_to_block(2);
		for (agent, challenge) in [(AGENT_A, gone), (AGENT_B, jailed)] {
			let answer = Answer::solve(challenge, every_leaf);
			assert_ok!(commit(agent, challenge, answer.root()));
		}

		// The samples are out: leaving the registry altogether is walking away too.
		deregister(PROVIDER_A);
		set_status(PROVIDER_B, ProviderStatus::Jailed);
		run_to_block(3 + REVEAL_BLOCKS + 1);
		System::assert_has_event(
			Event::ChallengeFailed {
				challenge: gone,
				provider: PROVIDER_A,
				gpu: gpu(PROVIDER_A, 0).uuid_hash,
				reason: FailureReason::Withdrawn,
			}
			.into(),
		);
		System::assert_has_event(
			Event::ChallengeVoided { challenge: jailed, reason: VoidReason::ProviderGone }.into(),
		);
		assert_eq!(Results::<Test>::get(PROVIDER_A).failed(), 1);
		assert_eq!(Results::<Test>::get(PROVIDER_B), ResultWindow::default());
	});
}

#[test]
fn a_commitment_computed_from_another_seed_is_refused_not_judged() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 1);
		let gpu_0 = gpu(PROVIDER_A, 0).uuid_hash;
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_0));
		let challenge = open_challenge(PROVIDER_A, 0);
		run_to_block(2);

		// An answer to the same challenge on a fork whose issue block had other randomness,
		// replayed here, names its own seed: refused, and the challenge still waits.
		let info = OpenChallenges::<Test>::get(challenge).expect("open");
		let fork_seed = [7u8; 32];
		let replayed = Answer::solve_seed(fork_seed, &info.shape, every_leaf);
		assert_noop!(
			Challenges::commit(signed(AGENT_A), challenge, H256(fork_seed), replayed.root()),
			Error::<Test>::WrongSeed
		);
		assert!(matches!(
			OpenChallenges::<Test>::get(challenge).map(|info| info.phase),
			Some(Phase::Computing { .. })
		));

		answer_honestly(AGENT_A, challenge);
		assert!(Challenges::is_proven(&PROVIDER_A, &gpu(PROVIDER_A, 0)));
	});
}

#[test]
fn proofs_expire_follow_the_model_and_renew_only_near_their_end() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 1);
		let spec = gpu(PROVIDER_A, 0);
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), spec.uuid_hash));
		answer_honestly(AGENT_A, open_challenge(PROVIDER_A, 0));
		let proven_at = System::block_number();
		assert!(Challenges::is_proven(&PROVIDER_A, &spec));

		assert_noop!(
			Challenges::request_challenge(signed(AGENT_A), spec.uuid_hash),
			Error::<Test>::ProofStillValid
		);
		run_to_block(proven_at + PROOF_VALIDITY - RENEWAL_WINDOW - 1);
		assert_noop!(
			Challenges::request_challenge(signed(AGENT_A), spec.uuid_hash),
			Error::<Test>::ProofStillValid
		);
		run_to_block(proven_at + PROOF_VALIDITY - 1);
		assert!(Challenges::is_proven(&PROVIDER_A, &spec));
		run_to_block(proven_at + PROOF_VALIDITY);
		assert!(!Challenges::is_proven(&PROVIDER_A, &spec), "emissions stop at the proof's end");

		// Renewing: the first request is taken, a second one is not.
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), spec.uuid_hash));
		assert_noop!(
			Challenges::request_challenge(signed(AGENT_A), spec.uuid_hash),
			Error::<Test>::AlreadyChallenged
		);
		// The renewal, answered, proves the GPU again.
		answer_honestly(AGENT_A, open_challenge(PROVIDER_A, 0));
		assert!(Challenges::is_proven(&PROVIDER_A, &spec));

		// A proof is of the model proven: the same GPU registered as another model is unproven.
		let mut renamed = spec.clone();
		renamed.model = BoundedVec::truncate_from(b"NVIDIA H100 80GB HBM3".to_vec());
		assert!(!Challenges::is_proven(&PROVIDER_A, &renamed));
	});
}

#[test]
fn requests_need_the_providers_agent_a_known_idle_gpu_and_a_working_provider() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 1);
		let gpu_a = gpu(PROVIDER_A, 0).uuid_hash;
		assert_noop!(
			Challenges::request_challenge(signed(STRANGER), gpu_a),
			Error::<Test>::NotAnAgent
		);
		assert_noop!(
			Challenges::request_challenge(signed(AGENT_A), gpu(PROVIDER_B, 0).uuid_hash),
			Error::<Test>::UnknownGpu
		);
		set_status(PROVIDER_A, ProviderStatus::Offline);
		assert_noop!(
			Challenges::request_challenge(signed(AGENT_A), gpu_a),
			Error::<Test>::NotTakingWork
		);
	});
}

#[test]
fn random_draws_reach_every_idle_gpu_about_once_a_period_and_never_a_leased_one() {
	new_test_ext().execute_with(|| {
		MaxDraws::set(16);
		register(PROVIDER_A, AGENT_A, 8);
		register(PROVIDER_B, AGENT_B, 2);
		let leased = gpu(PROVIDER_B, 1).uuid_hash;
		set_leased(PROVIDER_B, leased, true);
		let periods = 40u64;
		run_to_block(1 + periods * u64::from(CHALLENGE_PERIOD));

		let issued: Vec<(AccountId, H256)> = System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				RuntimeEvent::Challenges(Event::ChallengeIssued {
					provider,
					gpu,
					kind: ChallengeKind::Random,
					..
				}) => Some((provider, gpu)),
				_ => None,
			})
			.collect();
		assert!(!issued.iter().any(|(_, gpu)| *gpu == leased), "a leased GPU was challenged");
		// Each idle GPU is drawn about once a period; a draw that finds it still challenged
		// (its challenge lasts up to COMMIT_BLOCKS + 1 blocks) issues nothing.
		for (provider, index) in (0..8).map(|index| (PROVIDER_A, index)).chain([(PROVIDER_B, 0)]) {
			let count = issued
				.iter()
				.filter(|entry| **entry == (provider, gpu(provider, index).uuid_hash))
				.count() as u64;
			assert!(
				(periods / 2..=periods * 2).contains(&count),
				"GPU {index} of {provider} was challenged {count} times in {periods} periods"
			);
		}
	});
}

#[test]
fn without_randomness_nothing_is_drawn_and_open_challenges_void() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 2);
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu(PROVIDER_A, 0).uuid_hash));
		let committed = open_challenge(PROVIDER_A, 0);
		run_to_block(2);
		let answer = Answer::solve(committed, every_leaf);
		assert_ok!(commit(AGENT_A, committed, answer.root()));

		// The samples' block brings no randomness: the reveal finds nothing to check against.
		set_no_randomness(true);
		run_to_block(4);
		let openings = answer.openings_after_the_fact();
		assert_ok!(Challenges::reveal(signed(AGENT_A), committed, openings));
		assert_eq!(
			last_event(),
			Event::ChallengeVoided { challenge: committed, reason: VoidReason::NoRandomness }
		);

		// Nor has the issue block of a new challenge: there is no seed to commit to.
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu(PROVIDER_A, 1).uuid_hash));
		let unseeded = open_challenge(PROVIDER_A, 1);
		run_to_block(5);
		assert_ok!(commit(AGENT_A, unseeded, H256::zero()));
		assert_eq!(
			last_event(),
			Event::ChallengeVoided { challenge: unseeded, reason: VoidReason::NoRandomness }
		);
		run_to_block(500);
		assert_eq!(NextChallengeId::<Test>::get(), 2, "nothing was drawn");
	});
}

#[test]
fn a_partial_solver_passes_at_the_predicted_rate() {
	// A solver that computed half the leaves passes with probability 2^-8 per challenge, one
	// that computed 7/8 of them with (7/8)^8 ≈ 0.344. Over 300 challenges each, the counts lie
	// well within four standard deviations of those rates.
	fn half(leaf: u64) -> bool {
		leaf.is_multiple_of(2)
	}
	fn seven_eighths(leaf: u64) -> bool {
		!leaf.is_multiple_of(8)
	}
	for (computes, rate) in [(half as fn(u64) -> bool, 0.5f64), (seven_eighths, 0.875)] {
		new_test_ext().execute_with(|| {
			register(PROVIDER_A, AGENT_A, 1);
			let gpu_a = gpu(PROVIDER_A, 0).uuid_hash;
			let trials = 300u32;
			let mut passed = 0u32;
			for _ in 0..trials {
				assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_a));
				let challenge = open_challenge(PROVIDER_A, 0);
				run_to_block(System::block_number() + 1);
				let answer = Answer::solve(challenge, computes);
				assert_ok!(commit(AGENT_A, challenge, answer.root()));
				run_to_block(System::block_number() + 2);
				assert_ok!(Challenges::reveal(
					signed(AGENT_A),
					challenge,
					answer.openings(challenge)
				));
				if matches!(last_event(), Event::ChallengePassed { .. }) {
					passed += 1;
					// Skip to the proof's renewal window (no hook has work in between), so
					// that the next request is taken.
					jump_to_block(System::block_number() + PROOF_VALIDITY - RENEWAL_WINDOW);
				}
			}
			let p = rate.powi(SAMPLES as i32);
			let expected = p * f64::from(trials);
			let sigma = (f64::from(trials) * p * (1.0 - p)).sqrt();
			println!("f = {rate}: {passed} of {trials} passed, f^m predicts {expected:.1}");
			assert!(
				(f64::from(passed) - expected).abs() <= 4.0 * sigma + 1.0,
				"{passed} of {trials} passed with {rate} of the leaves; expected {expected:.1}"
			);
		});
	}
}

#[test]
fn the_proofs_version_moves_with_every_proof_gained_or_lost_and_not_with_age() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 2);
		let spec = gpu(PROVIDER_A, 0);
		let version = || Challenges::proofs_version(&PROVIDER_A);
		assert_eq!(version(), 0);
		assert_eq!(Challenges::proven_for(&PROVIDER_A, &spec), None);

		assert_ok!(Challenges::request_challenge(signed(AGENT_A), spec.uuid_hash));
		answer_honestly(AGENT_A, open_challenge(PROVIDER_A, 0));
		let proven_at = System::block_number();
		assert_eq!(version(), 1, "a proof gained");
		assert_eq!(Challenges::proven_for(&PROVIDER_A, &spec), Some(PROOF_VALIDITY as u32));
		assert_eq!(Challenges::proofs_version(&PROVIDER_B), 0, "another provider's count");

		// Ageing foretold, not counted.
		run_to_block(proven_at + PROOF_VALIDITY - 1);
		assert_eq!(Challenges::proven_for(&PROVIDER_A, &spec), Some(1));
		run_to_block(proven_at + PROOF_VALIDITY);
		assert_eq!(Challenges::proven_for(&PROVIDER_A, &spec), None);
		assert_eq!(version(), 1);

		// Dropping a GPU that holds a proof counts; one that holds none does not.
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), spec.uuid_hash));
		answer_honestly(AGENT_A, open_challenge(PROVIDER_A, 0));
		assert_eq!(version(), 2);
		set_inventory(PROVIDER_A, AGENT_A, vec![gpu(PROVIDER_A, 0)]);
		assert_eq!(version(), 2, "GPU 1 held no proof");
		set_inventory(PROVIDER_A, AGENT_A, vec![gpu(PROVIDER_A, 1)]);
		assert_eq!(version(), 3, "GPU 0 took its proof with it");
	});
}

#[test]
fn the_target_list_follows_inventories() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 3);
		register(PROVIDER_B, AGENT_B, 2);
		assert_eq!(TargetCount::<Test>::get(), 5);
		set_inventory(PROVIDER_A, AGENT_A, vec![gpu(PROVIDER_A, 2), gpu(PROVIDER_A, 5)]);
		assert_eq!(TargetCount::<Test>::get(), 4);
		set_inventory(PROVIDER_B, AGENT_B, vec![]);
		assert_eq!(TargetCount::<Test>::get(), 2);
		Challenges::do_try_state(System::block_number()).expect("a dense two-way index");
		let mut listed: Vec<_> = Targets::<Test>::iter_values().collect();
		listed.sort();
		let mut expected = vec![
			(PROVIDER_A, gpu(PROVIDER_A, 2).uuid_hash),
			(PROVIDER_A, gpu(PROVIDER_A, 5).uuid_hash),
		];
		expected.sort();
		assert_eq!(listed, expected);
	});
}

#[test]
fn governance_sets_shapes_and_invalid_ones_are_refused() {
	new_test_ext().execute_with(|| {
		let h100: ember_primitives::GpuModelName =
			BoundedVec::truncate_from(b"NVIDIA H100 80GB HBM3".to_vec());
		let big = ember_compute_proof::Shape { n: 1024, k: 8192, batch: 8 };
		assert_noop!(
			Challenges::set_shape(signed(AGENT_A), Some(h100.clone()), Some(big)),
			sp_runtime::DispatchError::BadOrigin
		);
		let odd = ember_compute_proof::Shape { n: 100, k: 8192, batch: 8 };
		assert_noop!(
			Challenges::set_shape(RuntimeOrigin::root(), Some(h100.clone()), Some(odd)),
			Error::<Test>::InvalidShape
		);
		assert_ok!(Challenges::set_shape(RuntimeOrigin::root(), Some(h100.clone()), Some(big)));
		assert_eq!(Challenges::shape_of(&h100), Some(big));
		assert_eq!(Challenges::shape_of(&gpu(PROVIDER_A, 0).model), Some(TEST_SHAPE));
		assert_ok!(Challenges::set_shape(RuntimeOrigin::root(), Some(h100.clone()), None));
		assert_eq!(Challenges::shape_of(&h100), Some(TEST_SHAPE));
		assert_eq!(ShapeCount::<Test>::get(), 0);

		// Without a default shape, a model without a row cannot be proven: not on request,
		// and not by a random draw.
		assert_ok!(Challenges::set_shape(RuntimeOrigin::root(), Some(h100.clone()), Some(big)));
		assert_ok!(Challenges::set_shape(RuntimeOrigin::root(), None, None));
		assert_eq!(DefaultShape::<Test>::get(), None);
		register(PROVIDER_A, AGENT_A, 1);
		assert_noop!(
			Challenges::request_challenge(signed(AGENT_A), gpu(PROVIDER_A, 0).uuid_hash),
			Error::<Test>::NoShape
		);
		MaxDraws::set(8);
		for block in 2..=CHALLENGE_PERIOD as u64 * 4 {
			run_to_block(block);
		}
		assert_eq!(NextChallengeId::<Test>::get(), 0, "nothing was issued");
		// An H100 with its row can.
		set_inventory(PROVIDER_A, AGENT_A, vec![gpu_of_model(PROVIDER_A, 0, &h100)]);
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu(PROVIDER_A, 0).uuid_hash));
		let issued = OpenChallenges::<Test>::get(0).expect("issued");
		assert_eq!(issued.shape, big);
	});
}

/// Register `provider` with `count` GPUs of one model.
fn register_same_model(provider: AccountId, agent: AccountId, count: u8) {
	let inventory = (0..count).map(|index| gpu_of_model(provider, index, b"NVIDIA L4")).collect();
	set_inventory(provider, agent, inventory);
}

#[test]
fn a_request_challenges_every_idle_gpu_of_the_model_together() {
	new_test_ext().execute_with(|| {
		register_same_model(PROVIDER_A, AGENT_A, 4);
		let gpus: Vec<_> = (0..4)
			.map(|index| gpu_of_model(PROVIDER_A, index, b"NVIDIA L4").uuid_hash)
			.collect();
		set_leased(PROVIDER_A, gpus[3], true);
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpus[0]));
		// The three idle GPUs, one round, one deadline; the leased one is left alone.
		let open: Vec<_> = OpenChallenges::<Test>::iter_values().collect();
		assert_eq!(open.len(), 3);
		assert!(open.iter().all(|c| c.round == 0 && c.deadline() == 1 + COMMIT_BLOCKS));
		assert!(!ChallengeOfGpu::<Test>::contains_key(PROVIDER_A, gpus[3]));
		assert_eq!(Rounds::<Test>::get(0).map(|round| round.open), Some(3));
		// Asking again for another GPU of the round is refused: it is challenged already.
		assert_noop!(
			Challenges::request_challenge(signed(AGENT_A), gpus[1]),
			Error::<Test>::AlreadyChallenged
		);
	});
}

#[test]
fn one_real_gpu_cannot_answer_a_round_for_several_and_a_round_is_one_outcome() {
	new_test_ext().execute_with(|| {
		// A provider claims three GPUs of one model and can compute one answer in time.
		register_same_model(PROVIDER_A, AGENT_A, 3);
		let gpus: Vec<_> = (0..3)
			.map(|index| gpu_of_model(PROVIDER_A, index, b"NVIDIA L4").uuid_hash)
			.collect();
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpus[0]));
		let ids: Vec<_> = gpus
			.iter()
			.map(|gpu| ChallengeOfGpu::<Test>::get(PROVIDER_A, gpu).expect("challenged"))
			.collect();
		run_to_block(2);
		let answer = Answer::solve(ids[0], every_leaf);
		assert_ok!(commit(AGENT_A, ids[0], answer.root()));
		run_to_block(4);
		assert_ok!(Challenges::reveal(signed(AGENT_A), ids[0], answer.openings(ids[0])));
		// The others miss their deadline: each GPU fails on its own and loses nothing else's
		// proof, and the round is judged once, as one failure.
		run_to_block(1 + COMMIT_BLOCKS + 1);
		assert!(Proofs::<Test>::contains_key(PROVIDER_A, gpus[0]));
		assert!(!Proofs::<Test>::contains_key(PROVIDER_A, gpus[1]));
		assert!(!Proofs::<Test>::contains_key(PROVIDER_A, gpus[2]));
		let judged: Vec<_> = System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				RuntimeEvent::Challenges(Event::RoundJudged { round, failed, .. }) => {
					Some((round, failed))
				},
				_ => None,
			})
			.collect();
		assert_eq!(judged, vec![(ids[0], true)]);
		assert_eq!(Results::<Test>::get(PROVIDER_A).failed(), 1);
		assert!(offences().is_empty(), "one round, one failure: no offence yet");
		assert!(Rounds::<Test>::get(ids[0]).is_none());
	});
}

#[test]
fn a_round_of_voids_counts_for_nothing() {
	new_test_ext().execute_with(|| {
		register_same_model(PROVIDER_A, AGENT_A, 2);
		let gpu_0 = gpu_of_model(PROVIDER_A, 0, b"NVIDIA L4").uuid_hash;
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_0));
		set_status(PROVIDER_A, ProviderStatus::Jailed);
		run_to_block(1 + COMMIT_BLOCKS + 1);
		assert!(Rounds::<Test>::iter().next().is_none());
		assert_eq!(Results::<Test>::get(PROVIDER_A), ResultWindow::default());
		assert!(!System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Challenges(Event::RoundJudged { .. })
		)));
	});
}

#[test]
fn random_rounds_still_reach_each_gpu_about_once_a_period() {
	new_test_ext().execute_with(|| {
		// Providers with rounds of 4, 2 and 1 GPUs of a model.
		register_same_model(PROVIDER_A, AGENT_A, 4);
		register_same_model(PROVIDER_B, AGENT_B, 2);
		register(STRANGER, STRANGER + 1, 1);
		MaxDraws::set(8);
		let periods = 40u64;
		let mut challenged = std::collections::BTreeMap::<(AccountId, H256), u32>::new();
		let mut seen = 0u64;
		for block in 2..=CHALLENGE_PERIOD as u64 * periods {
			run_to_block(block);
			for (id, info) in OpenChallenges::<Test>::iter() {
				if id >= seen {
					*challenged.entry((info.provider, info.gpu)).or_default() += 1;
				}
			}
			seen = NextChallengeId::<Test>::get();
		}
		// 7 GPUs, each about once a period: 40 each, within a loose band.
		assert_eq!(challenged.len(), 7, "every GPU was challenged");
		for ((provider, _), count) in &challenged {
			assert!(
				(15..=75).contains(count),
				"provider {provider}'s GPU was challenged {count} times in {periods} periods"
			);
		}
		let total: u32 = challenged.values().sum();
		let expected = 7 * periods as u32;
		assert!(
			total.abs_diff(expected) <= expected / 4,
			"{total} challenges for an expected {expected}"
		);
	});
}

#[test]
fn the_hook_charges_a_stale_deadline_as_a_read_and_a_failure_in_full_with_any_report() {
	new_test_ext().execute_with(|| {
		register(PROVIDER_A, AGENT_A, 2);
		let [gpu_0, gpu_1] = [0, 1].map(|index| gpu(PROVIDER_A, index).uuid_hash);
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_0));
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_1));
		let answered = open_challenge(PROVIDER_A, 0);
		run_to_block(2);
		let answer = Answer::solve(answered, every_leaf);
		assert_ok!(commit(AGENT_A, answered, answer.root()));

		// The commit deadline's queue holds the answered challenge (moved on) and the silent
		// one (failed now).
		let due = 2 + COMMIT_BLOCKS;
		System::set_block_number(due);
		let used = Challenges::expire_due(due);
		let queue = <() as WeightInfo>::expire_queue();
		assert_eq!(used, queue + queue + <() as WeightInfo>::expire_one());

		// A failure that makes an offence is charged its report too.
		assert_ok!(Challenges::request_challenge(signed(AGENT_A), gpu_1));
		let due = System::block_number() + COMMIT_BLOCKS + 1;
		System::set_block_number(due);
		let used = Challenges::expire_due(due);
		assert_eq!(offences().len(), 1, "the second failed round is an offence");
		let failure = <() as WeightInfo>::expire_one() + MockOffences::report_weight();
		assert_eq!(used, queue + failure);
	});
}
