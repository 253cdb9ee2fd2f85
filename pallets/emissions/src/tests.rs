//! Tests of the emissions pallet on the mock runtime.

use crate::{mock::*, *};
use ember_primitives::{
	BackingObserver, BurnLedger, DeliveredGpuTime, GpuModelName, ProviderBacking,
	ProviderLifecycle, ProviderStatus,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

/// The registry's liveness check hears from `provider`, its latest heartbeat at `at`, in block
/// `at` (or later, if the test is past it).
fn heard_from(provider: AccountId, at: BlockNumber) -> frame_support::weights::Weight {
	System::set_block_number(at.max(System::block_number()));
	<Emissions as ProviderLifecycle<_, _>>::heard_from(&provider, at)
}

/// A settlement of `blocks` blocks of the GPUs tagged `tags`, burning `fee` from the tenant as
/// the lease market does.
fn deliver(provider: AccountId, tenant: AccountId, tags: &[u8], blocks: u32, fee: Balance) {
	Balances::burn_from(&tenant, fee, Preservation::Expendable, Precision::Exact, Fortitude::Force)
		.expect("the tenant can pay the fee");
	let gpus: Vec<H256> = tags.iter().map(|tag| H256::repeat_byte(*tag)).collect();
	<Emissions as DeliveredGpuTime<_, _>>::delivered(
		&provider,
		&tenant,
		0,
		&gpus,
		blocks,
		fee * 50,
		fee,
	);
}

fn record(provider: AccountId) -> ProviderRewards<BlockNumber> {
	ProviderPoints::<Test>::get(provider).expect("the provider has a record")
}

fn balance(who: AccountId) -> Balance {
	Balances::balance(&who)
}

fn era_closed_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Emissions(event @ Event::EraClosed { .. }) => Some(event),
			_ => None,
		})
		.collect()
}

/// A's two H100s earn 60,000 points and B's two unrated GPUs 4,000 in era 0: 125 per point.
fn earn_round_points() {
	heard_from(PROVIDER_A, 5);
	heard_from(PROVIDER_B, 5);
	heard_from(PROVIDER_A, 15); // 10 blocks × 2,000
	heard_from(PROVIDER_A, 35); // 20 blocks × 2,000
	heard_from(PROVIDER_B, 15); // 10 blocks × 200
	heard_from(PROVIDER_B, 25); // 10 blocks × 200
}

/// Genesis and the schedule.
mod genesis {
	use super::*;

	#[test]
	fn genesis_fixes_the_supply_the_first_era_and_the_accounts_it_pays_from() {
		new_test_ext().execute_with(|| {
			assert_eq!(Schedule::<Test>::get().initial_supply, 1_000_000_000);
			assert_eq!(Balances::total_issuance(), 1_000_000_000);
			let era = CurrentEra::<Test>::get();
			assert_eq!(
				era,
				EraInfo {
					index: 0,
					start: 0,
					emission: ERA_EMISSION,
					author_reward: AUTHOR_REWARD,
					to_treasury: TREASURY_SHARE,
					to_providers: PROVIDERS_SHARE,
					to_authors: 0,
					points: 0,
				}
			);
			assert_eq!(balance(Emissions::pot_account()), EXISTENTIAL_DEPOSIT);
			assert_eq!(balance(TREASURY), EXISTENTIAL_DEPOSIT);
			assert_eq!(Issuance::<Test>::get().expected(), Balances::total_issuance());
			let h100 = GpuModelName::try_from(b"NVIDIA H100 80GB HBM3".to_vec()).unwrap();
			assert_eq!(ClassScores::<Test>::get(h100), Some(H100_SCORE));
		});
	}

	#[test]
	fn a_new_schedule_applies_from_the_next_era() {
		new_test_ext().execute_with(|| {
			let doubled = ScheduleParams {
				initial_annual_rate: Perbill::from_percent(20),
				..Schedule::<Test>::get()
			};
			assert_ok!(Emissions::set_schedule(RuntimeOrigin::root(), doubled));
			System::assert_last_event(Event::ScheduleSet { params: doubled }.into());
			assert_eq!(CurrentEra::<Test>::get().emission, ERA_EMISSION);
			run_to_block(ERA_LENGTH);
			assert_eq!(CurrentEra::<Test>::get().emission, 2 * ERA_EMISSION);
		});
	}

	#[test]
	fn the_emission_decays_era_by_era() {
		new_test_ext().execute_with(|| {
			let halving = ScheduleParams { half_life_eras: 2, ..Schedule::<Test>::get() };
			assert_ok!(Emissions::set_schedule(RuntimeOrigin::root(), halving));
			let view = Emissions::schedule_view(5);
			let emissions: Vec<Balance> = view.next_emissions.iter().map(|(_, e)| *e).collect();
			assert_eq!(emissions[0], ERA_EMISSION);
			assert_eq!(emissions[2], ERA_EMISSION / 2);
			assert_eq!(emissions[4], ERA_EMISSION / 4);
			// One era in: 2^(-1/2) of the first.
			assert!(emissions[1].abs_diff(7_071_067) <= 1, "{}", emissions[1]);
			run_to_block(2 * ERA_LENGTH);
			assert_eq!(CurrentEra::<Test>::get().emission, ERA_EMISSION / 2);
		});
	}

