//! Tests of the assembled runtime: genesis presets, validator-set changes reaching consensus, and
//! Ember's pallets working together through the real transaction pipeline.

use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Inspect, Get, OnFinalize, OnInitialize},
};
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_keyring::Sr25519Keyring;
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{generic::Digest, traits::Header as _, BoundedVec};

use crate::{
	configs::{HeartbeatPeriod, ProviderBaseStake, ProviderStakePerUnit, SessionPeriod},
	genesis_config_presets::get_preset,
	AccountId, Balance, Balances, BlockNumber, Executive, Header, Leases, ProviderStaking,
	Providers, Runtime, RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeHoldReason,
	RuntimeOrigin, Session, SessionKeys, System, UncheckedExtrinsic, ValidatorSet, EMBR, HOURS,
};

/// Merges a genesis preset's JSON patch into the full default configuration.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Test externalities holding the genesis state of preset `name`, with a keystore.
pub(crate) fn preset_ext(name: &str) -> sp_io::TestExternalities {
	use sp_runtime::BuildStorage;
	let patch: serde_json::Value =
		serde_json::from_slice(&get_preset(&name.into()).expect("preset exists"))
			.expect("preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("preset is valid");
	let mut ext = sp_io::TestExternalities::new(config.build_storage().expect("genesis builds"));
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| {
		System::set_block_number(1);
		System::deposit_log(babe_pre_digest(1));
		<crate::Babe as OnInitialize<BlockNumber>>::on_initialize(1);
	});
	ext
}

/// Makes the current block's digest name BABE `slot` and nothing else (events stay, unlike
/// `System::initialize`, so that a test can read a whole run's).
pub(crate) fn set_babe_slot(slot: u64) {
	frame_support::storage::unhashed::kill(&frame_support::storage::storage_prefix(
		b"System", b"Digest",
	));
	System::deposit_log(babe_pre_digest(slot));
}

/// The BABE pre-runtime digest of a block in `slot` (one slot per block, as on a chain whose
/// every slot has its block) by the session's first validator, in a secondary slot: the author
/// the node writes into the header.
pub(crate) fn babe_pre_digest(slot: u64) -> sp_runtime::DigestItem {
	use sp_consensus_babe::digests::{PreDigest, SecondaryPlainPreDigest};
	let pre_digest = PreDigest::SecondaryPlain(SecondaryPlainPreDigest {
		authority_index: 0,
		slot: slot.into(),
	});
	sp_runtime::DigestItem::PreRuntime(sp_consensus_babe::BABE_ENGINE_ID, pre_digest.encode())
}

/// Checks the invariants of Ember's pallets at block `now`.
pub(crate) fn check_invariants(now: BlockNumber) {
	ValidatorSet::do_try_state().expect("validator-set invariants hold");
	ProviderStaking::do_try_state().expect("provider-staking invariants hold");
	Providers::do_try_state(now).expect("provider invariants hold");
	Leases::do_try_state(now).expect("lease market invariants hold");
	crate::Emissions::do_try_state(now).expect("emissions invariants hold");
	crate::Slashing::do_try_state(now).expect("slashing invariants hold");
	crate::Challenges::do_try_state(now).expect("challenges invariants hold");
}

/// Runs the block hooks that matter here up to block `n`, checking invariants after each block.
pub(crate) fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let now = System::block_number();
		<Providers as OnFinalize<BlockNumber>>::on_finalize(now);
		<crate::Grandpa as OnFinalize<BlockNumber>>::on_finalize(now);
		<crate::Babe as OnFinalize<BlockNumber>>::on_finalize(now);
		let next = now + 1;
		System::set_block_number(next);
		set_babe_slot(next.into());
		<Session as OnInitialize<BlockNumber>>::on_initialize(next);
		<Providers as OnInitialize<BlockNumber>>::on_initialize(next);
		<Leases as OnInitialize<BlockNumber>>::on_initialize(next);
		<crate::Emissions as OnInitialize<BlockNumber>>::on_initialize(next);
		<crate::Slashing as OnInitialize<BlockNumber>>::on_initialize(next);
		<crate::Challenges as OnInitialize<BlockNumber>>::on_initialize(next);
		check_invariants(next);
	}
}

pub(crate) fn account(keyring: Sr25519Keyring) -> AccountId {
	keyring.to_account_id()
}

