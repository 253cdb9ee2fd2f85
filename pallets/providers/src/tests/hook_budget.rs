//! The liveness hook's budget: a mass outage beyond `HookBudget` goes Offline over the next
//! blocks, in order, each provider Offline since its own deadline.

use super::*;
use crate::{mock::HookBudget, DeadlineBacklog};

/// `count` owners (with agents 1,000 above) whose heartbeat offset is OWNER's, so that
/// registering them in one block gives them one deadline.
fn owners_sharing_a_deadline(count: usize) -> Vec<AccountId> {
	let offset = Providers::heartbeat_offset(&OWNER);
	core::iter::once(OWNER)
		.chain((2..500).filter(|owner| Providers::heartbeat_offset(owner) == offset))
		.take(count)
		.collect()
}

/// The providers the market was told went Offline since the last call, and since when.
fn went_offline_calls() -> Vec<(AccountId, BlockNumber)> {
	MockLifecycle::taken()
		.into_iter()
		.filter_map(|call| match call {
			LifecycleCall::WentOffline { provider, at } => Some((provider, at)),
			_ => None,
		})
		.collect()
}

#[test]
fn a_mass_outage_beyond_the_budget_goes_offline_over_the_next_blocks() {
	ExtBuilder.build_and_execute(|| {
		let owners = owners_sharing_a_deadline(3);
		assert_eq!(owners.len(), 3, "three owners share an offset");
		for owner in &owners {
			register_provider(*owner, owner + 1_000, 1);
		}
		let deadline = deadline_of(OWNER);
		assert!(owners.iter().all(|owner| deadline_of(*owner) == deadline));
		// Room for less than one provider a block: one goes Offline each block.
		HookBudget::set(&Weight::zero());

		run_to_block(deadline);
		assert_eq!(went_offline_calls(), vec![(owners[0], deadline)]);
		assert_eq!(DeadlineBacklog::<Test>::get(), Some(deadline));
		assert_eq!(status(owners[1]), Some(ProviderStatus::Active));

		run_to_block(deadline + 2);
		// Late, but Offline since the deadline each missed.
		assert_eq!(went_offline_calls(), vec![(owners[1], deadline), (owners[2], deadline)]);
		assert!(owners.iter().all(|owner| status(*owner) == Some(ProviderStatus::Offline)));
		// Out of budget before reading the next block's bucket: the block after reads it.
		run_to_block(deadline + 3);
		assert_eq!(DeadlineBacklog::<Test>::get(), None);
		assert!(!Deadlines::<Test>::contains_key(deadline));
	});
}

/// A provider that heartbeats while its missed deadline waits in the backlog stays Active.
#[test]
fn a_heartbeat_while_the_deadline_waits_keeps_the_provider_active() {
	ExtBuilder.build_and_execute(|| {
		let owners = owners_sharing_a_deadline(2);
		for owner in &owners {
			register_provider(*owner, owner + 1_000, 1);
		}
		let deadline = deadline_of(OWNER);
		HookBudget::set(&Weight::zero());
		run_to_block(deadline);
		assert_eq!(went_offline_calls(), vec![(owners[0], deadline)]);

		assert_ok!(heartbeat(owners[1] + 1_000));
		run_to_block(deadline + 3);
		assert_eq!(went_offline_calls(), vec![]);
		assert_eq!(status(owners[1]), Some(ProviderStatus::Active));
		assert_eq!(DeadlineBacklog::<Test>::get(), None);
	});
}

/// The hook reports the weight it used, within the budget and one provider beyond it.
#[test]
fn the_hook_stays_within_its_budget() {
	ExtBuilder.build_and_execute(|| {
		let owners = owners_sharing_a_deadline(3);
		for owner in &owners {
			register_provider(*owner, owner + 1_000, 1);
		}
		let deadline = deadline_of(OWNER);
		let idle = <() as crate::WeightInfo>::on_initialize(0);
		let moved_on = <() as crate::WeightInfo>::on_initialize_moved_on(1)
			.saturating_sub(<() as crate::WeightInfo>::on_initialize_moved_on(0));
		// What the hook sets aside for each provider: the dearer of its two paths, and what
		// the listeners may use on either.
		let one = <() as crate::WeightInfo>::on_initialize(1)
			.saturating_sub(idle)
			.max(moved_on)
			.saturating_add(<MockLifecycle as ProviderLifecycle<_, _>>::heard_from_weight())
			.saturating_add(<MockLifecycle as ProviderLifecycle<_, _>>::went_offline_weight());
		let budget = idle.saturating_add(one.saturating_mul(2));
		HookBudget::set(&budget);
		run_to_block(deadline - 1);
		System::set_block_number(deadline);
		let used = <Providers as Hooks<BlockNumber>>::on_initialize(deadline);
		// The mock's database costs nothing, so the budget is all there is.
		assert!(used.all_lte(budget));
		assert_eq!(went_offline_calls().len(), 2);
		assert_eq!(DeadlineBacklog::<Test>::get(), Some(deadline));
	});
}
