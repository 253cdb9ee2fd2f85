//! Unit tests: every call's success path and every error.

use crate::{
	mock::*, Delegation, Delegations, DisplacedDelegators, Error, Event, Ledgers,
	OwnerMinDelegation, ProviderDelegators, ProviderLedger, StakeRecord, TotalDelegated,
	UnlockChunk,
};
use ember_primitives::{ProviderStake, ProviderStakeSlashing};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect, BoundedVec};
use sp_runtime::Perbill;

fn bond(who: AccountId, value: Balance) {
	assert_ok!(ProviderStaking::bond(RuntimeOrigin::signed(who), value));
}

fn unbond(who: AccountId, value: Balance) {
	assert_ok!(ProviderStaking::unbond(RuntimeOrigin::signed(who), value));
}

fn delegate(who: AccountId, provider: AccountId, value: Balance) {
	assert_ok!(ProviderStaking::delegate(RuntimeOrigin::signed(who), provider, value));
}

fn undelegate(who: AccountId, provider: AccountId, value: Balance) {
	assert_ok!(ProviderStaking::undelegate(RuntimeOrigin::signed(who), provider, value));
}

fn ledger(who: AccountId) -> ProviderLedger<Test> {
	Ledgers::<Test>::get(who).expect("ledger exists")
}

fn delegation(provider: AccountId, delegator: AccountId) -> Delegation<Test> {
	Delegations::<Test>::get(provider, delegator).expect("delegation exists")
}

fn chunks(list: &[(Balance, BlockNumber)]) -> Vec<UnlockChunk<Balance, BlockNumber>> {
	list.iter()
		.map(|&(value, unlock_at)| UnlockChunk { value, unlock_at })
		.collect()
}

fn delegators_of(provider: AccountId) -> Vec<AccountId> {
	ProviderDelegators::<Test>::get(provider).into_inner()
}

fn total_issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

mod bond {
	use super::*;

	#[test]
	fn holds_funds_and_opens_a_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(ProviderStaking::bond(RuntimeOrigin::signed(ALICE), 2_000));

			assert_eq!(
				ledger(ALICE),
				ProviderLedger {
					active: 2_000,
					unlocking: BoundedVec::new(),
					commission: Perbill::zero()
				}
			);
			assert_eq!(bond_held(ALICE), 2_000);
			assert_eq!(free(ALICE), INITIAL_BALANCE - 2_000);
			assert_eq!(last_staking_event(), Event::Bonded { owner: ALICE, amount: 2_000 });
		});
	}

	#[test]
	fn rejects_zero() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::bond(RuntimeOrigin::signed(ALICE), 0),
				Error::<Test>::ZeroAmount
			);
		});
	}

	#[test]
	fn rejects_a_second_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::bond(RuntimeOrigin::signed(ALICE), 2_000),
				Error::<Test>::AlreadyBonded
			);
		});
	}

	#[test]
	fn rejects_less_than_the_minimum() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::bond(RuntimeOrigin::signed(ALICE), MinProviderBond::get() - 1),
				Error::<Test>::BondBelowMinimum
			);
		});
	}

	#[test]
	fn rejects_more_than_the_free_balance() {
		ExtBuilder::default().build_and_execute(|| {
			// POOR has less than the minimum bond.
			assert_noop!(
				ProviderStaking::bond(RuntimeOrigin::signed(POOR), MinProviderBond::get()),
				Error::<Test>::InsufficientBalance
			);
			// The existential deposit must stay free.
			assert_noop!(
				ProviderStaking::bond(RuntimeOrigin::signed(ALICE), INITIAL_BALANCE),
				Error::<Test>::InsufficientBalance
			);
		});
	}
}

mod bond_extra {
	use super::*;

	#[test]
	fn adds_to_the_active_bond() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_ok!(ProviderStaking::bond_extra(RuntimeOrigin::signed(ALICE), 500));

			assert_eq!(ledger(ALICE).active, 2_500);
			assert_eq!(bond_held(ALICE), 2_500);
			assert_eq!(free(ALICE), INITIAL_BALANCE - 2_500);
			assert_eq!(last_staking_event(), Event::Bonded { owner: ALICE, amount: 500 });
		});
	}

	#[test]
	fn rejects_zero() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::bond_extra(RuntimeOrigin::signed(ALICE), 0),
				Error::<Test>::ZeroAmount
			);
		});
	}

	#[test]
	fn needs_a_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::bond_extra(RuntimeOrigin::signed(ALICE), 2_000),
				Error::<Test>::NotBonded
			);
		});
	}

	#[test]
	fn rejects_an_active_bond_below_the_minimum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::bond_extra(RuntimeOrigin::signed(ALICE), 999),
				Error::<Test>::BondBelowMinimum
			);
			assert_ok!(ProviderStaking::bond_extra(RuntimeOrigin::signed(ALICE), 1_000));
		});
	}

	#[test]
	fn rejects_more_than_the_free_balance() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::bond_extra(RuntimeOrigin::signed(ALICE), INITIAL_BALANCE - 2_000),
				Error::<Test>::InsufficientBalance
			);
		});
	}
}

mod unbond {
	use super::*;

	#[test]
	fn moves_funds_into_an_unlocking_chunk() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 3_000);
			assert_ok!(ProviderStaking::unbond(RuntimeOrigin::signed(ALICE), 1_000));

			let unlock_at = 1 + UnbondingPeriod::get();
			assert_eq!(ledger(ALICE).active, 2_000);
			assert_eq!(ledger(ALICE).unlocking.into_inner(), chunks(&[(1_000, unlock_at)]));
			// Still held until withdrawn.
			assert_eq!(bond_held(ALICE), 3_000);
			assert_eq!(
				last_staking_event(),
				Event::Unbonded { owner: ALICE, amount: 1_000, unlock_at }
			);
		});
	}

	#[test]
	fn merges_chunks_of_the_same_block_and_adds_new_ones_later() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 5_000);
			unbond(ALICE, 100);
			unbond(ALICE, 200);
			advance_blocks(1);
			unbond(ALICE, 300);

			assert_eq!(ledger(ALICE).active, 4_400);
			assert_eq!(ledger(ALICE).unlocking.into_inner(), chunks(&[(300, 11), (300, 12)]));
		});
	}

	#[test]
	fn may_unbond_everything_when_not_registered() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 2_000);
			assert_eq!(ledger(ALICE).active, 0);
			assert_eq!(ledger(ALICE).unlocking_total(), 2_000);
		});
	}

	#[test]
	fn keeps_what_registered_gpus_require() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 3_000);
			// Base 1_000 + 2 × 500.
			MockRegistry::register(ALICE, 2);
			unbond(ALICE, 1_000);
			assert_noop!(
				ProviderStaking::unbond(RuntimeOrigin::signed(ALICE), 1),
				Error::<Test>::BelowRequiredStake
			);
			// A registered provider with no GPUs still needs the base stake.
			MockRegistry::register(ALICE, 0);
			unbond(ALICE, 1_000);
			assert_noop!(
				ProviderStaking::unbond(RuntimeOrigin::signed(ALICE), 1_000),
				Error::<Test>::BelowRequiredStake
			);
			MockRegistry::deregister(ALICE);
			unbond(ALICE, 1_000);
		});
	}

	#[test]
	fn rejects_zero() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::unbond(RuntimeOrigin::signed(ALICE), 0),
				Error::<Test>::ZeroAmount
			);
		});
	}

	#[test]
	fn needs_a_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::unbond(RuntimeOrigin::signed(ALICE), 1_000),
				Error::<Test>::NotBonded
			);
		});
	}

	#[test]
	fn rejects_more_than_the_active_bond() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::unbond(RuntimeOrigin::signed(ALICE), 2_001),
				Error::<Test>::InsufficientActiveBond
			);
		});
	}

	#[test]
	fn rejects_leaving_a_bond_below_the_minimum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::unbond(RuntimeOrigin::signed(ALICE), 1_001),
				Error::<Test>::BondBelowMinimum
			);
		});
	}

	#[test]
	fn rejects_more_chunks_than_the_maximum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 5_000);
			for _ in 0..MaxUnlockingChunks::get() {
				unbond(ALICE, 100);
				advance_blocks(1);
			}
			assert_noop!(
				ProviderStaking::unbond(RuntimeOrigin::signed(ALICE), 100),
				Error::<Test>::TooManyUnlockingChunks
			);
		});
	}
}

