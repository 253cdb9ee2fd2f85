//! What the registry tells the lease market (`Config::Lifecycle`), and the weight it charges for
//! it. The mock market records every call and reports fixed weights that differ from its
//! declared bounds, so each weight below shows which of the two the registry used.

use super::*;
use codec::{Decode, Encode};
use LifecycleCall::*;

fn heartbeat_weight() -> Weight {
	<() as WeightInfo>::heartbeat()
}

fn back_online_heartbeat_weight() -> Weight {
	<() as WeightInfo>::heartbeat_back_online()
}

/// The weight the heartbeat call declares before dispatch for `lines` attestation lines.
fn declared_heartbeat_weight(lines: u32) -> Weight {
	Call::heartbeat { attestations: attestations(lines) }
		.get_dispatch_info()
		.call_weight
}

/// The weight the heartbeat reports after dispatch.
fn actual_heartbeat_weight(agent: AccountId, attestations: Attestations) -> Weight {
	Providers::heartbeat(RuntimeOrigin::signed(agent), attestations)
		.expect("valid heartbeat")
		.actual_weight
		.expect("the heartbeat reports its actual weight")
}

/// `count` owners whose liveness deadlines fall in the same block when they register
/// together.
fn owners_sharing_an_offset(count: usize) -> Vec<AccountId> {
	let mut by_offset = std::collections::BTreeMap::<BlockNumber, Vec<AccountId>>::new();
	for owner in 1..=40 {
		by_offset.entry(Providers::heartbeat_offset(&owner)).or_default().push(owner);
	}
	let mut owners = by_offset
		.into_values()
		.find(|owners| owners.len() >= count)
		.expect("40 owners over 10 offsets share some offset");
	owners.truncate(count);
	owners
}

#[test]
fn a_heartbeat_hands_its_lines_to_the_market_unchanged_and_in_order() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		// Registering is nothing the market hears about.
		assert_eq!(MockLifecycle::taken(), vec![]);
		let now = next_period_start() + 3;
		System::set_block_number(now);

		assert_ok!(heartbeat_with(AGENT, attestations(3)));
		// Keyed by the owner, not the agent key that signed.
		assert_eq!(
			MockLifecycle::taken(),
			vec![Attested { provider: OWNER, now, lines: attestation_lines(3) }]
		);
	});
}

#[test]
fn a_full_heartbeat_hands_over_every_line() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let now = next_period_start();
		System::set_block_number(now);

		assert_ok!(heartbeat_with(AGENT, attestations(MAX_ATTESTATIONS)));
		assert_eq!(
			MockLifecycle::taken(),
			vec![Attested { provider: OWNER, now, lines: attestation_lines(MAX_ATTESTATIONS) }]
		);
	});
}

#[test]
fn an_empty_heartbeat_is_still_reported() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let now = next_period_start();
		System::set_block_number(now);

		assert_eq!(actual_heartbeat_weight(AGENT, Default::default()), heartbeat_weight());
		assert_eq!(MockLifecycle::taken(), vec![Attested { provider: OWNER, now, lines: vec![] }]);
	});
}

#[test]
fn leaving_and_jailed_providers_hand_their_lines_over_without_coming_back() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		register_provider(OTHER_OWNER, OTHER_AGENT, 1);
		set_commitments(OWNER, 1);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OWNER)));
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OTHER_OWNER));
		MockLifecycle::taken();
		let now = next_period_start();
		System::set_block_number(now);

		// A leaving provider's leases still run, so their lines matter.
		assert_eq!(
			actual_heartbeat_weight(AGENT, attestations(2)),
			heartbeat_weight().saturating_add(MockLifecycle::attested_for(2))
		);
		assert_eq!(
			actual_heartbeat_weight(OTHER_AGENT, attestations(1)),
			heartbeat_weight().saturating_add(MockLifecycle::attested_for(1))
		);
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				Attested { provider: OWNER, now, lines: attestation_lines(2) },
				Attested { provider: OTHER_OWNER, now, lines: attestation_lines(1) },
			]
		);
		assert_eq!(status(OWNER), Some(ProviderStatus::Leaving));
		assert_eq!(status(OTHER_OWNER), Some(ProviderStatus::Jailed));
	});
}

