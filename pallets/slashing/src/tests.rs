//! Unit tests of the slashing pallet: every call's success path and every error, reporting and
//! duplicates, the dispute window, applying slashes and paying them out, and jail.
//!
//! Provider A is backed by 10_000 (8_000 from its owner, 2_000 from a delegator), so the default
//! fractions make a downtime cost 100, an early close 500, a failed challenge 1_000 and false
//! inventory 2_000. Provider B is backed by 4_000 and C by nothing.

use crate::{
	mock::*, ApplyQueue, Destination, EraSlashCap, Error, Event, HarmedTenant, JailQueue,
	JailedUntil, NextSlashId, OffenceCount, OffenceCounts, OffenceKind, OffenceParams,
	PendingSlash, PendingSlashes, Reported, SlashDestination, SlashExposure, SlashId, SlashParams,
	Spans,
};
use ember_primitives::{
	HarmedLease, LeaseId, LeaseOffence, LeaseOffenceReporter, ProviderOffence,
	ProviderOffenceReporter, ProviderStakeSlashing, ProviderStatus,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight, BoundedVec};
use sp_core::H256;
use sp_runtime::{traits::AccountIdConversion, DispatchError, DispatchResult, Perbill};

/// A provider some tests register besides A, B and C.
const PROVIDER_D: AccountId = 40;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn harmed(lease: LeaseId, tenant: AccountId, unspent: Balance) -> HarmedLease<AccountId, Balance> {
	HarmedLease { lease, tenant, unspent }
}

/// The market reports that `provider` went Offline at `since` with these leases running.
fn downtime(provider: AccountId, since: BlockNumber, leases: &[(LeaseId, AccountId, Balance)]) {
	let harmed = leases.iter().map(|(lease, tenant, unspent)| harmed(*lease, *tenant, *unspent));
	<Slashing as LeaseOffenceReporter<_, _, _>>::report(LeaseOffence::Downtime {
		provider,
		since,
		harmed: harmed.collect(),
	});
}

/// The market reports that `provider` walked out of `lease`.
fn early_close(provider: AccountId, lease: LeaseId, tenant: AccountId, unserved_value: Balance) {
	<Slashing as LeaseOffenceReporter<_, _, _>>::report(LeaseOffence::EarlyClose {
		provider,
		lease,
		tenant,
		unserved_value,
	});
}

/// Governance reports that `provider` misstated the GPU with hash bytes `gpu`.
fn false_inventory(provider: AccountId, gpu: u8) -> DispatchResult {
	Slashing::report_offence(
		root(),
		ProviderOffence::FalseInventory { provider, gpu: H256::repeat_byte(gpu) },
	)
}

/// A challenge pallet reports that `provider` failed `challenge`.
fn failed_challenge(provider: AccountId, challenge: u64) -> DispatchResult {
	<Slashing as ProviderOffenceReporter<_>>::report(ProviderOffence::FailedChallenge {
		provider,
		challenge,
	})
}