#[test]
fn every_preset_builds_a_consistent_genesis() {
	let alice = account(Sr25519Keyring::Alice);
	for (preset, validators, sudo) in
		[("development", 1usize, Some(alice.clone())), ("local_testnet", 4, None)]
	{
		preset_ext(preset).execute_with(|| {
			assert_eq!(Session::validators().len(), validators, "{preset}: session validators");
			assert_eq!(
				pallet_validator_set::Validators::<Runtime>::get().len(),
				validators,
				"{preset}: planned validators"
			);
			assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), validators, "{preset}");
			assert_eq!(crate::Grandpa::grandpa_authorities().len(), validators, "{preset}");
			// Only the development chain has a sudo key; the council governs everywhere.
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), sudo, "{preset}: sudo key");
			assert_eq!(
				pallet_collective::Members::<Runtime, crate::configs::CouncilCollective>::get()
					.len(),
				3,
				"{preset}: council seats"
			);
			assert!(Balances::total_issuance() > 0, "{preset}: accounts are endowed");
			check_invariants(1);
		});
	}
}

#[test]
fn validator_added_by_governance_validates_from_the_session_after_next() {
	preset_ext("local_testnet").execute_with(|| {
		let eve = account(Sr25519Keyring::Eve);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), eve.clone()),
			pallet_validator_set::Error::<Runtime>::NoSessionKeys
		);

		let generated = SessionKeys::generate(&eve.encode(), None);
		assert_ok!(Session::set_keys(
			RuntimeOrigin::signed(eve.clone()),
			generated.keys.clone(),
			generated.proof.encode()
		));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(eve.clone()), eve.clone()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), eve.clone()));

		// One rotation queues the new set; the next one activates it.
		run_to_block(SessionPeriod::get() + 1);
		assert!(!Session::validators().contains(&eve));
		run_to_block(2 * SessionPeriod::get() + 1);
		assert!(Session::validators().contains(&eve));
		assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), 5);
		assert!(pallet_babe::Authorities::<Runtime>::get()
			.iter()
			.any(|(authority, _)| *authority == generated.keys.babe));

		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), eve.clone()));
		run_to_block(4 * SessionPeriod::get() + 1);
		assert!(!Session::validators().contains(&eve));
		assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), 4);
	});
}

/// A council majority governs every Ember pallet: a motion it passes runs with the
/// governance origin, and a minority's does not. Without sudo, nothing else does.
#[test]
fn a_council_majority_governs_and_a_minority_does_not() {
	use pallet_collective::RawOrigin as CouncilOrigin;
	preset_ext("local_testnet").execute_with(|| {
		let dave = account(Sr25519Keyring::Dave);
		let majority: RuntimeOrigin =
			CouncilOrigin::<AccountId, crate::configs::CouncilCollective>::Members(2, 3).into();
		let minority: RuntimeOrigin =
			CouncilOrigin::<AccountId, crate::configs::CouncilCollective>::Members(1, 3).into();
		let set_period = |origin: RuntimeOrigin| Providers::set_heartbeat_params(origin, 20, 3);
		assert_noop!(set_period(minority.clone()), sp_runtime::DispatchError::BadOrigin);
		assert_noop!(
			set_period(RuntimeOrigin::signed(dave.clone())),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(set_period(majority.clone()));
		assert_eq!(Providers::heartbeat_period(), 20);
		// The leases follow: an attestation covers the new window.
		assert_eq!(<Runtime as pallet_leases::Config>::AttestationTolerance::get(), 4 * 20);

		assert_ok!(crate::Slashing::set_era_slash_cap(
			majority.clone(),
			sp_runtime::Perbill::from_percent(10)
		));
		assert_noop!(
			crate::Slashing::set_era_slash_cap(minority, sp_runtime::Perbill::from_percent(10)),
			sp_runtime::DispatchError::BadOrigin
		);
		// No sudo key, so no one can act as Root.
		assert_noop!(
			pallet_sudo::Pallet::<Runtime>::sudo(
				RuntimeOrigin::signed(account(Sr25519Keyring::Alice)),
				Box::new(RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() }))
			),
			pallet_sudo::Error::<Runtime>::RequireSudo
		);
		// The council spends the treasury: the fees' account.
		let treasury = crate::configs::TreasuryAccount::get();
		assert_ok!(Balances::transfer_keep_alive(
			RuntimeOrigin::signed(dave.clone()),
			treasury.clone().into(),
			1_000 * EMBR
		));
		let before = Balances::balance(&dave);
		assert_ok!(pallet_treasury::Pallet::<Runtime>::spend(
			majority,
			Box::new(()),
			100 * EMBR,
			Box::new(dave.clone()),
			None
		));
		assert_ok!(pallet_treasury::Pallet::<Runtime>::payout(
			RuntimeOrigin::signed(dave.clone()),
			0
		));
		assert_eq!(Balances::balance(&dave), before + 100 * EMBR);
	});
}

