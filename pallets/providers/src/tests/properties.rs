//! Property tests: random sequences of calls and blocks keep the registry's invariants.

use super::*;
use crate::IdleReason;
use ember_primitives::ProviderStake;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Accounts the random calls use. Most calls pick owners from the first group and agents
/// from the second, but any account may turn up in any role.
const OWNERS: core::ops::RangeInclusive<AccountId> = 1..=4;
const AGENTS: core::ops::RangeInclusive<AccountId> = 11..=15;

#[derive(Clone, Debug)]
enum Op {
	Register { owner: AccountId, agent: AccountId, gpus: u32, bond_first: bool },
	UpdateInventory { owner: AccountId, first: u32, gpus: u32 },
	SetAgent { owner: AccountId, agent: AccountId },
	Pause(AccountId),
	Resume(AccountId),
	Leave(AccountId),
	Heartbeat { agent: AccountId, lines: u32 },
	ForceJail(AccountId),
	ForceUnjail(AccountId),
	SetStake { owner: AccountId, covered_gpus: u32 },
	SetPunishmentPending { owner: AccountId, pending: bool },
	SetCommitments { owner: AccountId, count: u32 },
	CommitGpu { owner: AccountId, index: u32 },
	ReleaseGpu { owner: AccountId, index: u32 },
	Advance(BlockNumber),
}

fn all_accounts() -> impl Iterator<Item = AccountId> {
	OWNERS.chain(AGENTS)
}

fn owner() -> impl Strategy<Value = AccountId> {
	prop_oneof![5 => OWNERS, 1 => AGENTS]
}

fn agent() -> impl Strategy<Value = AccountId> {
	prop_oneof![5 => AGENTS, 1 => OWNERS]
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		4 => (owner(), 1..=MAX_GPUS, prop::bool::weighted(0.8)).prop_flat_map(
			|(owner, gpus, bond_first)| {
				// Usually the owner's own hot key, so that most registrations can succeed.
				let own_agent = if owner < 10 { owner + 10 } else { 15 };
				prop_oneof![3 => Just(own_agent), 1 => agent()].prop_map(move |agent| {
					Op::Register { owner, agent, gpus, bond_first }
				})
			}
		),
		2 => (owner(), 0..3u32, 1..=MAX_GPUS)
			.prop_map(|(owner, first, gpus)| Op::UpdateInventory { owner, first, gpus }),
		1 => (owner(), agent()).prop_map(|(owner, agent)| Op::SetAgent { owner, agent }),
		1 => owner().prop_map(Op::Pause),
		1 => owner().prop_map(Op::Resume),
		2 => owner().prop_map(Op::Leave),
		6 => (agent(), 0..=MAX_ATTESTATIONS)
			.prop_map(|(agent, lines)| Op::Heartbeat { agent, lines }),
		1 => owner().prop_map(Op::ForceJail),
		1 => owner().prop_map(Op::ForceUnjail),
		1 => (owner(), 0..=MAX_GPUS)
			.prop_map(|(owner, covered_gpus)| Op::SetStake { owner, covered_gpus }),
		1 => (owner(), prop::bool::weighted(0.3))
			.prop_map(|(owner, pending)| Op::SetPunishmentPending { owner, pending }),
		1 => (owner(), 0..3u32).prop_map(|(owner, count)| Op::SetCommitments { owner, count }),
		1 => (owner(), 0..MAX_GPUS + 2)
			.prop_map(|(owner, index)| Op::CommitGpu { owner, index }),
		1 => (owner(), 0..MAX_GPUS + 2)
			.prop_map(|(owner, index)| Op::ReleaseGpu { owner, index }),
		4 => (1..=2 * PERIOD).prop_map(Op::Advance),
	]
}

#[derive(Clone, Debug)]
struct ModelProvider {
	agent: AccountId,
	status: ProviderStatus,
	paused: bool,
	gpus: BTreeSet<u32>,
	last_heartbeat: BlockNumber,
	/// The block of the last event that set a liveness deadline.
	watched_since: BlockNumber,
}