	#[test]
	fn governance_checks_the_schedule() {
		new_test_ext().execute_with(|| {
			let current = Schedule::<Test>::get();
			assert_noop!(
				Emissions::set_schedule(RuntimeOrigin::signed(TENANT), current),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Emissions::set_schedule(
					RuntimeOrigin::root(),
					ScheduleParams { eras_per_year: 0, ..current }
				),
				Error::<Test>::ZeroErasPerYear
			);
			assert_noop!(
				Emissions::set_schedule(
					RuntimeOrigin::root(),
					ScheduleParams { tail_annual_rate: Perbill::from_percent(11), ..current }
				),
				Error::<Test>::TailAboveInitial
			);
		});
	}

	#[test]
	fn governance_checks_the_shares_and_the_bonus() {
		new_test_ext().execute_with(|| {
			let current = Rewards::<Test>::get();
			assert_noop!(
				Emissions::set_reward_params(RuntimeOrigin::signed(TENANT), current),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Emissions::set_reward_params(
					RuntimeOrigin::root(),
					RewardParams {
						validators_share: Perbill::from_percent(60),
						treasury_share: Perbill::from_percent(41),
						..current
					}
				),
				Error::<Test>::SharesExceedWhole
			);
			assert_noop!(
				Emissions::set_reward_params(
					RuntimeOrigin::root(),
					RewardParams { lease_bonus_percent: 301, ..current }
				),
				Error::<Test>::BonusTooHigh
			);
			let all_to_treasury = RewardParams {
				validators_share: Perbill::zero(),
				treasury_share: Perbill::one(),
				..current
			};
			assert_ok!(Emissions::set_reward_params(RuntimeOrigin::root(), all_to_treasury));
			System::assert_last_event(Event::RewardParamsSet { params: all_to_treasury }.into());
			// The era in progress keeps its split; the next one pays authors and providers
			// nothing.
			run_to_block(ERA_LENGTH);
			let era = CurrentEra::<Test>::get();
			assert_eq!(
				(era.author_reward, era.to_treasury, era.to_providers),
				(0, ERA_EMISSION, 0)
			);
		});
	}
}

/// Authors, treasury and the era close.
mod eras {
	use super::*;

	#[test]
	fn each_block_pays_its_author() {
		new_test_ext().execute_with(|| {
			MockAuthor::set(Some(VALIDATOR_1));
			run_to_block(10);
			MockAuthor::set(Some(VALIDATOR_2));
			run_to_block(30);
			MockAuthor::set(None);
			run_to_block(40);
			assert_eq!(balance(VALIDATOR_1), INITIAL_BALANCE + 9 * AUTHOR_REWARD);
			assert_eq!(balance(VALIDATOR_2), INITIAL_BALANCE + 20 * AUTHOR_REWARD);
			assert_eq!(CurrentEra::<Test>::get().to_authors, 29 * AUTHOR_REWARD);
			assert_eq!(Issuance::<Test>::get().minted, 29 * AUTHOR_REWARD);
		});
	}

	#[test]
	fn an_era_without_points_pays_the_treasury_and_mints_nothing_for_providers() {
		new_test_ext().execute_with(|| {
			MockAuthor::set(Some(VALIDATOR_1));
			let before = Balances::total_issuance();
			run_to_block(ERA_LENGTH);
			let to_authors = (ERA_LENGTH - 1) as Balance * AUTHOR_REWARD;
			assert_eq!(
				era_closed_events(),
				vec![Event::EraClosed {
					era: 0,
					to_authors,
					to_treasury: TREASURY_SHARE,
					to_providers: 0,
					points: 0,
					reward_per_point: 0,
					burned: 0,
					issuance: before + to_authors + TREASURY_SHARE,
					next_emission: ERA_EMISSION,
				}]
			);
			assert_eq!(balance(TREASURY), EXISTENTIAL_DEPOSIT + TREASURY_SHARE);
			assert_eq!(balance(Emissions::pot_account()), EXISTENTIAL_DEPOSIT);
			assert_eq!(CurrentEra::<Test>::get().index, 1);
			assert_eq!(CurrentEra::<Test>::get().start, ERA_LENGTH);
			assert_eq!(
				Issuance::<Test>::get(),
				IssuanceLedger { start: Balances::total_issuance(), minted: 0, burned: 0 }
			);
		});
	}