/// Two thirds of the council reach Root through the whitelist, in one motion: they authorize
/// a runtime upgrade that anyone may then apply. A bare majority, a member alone or a stranger
/// cannot, and nobody can relay a Root call the council never asked for.
#[test]
fn two_thirds_of_the_council_authorize_a_runtime_upgrade_and_nobody_less_can() {
	use pallet_collective::RawOrigin as CouncilOrigin;
	use sp_runtime::traits::Hash as _;
	type Council = CouncilOrigin<AccountId, crate::configs::CouncilCollective>;
	preset_ext("local_testnet").execute_with(|| {
		let code_hash = H256::repeat_byte(7);
		let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		let call_hash = <Runtime as frame_system::Config>::Hashing::hash_of(&authorize);
		let upgrade_authorized = || {
			System::events().iter().any(|record| {
				record.event
					== RuntimeEvent::System(frame_system::Event::UpgradeAuthorized {
						code_hash,
						check_version: true,
					})
			})
		};
		let motion = |origin: RuntimeOrigin| {
			crate::Utility::batch_all(
				origin,
				vec![
					RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash }),
					RuntimeCall::Whitelist(
						pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
							call: Box::new(authorize.clone()),
						},
					),
				],
			)
		};

		// Three of five is a majority, not two thirds; a member alone or a stranger is neither.
		for origin in [
			Council::Members(3, 5).into(),
			Council::Member(account(Sr25519Keyring::Alice)).into(),
			RuntimeOrigin::signed(account(Sr25519Keyring::Eve)),
		] {
			assert!(motion(origin).is_err());
			assert!(!upgrade_authorized());
		}
		// A stranger cannot dispatch a Root call that was never whitelisted or deferred.
		assert_noop!(
			crate::Whitelist::dispatch_whitelisted_call_with_preimage(
				RuntimeOrigin::signed(account(Sr25519Keyring::Eve)),
				Box::new(authorize.clone())
			),
			pallet_whitelist::Error::<Runtime>::DeferredDispatchNotFound
		);

		System::reset_events();
		assert_ok!(motion(Council::Members(2, 3).into()));
		assert!(upgrade_authorized());
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Whitelist(pallet_whitelist::Event::WhitelistedCallDispatched {
				result: Ok(_),
				..
			})
		)));
		// The whitelist entry is spent: the same call cannot be replayed as Root.
		assert!(!pallet_whitelist::WhitelistedCall::<Runtime>::contains_key(call_hash));
		assert_noop!(
			crate::Whitelist::dispatch_whitelisted_call_with_preimage(
				RuntimeOrigin::signed(account(Sr25519Keyring::Eve)),
				Box::new(authorize)
			),
			pallet_whitelist::Error::<Runtime>::DeferredDispatchNotFound
		);
	});
}

/// A GPU as the agent would report it.
pub(crate) fn gpu(index: u8) -> ember_primitives::GpuSpec {
	ember_primitives::GpuSpec {
		model: BoundedVec::truncate_from(b"NVIDIA GeForce RTX 4090".to_vec()),
		vram_mib: 24_564,
		compute_capability: ember_primitives::ComputeCapability::new(8, 9),
		uuid_hash: H256::repeat_byte(index),
	}
}

/// The bond `gpus` require: the base, and the stake units they weigh by class.
pub(crate) fn required_bond(gpus: &[ember_primitives::GpuSpec]) -> Balance {
	ProviderBaseStake::get()
		+ ProviderStakePerUnit::get() * Balance::from(Providers::stake_units_for(gpus))
}

/// Registers `owner` with `agent` and `gpus`, with one address.
fn register(
	owner: &AccountId,
	agent: &AccountId,
	gpus: Vec<ember_primitives::GpuSpec>,
) -> sp_runtime::DispatchResult {
	Providers::register(
		RuntimeOrigin::signed(owner.clone()),
		agent.clone(),
		BoundedVec::truncate_from(b"eu-west".to_vec()),
		BoundedVec::truncate_from(b"12D3KooWEmberTestPeer".to_vec()),
		BoundedVec::truncate_from(vec![BoundedVec::truncate_from(
			b"/ip4/127.0.0.1/tcp/30555".to_vec(),
		)]),
		BoundedVec::truncate_from(gpus),
	)
}

