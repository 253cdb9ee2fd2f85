//! GRANDPA equivocations, end to end through the runtime: the report the node's voter submits
//! is built by the runtime, passes the transaction pool's checks once, and its validator is
//! disabled at once and leaves the set from the session after next.
//!
//! Aura equivocations are not reported on chain: pallet-aura has no report call. They come with
//! the move to BABE, whose reports use the same historical proofs and the same punishment.

use codec::Decode;
use frame_support::traits::KeyOwnerProofSystem;
use sp_consensus_grandpa::{EquivocationProof, SetId, KEY_TYPE};
use sp_core::{
	offchain::{testing::TestTransactionPoolExt, TransactionPoolExt},
	H256,
};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

use crate::{
	configs::SessionPeriod,
	tests::{account, preset_ext, run_to_block, start_block},
	BlockNumber, Executive, Grandpa, Historical, Runtime, RuntimeEvent, Session, System,
	UncheckedExtrinsic,
};

/// Two prevotes of `voter` in one round for different blocks, as a voter that equivocates
/// signs them.
fn double_prevote(
	set_id: SetId,
	voter: Ed25519Keyring,
	signer: Ed25519Keyring,
) -> EquivocationProof<H256, BlockNumber> {
	let round = 1;
	let prevote = |target: u8| {
		let vote =
			finality_grandpa::Prevote { target_hash: H256::repeat_byte(target), target_number: 1 };
		let message = finality_grandpa::Message::Prevote(vote.clone());
		let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
		(vote, signer.sign(&payload).into())
	};
	EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: voter.public().into(),
			first: prevote(1),
			second: prevote(2),
		}),
	)
}

fn disabled_accounts() -> Vec<crate::AccountId> {
	let active = Session::validators();
	Session::disabled_validators()
		.into_iter()
		.map(|index| active[index as usize].clone())
		.collect()
}

#[test]
fn a_grandpa_equivocation_disables_its_validator_and_removes_it_from_the_set() {
	let mut ext = preset_ext("local_testnet");
	let (pool, pool_state) = TestTransactionPoolExt::new();
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.execute_with(|| {
		// What the node's voter does on seeing an equivocation: ask the runtime for the
		// offender's key ownership proof and have it submit the report to the pool.
		let submit_report = |proof: EquivocationProof<H256, BlockNumber>| {
			let authority: sp_consensus_grandpa::AuthorityId = Ed25519Keyring::Bob.public().into();
			let key_owner_proof = Historical::prove((KEY_TYPE, authority))
				.expect("the key of a current authority is provable");
			Grandpa::submit_unsigned_equivocation_report(proof, key_owner_proof)
				.expect("the runtime submits the report");
			let submitted =
				pool_state.write().transactions.pop().expect("the report reached the pool");
			UncheckedExtrinsic::decode(&mut &submitted[..]).expect("the report is an extrinsic")
		};

		run_to_block(3);
		let bob = account(Sr25519Keyring::Bob);
		let set_id = Grandpa::current_set_id();
		let validators_before = Session::validators().len();

		// A report whose second vote is signed by another key proves nothing.
		let forged = double_prevote(set_id, Ed25519Keyring::Bob, Ed25519Keyring::Charlie);
		let forged = submit_report(forged);
		start_block(4);
		assert_eq!(
			Executive::apply_extrinsic(forged),
			Ok(Err(pallet_grandpa::Error::<Runtime>::InvalidEquivocationProof.into()))
		);
		assert!(disabled_accounts().is_empty());

		let report = double_prevote(set_id, Ed25519Keyring::Bob, Ed25519Keyring::Bob);
		let report = submit_report(report);
		assert!(Executive::apply_extrinsic(report.clone()).expect("the report is valid").is_ok());

		assert_eq!(disabled_accounts(), vec![bob.clone()]);
		assert!(!pallet_validator_set::Validators::<Runtime>::get().contains(&bob));
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::ValidatorSet(pallet_validator_set::Event::ValidatorPunished {
				validator: bob.clone(),
				session: 0,
				removed: true,
			})));

		// The same offence is punished once: its report never enters a block again.
		assert_eq!(
			Executive::apply_extrinsic(report),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);

		// The set without Bob validates from the session after next.
		run_to_block(2 * SessionPeriod::get() + 1);
		assert!(!Session::validators().contains(&bob));
		assert_eq!(Session::validators().len(), validators_before - 1);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators_before - 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), validators_before - 1);
		assert!(disabled_accounts().is_empty());
	});
}