mod rebond {
	use super::*;

	#[test]
	fn takes_back_the_latest_chunks_first() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 5_000);
			unbond(ALICE, 100);
			advance_blocks(1);
			unbond(ALICE, 200);
			advance_blocks(1);
			unbond(ALICE, 300);

			assert_ok!(ProviderStaking::rebond(RuntimeOrigin::signed(ALICE), 400));

			assert_eq!(ledger(ALICE).active, 4_800);
			assert_eq!(ledger(ALICE).unlocking.into_inner(), chunks(&[(100, 11), (100, 12)]));
			assert_eq!(bond_held(ALICE), 5_000);
			assert_eq!(last_staking_event(), Event::Rebonded { owner: ALICE, amount: 400 });
		});
	}

	#[test]
	fn rejects_zero() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 500);
			assert_noop!(
				ProviderStaking::rebond(RuntimeOrigin::signed(ALICE), 0),
				Error::<Test>::ZeroAmount
			);
		});
	}

	#[test]
	fn needs_a_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::rebond(RuntimeOrigin::signed(ALICE), 100),
				Error::<Test>::NotBonded
			);
		});
	}

	#[test]
	fn rejects_more_than_is_unbonding() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 500);
			assert_noop!(
				ProviderStaking::rebond(RuntimeOrigin::signed(ALICE), 501),
				Error::<Test>::RebondExceedsUnbonding
			);
		});
	}

	#[test]
	fn rejects_an_active_bond_below_the_minimum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::rebond(RuntimeOrigin::signed(ALICE), 500),
				Error::<Test>::BondBelowMinimum
			);
		});
	}
}

mod withdraw_unbonded {
	use super::*;

	#[test]
	fn releases_unlocked_chunks_only() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 5_000);
			unbond(ALICE, 100);
			advance_blocks(1);
			unbond(ALICE, 200);
			run_to_block(1 + UnbondingPeriod::get());

			assert_ok!(ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));

			assert_eq!(ledger(ALICE).active, 4_700);
			assert_eq!(ledger(ALICE).unlocking.into_inner(), chunks(&[(200, 12)]));
			assert_eq!(bond_held(ALICE), 4_900);
			assert_eq!(free(ALICE), INITIAL_BALANCE - 4_900);
			assert_eq!(last_staking_event(), Event::Withdrawn { owner: ALICE, amount: 100 });
		});
	}

	#[test]
	fn closes_an_emptied_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 2_000);
			run_to_block(1 + UnbondingPeriod::get());

			assert_ok!(ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));

			assert!(!Ledgers::<Test>::contains_key(ALICE));
			assert_eq!(bond_held(ALICE), 0);
			assert_eq!(free(ALICE), INITIAL_BALANCE);
			assert_eq!(last_staking_event(), Event::Withdrawn { owner: ALICE, amount: 2_000 });
		});
	}

	#[test]
	fn needs_a_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)),
				Error::<Test>::NotBonded
			);
		});
	}

	#[test]
	fn has_nothing_to_withdraw_before_the_period_ends() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)),
				Error::<Test>::NothingToWithdraw
			);
			unbond(ALICE, 500);
			run_to_block(UnbondingPeriod::get());
			assert_noop!(
				ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)),
				Error::<Test>::NothingToWithdraw
			);
		});
	}

	#[test]
	fn waits_while_a_punishment_awaits_the_provider() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 500);
			run_to_block(UnbondingPeriod::get() + 2);
			crate::mock::MockPunishments::pending(ALICE);
			assert_noop!(
				ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)),
				Error::<Test>::PunishmentPending
			);
			crate::mock::MockPunishments::settle_all();
			assert_ok!(ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));
		});
	}
}

mod set_commission {
	use super::*;

	#[test]
	fn records_the_commission() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			let commission = Perbill::from_percent(10);
			assert_ok!(ProviderStaking::set_commission(RuntimeOrigin::signed(ALICE), commission));

			assert_eq!(ledger(ALICE).commission, commission);
			assert_eq!(last_staking_event(), Event::CommissionSet { owner: ALICE, commission });
		});
	}

	#[test]
	fn accepts_the_maximum_and_rejects_more() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_ok!(ProviderStaking::set_commission(
				RuntimeOrigin::signed(ALICE),
				MaxCommission::get()
			));
			assert_noop!(
				ProviderStaking::set_commission(
					RuntimeOrigin::signed(ALICE),
					Perbill::from_parts(MaxCommission::get().deconstruct() + 1)
				),
				Error::<Test>::CommissionTooHigh
			);
		});
	}

	#[test]
	fn needs_a_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::set_commission(
					RuntimeOrigin::signed(ALICE),
					Perbill::from_percent(1)
				),
				Error::<Test>::NotBonded
			);
		});
	}
}

mod delegate {
	use super::*;

	#[test]
	fn holds_funds_behind_the_provider() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			run_to_block(3);
			assert_ok!(ProviderStaking::delegate(RuntimeOrigin::signed(CHARLIE), ALICE, 300));