/// Bonds what `gpus` GPUs require and registers `owner` with `agent`, its GPUs proven.
pub(crate) fn bond_and_register(owner: &AccountId, agent: &AccountId, gpus: u8) {
	let gpus: Vec<_> = (0..gpus).map(gpu).collect();
	assert_ok!(ProviderStaking::bond(RuntimeOrigin::signed(owner.clone()), required_bond(&gpus)));
	assert_ok!(register(owner, agent, gpus));
	// As if each GPU had passed its first challenge: the agent's side is tested on a node.
	crate::proven::prove_gpus(owner);
}

#[test]
fn registration_needs_the_bond_and_the_bond_cannot_drop_below_the_gpus_it_covers() {
	preset_ext("development").execute_with(|| {
		let owner = account(Sr25519Keyring::Charlie);
		let agent = account(Sr25519Keyring::Ferdie);

		// No bond: no registration.
		assert_noop!(
			Providers::register(
				RuntimeOrigin::signed(owner.clone()),
				agent.clone(),
				BoundedVec::truncate_from(b"eu-west".to_vec()),
				BoundedVec::truncate_from(b"12D3KooWEmberTestPeer".to_vec()),
				BoundedVec::truncate_from(vec![BoundedVec::truncate_from(
					b"/ip4/1.2.3.4".to_vec()
				)]),
				BoundedVec::truncate_from(vec![gpu(1)]),
			),
			pallet_providers::Error::<Runtime>::InsufficientStake
		);

		bond_and_register(&owner, &agent, 4);
		assert_eq!(
			<Providers as ember_primitives::ProviderRegistry<AccountId>>::registered_gpus(&owner),
			Some(4)
		);
		assert_eq!(
			<Providers as ember_primitives::ProviderRegistry<AccountId>>::provider_of_agent(&agent),
			Some(owner.clone())
		);

		// The four GPUs keep their stake bonded.
		assert_noop!(
			ProviderStaking::unbond(RuntimeOrigin::signed(owner.clone()), EMBR),
			pallet_provider_staking::Error::<Runtime>::BelowRequiredStake
		);

		// Leaving (no leases yet) releases the requirement; the bond then unbonds normally.
		assert_ok!(Providers::leave(RuntimeOrigin::signed(owner.clone())));
		assert_eq!(
			<Providers as ember_primitives::ProviderRegistry<AccountId>>::registered_gpus(&owner),
			None
		);
		assert_ok!(ProviderStaking::unbond(RuntimeOrigin::signed(owner.clone()), EMBR));
		check_invariants(System::block_number());
	});
}

/// 32 GPUs claimed as `model`.
fn claimed(model: &str) -> Vec<ember_primitives::GpuSpec> {
	(0..32u8)
		.map(|index| ember_primitives::GpuSpec {
			model: BoundedVec::truncate_from(model.as_bytes().to_vec()),
			..gpu(index)
		})
		.collect()
}

#[test]
fn the_bond_follows_the_class_each_gpu_claims() {
	preset_ext("development").execute_with(|| {
		let owner = account(Sr25519Keyring::Charlie);
		let agent = account(Sr25519Keyring::Ferdie);
		let (t4s, h100s) = (claimed("Tesla T4"), claimed("NVIDIA H100 80GB HBM3"));
		// 32 T4s weigh a unit each; 32 claimed H100s ten each.
		assert_eq!(required_bond(&t4s), 4_200 * EMBR);
		assert_eq!(required_bond(&h100s), 33_000 * EMBR);

		// The bond of 32 T4s does not cover 32 H100s.
		assert_ok!(ProviderStaking::bond(RuntimeOrigin::signed(owner.clone()), 4_200 * EMBR));
		assert_noop!(
			register(&owner, &agent, h100s.clone()),
			pallet_providers::Error::<Runtime>::InsufficientStake
		);
		assert_ok!(register(&owner, &agent, t4s));
		// Nor can the same 32 GPUs be claimed as H100s afterwards.
		assert_noop!(
			Providers::update_inventory(
				RuntimeOrigin::signed(owner.clone()),
				BoundedVec::truncate_from(h100s.clone())
			),
			pallet_providers::Error::<Runtime>::InsufficientStake
		);
		assert_ok!(ProviderStaking::bond_extra(
			RuntimeOrigin::signed(owner.clone()),
			28_800 * EMBR
		));
		assert_ok!(Providers::update_inventory(
			RuntimeOrigin::signed(owner.clone()),
			BoundedVec::truncate_from(h100s)
		));
		// And the claim keeps its stake bonded.
		assert_noop!(
			ProviderStaking::unbond(RuntimeOrigin::signed(owner.clone()), EMBR),
			pallet_provider_staking::Error::<Runtime>::BelowRequiredStake
		);

		// Governance doubles the H100's score; anyone applies it, and the provider takes no
		// new work until its owner covers the new claim.
		assert_ok!(crate::Emissions::set_class_score(
			RuntimeOrigin::root(),
			BoundedVec::truncate_from(b"NVIDIA H100 80GB HBM3".to_vec()),
			Some(2_000)
		));
		assert_ok!(Providers::refresh_stake_units(
			RuntimeOrigin::signed(account(Sr25519Keyring::Eve)),
			owner.clone()
		));
		assert!(!Providers::accepts_work(&owner));
		assert_ok!(ProviderStaking::bond_extra(
			RuntimeOrigin::signed(owner.clone()),
			32_000 * EMBR
		));
		assert!(Providers::accepts_work(&owner));
		check_invariants(System::block_number());
	});
}

