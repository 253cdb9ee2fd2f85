//! Property tests: random sequences of calls, slashes and blocks, with the invariants checked
//! after every step.

use crate::{mock::*, Delegations, Ledgers, ProviderDelegators, StakeRecord};
use ember_primitives::{ProviderRegistry, ProviderStake, ProviderStakeSlashing};
use frame_support::traits::fungible::Inspect;
use proptest::prelude::*;
use sp_runtime::{DispatchResult, Perbill, StateVersion};

/// Accounts that act in the sequences; each may bond, delegate or both.
const ACTORS: [AccountId; 4] = [ALICE, BOB, CHARLIE, DAVE];
/// Every account holding funds in the mock's genesis.
const ALL_ACCOUNTS: [AccountId; 8] = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE, TREASURY, POOR];

type Stake = crate::Pallet<Test>;

#[derive(Clone, Debug)]
enum Op {
	Bond(usize, Balance),
	BondExtra(usize, Balance),
	Unbond(usize, Balance),
	Rebond(usize, Balance),
	WithdrawUnbonded(usize),
	SetCommission(usize, u32),
	Delegate(usize, usize, Balance),
	Undelegate(usize, usize, Balance),
	WithdrawDelegation(usize, usize),
	Slash { provider: usize, amount: Balance, to_treasury: bool },
	SetGpus(usize, Option<u32>),
	Advance(BlockNumber),
}

/// Amounts around the mock's minimums (bond 1_000, delegation 100) and chunk sizes.
fn amount() -> impl Strategy<Value = Balance> {
	prop_oneof![0..=300u128, 0..=4_000u128]
}

fn bond_amount() -> impl Strategy<Value = Balance> {
	prop_oneof![3 => 1_000..=4_000u128, 1 => 0..=1_200u128]
}

fn op() -> impl Strategy<Value = Op> {
	let who = 0..ACTORS.len();
	prop_oneof![
		3 => (who.clone(), bond_amount()).prop_map(|(w, a)| Op::Bond(w, a)),
		1 => (who.clone(), amount()).prop_map(|(w, a)| Op::BondExtra(w, a)),
		3 => (who.clone(), amount()).prop_map(|(w, a)| Op::Unbond(w, a)),
		2 => (who.clone(), amount()).prop_map(|(w, a)| Op::Rebond(w, a)),
		2 => who.clone().prop_map(Op::WithdrawUnbonded),
		1 => (who.clone(), 0..=100u32).prop_map(|(w, p)| Op::SetCommission(w, p)),
		4 => (who.clone(), who.clone(), amount()).prop_map(|(w, p, a)| Op::Delegate(w, p, a)),
		3 => (who.clone(), who.clone(), amount()).prop_map(|(w, p, a)| Op::Undelegate(w, p, a)),
		2 => (who.clone(), who.clone()).prop_map(|(w, p)| Op::WithdrawDelegation(w, p)),
		2 => (who.clone(), 0..=6_000u128, any::<bool>()).prop_map(|(p, amount, to_treasury)| {
			Op::Slash { provider: p, amount, to_treasury }
		}),
		1 => (who.clone(), proptest::option::of(0..4u32)).prop_map(|(w, g)| Op::SetGpus(w, g)),
		2 => (1..=12u64).prop_map(Op::Advance),
	]
}

/// Two bonded providers with a delegator each, so random steps start from a live market.
fn opening() -> Vec<Op> {
	vec![Op::Bond(0, 3_000), Op::Bond(1, 2_000), Op::Delegate(2, 0, 500), Op::Delegate(3, 1, 800)]
}

fn total_issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

/// Everything `provider`'s backers hold for it, and how many backers there are.
fn backing_of(provider: AccountId) -> (Balance, u128) {
	let owner = Ledgers::<Test>::get(provider).map(|ledger| ledger.total());
	let mut held = owner.unwrap_or(0);
	let mut parties = u128::from(owner.is_some());
	for delegator in ProviderDelegators::<Test>::get(provider) {
		if let Some(delegation) = Delegations::<Test>::get(provider, delegator) {
			held += delegation.total();
			parties += 1;
		}
	}
	(held, parties)
}