/// This pallet's events so far, oldest first.
fn slashing_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Slashing(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The `SlashApplied` event of a slash whose backers are the owner alone, or whose owner's bond
/// covered all of it.
fn applied_event(
	slash: SlashId,
	provider: AccountId,
	slashed: Balance,
	compensated: Balance,
	to_treasury: Balance,
	burned: Balance,
) -> RuntimeEvent {
	let from_owner = slashed;
	Event::SlashApplied { slash, provider, slashed, from_owner, compensated, to_treasury, burned }
		.into()
}

fn count_of(provider: AccountId) -> Option<u32> {
	OffenceCounts::<Test>::get(provider).map(|record| record.count)
}

fn status(provider: AccountId) -> Option<ProviderStatus> {
	<MockRegistry as ember_primitives::ProviderRegistry<AccountId>>::status(&provider)
}

fn jail_queued() -> Vec<(BlockNumber, Vec<AccountId>)> {
	let mut queues: Vec<_> = JailQueue::<Test>::iter()
		.map(|(block, queue)| (block, queue.into_inner()))
		.collect();
	queues.sort();
	queues
}

fn pot() -> AccountId {
	SlashingPalletId::get().into_account_truncating()
}

mod reporting {
	use super::*;

	#[test]
	fn a_downtime_becomes_a_pending_slash_for_after_the_dispute_window() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[(7, TENANT, 300), (8, TENANT_2, 0)]);

			// 1 % of 10_000; the lease with nothing left in escrow is owed nothing.
			let expected = PendingSlash::<Test> {
				provider: PROVIDER_A,
				kind: OffenceKind::Downtime,
				amount: 100,
				harmed: BoundedVec::truncate_from(vec![HarmedTenant {
					lease: 7,
					tenant: TENANT,
					unspent: 300,
				}]),
				reported_at: 1,
				apply_at: 1 + DISPUTE_WINDOW,
			};
			assert_eq!(PendingSlashes::<Test>::get(0), Some(expected));
			assert_eq!(ApplyQueue::<Test>::get(1 + DISPUTE_WINDOW).into_inner(), vec![0]);
			assert_eq!(NextSlashId::<Test>::get(), 1);
			assert!(Reported::<Test>::contains_key(Slashing::offence_key(
				OffenceKind::Downtime,
				&PROVIDER_A,
				&1u64
			)));
			assert_eq!(
				OffenceCounts::<Test>::get(PROVIDER_A),
				Some(OffenceCount { window_start: 1, count: 1 })
			);
			System::assert_has_event(
				Event::OffenceReported {
					slash: 0,
					provider: PROVIDER_A,
					kind: OffenceKind::Downtime,
					amount: 100,
					apply_at: 11,
				}
				.into(),
			);
			// Nothing is taken and nobody is jailed yet.
			assert!(jail_queued().is_empty());
			assert!(MockStake::slash_calls().is_empty());
			assert_eq!(MockStake::held(PROVIDER_A), A_BACKING);
			check_invariants();
		});
	}

	#[test]
	fn an_early_close_harms_the_tenant_by_the_unserved_value() {
		new_test_ext().execute_with(|| {
			early_close(PROVIDER_A, 42, TENANT, 700);

			let slash = PendingSlashes::<Test>::get(0).expect("recorded");
			assert_eq!(slash.kind, OffenceKind::EarlyClose);
			assert_eq!(slash.amount, 500);
			assert_eq!(
				slash.harmed.into_inner(),
				vec![HarmedTenant { lease: 42, tenant: TENANT, unspent: 700 }]
			);
			assert!(Reported::<Test>::contains_key(Slashing::offence_key(
				OffenceKind::EarlyClose,
				&PROVIDER_A,
				&42u64
			)));
		});
	}

	#[test]
	fn governance_reports_false_inventory_and_the_provider_is_jailed_the_next_block() {
		new_test_ext().execute_with(|| {
			assert_ok!(false_inventory(PROVIDER_A, 1));

			let slash = PendingSlashes::<Test>::get(0).expect("recorded");
			assert_eq!((slash.kind, slash.amount), (OffenceKind::FalseInventory, 2_000));
			assert!(slash.harmed.is_empty());
			System::assert_has_event(Event::JailScheduled { provider: PROVIDER_A, at: 2 }.into());
			// Not inside the report: the registry is not called in this block.
			assert_eq!(status(PROVIDER_A), Some(ProviderStatus::Active));
			assert!(MockRegistry::jail_calls().is_empty());
			assert_eq!(jail_queued(), vec![(2, vec![PROVIDER_A])]);

			run_to_block(2);
			assert_eq!(MockRegistry::jail_calls(), vec![PROVIDER_A]);
			assert_eq!(status(PROVIDER_A), Some(ProviderStatus::Jailed));
			assert_eq!(JailedUntil::<Test>::get(PROVIDER_A), Some(2 + JAIL_COOLDOWN));
			System::assert_has_event(
				Event::ProviderJailed { provider: PROVIDER_A, until: 2 + JAIL_COOLDOWN }.into(),
			);
			assert!(jail_queued().is_empty());
		});
	}

	#[test]
	fn report_offence_needs_the_force_origin() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Slashing::report_offence(
					signed(TENANT),
					ProviderOffence::FalseInventory {
						provider: PROVIDER_A,
						gpu: H256::repeat_byte(1)
					},
				),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_proven_offence_reported_twice_is_refused() {
		new_test_ext().execute_with(|| {
			assert_ok!(failed_challenge(PROVIDER_A, 7));
			assert_eq!(PendingSlashes::<Test>::get(0).map(|slash| slash.amount), Some(1_000));

			assert_noop!(failed_challenge(PROVIDER_A, 7), Error::<Test>::DuplicateOffence);
			assert_noop!(
				Slashing::report_offence(
					root(),
					ProviderOffence::FailedChallenge { provider: PROVIDER_A, challenge: 7 },
				),
				Error::<Test>::DuplicateOffence
			);
			assert_ok!(false_inventory(PROVIDER_A, 3));
			assert_noop!(false_inventory(PROVIDER_A, 3), Error::<Test>::DuplicateOffence);

			// Another challenge, or the same challenge of another provider, is another offence.
			// (A's second failed challenge costs nothing more this era, but it counts.)
			assert_ok!(failed_challenge(PROVIDER_A, 8));
			System::assert_last_event(
				Event::OffenceAbsorbed { provider: PROVIDER_A, kind: OffenceKind::FailedChallenge }
					.into(),
			);
			assert_ok!(failed_challenge(PROVIDER_B, 7));
			assert_eq!(NextSlashId::<Test>::get(), 3);
			assert_eq!(count_of(PROVIDER_A), Some(3));
		});
	}

	#[test]
	fn the_market_s_duplicates_are_ignored_with_an_event() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 5, &[(1, TENANT, 300)]);
			downtime(PROVIDER_A, 5, &[(1, TENANT, 300)]);
			early_close(PROVIDER_A, 42, TENANT, 100);
			early_close(PROVIDER_A, 42, TENANT, 100);

			assert_eq!(NextSlashId::<Test>::get(), 2);
			assert_eq!(count_of(PROVIDER_A), Some(2));
			System::assert_has_event(
				Event::DuplicateOffenceIgnored {
					provider: PROVIDER_A,
					kind: OffenceKind::Downtime,
				}
				.into(),
			);
			System::assert_has_event(
				Event::DuplicateOffenceIgnored {
					provider: PROVIDER_A,
					kind: OffenceKind::EarlyClose,
				}
				.into(),
			);

			// A new downtime, the same subject under another kind, or another provider's
			// downtime from the same block, are new offences. (Downtimes that harmed no lease
			// cost nothing, but they count.)
			downtime(PROVIDER_A, 6, &[]);
			early_close(PROVIDER_A, 5, TENANT, 100);
			downtime(PROVIDER_B, 5, &[]);
			assert_eq!(NextSlashId::<Test>::get(), 3);
			assert_eq!(count_of(PROVIDER_A), Some(4));
			assert_eq!(count_of(PROVIDER_B), Some(1));
			check_invariants();
		});
	}

	#[test]
	fn a_harm_sized_slash_is_its_share_of_the_unspent_value_within_the_kind_s_cap() {
		new_test_ext().execute_with(|| {
			let params =
				SlashParams { fraction: Perbill::from_percent(5), harm_percent: 200, jails: false };
			assert_ok!(Slashing::set_offence_params(root(), OffenceKind::EarlyClose, params));
			// Twice the 100 left in the lease.
			early_close(PROVIDER_A, 1, TENANT, 100);
			assert_eq!(PendingSlashes::<Test>::get(0).map(|slash| slash.amount), Some(200));
			// Twice 1_000 is more than the 500 (5 % of 10_000) the kind may take in the era:
			// only the 300 left of it.
			early_close(PROVIDER_A, 2, TENANT_2, 1_000);
			assert_eq!(PendingSlashes::<Test>::get(1).map(|slash| slash.amount), Some(300));
			// The kind's cap is reached: the next walk-out costs nothing more, and its tenant
			// joins the era's latest early-close slash to share its compensation.
			early_close(PROVIDER_A, 3, TENANT_3, 50);
			System::assert_has_event(
				Event::OffenceAbsorbed { provider: PROVIDER_A, kind: OffenceKind::EarlyClose }
					.into(),
			);
			// It still counts: the third offence in the window jails.
			assert_eq!(jail_queued(), vec![(2, vec![PROVIDER_A])]);
			assert_eq!(NextSlashId::<Test>::get(), 2);
			let harmed: Vec<_> = PendingSlashes::<Test>::get(1)
				.expect("pending")
				.harmed
				.iter()
				.map(|lease| (lease.lease, lease.tenant, lease.unspent))
				.collect();
			assert_eq!(harmed, vec![(2, TENANT_2, 1_000), (3, TENANT_3, 50)]);
			assert_eq!(count_of(PROVIDER_A), Some(3));
			check_invariants();
		});
	}

	#[test]
	fn one_era_s_slashes_are_capped_and_the_base_is_the_backing_at_its_first_offence() {
		new_test_ext().execute_with(|| {
			assert_ok!(failed_challenge(PROVIDER_A, 1));
			assert_eq!(PendingSlashes::<Test>::get(0).map(|slash| slash.amount), Some(1_000));
			let span = Spans::<Test>::get(PROVIDER_A).expect("the era's span");
			assert_eq!((span.era, span.base, span.total), (0, A_BACKING, 1_000));

			// Backers unbonding or arriving do not move the era's base.
			MockStake::set_active(PROVIDER_A, 5_000);
			MockStake::back(PROVIDER_A, &[8_000, 2_000, 30_000]);
			// False inventory may take 20 % of 10_000, but the era's cap (also 20 %) has only
			// 1_000 left.
			assert_ok!(false_inventory(PROVIDER_A, 1));
			assert_eq!(PendingSlashes::<Test>::get(1).map(|slash| slash.amount), Some(1_000));
			// Nothing more this era, whatever the kind.
			assert_ok!(failed_challenge(PROVIDER_A, 2));
			assert_ok!(false_inventory(PROVIDER_A, 2));
			assert_eq!(NextSlashId::<Test>::get(), 2);
			assert_eq!(Spans::<Test>::get(PROVIDER_A).map(|span| span.total), Some(2_000));

			// A new era starts from what backs the provider then.
			run_to_block(SPAN_LENGTH);
			assert_ok!(failed_challenge(PROVIDER_A, 3));
			let span = Spans::<Test>::get(PROVIDER_A).expect("the era's span");
			assert_eq!((span.era, span.base), (1, MockStake::held(PROVIDER_A)));
			assert_eq!(
				PendingSlashes::<Test>::get(2).map(|slash| slash.amount),
				Some(MockStake::held(PROVIDER_A) / 10)
			);
		});
	}

	#[test]
	fn governance_sets_the_era_s_cap_within_the_largest_fraction() {
		new_test_ext().execute_with(|| {
			assert_eq!(EraSlashCap::<Test>::get(), Perbill::from_percent(20));
			assert_noop!(
				Slashing::set_era_slash_cap(signed(PROVIDER_A), Perbill::from_percent(50)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Slashing::set_era_slash_cap(root(), Perbill::from_percent(51)),
				Error::<Test>::FractionTooHigh
			);
			assert_ok!(Slashing::set_era_slash_cap(root(), Perbill::from_percent(5)));
			System::assert_last_event(
				Event::EraSlashCapSet { cap: Perbill::from_percent(5) }.into(),
			);
			// A failed challenge would take 10 %; the era allows 5 %.
			assert_ok!(failed_challenge(PROVIDER_A, 1));
			assert_eq!(PendingSlashes::<Test>::get(0).map(|slash| slash.amount), Some(500));
		});
	}

	#[test]
	fn a_cancelled_slash_gives_its_room_back_to_the_era() {
		new_test_ext().execute_with(|| {
			assert_ok!(false_inventory(PROVIDER_A, 1));
			assert_ok!(failed_challenge(PROVIDER_A, 1));
			assert_eq!(NextSlashId::<Test>::get(), 1, "the era's cap absorbed the challenge");
			assert_ok!(Slashing::cancel_slash(root(), 0));
			assert_eq!(Spans::<Test>::get(PROVIDER_A).map(|span| span.total), Some(0));
			assert_ok!(failed_challenge(PROVIDER_A, 2));
			assert_eq!(PendingSlashes::<Test>::get(1).map(|slash| slash.amount), Some(1_000));
			check_invariants();
		});
	}

	#[test]
	fn the_exposure_is_recorded_when_the_offence_is_reported() {
		new_test_ext().execute_with(|| {
			assert_ok!(failed_challenge(PROVIDER_A, 1));
			let exposure = SlashExposure::<Test>::get(0).expect("recorded").into_inner();
			assert_eq!(exposure, vec![(PROVIDER_A, 8_000), (delegator_of(PROVIDER_A, 0), 2_000)]);
			// Someone who backs A from now on is not in it, and pays nothing.
			MockStake::back(PROVIDER_A, &[8_000, 2_000, 30_000]);
			run_to_block(1 + DISPUTE_WINDOW);
			assert_eq!(MockStake::held_by(PROVIDER_A, delegator_of(PROVIDER_A, 1)), 30_000);
			assert!(SlashExposure::<Test>::get(0).is_none(), "removed once applied");
		});
	}

	#[test]
	fn harmed_leases_beyond_the_limit_are_left_out() {
		new_test_ext().execute_with(|| {
			let leases: Vec<_> = (1..=6u64)
				.map(|lease| (lease, TENANT, if lease == 2 { 0 } else { 10 * lease as Balance }))
				.collect();
			downtime(PROVIDER_A, 1, &leases);

			let kept: Vec<(LeaseId, Balance)> = PendingSlashes::<Test>::get(0)
				.expect("recorded")
				.harmed
				.iter()
				.map(|lease| (lease.lease, lease.unspent))
				.collect();
			assert_eq!(kept.len() as u32, MAX_HARMED_LEASES);
			assert_eq!(kept, vec![(1, 10), (3, 30), (4, 40), (5, 50)]);
		});
	}

	#[test]
	fn a_provider_without_backing_is_slashed_nothing_but_still_jailed() {
		new_test_ext().execute_with(|| {
			let treasury = free(TREASURY);
			let total = issuance();
			assert_ok!(false_inventory(PROVIDER_C, 1));
			// Nothing to take: no pending slash fills the apply queue.
			assert!(PendingSlashes::<Test>::get(0).is_none());
			assert_eq!(ApplyQueue::<Test>::iter().count(), 0);
			System::assert_has_event(
				Event::OffenceAbsorbed { provider: PROVIDER_C, kind: OffenceKind::FalseInventory }
					.into(),
			);

			run_to_block(1 + DISPUTE_WINDOW);
			assert!(MockStake::slash_calls().is_empty());
			assert!(MockBurns::taken().is_empty());
			assert_eq!(free(TREASURY), treasury);
			assert_eq!(issuance(), total);
			// The offence still jails.
			assert_eq!(status(PROVIDER_C), Some(ProviderStatus::Jailed));
		});
	}
}