			assert_eq!(
				delegation(ALICE, CHARLIE),
				Delegation { active: 300, unlocking: BoundedVec::new() }
			);
			assert_eq!(delegators_of(ALICE), vec![CHARLIE]);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 300);
			assert_eq!(delegation_held(CHARLIE), 300);
			assert_eq!(free(CHARLIE), INITIAL_BALANCE - 300);
			assert_eq!(
				last_staking_event(),
				Event::Delegated { delegator: CHARLIE, provider: ALICE, amount: 300 }
			);
		});
	}

	#[test]
	fn adding_more_keeps_one_list_entry() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 300);
			run_to_block(5);
			// Below the minimum on its own, but the delegation as a whole is above it.
			delegate(CHARLIE, ALICE, 50);

			assert_eq!(delegation(ALICE, CHARLIE).active, 350);
			assert_eq!(delegators_of(ALICE), vec![CHARLIE]);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 350);
			assert_eq!(delegation_held(CHARLIE), 350);
		});
	}

	#[test]
	fn one_delegator_may_back_several_providers() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			bond(BOB, 2_000);
			delegate(CHARLIE, ALICE, 300);
			delegate(CHARLIE, BOB, 400);
			// An owner may back another provider too.
			delegate(BOB, ALICE, 500);

			assert_eq!(delegation_held(CHARLIE), 700);
			assert_eq!(delegation_held(BOB), 500);
			assert_eq!(bond_held(BOB), 2_000);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 800);
			assert_eq!(delegators_of(ALICE), vec![CHARLIE, BOB]);
		});
	}

	#[test]
	fn rejects_zero() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::delegate(RuntimeOrigin::signed(CHARLIE), ALICE, 0),
				Error::<Test>::ZeroAmount
			);
		});
	}

	#[test]
	fn rejects_delegating_to_oneself() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::delegate(RuntimeOrigin::signed(ALICE), ALICE, 300),
				Error::<Test>::SelfDelegation
			);
		});
	}

	#[test]
	fn needs_a_bonded_provider() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::delegate(RuntimeOrigin::signed(CHARLIE), ALICE, 300),
				Error::<Test>::ProviderNotBonded
			);
		});
	}

	#[test]
	fn rejects_less_than_the_minimum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::delegate(
					RuntimeOrigin::signed(CHARLIE),
					ALICE,
					MinDelegation::get() - 1
				),
				Error::<Test>::DelegationBelowMinimum
			);
		});
	}

	#[test]
	fn rejects_more_delegators_than_the_maximum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 100);
			delegate(DAVE, ALICE, 100);
			delegate(EVE, ALICE, 100);
			// No larger than the smallest delegation: it takes nobody's slot.
			assert_noop!(
				ProviderStaking::delegate(RuntimeOrigin::signed(FERDIE), ALICE, 100),
				Error::<Test>::TooManyDelegators
			);
			// Existing delegators may still add more.
			delegate(EVE, ALICE, 100);
		});
	}

	#[test]
	fn a_larger_delegation_displaces_the_smallest_of_a_full_provider() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 200);
			delegate(DAVE, ALICE, 100);
			delegate(EVE, ALICE, 100);
			run_to_block(3);

			// Dave and Eve hold the least; Dave, listed first, gives up his slot.
			assert_ok!(ProviderStaking::delegate(RuntimeOrigin::signed(FERDIE), ALICE, 150));

			let unlock_at = 3 + UnbondingPeriod::get();
			assert_eq!(delegators_of(ALICE), vec![CHARLIE, EVE, FERDIE]);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![DAVE]);
			// His stake unbonds like an undelegation: still held, and still slashable.
			assert_eq!(
				delegation(ALICE, DAVE),
				Delegation {
					active: 0,
					unlocking: BoundedVec::truncate_from(chunks(&[(100, unlock_at)])),
				}
			);
			assert_eq!(delegation_held(DAVE), 100);
			assert_eq!(delegation(ALICE, FERDIE).active, 150);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 450);
			let events = staking_events();
			assert_eq!(
				events[events.len() - 2..],
				[
					Event::DelegationDisplaced {
						delegator: DAVE,
						provider: ALICE,
						amount: 100,
						unlock_at,
					},
					Event::Delegated { delegator: FERDIE, provider: ALICE, amount: 150 },
				]
			);

			// Once withdrawn, he is forgotten.
			run_to_block(unlock_at);
			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(DAVE), ALICE));
			assert!(!Delegations::<Test>::contains_key(ALICE, DAVE));
			assert!(!DisplacedDelegators::<Test>::contains_key(ALICE));
			assert_eq!(delegation_held(DAVE), 0);
		});
	}

	#[test]
	fn a_displaced_delegator_may_come_back_with_a_larger_delegation() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 100);
			delegate(DAVE, ALICE, 200);
			delegate(EVE, ALICE, 300);
			delegate(FERDIE, ALICE, 400);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![CHARLIE]);

			// Back in with 250 active, larger than Dave's 200: Dave is displaced in turn.
			delegate(CHARLIE, ALICE, 250);

			assert_eq!(delegators_of(ALICE), vec![EVE, FERDIE, CHARLIE]);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![DAVE]);
			assert_eq!(delegation(ALICE, CHARLIE).active, 250);
			// What was unbonding keeps unbonding.
			assert_eq!(delegation(ALICE, CHARLIE).unlocking_total(), 100);
			assert_eq!(delegation_held(CHARLIE), 350);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 950);
		});
	}

	/// Funded accounts 20 and up, for providers with more comings and goings than the named
	/// accounts allow.
	fn newcomers(count: u64) -> Vec<AccountId> {
		use frame_support::traits::fungible::Mutate;
		let accounts: Vec<AccountId> = (20..20 + count).collect();
		for who in &accounts {
			assert_ok!(Balances::mint_into(who, 10_000));
		}
		accounts
	}

	fn backers(provider: AccountId) -> Vec<AccountId> {
		<ProviderStaking as ProviderStakeSlashing<AccountId, Balance>>::exposure(&provider)
			.into_iter()
			.map(|(who, _)| who)
			.collect()
	}

	/// A displaced list full of dust cannot stop displacements: the least exposed displaced
	/// delegation is forgotten (no longer charged for later offences, still withdrawn as
	/// before) to make room.
	#[test]
	fn a_full_displaced_list_forgets_its_smallest_delegation() {
		ExtBuilder::default().build_and_execute(|| {
			let newcomers = newcomers(7);
			bond(ALICE, 2_000);
			// Three in their slots, then three more, each displacing the smallest.
			for (who, amount) in newcomers.iter().zip([100, 200, 300, 400, 500, 600]) {
				delegate(*who, ALICE, amount);
			}
			assert_eq!(delegators_of(ALICE), vec![23, 24, 25]);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![20, 21, 22]);

			delegate(26, ALICE, 700);

			assert_eq!(delegators_of(ALICE), vec![24, 25, 26]);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![21, 22, 23]);
			assert!(staking_events()
				.contains(&Event::DisplacedDelegatorForgotten { delegator: 20, provider: ALICE }));
			assert_eq!(backers(ALICE), vec![ALICE, 24, 25, 26, 21, 22, 23]);
			// Forgotten, 20 still withdraws its stake when its unbonding ends.
			run_to_block(1 + UnbondingPeriod::get());
			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(20), ALICE));
			assert!(!Delegations::<Test>::contains_key(ALICE, 20));
			assert_eq!(delegation_held(20), 0);
		});
	}

	/// Stake whose unbonding has ended could have been withdrawn: it is forgotten before stake
	/// still unbonding, even a smaller one.
	#[test]
	fn a_full_displaced_list_forgets_ended_unbonding_first() {
		ExtBuilder::default().build_and_execute(|| {
			let newcomers = newcomers(7);
			bond(ALICE, 2_000);
			for who in &newcomers[..3] {
				delegate(*who, ALICE, 300);
			}
			// 20, first among equals, is displaced at block 1; 21 undelegates most of its stake.
			delegate(23, ALICE, 400);
			undelegate(21, ALICE, 200);
			run_to_block(12);
			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(21), ALICE));
			// 21 (100 left) and then 24 (150) are displaced while 20's unbonding has ended.
			delegate(24, ALICE, 150);
			delegate(25, ALICE, 200);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![20, 21, 24]);
			assert_eq!(delegation(ALICE, 20).total(), 300);
			assert_eq!(delegation(ALICE, 21).total(), 100);

			delegate(26, ALICE, 250);

			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![21, 24, 25]);
			assert!(staking_events()
				.contains(&Event::DisplacedDelegatorForgotten { delegator: 20, provider: ALICE }));
		});
	}

	/// A displaced delegator that comes back leaves the displaced list first: the room it
	/// frees takes the delegation it displaces, and nobody is forgotten.
	#[test]
	fn a_returning_delegator_makes_room_in_a_full_displaced_list() {
		ExtBuilder::default().build_and_execute(|| {
			let newcomers = newcomers(6);
			bond(ALICE, 2_000);
			for (who, amount) in newcomers.iter().zip([100, 200, 300, 400, 500, 600]) {
				delegate(*who, ALICE, amount);
			}
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![20, 21, 22]);

			delegate(20, ALICE, 700);

			assert_eq!(delegators_of(ALICE), vec![24, 25, 20]);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![21, 22, 23]);
			assert!(!staking_events()
				.iter()
				.any(|event| matches!(event, Event::DisplacedDelegatorForgotten { .. })));
		});
	}

	/// A delegation whose unlocking chunks are all taken is displaced all the same: its stake
	/// joins the latest chunk, which unlocks with the displacement.
	#[test]
	fn a_delegation_with_every_chunk_taken_is_displaced_all_the_same() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 400);
			delegate(DAVE, ALICE, 300);
			delegate(EVE, ALICE, 300);
			for block in 1..=3 {
				run_to_block(block);
				undelegate(CHARLIE, ALICE, 50);
			}
			assert_eq!(
				delegation(ALICE, CHARLIE).unlocking.len() as u32,
				MaxUnlockingChunks::get()
			);
			run_to_block(4);

			delegate(FERDIE, ALICE, 260);

			assert_eq!(delegators_of(ALICE), vec![DAVE, EVE, FERDIE]);
			assert_eq!(
				delegation(ALICE, CHARLIE),
				Delegation {
					active: 0,
					unlocking: BoundedVec::truncate_from(chunks(&[(50, 11), (50, 12), (300, 14)])),
				}
			);
			assert_eq!(delegation_held(CHARLIE), 400);
		});
	}

	#[test]
	fn rejects_more_than_the_free_balance() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::delegate(RuntimeOrigin::signed(POOR), ALICE, POOR_BALANCE),
				Error::<Test>::InsufficientBalance
			);
		});
	}
}

