//! Bonds held in genesis: held as `bond` holds them, with the same checks.

use super::*;
use crate::GenesisConfig;
use frame_support::traits::BuildGenesisConfig;

#[test]
fn genesis_bonds_are_held_and_recorded() {
	ExtBuilder::default().build_and_execute(|| {
		GenesisConfig::<Test> { provider_bonds: vec![(ALICE, 5_000), (BOB, 1_000)] }.build();
		assert_eq!(ledger(ALICE).active, 5_000);
		assert_eq!(bond_held(ALICE), 5_000);
		assert_eq!(bond_held(BOB), 1_000);
		assert_eq!(Balances::free_balance(ALICE), INITIAL_BALANCE - 5_000);
	});
}

#[test]
#[should_panic(expected = "BondBelowMinimum")]
fn a_genesis_bond_below_the_minimum_is_refused() {
	ExtBuilder::default().build().execute_with(|| {
		GenesisConfig::<Test> { provider_bonds: vec![(ALICE, 999)] }.build();
	});
}

#[test]
#[should_panic(expected = "AlreadyBonded")]
fn an_owner_bonds_once_in_genesis() {
	ExtBuilder::default().build().execute_with(|| {
		GenesisConfig::<Test> { provider_bonds: vec![(ALICE, 1_000), (ALICE, 2_000)] }.build();
	});
}
