//! Property tests: random sequences of reports, cancellations, governance changes, releases and
//! blocks, with the invariants checked after every step and every planck followed to the end.

use crate::{mock::*, Destination, Event, OffenceKind, OffenceParams, SlashDestination, SlashId};
use ember_primitives::{
	HarmedLease, LeaseOffence, LeaseOffenceReporter, ProviderOffence, ProviderStatus,
};
use frame_support::traits::fungible::Inspect;
use proptest::prelude::*;
use sp_runtime::{DispatchResult, Perbill, StateVersion};
use std::collections::{BTreeMap, BTreeSet};

/// Who offends: two backed providers, one without backing, and an account that is no provider.
const PROVIDERS: [AccountId; 4] = [PROVIDER_A, PROVIDER_B, PROVIDER_C, STRANGER];
/// Who is harmed: funded tenants, and accounts that do not exist yet.
const TENANTS: [AccountId; 5] = [TENANT, TENANT_2, TENANT_3, FRESH, FRESH_2];
/// Every account that may hold funds.
const ALL_ACCOUNTS: [AccountId; 8] =
	[TENANT, TENANT_2, TENANT_3, FRESH, FRESH_2, TREASURY, VAULT, STRANGER];
const STATUSES: [ProviderStatus; 4] = [
	ProviderStatus::Active,
	ProviderStatus::Offline,
	ProviderStatus::Jailed,
	ProviderStatus::Leaving,
];

#[derive(Clone, Debug)]
enum Op {
	Downtime { provider: usize, since: u64, harmed: Vec<(usize, Balance)> },
	EarlyClose { provider: usize, lease: u64, tenant: usize, unserved: Balance },
	Proven { provider: usize, false_inventory: bool, subject: u8 },
	Cancel(SlashId),
	SetParams { kind: usize, percent: u32, jails: bool },
	SetDestination(bool),
	SetStatus(usize, usize),
	Unjail(usize),
	Advance(BlockNumber),
}

/// Unspent escrow around the existential deposit, and well above it.
fn unspent() -> impl Strategy<Value = Balance> {
	prop_oneof![0..=2 * EXISTENTIAL_DEPOSIT, 0..=3_000u128]
}

fn op() -> impl Strategy<Value = Op> {
	let provider = 0..PROVIDERS.len();
	let tenant = 0..TENANTS.len();
	prop_oneof![
		4 => (provider.clone(), 0..20u64, prop::collection::vec((tenant.clone(), unspent()), 0..6))
			.prop_map(|(provider, since, harmed)| Op::Downtime { provider, since, harmed }),
		3 => (provider.clone(), 0..10u64, tenant, unspent()).prop_map(
			|(provider, lease, tenant, unserved)| Op::EarlyClose { provider, lease, tenant, unserved }
		),
		2 => (provider.clone(), any::<bool>(), 0..4u8).prop_map(
			|(provider, false_inventory, subject)| Op::Proven { provider, false_inventory, subject }
		),
		2 => (0..12u64).prop_map(Op::Cancel),
		1 => (0..OffenceKind::ALL.len(), 0..=60u32, any::<bool>())
			.prop_map(|(kind, percent, jails)| Op::SetParams { kind, percent, jails }),
		1 => any::<bool>().prop_map(Op::SetDestination),
		1 => (provider.clone(), 0..STATUSES.len()).prop_map(|(p, s)| Op::SetStatus(p, s)),
		2 => provider.prop_map(Op::Unjail),
		4 => (1..=8u64).prop_map(Op::Advance),
		// Long enough for a jail's cool-down to pass.
		1 => Just(Op::Advance(JAIL_COOLDOWN)),
	]
}

/// Run a `do_*` body; when it fails, it must leave storage exactly as it was.
///
/// The bodies are called directly because dispatch wraps each call in a storage layer that
/// would roll back a partial write and hide it.
fn call(dispatch: impl FnOnce() -> DispatchResult) {
	let root_before = sp_io::storage::root(StateVersion::V1);
	let result = dispatch();
	if result.is_err() {
		assert_eq!(
			sp_io::storage::root(StateVersion::V1),
			root_before,
			"a failed call changed storage: {result:?}"
		);
	}
}

fn apply(op: &Op) {
	match op {
		Op::Downtime { provider, since, harmed } => {
			let harmed = harmed
				.iter()
				.enumerate()
				.map(|(lease, (tenant, unspent))| HarmedLease {
					lease: lease as u64,
					tenant: TENANTS[*tenant],
					unspent: *unspent,
				})
				.collect();
			<Slashing as LeaseOffenceReporter<_, _, _>>::report(LeaseOffence::Downtime {
				provider: PROVIDERS[*provider],
				since: *since,
				harmed,
			});
		},
		Op::EarlyClose { provider, lease, tenant, unserved } => {
			<Slashing as LeaseOffenceReporter<_, _, _>>::report(LeaseOffence::EarlyClose {
				provider: PROVIDERS[*provider],
				lease: *lease,
				tenant: TENANTS[*tenant],
				unserved_value: *unserved,
			});
		},
		Op::Proven { provider, false_inventory, subject } => {
			let provider = PROVIDERS[*provider];
			let offence = if *false_inventory {
				ProviderOffence::FalseInventory {
					provider,
					gpu: sp_core::H256::repeat_byte(*subject),
				}
			} else {
				ProviderOffence::FailedChallenge { provider, challenge: u64::from(*subject) }
			};
			call(|| Slashing::do_report_provider_offence(offence));
		},
		Op::Cancel(id) => call(|| Slashing::do_cancel_slash(*id)),
		Op::SetParams { kind, percent, jails } => {
			let params = crate::SlashParams {
				fraction: Perbill::from_percent(*percent),
				harm_percent: 100,
				jails: *jails,
			};
			call(|| {
				Slashing::set_offence_params(RuntimeOrigin::root(), OffenceKind::ALL[*kind], params)
			});
			if *percent <= 50 {
				assert_eq!(OffenceParams::<Test>::get(OffenceKind::ALL[*kind]), Some(params));
			}
		},
		Op::SetDestination(burn) => {
			let destination =
				if *burn { SlashDestination::Burn } else { SlashDestination::Treasury };
			call(|| Slashing::set_destination(RuntimeOrigin::root(), destination));
			assert_eq!(Destination::<Test>::get(), destination);
		},
		Op::SetStatus(provider, status) => {
			MockRegistry::set_status(PROVIDERS[*provider], STATUSES[*status])
		},
		Op::Unjail(provider) => call(|| Slashing::do_unjail(PROVIDERS[*provider])),
		Op::Advance(blocks) => run_to_block(System::block_number() + blocks),
	}
}

