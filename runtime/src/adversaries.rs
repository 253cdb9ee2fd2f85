//! Attackers against honest play, through the assembled runtime: each strategy is played twice
//! on the same random world, once by an honest provider and once by the same provider (with any
//! number of accounts of its own) attacking, and the two endings are compared.
//!
//! The world: an attacking provider (owner, agent, and an accomplice account that looks like any
//! tenant), an honest provider, an honest delegator backing the attacker, and an honest tenant
//! renting one of the attacker's GPUs; agents heartbeat every period with an attestation line
//! for each running lease. Every lease ends within two eras, and a third era pays out what the
//! lease bonus cap withheld; then every reward is claimed. After every
//! block all pallets' invariants hold (`run_to_block`). At the end:
//!
//! - the attacker's accounts together are no richer than after honest play;
//! - the honest tenant is no poorer, and the honest delegator loses at most the era cap of the
//!   attacker's backing for each era (in practice nothing: the owner's bond is the first loss);
//! - the honest provider loses at most what the attack cost the attacker (a lease bonus earned
//!   by wash rentals is capped by the fees they burn, so it cannot divert more than that);
//! - and each strategy's own defence holds (a squatter cannot keep a real delegator out, a late
//!   delegator pays nothing for an earlier offence, leaving does not dodge a decided jail).
//!
//! Block stuffing needs a transaction pool and block builder, so it is played in
//! `attacks::heartbeats_land_in_blocks_full_of_tipped_transfers` instead.
//!
//! `EMBER_PROPTEST_CASES` (default 2 per strategy) and `EMBER_PROPTEST_SEED` work as for the
//! random economy in `proptests`.

use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Mutate, tokens::Preservation},
	BoundedVec,
};
use proptest::prelude::*;
use sp_core::H256;
use sp_runtime::Perbill;

use crate::{
	attacks::{funded, stake_of as stake, wealth},
	configs::{EraLength, HeartbeatPeriod, MinDelegation},
	tests::{bond_and_register, gpu, preset_ext, run_to_block, running},
	AccountId, Balance, BlockNumber, Emissions, Leases, ProviderStaking, Providers, Runtime,
	RuntimeOrigin, Slashing, System, EMBR, HOURS,
};

/// Block at which the attacks start, after the world is set up.
const START: BlockNumber = 5;
/// Delegation slots a provider has.
const SLOTS: u32 = 64;

/// The world both plays share.
#[derive(Clone, Debug)]
struct World {
	/// The attacker's GPUs (the honest tenant rents one).
	gpus: u8,
	/// What the honest delegator delegates to the attacker.
	delegated: Balance,
	/// The attacker's offer, per GPU-hour.
	price: Balance,
	/// How long the honest tenant rents for.
	tenant_blocks: BlockNumber,
}

/// What the attacker does on top of honest play.
#[derive(Clone, Debug)]
enum Attack {
	/// Its accomplice rents `leases` GPUs and ends them after `after` blocks, in both plays:
	/// honestly the accomplice closes them, as any tenant may; attacking, the agent walks out
	/// of them all in one block, so that the accomplice is compensated as a harmed tenant.
	SelfDealtCloses { leases: u8, after: BlockNumber },
	/// Its accomplice rents every free GPU for `blocks`, for the leased bonus.
	WashRentals { blocks: BlockNumber },
	/// Its accounts fill the delegation slots with the minimum before the real delegator comes
	/// (honestly, the owner bonds the same stake itself).
	SlotSquatting,
	/// An offence is reported against it (in both plays); it then brings in a new delegator,
	/// hoping the newcomer shares the slash.
	LateDelegation { amount: Balance },
	/// An offence is reported against it (in both plays); it tries to leave in the same block.
	LeaveToDodgeJail,
	/// It stops attesting the honest tenant's lease after `after` blocks (but keeps its
	/// heartbeats), keeping the escrow it hopes to be paid.
	SilentWalkOut { after: BlockNumber },
}

impl Attack {
	/// Whether the world has a governance-reported offence against the attacker, in both plays.
	fn offence_in_both(&self) -> bool {
		matches!(self, Attack::LateDelegation { .. } | Attack::LeaveToDodgeJail)
	}
}

/// The accounts of one play.
struct Parties {
	owner: AccountId,
	agent: AccountId,
	accomplice: AccountId,
	squatters: Vec<AccountId>,
	honest_owner: AccountId,
	honest_agent: AccountId,
	delegator: AccountId,
	newcomer: AccountId,
	tenant: AccountId,
}