mod dispute_window {
	use super::*;

	#[test]
	fn governance_cancels_a_slash_within_the_window() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[(7, TENANT, 300)]);
			let tenant = free(TENANT);
			let treasury = free(TREASURY);
			assert_noop!(Slashing::cancel_slash(signed(TENANT), 0), DispatchError::BadOrigin);

			run_to_block(DISPUTE_WINDOW);
			assert_ok!(Slashing::cancel_slash(root(), 0));
			assert!(PendingSlashes::<Test>::get(0).is_none());
			assert!(!ApplyQueue::<Test>::contains_key(1 + DISPUTE_WINDOW));
			assert!(OffenceCounts::<Test>::get(PROVIDER_A).is_none());
			System::assert_has_event(
				Event::SlashCancelled { slash: 0, provider: PROVIDER_A }.into(),
			);

			run_to_block(1 + DISPUTE_WINDOW);
			assert!(MockStake::slash_calls().is_empty());
			assert!(!slashing_events()
				.iter()
				.any(|event| matches!(event, Event::SlashApplied { .. })));
			assert_eq!(MockStake::held(PROVIDER_A), A_BACKING);
			assert_eq!((free(TENANT), free(TREASURY)), (tenant, treasury));
		});
	}

	#[test]
	fn an_applied_or_unknown_slash_cannot_be_cancelled() {
		new_test_ext().execute_with(|| {
			assert_ok!(failed_challenge(PROVIDER_A, 1));
			run_to_block(1 + DISPUTE_WINDOW);
			System::assert_has_event(applied_event(0, PROVIDER_A, 1_000, 0, 1_000, 0));

			assert_noop!(Slashing::cancel_slash(root(), 0), Error::<Test>::UnknownSlash);
			assert_noop!(Slashing::cancel_slash(root(), 5), Error::<Test>::UnknownSlash);
		});
	}

	#[test]
	fn cancelling_leaves_the_other_slashes_of_its_block() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[(7, TENANT, 300)]);
			early_close(PROVIDER_B, 3, TENANT, 300);
			assert_ok!(Slashing::cancel_slash(root(), 0));
			assert_eq!(ApplyQueue::<Test>::get(1 + DISPUTE_WINDOW).into_inner(), vec![1]);

			run_to_block(1 + DISPUTE_WINDOW);
			// The 300 harmed, capped at 5 % of B's 4_000, all of it owed to the tenant.
			System::assert_has_event(applied_event(1, PROVIDER_B, 200, 200, 0, 0));
			assert_eq!(
				MockStake::slash_calls(),
				vec![SlashCall {
					provider: PROVIDER_B,
					asked: 200,
					beneficiary: Some(pot()),
					slashed: 200
				}]
			);
		});
	}

	#[test]
	fn a_cancelled_offence_stops_counting_but_stays_recorded() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[(1, TENANT, 10)]);
			downtime(PROVIDER_A, 2, &[(2, TENANT, 10)]);
			assert_ok!(Slashing::cancel_slash(root(), 1));
			assert_eq!(count_of(PROVIDER_A), Some(1));

			// The third report is only the second that counts: no jail.
			downtime(PROVIDER_A, 3, &[(3, TENANT, 10)]);
			assert_eq!(count_of(PROVIDER_A), Some(2));
			assert!(jail_queued().is_empty());

			// The cancelled offence cannot come back.
			downtime(PROVIDER_A, 2, &[(2, TENANT, 10)]);
			System::assert_last_event(
				Event::DuplicateOffenceIgnored {
					provider: PROVIDER_A,
					kind: OffenceKind::Downtime,
				}
				.into(),
			);
			assert_eq!(count_of(PROVIDER_A), Some(2));

			// One that harmed nobody costs nothing, but counts.
			downtime(PROVIDER_A, 4, &[]);
			assert_eq!(jail_queued(), vec![(2, vec![PROVIDER_A])]);
		});
	}
}