fn balances() -> BTreeMap<AccountId, Balance> {
	ALL_ACCOUNTS
		.iter()
		.map(|who| (*who, <Balances as Inspect<AccountId>>::total_balance(who)))
		.collect()
}

/// What the events say happened to the slashes.
#[derive(Default)]
struct Ledger {
	reported: BTreeMap<SlashId, Balance>,
	cancelled: BTreeSet<SlashId>,
	applied: Vec<SlashId>,
	slashed: Balance,
	compensated: Balance,
	to_treasury: Balance,
	burned: Balance,
	paid_to_tenants: BTreeMap<SlashId, Balance>,
}

fn ledger() -> Ledger {
	let mut ledger = Ledger::default();
	for record in System::events() {
		let RuntimeEvent::Slashing(event) = record.event else { continue };
		match event {
			Event::OffenceReported { slash, amount, .. } => {
				assert!(
					ledger.reported.insert(slash, amount).is_none(),
					"slash {slash} reported twice"
				);
			},
			Event::SlashCancelled { slash, .. } => {
				assert!(ledger.cancelled.insert(slash), "slash {slash} cancelled twice");
			},
			Event::TenantCompensated { slash, amount, .. } => {
				*ledger.paid_to_tenants.entry(slash).or_default() += amount;
			},
			Event::SlashApplied { slash, slashed, compensated, to_treasury, burned, .. } => {
				assert_eq!(
					slashed,
					compensated + to_treasury + burned,
					"slash {slash} does not add up"
				);
				assert!(
					slashed <= ledger.reported[&slash],
					"slash {slash} took more than its amount"
				);
				assert_eq!(
					ledger.paid_to_tenants.get(&slash).copied().unwrap_or_default(),
					compensated,
					"slash {slash}'s compensation differs from what tenants were paid"
				);
				ledger.applied.push(slash);
				ledger.slashed += slashed;
				ledger.compensated += compensated;
				ledger.to_treasury += to_treasury;
				ledger.burned += burned;
			},
			_ => {},
		}
	}
	ledger
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	#[test]
	fn every_slash_is_applied_once_and_every_planck_is_accounted_for(
		ops in prop::collection::vec(op(), 1..60),
	) {
		new_test_ext().execute_with(|| {
			let initial_issuance = <Balances as Inspect<AccountId>>::total_issuance();
			let initial = balances();
			for op in &ops {
				apply(op);
				check_invariants();
			}
			// Past the last block any pending slash may be applied in.
			run_to_block(System::block_number() + DISPUTE_WINDOW + u64::from(MAX_SPILL) + 1);
			assert_eq!(crate::PendingSlashes::<Test>::iter().count(), 0);

			let ledger = ledger();
			let applied: BTreeSet<SlashId> = ledger.applied.iter().copied().collect();
			assert_eq!(applied.len(), ledger.applied.len(), "a slash was applied twice");
			assert!(applied.is_disjoint(&ledger.cancelled), "a cancelled slash was applied");
			let settled: BTreeSet<SlashId> = applied.union(&ledger.cancelled).copied().collect();
			let reported: BTreeSet<SlashId> = ledger.reported.keys().copied().collect();
			assert_eq!(settled, reported, "a reported slash was neither applied nor cancelled");
			assert_eq!(reported.len() as u64, crate::NextSlashId::<Test>::get());

			// Money: what left the backers went to tenants, the treasury or was burned.
			assert_eq!(ledger.slashed, ledger.compensated + ledger.to_treasury + ledger.burned);
			let now = balances();
			assert_eq!(initial[&VAULT] - now[&VAULT], ledger.slashed);
			assert_eq!(now[&TREASURY] - initial[&TREASURY], ledger.to_treasury);
			let tenants_gained: Balance = TENANTS.iter().map(|who| now[who] - initial[who]).sum();
			assert_eq!(tenants_gained, ledger.compensated);
			let issuance = <Balances as Inspect<AccountId>>::total_issuance();
			assert_eq!(issuance, initial_issuance - ledger.burned, "issuance drifted");
			assert_eq!(MockBurns::taken().iter().sum::<Balance>(), ledger.burned);
			assert_eq!(now.values().sum::<Balance>(), issuance, "funds appeared or vanished");
			assert_eq!(free(Slashing::pot()), 0);
		});
	}
}