/// What the registry should look like, kept by rules independent of the pallet's code.
#[derive(Clone, Debug, Default)]
struct Model {
	providers: BTreeMap<AccountId, ModelProvider>,
	covered_gpus: BTreeMap<AccountId, u32>,
	/// Owners the judge of offences has a slash or jail pending for.
	punishment_pending: BTreeSet<AccountId>,
	/// How many times governance jailed or released each provider by force.
	jail_overrides: BTreeMap<AccountId, u32>,
	commitments: BTreeMap<AccountId, u32>,
	committed: BTreeSet<(AccountId, u32)>,
}

impl Model {
	fn owner_of_agent(&self, agent: AccountId) -> Option<AccountId> {
		self.providers.iter().find(|(_, p)| p.agent == agent).map(|(owner, _)| *owner)
	}

	fn stake_covers(&self, owner: AccountId, gpus: u32) -> bool {
		self.covered_gpus.get(&owner).is_some_and(|covered| *covered >= gpus)
	}

	/// Why a registered provider takes no new work: its status, a pause, or a bond that
	/// no longer covers its GPUs, in that order.
	fn idle_reason(&self, owner: AccountId) -> Option<IdleReason> {
		let p = self.providers.get(&owner)?;
		let gpus = p.gpus.len() as u32;
		if p.status != ProviderStatus::Active {
			Some(IdleReason::Status(p.status))
		} else if p.paused {
			Some(IdleReason::Paused)
		} else if !self.stake_covers(owner, gpus) {
			let covered = self.covered_gpus.get(&owner);
			Some(IdleReason::BondTooLow {
				bonded: covered.map_or(0, |covered| MockStake::required_stake(*covered)),
				required: MockStake::required_stake(gpus),
			})
		} else {
			None
		}
	}

	fn agent_check(&self, owner: AccountId, agent: AccountId) -> Result<(), Error<Test>> {
		if agent == owner {
			return Err(Error::AgentIsOwner);
		}
		if self.owner_of_agent(agent).is_some() {
			return Err(Error::AgentInUse);
		}
		if self.providers.contains_key(&agent) {
			return Err(Error::AgentIsProvider);
		}
		Ok(())
	}