mod applying {
	use super::*;

	#[test]
	fn a_slash_with_no_harmed_tenant_goes_to_the_treasury() {
		new_test_ext().execute_with(|| {
			assert_ok!(false_inventory(PROVIDER_A, 1));
			let total = issuance();
			let treasury = free(TREASURY);
			let vault = free(VAULT);

			run_to_block(DISPUTE_WINDOW);
			assert!(MockStake::slash_calls().is_empty());
			run_to_block(1 + DISPUTE_WINDOW);

			assert_eq!(
				MockStake::slash_calls(),
				vec![SlashCall {
					provider: PROVIDER_A,
					asked: 2_000,
					beneficiary: Some(pot()),
					slashed: 2_000
				}]
			);
			// The owner's bond is the first loss: while it covers the slash, the delegator
			// loses nothing.
			assert_eq!(MockStake::backers(PROVIDER_A), vec![6_000, 2_000]);
			assert_eq!(free(TREASURY), treasury + 2_000);
			assert_eq!(free(VAULT), vault - 2_000);
			assert_eq!(issuance(), total);
			assert_eq!(free(pot()), 0);
			assert!(MockBurns::taken().is_empty());
			assert!(PendingSlashes::<Test>::get(0).is_none());
			System::assert_has_event(applied_event(0, PROVIDER_A, 2_000, 0, 2_000, 0));
		});
	}

	#[test]
	fn the_harmed_tenant_is_compensated_first() {
		new_test_ext().execute_with(|| {
			// Twice the harm: 600, capped at the kind's 500.
			let params =
				SlashParams { fraction: Perbill::from_percent(5), harm_percent: 200, jails: false };
			assert_ok!(Slashing::set_offence_params(root(), OffenceKind::EarlyClose, params));
			early_close(PROVIDER_A, 42, TENANT, 300);
			let tenant = free(TENANT);
			let treasury = free(TREASURY);

			run_to_block(1 + DISPUTE_WINDOW);
			assert_eq!(free(TENANT), tenant + 300);
			assert_eq!(free(TREASURY), treasury + 200);
			System::assert_has_event(
				Event::TenantCompensated { slash: 0, lease: 42, tenant: TENANT, amount: 300 }
					.into(),
			);
			System::assert_has_event(applied_event(0, PROVIDER_A, 500, 300, 200, 0));
		});
	}

	#[test]
	fn a_slash_covering_every_lease_pays_each_its_unspent_escrow() {
		new_test_ext().execute_with(|| {
			// Five times the 600 harmed is 3_000, within the kind's 50 % but past the era's
			// 20 % (2_000).
			let params = SlashParams {
				fraction: Perbill::from_percent(50),
				harm_percent: 500,
				jails: false,
			};
			assert_ok!(Slashing::set_offence_params(root(), OffenceKind::Downtime, params));
			downtime(PROVIDER_A, 1, &[(1, TENANT, 300), (2, TENANT_2, 100), (3, TENANT_3, 200)]);
			let before = [free(TENANT), free(TENANT_2), free(TENANT_3), free(TREASURY)];

			run_to_block(1 + DISPUTE_WINDOW);
			assert_eq!(
				[free(TENANT), free(TENANT_2), free(TENANT_3), free(TREASURY)],
				[before[0] + 300, before[1] + 100, before[2] + 200, before[3] + 1_400]
			);
			System::assert_has_event(applied_event(0, PROVIDER_A, 2_000, 600, 1_400, 0));
		});
	}