	#[test]
	fn an_era_with_points_funds_the_pot_at_one_rate() {
		new_test_ext().execute_with(|| {
			earn_round_points();
			assert_eq!(CurrentEra::<Test>::get().points, 64_000);
			run_to_block(ERA_LENGTH);
			assert_eq!(
				EraRewardPerPoint::<Test>::get(0),
				Some(sp_arithmetic::FixedU128::from_u32(125))
			);
			assert_eq!(balance(Emissions::pot_account()), EXISTENTIAL_DEPOSIT + PROVIDERS_SHARE);
			assert_eq!(Carried::<Test>::get(), 0);
			// Closing the era touched no provider record.
			assert_eq!(record(PROVIDER_A).unclaimed, 0);
			assert_eq!(record(PROVIDER_A).points, 60_000);
		});
	}

	#[test]
	fn an_era_s_rate_is_kept_until_the_last_record_holding_its_points_folds() {
		new_test_ext().execute_with(|| {
			earn_round_points();
			assert_eq!(EraHolders::<Test>::get(0), 2);
			run_to_block(ERA_LENGTH);
			let rate = Some(sp_arithmetic::FixedU128::from_u32(125));
			assert_eq!(EraRewardPerPoint::<Test>::get(0), rate);

			// A earns again in era 1: its era-0 points are valued and it lets go of era 0.
			heard_from(PROVIDER_A, ERA_LENGTH + 5);
			assert_eq!(record(PROVIDER_A).unclaimed, 60_000 * 125);
			assert_eq!(EraHolders::<Test>::get(0), 1);
			assert_eq!(EraRewardPerPoint::<Test>::get(0), rate, "B still needs it");
			assert_eq!(EraHolders::<Test>::get(1), 1);

			// B, much later, is still paid at era 0's rate; then nothing needs it.
			run_to_block(3 * ERA_LENGTH);
			heard_from(PROVIDER_B, 3 * ERA_LENGTH + 1);
			assert_eq!(record(PROVIDER_B).unclaimed, 4_000 * 125);
			assert!(!EraHolders::<Test>::contains_key(0));
			assert_eq!(EraRewardPerPoint::<Test>::get(0), None);
			// Era 1's rate waits for A, and era 2, which nobody earned in, has none.
			assert!(EraRewardPerPoint::<Test>::get(1).is_some());
			assert_eq!(EraRewardPerPoint::<Test>::get(2), None);
			check_invariants();
		});
	}

	#[test]
	fn the_migration_counts_each_era_s_holders_and_drops_rates_nobody_holds() {
		use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
		new_test_ext().execute_with(|| {
			earn_round_points();
			run_to_block(ERA_LENGTH);
			heard_from(PROVIDER_A, ERA_LENGTH + 5);
			run_to_block(4 * ERA_LENGTH);
			// As version 0 left it: no counts, and a rate for every era that had points (era 3
			// stands for one whose last holder has folded since).
			let _ = EraHolders::<Test>::clear(u32::MAX, None);
			EraRewardPerPoint::<Test>::insert(3, sp_arithmetic::FixedU128::from_u32(1));
			StorageVersion::new(0).put::<Pallet<Test>>();

			crate::migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
			// B holds era 0's points, A era 1's.
			assert_eq!(EraHolders::<Test>::iter().collect::<Vec<_>>().len(), 2);
			assert_eq!((EraHolders::<Test>::get(0), EraHolders::<Test>::get(1)), (1, 1));
			assert!(EraRewardPerPoint::<Test>::get(0).is_some());
			assert!(EraRewardPerPoint::<Test>::get(1).is_some());
			// A stray rate of a closed era nobody holds is gone.
			assert_eq!(EraRewardPerPoint::<Test>::get(3), None);
			check_invariants();
		});
	}

	#[test]
	fn issuance_reconciles_over_many_eras_of_minting_and_burning() {
		new_test_ext().execute_with(|| {
			MockAuthor::set(Some(VALIDATOR_1));
			let genesis = Balances::total_issuance();
			let mut burned = 0;
			for era in 0..12u64 {
				let base = era * ERA_LENGTH;
				heard_from(PROVIDER_A, base + 1);
				heard_from(PROVIDER_A, base + 11);
				heard_from(PROVIDER_B, base + 1);
				heard_from(PROVIDER_B, base + 21);
				deliver(PROVIDER_A, TENANT, &[1], 10, 1_000 + era as Balance);
				burned += 1_000 + era as Balance;
				run_to_block(base + ERA_LENGTH / 2);
				if era % 3 == 1 {
					assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A));
				}
				run_to_block(base + ERA_LENGTH);
			}
			let minted: Balance = era_closed_events()
				.iter()
				.map(|event| match event {
					Event::EraClosed { to_authors, to_treasury, to_providers, .. } => {
						to_authors + to_treasury + to_providers
					},
					_ => 0,
				})
				.sum();
			assert_eq!(era_closed_events().len(), 12);
			assert_eq!(Balances::total_issuance(), genesis + minted - burned);
		});
	}

	#[test]
	fn a_burn_nobody_reported_breaks_reconciliation() {
		new_test_ext().execute_with(|| {
			Balances::burn_from(
				&TENANT,
				1,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Force,
			)
			.unwrap();
			assert!(Emissions::do_try_state(1).is_err());
			<Emissions as BurnLedger<_>>::burned(1);
			assert_ok!(Emissions::do_try_state(1));
		});
	}
}