	/// The outcome the model expects, and whether the call has to schedule a deadline.
	fn expect(&self, op: &Op, now: BlockNumber) -> (Result<(), Error<Test>>, bool) {
		let provider = |owner: &AccountId| self.providers.get(owner);
		match op {
			Op::Register { owner, agent, gpus, .. } => {
				let outcome = if self.providers.contains_key(owner) {
					Err(Error::AlreadyRegistered)
				} else if self.owner_of_agent(*owner).is_some() {
					Err(Error::OwnerIsAgent)
				} else if let Err(error) = self.agent_check(*owner, *agent) {
					Err(error)
				} else if !self.stake_covers(*owner, *gpus) {
					Err(Error::InsufficientStake)
				} else {
					Ok(())
				};
				(outcome, true)
			},
			Op::UpdateInventory { owner, first, gpus } => {
				let Some(p) = provider(owner) else {
					return (Err(Error::NotRegistered), false);
				};
				let new: BTreeSet<u32> = (*first..first + gpus).collect();
				let drops_committed = p.gpus.iter().any(|index| {
					self.committed.contains(&(*owner, *index)) && !new.contains(index)
				});
				let outcome = if drops_committed {
					Err(Error::CommittedGpuRemoved)
				} else if new.len() > p.gpus.len() && !self.stake_covers(*owner, *gpus) {
					Err(Error::InsufficientStake)
				} else {
					Ok(())
				};
				(outcome, false)
			},
			Op::SetAgent { owner, agent } => match provider(owner) {
				None => (Err(Error::NotRegistered), false),
				Some(_) => (self.agent_check(*owner, *agent), false),
			},
			Op::Pause(owner) => match provider(owner) {
				None => (Err(Error::NotRegistered), false),
				Some(p) if p.paused => (Err(Error::AlreadyPaused), false),
				Some(_) => (Ok(()), false),
			},
			Op::Resume(owner) => match provider(owner) {
				None => (Err(Error::NotRegistered), false),
				Some(p) if !p.paused => (Err(Error::NotPaused), false),
				Some(_) => (Ok(()), false),
			},
			Op::Leave(owner) => {
				let commitments = self.commitments.get(owner).copied().unwrap_or(0);
				let outcome = match provider(owner).map(|p| p.status) {
					None => Err(Error::NotRegistered),
					// Leaving never escapes a punishment already decided.
					Some(_) if self.punishment_pending.contains(owner) => {
						Err(Error::PunishmentPending)
					},
					Some(ProviderStatus::Jailed) => Err(Error::ProviderJailed),
					Some(_) if commitments == 0 => Ok(()),
					Some(ProviderStatus::Active) => Ok(()),
					Some(ProviderStatus::Offline) => Err(Error::ProviderOffline),
					Some(ProviderStatus::Leaving) => Err(Error::CommitmentsRemain),
				};
				(outcome, false)
			},
			Op::Heartbeat { agent, .. } => {
				let Some(owner) = self.owner_of_agent(*agent) else {
					return (Err(Error::NotAgent), false);
				};
				let p = &self.providers[&owner];
				if p.last_heartbeat / PERIOD == now / PERIOD {
					return (Err(Error::HeartbeatAlreadySent), false);
				}
				// Only a provider coming back schedules a deadline: a watched one's stays queued.
				let schedules = p.status == ProviderStatus::Offline;
				(Ok(()), schedules)
			},
			// Every registered provider, Leaving and Jailed ones included.
			Op::ForceJail(owner) => match provider(owner).map(|p| p.status) {
				None => (Err(Error::NotRegistered), false),
				Some(_) => (Ok(()), false),
			},
			Op::ForceUnjail(owner) => match provider(owner).map(|p| p.status) {
				None => (Err(Error::NotRegistered), false),
				Some(ProviderStatus::Jailed) => (Ok(()), true),
				Some(_) => (Err(Error::NotJailed), false),
			},
			Op::SetStake { .. }
			| Op::SetPunishmentPending { .. }
			| Op::SetCommitments { .. }
			| Op::CommitGpu { .. }
			| Op::ReleaseGpu { .. }
			| Op::Advance(_) => (Ok(()), false),
		}
	}

	/// Apply a call the chain accepted.
	fn apply(&mut self, op: &Op, now: BlockNumber) {
		match op {
			Op::Register { owner, agent, gpus, .. } => {
				self.providers.insert(
					*owner,
					ModelProvider {
						agent: *agent,
						status: ProviderStatus::Active,
						paused: false,
						gpus: (0..*gpus).collect(),
						last_heartbeat: now,
						watched_since: now,
					},
				);
			},
			Op::UpdateInventory { owner, first, gpus } => {
				if let Some(p) = self.providers.get_mut(owner) {
					p.gpus = (*first..first + gpus).collect();
				}
			},
			Op::SetAgent { owner, agent } => {
				if let Some(p) = self.providers.get_mut(owner) {
					p.agent = *agent;
				}
			},
			Op::Pause(owner) | Op::Resume(owner) => {
				if let Some(p) = self.providers.get_mut(owner) {
					p.paused = matches!(op, Op::Pause(_));
				}
			},
			Op::Leave(owner) => {
				if self.commitments.get(owner).copied().unwrap_or(0) == 0 {
					self.providers.remove(owner);
				} else if let Some(p) = self.providers.get_mut(owner) {
					p.status = ProviderStatus::Leaving;
				}
			},
			Op::Heartbeat { agent, .. } => {
				let owner = self.owner_of_agent(*agent).expect("accepted heartbeat has an owner");
				let p = self.providers.get_mut(&owner).expect("owner is registered");
				p.last_heartbeat = now;
				match p.status {
					ProviderStatus::Active | ProviderStatus::Offline => {
						p.status = ProviderStatus::Active;
						p.watched_since = now;
					},
					ProviderStatus::Leaving => p.watched_since = now,
					ProviderStatus::Jailed => {},
				}
			},
			Op::ForceJail(owner) => {
				if let Some(p) = self.providers.get_mut(owner) {
					p.status = ProviderStatus::Jailed;
				}
				*self.jail_overrides.entry(*owner).or_default() += 1;
			},
			Op::ForceUnjail(owner) => {
				if let Some(p) = self.providers.get_mut(owner) {
					p.status = ProviderStatus::Active;
					p.watched_since = now;
				}
				*self.jail_overrides.entry(*owner).or_default() += 1;
			},
			Op::SetStake { owner, covered_gpus } => {
				self.covered_gpus.insert(*owner, *covered_gpus);
			},
			Op::SetPunishmentPending { owner, pending } => {
				if *pending {
					self.punishment_pending.insert(*owner);
				} else {
					self.punishment_pending.remove(owner);
				}
			},
			Op::SetCommitments { owner, count } => {
				self.commitments.insert(*owner, *count);
			},
			Op::CommitGpu { owner, index } => {
				self.committed.insert((*owner, *index));
			},
			Op::ReleaseGpu { owner, index } => {
				self.committed.remove(&(*owner, *index));
			},
			Op::Advance(_) => {},
		}
	}
}