	#[test]
	fn a_small_slash_is_shared_in_proportion_to_unspent_escrow() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[(1, TENANT, 300), (2, TENANT_2, 100), (3, TENANT_3, 200)]);
			let before = [free(TENANT), free(TENANT_2), free(TENANT_3), free(TREASURY)];

			run_to_block(1 + DISPUTE_WINDOW);
			// 100 over 600 owed: 300/600, 100/600 and 200/600 of it, rounded down; the
			// rounding dust goes with the rest.
			assert_eq!(
				[free(TENANT), free(TENANT_2), free(TENANT_3), free(TREASURY)],
				[before[0] + 50, before[1] + 16, before[2] + 33, before[3] + 1]
			);
			for (lease, tenant, amount) in [(1, TENANT, 50), (2, TENANT_2, 16), (3, TENANT_3, 33)] {
				System::assert_has_event(
					Event::TenantCompensated { slash: 0, lease, tenant, amount }.into(),
				);
			}
			System::assert_has_event(applied_event(0, PROVIDER_A, 100, 99, 1, 0));
		});
	}

	#[test]
	fn a_new_tenant_owed_less_than_the_existential_deposit_is_skipped() {
		new_test_ext().execute_with(|| {
			// The slash is the 59 harmed, owed in full.
			downtime(PROVIDER_A, 1, &[(1, FRESH, EXISTENTIAL_DEPOSIT - 1), (2, FRESH_2, 50)]);
			let treasury = free(TREASURY);

			run_to_block(1 + DISPUTE_WINDOW);
			// FRESH cannot exist with 9: its share goes to the treasury.
			assert_eq!(free(FRESH), 0);
			assert!(!System::account_exists(&FRESH));
			assert_eq!(free(FRESH_2), 50);
			assert_eq!(free(TREASURY), treasury + 9);
			assert!(!slashing_events()
				.iter()
				.any(|event| matches!(event, Event::TenantCompensated { tenant: FRESH, .. })));
			System::assert_has_event(applied_event(0, PROVIDER_A, 59, 50, 9, 0));
		});
	}

	#[test]
	fn the_burn_destination_burns_the_rest_and_tells_the_ledger() {
		new_test_ext().execute_with(|| {
			assert_eq!(Destination::<Test>::get(), SlashDestination::Treasury);
			assert_ok!(Slashing::set_destination(root(), SlashDestination::Burn));
			System::assert_last_event(
				Event::DestinationSet { destination: SlashDestination::Burn }.into(),
			);
			let params =
				SlashParams { fraction: Perbill::from_percent(5), harm_percent: 200, jails: false };
			assert_ok!(Slashing::set_offence_params(root(), OffenceKind::EarlyClose, params));
			early_close(PROVIDER_A, 42, TENANT, 300);
			let total = issuance();
			let tenant = free(TENANT);
			let treasury = free(TREASURY);

			run_to_block(1 + DISPUTE_WINDOW);
			assert_eq!(free(TENANT), tenant + 300);
			assert_eq!(free(TREASURY), treasury);
			assert_eq!(issuance(), total - 200);
			assert_eq!(MockBurns::taken(), vec![200]);
			System::assert_has_event(applied_event(0, PROVIDER_A, 500, 300, 0, 200));
		});
	}

	#[test]
	fn set_destination_needs_the_force_origin() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Slashing::set_destination(signed(TENANT), SlashDestination::Burn),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_rest_a_new_treasury_cannot_take_is_burned() {
		new_test_ext().execute_with(|| {
			TreasuryAccount::set(FRESH);
			// Twice the 35 harmed, capped at 1 % of B's 4_000: 40; 35 go to the tenant and 5
			// are left.
			let params =
				SlashParams { fraction: Perbill::from_percent(1), harm_percent: 200, jails: false };
			assert_ok!(Slashing::set_offence_params(root(), OffenceKind::Downtime, params));
			downtime(PROVIDER_B, 1, &[(1, TENANT, 35)]);
			let total = issuance();

			run_to_block(1 + DISPUTE_WINDOW);
			assert_eq!(free(FRESH), 0);
			assert_eq!(issuance(), total - 5);
			assert_eq!(MockBurns::taken(), vec![5]);
			System::assert_has_event(applied_event(0, PROVIDER_B, 40, 35, 0, 5));
		});
	}

	#[test]
	fn stake_the_staking_pallet_burns_on_its_way_to_the_pot_is_reported() {
		new_test_ext().execute_with(|| {
			MockRegistry::register(PROVIDER_D);
			MockStake::back(PROVIDER_D, &[5, 9_995]);
			assert_ok!(false_inventory(PROVIDER_D, 1));
			let total = issuance();
			let treasury = free(TREASURY);

			run_to_block(1 + DISPUTE_WINDOW);
			// The owner's whole bond (5) comes first and cannot open the empty pot: the
			// staking pallet burns it. The delegator's 1_995 reach the pot.
			assert_eq!(MockStake::backers(PROVIDER_D), vec![0, 8_000]);
			assert_eq!(free(TREASURY), treasury + 1_995);
			assert_eq!(issuance(), total - 5);
			assert_eq!(MockBurns::taken(), vec![5]);
			System::assert_has_event(
				Event::SlashApplied {
					slash: 0,
					provider: PROVIDER_D,
					slashed: 2_000,
					from_owner: 5,
					compensated: 0,
					to_treasury: 1_995,
					burned: 5,
				}
				.into(),
			);
		});
	}

	#[test]
	fn a_slash_takes_no_more_than_the_backers_hold() {
		new_test_ext().execute_with(|| {
			MockRegistry::register(PROVIDER_D);
			MockStake::back(PROVIDER_D, &[10_000]);
			assert_ok!(false_inventory(PROVIDER_D, 1));
			assert_eq!(PendingSlashes::<Test>::get(0).map(|slash| slash.amount), Some(2_000));
			// Before it applies, another slash leaves the backers only 1,000.
			let exposure = <MockStake as ProviderStakeSlashing<_, _>>::exposure(&PROVIDER_D);
			let taken = <MockStake as ProviderStakeSlashing<_, _>>::slash(
				&PROVIDER_D,
				&exposure,
				9_000,
				Some(&TREASURY),
			)
			.total();
			assert_eq!(taken, 9_000);
			let treasury = free(TREASURY);

			run_to_block(1 + DISPUTE_WINDOW);
			assert_eq!(MockStake::held(PROVIDER_D), 0);
			assert_eq!(free(TREASURY), treasury + 1_000);
			System::assert_has_event(applied_event(0, PROVIDER_D, 1_000, 0, 1_000, 0));
		});
	}

	#[test]
	fn slashes_spill_to_later_blocks_and_are_dropped_when_none_has_room() {
		new_test_ext().execute_with(|| {
			for since in 1..=7 {
				downtime(PROVIDER_A, since, &[(since, TENANT, 10)]);
			}
			let target = 1 + DISPUTE_WINDOW;
			let placed: Vec<BlockNumber> = (0..6)
				.filter_map(PendingSlashes::<Test>::get)
				.map(|slash| slash.apply_at)
				.collect();
			assert_eq!(
				placed,
				vec![target, target, target + 1, target + 1, target + 2, target + 2]
			);
			assert_eq!(NextSlashId::<Test>::get(), 6);
			System::assert_last_event(
				Event::SlashDropped { provider: PROVIDER_A, kind: OffenceKind::Downtime }.into(),
			);
			let dropped_key = Slashing::offence_key(OffenceKind::Downtime, &PROVIDER_A, &7u64);
			assert!(!Reported::<Test>::contains_key(dropped_key));
			// The dropped offence counted all the same.
			assert_eq!(count_of(PROVIDER_A), Some(7));

			// It may be reported again, and lands where there is room.
			run_to_block(2);
			downtime(PROVIDER_A, 7, &[(7, TENANT, 10)]);
			assert_eq!(
				PendingSlashes::<Test>::get(6).map(|slash| slash.apply_at),
				Some(target + 3)
			);

			// Each block applies what its queue holds, at most MaxSlashesPerBlock.
			for (block, ids) in [(target, [0, 1]), (target + 1, [2, 3]), (target + 2, [4, 5])] {
				run_to_block(block);
				let applied: Vec<SlashId> = slashing_events()
					.iter()
					.filter_map(|event| match event {
						Event::SlashApplied { slash, .. } => Some(*slash),
						_ => None,
					})
					.collect();
				assert_eq!(applied[applied.len() - 2..], ids);
			}
		});
	}

	#[test]
	fn the_hook_weighs_its_jails_and_slashes() {
		new_test_ext().execute_with(|| {
			early_close(PROVIDER_A, 42, TENANT, 300);
			assert_ok!(false_inventory(PROVIDER_B, 1));
			let idle = <() as crate::WeightInfo>::on_initialize_idle();

			System::set_block_number(2);
			let jail = <() as crate::WeightInfo>::jail_deferred() + JAIL_WEIGHT;
			assert_eq!(Slashing::on_initialize(2), idle + jail);
			check_invariants();

			System::set_block_number(3);
			assert_eq!(Slashing::on_initialize(3), idle);
			check_invariants();

			run_to_block(DISPUTE_WINDOW);
			System::set_block_number(1 + DISPUTE_WINDOW);
			let slashes = <() as crate::WeightInfo>::apply_slash(1)
				+ <() as crate::WeightInfo>::apply_slash(0)
				+ StakeSlashWeight::get().saturating_mul(2);
			assert_eq!(Slashing::on_initialize(1 + DISPUTE_WINDOW), idle + slashes);
			check_invariants();
			assert_ne!(slashes, Weight::zero());
		});
	}
}