mod undelegate {
	use super::*;

	#[test]
	fn moves_funds_into_an_unlocking_chunk() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 500);
			run_to_block(4);
			assert_ok!(ProviderStaking::undelegate(RuntimeOrigin::signed(CHARLIE), ALICE, 200));

			let unlock_at = 4 + UnbondingPeriod::get();
			assert_eq!(
				delegation(ALICE, CHARLIE),
				Delegation {
					active: 300,
					unlocking: BoundedVec::truncate_from(chunks(&[(200, unlock_at)])),
				}
			);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 300);
			assert_eq!(delegation_held(CHARLIE), 500);
			assert_eq!(
				last_staking_event(),
				Event::Undelegated { delegator: CHARLIE, provider: ALICE, amount: 200, unlock_at }
			);
		});
	}

	#[test]
	fn undelegating_everything_drops_the_total_but_keeps_the_delegator_listed() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 500);
			undelegate(CHARLIE, ALICE, 500);

			assert!(!TotalDelegated::<Test>::contains_key(ALICE));
			assert_eq!(delegators_of(ALICE), vec![CHARLIE]);
			assert_eq!(delegation(ALICE, CHARLIE).unlocking_total(), 500);
		});
	}

	#[test]
	fn rejects_zero() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 500);
			assert_noop!(
				ProviderStaking::undelegate(RuntimeOrigin::signed(CHARLIE), ALICE, 0),
				Error::<Test>::ZeroAmount
			);
		});
	}

	#[test]
	fn needs_a_delegation() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_noop!(
				ProviderStaking::undelegate(RuntimeOrigin::signed(CHARLIE), ALICE, 100),
				Error::<Test>::NotDelegated
			);
		});
	}

	#[test]
	fn rejects_more_than_the_active_delegation() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 500);
			assert_noop!(
				ProviderStaking::undelegate(RuntimeOrigin::signed(CHARLIE), ALICE, 501),
				Error::<Test>::InsufficientDelegation
			);
		});
	}

	#[test]
	fn rejects_leaving_a_delegation_below_the_minimum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 500);
			assert_noop!(
				ProviderStaking::undelegate(RuntimeOrigin::signed(CHARLIE), ALICE, 401),
				Error::<Test>::DelegationBelowMinimum
			);
		});
	}

	#[test]
	fn rejects_more_chunks_than_the_maximum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 1_000);
			for _ in 0..MaxUnlockingChunks::get() {
				undelegate(CHARLIE, ALICE, 10);
				advance_blocks(1);
			}
			assert_noop!(
				ProviderStaking::undelegate(RuntimeOrigin::signed(CHARLIE), ALICE, 10),
				Error::<Test>::TooManyUnlockingChunks
			);
		});
	}
}

mod withdraw_delegation {
	use super::*;

