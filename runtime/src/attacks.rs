//! Attacks on the market's economics, each played through the assembled runtime by parties
//! acting in their own interest. Every test here failed before the defence it names existed.

use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		OnFinalize,
	},
};
use sp_core::Pair as _;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{BoundedVec, FixedPointNumber, Perbill};

use crate::{
	configs::{DisputeWindow, ProviderBaseStake, ProviderStakePerUnit},
	tests::{account, bond_and_register, check_invariants, gpu, preset_ext, run_to_block},
	AccountId, Balance, Balances, Leases, ProviderStaking, Providers, Runtime, RuntimeCall,
	RuntimeOrigin, Slashing, System, EMBR, HOURS,
};

/// A fresh account that Alice funds with `amount` (a transfer: issuance stays what emissions'
/// ledger says it is).
pub(crate) fn funded(name: &str, amount: Balance) -> AccountId {
	let who: AccountId = sp_core::sr25519::Pair::from_string(&format!("//{name}"), None)
		.map(|pair| pair.public().into())
		.expect("a valid derivation");
	assert_ok!(<Balances as Mutate<_>>::transfer(
		&account(Sr25519Keyring::Alice),
		&who,
		amount,
		Preservation::Preserve
	));
	who
}

/// Everything `who` owns: free and held alike.
pub(crate) fn wealth(who: &AccountId) -> Balance {
	Balances::total_balance(who)
}

/// Everything that backs `provider` and is held by `who` (its bond or its delegation).
pub(crate) fn stake_of(provider: &AccountId, who: &AccountId) -> Balance {
	<ProviderStaking as ember_primitives::ProviderStakeSlashing<_, _>>::exposure(provider)
		.into_iter()
		.filter(|(backer, _)| backer == who)
		.map(|(_, held)| held)
		.sum()
}

/// The owner of a provider with `gpus` GPUs, its agent, and `delegators` accounts that each
/// delegated `each` to it.
fn backed_provider(
	gpus: u8,
	delegators: u32,
	each: Balance,
) -> (AccountId, AccountId, Vec<AccountId>) {
	let owner = funded("owner", 100_000 * EMBR);
	let agent = funded("agent", 10 * EMBR);
	bond_and_register(&owner, &agent, gpus);
	let backers = (0..delegators)
		.map(|index| {
			let delegator = funded(&format!("delegator{index}"), each + 100 * EMBR);
			assert_ok!(ProviderStaking::delegate(
				RuntimeOrigin::signed(delegator.clone()),
				owner.clone(),
				each
			));
			delegator
		})
		.collect();
	(owner, agent, backers)
}

#[test]
fn self_dealt_early_closes_cost_the_owner_and_never_drain_its_delegators() {
	preset_ext("development").execute_with(|| {
		// 20 RTX 4090s at 4 stake units each: a 9,000 EMBR bond, and 40,000 EMBR delegated by
		// four others.
		let (owner, agent, delegators) = backed_provider(20, 4, 10_000 * EMBR);
		let bond = ProviderBaseStake::get() + 80 * ProviderStakePerUnit::get();
		assert_eq!(stake_of(&owner, &owner), bond);
		// The owner's second account rents all 20 GPUs, one lease each, at a high price.
		let accomplice = funded("accomplice", 100_000 * EMBR);
		let gpus = BoundedVec::truncate_from((0..20).map(|i| gpu(i).uuid_hash).collect::<Vec<_>>());
		assert_ok!(Leases::list_offer(
			RuntimeOrigin::signed(agent.clone()),
			gpus,
			100 * EMBR,
			24 * HOURS
		));
		let coalition_before = wealth(&owner) + wealth(&accomplice);
		let delegated_before: Vec<Balance> =
			delegators.iter().map(|d| stake_of(&owner, d)).collect();
		for _ in 0..20 {
			assert_ok!(Leases::rent(
				RuntimeOrigin::signed(accomplice.clone()),
				0,
				1,
				24 * HOURS,
				100 * EMBR,
				H256::repeat_byte(7),
			));
		}

		// In one block the agent walks out of all twenty.
		run_to_block(System::block_number() + 1);
		for lease in 0..20 {
			assert_ok!(Leases::close_lease(RuntimeOrigin::signed(agent.clone()), lease));
		}
		let reported: Vec<Balance> = System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				crate::RuntimeEvent::Slashing(pallet_slashing::Event::OffenceReported {
					amount,
					..
				}) => Some(amount),
				_ => None,
			})
			.collect();
		// Before spans, each close took 5 % of the whole backing: all of it in twenty closes.
		// Now the era's closes together take the kind's cap once: the first close what its
		// lease had left (2,400 EMBR), the second the rest of the cap, the others nothing.
		let backing = bond + 40_000 * EMBR;
		let kind_cap = Perbill::from_percent(5).mul_floor(backing);
		assert_eq!(reported.len(), 2, "the cap is reached on the second close: {reported:?}");
		assert_eq!(
			reported.iter().sum::<Balance>(),
			kind_cap,
			"the early closes of one era take the kind's cap once"
		);

		run_to_block(System::block_number() + DisputeWindow::get() + 1);
		assert!(pallet_slashing::PendingSlashes::<Runtime>::iter().next().is_none());

		// The slash fell on the owner's bond, which covers it: no delegator lost anything.
		for (delegator, before) in delegators.iter().zip(delegated_before) {
			assert_eq!(stake_of(&owner, delegator), before, "the owner's bond is the first loss");
		}
		assert_eq!(stake_of(&owner, &owner), bond - kind_cap);
		// The owner's bond takes the slash first, and the tenant side is paid only out of it:
		// the delegators lost nothing, and the pair ends poorer by the protocol fees.
		let coalition_after = wealth(&owner) + wealth(&accomplice);
		assert!(
			coalition_after < coalition_before,
			"self-dealing must not pay: {coalition_before} -> {coalition_after}"
		);
		check_invariants(System::block_number());
	});
}