/// Run a call's `do_*` body; when it fails, it must leave storage exactly as it was.
///
/// The bodies are called directly because dispatch wraps each call in a storage layer that
/// would roll back a partial write and hide it.
fn call(dispatch: impl FnOnce() -> DispatchResult) -> bool {
	let root_before = sp_io::storage::root(StateVersion::V1);
	let result = dispatch();
	if result.is_err() {
		assert_eq!(
			sp_io::storage::root(StateVersion::V1),
			root_before,
			"a failed call changed storage: {result:?}"
		);
	}
	result.is_ok()
}

/// Apply one step and return the amount it burned.
fn apply(op: &Op) -> Balance {
	match *op {
		Op::Bond(w, a) => {
			call(|| Stake::do_bond(&ACTORS[w], a));
		},
		Op::BondExtra(w, a) => {
			call(|| Stake::do_bond_extra(&ACTORS[w], a));
		},
		Op::Unbond(w, a) => {
			if call(|| Stake::do_unbond(&ACTORS[w], a)) {
				let owner = ACTORS[w];
				if let Some(gpus) =
					<MockRegistry as ProviderRegistry<AccountId>>::stake_units(&owner)
				{
					assert!(
						<Stake as ProviderStake<_, _>>::has_sufficient_stake(&owner, gpus),
						"unbonding left a registered provider short of its required stake"
					);
				}
			}
		},
		Op::Rebond(w, a) => {
			call(|| Stake::do_rebond(&ACTORS[w], a));
		},
		Op::WithdrawUnbonded(w) => {
			call(|| Stake::do_withdraw_unbonded(&ACTORS[w]));
		},
		Op::SetCommission(w, percent) => {
			call(|| Stake::do_set_commission(&ACTORS[w], Perbill::from_percent(percent)));
		},
		Op::Delegate(w, p, a) => {
			call(|| Stake::do_delegate(&ACTORS[w], &ACTORS[p], a));
		},
		Op::Undelegate(w, p, a) => {
			call(|| Stake::do_undelegate(&ACTORS[w], &ACTORS[p], a));
		},
		Op::WithdrawDelegation(w, p) => {
			call(|| Stake::do_withdraw_delegation(&ACTORS[w], &ACTORS[p]));
		},
		Op::Slash { provider, amount, to_treasury } => {
			let provider = ACTORS[provider];
			let (backing, parties) = backing_of(provider);
			let treasury_before = free(TREASURY);
			let beneficiary = to_treasury.then_some(TREASURY);
			let exposure = <Stake as ProviderStakeSlashing<_, _>>::exposure(&provider);
			let slashed = <Stake as ProviderStakeSlashing<_, _>>::slash(
				&provider,
				&exposure,
				amount,
				beneficiary.as_ref(),
			)
			.total();
			assert!(slashed <= amount.min(backing), "slashed more than asked or held");
			if amount >= backing {
				assert_eq!(slashed, backing, "a slash beyond the backing takes all of it");
			} else {
				// Rounding leaves less than one unit per backer.
				assert!(slashed + parties >= amount, "slash lost more than rounding dust");
			}
			assert_eq!(backing_of(provider).0, backing - slashed);
			if to_treasury {
				assert_eq!(free(TREASURY), treasury_before + slashed);
				return 0;
			}
			return slashed;
		},
		Op::SetGpus(w, gpus) => match gpus {
			Some(gpus) => MockRegistry::register(ACTORS[w], gpus),
			None => MockRegistry::deregister(ACTORS[w]),
		},
		Op::Advance(blocks) => advance_blocks(blocks),
	}
	0
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]

	#[test]
	fn invariants_hold_after_every_step(ops in prop::collection::vec(op(), 1..80)) {
		ExtBuilder::default().build_and_execute(|| {
			let initial_issuance = total_issuance();
			let mut burned: Balance = 0;
			for op in opening().iter().chain(ops.iter()) {
				burned += apply(op);

				check_invariants();
				assert_eq!(total_issuance(), initial_issuance - burned, "issuance drifted");
				let accounted: Balance = ALL_ACCOUNTS
					.iter()
					.map(<Balances as Inspect<AccountId>>::total_balance)
					.sum();
				assert_eq!(accounted, total_issuance(), "funds appeared or vanished");
				for who in ACTORS {
					assert!(
						<Stake as ProviderStake<_, _>>::own_stake(&who) <=
							<Stake as ProviderStake<_, _>>::total_backing(&who)
					);
				}
			}
		});
	}
}