	#[test]
	fn releases_unlocked_chunks_only() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 1_000);
			undelegate(CHARLIE, ALICE, 100);
			advance_blocks(1);
			undelegate(CHARLIE, ALICE, 200);
			run_to_block(1 + UnbondingPeriod::get());

			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(CHARLIE), ALICE));

			assert_eq!(delegation(ALICE, CHARLIE).active, 700);
			assert_eq!(delegation(ALICE, CHARLIE).unlocking.into_inner(), chunks(&[(200, 12)]));
			assert_eq!(delegation_held(CHARLIE), 900);
			assert_eq!(free(CHARLIE), INITIAL_BALANCE - 900);
			assert_eq!(
				last_staking_event(),
				Event::DelegationWithdrawn { delegator: CHARLIE, provider: ALICE, amount: 100 }
			);
		});
	}

	#[test]
	fn closes_an_emptied_delegation_and_frees_its_slot() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 300);
			delegate(DAVE, ALICE, 300);
			delegate(EVE, ALICE, 300);
			undelegate(DAVE, ALICE, 300);
			run_to_block(1 + UnbondingPeriod::get());

			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(DAVE), ALICE));

			assert!(!Delegations::<Test>::contains_key(ALICE, DAVE));
			assert_eq!(delegators_of(ALICE), vec![CHARLIE, EVE]);
			assert_eq!(delegation_held(DAVE), 0);
			assert_eq!(free(DAVE), INITIAL_BALANCE);
			// The freed slot can be taken.
			delegate(FERDIE, ALICE, 300);
		});
	}

	#[test]
	fn the_last_delegator_leaving_removes_the_list() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 300);
			undelegate(CHARLIE, ALICE, 300);
			run_to_block(1 + UnbondingPeriod::get());
			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(CHARLIE), ALICE));

			assert!(!ProviderDelegators::<Test>::contains_key(ALICE));
			assert!(!TotalDelegated::<Test>::contains_key(ALICE));
		});
	}

	#[test]
	fn needs_a_delegation() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(CHARLIE), ALICE),
				Error::<Test>::NotDelegated
			);
		});
	}

	#[test]
	fn has_nothing_to_withdraw_before_the_period_ends() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 500);
			undelegate(CHARLIE, ALICE, 200);
			run_to_block(UnbondingPeriod::get());
			assert_noop!(
				ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(CHARLIE), ALICE),
				Error::<Test>::NothingToWithdraw
			);
		});
	}

	/// A slash waits its dispute window and maybe the apply hook's backlog: a delegator whose
	/// unbonding ends meanwhile still pays its share before it leaves.
	#[test]
	fn waits_while_a_punishment_awaits_the_provider() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			bond(BOB, 2_000);
			delegate(CHARLIE, ALICE, 500);
			delegate(CHARLIE, BOB, 500);
			undelegate(CHARLIE, ALICE, 200);
			undelegate(CHARLIE, BOB, 200);
			run_to_block(UnbondingPeriod::get() + 2);
			crate::mock::MockPunishments::pending(ALICE);
			assert_noop!(
				ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(CHARLIE), ALICE),
				Error::<Test>::PunishmentPending
			);
			// Only the punished provider's backers wait.
			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(CHARLIE), BOB));
			crate::mock::MockPunishments::settle_all();
			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(CHARLIE), ALICE));
		});
	}
}

/// Owners may ask more of their delegators than the chain's `MinDelegation`.
mod set_min_delegation {
	use super::*;

	fn set_min(owner: AccountId, min: Balance) {
		assert_ok!(ProviderStaking::set_min_delegation(RuntimeOrigin::signed(owner), min));
	}

	#[test]
	fn records_the_minimum_and_refuses_smaller_delegations() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_ok!(ProviderStaking::set_min_delegation(RuntimeOrigin::signed(ALICE), 500));

			assert_eq!(OwnerMinDelegation::<Test>::get(ALICE), Some(500));
			assert_eq!(last_staking_event(), Event::MinDelegationSet { owner: ALICE, min: 500 });
			assert_noop!(
				ProviderStaking::delegate(RuntimeOrigin::signed(CHARLIE), ALICE, 499),
				Error::<Test>::BelowOwnerMinimum
			);
			delegate(CHARLIE, ALICE, 500);
			// Top-ups count the delegation as a whole.
			delegate(CHARLIE, ALICE, 1);
			assert_eq!(delegation(ALICE, CHARLIE).active, 501);
			// Other providers keep the chain's minimum.
			bond(BOB, 2_000);
			delegate(CHARLIE, BOB, MinDelegation::get());
		});
	}

	#[test]
	fn delegations_already_below_it_stay_but_cannot_grow_below_it() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 200);
			set_min(ALICE, 500);

			assert_eq!(delegation(ALICE, CHARLIE).active, 200);
			assert_noop!(
				ProviderStaking::delegate(RuntimeOrigin::signed(CHARLIE), ALICE, 100),
				Error::<Test>::BelowOwnerMinimum
			);
			delegate(CHARLIE, ALICE, 300);
			assert_eq!(delegation(ALICE, CHARLIE).active, 500);
			// Leaving is never blocked by it.
			undelegate(CHARLIE, ALICE, 500);
		});
	}

	#[test]
	fn the_chain_minimum_still_applies_below_it() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			set_min(ALICE, MinDelegation::get() / 2);
			assert_noop!(
				ProviderStaking::delegate(
					RuntimeOrigin::signed(CHARLIE),
					ALICE,
					MinDelegation::get() - 1
				),
				Error::<Test>::DelegationBelowMinimum
			);
			delegate(CHARLIE, ALICE, MinDelegation::get());
		});
	}

	#[test]
	fn zero_removes_the_minimum() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			set_min(ALICE, 500);
			assert_ok!(ProviderStaking::set_min_delegation(RuntimeOrigin::signed(ALICE), 0));

			assert!(!OwnerMinDelegation::<Test>::contains_key(ALICE));
			assert_eq!(last_staking_event(), Event::MinDelegationSet { owner: ALICE, min: 0 });
			delegate(CHARLIE, ALICE, MinDelegation::get());
		});
	}

	#[test]
	fn needs_a_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				ProviderStaking::set_min_delegation(RuntimeOrigin::signed(ALICE), 500),
				Error::<Test>::NotBonded
			);
			// A delegator is no owner either.
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 300);
			assert_noop!(
				ProviderStaking::set_min_delegation(RuntimeOrigin::signed(CHARLIE), 500),
				Error::<Test>::NotBonded
			);
		});
	}

	#[test]
	fn goes_with_the_ledger() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			set_min(ALICE, 500);
			unbond(ALICE, 2_000);
			run_to_block(1 + UnbondingPeriod::get());
			assert_ok!(ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));
			assert!(!OwnerMinDelegation::<Test>::contains_key(ALICE));

			// A slash that empties the ledger takes it too.
			bond(BOB, 2_000);
			set_min(BOB, 500);
			let exposure = <ProviderStaking as ProviderStakeSlashing<_, _>>::exposure(&BOB);
			<ProviderStaking as ProviderStakeSlashing<_, _>>::slash(&BOB, &exposure, 2_000, None);
			assert!(!Ledgers::<Test>::contains_key(BOB));
			assert!(!OwnerMinDelegation::<Test>::contains_key(BOB));
		});
	}
}

mod provider_stake {
	use super::*;

	type Stake = crate::Pallet<Test>;

	#[test]
	fn required_stake_is_base_plus_per_gpu() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(<Stake as ProviderStake<_, _>>::required_stake(0), 1_000);
			assert_eq!(<Stake as ProviderStake<_, _>>::required_stake(4), 3_000);
			assert_eq!(<Stake as ProviderStake<_, _>>::required_stake(u32::MAX), 2_147_483_648_500);
		});
	}

	#[test]
	fn own_stake_counts_the_active_bond_only() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(<Stake as ProviderStake<_, _>>::own_stake(&ALICE), 0);
			bond(ALICE, 3_000);
			unbond(ALICE, 1_000);
			delegate(CHARLIE, ALICE, 500);
			assert_eq!(<Stake as ProviderStake<_, _>>::own_stake(&ALICE), 2_000);
		});
	}

	#[test]
	fn total_backing_adds_active_delegations() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 3_000);
			unbond(ALICE, 1_000);
			delegate(CHARLIE, ALICE, 500);
			delegate(DAVE, ALICE, 700);
			undelegate(DAVE, ALICE, 200);
			assert_eq!(<Stake as ProviderStake<_, _>>::total_backing(&ALICE), 3_000);
			assert_eq!(<Stake as ProviderStake<_, _>>::total_backing(&BOB), 0);
		});
	}

	#[test]
	fn sufficient_stake_compares_the_own_bond_with_the_requirement() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			// Delegations do not count towards the owner's requirement.
			delegate(CHARLIE, ALICE, 5_000);
			assert!(<Stake as ProviderStake<_, _>>::has_sufficient_stake(&ALICE, 2));
			assert!(!<Stake as ProviderStake<_, _>>::has_sufficient_stake(&ALICE, 3));
			assert!(!<Stake as ProviderStake<_, _>>::has_sufficient_stake(&BOB, 0));
		});
	}
}

