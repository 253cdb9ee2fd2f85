//! Benchmarks of the pallet's calls and block hook, each at its worst case: every queue it may
//! try full but the last, the most harmed tenants paid, new accounts created for them.

use super::*;
use alloc::vec::Vec;
use ember_primitives::{
	Balance, HarmedLease, LeaseOffence, LeaseOffenceReporter, ProviderJail, ProviderOffence,
	ProviderRegistry, ProviderStake, ProviderStakeSlashing, ProviderStatus,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Inspect, EnsureOrigin, Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{One, Saturating, Zero};

const SEED: u32 = 0;

/// Leases a benchmark offence harmed.
type HarmedLeases<T> = Vec<HarmedLease<<T as frame_system::Config>::AccountId, Balance>>;

fn assert_has_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_has_event(event.into());
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// Start past genesis, where events are recorded; returns the current block.
fn start<T: Config>() -> BlockNumberFor<T> {
	let block = now::<T>().max(One::one());
	frame_system::Pallet::<T>::set_block_number(block);
	block
}

fn force_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// The block something aimed at `target` lands in when the queues of the `MaxSpill` blocks from
/// `target` on are full.
fn spilled<T: Config>(target: BlockNumberFor<T>) -> BlockNumberFor<T> {
	target.saturating_add(T::MaxSpill::get().into())
}

/// Fill the apply queues of the `MaxSpill` blocks from `target` on with slashes that do not
/// exist, so that a slash aimed at `target` tries each of them and lands in the last block it
/// may.
fn fill_apply_queues_from<T: Config>(target: BlockNumberFor<T>) {
	let mut block = target;
	let mut filler = SlashId::MAX;
	for _ in 0..T::MaxSpill::get() {
		while ApplyQueue::<T>::try_append(block, filler).is_ok() {
			filler = filler.saturating_sub(1);
		}
		block = block.saturating_add(One::one());
	}
}

/// Like [`fill_apply_queues_from`], for the jail queues, with accounts that are no providers.
fn fill_jail_queues_from<T: Config>(target: BlockNumberFor<T>) {
	let mut block = target;
	for spill in 0..T::MaxSpill::get() {
		let mut index = 0u32;
		while JailQueue::<T>::try_append(block, account::<T::AccountId>("filler", index, spill))
			.is_ok()
		{
			index.saturating_inc();
		}
		block = block.saturating_add(One::one());
	}
}

/// Make offences of `kind` take the largest share of backing allowed, harm-sized ones at a
/// hundred times their harm, within an era cap as large as a single slash may be.
fn slash_hardest<T: Config>(kind: OffenceKind, jails: bool) {
	let params = SlashParams { fraction: T::MaxSlashFraction::get(), harm_percent: 10_000, jails };
	OffenceParams::<T>::insert(kind, params);
	EraSlashCap::<T>::put(T::MaxSlashFraction::get());
}

/// The most delegators a provider may have: every backer but its owner.
fn max_delegators<T: Config>() -> u32 {
	T::MaxBackers::get().saturating_sub(1)
}

/// Report a downtime of `provider` harming `harmed` leases, each of a new tenant, whose unspent
/// escrow takes up half of the slash between them; returns the slash and the tenants' leases.
/// A downtime that harmed nobody costs nothing, so with no lease harmed it reports a false
/// inventory instead: a slash of the same size, all of it for the treasury.
fn offence_with_harmed<T: Config>(
	provider: &T::AccountId,
	harmed: u32,
) -> Result<(SlashId, HarmedLeases<T>), BenchmarkError> {
	let id = NextSlashId::<T>::get();
	if harmed == 0 {
		slash_hardest::<T>(OffenceKind::FalseInventory, false);
		Pallet::<T>::report_offence(
			force_origin::<T>()?,
			ProviderOffence::FalseInventory {
				provider: provider.clone(),
				gpu: H256::repeat_byte(3),
			},
		)?;
		ensure_pending::<T>(id)?;
		return Ok((id, Default::default()));
	}
	slash_hardest::<T>(OffenceKind::Downtime, false);
	let amount = T::MaxSlashFraction::get().mul_floor(T::Stake::slashable_backing(provider));
	let unspent = amount / 2 / Balance::from(harmed);
	if unspent < T::Currency::minimum_balance() {
		return Err(BenchmarkError::Stop("backing too small to pay every tenant"));
	}
	let leases: HarmedLeases<T> = (0..harmed)
		.map(|index| HarmedLease {
			lease: index.into(),
			tenant: account("tenant", index, SEED),
			unspent,
		})
		.collect();
	<Pallet<T> as LeaseOffenceReporter<_, _, _>>::report(LeaseOffence::Downtime {
		provider: provider.clone(),
		since: now::<T>(),
		harmed: leases.clone(),
	});
	ensure_pending::<T>(id)?;
	Ok((id, leases))
}

fn ensure_pending<T: Config>(id: SlashId) -> Result<(), BenchmarkError> {
	if PendingSlashes::<T>::contains_key(id) {
		Ok(())
	} else {
		Err(BenchmarkError::Stop("the offence was not recorded"))
	}
}

/// Slash `id` is no longer pending, took stake from `provider` (which had `backing_before`) and
/// left nothing in the pot.
fn assert_applied<T: Config>(id: SlashId, provider: &T::AccountId, backing_before: Balance) {
	assert!(!PendingSlashes::<T>::contains_key(id));
	assert!(T::Stake::total_backing(provider) < backing_before, "nothing was slashed");
	assert!(T::Currency::total_balance(&Pallet::<T>::pot()).is_zero());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn report_offence() -> Result<(), BenchmarkError> {
		// A provider with every delegator it may have (their exposure is recorded) and an
		// offence already counted commits one that jails; every apply queue and jail queue it
		// may try is full but the last.
		let block = start::<T>();
		let provider = T::BenchmarkHelper::backed_provider(0, max_delegators::<T>());
		slash_hardest::<T>(OffenceKind::FalseInventory, true);
		OffenceCounts::<T>::insert(&provider, OffenceCount { window_start: block, count: 1 });
		let apply_target = block.saturating_add(T::DisputeWindow::get());
		fill_apply_queues_from::<T>(apply_target);
		let jail_target = block.saturating_add(One::one());
		fill_jail_queues_from::<T>(jail_target);
		let origin = force_origin::<T>()?;
		let offence = ProviderOffence::FalseInventory {
			provider: provider.clone(),
			gpu: H256::repeat_byte(1),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, offence);

		let slash = PendingSlashes::<T>::get(0).ok_or("no pending slash")?;
		assert_eq!(slash.apply_at, spilled::<T>(apply_target));
		assert!(JailQueue::<T>::get(spilled::<T>(jail_target)).contains(&provider));
		assert_eq!(OffenceCounts::<T>::get(&provider).map(|record| record.count), Some(2));
		let exposure = SlashExposure::<T>::get(0).ok_or("no exposure recorded")?;
		assert_eq!(exposure.len() as u32, T::MaxBackers::get());
		Ok(())
	}

	#[benchmark]
	fn cancel_slash() -> Result<(), BenchmarkError> {
		// The slash is the last in a full queue.
		let block = start::<T>();
		let provider = T::BenchmarkHelper::backed_provider(0, 0);
		let apply_at = block.saturating_add(T::DisputeWindow::get());
		let fillers = T::MaxSlashesPerBlock::get().saturating_sub(1);
		for filler in 0..fillers {
			ApplyQueue::<T>::try_append(apply_at, SlashId::MAX.saturating_sub(filler.into()))
				.map_err(|_| "apply queue full")?;
		}
		Pallet::<T>::report_offence(
			force_origin::<T>()?,
			ProviderOffence::FailedChallenge { provider: provider.clone(), challenge: 1 },
		)?;
		let id = NextSlashId::<T>::get().saturating_sub(1);
		ensure_pending::<T>(id)?;
		let origin = force_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!PendingSlashes::<T>::contains_key(id));
		assert!(!ApplyQueue::<T>::get(apply_at).contains(&id));
		assert!(!OffenceCounts::<T>::contains_key(&provider));
		assert_has_event::<T>(Event::SlashCancelled { slash: id, provider });
		Ok(())
	}

	#[benchmark]
	fn unjail() -> Result<(), BenchmarkError> {
		let block = start::<T>();
		let provider = T::BenchmarkHelper::backed_provider(0, 0);
		T::Jail::jail(&provider)?;
		JailedUntil::<T>::insert(&provider, block);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()));

		assert!(!JailedUntil::<T>::contains_key(&provider));
		assert_eq!(T::Registry::status(&provider), Some(ProviderStatus::Active));
		assert_has_event::<T>(Event::Unjailed { provider });
		Ok(())
	}

	#[benchmark]
	fn set_offence_params() -> Result<(), BenchmarkError> {
		start::<T>();
		let origin = force_origin::<T>()?;
		let params =
			SlashParams { fraction: T::MaxSlashFraction::get(), harm_percent: 100, jails: true };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, OffenceKind::Downtime, params);

		assert_eq!(OffenceParams::<T>::get(OffenceKind::Downtime), Some(params));
		Ok(())
	}

	#[benchmark]
	fn set_destination() -> Result<(), BenchmarkError> {
		start::<T>();
		let origin = force_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, SlashDestination::Burn);

		assert_eq!(Destination::<T>::get(), SlashDestination::Burn);
		Ok(())
	}

	#[benchmark]
	fn set_era_slash_cap() -> Result<(), BenchmarkError> {
		start::<T>();
		let origin = force_origin::<T>()?;
		let cap = T::MaxSlashFraction::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, cap);

		assert_eq!(EraSlashCap::<T>::get(), cap);
		Ok(())
	}

	#[benchmark]
	fn prune_offence_records() -> Result<(), BenchmarkError> {
		// A count whose window is over and a span whose era is over: both go.
		start::<T>();
		let provider: T::AccountId = account("provider", 0, 0);
		OffenceCounts::<T>::insert(
			&provider,
			OffenceCount { window_start: frame_system::Pallet::<T>::block_number(), count: 1 },
		);
		Spans::<T>::insert(&provider, SlashSpan { era: 0, ..Default::default() });
		let later = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::OffenceWindow::get())
			.max(T::SpanLength::get());
		frame_system::Pallet::<T>::set_block_number(later);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), provider.clone());

		assert!(!OffenceCounts::<T>::contains_key(&provider));
		assert!(!Spans::<T>::contains_key(&provider));
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() -> Result<(), BenchmarkError> {
		// Nothing is due: the hook reads its two queues and stops.
		let block = start::<T>().saturating_add(One::one());
		frame_system::Pallet::<T>::set_block_number(block);

		#[block]
		{
			Pallet::<T>::on_initialize(block);
		}

		assert!(!JailQueue::<T>::contains_key(block));
		assert!(!ApplyQueue::<T>::contains_key(block));
		Ok(())
	}

	#[benchmark]
	fn jail_deferred() -> Result<(), BenchmarkError> {
		// This pallet's part of a jail taken from the queue; the registry's own part is added
		// from `ProviderJail::jail_weight`.
		let block = start::<T>();
		let provider = T::BenchmarkHelper::backed_provider(0, 0);

		#[block]
		{
			Pallet::<T>::jail_queued(&provider, block);
		}

		assert_eq!(T::Registry::status(&provider), Some(ProviderStatus::Jailed));
		let until = block.saturating_add(T::JailCooldown::get());
		assert_eq!(JailedUntil::<T>::get(&provider), Some(until));
		assert_has_event::<T>(Event::ProviderJailed { provider, until });
		Ok(())
	}

	#[benchmark]
	fn apply_slash(h: Linear<0, { T::MaxHarmedLeases::get() }>) -> Result<(), BenchmarkError> {
		// `h` tenants, each a new account, are compensated and the rest goes to the treasury.
		// The staking pallet's own cost (its delegators) is added from `StakeSlashWeight`.
		start::<T>();
		let provider = T::BenchmarkHelper::backed_provider(0, 0);
		let (id, leases) = offence_with_harmed::<T>(&provider, h)?;
		let backing = T::Stake::slashable_backing(&provider);

		#[block]
		{
			Pallet::<T>::apply_slash(id);
		}

		assert_applied::<T>(id, &provider, backing);
		for lease in leases {
			assert_eq!(T::Currency::balance(&lease.tenant), lease.unspent);
		}
		Ok(())
	}

	#[benchmark]
	fn apply_slash_among_providers(p: Linear<0, 1_000>) -> Result<(), BenchmarkError> {
		// The same slash with `p` other providers registered: its cost must not grow with them.
		start::<T>();
		T::BenchmarkHelper::register_providers(p);
		let provider = T::BenchmarkHelper::backed_provider(0, 0);
		slash_hardest::<T>(OffenceKind::FalseInventory, false);
		let id = NextSlashId::<T>::get();
		Pallet::<T>::report_offence(
			force_origin::<T>()?,
			ProviderOffence::FalseInventory {
				provider: provider.clone(),
				gpu: H256::repeat_byte(2),
			},
		)?;
		ensure_pending::<T>(id)?;
		let backing = T::Stake::slashable_backing(&provider);

		#[block]
		{
			Pallet::<T>::apply_slash(id);
		}

		assert_applied::<T>(id, &provider, backing);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