#[test]
fn failed_heartbeats_reach_no_market() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		MockLifecycle::taken();

		// Registration counts as this period's heartbeat.
		assert_noop!(heartbeat_with(AGENT, attestations(2)), Error::<Test>::HeartbeatAlreadySent);
		System::set_block_number(next_period_start());
		assert_noop!(heartbeat_with(OWNER, attestations(2)), Error::<Test>::NotAgent);
		assert_noop!(heartbeat_with(OTHER_AGENT, attestations(2)), Error::<Test>::NotAgent);
		assert_eq!(MockLifecycle::taken(), vec![]);

		assert_ok!(heartbeat_with(AGENT, attestations(2)));
		MockLifecycle::taken();
		assert_noop!(heartbeat_with(AGENT, attestations(1)), Error::<Test>::HeartbeatAlreadySent);
		assert_eq!(MockLifecycle::taken(), vec![]);
	});
}

#[test]
fn an_offline_provider_whose_heartbeat_fails_does_not_come_back() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		run_to_block(deadline_of(OWNER));
		assert_eq!(status(OWNER), Some(ProviderStatus::Offline));
		MockLifecycle::taken();

		fill_all_spill_buckets(expected_deadline(OWNER, System::block_number()));
		assert_noop!(heartbeat_with(AGENT, attestations(2)), Error::<Test>::DeadlineQueueFull);
		// Neither `back_online` nor `attested` ran, not even inside the failed call.
		assert_eq!(MockLifecycle::taken(), vec![]);
	});
}

#[test]
fn heartbeat_weight_adds_what_the_market_reports_per_line() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		for lines in 0..=MAX_ATTESTATIONS {
			run_to_block(next_period_start());
			let actual = actual_heartbeat_weight(AGENT, attestations(lines));
			// What the market reported, not its declared bound.
			assert_eq!(
				actual,
				heartbeat_weight().saturating_add(MockLifecycle::attested_for(lines as usize))
			);
			assert!(actual.all_lte(declared_heartbeat_weight(lines)), "{lines} lines");
		}
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
	});
}

#[test]
fn coming_back_online_settles_the_outage_before_the_attestations() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let deadline = deadline_of(OWNER);
		run_to_block(deadline);
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				HeardFrom { provider: OWNER, last_heartbeat: 1 },
				WentOffline { provider: OWNER, at: deadline }
			]
		);

		run_to_block(deadline + 2);
		let now = System::block_number();
		let actual = actual_heartbeat_weight(AGENT, attestations(MAX_ATTESTATIONS));
		assert_eq!(
			actual,
			back_online_heartbeat_weight()
				.saturating_add(BACK_ONLINE)
				.saturating_add(MockLifecycle::attested_for(MAX_ATTESTATIONS as usize))
		);
		assert!(actual.all_lte(declared_heartbeat_weight(MAX_ATTESTATIONS)));
		// The market settles the Offline time first, so the lines cannot turn it into paid
		// time.
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				BackOnline { provider: OWNER, now },
				Attested { provider: OWNER, now, lines: attestation_lines(MAX_ATTESTATIONS) },
			]
		);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
	});
}

#[test]
fn coming_back_online_without_lines_reports_the_return_then_the_heartbeat() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		run_to_block(deadline_of(OWNER));
		MockLifecycle::taken();

		let now = System::block_number();
		assert_eq!(
			actual_heartbeat_weight(AGENT, Default::default()),
			back_online_heartbeat_weight().saturating_add(BACK_ONLINE)
		);
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				BackOnline { provider: OWNER, now },
				Attested { provider: OWNER, now, lines: vec![] }
			]
		);
	});
}

