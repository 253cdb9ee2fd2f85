//! Property tests: random liveness checks, settlements (own-side and not), outages, pauses, claims,
//! share changes and blocks over many eras. After every block the pallet's invariants hold
//! (issuance reconciles); at the end, what providers were paid plus what the pot still holds is
//! exactly what was minted for them, and the pot holds nothing but what it carries and rounding.

use crate::{mock::*, *};
use ember_primitives::{DeliveredGpuTime, ProviderLifecycle};
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	tokens::{Fortitude, Precision, Preservation},
};
use proptest::prelude::*;
use sp_core::H256;
use sp_runtime::Perbill;

const PROVIDERS: [AccountId; 2] = [PROVIDER_A, PROVIDER_B];
const TENANTS: [AccountId; 3] = [TENANT, AGENT_A, DELEGATOR_A];

#[derive(Clone, Debug)]
enum Op {
	Heartbeat(usize),
	Deliver { provider: usize, tenant: usize, blocks: u32, fee: Balance },
	Offline(usize),
	Pause(usize, bool),
	Claim(usize),
	Advance(u64),
	Bonus(u32),
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		4 => (0..2usize).prop_map(Op::Heartbeat),
		3 => (0..2usize, 0..3usize, 0..50u32, 0..5_000u128)
			.prop_map(|(provider, tenant, blocks, fee)| Op::Deliver { provider, tenant, blocks, fee }),
		1 => (0..2usize).prop_map(Op::Offline),
		1 => (0..2usize, any::<bool>()).prop_map(|(provider, paused)| Op::Pause(provider, paused)),
		2 => (0..2usize).prop_map(Op::Claim),
		4 => (1..60u64).prop_map(Op::Advance),
		1 => (0..=300u32).prop_map(Op::Bonus),
	]
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

	#[test]
	fn rewards_are_conserved_and_issuance_reconciles(ops in prop::collection::vec(op(), 1..120)) {
		new_test_ext().execute_with(|| {
			MockAuthor::set(Some(VALIDATOR_1));
			MockBacking::set(
				PROVIDER_A,
				Perbill::from_percent(20),
				vec![(PROVIDER_A, 1_000), (DELEGATOR_A, 500)],
			);
			let genesis = Balances::total_issuance();
			let mut burned: Balance = 0;
			let mut claimed: Balance = 0;
			for op in ops {
				let now = System::block_number();
				match op {
					Op::Heartbeat(p) => {
						<Emissions as ProviderLifecycle<_, _>>::heard_from(&PROVIDERS[p], now);
					},
					Op::Deliver { provider, tenant, blocks, fee } => {
						let tenant = TENANTS[tenant];
						Balances::burn_from(
							&tenant, fee, Preservation::Expendable, Precision::Exact, Fortitude::Force,
						).unwrap();
						burned += fee;
						let gpus = [H256::repeat_byte(0x01), H256::repeat_byte(0x11)];
						<Emissions as DeliveredGpuTime<_, _>>::delivered(
							&PROVIDERS[provider], &tenant, 0, &gpus, blocks, fee * 50, fee,
						);
					},
					Op::Offline(p) => {
						<Emissions as ProviderLifecycle<_, _>>::went_offline(&PROVIDERS[p], now);
					},
					Op::Pause(p, paused) => MockRegistry::set_paused(PROVIDERS[p], paused),
					Op::Claim(p) => {
						let before: Balance = [PROVIDERS[p], DELEGATOR_A].iter().map(Balances::balance).sum();
						let pending = Emissions::pending_rewards(&PROVIDERS[p]).claimable;
						match Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDERS[p]) {
							Ok(_) => {
								let after: Balance = [PROVIDERS[p], DELEGATOR_A].iter().map(Balances::balance).sum();
								prop_assert_eq!(after - before, pending.total);
								claimed += pending.total;
							},
							Err(_) => prop_assert_eq!(pending.total, 0),
						}
					},
					Op::Advance(blocks) => run_to_block(now + blocks),
					Op::Bonus(percent) => {
						let params = RewardParams { lease_bonus_percent: percent, ..Rewards::<Test>::get() };
						Emissions::set_reward_params(RuntimeOrigin::root(), params).unwrap();
					},
				}
				check_invariants();
			}

			// Close the era in progress and one more, touching every record after each close
			// (what the bonus cap withheld returns to the pot when a record is next touched),
			// then claim everything.
			MockRegistry::set_paused(PROVIDER_A, true);
			MockRegistry::set_paused(PROVIDER_B, true);
			for _ in 0..2 {
				run_to_block(CurrentEra::<Test>::get().start + ERA_LENGTH);
				for provider in PROVIDERS {
					let now = System::block_number();
					<Emissions as ProviderLifecycle<_, _>>::heard_from(&provider, now);
				}
			}
			for provider in PROVIDERS {
				if Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), provider).is_ok() {
					claimed += System::events().iter().rev().find_map(|record| match record.event {
						RuntimeEvent::Emissions(Event::RewardsClaimed { total, .. }) => Some(total),
						_ => None,
					}).unwrap_or(0);
				}
			}
			let (mut minted, mut to_providers) = (0, 0);
			for record in System::events() {
				if let RuntimeEvent::Emissions(Event::EraClosed { to_authors, to_treasury, to_providers: p, .. }) = record.event {
					minted += to_authors + to_treasury + p;
					to_providers += p;
				}
			}
			prop_assert_eq!(Balances::total_issuance(), genesis + minted - burned);
			// Nothing is owed any more: the pot holds only what it carries (and its deposit).
			let pot = Balances::balance(&Emissions::pot_account());
			prop_assert_eq!(claimed + pot - EXISTENTIAL_DEPOSIT, to_providers);
			// Beyond what it carries, only the rounding of each provider's share down.
			let dust = pot - EXISTENTIAL_DEPOSIT - Carried::<Test>::get();
			let eras = u128::from(CurrentEra::<Test>::get().index);
			prop_assert!(dust <= 2 * eras, "{} left in the pot over {} eras", dust, eras);
			Ok(())
		})?;
	}
}