mod jail {
	use super::*;

	#[test]
	fn repeated_offences_jail_at_the_threshold() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[]);
			early_close(PROVIDER_A, 9, TENANT, 10);
			assert_eq!(count_of(PROVIDER_A), Some(JAIL_THRESHOLD - 1));
			assert!(jail_queued().is_empty());

			downtime(PROVIDER_A, 2, &[]);
			assert_eq!(count_of(PROVIDER_A), Some(JAIL_THRESHOLD));
			assert_eq!(jail_queued(), vec![(2, vec![PROVIDER_A])]);

			run_to_block(2);
			assert_eq!(status(PROVIDER_A), Some(ProviderStatus::Jailed));
		});
	}

	#[test]
	fn the_offence_window_restarts_after_offence_window_blocks() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[]);
			run_to_block(OFFENCE_WINDOW);
			// Still the window that began at block 1.
			downtime(PROVIDER_A, OFFENCE_WINDOW, &[]);
			assert_eq!(
				OffenceCounts::<Test>::get(PROVIDER_A),
				Some(OffenceCount { window_start: 1, count: 2 })
			);

			run_to_block(1 + OFFENCE_WINDOW);
			downtime(PROVIDER_A, 1 + OFFENCE_WINDOW, &[]);
			assert_eq!(
				OffenceCounts::<Test>::get(PROVIDER_A),
				Some(OffenceCount { window_start: 1 + OFFENCE_WINDOW, count: 1 })
			);
			assert!(jail_queued().is_empty());
		});
	}

	#[test]
	fn jails_beyond_a_block_s_room_wait_for_the_next_block() {
		new_test_ext().execute_with(|| {
			for provider in [PROVIDER_A, PROVIDER_B, PROVIDER_C] {
				assert_ok!(false_inventory(provider, 1));
			}
			assert_eq!(
				jail_queued(),
				vec![(2, vec![PROVIDER_A, PROVIDER_B]), (3, vec![PROVIDER_C])]
			);
			System::assert_has_event(Event::JailScheduled { provider: PROVIDER_C, at: 3 }.into());

			run_to_block(2);
			assert_eq!(MockRegistry::jail_calls(), vec![PROVIDER_A, PROVIDER_B]);
			assert_eq!(status(PROVIDER_C), Some(ProviderStatus::Active));

			run_to_block(3);
			assert_eq!(MockRegistry::jail_calls(), vec![PROVIDER_C]);
			assert_eq!(JailedUntil::<Test>::get(PROVIDER_C), Some(3 + JAIL_COOLDOWN));
		});
	}

	#[test]
	fn a_jail_with_no_room_within_reach_is_dropped() {
		new_test_ext().execute_with(|| {
			let slots = MAX_JAILS_PER_BLOCK * (MAX_SPILL + 1);
			let providers: Vec<AccountId> =
				(0..=slots as AccountId).map(|index| 40 + index).collect();
			for provider in &providers {
				MockRegistry::register(*provider);
				assert_ok!(failed_challenge(*provider, 1));
			}
			let last = *providers.last().expect("providers");
			System::assert_has_event(Event::JailDropped { provider: last }.into());
			assert!(jail_queued().iter().all(|(_, queue)| !queue.contains(&last)));
			assert_eq!(
				jail_queued().iter().map(|(_, queue)| queue.len() as u32).sum::<u32>(),
				slots
			);

			run_to_block(2 + MAX_SPILL as BlockNumber);
			assert_eq!(MockRegistry::jail_calls(), providers[..slots as usize].to_vec());
			assert_eq!(status(last), Some(ProviderStatus::Active));
		});
	}

	#[test]
	fn a_provider_is_queued_once() {
		new_test_ext().execute_with(|| {
			assert_ok!(false_inventory(PROVIDER_A, 1));
			assert_ok!(false_inventory(PROVIDER_A, 2));
			assert_eq!(jail_queued(), vec![(2, vec![PROVIDER_A])]);
			let scheduled = slashing_events()
				.iter()
				.filter(|event| matches!(event, Event::JailScheduled { .. }))
				.count();
			assert_eq!(scheduled, 1);

			run_to_block(2);
			assert_eq!(MockRegistry::jail_calls(), vec![PROVIDER_A]);
		});
	}

	#[test]
	fn providers_the_registry_cannot_jail_are_reported_and_leaving_ones_are_jailed() {
		new_test_ext().execute_with(|| {
			MockRegistry::set_status(PROVIDER_B, ProviderStatus::Leaving);
			// Governance jailed C itself.
			MockRegistry::set_status(PROVIDER_C, ProviderStatus::Jailed);
			assert_ok!(false_inventory(STRANGER, 1));
			assert_ok!(false_inventory(PROVIDER_B, 1));
			run_to_block(2);
			assert_ok!(false_inventory(PROVIDER_C, 1));
			run_to_block(3);

			for (provider, error) in [(STRANGER, NOT_REGISTERED), (PROVIDER_C, ALREADY_JAILED)] {
				System::assert_has_event(Event::JailFailed { provider, error }.into());
				assert!(JailedUntil::<Test>::get(provider).is_none());
			}
			// Leaving does not escape a jail.
			assert_eq!(MockRegistry::jail_calls(), vec![PROVIDER_B]);
			assert_eq!(status(PROVIDER_B), Some(ProviderStatus::Jailed));
			assert_eq!(JailedUntil::<Test>::get(PROVIDER_B), Some(2 + JAIL_COOLDOWN));
		});
	}

	#[test]
	fn a_further_offence_restarts_the_cool_down() {
		new_test_ext().execute_with(|| {
			assert_ok!(false_inventory(PROVIDER_A, 1));
			run_to_block(20);
			assert_eq!(JailedUntil::<Test>::get(PROVIDER_A), Some(2 + JAIL_COOLDOWN));
			assert_eq!(MockRegistry::jail_calls(), vec![PROVIDER_A]);

			assert_ok!(failed_challenge(PROVIDER_A, 1));
			run_to_block(21);
			assert_eq!(JailedUntil::<Test>::get(PROVIDER_A), Some(21 + JAIL_COOLDOWN));
			System::assert_has_event(
				Event::ProviderJailed { provider: PROVIDER_A, until: 21 + JAIL_COOLDOWN }.into(),
			);
			// Already in jail: the registry is not asked again.
			assert!(MockRegistry::jail_calls().is_empty());
		});
	}

	#[test]
	fn a_provider_released_by_governance_is_jailed_afresh() {
		new_test_ext().execute_with(|| {
			assert_ok!(false_inventory(PROVIDER_A, 1));
			run_to_block(2);
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);

			assert_ok!(failed_challenge(PROVIDER_A, 1));
			run_to_block(3);
			assert_eq!(MockRegistry::jail_calls(), vec![PROVIDER_A, PROVIDER_A]);
			assert_eq!(JailedUntil::<Test>::get(PROVIDER_A), Some(3 + JAIL_COOLDOWN));
		});
	}

	#[test]
	fn a_stale_record_of_a_provider_that_left_is_cleared() {
		new_test_ext().execute_with(|| {
			assert_ok!(false_inventory(PROVIDER_A, 1));
			run_to_block(2);
			// Governance released it and it left: it cannot be jailed again.
			MockRegistry::deregister(PROVIDER_A);

			assert_ok!(failed_challenge(PROVIDER_A, 1));
			run_to_block(3);
			System::assert_has_event(
				Event::JailFailed { provider: PROVIDER_A, error: NOT_REGISTERED }.into(),
			);
			assert!(JailedUntil::<Test>::get(PROVIDER_A).is_none());
		});
	}
}