/// `call` signed by `signer` as a wallet would sign it for this chain.
fn signed_extrinsic(signer: &sr25519::Pair, nonce: u32, call: RuntimeCall) -> UncheckedExtrinsic {
	crate::signing::signed_extrinsic(signer, nonce, System::block_hash(0), call)
}

/// Starts block `number` through the executive, as the node does.
pub(crate) fn start_block(number: BlockNumber) {
	let header = Header::new(
		number,
		Default::default(),
		Default::default(),
		System::parent_hash(),
		Digest::default(),
	);
	Executive::initialize_block(&header);
}

/// Charlie registered as a provider with one GPU and Ferdie as its agent: the owner, the agent's
/// key, and a heartbeat without attestations.
fn registered_agent() -> (AccountId, sr25519::Pair, RuntimeCall) {
	let owner = account(Sr25519Keyring::Charlie);
	let agent_pair = Sr25519Keyring::Ferdie.pair();
	bond_and_register(&owner, &agent_pair.public().into(), 1);
	let heartbeat = RuntimeCall::Providers(pallet_providers::Call::heartbeat {
		attestations: Default::default(),
	});
	(owner, agent_pair, heartbeat)
}

#[test]
fn a_valid_heartbeat_is_feeless_and_invalid_ones_never_enter_a_block() {
	use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
	preset_ext("development").execute_with(|| {
		let (owner, agent_pair, heartbeat) = registered_agent();
		let agent: AccountId = agent_pair.public().into();

		// Registration counts as this period's heartbeat: another one is stale.
		start_block(System::block_number() + 1);
		assert_eq!(
			Executive::apply_extrinsic(signed_extrinsic(&agent_pair, 0, heartbeat.clone())),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);

		// The next heartbeat period begins.
		let next_period = HeartbeatPeriod::get() + 1;
		System::set_block_number(next_period - 1);
		start_block(next_period);

		let before = Balances::balance(&agent);
		let result =
			Executive::apply_extrinsic(signed_extrinsic(&agent_pair, 0, heartbeat.clone()));
		assert_ok!(result.expect("the heartbeat is valid"));
		assert_eq!(Balances::balance(&agent), before, "a valid heartbeat costs nothing");
		assert_eq!(
			pallet_providers::Providers::<Runtime>::get(&owner).map(|p| p.last_heartbeat),
			Some(next_period)
		);

		// A second heartbeat in the same period is stale, and so is one from a key that is no
		// agent: neither is included, so neither costs or changes anything.
		assert_eq!(
			Executive::apply_extrinsic(signed_extrinsic(&agent_pair, 1, heartbeat.clone())),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
		assert_eq!(
			Executive::apply_extrinsic(signed_extrinsic(&Sr25519Keyring::Eve.pair(), 0, heartbeat)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadSigner))
		);
		assert_eq!(Balances::balance(&agent), before);
	});
}