/// How a play ended.
#[derive(Debug)]
struct Ending {
	/// The attacker's accounts together: owner, agent, accomplice, squatters.
	attacker: Balance,
	/// The honest provider's owner and agent.
	honest_provider: Balance,
	delegator: Balance,
	/// What the honest delegator has delegated to the attacker at the end.
	delegator_stake: Balance,
	tenant: Balance,
	/// What the newcomer of a late delegation still has delegated.
	newcomer_stake: Balance,
	/// Everything backing the attacker at the start (bond and delegation).
	backing: Balance,
	/// Total issuance: what fees and slashes burned shows here.
	issuance: Balance,
	/// The era slash cap.
	cap: Perbill,
	/// Providers' reward withheld by the lease bonus cap (or rounding), not yet paid out.
	carried: Balance,
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn parties() -> Parties {
	Parties {
		owner: funded("attacker", 200_000 * EMBR),
		agent: funded("attacker-agent", 10 * EMBR),
		accomplice: funded("accomplice", 200_000 * EMBR),
		squatters: (0..SLOTS)
			.map(|index| funded(&format!("squatter{index}"), MinDelegation::get() + EMBR))
			.collect(),
		honest_owner: funded("honest", 100_000 * EMBR),
		honest_agent: funded("honest-agent", 10 * EMBR),
		delegator: funded("delegator", 100_000 * EMBR),
		newcomer: funded("newcomer", 100_000 * EMBR),
		tenant: funded("tenant", 100_000 * EMBR),
	}
}

/// Heartbeats from both agents when due, attesting every running lease except `left_out`.
fn heartbeats(parties: &Parties, left_out: Option<u64>) {
	let now = System::block_number();
	for (owner, agent) in
		[(&parties.owner, &parties.agent), (&parties.honest_owner, &parties.honest_agent)]
	{
		let due = pallet_providers::Providers::<Runtime>::get(owner).is_some_and(|info| {
			Providers::period_of(info.last_heartbeat) < Providers::period_of(now)
		});
		if !due {
			continue;
		}
		let lines: Vec<_> = pallet_leases::Books::<Runtime>::get(owner)
			.lease_ids()
			.filter(|lease| Some(*lease) != left_out)
			.map(running)
			.collect();
		// A jailed provider's heartbeat may be refused; an honest agent just tries again.
		let _ = Providers::heartbeat(signed(agent), BoundedVec::truncate_from(lines));
	}
}

/// Plays `world` for two eras, with `attack` on top of honest play when given.
fn play(world: &World, attack: &Attack, attacking: bool) -> Ending {
	preset_ext("development").execute_with(|| {
		let p = parties();
		bond_and_register(&p.owner, &p.agent, world.gpus);
		bond_and_register(&p.honest_owner, &p.honest_agent, 2);
		let all_gpus = (0..world.gpus).map(|index| gpu(index).uuid_hash).collect::<Vec<_>>();
		assert_ok!(Leases::list_offer(
			signed(&p.agent),
			BoundedVec::truncate_from(all_gpus),
			world.price,
			24 * HOURS
		));
		assert_ok!(Leases::rent(
			signed(&p.tenant),
			0,
			1,
			world.tenant_blocks,
			world.price,
			H256::repeat_byte(1)
		));
		let tenant_lease = 0;
		run_to_block(START);

		if matches!(attack, Attack::SlotSquatting) {
			for squatter in &p.squatters {
				if attacking {
					assert_ok!(ProviderStaking::delegate(
						signed(squatter),
						p.owner.clone(),
						MinDelegation::get()
					));
				} else {
					assert_ok!(<crate::Balances as Mutate<_>>::transfer(
						squatter,
						&p.owner,
						MinDelegation::get(),
						Preservation::Preserve
					));
				}
			}
			if !attacking {
				let total = MinDelegation::get() * Balance::from(SLOTS);
				assert_ok!(ProviderStaking::bond_extra(signed(&p.owner), total));
			}
		}
		if world.delegated > 0 {
			assert_ok!(ProviderStaking::delegate(
				signed(&p.delegator),
				p.owner.clone(),
				world.delegated
			));
		}
		let backing = stake(&p.owner, &p.owner) + stake(&p.owner, &p.delegator);

		if attack.offence_in_both() {
			assert_ok!(Slashing::report_offence(
				RuntimeOrigin::root(),
				ember_primitives::ProviderOffence::FailedChallenge {
					provider: p.owner.clone(),
					challenge: 1,
				},
			));
		}
		let mut accomplice_leases = Vec::new();
		if let Attack::SelfDealtCloses { leases, .. } = attack {
			for _ in 0..*leases {
				let id = pallet_leases::NextLeaseId::<Runtime>::get();
				assert_ok!(Leases::rent(
					signed(&p.accomplice),
					0,
					1,
					24 * HOURS,
					world.price,
					H256::repeat_byte(2)
				));
				accomplice_leases.push(id);
			}
		}
		if attacking {
			match attack {
				Attack::WashRentals { blocks } => {
					let free = u32::from(world.gpus) - 1;
					assert_ok!(Leases::rent(
						signed(&p.accomplice),
						0,
						free,
						*blocks,
						world.price,
						H256::repeat_byte(3)
					));
				},
				Attack::LateDelegation { amount } => {
					assert_ok!(ProviderStaking::delegate(
						signed(&p.newcomer),
						p.owner.clone(),
						*amount
					));
				},
				Attack::LeaveToDodgeJail => {
					assert_noop!(
						Providers::leave(signed(&p.owner)),
						pallet_providers::Error::<Runtime>::PunishmentPending
					);
				},
				Attack::SelfDealtCloses { .. }
				| Attack::SlotSquatting
				| Attack::SilentWalkOut { .. } => {},
			}
		}

		// Every lease ends within the second era; the third pays out what the lease bonus cap
		// withheld (it goes with the next era's share), so that both plays are compared with
		// every reward earned in them paid.
		let end = START + 3 * EraLength::get() + 2 * HeartbeatPeriod::get();
		while System::block_number() < end {
			let now = System::block_number();
			let left_out = match attack {
				Attack::SilentWalkOut { after } if attacking && now >= START + after => {
					Some(tenant_lease)
				},
				_ => None,
			};
			if let Attack::SelfDealtCloses { after, .. } = attack {
				if now == START + after {
					let closer = if attacking { &p.agent } else { &p.accomplice };
					for lease in &accomplice_leases {
						assert_ok!(Leases::close_lease(signed(closer), *lease));
					}
				}
			}
			heartbeats(&p, left_out);
			run_to_block(now + 1);
		}
		if attack.offence_in_both() {
			assert_eq!(
				pallet_providers::Providers::<Runtime>::get(&p.owner).map(|info| info.status),
				Some(ember_primitives::ProviderStatus::Jailed),
				"the decided jail is served"
			);
		}
		for provider in [&p.owner, &p.honest_owner] {
			let _ = Emissions::claim_rewards(signed(&p.tenant), provider.clone());
		}
		let attacker = [&p.owner, &p.agent, &p.accomplice]
			.into_iter()
			.chain(p.squatters.iter())
			.map(wealth)
			.sum();
		Ending {
			attacker,
			honest_provider: wealth(&p.honest_owner) + wealth(&p.honest_agent),
			delegator: wealth(&p.delegator),
			delegator_stake: stake(&p.owner, &p.delegator),
			tenant: wealth(&p.tenant),
			newcomer_stake: stake(&p.owner, &p.newcomer),
			backing,
			issuance:
				<crate::Balances as frame_support::traits::fungible::Inspect<_>>::total_issuance(),
			cap: pallet_slashing::EraSlashCap::<Runtime>::get(),
			carried: pallet_emissions::Carried::<Runtime>::get(),
		}
	})
}

fn world() -> impl Strategy<Value = World> {
	(3..=6u8, 0..=20_000u128, 1..=10u128, 300..=1_000 as BlockNumber).prop_map(
		|(gpus, delegated, price, tenant_blocks)| World {
			gpus,
			// Nothing, or at least the minimum.
			delegated: if delegated < 10 { 0 } else { delegated * EMBR },
			price: price * EMBR,
			tenant_blocks,
		},
	)
}

fn attack() -> impl Strategy<Value = Attack> {
	prop_oneof![
		(1..=2u8, 1..=200 as BlockNumber)
			.prop_map(|(leases, after)| Attack::SelfDealtCloses { leases, after }),
		(100..=1_100 as BlockNumber).prop_map(|blocks| Attack::WashRentals { blocks }),
		Just(Attack::SlotSquatting),
		(10..=50_000u128).prop_map(|amount| Attack::LateDelegation { amount: amount * EMBR }),
		Just(Attack::LeaveToDodgeJail),
		(1..=250 as BlockNumber).prop_map(|after| Attack::SilentWalkOut { after }),
	]
}

/// Compares the attacking play with the honest one.
fn judge(world: &World, attack: &Attack, honest: &Ending, attacked: &Ending) {
	let context = format!("{attack:?} in {world:?}:\nhonest {honest:?}\nattacked {attacked:?}");
	assert!(attacked.attacker <= honest.attacker, "the attack paid: {context}");
	assert!(attacked.tenant >= honest.tenant, "the honest tenant lost: {context}");
	// A lease's bonus shifts emission towards its provider, but the bonus is capped by the fees
	// the lease burned: an honest provider loses at most what the attacker lost and burned.
	// What the cap withholds is not lost but delayed: it is paid out with the next era's share
	// (`pallet_emissions::Carried`), so it counts as the honest parties' still.
	let cost = honest.attacker - attacked.attacker;
	let burned = honest.issuance.saturating_sub(attacked.issuance);
	let delayed = attacked.carried.saturating_sub(honest.carried);
	assert!(
		attacked.honest_provider + cost + burned + delayed >= honest.honest_provider,
		"the honest provider lost more than the attack cost: {context}"
	);
	// The play spans parts of three eras.
	let most_lost = attacked.cap.mul_ceil(attacked.backing).saturating_mul(3);
	assert!(
		attacked.delegator + most_lost + delayed >= honest.delegator,
		"the honest delegator lost more than the era cap: {context}"
	);
	match attack {
		Attack::SlotSquatting => assert_eq!(
			attacked.delegator_stake, honest.delegator_stake,
			"squatters kept the real delegator out: {context}"
		),
		Attack::LateDelegation { amount } => assert_eq!(
			attacked.newcomer_stake, *amount,
			"the newcomer paid for an earlier offence: {context}"
		),
		_ => {},
	}
}

#[test]
fn no_attacker_ends_better_than_honest_play_and_honest_parties_keep_theirs() {
	use proptest::test_runner::{Config, RngSeed, TestRunner};
	let per_strategy: u32 = std::env::var("EMBER_PROPTEST_CASES")
		.map(|cases| cases.parse().expect("EMBER_PROPTEST_CASES is a number"))
		.unwrap_or(2);
	let seed = std::env::var("EMBER_PROPTEST_SEED")
		.map(|seed| seed.parse().expect("EMBER_PROPTEST_SEED is a number"))
		.unwrap_or_else(|_| {
			use std::hash::{BuildHasher, RandomState};
			RandomState::new().hash_one(std::time::SystemTime::now())
		});
	println!("EMBER_PROPTEST_SEED={seed} EMBER_PROPTEST_CASES={per_strategy}");
	let mut runner = TestRunner::new(Config {
		// Six strategies.
		cases: per_strategy * 6,
		rng_seed: RngSeed::Fixed(seed),
		failure_persistence: None,
		..Config::default()
	});
	let result = runner.run(&(world(), attack()), |(world, attack)| {
		let honest = play(&world, &attack, false);
		let attacked = play(&world, &attack, true);
		judge(&world, &attack, &honest, &attacked);
		Ok(())
	});
	if let Err(failure) = result {
		panic!("EMBER_PROPTEST_SEED={seed}: {failure}");
	}
}

/// Every strategy once, on one world, so that each is played in every run whatever the seed.
#[test]
fn each_strategy_loses_against_honest_play() {
	let world = World { gpus: 4, delegated: 5_000 * EMBR, price: 4 * EMBR, tenant_blocks: 700 };
	for attack in [
		Attack::SelfDealtCloses { leases: 2, after: 20 },
		Attack::WashRentals { blocks: 1_100 },
		Attack::SlotSquatting,
		Attack::LateDelegation { amount: 30_000 * EMBR },
		Attack::LeaveToDodgeJail,
		Attack::SilentWalkOut { after: 100 },
	] {
		let honest = play(&world, &attack, false);
		let attacked = play(&world, &attack, true);
		println!(
			"{attack:?}: attacker {:+} EMBR, honest provider {:+} EMBR, tenant {:+} EMBR, delegator {:+} EMBR, carried {:+} EMBR, issuance {:+} EMBR",
			signed_difference(attacked.attacker, honest.attacker),
			signed_difference(attacked.honest_provider, honest.honest_provider),
			signed_difference(attacked.tenant, honest.tenant),
			signed_difference(attacked.delegator, honest.delegator),
			signed_difference(attacked.carried, honest.carried),
			signed_difference(attacked.issuance, honest.issuance),
		);
		judge(&world, &attack, &honest, &attacked);
	}
}

/// `after - before` in EMBR, to three decimals.
fn signed_difference(after: Balance, before: Balance) -> f64 {
	(after as f64 - before as f64) / EMBR as f64
}