#[test]
fn declared_weights_cover_the_market_worst_case() {
	ExtBuilder.build_and_execute(|| {
		for lines in 0..=MAX_ATTESTATIONS {
			let declared = declared_heartbeat_weight(lines);
			// Any heartbeat may bring its provider back, and each line may cost its bound.
			assert_eq!(
				declared,
				heartbeat_weight()
					.max(back_online_heartbeat_weight())
					.saturating_add(MockLifecycle::back_online_weight())
					.saturating_add(MockLifecycle::attested_weight(lines)),
				"{lines} lines"
			);
			let worst_actual = back_online_heartbeat_weight()
				.saturating_add(BACK_ONLINE)
				.saturating_add(MockLifecycle::attested_for(lines as usize));
			assert!(worst_actual.all_lte(declared), "{lines} lines");
		}
		// Declaring is pure: it calls nothing.
		assert_eq!(MockLifecycle::taken(), vec![]);

		assert_eq!(
			Call::force_jail { provider: OWNER }.get_dispatch_info().call_weight,
			<() as WeightInfo>::force_jail()
				.saturating_add(MockLifecycle::heard_from_weight())
				.saturating_add(MockLifecycle::jailed_weight())
		);
	});
}

#[test]
fn the_hook_reports_each_provider_it_marks_offline_once() {
	ExtBuilder.build_and_execute(|| {
		let owners = owners_sharing_an_offset(3);
		let (active, leaving, fresh) = (owners[0], owners[1], owners[2]);
		for owner in &owners {
			register_provider(*owner, owner + 100, 1);
		}
		let block = deadline_of(active);
		assert!(owners.iter().all(|owner| deadline_of(*owner) == block));
		set_commitments(leaving, 1);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(leaving)));
		// `fresh` heartbeats again; its entry in `block` stays, to be moved on there.
		System::set_block_number(PERIOD);
		assert_ok!(heartbeat(fresh + 100));
		assert_eq!(Deadlines::<Test>::get(block).into_inner(), owners);
		// Starting to leave, it earns no more: its time is heard first.
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				HeardFrom { provider: leaving, last_heartbeat: 1 },
				Attested { provider: fresh, now: PERIOD, lines: vec![] }
			]
		);

		System::set_block_number(block);
		let moved_on = <() as WeightInfo>::on_initialize_moved_on(1)
			.saturating_sub(<() as WeightInfo>::on_initialize_moved_on(0));
		assert_eq!(
			Providers::on_initialize(block),
			<() as WeightInfo>::on_initialize(2)
				.saturating_add(moved_on)
				.saturating_add(HEARD_FROM.saturating_mul(3))
				.saturating_add(WENT_OFFLINE.saturating_mul(2))
		);
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				HeardFrom { provider: active, last_heartbeat: 1 },
				WentOffline { provider: active, at: block },
				HeardFrom { provider: leaving, last_heartbeat: 1 },
				WentOffline { provider: leaving, at: block },
				HeardFrom { provider: fresh, last_heartbeat: PERIOD },
			]
		);
		assert_eq!(status(active), Some(ProviderStatus::Offline));
		assert_eq!(status(leaving), Some(ProviderStatus::Offline));
		assert_eq!(status(fresh), Some(ProviderStatus::Active));

		// Only `fresh` is still watched; the other two are never reported again.
		let later = deadline_of(fresh);
		assert_eq!(later, block + PERIOD);
		run_to_block(later);
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				HeardFrom { provider: fresh, last_heartbeat: PERIOD },
				WentOffline { provider: fresh, at: later }
			]
		);
		run_to_block(later + 5 * PERIOD);
		assert_eq!(MockLifecycle::taken(), vec![]);
	});
}

#[test]
fn a_hook_with_only_stale_entries_reports_nothing() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let deadline = deadline_of(OWNER);
		// An entry in a block that is not the provider's deadline counts for nothing.
		let elsewhere = deadline - 1;
		assert_ok!(Deadlines::<Test>::try_append(elsewhere, OWNER));
		MockLifecycle::taken();

		System::set_block_number(elsewhere);
		assert_eq!(Providers::on_initialize(elsewhere), <() as WeightInfo>::on_initialize(1));
		assert_eq!(MockLifecycle::taken(), vec![]);
		assert_eq!(status(OWNER), Some(ProviderStatus::Active));
		assert_eq!(deadline_of(OWNER), deadline);
	});
}