/// Points for available and leased GPU-time.
mod points {
	use super::*;

	#[test]
	fn heartbeats_credit_the_time_between_them_weighted_by_class() {
		new_test_ext().execute_with(|| {
			earn_round_points();
			assert_eq!(record(PROVIDER_A).points, 60_000);
			assert_eq!(record(PROVIDER_B).points, 4_000);
			assert_eq!(record(PROVIDER_A).last_credit, Some(35));
		});
	}

	#[test]
	fn only_gpus_with_a_recent_proof_of_compute_earn_availability() {
		new_test_ext().execute_with(|| {
			let gpus = <MockRegistry as ember_primitives::ProviderRegistry<_>>::gpus(&PROVIDER_A);
			assert_eq!(gpus.len(), 2);
			heard_from(PROVIDER_A, 5);
			heard_from(PROVIDER_A, 15);
			let both = record(PROVIDER_A).points;
			assert_eq!(both, 10 * Emissions::score_of(gpus.iter()));

			// A GPU whose proof expired (or that never passed a challenge) earns nothing.
			MockProofs::set_proven(PROVIDER_A, gpus[0].uuid_hash, false);
			heard_from(PROVIDER_A, 25);
			let one = both + 10 * Emissions::score_of(gpus[1..].iter());
			assert_eq!(record(PROVIDER_A).points, one);

			MockProofs::set_proven(PROVIDER_A, gpus[1].uuid_hash, false);
			heard_from(PROVIDER_A, 35);
			assert_eq!(record(PROVIDER_A).points, one);

			// Proven again, it earns from its next heartbeat on.
			MockProofs::set_proven(PROVIDER_A, gpus[0].uuid_hash, true);
			heard_from(PROVIDER_A, 45);
			assert_eq!(record(PROVIDER_A).points, one + 10 * Emissions::score_of(gpus[..1].iter()));
		});
	}

	#[test]
	fn a_check_reuses_the_proven_score_until_a_proof_or_the_table_changes() {
		new_test_ext().execute_with(|| {
			let gpus = <MockRegistry as ember_primitives::ProviderRegistry<_>>::gpus(&PROVIDER_A);
			let both = Emissions::score_of(gpus.iter());
			let lifecycle = |at| heard_from(PROVIDER_A, at);
			let worked_out = <() as WeightInfo>::credit_availability(gpus.len() as u32);
			let kept = <() as WeightInfo>::credit_availability_cached();
			assert!(kept.all_lt(worked_out));

			// The first check only starts the count; the second works the score out.
			lifecycle(5);
			assert_eq!(lifecycle(15), worked_out);
			assert_eq!(ProvenScores::<Test>::get(PROVIDER_A).map(|kept| kept.score), Some(both));
			// The next ones read it back, and are charged for that alone.
			assert_eq!(lifecycle(25), kept);
			assert_eq!(record(PROVIDER_A).points, 20 * both);

			// A lost proof is seen at once.
			MockProofs::set_proven(PROVIDER_A, gpus[0].uuid_hash, false);
			assert_eq!(lifecycle(35), worked_out);
			let one = Emissions::score_of(gpus[1..].iter());
			assert_eq!(record(PROVIDER_A).points, 20 * both + 10 * one);

			// So is a new class score.
			assert_ok!(Emissions::set_class_score(
				RuntimeOrigin::root(),
				gpus[1].model.clone(),
				Some(7)
			));
			assert_eq!(lifecycle(45), worked_out);
			assert_eq!(record(PROVIDER_A).points, 20 * both + 10 * one + 10 * 7);
			assert_eq!(lifecycle(55), kept);
		});
	}

	#[test]
	fn a_proof_that_runs_out_stops_counting_at_its_end() {
		new_test_ext().execute_with(|| {
			let gpus = <MockRegistry as ember_primitives::ProviderRegistry<_>>::gpus(&PROVIDER_A);
			MockProofs::expire_at(PROVIDER_A, gpus[0].uuid_hash, 30);
			System::set_block_number(10);
			heard_from(PROVIDER_A, 10);
			System::set_block_number(20);
			heard_from(PROVIDER_A, 20);
			let both = Emissions::score_of(gpus.iter());
			assert_eq!(record(PROVIDER_A).points, 10 * both);
			assert_eq!(ProvenScores::<Test>::get(PROVIDER_A).map(|kept| kept.until), Some(30));

			// The kept score ends with the proof, though no proof was gained or lost.
			System::set_block_number(30);
			heard_from(PROVIDER_A, 30);
			let one = Emissions::score_of(gpus[1..].iter());
			assert_eq!(record(PROVIDER_A).points, 10 * both + 10 * one);
		});
	}