#[test]
fn a_feeless_heartbeat_gives_the_skipped_payment_storage_access_back_to_the_block() {
	use frame_support::{
		dispatch::{DispatchClass, GetDispatchInfo},
		storage::{with_transaction, TransactionOutcome},
		weights::Weight,
	};
	use pallet_transaction_payment::WeightInfo as _;
	use sp_runtime::traits::{Dispatchable, TransactionExtension};
	preset_ext("development").execute_with(|| {
		let (_, agent_pair, heartbeat) = registered_agent();
		let agent: AccountId = agent_pair.public().into();
		let next_period = HeartbeatPeriod::get() + 1;
		System::set_block_number(next_period - 1);
		start_block(next_period);

		// What the call itself uses, from a dispatch that is rolled back.
		let call_weight = with_transaction(|| {
			let post = heartbeat.clone().dispatch(RuntimeOrigin::signed(agent.clone()));
			TransactionOutcome::Rollback(Ok::<_, sp_runtime::DispatchError>(post))
		})
		.expect("rolled back")
		.expect("the heartbeat dispatches")
		.calc_actual_weight(&heartbeat.get_dispatch_info());
		let class = DispatchClass::Operational;
		let base = <Runtime as frame_system::Config>::BlockWeights::get().get(class).base_extrinsic;
		let extensions = crate::signing::tx_extension(0).weight(&heartbeat);
		let skipped = crate::feeless::skipped_storage_access::<Runtime>();
		let payment =
			<Runtime as pallet_transaction_payment::Config>::WeightInfo::charge_transaction_payment(
			);
		assert!(payment.all_gte(skipped), "the refund never exceeds what the payment charges");

		let extrinsic = signed_extrinsic(&agent_pair, 0, heartbeat);
		// The block's proof also carries the transaction itself.
		let length = Weight::from_parts(0, extrinsic.encoded_size() as u64);
		let before = *System::block_weight().get(class);
		assert_ok!(Executive::apply_extrinsic(extrinsic).expect("the heartbeat is valid"));
		let used = *System::block_weight().get(class) - before;
		assert_eq!(used, base + extensions + call_weight + length - skipped);
		assert_ne!(skipped, Weight::zero());

		// A paid call gets nothing back: it is charged its payment in full.
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: account(Sr25519Keyring::Dave).into(),
			value: EMBR,
		});
		let transfer_weight = transfer.get_dispatch_info().call_weight;
		let normal = <Runtime as frame_system::Config>::BlockWeights::get()
			.get(DispatchClass::Normal)
			.base_extrinsic;
		let extensions = crate::signing::tx_extension(0).weight(&transfer);
		let extrinsic = signed_extrinsic(&Sr25519Keyring::Alice.pair(), 0, transfer);
		let length = Weight::from_parts(0, extrinsic.encoded_size() as u64);
		let before = *System::block_weight().get(DispatchClass::Normal);
		assert_ok!(Executive::apply_extrinsic(extrinsic).expect("the transfer is valid"));
		let used = *System::block_weight().get(DispatchClass::Normal) - before;
		assert_eq!(used, normal + extensions + transfer_weight + length);
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::SkipFeelessPayment(pallet_skip_feeless_payment::Event::FeeSkipped { .. })
		)));
	});
}

#[test]
fn written_out_development_keys_match_their_seeds() {
	use crate::genesis_config_presets::dev_keys;
	let seeds = [
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	];
	for (keys, seed) in dev_keys::ALL.iter().zip(seeds) {
		assert_eq!(keys.sr25519, seed.public().0, "{seed:?} sr25519");
		let ed = sp_keyring::Ed25519Keyring::from_raw_public(keys.ed25519)
			.unwrap_or_else(|| panic!("{seed:?}: the ed25519 key is a development key"));
		assert_eq!(format!("{ed:?}"), format!("{seed:?}"), "ed25519 key of the same identity");
	}
}

/// Amount `who` holds for the lease market, escrow and deposits together.
fn held_by_market(who: &AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	[pallet_leases::HoldReason::Escrow, pallet_leases::HoldReason::StorageDeposit]
		.into_iter()
		.map(|reason| Balances::balance_on_hold(&RuntimeHoldReason::Leases(reason), who))
		.sum()
}

/// One attestation line: the workload runs at 87 % on 20 GiB.
pub(crate) fn running(lease: ember_primitives::LeaseId) -> ember_primitives::LeaseAttestation {
	ember_primitives::LeaseAttestation {
		lease,
		status: ember_primitives::WorkloadStatus::Running,
		gpu_utilization_pct: 87,
		memory_used_mib: 20_480,
	}
}