#[test]
fn force_jail_tells_the_market_once() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		register_provider(OTHER_OWNER, OTHER_AGENT, 1);
		let owner_deadline = deadline_of(OWNER);
		let other_deadline = deadline_of(OTHER_OWNER);

		// From Active: its time up to its last heartbeat is heard first.
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_eq!(
			MockLifecycle::taken(),
			vec![HeardFrom { provider: OWNER, last_heartbeat: 1 }, Jailed { provider: OWNER }]
		);

		// From Offline.
		run_to_block(other_deadline.max(owner_deadline));
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				HeardFrom { provider: OTHER_OWNER, last_heartbeat: 1 },
				WentOffline { provider: OTHER_OWNER, at: other_deadline }
			]
		);
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OTHER_OWNER));
		assert_eq!(MockLifecycle::taken(), vec![Jailed { provider: OTHER_OWNER }]);

		// Jailed providers are not watched, so nothing more reaches the market.
		run_to_block(System::block_number() + 5 * PERIOD);
		assert_eq!(MockLifecycle::taken(), vec![]);
	});
}

#[test]
fn the_slashing_path_tells_the_market_too() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_ok!(Providers::do_jail(&OWNER));
		assert_eq!(
			MockLifecycle::taken(),
			vec![HeardFrom { provider: OWNER, last_heartbeat: 1 }, Jailed { provider: OWNER }]
		);
		// Released, it takes work again from now.
		assert_ok!(Providers::do_unjail(&OWNER));
		assert_eq!(MockLifecycle::taken(), vec![Resumed { provider: OWNER, now: 1 }]);
	});
}

#[test]
fn failed_jails_reach_no_market() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Providers::force_jail(RuntimeOrigin::root(), OWNER),
			Error::<Test>::NotRegistered
		);
		register_provider(OWNER, AGENT, 1);
		assert_noop!(
			Providers::force_jail(RuntimeOrigin::signed(OWNER), OWNER),
			DispatchError::BadOrigin
		);
		assert_eq!(MockLifecycle::taken(), vec![]);

		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		MockLifecycle::taken();
		// Taking over a jail tells the market nothing: its leases closed with the first.
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OWNER));
		assert_eq!(MockLifecycle::taken(), vec![]);

		register_provider(OTHER_OWNER, OTHER_AGENT, 1);
		set_commitments(OTHER_OWNER, 1);
		assert_ok!(Providers::leave(RuntimeOrigin::signed(OTHER_OWNER)));
		MockLifecycle::taken();
		assert_ok!(Providers::force_jail(RuntimeOrigin::root(), OTHER_OWNER));
		assert_eq!(
			MockLifecycle::taken(),
			vec![
				HeardFrom { provider: OTHER_OWNER, last_heartbeat: 1 },
				Jailed { provider: OTHER_OWNER }
			]
		);
	});
}

#[test]
fn max_attestations_bounds_the_lines() {
	ExtBuilder.build_and_execute(|| {
		assert!(Attestations::try_from(attestation_lines(MAX_ATTESTATIONS)).is_ok());
		assert!(Attestations::try_from(attestation_lines(MAX_ATTESTATIONS + 1)).is_err());

		// Nor does an oversized heartbeat decode from the wire.
		let encode_heartbeat = |lines: Vec<LeaseAttestation>| {
			let mut encoded =
				RuntimeCall::Providers(Call::heartbeat { attestations: Default::default() })
					.encode();
			encoded.truncate(encoded.len() - Vec::<LeaseAttestation>::new().encode().len());
			encoded.extend(lines.encode());
			encoded
		};
		let fits = encode_heartbeat(attestation_lines(MAX_ATTESTATIONS));
		assert!(RuntimeCall::decode(&mut &fits[..]).is_ok());
		let too_many = encode_heartbeat(attestation_lines(MAX_ATTESTATIONS + 1));
		assert!(RuntimeCall::decode(&mut &too_many[..]).is_err());
	});
}