mod unjail {
	use super::*;

	/// Jail A through a false-inventory report; it is jailed at block 2.
	fn jail_a() {
		assert_ok!(false_inventory(PROVIDER_A, 1));
		run_to_block(2);
		assert_eq!(JailedUntil::<Test>::get(PROVIDER_A), Some(2 + JAIL_COOLDOWN));
	}

	#[test]
	fn the_owner_unjails_after_the_cool_down() {
		new_test_ext().execute_with(|| {
			jail_a();
			run_to_block(1 + JAIL_COOLDOWN);
			assert_noop!(Slashing::unjail(signed(PROVIDER_A)), Error::<Test>::CooldownNotOver);

			run_to_block(2 + JAIL_COOLDOWN);
			assert_ok!(Slashing::unjail(signed(PROVIDER_A)));
			assert_eq!(MockRegistry::unjail_calls(), vec![PROVIDER_A]);
			assert_eq!(status(PROVIDER_A), Some(ProviderStatus::Active));
			assert!(JailedUntil::<Test>::get(PROVIDER_A).is_none());
			System::assert_last_event(Event::Unjailed { provider: PROVIDER_A }.into());

			assert_noop!(Slashing::unjail(signed(PROVIDER_A)), Error::<Test>::NotJailedBySlashing);
		});
	}

	#[test]
	fn only_a_jail_of_this_pallet_can_be_lifted() {
		new_test_ext().execute_with(|| {
			MockRegistry::set_status(PROVIDER_C, ProviderStatus::Jailed);
			assert_noop!(Slashing::unjail(signed(PROVIDER_C)), Error::<Test>::NotJailedBySlashing);
			assert_noop!(Slashing::unjail(signed(PROVIDER_A)), Error::<Test>::NotJailedBySlashing);
			assert_noop!(Slashing::unjail(signed(TENANT)), Error::<Test>::NotJailedBySlashing);
			assert_noop!(Slashing::unjail(root()), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn the_registry_s_error_passes_through() {
		new_test_ext().execute_with(|| {
			jail_a();
			run_to_block(2 + JAIL_COOLDOWN);
			MockRegistry::fail_unjail_with(DEADLINE_QUEUE_FULL);

			assert_noop!(Slashing::unjail(signed(PROVIDER_A)), DEADLINE_QUEUE_FULL);
			assert_eq!(JailedUntil::<Test>::get(PROVIDER_A), Some(2 + JAIL_COOLDOWN));
			assert_eq!(status(PROVIDER_A), Some(ProviderStatus::Jailed));
		});
	}

	#[test]
	fn a_provider_governance_released_only_has_its_record_cleared() {
		new_test_ext().execute_with(|| {
			jail_a();
			MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
			run_to_block(2 + JAIL_COOLDOWN);

			assert_ok!(Slashing::unjail(signed(PROVIDER_A)));
			assert!(MockRegistry::unjail_calls().is_empty());
			assert!(JailedUntil::<Test>::get(PROVIDER_A).is_none());
			System::assert_last_event(Event::Unjailed { provider: PROVIDER_A }.into());
		});
	}
}

mod parameters {
	use super::*;

	#[test]
	fn every_kind_has_its_default_until_governance_sets_one() {
		new_test_ext().execute_with(|| {
			// The market's offences are sized by the harm (the kind's fraction only caps
			// them); proven ones take the whole fraction and jail.
			let expected = [
				(OffenceKind::Downtime, 1, 100, false),
				(OffenceKind::EarlyClose, 5, 100, false),
				(OffenceKind::FalseInventory, 20, 0, true),
				(OffenceKind::FailedChallenge, 10, 0, true),
			];
			for (kind, percent, harm_percent, jails) in expected {
				assert_eq!(
					Slashing::params_of(kind),
					SlashParams { fraction: Perbill::from_percent(percent), harm_percent, jails }
				);
				assert!(OffenceParams::<Test>::get(kind).is_none());
			}
		});
	}

	#[test]
	fn governance_sets_an_offence_kind_s_parameters() {
		new_test_ext().execute_with(|| {
			let params = SlashParams {
				fraction: Perbill::from_percent(50),
				harm_percent: 1_000,
				jails: true,
			};
			assert_ok!(Slashing::set_offence_params(root(), OffenceKind::EarlyClose, params));
			assert_eq!(OffenceParams::<Test>::get(OffenceKind::EarlyClose), Some(params));
			assert_eq!(Slashing::params_of(OffenceKind::EarlyClose), params);
			System::assert_last_event(
				Event::OffenceParamsSet { kind: OffenceKind::EarlyClose, params }.into(),
			);

			// An early close now costs ten times the harm and jails at once.
			early_close(PROVIDER_A, 1, TENANT, 10);
			assert_eq!(PendingSlashes::<Test>::get(0).map(|slash| slash.amount), Some(100));
			assert_eq!(jail_queued(), vec![(2, vec![PROVIDER_A])]);
		});
	}

	#[test]
	fn parameters_are_bounded_and_governance_s() {
		new_test_ext().execute_with(|| {
			let too_high = SlashParams {
				fraction: Perbill::from_percent(51),
				harm_percent: 100,
				jails: false,
			};
			assert_noop!(
				Slashing::set_offence_params(root(), OffenceKind::Downtime, too_high),
				Error::<Test>::FractionTooHigh
			);
			let params =
				SlashParams { fraction: Perbill::from_percent(2), harm_percent: 100, jails: false };
			assert_noop!(
				Slashing::set_offence_params(signed(TENANT), OffenceKind::Downtime, params),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn genesis_sets_parameters_and_destination() {
		let params =
			SlashParams { fraction: Perbill::from_percent(2), harm_percent: 100, jails: true };
		let genesis = crate::GenesisConfig::<Test> {
			offence_params: vec![(OffenceKind::Downtime, params)],
			destination: SlashDestination::Burn,
			..Default::default()
		};
		new_test_ext_with(genesis).execute_with(|| {
			assert_eq!(Slashing::params_of(OffenceKind::Downtime), params);
			assert_eq!(
				Slashing::params_of(OffenceKind::EarlyClose),
				OffenceKind::EarlyClose.default_params()
			);
			assert_eq!(Destination::<Test>::get(), SlashDestination::Burn);
		});
	}

	#[test]
	#[should_panic(expected = "fraction above MaxSlashFraction")]
	fn genesis_refuses_a_fraction_above_the_limit() {
		let params =
			SlashParams { fraction: Perbill::from_percent(60), harm_percent: 100, jails: false };
		let genesis = crate::GenesisConfig::<Test> {
			offence_params: vec![(OffenceKind::Downtime, params)],
			..Default::default()
		};
		let _ = new_test_ext_with(genesis);
	}
}

mod invariants {
	use super::*;

	fn broken(message: &'static str) -> Result<(), sp_runtime::TryRuntimeError> {
		Err(DispatchError::Other(message))
	}

	#[test]
	fn a_slash_missing_from_its_queue_is_caught() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[(1, TENANT, 10)]);
			ApplyQueue::<Test>::remove(1 + DISPUTE_WINDOW);
			assert_eq!(
				Slashing::do_try_state(1),
				broken("a pending slash is not queued exactly once at its block")
			);
		});
	}

	#[test]
	fn a_queue_entry_without_its_slash_is_caught() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[(1, TENANT, 10)]);
			PendingSlashes::<Test>::remove(0);
			assert_eq!(
				Slashing::do_try_state(1),
				broken("an apply queue names a slash not pending at its block")
			);
		});
	}