/// Slashes are first-loss and fixed at report time: the slashing pallet records the provider's
/// exposure when the offence is reported, the owner's bond pays first, and only the rest falls on
/// the delegators that exposure named, in proportion to what each held then.
mod slash {
	use super::*;
	use ember_primitives::SlashTaken;

	type Stake = crate::Pallet<Test>;

	/// The backers of `provider` and what each holds now, as recorded when an offence is
	/// reported.
	fn exposure(provider: AccountId) -> Vec<(AccountId, Balance)> {
		<Stake as ProviderStakeSlashing<_, _>>::exposure(&provider)
	}

	/// Slash `amount` from the backers named in an exposure recorded earlier.
	fn slash_exposed(
		provider: AccountId,
		exposure: &[(AccountId, Balance)],
		amount: Balance,
		beneficiary: Option<AccountId>,
	) -> SlashTaken<Balance> {
		<Stake as ProviderStakeSlashing<_, _>>::slash(
			&provider,
			exposure,
			amount,
			beneficiary.as_ref(),
		)
	}

	/// Slash the provider's backers as they stand now; returns the total taken.
	fn slash(provider: AccountId, amount: Balance, beneficiary: Option<AccountId>) -> Balance {
		slash_exposed(provider, &exposure(provider), amount, beneficiary).total()
	}

	fn taken(from_owner: Balance, from_delegators: Balance) -> SlashTaken<Balance> {
		SlashTaken { from_owner, from_delegators }
	}

	/// The `Slashed` events so far, oldest first.
	fn slashed_events() -> Vec<Event<Test>> {
		staking_events()
			.into_iter()
			.filter(|event| matches!(event, Event::Slashed { .. }))
			.collect()
	}

	/// Alice holds 3_000 (1_000 of it unbonding), Charlie 1_500 (active) and Dave 1_000 (400 of
	/// it unbonding).
	fn back_alice() {
		bond(ALICE, 3_000);
		unbond(ALICE, 1_000);
		delegate(CHARLIE, ALICE, 1_500);
		delegate(DAVE, ALICE, 1_000);
		undelegate(DAVE, ALICE, 400);
	}

	#[test]
	fn exposure_lists_the_owner_first_then_what_every_delegator_holds() {
		ExtBuilder::default().build_and_execute(|| {
			back_alice();

			// Unbonding funds count: they are as slashable as active ones.
			assert_eq!(exposure(ALICE), vec![(ALICE, 3_000), (CHARLIE, 1_500), (DAVE, 1_000)]);
			assert_eq!(<Stake as ProviderStakeSlashing<_, _>>::slashable_backing(&ALICE), 5_500);
			assert_eq!(exposure(BOB), vec![]);
		});
	}