/// What the lease market must hear when the chain accepts `op` at `now`, by the model's state
/// before the call.
fn expected_lifecycle_calls(model: &Model, op: &Op, now: BlockNumber) -> Vec<LifecycleCall> {
	match op {
		Op::Heartbeat { agent, lines } => {
			// A key that is no agent fails, and failed calls are checked to make none.
			let Some(owner) = model.owner_of_agent(*agent) else { return Vec::new() };
			let mut calls = Vec::new();
			if model.providers[&owner].status == ProviderStatus::Offline {
				calls.push(LifecycleCall::BackOnline { provider: owner, now });
			}
			// Every accepted heartbeat is reported, lines or not: it credits available time.
			calls.push(LifecycleCall::Attested {
				provider: owner,
				now,
				lines: attestation_lines(*lines),
			});
			calls
		},
		// Taking over a jail closes nothing more.
		Op::ForceJail(owner) => match model.providers.get(owner).map(|p| p.status) {
			Some(ProviderStatus::Jailed) => Vec::new(),
			_ => {
				let mut calls = last_word(model, *owner);
				calls.push(LifecycleCall::Jailed { provider: *owner });
				calls
			},
		},
		// The paused time earns nothing from the moment of the pause.
		Op::Pause(owner) => {
			let mut calls = last_word(model, *owner);
			calls.push(LifecycleCall::Paused { provider: *owner });
			calls
		},
		// And it earns again from the moment it resumes.
		Op::Resume(owner) => vec![LifecycleCall::Resumed { provider: *owner, now }],
		// Deregistered at once when nothing is committed; else an Active provider starts
		// leaving and takes no new work. Either way it earns no more.
		Op::Leave(owner) if model.commitments.get(owner).copied().unwrap_or(0) == 0 => {
			let mut calls = last_word(model, *owner);
			calls.push(LifecycleCall::Deregistered { provider: *owner });
			calls
		},
		Op::Leave(owner) => last_word(model, *owner),
		// Released, it takes work again from now.
		Op::ForceUnjail(owner) => vec![LifecycleCall::Resumed { provider: *owner, now }],
		_ => Vec::new(),
	}
}

/// What the listeners hear before a watched provider stops earning: the time up to its last
/// heartbeat.
fn last_word(model: &Model, owner: AccountId) -> Vec<LifecycleCall> {
	match model.providers.get(&owner) {
		Some(p) if matches!(p.status, ProviderStatus::Active | ProviderStatus::Leaving) => {
			vec![LifecycleCall::HeardFrom { provider: owner, last_heartbeat: p.last_heartbeat }]
		},
		_ => Vec::new(),
	}
}

/// The first block at which a provider watched since `since` may go Offline.
fn earliest_offline(owner: AccountId, since: BlockNumber) -> BlockNumber {
	expected_deadline(owner, since)
}