#[test]
fn leaving_cannot_dodge_a_decided_jail_and_a_leaving_provider_can_be_jailed() {
	preset_ext("development").execute_with(|| {
		let (owner, _agent, _) = backed_provider(2, 0, 0);
		// Governance proves a GPU was misstated: the jail waits for the next block.
		assert_ok!(Slashing::report_offence(
			RuntimeOrigin::root(),
			ember_primitives::ProviderOffence::FalseInventory {
				provider: owner.clone(),
				gpu: gpu(0).uuid_hash,
			},
		));
		assert_noop!(
			Providers::leave(RuntimeOrigin::signed(owner.clone())),
			pallet_providers::Error::<Runtime>::PunishmentPending
		);
		run_to_block(System::block_number() + 1);
		assert_eq!(
			pallet_providers::Providers::<Runtime>::get(&owner).map(|info| info.status),
			Some(ember_primitives::ProviderStatus::Jailed)
		);

		// A provider with a running lease that started leaving is still within reach.
		let (other, other_agent) = (funded("other", 100_000 * EMBR), funded("other-agent", EMBR));
		bond_and_register(&other, &other_agent, 1);
		let tenant = funded("tenant", 10_000 * EMBR);
		let one = BoundedVec::truncate_from(vec![gpu(0).uuid_hash]);
		assert_ok!(Leases::list_offer(RuntimeOrigin::signed(other_agent), one, EMBR, HOURS));
		assert_ok!(Leases::rent(RuntimeOrigin::signed(tenant), 0, 1, HOURS, EMBR, H256::zero()));
		assert_ok!(Providers::leave(RuntimeOrigin::signed(other.clone())));
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), other.clone()));
		assert_eq!(
			pallet_providers::Providers::<Runtime>::get(&other).map(|info| info.status),
			Some(ember_primitives::ProviderStatus::Jailed)
		);
		check_invariants(System::block_number());
	});
}

#[test]
fn a_delegator_that_arrives_after_an_offence_pays_nothing_for_it() {
	preset_ext("development").execute_with(|| {
		// Delegated enough that a failed challenge (10 %) takes more than the owner's bond,
		// the first loss: the exposed delegator pays the rest.
		let (owner, _, early) = backed_provider(2, 1, 50_000 * EMBR);
		assert!(
			<ProviderStaking as ember_primitives::ProviderStake<_, _>>::own_stake(&owner)
				< 5_000 * EMBR
		);
		assert_ok!(Slashing::report_offence(
			RuntimeOrigin::root(),
			ember_primitives::ProviderOffence::FailedChallenge {
				provider: owner.clone(),
				challenge: 1,
			},
		));
		let late = funded("late", 20_000 * EMBR);
		assert_ok!(ProviderStaking::delegate(
			RuntimeOrigin::signed(late.clone()),
			owner.clone(),
			10_000 * EMBR
		));
		let early_before = stake_of(&owner, &early[0]);
		run_to_block(System::block_number() + DisputeWindow::get() + 1);
		assert_eq!(stake_of(&owner, &late), 10_000 * EMBR, "the late delegator keeps everything");
		assert!(stake_of(&owner, &early[0]) < early_before, "the exposed delegator paid");
		check_invariants(System::block_number());
	});
}