	#[test]
	fn the_owner_bond_pays_first_and_the_beneficiary_receives_it() {
		ExtBuilder::default().build_and_execute(|| {
			back_alice();
			let treasury_before = free(TREASURY);
			let issuance_before = total_issuance();

			// Alice held 3_000 at the report: all 500 is hers to pay, active funds first.
			assert_eq!(slash_exposed(ALICE, &exposure(ALICE), 500, Some(TREASURY)), taken(500, 0));

			assert_eq!(ledger(ALICE).active, 1_500);
			assert_eq!(ledger(ALICE).unlocking_total(), 1_000);
			assert_eq!(bond_held(ALICE), 2_500);
			// The delegators are untouched.
			assert_eq!(delegation_held(CHARLIE), 1_500);
			assert_eq!(delegation_held(DAVE), 1_000);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 2_100);
			assert_eq!(free(TREASURY), treasury_before + 500);
			assert_eq!(total_issuance(), issuance_before);
			assert_eq!(
				slashed_events(),
				vec![Event::Slashed { provider: ALICE, who: ALICE, amount: 500 }]
			);
		});
	}

	#[test]
	fn only_what_the_owner_bond_cannot_cover_falls_on_the_delegators_in_proportion() {
		ExtBuilder::default().build_and_execute(|| {
			back_alice();
			let treasury_before = free(TREASURY);
			let issuance_before = total_issuance();

			// Alice pays all she held, 3_000; the other 500 splits 1_500 : 1_000 between
			// Charlie (300) and Dave (200, from his active stake).
			assert_eq!(
				slash_exposed(ALICE, &exposure(ALICE), 3_500, Some(TREASURY)),
				taken(3_000, 500)
			);

			assert!(!Ledgers::<Test>::contains_key(ALICE));
			assert_eq!(bond_held(ALICE), 0);
			assert_eq!(delegation(ALICE, CHARLIE).active, 1_200);
			assert_eq!(delegation(ALICE, DAVE).active, 400);
			assert_eq!(delegation(ALICE, DAVE).unlocking_total(), 400);
			assert_eq!(delegation_held(CHARLIE), 1_200);
			assert_eq!(delegation_held(DAVE), 800);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 1_600);
			assert_eq!(free(TREASURY), treasury_before + 3_500);
			assert_eq!(total_issuance(), issuance_before);
			assert_eq!(
				slashed_events(),
				vec![
					Event::Slashed { provider: ALICE, who: ALICE, amount: 3_000 },
					Event::Slashed { provider: ALICE, who: CHARLIE, amount: 300 },
					Event::Slashed { provider: ALICE, who: DAVE, amount: 200 },
				]
			);
		});
	}

	#[test]
	fn burns_without_a_beneficiary() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 2_000);
			let treasury_before = free(TREASURY);
			let issuance_before = total_issuance();

			// From the owner's hold and from the delegator's alike.
			assert_eq!(slash(ALICE, 3_000, None), 3_000);

			assert_eq!(bond_held(ALICE), 0);
			assert_eq!(delegation_held(CHARLIE), 1_000);
			assert_eq!(free(TREASURY), treasury_before);
			assert_eq!(total_issuance(), issuance_before - 3_000);
			assert_eq!(
				last_staking_event(),
				Event::Slashed { provider: ALICE, who: CHARLIE, amount: 1_000 }
			);
		});
	}

	#[test]
	fn takes_active_first_then_the_latest_chunks() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 100);
			advance_blocks(1);
			unbond(ALICE, 200);
			advance_blocks(1);
			unbond(ALICE, 300);

			// 1_400 active, then all of the latest chunk and half of the one before.
			assert_eq!(slash(ALICE, 1_800, None), 1_800);

			assert_eq!(ledger(ALICE).active, 0);
			assert_eq!(ledger(ALICE).unlocking.into_inner(), chunks(&[(100, 11), (100, 12)]));
			assert_eq!(bond_held(ALICE), 200);
		});
	}

	#[test]
	fn leaves_rounding_dust_unslashed() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 1_000);
			delegate(CHARLIE, ALICE, 1_000);
			delegate(DAVE, ALICE, 1_000);
			delegate(EVE, ALICE, 1_000);

			// Alice pays her 1_000 in full; each third of the other 100 rounds down to 33.
			assert_eq!(slash_exposed(ALICE, &exposure(ALICE), 1_100, None), taken(1_000, 99));

			assert_eq!(bond_held(ALICE), 0);
			assert_eq!(delegation_held(CHARLIE), 967);
			assert_eq!(delegation_held(DAVE), 967);
			assert_eq!(delegation_held(EVE), 967);
		});
	}

	#[test]
	fn takes_everything_and_removes_records_when_the_backing_is_short() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			unbond(ALICE, 500);
			delegate(CHARLIE, ALICE, 1_000);
			undelegate(CHARLIE, ALICE, 1_000);
			delegate(DAVE, ALICE, 300);
			// Charlie's stake behind another provider is not touched.
			bond(BOB, 2_000);
			delegate(CHARLIE, BOB, 400);
			let treasury_before = free(TREASURY);

			assert_eq!(slash(ALICE, 1_000_000, Some(TREASURY)), 3_300);

			assert!(!Ledgers::<Test>::contains_key(ALICE));
			assert!(!Delegations::<Test>::contains_key(ALICE, CHARLIE));
			assert!(!Delegations::<Test>::contains_key(ALICE, DAVE));
			assert!(!ProviderDelegators::<Test>::contains_key(ALICE));
			assert!(!TotalDelegated::<Test>::contains_key(ALICE));
			assert_eq!(bond_held(ALICE), 0);
			assert_eq!(delegation_held(CHARLIE), 400);
			assert_eq!(delegation(BOB, CHARLIE).active, 400);
			assert_eq!(delegation_held(DAVE), 0);
			assert_eq!(free(TREASURY), treasury_before + 3_300);
		});
	}

	#[test]
	fn keeps_partly_slashed_delegators_listed() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 1_000);
			delegate(CHARLIE, ALICE, 1_000);
			delegate(DAVE, ALICE, 1_000);

			// Past Alice's 1_000, Charlie and Dave pay 150 each.
			assert_eq!(slash(ALICE, 1_300, None), 1_300);

			assert_eq!(delegation(ALICE, CHARLIE).active, 850);
			assert_eq!(delegation(ALICE, DAVE).active, 850);
			assert_eq!(delegators_of(ALICE), vec![CHARLIE, DAVE]);
		});
	}

	#[test]
	fn burns_what_the_beneficiary_cannot_receive() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			let issuance_before = total_issuance();

			// NOBODY does not exist and the amount is below the existential deposit.
			assert_eq!(slash(ALICE, EXISTENTIAL_DEPOSIT - 1, Some(NOBODY)), 9);

			assert_eq!(free(NOBODY), 0);
			assert_eq!(bond_held(ALICE), 1_991);
			assert_eq!(total_issuance(), issuance_before - 9);
		});
	}

	#[test]
	fn nothing_happens_without_backing_or_amount() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(slash(ALICE, 1_000, Some(TREASURY)), 0);
			bond(ALICE, 2_000);
			assert_eq!(slash(ALICE, 0, Some(TREASURY)), 0);
			assert_eq!(bond_held(ALICE), 2_000);
			assert!(slashed_events().is_empty());
		});
	}

	#[test]
	fn delegators_of_a_closed_ledger_are_still_slashed() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 1_000);
			unbond(ALICE, 2_000);
			run_to_block(1 + UnbondingPeriod::get());
			assert_ok!(ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));
			assert!(!Ledgers::<Test>::contains_key(ALICE));

			// Reported after the owner left: there is no owner's bond to go first.
			assert_eq!(exposure(ALICE), vec![(CHARLIE, 1_000)]);
			assert_eq!(slash_exposed(ALICE, &exposure(ALICE), 100, None), taken(0, 100));
			assert_eq!(delegation_held(CHARLIE), 900);
		});
	}

	#[test]
	fn a_late_delegator_pays_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 1_000);
			delegate(CHARLIE, ALICE, 1_000);
			let reported = exposure(ALICE);
			// Dave backs Alice after the offence was reported.
			delegate(DAVE, ALICE, 2_000);

			// Past Alice's 1_000, the exposure names Charlie alone: he pays all of the rest.
			assert_eq!(slash_exposed(ALICE, &reported, 1_600, None), taken(1_000, 600));

			assert_eq!(delegation_held(CHARLIE), 400);
			assert_eq!(delegation(ALICE, DAVE).active, 2_000);
			assert_eq!(delegation_held(DAVE), 2_000);
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 2_400);
			assert!(!slashed_events()
				.iter()
				.any(|event| matches!(event, Event::Slashed { who: DAVE, .. })));
		});
	}

	#[test]
	fn a_displaced_delegator_pays_for_what_its_exposure_named() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 1_000);
			delegate(CHARLIE, ALICE, 100);
			delegate(DAVE, ALICE, 200);
			delegate(EVE, ALICE, 300);
			let reported = exposure(ALICE);
			// A larger delegation takes Charlie's slot; his 100 unbonds, still slashable.
			delegate(FERDIE, ALICE, 400);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![CHARLIE]);
			assert_eq!(delegation(ALICE, CHARLIE).active, 0);

			// Past Alice's 1_000, the other 300 splits 100 : 200 : 300 over the delegators the
			// report named; Ferdie came later and pays nothing.
			assert_eq!(slash_exposed(ALICE, &reported, 1_300, None), taken(1_000, 300));

			assert_eq!(delegation(ALICE, CHARLIE).unlocking_total(), 50);
			assert_eq!(delegation_held(CHARLIE), 50);
			assert_eq!(delegation_held(DAVE), 100);
			assert_eq!(delegation_held(EVE), 150);
			assert_eq!(delegation_held(FERDIE), 400);
			// Only active stake counts in the total: Dave's, Eve's and Ferdie's.
			assert_eq!(TotalDelegated::<Test>::get(ALICE), 650);
			assert_eq!(DisplacedDelegators::<Test>::get(ALICE).into_inner(), vec![CHARLIE]);

			// A later report still names him, from the displaced list; emptied, he is forgotten.
			assert!(exposure(ALICE).contains(&(CHARLIE, 50)));
			assert_eq!(slash(ALICE, 1_000_000, None), 700);
			assert!(!Delegations::<Test>::contains_key(ALICE, CHARLIE));
			assert!(!DisplacedDelegators::<Test>::contains_key(ALICE));
			assert!(!ProviderDelegators::<Test>::contains_key(ALICE));
		});
	}

	#[test]
	fn a_delegator_pays_at_most_what_it_still_holds() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 1_000);
			delegate(CHARLIE, ALICE, 1_000);
			delegate(DAVE, ALICE, 1_000);
			let reported = exposure(ALICE);
			// Charlie takes 800 out before the slash lands.
			undelegate(CHARLIE, ALICE, 800);
			run_to_block(1 + UnbondingPeriod::get());
			assert_ok!(ProviderStaking::withdraw_delegation(RuntimeOrigin::signed(CHARLIE), ALICE));

			// Past Alice's 1_000, the other 1_000 falls 500 on each; Charlie has only 200 left,
			// and what he cannot pay does not fall on Dave.
			assert_eq!(slash_exposed(ALICE, &reported, 2_000, None), taken(1_000, 700));

			assert!(!Delegations::<Test>::contains_key(ALICE, CHARLIE));
			assert_eq!(delegators_of(ALICE), vec![DAVE]);
			assert_eq!(delegation_held(CHARLIE), 0);
			assert_eq!(delegation_held(DAVE), 500);
		});
	}

	#[test]
	fn delegators_never_pay_for_what_the_owner_withdrew() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 3_000);
			delegate(CHARLIE, ALICE, 1_000);
			let reported = exposure(ALICE);
			unbond(ALICE, 2_000);
			run_to_block(1 + UnbondingPeriod::get());
			assert_ok!(ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));

			// Alice held 3_000 at the report, so 2_500 is all hers; she pays the 1_000 she has.
			assert_eq!(slash_exposed(ALICE, &reported, 2_500, None), taken(1_000, 0));

			assert!(!Ledgers::<Test>::contains_key(ALICE));
			assert_eq!(delegation_held(CHARLIE), 1_000);
		});
	}

	#[test]
	fn reports_a_bond_left_below_what_the_gpus_require() {
		ExtBuilder::default().build_and_execute(|| {
			// Base 1_000 + 2 × 500.
			bond(ALICE, 2_500);
			MockRegistry::register(ALICE, 2);

			assert_eq!(slash(ALICE, 400, None), 400);
			assert_eq!(
				last_staking_event(),
				Event::Slashed { provider: ALICE, who: ALICE, amount: 400 }
			);

			assert_eq!(slash(ALICE, 200, None), 200);
			assert_eq!(
				last_staking_event(),
				Event::BondBelowRequired { owner: ALICE, bonded: 1_900, required: 2_000 }
			);
			assert!(!<Stake as ProviderStake<_, _>>::has_sufficient_stake(&ALICE, 2));
		});
	}
}