	#[test]
	fn the_first_heartbeat_credits_nothing_and_a_long_gap_only_the_cap() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			assert_eq!(record(PROVIDER_A).points, 0);
			heard_from(PROVIDER_A, 90);
			assert_eq!(record(PROVIDER_A).points, MAX_CREDITED_GAP as u128 * 2_000);
		});
	}

	#[test]
	fn offline_and_jailed_time_is_never_credited() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			<Emissions as ProviderLifecycle<_, _>>::went_offline(&PROVIDER_A, 10);
			heard_from(PROVIDER_A, 20);
			assert_eq!(record(PROVIDER_A).points, 0);
			heard_from(PROVIDER_A, 30);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			<Emissions as ProviderLifecycle<_, _>>::jailed(&PROVIDER_A);
			heard_from(PROVIDER_A, 40);
			assert_eq!(record(PROVIDER_A).points, 20_000);
		});
	}

	#[test]
	fn paused_or_inactive_providers_earn_nothing() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			MockRegistry::set_paused(PROVIDER_A, true);
			heard_from(PROVIDER_A, 15);
			// A heartbeat while it takes no work credits nothing and starts nothing.
			assert_eq!(record(PROVIDER_A).last_credit, None);
			MockRegistry::set_paused(PROVIDER_A, false);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Leaving);
			heard_from(PROVIDER_A, 25);
			assert_eq!(record(PROVIDER_A).last_credit, None);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
			heard_from(PROVIDER_A, 30);
			// The first heartbeat at which it takes work again only starts the count: not even
			// the 5 blocks since the last heartbeat are credited.
			assert_eq!(record(PROVIDER_A).points, 0);
			assert_eq!(record(PROVIDER_A).last_credit, Some(30));
			heard_from(PROVIDER_A, 40);
			assert_eq!(record(PROVIDER_A).points, 20_000);
		});
	}

	#[test]
	fn pausing_stops_crediting_at_once() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			heard_from(PROVIDER_A, 15);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			// The registry tells of the pause as it happens, between heartbeats.
			MockRegistry::set_paused(PROVIDER_A, true);
			<Emissions as ProviderLifecycle<_, _>>::paused(&PROVIDER_A);
			assert_eq!(record(PROVIDER_A).last_credit, None);
			// Resumed before its next heartbeat: the paused time still earns nothing.
			MockRegistry::set_paused(PROVIDER_A, false);
			heard_from(PROVIDER_A, 25);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			heard_from(PROVIDER_A, 35);
			assert_eq!(record(PROVIDER_A).points, 40_000);
		});
	}

	#[test]
	fn a_provider_short_of_stake_earns_nothing_until_it_tops_up() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			heard_from(PROVIDER_A, 15);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			// A slash leaves the owner's bond below what its two GPUs require.
			MockRegistry::set_bond_short(PROVIDER_A, true);
			heard_from(PROVIDER_A, 25);
			heard_from(PROVIDER_A, 35);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			assert_eq!(record(PROVIDER_A).last_credit, None);
			// Topped up: the next heartbeat starts the count again, the one after it earns.
			MockRegistry::set_bond_short(PROVIDER_A, false);
			heard_from(PROVIDER_A, 45);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			heard_from(PROVIDER_A, 55);
			assert_eq!(record(PROVIDER_A).points, 40_000);
			assert_eq!(CurrentEra::<Test>::get().points, 40_000);
		});
	}

	/// The staking pallet tells of every backing change (a slash, an unbond, a top-up, a
	/// delegation) before it happens.
	fn backing_changes_at(provider: AccountId, at: BlockNumber) {
		System::set_block_number(at);
		let _weight = <Emissions as BackingObserver<_>>::backing_changing(&provider);
	}

	/// A bond that falls short between two heartbeats and is topped up before the next earns
	/// nothing for the time it was short: the top-up finds the provider short, and the count
	/// starts again at its next heartbeat.
	#[test]
	fn a_shortfall_between_heartbeats_is_not_credited() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			heard_from(PROVIDER_A, 15);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			// A slash at 20 credits nothing: a backing change is not a heartbeat.
			backing_changes_at(PROVIDER_A, 20);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			assert_eq!(record(PROVIDER_A).last_credit, Some(15));
			MockRegistry::set_bond_short(PROVIDER_A, true);
			// Topped up at 22, before the next heartbeat: the count stops.
			backing_changes_at(PROVIDER_A, 22);
			assert_eq!(record(PROVIDER_A).last_credit, None);
			MockRegistry::set_bond_short(PROVIDER_A, false);
			heard_from(PROVIDER_A, 25);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			heard_from(PROVIDER_A, 35);
			assert_eq!(record(PROVIDER_A).points, 40_000);
		});
	}

	/// A backing change while the provider takes work costs it nothing: the next heartbeat
	/// credits the whole time since the last. Delegating to a provider between its heartbeats
	/// cannot cut its availability.
	#[test]
	fn a_backing_change_while_taking_work_loses_no_credit() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			backing_changes_at(PROVIDER_A, 8);
			backing_changes_at(PROVIDER_A, 12);
			heard_from(PROVIDER_A, 15);
			assert_eq!(record(PROVIDER_A).points, 20_000);
			assert_eq!(record(PROVIDER_A).last_credit, Some(15));
			// An account that never heartbeat gets no record from a backing change.
			backing_changes_at(TENANT, 16);
			assert!(!ProviderPoints::<Test>::contains_key(TENANT));
		});
	}

	/// A provider that stopped heartbeating cannot earn its silence through backing changes
	/// (a cheap `set_commission` each block): they credit nothing, and the silence is lost once
	/// the liveness hook finds it Offline.
	#[test]
	fn backing_changes_never_credit_a_silent_provider() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			let gap = <Test as Config>::MaxCreditedGap::get();
			for step in 1..=3u64 {
				backing_changes_at(PROVIDER_A, 5 + step * gap);
			}
			assert_eq!(record(PROVIDER_A).points, 0);
			assert_eq!(record(PROVIDER_A).last_credit, Some(5));
			let _weight =
				<Emissions as ProviderLifecycle<_, _>>::went_offline(&PROVIDER_A, 5 + 3 * gap);
			assert_eq!(record(PROVIDER_A).last_credit, None);
			heard_from(PROVIDER_A, 5 + 4 * gap);
			assert_eq!(record(PROVIDER_A).points, 0);
		});
	}

	#[test]
	fn a_new_class_score_counts_from_the_next_heartbeat() {
		new_test_ext().execute_with(|| {
			let unknown = GpuModelName::try_from(b"NVIDIA Unknown".to_vec()).unwrap();
			assert_noop!(
				Emissions::set_class_score(RuntimeOrigin::signed(TENANT), unknown.clone(), Some(7)),
				DispatchError::BadOrigin
			);
			heard_from(PROVIDER_B, 5);
			heard_from(PROVIDER_B, 15);
			assert_eq!(record(PROVIDER_B).points, 10 * 2 * DEFAULT_SCORE as u128);
			assert_ok!(Emissions::set_class_score(RuntimeOrigin::root(), unknown.clone(), Some(7)));
			System::assert_last_event(
				Event::ClassScoreSet { model: unknown.clone(), score: Some(7) }.into(),
			);
			heard_from(PROVIDER_B, 25);
			assert_eq!(record(PROVIDER_B).points, 2_000 + 10 * 2 * 7);
			assert_ok!(Emissions::set_class_score(RuntimeOrigin::root(), unknown.clone(), None));
			assert_eq!(ClassScores::<Test>::get(unknown), None);
		});
	}

	#[test]
	fn leased_time_earns_a_bonus_and_the_fees_are_booked_as_burned() {
		new_test_ext().execute_with(|| {
			deliver(PROVIDER_A, TENANT, &[0x01], 10, 500);
			let record = record(PROVIDER_A);
			// One H100 for 10 blocks, 100 % bonus.
			assert_eq!((record.bonus_points, record.fees), (10 * H100_SCORE as u128, 500));
			assert_eq!(CurrentEra::<Test>::get().points, 10_000);
			assert_eq!(Issuance::<Test>::get().burned, 500);
		});
	}

	#[test]
	fn leasing_from_your_own_side_earns_no_bonus_but_delegating_is_not_your_own_side() {
		new_test_ext().execute_with(|| {
			MockBacking::set(
				PROVIDER_A,
				Perbill::zero(),
				vec![(PROVIDER_A, 1_000), (DELEGATOR_A, 1_000)],
			);
			for tenant in [PROVIDER_A, AGENT_A] {
				assert!(Emissions::is_own_side(&PROVIDER_A, &tenant));
				deliver(PROVIDER_A, tenant, &[0x01, 0x02], 10, 100);
			}
			assert_eq!((record(PROVIDER_A).bonus_points, record(PROVIDER_A).fees), (0, 200));
			assert_eq!(CurrentEra::<Test>::get().points, 0);
			assert!(!Emissions::is_own_side(&PROVIDER_A, &TENANT));
			assert!(!Emissions::is_own_side(&PROVIDER_A, &AGENT_B));

			// A tenant backing the provider it rents from earns it the bonus like any other:
			// otherwise delegating the minimum would cancel the provider's bonus.
			assert!(<MockBacking as ProviderBacking<_, _>>::is_delegator(
				&PROVIDER_A,
				&DELEGATOR_A
			));
			assert!(!Emissions::is_own_side(&PROVIDER_A, &DELEGATOR_A));
			deliver(PROVIDER_A, DELEGATOR_A, &[0x01, 0x02], 10, 100);
			// Two H100s for 10 blocks, 100 % bonus.
			let record = record(PROVIDER_A);
			assert_eq!((record.bonus_points, record.fees), (10 * 2 * H100_SCORE as u128, 300));
			assert_eq!(CurrentEra::<Test>::get().points, 20_000);
		});
	}

	#[test]
	fn the_bonus_pays_at_most_the_fees_burned_and_the_rest_returns_to_the_pot() {
		new_test_ext().execute_with(|| {
			heard_from(PROVIDER_A, 5);
			heard_from(PROVIDER_A, 15); // 20,000 availability points
			deliver(PROVIDER_A, TENANT, &[0x01, 0x02], 10, 50_000); // 20,000 bonus points
			run_to_block(ERA_LENGTH);
			// 8,000,000 over 40,000 points: 200 a point. The bonus is worth 4,000,000 but only
			// 50,000 was burned.
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A));
			assert_eq!(balance(PROVIDER_A), INITIAL_BALANCE + 4_000_000 + 50_000);
			assert_eq!(Carried::<Test>::get(), 4_000_000 - 50_000);

			// Era 1: B alone earns, and the withheld bonus is paid with era 1's share.
			heard_from(PROVIDER_B, ERA_LENGTH + 1);
			heard_from(PROVIDER_B, ERA_LENGTH + 11);
			run_to_block(2 * ERA_LENGTH);
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_B));
			assert_eq!(balance(PROVIDER_B), INITIAL_BALANCE + PROVIDERS_SHARE + 3_950_000);
			assert_eq!(Carried::<Test>::get(), 0);
			assert_eq!(balance(Emissions::pot_account()), EXISTENTIAL_DEPOSIT);
		});
	}
}