/// The last block at which it must have gone Offline, spilling included.
fn latest_offline(owner: AccountId, since: BlockNumber) -> BlockNumber {
	expected_deadline(owner, since) + u64::from(DEADLINE_SPILL_BLOCKS)
}

fn dispatch(op: &Op) -> Result<(), DispatchError> {
	let signed = RuntimeOrigin::signed;
	match op.clone() {
		Op::Register { owner, agent, gpus, .. } => {
			register_with(owner, agent, inventory(owner, gpus))
		},
		Op::UpdateInventory { owner, first, gpus } => {
			let specs = (first..first + gpus).map(|index| gpu(gpu_hash(owner, index))).collect();
			Providers::update_inventory(signed(owner), GpuInventoryOf::<Test>::truncate_from(specs))
		},
		Op::SetAgent { owner, agent } => Providers::set_agent(signed(owner), agent),
		Op::Pause(owner) => Providers::pause(signed(owner)),
		Op::Resume(owner) => Providers::resume(signed(owner)),
		Op::Leave(owner) => Providers::leave(signed(owner)),
		Op::Heartbeat { agent, lines } => heartbeat_with(agent, attestations(lines)),
		Op::ForceJail(owner) => Providers::force_jail(RuntimeOrigin::root(), owner),
		Op::ForceUnjail(owner) => Providers::force_unjail(RuntimeOrigin::root(), owner),
		Op::SetStake { owner, covered_gpus } => {
			stake_for(owner, covered_gpus);
			Ok(())
		},
		Op::SetPunishmentPending { owner, pending } => {
			set_punishment_pending(owner, pending);
			Ok(())
		},
		Op::SetCommitments { owner, count } => {
			set_commitments(owner, count);
			Ok(())
		},
		Op::CommitGpu { owner, index } => {
			commit_gpu(owner, gpu_hash(owner, index));
			Ok(())
		},
		Op::ReleaseGpu { owner, index } => {
			release_gpu(owner, gpu_hash(owner, index));
			Ok(())
		},
		Op::Advance(_) => Ok(()),
	}
}

/// Advance block by block, checking every Offline transition against the model's rule.
fn advance(model: &mut Model, blocks: BlockNumber) {
	for _ in 0..blocks {
		System::reset_events();
		let block = System::block_number() + 1;
		run_to_block(block);
		let offline: Vec<_> = provider_events()
			.into_iter()
			.filter_map(|event| match event {
				Event::WentOffline { provider, .. } => {
					Some(LifecycleCall::WentOffline { provider, at: block })
				},
				_ => None,
			})
			.collect();
		let (heard, market): (Vec<_>, Vec<_>) = MockLifecycle::taken()
			.into_iter()
			.partition(|call| matches!(call, LifecycleCall::HeardFrom { .. }));
		// The market hears of exactly the providers the hook marked Offline, in order.
		assert_eq!(market, offline, "block {block}");
		// And the listeners hear from watched providers only, with their last heartbeat.
		for call in heard {
			let LifecycleCall::HeardFrom { provider, last_heartbeat } = call else { continue };
			let p = &model.providers[&provider];
			assert!(matches!(p.status, ProviderStatus::Active | ProviderStatus::Leaving));
			assert_eq!(p.last_heartbeat, last_heartbeat, "block {block}");
		}
		for event in provider_events() {
			let (provider, last_heartbeat) = match event {
				Event::WentOffline { provider, last_heartbeat } => (provider, last_heartbeat),
				other => panic!("unexpected event in a block hook: {other:?}"),
			};
			let p = model.providers.get_mut(&provider).expect("offline provider registered");
			assert!(
				matches!(p.status, ProviderStatus::Active | ProviderStatus::Leaving),
				"only watched providers go offline"
			);
			assert_eq!(p.last_heartbeat, last_heartbeat);
			assert!(
				block >= earliest_offline(provider, p.watched_since),
				"provider {provider} went offline early at {block}: {p:?}"
			);
			p.status = ProviderStatus::Offline;
		}
		for (owner, p) in &model.providers {
			if matches!(p.status, ProviderStatus::Active | ProviderStatus::Leaving) {
				assert!(
					block < latest_offline(*owner, p.watched_since),
					"provider {owner} silent since {} still active at {block}",
					p.watched_since
				);
			}
		}
	}
}