	#[test]
	fn a_queue_left_behind_is_caught() {
		new_test_ext().execute_with(|| {
			downtime(PROVIDER_A, 1, &[(1, TENANT, 10)]);
			assert_ok!(Slashing::do_try_state(DISPUTE_WINDOW));
			assert_eq!(
				Slashing::do_try_state(1 + DISPUTE_WINDOW),
				broken("a pending slash was left behind by its block")
			);
		});
	}

	#[test]
	fn a_miscounted_pending_punishment_is_caught() {
		new_test_ext().execute_with(|| {
			assert_ok!(failed_challenge(PROVIDER_A, 1));
			// One slash and one queued jail.
			assert_eq!(crate::PendingPunishments::<Test>::get(PROVIDER_A), Some(2));
			assert_ok!(Slashing::do_try_state(1));
			crate::PendingPunishments::<Test>::insert(PROVIDER_A, 1);
			assert_eq!(Slashing::do_try_state(1), broken("pending punishments are miscounted"));
		});
	}

	#[test]
	fn an_exposure_without_its_slash_is_caught() {
		new_test_ext().execute_with(|| {
			SlashExposure::<Test>::insert(9, BoundedVec::truncate_from(vec![(PROVIDER_A, 1)]));
			assert_eq!(Slashing::do_try_state(1), broken("an exposure outlives its slash"));
		});
	}

	#[test]
	fn an_era_that_slashes_more_than_its_base_is_caught() {
		new_test_ext().execute_with(|| {
			assert_ok!(failed_challenge(PROVIDER_A, 1));
			Spans::<Test>::mutate(PROVIDER_A, |span| {
				let span = span.as_mut().expect("stored");
				span.base = 10;
			});
			assert_eq!(Slashing::do_try_state(1), broken("an era slashes more than the backing"));
		});
	}

	#[test]
	fn funds_left_in_the_pot_are_caught() {
		new_test_ext().execute_with(|| {
			assert_ok!(<Balances as frame_support::traits::fungible::Mutate<AccountId>>::transfer(
				&TENANT,
				&pot(),
				EXISTENTIAL_DEPOSIT,
				frame_support::traits::tokens::Preservation::Preserve,
			));
			assert_eq!(
				Slashing::do_try_state(1),
				broken("the slashing pot holds funds between blocks")
			);
		});
	}
}

mod migration {
	use super::*;
	use crate::migrations::v1::{InnerMigrateV0ToV1, SlashParamsV0};
	use codec::Encode;
	use frame_support::{
		storage::unhashed,
		traits::{StorageVersion, UncheckedOnRuntimeUpgrade},
	};

	#[test]
	fn version_1_keeps_stored_parameters_and_counts_what_awaits_each_provider() {
		new_test_ext().execute_with(|| {
			// Version 0 state: a failed challenge pending with its jail queued, and stored
			// parameters without a share of the harm.
			assert_ok!(failed_challenge(PROVIDER_A, 1));
			crate::PendingPunishments::<Test>::remove(PROVIDER_A);
			SlashExposure::<Test>::remove(0);
			let key = OffenceParams::<Test>::hashed_key_for(OffenceKind::EarlyClose);
			let old = SlashParamsV0 { fraction: Perbill::from_percent(7), jails: true };
			unhashed::put_raw(&key, &old.encode());
			StorageVersion::new(0).put::<Slashing>();

			InnerMigrateV0ToV1::<Test>::on_runtime_upgrade();

			assert_eq!(
				OffenceParams::<Test>::get(OffenceKind::EarlyClose),
				Some(SlashParams {
					fraction: Perbill::from_percent(7),
					harm_percent: 100,
					jails: true
				})
			);
			assert_eq!(crate::PendingPunishments::<Test>::get(PROVIDER_A), Some(2));
			check_invariants();

			// The slash reported before exposures existed falls on today's backers.
			run_to_block(1 + DISPUTE_WINDOW);
			System::assert_has_event(applied_event(0, PROVIDER_A, 1_000, 0, 1_000, 0));
			assert!(crate::PendingPunishments::<Test>::get(PROVIDER_A).is_none());
		});
	}
}

mod hook_budget;
mod pruning;