#[test]
fn an_owner_cannot_lift_a_governance_jail_with_a_stale_slashing_release() {
	preset_ext("development").execute_with(|| {
		let (owner, _, _) = backed_provider(1, 0, 0);
		assert_ok!(Slashing::report_offence(
			RuntimeOrigin::root(),
			ember_primitives::ProviderOffence::FalseInventory {
				provider: owner.clone(),
				gpu: gpu(0).uuid_hash,
			},
		));
		run_to_block(System::block_number() + 1);
		// Governance releases it, and later jails it for reasons of its own.
		assert_ok!(Providers::force_unjail(RuntimeOrigin::root(), owner.clone()));
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), owner.clone()));
		let cooldown = <Runtime as pallet_slashing::Config>::JailCooldown::get();
		System::set_block_number(System::block_number() + cooldown + 1);
		assert_noop!(
			Slashing::unjail(RuntimeOrigin::signed(owner.clone())),
			pallet_slashing::Error::<Runtime>::NotJailedBySlashing
		);
	});
}

#[test]
fn a_slash_below_the_gpus_requirement_stops_work_until_the_owner_tops_up() {
	preset_ext("development").execute_with(|| {
		let (owner, _, _) = backed_provider(4, 0, 0);
		assert!(Providers::accepts_work(&owner));
		assert_ok!(Slashing::report_offence(
			RuntimeOrigin::root(),
			ember_primitives::ProviderOffence::FailedChallenge {
				provider: owner.clone(),
				challenge: 9,
			},
		));
		run_to_block(System::block_number() + DisputeWindow::get() + 1);
		assert_ok!(Providers::force_unjail(RuntimeOrigin::root(), owner.clone()));
		assert!(!Providers::accepts_work(&owner), "an under-bonded provider takes no work");
		let Some(pallet_providers::IdleReason::BondTooLow { bonded, required }) =
			Providers::idle_reason(&owner)
		else {
			panic!("the reason is the bond");
		};
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			crate::RuntimeEvent::ProviderStaking(
				pallet_provider_staking::Event::BondBelowRequired { owner: o, .. }
			) if *o == owner
		)));
		assert_ok!(ProviderStaking::bond_extra(
			RuntimeOrigin::signed(owner.clone()),
			required - bonded
		));
		assert!(Providers::accepts_work(&owner));
		assert_eq!(Providers::idle_reason(&owner), None);
	});
}

/// The fee of `call` signed by Alice, at the current multiplier and with no tip.
fn fee_of(call: RuntimeCall) -> Balance {
	let signer = Sr25519Keyring::Alice.pair();
	let xt = crate::signing::signed_extrinsic(&signer, 0, System::block_hash(0), call.clone());
	let len = codec::Encode::encoded_size(&xt) as u32;
	pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len, &call.get_dispatch_info(), 0)
}

#[test]
fn a_transfer_costs_about_a_hundredth_of_an_embr() {
	preset_ext("development").execute_with(|| {
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: account(Sr25519Keyring::Bob).into(),
			value: EMBR,
		});
		let fee = fee_of(transfer);
		assert!(
			(8 * crate::MILLI_EMBR..=12 * crate::MILLI_EMBR).contains(&fee),
			"transfer fee {fee} is not about 0.01 EMBR"
		);
	});
}

#[test]
fn sustained_full_blocks_make_fees_grow_and_empty_ones_never_push_them_below_target() {
	preset_ext("development").execute_with(|| {
		let normal_max = crate::configs::RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.unwrap_or_default();
		let multiplier = pallet_transaction_payment::NextFeeMultiplier::<Runtime>::get;
		assert_eq!(multiplier(), FixedPointNumber::saturating_from_integer(1));
		// An hour of full blocks.
		for block in 1..=HOURS {
			System::set_block_number(block);
			System::register_extra_weight_unchecked(normal_max, DispatchClass::Normal);
			<crate::TransactionPayment as OnFinalize<_>>::on_finalize(block);
			System::reset_events();
			frame_system::BlockWeight::<Runtime>::kill();
		}
		let after_hour = multiplier();
		assert!(
			after_hour > FixedPointNumber::saturating_from_rational(102, 100),
			"{after_hour:?}"
		);
		// Then a day of empty blocks: back to the floor, never below it.
		for block in HOURS + 1..=HOURS + 24 * HOURS {
			System::set_block_number(block);
			<crate::TransactionPayment as OnFinalize<_>>::on_finalize(block);
			frame_system::BlockWeight::<Runtime>::kill();
		}
		assert_eq!(multiplier(), FixedPointNumber::saturating_from_integer(1));
	});
}

