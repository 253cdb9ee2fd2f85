//! GRANDPA and BABE equivocations, end to end through the runtime: the report the node submits
//! is built by the runtime, passes the transaction pool's checks once, and its validator is
//! disabled at once and leaves the set from the session after next.

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

		// The set without Bob validates from the session after next (the block that starts
		// it, at slot 1 + 2 epochs, hands GRANDPA the new set as it ends).
		run_to_block(2 * SessionPeriod::get() + 2);
		assert!(!Session::validators().contains(&bob));
		assert_eq!(Session::validators().len(), validators_before - 1);
		assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), validators_before - 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), validators_before - 1);
		assert!(disabled_accounts().is_empty());
	});
}

/// Two headers `offender` authored in `slot`, both sealed with `signer`'s key, as a validator
/// that equivocates produces them.
fn double_block(
	slot: u64,
	offender: Sr25519Keyring,
	signer: Sr25519Keyring,
) -> sp_consensus_babe::EquivocationProof<crate::Header> {
	use sp_consensus_babe::digests::{CompatibleDigestItem, PreDigest, SecondaryPlainPreDigest};
	use sp_runtime::{traits::Header as _, DigestItem};

	let authority_index = pallet_babe::Authorities::<Runtime>::get()
		.iter()
		.position(|(authority, _)| *authority == offender.public().into())
		.expect("the offender is an authority") as u32;
	let header = |parent: u8| {
		let pre_digest = PreDigest::SecondaryPlain(SecondaryPlainPreDigest {
			authority_index,
			slot: slot.into(),
		});
		let mut header = crate::Header::new(
			3,
			H256::zero(),
			H256::zero(),
			H256::repeat_byte(parent),
			sp_runtime::generic::Digest { logs: vec![DigestItem::babe_pre_digest(pre_digest)] },
		);
		let seal = signer.sign(header.hash().as_ref());
		header.digest_mut().push(DigestItem::babe_seal(seal.into()));
		header
	};
	sp_consensus_babe::EquivocationProof {
		offender: offender.public().into(),
		slot: slot.into(),
		first_header: header(1),
		second_header: header(2),
	}
}

#[test]
fn a_babe_equivocation_disables_its_validator_and_removes_it_from_the_set() {
	let mut ext = preset_ext("local_testnet");
	let (pool, pool_state) = TestTransactionPoolExt::new();
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.execute_with(|| {
		// What the node's import queue does on seeing two blocks of one author in one slot: ask
		// the runtime for the author's key ownership proof and have it submit the report.
		let submit_report = |proof: sp_consensus_babe::EquivocationProof<crate::Header>| {
			let authority: sp_consensus_babe::AuthorityId = Sr25519Keyring::Bob.public().into();
			let key_owner_proof = Historical::prove((sp_consensus_babe::KEY_TYPE, authority))
				.expect("the key of a current authority is provable");
			crate::Babe::submit_unsigned_equivocation_report(proof, key_owner_proof)
				.expect("the runtime submits the report");
			let submitted =
				pool_state.write().transactions.pop().expect("the report reached the pool");
			UncheckedExtrinsic::decode(&mut &submitted[..]).expect("the report is an extrinsic")
		};

		run_to_block(3);
		let bob = account(Sr25519Keyring::Bob);
		let validators_before = Session::validators().len();

		// Headers sealed by another key prove nothing against Bob.
		let forged = submit_report(double_block(2, Sr25519Keyring::Bob, Sr25519Keyring::Charlie));
		start_block(4);
		assert_eq!(
			Executive::apply_extrinsic(forged),
			Ok(Err(pallet_babe::Error::<Runtime>::InvalidEquivocationProof.into()))
		);
		assert!(disabled_accounts().is_empty());

		let report = submit_report(double_block(2, Sr25519Keyring::Bob, Sr25519Keyring::Bob));
		assert!(Executive::apply_extrinsic(report.clone()).expect("the report is valid").is_ok());
		assert_eq!(disabled_accounts(), vec![bob.clone()]);
		assert!(!pallet_validator_set::Validators::<Runtime>::get().contains(&bob));

		// The same offence is punished once.
		assert_eq!(
			Executive::apply_extrinsic(report),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);

		// The set without Bob authors from the session after next.
		run_to_block(2 * SessionPeriod::get() + 2);
		assert!(!Session::validators().contains(&bob));
		assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), validators_before - 1);
		assert!(disabled_accounts().is_empty());
	});
}