mod records {
	use super::*;

	#[test]
	fn take_reports_what_came_from_active() {
		let mut record = Delegation::<Test> { active: 100, ..Delegation::<Test>::new() };
		record.unlocking = BoundedVec::truncate_from(chunks(&[(50, 5), (30, 6)]));

		assert_eq!(record.take(120), (100, 120));
		assert_eq!(record.unlocking.into_inner(), chunks(&[(50, 5), (10, 6)]));
	}

	#[test]
	fn take_stops_at_what_is_held() {
		let mut record = Delegation::<Test> { active: 100, ..Delegation::<Test>::new() };
		record.unlocking = BoundedVec::truncate_from(chunks(&[(50, 5)]));

		assert_eq!(record.take(1_000), (100, 150));
		assert!(record.is_empty());
	}
}

/// Rewards earned on the old terms are paid before the terms change.
mod observer {
	use super::*;

	#[test]
	fn every_change_of_backing_or_commission_is_announced_first() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			assert_ok!(ProviderStaking::bond_extra(RuntimeOrigin::signed(ALICE), 100));
			unbond(ALICE, 100);
			assert_ok!(ProviderStaking::rebond(RuntimeOrigin::signed(ALICE), 50));
			assert_ok!(ProviderStaking::set_commission(
				RuntimeOrigin::signed(ALICE),
				Perbill::from_percent(5)
			));
			delegate(BOB, ALICE, 500);
			undelegate(BOB, ALICE, 100);
			let exposure = <ProviderStaking as ProviderStakeSlashing<_, _>>::exposure(&ALICE);
			<ProviderStaking as ProviderStakeSlashing<_, _>>::slash(&ALICE, &exposure, 10, None);
			assert_eq!(MockObserver::taken(), vec![ALICE; 8]);

			// Withdrawing what already left the backing changes nothing that earns.
			System::set_block_number(100);
			assert_ok!(ProviderStaking::withdraw_unbonded(RuntimeOrigin::signed(ALICE)));
			assert!(MockObserver::taken().is_empty());
		});
	}
}

/// Storage written by earlier versions of the pallet reads in the current format after the
/// migrations.
mod migrations {
	use super::*;
	use codec::Encode;
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};

	/// Rewrite the delegation of `delegator` behind `provider` as version 0 stored it: the
	/// fields of today's record followed by `since`, the block of its last change.
	fn store_as_v0(provider: AccountId, delegator: AccountId, since: BlockNumber) -> Vec<u8> {
		let record = delegation(provider, delegator);
		let old = (record.active, record.unlocking.into_inner(), since).encode();
		unhashed::put_raw(&Delegations::<Test>::hashed_key_for(provider, delegator), &old);
		old
	}

	fn raw(provider: AccountId, delegator: AccountId) -> Option<Vec<u8>> {
		unhashed::get_raw(&Delegations::<Test>::hashed_key_for(provider, delegator))
	}

	#[test]
	fn v1_drops_since_from_every_delegation() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			bond(BOB, 2_000);
			delegate(CHARLIE, ALICE, 500);
			undelegate(CHARLIE, ALICE, 200);
			delegate(DAVE, ALICE, 300);
			delegate(CHARLIE, BOB, 400);
			let expected: Vec<_> = [(ALICE, CHARLIE), (ALICE, DAVE), (BOB, CHARLIE)]
				.into_iter()
				.map(|(provider, delegator)| (provider, delegator, delegation(provider, delegator)))
				.collect();
			for (index, (provider, delegator, record)) in expected.iter().enumerate() {
				let old = store_as_v0(*provider, *delegator, 7 + index as BlockNumber);
				// The old value carries eight more bytes: `since`.
				assert_eq!(old.len(), record.encode().len() + 8);
			}
			StorageVersion::new(0).put::<ProviderStaking>();

			crate::migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();

			assert_eq!(ProviderStaking::on_chain_storage_version(), StorageVersion::new(1));
			assert_eq!(Delegations::<Test>::iter().count(), expected.len());
			for (provider, delegator, record) in &expected {
				assert_eq!(raw(*provider, *delegator), Some(record.encode()));
				assert_eq!(&delegation(*provider, *delegator), record);
			}
			assert_eq!(
				delegation(ALICE, CHARLIE).unlocking.into_inner(),
				chunks(&[(200, 1 + UnbondingPeriod::get())])
			);
		});
	}

	#[test]
	fn v1_runs_once() {
		ExtBuilder::default().build_and_execute(|| {
			bond(ALICE, 2_000);
			delegate(CHARLIE, ALICE, 500);
			StorageVersion::new(1).put::<ProviderStaking>();
			// A value the migration would rewrite, were it to run again.
			let old = store_as_v0(ALICE, CHARLIE, 7);

			crate::migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();

			assert_eq!(raw(ALICE, CHARLIE), Some(old));
			assert_eq!(ProviderStaking::on_chain_storage_version(), StorageVersion::new(1));
		});
	}
}

mod genesis;