#[test]
fn heartbeats_land_in_blocks_full_of_tipped_transfers() {
	use sp_runtime::transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError,
	};
	preset_ext("development").execute_with(|| {
		let owner = account(Sr25519Keyring::Charlie);
		let agent_pair = Sr25519Keyring::Ferdie.pair();
		let agent: AccountId = agent_pair.public().into();
		bond_and_register(&owner, &agent, 1);
		let period = crate::configs::HeartbeatPeriod::get();
		System::set_block_number(period);
		crate::tests::start_block(period + 1);

		// Ordinary transactions fill every bit of the block they may use.
		let normal_max = crate::configs::RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.unwrap_or_default();
		System::register_extra_weight_unchecked(normal_max, DispatchClass::Normal);
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: account(Sr25519Keyring::Bob).into(),
			value: EMBR,
		});
		let alice = Sr25519Keyring::Alice.pair();
		assert_eq!(
			crate::Executive::apply_extrinsic(crate::signing::signed_extrinsic(
				&alice,
				0,
				System::block_hash(0),
				transfer.clone()
			)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
		);

		// The heartbeat still fits, and the pool ranks it above a transfer tipped 1,000 EMBR.
		let heartbeat = RuntimeCall::Providers(pallet_providers::Call::heartbeat {
			attestations: Default::default(),
		});
		let xt = crate::signing::signed_extrinsic(&agent_pair, 0, System::block_hash(0), heartbeat);
		let validity = crate::Executive::validate_transaction(
			TransactionSource::External,
			xt.clone(),
			System::parent_hash(),
		)
		.expect("the heartbeat is valid");
		assert_eq!(validity.priority, pallet_providers::HEARTBEAT_PRIORITY);
		// A transfer's priority grows with its tip and saturates at the heartbeat's: find the
		// smallest tip that ties with a heartbeat (then the pool takes them in arrival order).
		let info = transfer.get_dispatch_info();
		let len = codec::Encode::encoded_size(&crate::signing::signed_extrinsic(
			&alice,
			0,
			System::block_hash(0),
			transfer.clone(),
		));
		let fee = fee_of(transfer);
		let priority_with = |tip: Balance| {
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::get_priority(
				&info, len, tip, fee,
			)
		};
		let (mut low, mut high) = (0, 1_000_000_000 * EMBR);
		assert_eq!(priority_with(high), validity.priority);
		while low < high {
			let mid = low + (high - low) / 2;
			if priority_with(mid) >= validity.priority {
				high = mid;
			} else {
				low = mid + 1;
			}
		}
		println!(
			"a tipped transfer ties with a heartbeat from a tip of {:.1} EMBR",
			low as f64 / EMBR as f64
		);
		assert!(priority_with(low - 1) < validity.priority);
		// docs/economics.md states it (about 895 EMBR): crowding heartbeats out of the pool's
		// order costs hundreds of EMBR for every transaction of the block.
		assert!(low > 500 * EMBR, "tie from a tip of {low}");
		// (Validating ran in a block of its own, after this one.)
		let now = System::block_number();
		assert!(now > period);
		assert_ok!(crate::Executive::apply_extrinsic(xt).expect("included"));
		assert_eq!(
			pallet_providers::Providers::<Runtime>::get(&owner).map(|p| p.last_heartbeat),
			Some(now)
		);
	});
}

#[test]
fn what_filling_blocks_costs() {
	use frame_support::weights::WeightToFee as _;
	preset_ext("development").execute_with(|| {
		let weights = crate::configs::RuntimeBlockWeights::get();
		let normal_weight = weights.get(DispatchClass::Normal).max_total.unwrap_or_default();
		let normal_length =
			*crate::configs::RuntimeBlockLength::get().max.get(DispatchClass::Normal);
		let by_weight = crate::configs::WeightToFee::weight_to_fee(&normal_weight);
		let by_length = Balance::from(normal_length) * crate::configs::FEE_PER_BYTE;
		let cheapest = by_weight.min(by_length);
		let embr = |amount: Balance| amount as f64 / EMBR as f64;
		println!(
			"one normal block: {:.1} EMBR by weight, {:.1} EMBR by length; an hour of the cheaper: \
			 {:.0} EMBR at the fee floor",
			embr(by_weight),
			embr(by_length),
			embr(cheapest * Balance::from(HOURS)),
		);
		// docs/economics.md states these; keep them in step.
		assert!((30 * EMBR..=50 * EMBR).contains(&by_length), "length fill {by_length}");
		assert!(by_weight > by_length, "filling by weight is dearer than by length");
		assert!(cheapest * Balance::from(HOURS) >= 20_000 * EMBR);
	});
}