#[test]
fn a_whole_lease_pays_the_provider_burns_the_fee_and_refunds_the_tenant() {
	preset_ext("development").execute_with(|| {
		let tenant = account(Sr25519Keyring::Dave);
		let (cheap, cheap_agent) = (account(Sr25519Keyring::Bob), account(Sr25519Keyring::Eve));
		let (dear, dear_agent) =
			(account(Sr25519Keyring::Charlie), account(Sr25519Keyring::Ferdie));
		bond_and_register(&cheap, &cheap_agent, 2);
		bond_and_register(&dear, &dear_agent, 2);

		let tenant_before = Balances::balance(&tenant);
		let cheap_before = Balances::balance(&cheap);
		let dear_before = Balances::balance(&dear);
		let issuance_before = Balances::total_issuance();
		// Every block's author (Alice) is paid from emissions; nothing else is minted in it.
		let to_authors = || pallet_emissions::CurrentEra::<Runtime>::get().to_authors;
		let authors_before = to_authors();

		// Two RTX-class GPUs for two hours, at most 10 EMBR per GPU-hour; the best bid wins
		// by itself when the 10-block window ends.
		let requirement = pallet_leases::GpuRequirement {
			model: None,
			min_vram_mib: 20_000,
			min_compute_capability: ember_primitives::ComputeCapability::new(8, 0),
			count: 2,
		};
		let duration = 2 * HOURS;
		assert_ok!(Leases::create_order(
			RuntimeOrigin::signed(tenant.clone()),
			requirement,
			duration,
			10 * EMBR,
			H256::repeat_byte(0xaa),
			None,
			10,
			true,
		));
		let order_escrow = 10 * EMBR * 2 * Balance::from(duration) / Balance::from(HOURS);
		assert_eq!(held_by_market(&tenant), order_escrow + EMBR, "worst case plus deposit");

		let gpus = |provider_gpus: [u8; 2]| {
			BoundedVec::truncate_from(provider_gpus.map(|i| gpu(i).uuid_hash).to_vec())
		};
		assert_ok!(Leases::place_bid(
			RuntimeOrigin::signed(dear_agent.clone()),
			0,
			8 * EMBR,
			gpus([0, 1])
		));
		assert_ok!(Leases::place_bid(
			RuntimeOrigin::signed(cheap_agent.clone()),
			0,
			6 * EMBR,
			gpus([0, 1])
		));

		// The window ends at block 11: the cheaper bid wins, the other provider's GPUs are free.
		run_to_block(11);
		let lease = pallet_leases::Leases::<Runtime>::get(0).expect("the lease started");
		assert_eq!(lease.provider, cheap);
		assert_eq!(lease.start, 11);
		assert_eq!(lease.end, 11 + duration);
		let lease_escrow = 6 * EMBR * 2 * Balance::from(duration) / Balance::from(HOURS);
		assert_eq!(lease.escrow, lease_escrow);
		assert_eq!(held_by_market(&tenant), lease_escrow + EMBR);
		assert!(Leases::free_gpus(&dear).expect("registered").gpus.len() == 2);
		assert!(Leases::free_gpus(&cheap).expect("registered").gpus.is_empty());

		// The agent heartbeats once per period with its attestation; each one records, and no
		// money moves until the lease is settled.
		let period = HeartbeatPeriod::get();
		for k in 1..=8 {
			run_to_block(k * period);
			assert_ok!(Providers::heartbeat(
				RuntimeOrigin::signed(cheap_agent.clone()),
				BoundedVec::truncate_from(vec![running(0)]),
			));
			let lease = pallet_leases::Leases::<Runtime>::get(0).expect("the lease runs");
			assert_eq!((lease.settled_until, lease.paid), (11, 0));
			let book = pallet_leases::Books::<Runtime>::get(&cheap);
			assert_eq!(book.running(0).map(|running| running.attested_at), Some(k * period));
		}

		// The tenant is done after 400 blocks and closes.
		run_to_block(411);
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(tenant.clone()), 0));

		// 400 blocks of 2 GPUs at 6 EMBR per GPU-hour: 8 EMBR, of which 2 % is burned.
		let paid = 6 * EMBR * 2 * 400 / Balance::from(HOURS);
		assert_eq!(paid, 8 * EMBR);
		let fee = paid / 50;
		assert_eq!(Balances::balance(&tenant), tenant_before - paid, "the rest comes back");
		assert_eq!(held_by_market(&tenant), 0);
		assert_eq!(Balances::balance(&cheap), cheap_before + paid - fee, "provider paid");
		assert_eq!(Balances::balance(&dear), dear_before, "the losing bidder pays nothing");
		assert_eq!(
			Balances::total_issuance(),
			issuance_before - fee + (to_authors() - authors_before),
			"the fee is burned"
		);
		assert!(pallet_leases::Leases::<Runtime>::get(0).is_none());
		assert_eq!(Leases::free_gpus(&cheap).expect("registered").gpus.len(), 2);
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Leases(pallet_leases::Event::LeaseClosed {
				lease: 0,
				reason: ember_primitives::CloseReason::Tenant,
				paid: p,
				fees: f,
				..
			}) if *p == paid && *f == fee
		)));
		check_invariants(System::block_number());
	});
}