/// Claims and the split with delegators.
mod claims {
	use super::*;

	/// A provider that left is paid what it earned before leaving, and its record goes with
	/// the payment; a provider still registered keeps its liveness bookkeeping.
	#[test]
	fn a_provider_that_left_leaves_no_record_once_paid() {
		new_test_ext().execute_with(|| {
			earn_round_points();
			assert!(record(PROVIDER_A).last_credit.is_some());
			MockRegistry::deregister(PROVIDER_A);
			run_to_block(ERA_LENGTH);
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A));
			assert_eq!(balance(PROVIDER_A), INITIAL_BALANCE + 7_500_000);
			assert!(!ProviderPoints::<Test>::contains_key(PROVIDER_A));
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_B));
			assert!(ProviderPoints::<Test>::contains_key(PROVIDER_B));
		});
	}

	/// A provider that left with its record empty but its liveness bookkeeping set (nothing
	/// earned since its last claim) has it removed by a claim of nothing.
	#[test]
	fn a_claim_of_nothing_removes_the_empty_record_of_a_provider_that_left() {
		new_test_ext().execute_with(|| {
			earn_round_points();
			run_to_block(ERA_LENGTH);
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A));
			assert!(record(PROVIDER_A).last_credit.is_some());
			assert_noop!(
				Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A),
				Error::<Test>::NothingToClaim
			);
			MockRegistry::deregister(PROVIDER_A);
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A));
			assert!(!ProviderPoints::<Test>::contains_key(PROVIDER_A));
			assert_eq!(
				System::events().last().map(|record| record.event.clone()),
				Some(RuntimeEvent::Emissions(Event::RecordRemoved { provider: PROVIDER_A }))
			);
			assert_noop!(
				Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A),
				Error::<Test>::NothingToClaim
			);
		});
	}

	#[test]
	fn a_claim_pays_closed_eras_at_their_rate() {
		new_test_ext().execute_with(|| {
			earn_round_points();
			run_to_block(ERA_LENGTH);
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A));
			System::assert_last_event(
				Event::RewardsClaimed {
					provider: PROVIDER_A,
					total: 7_500_000,
					to_owner: 7_500_000,
					to_delegators: 0,
					delegators: 0,
				}
				.into(),
			);
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(PROVIDER_B), PROVIDER_B));
			assert_eq!(balance(PROVIDER_A), INITIAL_BALANCE + 7_500_000);
			assert_eq!(balance(PROVIDER_B), INITIAL_BALANCE + 500_000);
			assert_eq!(balance(Emissions::pot_account()), EXISTENTIAL_DEPOSIT);
			assert_noop!(
				Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A),
				Error::<Test>::NothingToClaim
			);
		});
	}

	#[test]
	fn the_era_in_progress_is_not_claimable() {
		new_test_ext().execute_with(|| {
			earn_round_points();
			assert_noop!(
				Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A),
				Error::<Test>::NothingToClaim
			);
			assert_noop!(
				Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), TENANT),
				Error::<Test>::NothingToClaim
			);
			assert_noop!(
				Emissions::claim_rewards(RuntimeOrigin::none(), PROVIDER_A),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn delegators_share_by_stake_after_the_commission() {
		new_test_ext().execute_with(|| {
			MockBacking::set(
				PROVIDER_A,
				Perbill::from_percent(10),
				vec![(PROVIDER_A, 1_000), (DELEGATOR_A, 3_000)],
			);
			earn_round_points();
			run_to_block(ERA_LENGTH);
			let pending = Emissions::pending_rewards(&PROVIDER_A);
			// 7,500,000: three quarters is the delegator's, less 10 %.
			assert_eq!(
				pending.claimable,
				RewardSplit {
					total: 7_500_000,
					to_owner: 7_500_000 - 5_062_500,
					to_delegators: vec![(DELEGATOR_A, 5_062_500)],
				}
			);
			assert_eq!(Emissions::pending_reward_of(&DELEGATOR_A, &PROVIDER_A), 5_062_500);
			assert_eq!(Emissions::pending_reward_of(&PROVIDER_A, &PROVIDER_A), 2_437_500);
			assert_eq!(Emissions::pending_reward_of(&TENANT, &PROVIDER_A), 0);

			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(DELEGATOR_A), PROVIDER_A));
			System::assert_last_event(
				Event::RewardsClaimed {
					provider: PROVIDER_A,
					total: 7_500_000,
					to_owner: 2_437_500,
					to_delegators: 5_062_500,
					delegators: 1,
				}
				.into(),
			);
			assert_eq!(balance(DELEGATOR_A), INITIAL_BALANCE + 5_062_500);
			assert_eq!(balance(PROVIDER_A), INITIAL_BALANCE + 2_437_500);
		});
	}

	#[test]
	fn a_change_of_backing_pays_out_on_the_old_terms_first() {
		new_test_ext().execute_with(|| {
			earn_round_points();
			run_to_block(ERA_LENGTH);
			// Before a newcomer's delegation lands, the 7,500,000 earned are paid out to the
			// owner alone, who backed the provider when they were earned.
			<Emissions as BackingObserver<_>>::backing_changing(&PROVIDER_A);
			assert_eq!(balance(PROVIDER_A), INITIAL_BALANCE + 7_500_000);
			MockBacking::set(
				PROVIDER_A,
				Perbill::zero(),
				vec![(PROVIDER_A, 1_000), (DELEGATOR_A, 1_000_000)],
			);
			assert_eq!(Emissions::pending_reward_of(&DELEGATOR_A, &PROVIDER_A), 0);
			// Nothing left: the notice changes nothing, not even the pot's bookkeeping.
			let carried = Carried::<Test>::get();
			<Emissions as BackingObserver<_>>::backing_changing(&PROVIDER_A);
			<Emissions as BackingObserver<_>>::backing_changing(&TENANT);
			assert_eq!(Carried::<Test>::get(), carried);
			assert_eq!(balance(PROVIDER_A), INITIAL_BALANCE + 7_500_000);
		});
	}

	#[test]
	fn a_provider_without_stake_keeps_its_whole_reward() {
		new_test_ext().execute_with(|| {
			MockBacking::set(PROVIDER_A, Perbill::from_percent(10), vec![]);
			earn_round_points();
			run_to_block(ERA_LENGTH);
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A));
			assert_eq!(balance(PROVIDER_A), INITIAL_BALANCE + 7_500_000);
		});
	}

	#[test]
	fn points_of_several_eras_are_each_valued_at_their_own_rate() {
		new_test_ext().execute_with(|| {
			earn_round_points(); // era 0: A 60,000 of 64,000
			run_to_block(ERA_LENGTH);
			// Era 1: A alone (the gap since block 35 credits the cap, 40,000 points) takes the
			// whole share.
			heard_from(PROVIDER_A, ERA_LENGTH + 1);
			assert_eq!(record(PROVIDER_A).unclaimed, 7_500_000);
			assert_eq!(record(PROVIDER_A).points, 40_000);
			run_to_block(3 * ERA_LENGTH);
			assert_eq!(Emissions::pending_rewards(&PROVIDER_A).claimable.total, 15_500_000);
			assert_ok!(Emissions::claim_rewards(RuntimeOrigin::signed(TENANT), PROVIDER_A));
			assert_eq!(balance(PROVIDER_A), INITIAL_BALANCE + 15_500_000);
		});
	}

	#[test]
	fn the_schedule_view_shows_the_era_and_what_comes() {
		new_test_ext().execute_with(|| {
			run_to_block(ERA_LENGTH + 5);
			let view = Emissions::schedule_view(3);
			assert_eq!(view.era.index, 1);
			assert_eq!(view.era_ends_at, 2 * ERA_LENGTH);
			assert_eq!(
				view.next_emissions,
				vec![(1, ERA_EMISSION), (2, ERA_EMISSION), (3, ERA_EMISSION)]
			);
			assert_eq!(Emissions::schedule_view(u32::MAX).next_emissions.len(), 1_000);
		});
	}
}