/// A burst of deadlines (every lease of a block ending, a mass outage) cannot fill blocks with
/// hook work: each hook has its share of the block (the lease market a tenth, the registry a
/// fifth, as it checks every watched provider), and that share still holds a useful number of
/// lease checks and Offline providers, so a burst drains within a few blocks; the registry's
/// share carries the everyday checks of the design target's 100,000 providers. Prints the
/// numbers `docs/economics.md` and `docs/performance.md` state (`--nocapture`).
#[test]
fn block_hooks_keep_to_their_share_and_still_drain_bursts() {
	use ember_primitives::ProviderLifecycle;
	use frame_support::traits::Get;
	use pallet_leases::WeightInfo as _;
	use pallet_providers::WeightInfo as _;
	type LeaseWeights = <Runtime as pallet_leases::Config>::WeightInfo;
	type ProviderWeights = <Runtime as pallet_providers::Config>::WeightInfo;
	type Lifecycle = <Runtime as pallet_providers::Config>::Lifecycle;

	let block = crate::configs::RuntimeBlockWeights::get().max_block;
	let leases_budget = crate::configs::LeasesHookBudget::get();
	let providers_budget = crate::configs::ProvidersHookBudget::get();
	assert_eq!(leases_budget.ref_time(), block.ref_time() / 10);
	assert_eq!(providers_budget.ref_time(), block.ref_time() / 5);

	let lease_check = LeaseWeights::lease_check_close()
		.max(LeaseWeights::lease_check_grace())
		.max(LeaseWeights::close_lease());
	let offline = ProviderWeights::on_initialize(1)
		.saturating_sub(ProviderWeights::on_initialize(0))
		.saturating_add(Lifecycle::went_offline_weight());
	let checks_per_block = leases_budget.ref_time() / lease_check.ref_time();
	let offline_per_block = providers_budget.ref_time() / offline.ref_time();
	let due_per_block =
		u64::from(<<Runtime as pallet_leases::Config>::MaxDuePerBlock as Get<u32>>::get());
	let deadlines_per_block =
		u64::from(<<Runtime as pallet_providers::Config>::MaxDeadlinesPerBlock as Get<u32>>::get());
	println!(
		"lease check ≤ {:.2} ms: {checks_per_block} a block, a full queue of {due_per_block} \
		 in {} blocks; provider going Offline ≤ {:.2} ms: {offline_per_block} a block, a full \
		 bucket of {deadlines_per_block} in {} blocks",
		lease_check.ref_time() as f64 / 1e9,
		due_per_block.div_ceil(checks_per_block),
		offline.ref_time() as f64 / 1e9,
		deadlines_per_block.div_ceil(offline_per_block),
	);
	// The everyday lease check: settled and queued again, once per settlement interval.
	let settlement = LeaseWeights::lease_check_grace();
	let settlements_per_block = leases_budget.ref_time() / settlement.ref_time();
	let interval = u64::from(crate::configs::SettlementInterval::get());
	let leases_carried = settlements_per_block * interval;
	println!(
		"lease settlement check ≤ {:.3} ms: {settlements_per_block} a block, every {interval} \
		 blocks for {leases_carried} leases",
		settlement.ref_time() as f64 / 1e9,
	);
	assert!(leases_carried >= 500_000, "the lease hook keeps up with {leases_carried} leases");

	// The everyday check: a provider heard from, its deadline moved on, its kept score
	// credited, its book looked through for leases it walked out of.
	use pallet_emissions::WeightInfo as _;
	type EmissionWeights = <Runtime as pallet_emissions::Config>::WeightInfo;
	let check = ProviderWeights::on_initialize_moved_on(1)
		.saturating_sub(ProviderWeights::on_initialize_moved_on(0))
		.saturating_add(EmissionWeights::credit_availability_cached())
		.saturating_add(LeaseWeights::heard_from(
			<<Runtime as pallet_leases::Config>::MaxLeasesPerProvider as Get<u32>>::get(),
		));
	let checks_per_block = providers_budget.ref_time() / check.ref_time();
	let window = u64::from(crate::configs::MaxMissedHeartbeats::get() + 1)
		* u64::from(crate::configs::HeartbeatPeriod::get());
	let providers_carried = checks_per_block * window;
	println!(
		"liveness check ≤ {:.3} ms: {checks_per_block} a block, every {window} blocks for \
		 {providers_carried} providers",
		check.ref_time() as f64 / 1e9,
	);
	assert!(providers_carried >= 100_000, "the hook keeps up with {providers_carried} providers");

	// A full queue would have taken more than the whole block: that is why the budget exists.
	assert!(lease_check.ref_time() * due_per_block > block.ref_time() / 4);
	assert!(checks_per_block >= 32, "a budget that drains {checks_per_block} checks a block");
	assert!(offline_per_block >= 32, "a budget that drains {offline_per_block} a block");

	use pallet_slashing::WeightInfo as _;
	type SlashWeights = <Runtime as pallet_slashing::Config>::WeightInfo;
	let slashing_budget = crate::configs::SlashingHookBudget::get();
	assert_eq!(slashing_budget.ref_time(), block.ref_time() / 20);
	let slash =
		SlashWeights::apply_slash(<<Runtime as pallet_slashing::Config>::MaxHarmedLeases as Get<
			u32,
		>>::get())
		.saturating_add(<Runtime as pallet_slashing::Config>::StakeSlashWeight::get());
	let slashes_per_block = slashing_budget.ref_time() / slash.ref_time();
	println!(
		"slash applied ≤ {:.2} ms: {slashes_per_block} a block",
		slash.ref_time() as f64 / 1e9
	);
	// Slashes are rare and each moves every backer's stake: two of the worst case a block still
	// apply a hundred slashes within fifty blocks (five minutes).
	assert!(slashes_per_block >= 2, "a budget that applies {slashes_per_block} slashes a block");
}