#[test]
fn a_silent_provider_is_not_paid_for_its_downtime_and_its_lease_closes() {
	preset_ext("development").execute_with(|| {
		let tenant = account(Sr25519Keyring::Dave);
		let (owner, agent) = (account(Sr25519Keyring::Bob), account(Sr25519Keyring::Eve));
		bond_and_register(&owner, &agent, 1);
		let tenant_before = Balances::balance(&tenant);
		let owner_before = Balances::balance(&owner);

		// Rent one GPU for a day straight from a listing, at 1 EMBR per GPU-hour.
		assert_ok!(Leases::list_offer(
			RuntimeOrigin::signed(agent.clone()),
			BoundedVec::truncate_from(vec![gpu(0).uuid_hash]),
			EMBR,
			crate::DAYS,
		));
		assert_ok!(Leases::rent(
			RuntimeOrigin::signed(tenant.clone()),
			0,
			1,
			crate::DAYS,
			EMBR,
			H256::repeat_byte(0xbb),
		));

		// The agent never attests. The registry marks the provider Offline; the lease market
		// closes its lease once the offline limit passes, paying only the tolerated time.
		let offline_at = pallet_providers::Providers::<Runtime>::get(&owner)
			.and_then(|info| info.liveness_deadline)
			.expect("watched");
		run_to_block(offline_at);
		assert_eq!(
			<Providers as ember_primitives::ProviderRegistry<AccountId>>::status(&owner),
			Some(ember_primitives::ProviderStatus::Offline)
		);
		assert!(pallet_leases::Leases::<Runtime>::get(0).is_some(), "no teardown at Offline");
		run_to_block(offline_at + crate::configs::OfflineLimit::get());
		assert!(pallet_leases::Leases::<Runtime>::get(0).is_none());

		// Paid: from the start until the attestation tolerance ran out or the provider went
		// Offline, whichever came first.
		let tolerated = <crate::configs::AttestationTolerance as frame_support::traits::Get<
			BlockNumber,
		>>::get();
		let paid_blocks = tolerated.min(offline_at - 1);
		let paid = EMBR * Balance::from(paid_blocks) / Balance::from(HOURS);
		let fee = paid / 50;
		assert_eq!(Balances::balance(&tenant), tenant_before - paid);
		assert_eq!(Balances::balance(&owner), owner_before + paid - fee);
		assert_eq!(held_by_market(&tenant), 0);
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Leases(pallet_leases::Event::LeaseClosed {
				reason: ember_primitives::CloseReason::ProviderOffline,
				..
			})
		)));
		// The GPU returns to the listing.
		assert_eq!(
			pallet_leases::Offers::<Runtime>::get(0).map(|offer| offer.available.len()),
			Some(1)
		);
	});
}

/// `ember-client` generates its typed chain access from `client/metadata/ember.scale`. When the
/// runtime changes, that file must follow, or the client would build calls the chain rejects.
/// `scripts/update-metadata.sh` rewrites it (it runs this test with `EMBER_UPDATE_METADATA=1`).
#[test]
fn client_metadata_matches_the_runtime() {
	let path =
		std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../client/metadata/ember.scale");
	// Some constants are storage-backed parameters: read them from an empty (default) state.
	let current = sp_io::TestExternalities::default().execute_with(|| {
		crate::Runtime::metadata_at_version(16).expect("the runtime serves metadata v16")
	});
	if std::env::var_os("EMBER_UPDATE_METADATA").is_some() {
		std::fs::write(&path, &*current).expect("the client's metadata file is writable");
		return;
	}
	let stored = std::fs::read(&path).expect("client/metadata/ember.scale exists");
	assert!(
		stored == *current,
		"client/metadata/ember.scale no longer matches the runtime: run ./scripts/update-metadata.sh \
		 and rebuild ember-client"
	);
}