/// The chain agrees with the model on everything other pallets can see.
fn assert_matches(model: &Model) {
	for account in all_accounts() {
		let expected = model.providers.get(&account);
		assert_eq!(status(account), expected.map(|p| p.status), "status of {account}");
		assert_eq!(
			Providers::registered_gpus(&account),
			expected.map(|p| p.gpus.len() as u32),
			"gpus of {account}"
		);
		assert_eq!(
			Providers::provider_of_agent(&account),
			model.owner_of_agent(account),
			"owner behind agent {account}"
		);
		if let Some(p) = expected {
			let record = info(account);
			assert_eq!(record.agent, p.agent);
			assert_eq!(record.paused, p.paused);
			assert_eq!(record.last_heartbeat, p.last_heartbeat);
			let hashes: BTreeSet<_> = Inventory::<Test>::get(account)
				.expect("inventory")
				.iter()
				.map(|spec| spec.uuid_hash)
				.collect();
			let expected_hashes: BTreeSet<_> =
				p.gpus.iter().map(|index| gpu_hash(account, *index)).collect();
			assert_eq!(hashes, expected_hashes);
			// A slash may leave the bond short of the GPUs: no new work until it tops up.
			assert_eq!(
				Providers::accepts_work(&account),
				p.status == ProviderStatus::Active
					&& !p.paused && model.stake_covers(account, p.gpus.len() as u32),
				"accepts_work of {account}"
			);
		}
		assert_eq!(Providers::why_idle(account), model.idle_reason(account), "{account}");
		assert_eq!(
			jail_overrides(account),
			model.jail_overrides.get(&account).copied().unwrap_or(0),
			"jail overrides of {account}"
		);
	}
}

fn run(ops: Vec<Op>) {
	let mut model = Model::default();
	// Start with three providers so that most calls meet a registered one.
	let setup = [(1, 11, 2), (2, 12, 1), (3, 13, MAX_GPUS)]
		.map(|(owner, agent, gpus)| Op::Register { owner, agent, gpus, bond_first: true });
	for op in setup.into_iter().chain(ops) {
		if let Op::Advance(blocks) = op {
			advance(&mut model, blocks);
		} else {
			if let Op::Register { owner, bond_first: true, .. } = op {
				stake_for(owner, MAX_GPUS);
				model.covered_gpus.insert(owner, MAX_GPUS);
			}
			let now = System::block_number();
			let (expected, schedules) = model.expect(&op, now);
			let expected_calls = expected_lifecycle_calls(&model, &op, now);
			let root_before = sp_io::storage::root(sp_runtime::StateVersion::V1);
			let outcome = dispatch(&op);
			let failed = outcome.is_err();
			let calls = MockLifecycle::taken();
			if failed {
				assert_eq!(calls, vec![], "failed {op:?} reached the market");
			} else {
				assert_eq!(calls, expected_calls, "{op:?}");
			}
			match (outcome, expected) {
				(Ok(()), Ok(())) => model.apply(&op, now),
				(Err(error), Err(expected)) => {
					assert_eq!(error, DispatchError::from(expected), "{op:?}");
				},
				(Err(error), Ok(()))
					if schedules
						&& error == DispatchError::from(Error::<Test>::DeadlineQueueFull) => {},
				(outcome, expected) => {
					panic!("{op:?}: chain said {outcome:?}, model expected {expected:?}")
				},
			}
			if failed {
				let root_after = sp_io::storage::root(sp_runtime::StateVersion::V1);
				assert_eq!(root_before, root_after, "failed {op:?} changed state");
			}
		}
		if let Err(error) = Providers::do_try_state(System::block_number()) {
			panic!("invariant broken: {error:?}");
		}
		assert_matches(&model);
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(128))]

	#[test]
	fn random_calls_keep_the_registry_consistent(ops in prop::collection::vec(op(), 1..80)) {
		ExtBuilder.build_and_execute(|| run(ops));
	}
}