/// A delegator that starts unbonding before an offence and whose unbonding ends before the slash
/// applies (its dispute window, then maybe the apply hook's backlog) still pays its share: stake
/// behind a provider a slash awaits cannot be withdrawn.
#[test]
fn unbonding_that_ends_before_a_slash_applies_cannot_dodge_it() {
	preset_ext("development").execute_with(|| {
		// A bonded owner (not registered: no heartbeats to keep) and one large delegator.
		let owner = funded("owner", 10_000 * EMBR);
		assert_ok!(ProviderStaking::bond(
			RuntimeOrigin::signed(owner.clone()),
			ProviderBaseStake::get()
		));
		let delegator = funded("delegator", 60_000 * EMBR);
		assert_ok!(ProviderStaking::delegate(
			RuntimeOrigin::signed(delegator.clone()),
			owner.clone(),
			50_000 * EMBR
		));
		assert_ok!(ProviderStaking::undelegate(
			RuntimeOrigin::signed(delegator.clone()),
			owner.clone(),
			50_000 * EMBR
		));
		let unbonding = <Runtime as pallet_provider_staking::Config>::UnbondingPeriod::get();
		let unlocks_at = System::block_number() + unbonding;

		// Just before the unbonding ends, the provider offends.
		System::set_block_number(unlocks_at - 2);
		assert_ok!(Slashing::report_offence(
			RuntimeOrigin::root(),
			ember_primitives::ProviderOffence::FailedChallenge {
				provider: owner.clone(),
				challenge: 1,
			},
		));
		let exposed = stake_of(&owner, &delegator);
		assert_eq!(exposed, 50_000 * EMBR);
		run_to_block(unlocks_at + 1);
		assert_noop!(
			ProviderStaking::withdraw_delegation(
				RuntimeOrigin::signed(delegator.clone()),
				owner.clone()
			),
			pallet_provider_staking::Error::<Runtime>::PunishmentPending
		);

		// The slash applies after its window; the delegator paid, then leaves with the rest.
		run_to_block(System::block_number() + DisputeWindow::get() + 2);
		assert!(!<Slashing as ember_primitives::ProviderPunishments<_>>::is_pending(&owner));
		let left = stake_of(&owner, &delegator);
		assert!(left < exposed, "the delegator paid its share: {left} of {exposed} left");
		let before = Balances::free_balance(&delegator);
		assert_ok!(ProviderStaking::withdraw_delegation(
			RuntimeOrigin::signed(delegator.clone()),
			owner.clone()
		));
		assert_eq!(Balances::free_balance(&delegator), before + left);
	});
}
