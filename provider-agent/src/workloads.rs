//! The leases this provider serves, and their workloads: from award to manifest to run to stop.
//!
//! The block follower calls [`Workloads::sync`] with the chain's view of the provider's leases
//! at each finalized block; the award loop takes leases on from best blocks before that
//! ([`Workloads::take_on_award`]) and moves or forgets those whose award block is retracted;
//! the manifest protocol calls [`Workloads::handle`] for tenants' requests. Records persist in the store, so a restarted agent knows every lease it served,
//! whether its manifest arrived and which process runs it.

use std::{
	collections::BTreeMap,
	path::PathBuf,
	sync::{Arc, Mutex},
	time::Duration,
};

use ember_client::{
	manifest::{manifest_hash, Manifest},
	market::{parse_h256, Lease},
	p2p::{self, Request, Response},
};

use crate::{
	chain::{AttestationLine, AttestedStatus},
	execution::{self, Executor, LogBook, RunSpec, RunningWorkload, WorkloadState},
	inventory::{GpuDevice, GpuSource, GpuUsage},
	metrics::Metrics,
	store::{LeasePhase, LeaseRecord, Store},
};

struct Entry {
	/// Unique to this entry among every entry this table ever held: a lease id can name
	/// another lease after a reorg, and work begun for one must not land on the other.
	generation: u64,
	record: LeaseRecord,
	log: LogBook,
	running: Option<RunningWorkload>,
	/// The end block last seen on chain, and until which block escrow pays.
	end: u32,
	funded_until: u32,
	/// GPU usage sampled since the last attestation.
	sampled: Sampled,
	/// The block that awarded the lease, while it is not final: the lease was taken on from a
	/// best block, and is forgotten if that block leaves the best chain.
	unconfirmed: Option<Award>,
	/// When the award block was first seen retracted, the lease missing from the branch that
	/// won: it is stopped if it does not come back within [`RETRACTION_GRACE`].
	orphaned_since: Option<std::time::Instant>,
}

/// How long a lease whose award block was retracted may take to come back: a reorg puts the
/// retracted blocks' transactions back in the pool, and the award is often included again, on
/// the same terms, in one of the next blocks (6 s apart). Counted in time, not block numbers:
/// a node switching branches imports many blocks at once.
pub const RETRACTION_GRACE: Duration = Duration::from_secs(20);

/// The block a lease was awarded in.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Award {
	/// Its number: the lease's start.
	pub number: u32,
	/// Its hash.
	pub hash: [u8; 32],
}

/// Whether `record` is the lease `lease`: after a reorg the same id may name another lease.
fn same_lease(record: &LeaseRecord, lease: &Lease) -> bool {
	record.start_block == lease.start && same_terms(record, lease)
}

/// Whether `lease` has `record`'s tenant, manifest and GPUs: the same award, included again in
/// another block after a reorg, whose workload may keep running.
fn same_terms(record: &LeaseRecord, lease: &Lease) -> bool {
	ember_client::market::parse_account(&lease.tenant).is_ok_and(|t| t.0 == record.tenant)
		&& parse_h256(&lease.manifest_hash) == Some(record.manifest_hash)
		&& record.gpu_hashes.len() == lease.gpus.len()
		&& lease
			.gpus
			.iter()
			.zip(&record.gpu_hashes)
			.all(|(h, r)| parse_h256(h) == Some(*r))
}

/// A lease about to be attested: its id, status, GPUs and what was sampled of them.
type Attesting = (u64, AttestedStatus, Vec<String>, Option<(u8, u32)>);

/// One lease's GPU usage, sampled between two attestations.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
struct Sampled {
	utilization_sum: u64,
	samples: u32,
	memory_mib_max: u32,
}

impl Sampled {
	fn add(&mut self, (utilization_pct, memory_mib): (u8, u32)) {
		self.utilization_sum = self.utilization_sum.saturating_add(u64::from(utilization_pct));
		self.samples = self.samples.saturating_add(1);
		self.memory_mib_max = self.memory_mib_max.max(memory_mib);
	}

	/// The mean utilization and the most memory seen, if anything was sampled.
	fn summary(&self) -> Option<(u8, u32)> {
		let mean = self.utilization_sum.checked_div(u64::from(self.samples))?;
		Some((u8::try_from(mean.min(100)).unwrap_or(100), self.memory_mib_max))
	}
}

/// A lease's GPUs' utilization (mean over its GPUs) and the memory of the processes on them:
/// the lease's own, as no other process may be on its GPUs when it starts.
fn summarize(usage: &[GpuUsage]) -> (u8, u32) {
	let count = u32::try_from(usage.len().max(1)).unwrap_or(u32::MAX);
	let utilization = usage.iter().map(|u| u32::from(u.utilization_pct)).sum::<u32>() / count;
	let memory = usage.iter().map(GpuUsage::process_memory_mib).fold(0u32, u32::saturating_add);
	(u8::try_from(utilization.min(100)).unwrap_or(100), memory)
}

/// Every lease the provider serves or served recently.
pub struct Workloads {
	entries: Mutex<BTreeMap<u64, Entry>>,
	store: Arc<Store>,
	executor: Arc<dyn Executor>,
	gpus: Arc<dyn GpuSource>,
	metrics: Arc<Metrics>,
	leases_dir: PathBuf,
	owner: String,
	stop_grace: Duration,
	warn_before_end: u32,
	max_output_bytes: u64,
	allow_private_inputs: bool,
	/// Every task this table spawns (workload starts and stops), awaited at shutdown.
	tasks: tokio_util::task::TaskTracker,
	/// The next entry's generation.
	next_generation: std::sync::atomic::AtomicU64,
}

/// How workloads are handled, from the executor section of the config.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
	/// Between SIGTERM and SIGKILL when a workload is stopped.
	pub stop_grace: Duration,
	/// How many blocks before the end (or the escrow running out) the tenant is warned.
	pub warn_before_end: u32,
	/// The most a lease's outputs may take on disk once it ended; larger ones are removed.
	pub max_output_bytes: u64,
	/// Whether URL inputs may come from private addresses (the provider's own network).
	pub allow_private_inputs: bool,
}

/// The name in front of a forgotten lease's directory, moved aside until its workload stops.
const RETRACTED_PREFIX: &str = ".retracted-";

/// Removes the directories of forgotten leases that a crash left behind.
fn remove_retracted_leftovers(leases_dir: &std::path::Path) {
	let Ok(entries) = std::fs::read_dir(leases_dir) else { return };
	for entry in entries.flatten() {
		if entry.file_name().to_string_lossy().starts_with(RETRACTED_PREFIX) {
			if let Err(error) = std::fs::remove_dir_all(entry.path()) {
				tracing::warn!(dir = %entry.path().display(), %error, "cannot remove a forgotten lease's directory");
			}
		}
	}
}

/// What becomes of a stopped lease's directory.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Leftovers {
	/// Its outputs stay for the tenant (within the size limit).
	Keep,
	/// It goes: the lease never existed on the chain that won.
	Remove,
}

/// How long a finished lease's log and outputs stay for its tenant: 7 days of 6 s blocks.
pub const RETENTION_BLOCKS: u32 = 7 * 24 * 600;

impl Workloads {
	/// Loads the leases recorded in `store`, adopting the workloads an earlier run started
	/// and starting those whose manifest arrived just before it stopped.
	pub fn open(
		store: Arc<Store>,
		executor: Arc<dyn Executor>,
		gpus: Arc<dyn GpuSource>,
		metrics: Arc<Metrics>,
		data_dir: PathBuf,
		owner: String,
		settings: Settings,
	) -> Result<Arc<Self>, execution::ExecutionError> {
		let Settings { stop_grace, warn_before_end, max_output_bytes, allow_private_inputs } =
			settings;
		let leases_dir = data_dir.join("leases");
		remove_retracted_leftovers(&leases_dir);
		let mut entries = BTreeMap::new();
		let mut to_start = Vec::new();
		for record in store.leases().unwrap_or_default() {
			let dir = leases_dir.join(record.lease.to_string());
			let log = LogBook::open(&dir)?;
			let running = match record.phase {
				LeasePhase::Running if record.pid.is_some() => {
					Some(execution::adopt(&*executor, record.lease, &dir, log.clone(), stop_grace))
				},
				LeasePhase::AwaitingManifest if record.manifest_received => {
					to_start.push((record.lease, entries.len() as u64));
					None
				},
				_ => None,
			};
			if !matches!(record.phase, LeasePhase::Finished { .. }) {
				gpus.set_busy(&record.gpu_uuids, true);
			}
			let generation = entries.len() as u64;
			entries.insert(
				record.lease,
				Entry {
					generation,
					end: record.end_block,
					funded_until: record.end_block,
					record,
					log,
					running,
					sampled: Sampled::default(),
					// Judged by the finalized follower: a lease whose start is not final yet
					// is kept until it is, then stopped if the chain does not show it.
					unconfirmed: None,
					orphaned_since: None,
				},
			);
		}
		let next_generation = std::sync::atomic::AtomicU64::new(entries.len() as u64);
		let this = Arc::new(Self {
			next_generation,
			entries: Mutex::new(entries),
			store,
			executor,
			gpus,
			metrics,
			leases_dir,
			owner,
			stop_grace,
			warn_before_end,
			max_output_bytes,
			allow_private_inputs,
			tasks: tokio_util::task::TaskTracker::new(),
		});
		for (lease, generation) in to_start {
			if let Some(spec) = this.spec_from_disk(lease) {
				let workloads = this.clone();
				this.tasks.spawn(async move { workloads.start(spec, generation).await });
			}
		}
		Ok(this)
	}

	/// The tasks this table spawned: closed and awaited when the agent shuts down.
	pub fn tasks(&self) -> &tokio_util::task::TaskTracker {
		&self.tasks
	}

	/// The run spec of a lease whose verified manifest is on disk.
	fn spec_from_disk(&self, lease: u64) -> Option<RunSpec> {
		let dir = self.dir_of(lease);
		let manifest = Manifest::from_json(&std::fs::read(dir.join("manifest.json")).ok()?).ok()?;
		let entries = self.entries.lock().ok()?;
		let entry = entries.get(&lease)?;
		Some(RunSpec {
			lease,
			max_runtime: manifest.max_runtime_secs.map(Duration::from_secs),
			disk_limit: self.executor.disk_limit_bytes(&manifest),
			manifest,
			gpu_uuids: entry.record.gpu_uuids.clone(),
			lease_dir: dir,
			log: entry.log.clone(),
		})
	}
}

/// Maps the executor's state to the chain's attested status.
fn attested(state: &WorkloadState) -> AttestedStatus {
	match state {
		WorkloadState::AwaitingManifest => AttestedStatus::AwaitingManifest,
		WorkloadState::Starting => AttestedStatus::Starting,
		WorkloadState::Running => AttestedStatus::Running,
		WorkloadState::Exited { code: 0 } => AttestedStatus::Completed,
		WorkloadState::Exited { .. } | WorkloadState::Failed { .. } => AttestedStatus::Failed,
		WorkloadState::Stopped { .. } => AttestedStatus::Completed,
	}
}

impl Workloads {
	/// Where a lease's log, manifest and workload files live.
	fn dir_of(&self, lease: u64) -> PathBuf {
		self.leases_dir.join(lease.to_string())
	}

	/// Brings the table in line with the chain's running leases of this provider at finalized
	/// block `now`: new leases are taken on (awaiting their manifest), closed ones stopped and
	/// cleaned up, and tenants warned before the end or before their escrow runs out. A lease
	/// taken on from a best block that is not final yet ([`Workloads::take_on_award`]) is left
	/// alone until its start is final.
	pub fn sync(&self, on_chain: &[Lease], now: u32, devices: &[GpuDevice]) {
		let Ok(mut entries) = self.entries.lock() else { return };
		for lease in on_chain.iter().filter(|l| l.provider == self.owner) {
			if entries.get(&lease.id).is_some_and(|e| !same_lease(&e.record, lease)) {
				self.replace(&mut entries, lease, None, now);
			}
			let entry = match entries.get_mut(&lease.id) {
				Some(entry) => entry,
				None => {
					let Some(entry) = self.take_on(lease, devices) else { continue };
					entries.entry(lease.id).or_insert(entry)
				},
			};
			entry.unconfirmed = None;
			entry.orphaned_since = None;
			entry.end = lease.end;
			entry.funded_until = lease.funded_until;
			let earned = lease.paid.saturating_sub(lease.fees);
			if earned != entry.record.earned {
				entry.record.earned = earned;
				self.persist(&entry.record);
			}
			self.warn(entry, now);
		}
		self.metrics.set_earnings(entries.values().map(|e| e.record.earned).sum());
		self.forget_old(&mut entries, now);
		let open: Vec<u64> = on_chain.iter().map(|l| l.id).collect();
		let gone: Vec<u64> = entries
			.iter()
			.filter(|(id, entry)| {
				!open.contains(id)
					&& !matches!(entry.record.phase, LeasePhase::Finished { .. })
					// Awarded in a block this finalized state does not reach yet.
					&& entry.record.start_block <= now
					// Taken on from a best block whose finality the follower has not
					// confirmed ([`Workloads::confirm`]): the best-block loop judges it.
					&& entry.unconfirmed.is_none()
			})
			.map(|(id, _)| *id)
			.collect();
		for id in gone {
			let Some(entry) = entries.get_mut(&id) else { continue };
			let reason =
				if now >= entry.end { "the lease reached its end" } else { "the lease was closed" };
			entry.log.agent(&format!("{reason} at block #{now}: stopping the workload"));
			self.stop_workload(id, entry, reason, Leftovers::Keep);
			entry.record.phase = LeasePhase::Finished { reason: reason.to_string() };
			entry.record.pid = None;
			entry.record.finished_at = Some(now);
			self.persist(&entry.record);
			self.metrics.lease_finished(reason);
			tracing::info!(lease = id, reason, "lease finished");
		}
		self.metrics.set_leases_running(self.count_running(&entries));
	}

	/// The leases of `on_best` (the provider's leases at a best block) this table does not
	/// hold, or holds as another lease of the same id (one awarded on a retracted branch).
	pub fn unseen<'a>(&self, on_best: &'a [Lease]) -> Vec<&'a Lease> {
		let Ok(entries) = self.entries.lock() else { return Vec::new() };
		on_best
			.iter()
			.filter(|l| l.provider == self.owner)
			.filter(|l| entries.get(&l.id).is_none_or(|e| !same_lease(&e.record, l)))
			.collect()
	}

	/// Takes on `lease`, awarded in block `award`, which is not final yet: the tenant's
	/// manifest is accepted, and its workload started, a moment after the award block is
	/// imported. Money never moves on it here: the lease ends and closes on finalized state.
	pub fn take_on_award(&self, lease: &Lease, award: Award, now: u32, devices: &[GpuDevice]) {
		let Ok(mut entries) = self.entries.lock() else { return };
		if let Some(entry) = entries.get(&lease.id) {
			if same_lease(&entry.record, lease)
				|| self.replace(&mut entries, lease, Some(award), now)
			{
				return;
			}
		}
		let Some(mut entry) = self.take_on(lease, devices) else { return };
		entry.log.agent(&format!(
			"the award block #{} is not final yet: the lease is served now, and forgotten if \
			 that block is retracted",
			award.number
		));
		entry.unconfirmed = Some(award);
		entries.insert(lease.id, entry);
		self.metrics.set_leases_running(self.count_running(&entries));
	}

	/// The table holds another lease under `lease`'s id. If it is the same award, taken on
	/// from a block since retracted and included again on the same terms, it moves to its new
	/// block (`award`, or final when `None`) and its workload keeps running: true. Otherwise
	/// the old one is stopped and forgotten: false.
	fn replace(
		&self,
		entries: &mut BTreeMap<u64, Entry>,
		lease: &Lease,
		award: Option<Award>,
		now: u32,
	) -> bool {
		let Some(entry) = entries.get_mut(&lease.id) else { return false };
		if entry.unconfirmed.is_none() || !same_terms(&entry.record, lease) {
			self.forget_retracted(entries, lease.id, now);
			return false;
		}
		entry.log.agent(&format!(
			"after a reorg the lease was awarded again, on the same terms, in block #{}: the \
			 workload keeps running",
			lease.start
		));
		tracing::info!(lease = lease.id, award = lease.start, "the award moved to another block");
		if entry.record.last_attested_block == entry.record.start_block {
			entry.record.last_attested_block = lease.start;
		}
		entry.record.start_block = lease.start;
		entry.record.end_block = lease.end;
		entry.end = lease.end;
		entry.funded_until = lease.funded_until;
		entry.unconfirmed = award;
		entry.orphaned_since = None;
		self.persist(&entry.record);
		true
	}

	/// The UUIDs of the GPUs held by leases not finished.
	pub fn leased_gpus(&self) -> std::collections::BTreeSet<String> {
		let Ok(entries) = self.entries.lock() else { return Default::default() };
		entries
			.values()
			.filter(|e| !matches!(e.record.phase, LeasePhase::Finished { .. }))
			.flat_map(|e| e.record.gpu_uuids.iter().cloned())
			.collect()
	}

	/// The leases taken on from blocks that are not final yet, with their award blocks.
	pub fn unconfirmed(&self) -> Vec<(u64, Award)> {
		let Ok(entries) = self.entries.lock() else { return Vec::new() };
		entries.iter().filter_map(|(id, e)| Some((*id, e.unconfirmed?))).collect()
	}

	/// Lease `lease`'s award block `award` is on the best chain again: a later retraction
	/// starts a new grace.
	pub fn restored(&self, lease: u64, award: Award) {
		let Ok(mut entries) = self.entries.lock() else { return };
		if let Some(entry) = entries.get_mut(&lease).filter(|e| e.unconfirmed == Some(award)) {
			entry.orphaned_since = None;
		}
	}

	/// Lease `lease`, awarded in `award` (still on the best chain, not final), is no longer
	/// among the provider's leases at best block `now`: the tenant closed it, or its escrow
	/// ran out. Its workload stops now rather than when the close is final, so that a close
	/// right after the award buys no run until finality (which may stall); its record stays
	/// for the tenant's log and outputs.
	pub fn closed_before_final(&self, lease: u64, award: Award, now: u32) {
		let Ok(mut entries) = self.entries.lock() else { return };
		let Some(entry) = entries.get_mut(&lease).filter(|e| e.unconfirmed == Some(award)) else {
			return;
		};
		if matches!(entry.record.phase, LeasePhase::Finished { .. }) {
			return;
		}
		let reason = "the lease was closed";
		entry
			.log
			.agent(&format!("{reason} at block #{now} (not final yet): stopping the workload"));
		self.stop_workload(lease, entry, reason, Leftovers::Keep);
		entry.record.phase = LeasePhase::Finished { reason: reason.to_string() };
		entry.record.pid = None;
		entry.record.finished_at = Some(now);
		self.persist(&entry.record);
		self.metrics.lease_finished(reason);
		self.metrics.set_leases_running(self.count_running(&entries));
		tracing::info!(lease, reason, "lease finished before its award was final");
	}

	/// Lease `lease`'s award block `award` is final: from now on the finalized state alone
	/// says when it ends.
	pub fn confirm(&self, lease: u64, award: Award) {
		let Ok(mut entries) = self.entries.lock() else { return };
		if let Some(entry) = entries.get_mut(&lease).filter(|e| e.unconfirmed == Some(award)) {
			entry.unconfirmed = None;
			entry.orphaned_since = None;
		}
	}

	/// Lease `lease`'s award block `award` left the best chain, and at best block `now`
	/// (seen at `at`) the lease is not there on the same terms. Its workload keeps running for
	/// [`RETRACTION_GRACE`], in case the award comes back; then it is stopped and the lease
	/// forgotten: on the chain that won it never existed. Returns whether it was.
	pub fn orphaned(&self, lease: u64, award: Award, now: u32, at: std::time::Instant) -> bool {
		let Ok(mut entries) = self.entries.lock() else { return false };
		let Some(entry) = entries.get_mut(&lease).filter(|e| e.unconfirmed == Some(award)) else {
			return false;
		};
		let since = *entry.orphaned_since.get_or_insert(at);
		if at.saturating_duration_since(since) < RETRACTION_GRACE {
			return false;
		}
		self.forget_retracted(&mut entries, lease, now);
		self.metrics.set_leases_running(self.count_running(&entries));
		true
	}

	/// Moves lease `lease`, taken on from retracted block `award`, to `moved_to`: the
	/// award was included again on the same terms (`on_best`). False when it is not the
	/// same award.
	pub fn move_award(&self, lease: &Lease, award: Award, moved_to: Award, now: u32) -> bool {
		let Ok(mut entries) = self.entries.lock() else { return false };
		if !entries.get(&lease.id).is_some_and(|e| e.unconfirmed == Some(award)) {
			return false;
		}
		if entries.get(&lease.id).is_some_and(|e| same_lease(&e.record, lease)) {
			// The same block number on the new branch: only the hash changes.
			if let Some(entry) = entries.get_mut(&lease.id) {
				entry.unconfirmed = Some(moved_to);
				entry.orphaned_since = None;
			}
			return true;
		}
		self.replace(&mut entries, lease, Some(moved_to), now)
	}

	/// Stops lease `id`'s workload and removes every trace of it: its record, its directory
	/// and its hold on the GPUs.
	fn forget_retracted(&self, entries: &mut BTreeMap<u64, Entry>, id: u64, now: u32) {
		let Some(mut entry) = entries.remove(&id) else { return };
		let reason = "the block that awarded the lease was retracted";
		entry
			.log
			.agent(&format!("{reason} (seen at block #{now}): stopping the workload"));
		if !matches!(entry.record.phase, LeasePhase::Finished { .. }) {
			self.metrics.lease_finished(reason);
		}
		self.stop_workload(id, &mut entry, reason, Leftovers::Remove);
		tracing::warn!(
			lease = id,
			at = now,
			"{reason}: its workload was stopped and the lease forgotten"
		);
	}

	/// Stops `entry`'s workload (or what is left of it after a restart) and frees its GPUs;
	/// then keeps the outputs for the tenant, or removes the lease's record and directory.
	fn stop_workload(&self, id: u64, entry: &mut Entry, reason: &str, leftovers: Leftovers) {
		let running = entry.running.take();
		let original = self.dir_of(id);
		let mut dir = Some(original.clone());
		if leftovers == Leftovers::Remove {
			// Out of the way at once: a lease of the same id may be taken on meanwhile. If it
			// cannot be moved, it is left alone rather than removed under a new lease.
			let unique = std::time::SystemTime::now()
				.duration_since(std::time::UNIX_EPOCH)
				.map_or(0, |d| d.as_nanos());
			let aside = self
				.leases_dir
				.join(format!("{RETRACTED_PREFIX}{id}-{}-{unique}", entry.generation));
			dir = match std::fs::rename(self.dir_of(id), &aside) {
				Ok(()) => Some(aside),
				Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
				Err(error) => {
					tracing::warn!(lease = id, %error, "cannot move the lease directory aside");
					None
				},
			};
		}
		let grace = self.stop_grace;
		let stop_reason = reason.to_string();
		let max_output_bytes = self.max_output_bytes;
		let log = entry.log.clone();
		let executor = self.executor.clone();
		let store = self.store.clone();
		let forgotten = entry.record.clone();
		self.tasks.spawn(async move {
			match running {
				Some(running) => running.stop(&stop_reason, grace).await,
				None => {
					let pid_dir = dir.clone().unwrap_or(original);
					if let Some(pid) = execution::orphan_alive(&pid_dir) {
						execution::kill_orphan(pid);
					}
					execution::stop_leftovers(&*executor, id, grace).await;
				},
			}
			// Nothing of the tenant's runs any more: only now may the agent walk the
			// directory its workload wrote, or forget the lease (a crash before this point
			// leaves the record, and the next start finds the workload to stop).
			if leftovers == Leftovers::Remove {
				if let Some(dir) = &dir {
					if let Err(error) = std::fs::remove_dir_all(dir) {
						tracing::warn!(lease = id, %error, "removing the lease directory failed");
					}
				}
				// Unless a lease of the same id was taken on meanwhile.
				let same = |r: &LeaseRecord| {
					(r.start_block, r.tenant, r.manifest_hash, &r.gpu_hashes)
						== (
							forgotten.start_block,
							forgotten.tenant,
							forgotten.manifest_hash,
							&forgotten.gpu_hashes,
						)
				};
				if store.lease(id).ok().flatten().is_some_and(|r| same(&r)) {
					if let Err(error) = store.remove_lease(id) {
						tracing::warn!(lease = id, %error, "cannot forget the lease record");
					}
				}
				return;
			}
			let Some(dir) = dir else { return };
			// Outputs stay for the tenant to fetch (within the size limit); the rest goes.
			match execution::cleanup(&dir, max_output_bytes) {
				Ok(Some(size)) => log.agent(&format!(
					"the outputs take {size} bytes, more than this provider keeps ({max_output_bytes}): they were removed"
				)),
				Ok(None) => log.agent("the outputs stay available for 7 days"),
				Err(error) => tracing::warn!(lease = id, %error, "cleaning up the lease directory failed"),
			}
		});
		// A finished lease's GPUs were freed when it finished, and may be another's now.
		if !matches!(entry.record.phase, LeasePhase::Finished { .. }) {
			self.gpus.set_busy(&entry.record.gpu_uuids, false);
		}
	}

	/// Drops finished leases past the retention period, with their directories.
	fn forget_old(&self, entries: &mut BTreeMap<u64, Entry>, now: u32) {
		let old: Vec<u64> = entries
			.iter()
			.filter(|(_, e)| {
				e.record.finished_at.is_some_and(|at| now.saturating_sub(at) > RETENTION_BLOCKS)
			})
			.map(|(id, _)| *id)
			.collect();
		for id in old {
			entries.remove(&id);
			if let Err(error) = self.store.remove_lease(id) {
				tracing::warn!(lease = id, %error, "cannot forget the lease record");
			}
			let _ = std::fs::remove_dir_all(self.dir_of(id));
			tracing::info!(lease = id, "forgot a lease finished over 7 days ago");
		}
	}

	fn count_running(&self, entries: &BTreeMap<u64, Entry>) -> i64 {
		entries
			.values()
			.filter(|e| !matches!(e.record.phase, LeasePhase::Finished { .. }))
			.count() as i64
	}

	fn take_on(&self, lease: &Lease, devices: &[GpuDevice]) -> Option<Entry> {
		let hashes: Vec<String> = lease.gpus.clone();
		let uuids: Vec<String> = hashes
			.iter()
			.filter_map(|h| {
				devices
					.iter()
					.find(|d| format!("0x{}", hex::encode(d.uuid_hash())) == *h)
					.map(|d| d.uuid.clone())
			})
			.collect();
		if uuids.len() != hashes.len() {
			tracing::error!(lease = lease.id, "the lease names GPUs this machine does not have");
		}
		let tenant = ember_client::market::parse_account(&lease.tenant).ok()?;
		let record = LeaseRecord {
			lease: lease.id,
			order: lease.origin.strip_prefix("order ").and_then(|o| o.parse().ok()),
			tenant: tenant.0,
			manifest_hash: parse_h256(&lease.manifest_hash).unwrap_or_default(),
			gpu_uuids: uuids,
			gpu_hashes: hashes.iter().filter_map(|h| parse_h256(h)).collect(),
			price_per_gpu_hour: lease.price_per_gpu_hour,
			start_block: lease.start,
			end_block: lease.end,
			phase: LeasePhase::AwaitingManifest,
			manifest_received: false,
			pid: None,
			last_attested_block: lease.start,
			warned_end: false,
			warned_escrow: false,
			failure: None,
			earned: 0,
			finished_at: None,
		};
		let log = match LogBook::open(&self.dir_of(lease.id)) {
			Ok(log) => log,
			Err(error) => {
				tracing::error!(lease = lease.id, %error, "cannot open the lease's log");
				return None;
			},
		};
		log.agent(&format!(
			"lease {} started at block #{} on {} GPU(s); waiting for the tenant's manifest",
			lease.id,
			lease.start,
			record.gpu_uuids.len()
		));
		self.gpus.set_busy(&record.gpu_uuids, true);
		self.persist(&record);
		self.metrics.lease_started();
		tracing::info!(lease = lease.id, tenant = %lease.tenant, "took on a lease");
		Some(Entry {
			generation: self.next_generation.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
			end: lease.end,
			funded_until: lease.funded_until,
			record,
			log,
			running: None,
			sampled: Sampled::default(),
			unconfirmed: None,
			orphaned_since: None,
		})
	}

	fn warn(&self, entry: &mut Entry, now: u32) {
		let blocks_left = entry.end.saturating_sub(now);
		if !entry.record.warned_end && blocks_left <= self.warn_before_end {
			entry.log.agent(&format!(
				"the lease ends in about {} s (block #{}): copy your outputs now; the workload is stopped then",
				u64::from(blocks_left) * 6,
				entry.end
			));
			entry.record.warned_end = true;
			self.persist(&entry.record);
		}
		let funded_left = entry.funded_until.saturating_sub(now);
		if !entry.record.warned_escrow
			&& entry.funded_until < entry.end
			&& funded_left <= self.warn_before_end
		{
			entry.log.agent(&format!(
				"the lease's escrow runs out in about {} s (block #{}): top it up with `emberctl lease top-up {} <EMBR>` or it closes then",
				u64::from(funded_left) * 6,
				entry.funded_until,
				entry.record.lease
			));
			entry.record.warned_escrow = true;
			self.persist(&entry.record);
		}
	}

	fn persist(&self, record: &LeaseRecord) {
		if let Err(error) = self.store.put_lease(record) {
			tracing::error!(lease = record.lease, %error, "cannot persist the lease record");
		}
	}

	/// Reads every current lease's GPUs once and adds the reading to what its next
	/// attestation reports. Blocking (the GPU driver answers): call it off the async workers.
	pub fn sample_usage(&self) {
		let leases: Vec<(u64, Vec<String>)> = match self.entries.lock() {
			Ok(entries) => entries
				.values()
				.filter(|e| !matches!(e.record.phase, LeasePhase::Finished { .. }))
				.map(|e| (e.record.lease, e.record.gpu_uuids.clone()))
				.collect(),
			Err(_) => return,
		};
		for (lease, uuids) in leases {
			// No lock is held while the driver answers.
			let Ok(usage) = self.gpus.usage(&uuids) else { continue };
			if let Ok(mut entries) = self.entries.lock() {
				if let Some(entry) = entries.get_mut(&lease) {
					entry.sampled.add(summarize(&usage));
				}
			}
		}
	}

	/// One attestation line per current lease: the mean utilization and the most process
	/// memory sampled since the last one ([`Workloads::sample_usage`]), or, with nothing
	/// sampled, one reading now (`with_usage`) or none.
	pub fn attestations(&self, with_usage: bool) -> Vec<AttestationLine> {
		// Taken under the lock, read from the driver without it: a hanging GPU holds up
		// nothing else.
		let taken: Vec<Attesting> = {
			let Ok(mut entries) = self.entries.lock() else { return Vec::new() };
			entries
				.values_mut()
				.filter(|e| !matches!(e.record.phase, LeasePhase::Finished { .. }))
				.map(|entry| {
					let status = attested(&entry_state(entry));
					let sampled = std::mem::take(&mut entry.sampled).summary();
					(entry.record.lease, status, entry.record.gpu_uuids.clone(), sampled)
				})
				.collect()
		};
		taken
			.into_iter()
			.map(|(lease, status, uuids, sampled)| {
				let (utilization, memory) = match (sampled, with_usage) {
					(Some(sampled), _) => sampled,
					(None, true) => summarize(&self.gpus.usage(&uuids).unwrap_or_default()),
					(None, false) => (0, 0),
				};
				AttestationLine {
					lease,
					status,
					gpu_utilization_pct: utilization,
					memory_used_mib: memory,
				}
			})
			.collect()
	}

	/// The processes already on `uuids` before a lease's workload starts, described; none may
	/// be (another lease's leftover, the provider's own job), or the lease would share its GPUs.
	fn foreign_processes(&self, uuids: &[String]) -> Vec<String> {
		let Ok(usage) = self.gpus.usage(uuids) else { return Vec::new() };
		usage
			.iter()
			.flat_map(|gpu| {
				gpu.processes.iter().map(move |p| {
					format!("process {} ({} MiB) on GPU {}", p.pid, p.memory_used_mib, gpu.uuid)
				})
			})
			.collect()
	}

	/// Answers a tenant's request over the manifest protocol.
	pub async fn handle(self: Arc<Self>, request: Request, now_secs: u64) -> Response {
		match request {
			Request::SubmitManifest(signed) => self.submit_manifest(signed).await,
			Request::Logs(query) => self.logs(query, now_secs).await,
			Request::FetchOutput(query) => self.output(query, now_secs).await,
		}
	}
}

impl Workloads {
	async fn submit_manifest(self: Arc<Self>, signed: p2p::SignedManifest) -> Response {
		let lease = signed.lease;
		// Every later look at the lease is at this entry: after a reorg the id may name another
		// lease, whose tenant did not sign this manifest.
		let (tenant, hash, generation) = {
			let Ok(entries) = self.entries.lock() else {
				return reject(p2p::RejectReason::Internal("state lock".into()));
			};
			let Some(entry) = entries.get(&lease) else {
				return reject(p2p::RejectReason::UnknownLease);
			};
			if matches!(entry.record.phase, LeasePhase::Finished { .. }) {
				return reject(p2p::RejectReason::UnknownLease);
			}
			(entry.record.tenant, entry.record.manifest_hash, entry.generation)
		};
		// Signature and hash (of up to 256 KiB) on a blocking thread, off the async workers.
		let Ok((signed, verdict)) = tokio::task::spawn_blocking(move || {
			let verdict = p2p::check_submission(&signed, &tenant, &hash);
			(signed, verdict)
		})
		.await
		else {
			return reject(p2p::RejectReason::Internal("signature check".into()));
		};
		if let Err(reason) = verdict {
			tracing::warn!(lease, %reason, "refused a manifest");
			self.metrics.manifest(false);
			// Only the tenant's own mistakes reach its log: a stranger's refusals would fill
			// it (it is capped) and push out the workload's output.
			let from_tenant =
				!matches!(reason, p2p::RejectReason::NotTenant | p2p::RejectReason::BadSignature);
			if from_tenant {
				self.note(lease, &format!("refused a manifest: {reason}"));
			}
			return reject(reason);
		}
		let manifest = match Manifest::from_json(&signed.manifest) {
			Ok(manifest) => manifest,
			Err(error) => return reject(p2p::RejectReason::InvalidManifest(error.to_string())),
		};
		// What this provider cannot run (another workload kind, more than its sandbox allows)
		// is refused now, while the tenant is listening, not found out at start.
		let leased_gpus = match self.entries.lock() {
			Ok(entries) => match entries.get(&lease).filter(|e| e.generation == generation) {
				Some(entry) => entry.record.gpu_uuids.len(),
				None => return reject(p2p::RejectReason::UnknownLease),
			},
			Err(_) => return reject(p2p::RejectReason::Internal("state lock".into())),
		};
		if let Err(reason) = self.executor.admit(&manifest, leased_gpus) {
			tracing::warn!(lease, %reason, "refused a manifest this provider does not run");
			self.metrics.manifest(false);
			// The tenant signed it (checked above): its log says why.
			self.note(lease, &format!("refused the manifest: {reason}"));
			return reject(p2p::RejectReason::InvalidManifest(reason));
		}
		// One send claims the start, under the lock: a concurrent or later resend of the same
		// bytes is answered without starting the workload twice, and one after a failed start
		// tries again.
		{
			let Ok(mut entries) = self.entries.lock() else {
				return reject(p2p::RejectReason::Internal("state lock".into()));
			};
			let Some(entry) = entries.get_mut(&lease).filter(|e| e.generation == generation) else {
				return reject(p2p::RejectReason::UnknownLease);
			};
			// The lease may have ended while the signature was checked.
			if matches!(entry.record.phase, LeasePhase::Finished { .. }) {
				return reject(p2p::RejectReason::UnknownLease);
			}
			if entry.record.manifest_received && entry.record.failure.is_none() {
				return Response::Accepted;
			}
			if entry.record.failure.take().is_some() {
				entry.log.agent("the tenant sent the manifest again: retrying the start");
			}
			entry.record.manifest_received = true;
		}
		let dir = self.dir_of(lease);
		if let Err(error) = std::fs::create_dir_all(&dir)
			.and_then(|()| std::fs::write(dir.join("manifest.json"), &signed.manifest))
		{
			if let Ok(mut entries) = self.entries.lock() {
				if let Some(entry) = entries.get_mut(&lease).filter(|e| e.generation == generation)
				{
					entry.record.manifest_received = false;
				}
			}
			return reject(p2p::RejectReason::Internal(format!(
				"cannot store the manifest: {error}"
			)));
		}
		debug_assert_eq!(manifest_hash(&signed.manifest), hash);
		let spec = {
			let Ok(mut entries) = self.entries.lock() else {
				return reject(p2p::RejectReason::Internal("state lock".into()));
			};
			let Some(entry) = entries.get_mut(&lease).filter(|e| e.generation == generation) else {
				return reject(p2p::RejectReason::UnknownLease);
			};
			self.persist(&entry.record);
			entry.log.agent("manifest received and verified; preparing the workload");
			RunSpec {
				lease,
				manifest: manifest.clone(),
				gpu_uuids: entry.record.gpu_uuids.clone(),
				lease_dir: dir.clone(),
				log: entry.log.clone(),
				max_runtime: manifest.max_runtime_secs.map(Duration::from_secs),
				disk_limit: self.executor.disk_limit_bytes(&manifest),
			}
		};
		self.metrics.manifest(true);
		tracing::info!(lease, name = %manifest.name, "manifest accepted");
		let this = self.clone();
		let tasks = this.tasks.clone();
		tasks.spawn(async move { this.start(spec, generation).await });
		Response::Accepted
	}

	/// Whether lease `lease` is still the entry of `generation`, and not finished.
	fn is_live(&self, lease: u64, generation: u64) -> bool {
		self.entries.lock().is_ok_and(|entries| {
			entries.get(&lease).is_some_and(|e| {
				e.generation == generation && !matches!(e.record.phase, LeasePhase::Finished { .. })
			})
		})
	}

	/// Prepares and starts `spec`'s workload for the entry of `generation`. Work for an entry
	/// that went meanwhile (closed, or forgotten after a reorg and perhaps replaced by another
	/// lease of the same id) stops at the next step.
	async fn start(self: Arc<Self>, spec: RunSpec, generation: u64) {
		let lease = spec.lease;
		let log = spec.log.clone();
		// The leased GPUs must be this lease's alone: the driver answers off the async workers.
		let (this, uuids) = (self.clone(), spec.gpu_uuids.clone());
		let foreign = tokio::task::spawn_blocking(move || this.foreign_processes(&uuids))
			.await
			.unwrap_or_default();
		if !foreign.is_empty() {
			let reason = format!(
				"the leased GPUs are not free: {} (send the manifest again to retry)",
				foreign.join(", ")
			);
			log.agent(&format!("could not start the workload: {reason}"));
			self.set_failed(lease, generation, &reason);
			return;
		}
		if !self.is_live(lease, generation) {
			return;
		}
		let (private, disk) = (self.allow_private_inputs, spec.disk_limit);
		let prepared = execution::prepare(&spec.lease_dir, &spec.manifest, &log, private, disk);
		if let Err(error) = prepared.await {
			log.agent(&format!("could not prepare the workload: {error}"));
			self.set_failed(lease, generation, &error.to_string());
			return;
		}
		// Inputs can take minutes to fetch: the lease may have gone meanwhile.
		if !self.is_live(lease, generation) {
			tracing::warn!(lease, "the lease went while its workload was prepared");
			return;
		}
		match execution::start(&*self.executor, spec, self.stop_grace).await {
			Ok(running) => {
				let pid = running.pid();
				let Ok(mut entries) = self.entries.lock() else { return };
				let entry = entries
					.get_mut(&lease)
					.filter(|e| e.generation == generation)
					.filter(|e| !matches!(e.record.phase, LeasePhase::Finished { .. }));
				let Some(entry) = entry else {
					// The lease closed, or was forgotten, while the workload was starting: it
					// must not run on with nobody tracking it.
					let grace = self.stop_grace;
					tracing::warn!(lease, ?pid, "the lease went while its workload started");
					self.tasks.spawn(async move { running.stop("the lease is gone", grace).await });
					return;
				};
				entry.record.phase = LeasePhase::Running;
				entry.record.pid = pid;
				self.persist(&entry.record);
				entry.running = Some(running);
				tracing::info!(lease, ?pid, "workload started");
			},
			Err(error) => {
				log.agent(&format!("could not start the workload: {error}"));
				self.set_failed(lease, generation, &error.to_string());
			},
		}
	}

	/// Writes an agent line to `lease`'s log.
	fn note(&self, lease: u64, text: &str) {
		if let Ok(entries) = self.entries.lock() {
			if let Some(entry) = entries.get(&lease) {
				entry.log.agent(text);
			}
		}
	}

	fn set_failed(&self, lease: u64, generation: u64, reason: &str) {
		tracing::warn!(lease, reason, "workload failed to start");
		if let Ok(mut entries) = self.entries.lock() {
			let entry = entries.get_mut(&lease).filter(|e| e.generation == generation);
			if let Some(entry) = entry {
				// A lease that ended meanwhile stays ended: its GPUs are already free.
				if !matches!(entry.record.phase, LeasePhase::Finished { .. }) {
					entry.record.phase = LeasePhase::Running;
				}
				entry.record.failure = Some(reason.to_string());
				self.persist(&entry.record);
			}
		}
	}

	/// `query` if it is the lease's tenant's, signed recently; the refusal to send otherwise.
	/// The signature is checked on a blocking thread, never on the async workers that keep
	/// heartbeats and the p2p node going.
	async fn verified<Q>(
		&self,
		query: p2p::SignedQuery<Q>,
		now_secs: u64,
	) -> Result<(p2p::SignedQuery<Q>, u64), Response>
	where
		Q: p2p::QueryKind + Send + 'static,
	{
		let (tenant, generation) = {
			let entries = self
				.entries
				.lock()
				.map_err(|_| reject(p2p::RejectReason::Internal("state lock".into())))?;
			let entry = entries.get(&query.lease).ok_or(reject(p2p::RejectReason::UnknownLease))?;
			(entry.record.tenant, entry.generation)
		};
		let (query, verdict) = tokio::task::spawn_blocking(move || {
			let verdict = p2p::check_query(&query, &tenant, now_secs);
			(query, verdict)
		})
		.await
		.map_err(|_| reject(p2p::RejectReason::Internal("signature check".into())))?;
		if let Err(reason) = verdict {
			tracing::warn!(lease = query.lease, %reason, "refused a query");
			return Err(reject(reason));
		}
		Ok((query, generation))
	}

	/// Whether lease `lease` is still the entry of `generation`.
	fn is_generation(&self, lease: u64, generation: u64) -> bool {
		self.entries
			.lock()
			.is_ok_and(|entries| entries.get(&lease).is_some_and(|e| e.generation == generation))
	}

	async fn logs(&self, query: p2p::SignedQuery<p2p::LogsQuery>, now_secs: u64) -> Response {
		let (query, generation) = match self.verified(query, now_secs).await {
			Ok(verified) => verified,
			Err(refusal) => return refusal,
		};
		let Ok(entries) = self.entries.lock() else {
			return reject(p2p::RejectReason::Internal("state lock".into()));
		};
		let Some(entry) = entries.get(&query.lease).filter(|e| e.generation == generation) else {
			return reject(p2p::RejectReason::UnknownLease);
		};
		let (lines, next_seq) =
			entry.log.since(query.query.from_seq, MAX_LINES_PER_PAGE, MAX_LOG_PAGE_BYTES);
		Response::Logs { state: entry_state(entry), lines, next_seq }
	}

	async fn output(&self, query: p2p::SignedQuery<p2p::OutputQuery>, now_secs: u64) -> Response {
		let (query, generation) = match self.verified(query, now_secs).await {
			Ok(verified) => verified,
			Err(refusal) => return refusal,
		};
		if !self.is_generation(query.lease, generation) {
			return reject(p2p::RejectReason::UnknownLease);
		}
		let dir = self.dir_of(query.lease);
		let (path, offset) = (query.query.path, query.query.offset);
		// Disk reads off the async workers too.
		tokio::task::spawn_blocking(move || {
			match execution::read_output_chunk(&dir, &path, offset, p2p::MAX_OUTPUT_CHUNK) {
				Ok((data, total_len, eof)) => {
					Response::Output { path, offset, data, total_len, eof }
				},
				Err(reason) => reject(reason),
			}
		})
		.await
		.unwrap_or_else(|_| reject(p2p::RejectReason::Internal("reading the output".into())))
	}
}

/// Most log lines in one answer, and about the most text: well under the frame limit.
const MAX_LINES_PER_PAGE: usize = 2_000;
const MAX_LOG_PAGE_BYTES: usize = 1024 * 1024;

/// A lease's workload state, also when no process runs for it.
fn entry_state(entry: &Entry) -> WorkloadState {
	if let Some(running) = &entry.running {
		return running.state();
	}
	match (&entry.record.phase, &entry.record.failure) {
		(LeasePhase::Finished { reason }, _) => WorkloadState::Stopped { reason: reason.clone() },
		(_, Some(reason)) => WorkloadState::Failed { reason: reason.clone() },
		_ if entry.record.manifest_received => WorkloadState::Starting,
		_ => WorkloadState::AwaitingManifest,
	}
}

fn reject(reason: p2p::RejectReason) -> Response {
	Response::Rejected { reason }
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{config::SimulatedGpu, execution::ProcessExecutor, inventory::SimulatedSource};

	const OWNER: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
	const TENANT: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

	/// A lease table in `data_dir` on `gpus`, running workloads as processes.
	fn workloads_on(
		data_dir: &std::path::Path,
		store: Arc<Store>,
		gpus: Arc<dyn GpuSource>,
		allow_private_inputs: bool,
	) -> Arc<Workloads> {
		Workloads::open(
			store,
			Arc::new(ProcessExecutor),
			gpus,
			Arc::new(Metrics::new().expect("metrics")),
			data_dir.to_path_buf(),
			OWNER.into(),
			Settings {
				stop_grace: Duration::from_secs(1),
				warn_before_end: 10,
				max_output_bytes: 1 << 20,
				allow_private_inputs,
			},
		)
		.expect("workloads")
	}

	struct Fixture {
		workloads: Arc<Workloads>,
		gpus: Arc<SimulatedSource>,
		store: Arc<Store>,
		devices: Vec<GpuDevice>,
	}

	fn open(data_dir: &std::path::Path) -> Fixture {
		let list: Vec<SimulatedGpu> = (0..2)
			.map(|i| SimulatedGpu {
				model: "NVIDIA L4".into(),
				vram_mib: 23_034,
				compute_capability: "8.9".into(),
				uuid: format!("GPU-test-{i}"),
				busy_utilization_pct: None,
				busy_memory_mib: None,
			})
			.collect();
		let gpus = Arc::new(SimulatedSource::new(&list).expect("valid GPUs"));
		let devices = gpus.devices().expect("devices");
		let store = Arc::new(Store::open(data_dir).expect("store"));
		let workloads = workloads_on(data_dir, store.clone(), gpus.clone(), true);
		Fixture { workloads, gpus, store, devices }
	}

	fn lease(id: u64, gpu: &GpuDevice, end: u32, funded_until: u32) -> Lease {
		Lease {
			id,
			tenant: TENANT.into(),
			provider: OWNER.into(),
			origin: "order 3".into(),
			gpus: vec![format!("0x{}", hex::encode(gpu.uuid_hash()))],
			price_per_gpu_hour: 2,
			manifest_hash: format!("0x{}", "11".repeat(32)),
			start: 5,
			end,
			escrow: 0,
			settled_until: 5,
			funded_until,
			paid: 0,
			fees: 0,
			downtime_blocks: 0,
			unsettled: 0,
			attested_at: 5,
		}
	}

	impl Fixture {
		fn notes(&self, lease: u64) -> Vec<String> {
			let entries = self.workloads.entries.lock().expect("lock");
			let Some(entry) = entries.get(&lease) else { return Vec::new() };
			entry.log.since(0, 1000, 1 << 20).0.into_iter().map(|l| l.text).collect()
		}

		fn busy(&self, gpu: &GpuDevice) -> bool {
			let usage = self.gpus.usage(std::slice::from_ref(&gpu.uuid)).expect("usage");
			usage[0].utilization_pct > 0
		}

		fn record(&self, lease: u64) -> Option<LeaseRecord> {
			self.store.lease(lease).expect("store readable")
		}
	}

	/// A manifest with a URL input on `port`, and lease 9 on `gpu` for it.
	fn manifest_lease(gpu: &GpuDevice, port: u16) -> (Vec<u8>, Lease) {
		let manifest = serde_json::to_vec(&serde_json::json!({
			"version": 1, "name": "once",
			"workload": {"kind": "command", "program": "/bin/sh",
				"args": ["-c", "echo started-once; sleep 30"]},
			"inputs": [{"path": "in.txt",
				"source": {"url": format!("http://127.0.0.1:{port}/input")}}],
			"gpus": {"count": 1}
		}))
		.expect("json");
		let mut on_chain = lease(9, gpu, 100, 100);
		on_chain.manifest_hash = format!("0x{}", hex::encode(manifest_hash(&manifest)));
		(manifest, on_chain)
	}

	fn send(f: &Fixture, manifest: &[u8], signer: &str) -> p2p::SignedManifest {
		let _ = f;
		let key = ember_client::keys::keypair_from_uri(signer).expect("dev key");
		p2p::SignedManifest::sign(9, manifest.to_vec(), &key)
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn concurrent_sends_start_once_strangers_stay_out_of_the_log_and_a_failed_start_is_retried(
	) {
		let dir = tempfile::tempdir().expect("temp dir");
		let f = open(dir.path());
		// Nobody listens on the input's port at first: the download fails at once.
		let port = std::net::TcpListener::bind("127.0.0.1:0")
			.and_then(|l| l.local_addr())
			.map(|a| a.port())
			.expect("a free port");
		let (manifest, on_chain) = manifest_lease(&f.devices[0], port);
		f.workloads.sync(&[on_chain], 10, &f.devices);

		// A stranger's signed manifest is refused and leaves no line in the tenant's log.
		let lines_before = f.notes(9).len();
		let stranger = f.workloads.clone().submit_manifest(send(&f, &manifest, "//Eve")).await;
		assert_eq!(stranger, reject(p2p::RejectReason::NotTenant));
		assert_eq!(f.notes(9).len(), lines_before, "{:?}", f.notes(9));

		// The input cannot be downloaded: the start fails.
		let first = f.workloads.clone().submit_manifest(send(&f, &manifest, "//Dave")).await;
		assert_eq!(first, Response::Accepted);
		let failed = async {
			loop {
				if f.record(9).is_some_and(|r| r.failure.is_some()) {
					break;
				}
				tokio::time::sleep(Duration::from_millis(50)).await;
			}
		};
		tokio::time::timeout(Duration::from_secs(30), failed)
			.await
			.expect("the start fails");

		// The input's server comes up but never answers, so a download in progress stays in
		// progress. The tenant resends twice at once: the agent retries the start once.
		let _silent = std::net::TcpListener::bind(("127.0.0.1", port)).expect("the port again");
		let (a, b) = tokio::join!(
			f.workloads.clone().submit_manifest(send(&f, &manifest, "//Dave")),
			f.workloads.clone().submit_manifest(send(&f, &manifest, "//Dave")),
		);
		assert_eq!((a, b), (Response::Accepted, Response::Accepted));
		tokio::time::sleep(Duration::from_millis(500)).await;
		let retries = f.notes(9).iter().filter(|n| n.contains("retrying the start")).count();
		assert_eq!(retries, 1, "{:?}", f.notes(9));
		let prepared = f.notes(9).iter().filter(|n| n.contains("manifest received")).count();
		assert_eq!(prepared, 2, "one first start and one retry: {:?}", f.notes(9));
	}

	/// Workloads on the fake NVML driver's `devices`, with a lease (9) on the first GPU.
	fn on_fake_driver(
		data_dir: &std::path::Path,
		devices: &[&str],
	) -> Option<(tempfile::TempDir, Arc<Workloads>, Vec<u8>)> {
		let (driver, library) = crate::inventory::fake::fake_nvml(devices)?;
		let gpus = Arc::new(crate::inventory::NvmlSource::init(Some(&library)).expect("loads"));
		let devices = gpus.devices().expect("devices");
		let store = Arc::new(Store::open(data_dir).expect("store"));
		let workloads = workloads_on(data_dir, store, gpus, false);
		let manifest = serde_json::to_vec(&serde_json::json!({
			"version": 1, "name": "gpu",
			"workload": {"kind": "command", "program": "/bin/sh", "args": ["-c", "sleep 30"]},
			"gpus": {"count": 1}
		}))
		.expect("json");
		let mut on_chain = lease(9, &devices[0], 100, 100);
		on_chain.manifest_hash = format!("0x{}", hex::encode(manifest_hash(&manifest)));
		workloads.sync(&[on_chain], 10, &devices);
		Some((driver, workloads, manifest))
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn a_lease_does_not_start_on_a_gpu_another_process_uses() {
		let dir = tempfile::tempdir().expect("temp dir");
		let Some((_driver, workloads, manifest)) =
			on_fake_driver(dir.path(), &["NVIDIA L4|23034|8.9|GPU-busy|ok|777:5000"])
		else {
			return;
		};
		let key = ember_client::keys::keypair_from_uri("//Dave").expect("dev key");
		let sent = p2p::SignedManifest::sign(9, manifest, &key);
		assert_eq!(workloads.clone().submit_manifest(sent).await, Response::Accepted);
		let failure = async {
			loop {
				let failure =
					workloads.entries.lock().ok().and_then(|e| e[&9].record.failure.clone());
				if let Some(failure) = failure {
					return failure;
				}
				tokio::time::sleep(Duration::from_millis(50)).await;
			}
		};
		let failure = tokio::time::timeout(Duration::from_secs(10), failure).await.expect("fails");
		assert!(failure.contains("not free: process 777 (5000 MiB) on GPU GPU-busy"), "{failure}");
		assert!(workloads.entries.lock().expect("lock")[&9].running.is_none(), "nothing started");
	}

	#[test]
	fn attestations_report_the_sampled_period_and_the_processes_memory() {
		let dir = tempfile::tempdir().expect("temp dir");
		// The fake driver reports 42 % utilization and a quarter of the memory in use (5758
		// MiB); the lease's one process holds 1024 MiB.
		let Some((_driver, workloads, _)) =
			on_fake_driver(dir.path(), &["NVIDIA L4|23034|8.9|GPU-mine|ok|4242:1024"])
		else {
			return;
		};
		workloads.sample_usage();
		workloads.sample_usage();
		let lines = workloads.attestations(false);
		assert_eq!(
			(lines[0].gpu_utilization_pct, lines[0].memory_used_mib),
			(42, 1024),
			"the period's samples, the process's memory rather than the device's"
		);
		// The samples were reported: the next attestation starts a new period.
		let lines = workloads.attestations(false);
		assert_eq!((lines[0].gpu_utilization_pct, lines[0].memory_used_mib), (0, 0));
		// With nothing sampled, one reading now.
		let lines = workloads.attestations(true);
		assert_eq!((lines[0].gpu_utilization_pct, lines[0].memory_used_mib), (42, 1024));
	}

	#[tokio::test]
	async fn a_lease_is_taken_on_warned_stopped_and_forgotten_after_retention() {
		let dir = tempfile::tempdir().expect("temp dir");
		let f = open(dir.path());
		let gpu = f.devices[1].clone();
		let on_chain = vec![lease(7, &gpu, 100, 100)];

		f.workloads.sync(&on_chain, 10, &f.devices);
		let record = f.record(7).expect("the lease is recorded");
		assert_eq!(record.phase, LeasePhase::AwaitingManifest);
		assert_eq!(record.gpu_uuids, vec![gpu.uuid.clone()], "the hash maps back to the UUID");
		assert_eq!(record.order, Some(3));
		assert!(f.busy(&gpu) && !f.busy(&f.devices[0]), "only the leased GPU is taken");
		assert!(f.notes(7)[0].contains("waiting for the tenant's manifest"));

		// Ten blocks before the end the tenant is told, once.
		f.workloads.sync(&on_chain, 89, &f.devices);
		assert!(!f.notes(7).iter().any(|n| n.contains("the lease ends")));
		f.workloads.sync(&on_chain, 90, &f.devices);
		f.workloads.sync(&on_chain, 91, &f.devices);
		let warnings =
			f.notes(7).iter().filter(|n| n.contains("the lease ends in about 60 s")).count();
		assert_eq!(warnings, 1);

		// Gone from the chain: stopped, GPU freed, log kept.
		f.workloads.sync(&[], 95, &f.devices);
		let record = f.record(7).expect("kept after the end");
		assert_eq!(record.phase, LeasePhase::Finished { reason: "the lease was closed".into() });
		assert_eq!(record.finished_at, Some(95));
		assert!(!f.busy(&gpu));
		let started = std::time::Instant::now();
		while !f.notes(7).iter().any(|n| n.contains("outputs stay available")) {
			assert!(
				started.elapsed() < Duration::from_secs(5),
				"cleanup never ran: {:?}",
				f.notes(7)
			);
			tokio::time::sleep(Duration::from_millis(20)).await;
		}

		// Kept for exactly the retention period, then forgotten with its directory.
		f.workloads.sync(&[], 95 + RETENTION_BLOCKS, &f.devices);
		assert!(f.record(7).is_some());
		f.workloads.sync(&[], 96 + RETENTION_BLOCKS, &f.devices);
		assert!(f.record(7).is_none());
		assert!(f.notes(7).is_empty());
		assert!(!dir.path().join("leases/7").exists());
	}

	#[tokio::test]
	async fn the_tenant_is_warned_before_escrow_runs_out() {
		let dir = tempfile::tempdir().expect("temp dir");
		let f = open(dir.path());
		let short = vec![lease(8, &f.devices[0], 1000, 200)];
		f.workloads.sync(&short, 189, &f.devices);
		assert!(!f.notes(8).iter().any(|n| n.contains("escrow")));
		f.workloads.sync(&short, 190, &f.devices);
		let notes = f.notes(8);
		assert!(
			notes
				.iter()
				.any(|n| n.contains("escrow runs out") && n.contains("lease top-up 8")),
			"{notes:?}"
		);
		assert!(!notes.iter().any(|n| n.contains("the lease ends")), "the end is far: {notes:?}");
	}

	#[tokio::test]
	async fn other_providers_leases_are_ignored_and_records_survive_a_restart() {
		let dir = tempfile::tempdir().expect("temp dir");
		let (gpu, other_gpu) = {
			let f = open(dir.path());
			let mut foreign = lease(9, &f.devices[0], 100, 100);
			foreign.provider = TENANT.into();
			f.workloads.sync(&[foreign, lease(10, &f.devices[1], 100, 100)], 20, &f.devices);
			assert!(f.record(9).is_none(), "another provider's lease is not ours");
			assert!(f.record(10).is_some());
			(f.devices[1].clone(), f.devices[0].clone())
		};
		// A new agent on the same data dir holds the same GPU and knows the lease.
		let f = open(dir.path());
		assert!(f.busy(&gpu) && !f.busy(&other_gpu));
		assert!(f.notes(10)[0].contains("lease 10 started"));
		assert_eq!(f.record(10).expect("recorded").phase, LeasePhase::AwaitingManifest);
	}

	/// Waits up to 5 s for `done`.
	async fn wait_until(done: impl Fn() -> bool) {
		let started = std::time::Instant::now();
		while !done() {
			assert!(started.elapsed() < Duration::from_secs(5), "not within 5 s");
			tokio::time::sleep(Duration::from_millis(20)).await;
		}
	}

	/// Waits until lease `id`'s directory, and the one it was moved aside to, are gone.
	async fn wait_removed(dir: &std::path::Path, id: u64) {
		let started = std::time::Instant::now();
		loop {
			let left: Vec<String> = std::fs::read_dir(dir.join("leases"))
				.map(|entries| {
					entries
						.filter_map(|e| e.ok()?.file_name().into_string().ok())
						.filter(|name| {
							name == &id.to_string()
								|| name.starts_with(&format!(".retracted-{id}-"))
						})
						.collect()
				})
				.unwrap_or_default();
			if left.is_empty() {
				return;
			}
			assert!(started.elapsed() < Duration::from_secs(5), "still there: {left:?}");
			tokio::time::sleep(Duration::from_millis(20)).await;
		}
	}

	#[tokio::test]
	async fn an_award_from_a_best_block_waits_for_finality_and_a_retracted_one_is_forgotten() {
		let dir = tempfile::tempdir().expect("temp dir");
		let f = open(dir.path());
		let (gpu, other) = (f.devices[0].clone(), f.devices[1].clone());
		let mut awarded = lease(7, &gpu, 100, 100);
		awarded.start = 20;
		let award = Award { number: 20, hash: [1; 32] };
		assert_eq!(f.workloads.unseen(std::slice::from_ref(&awarded)).len(), 1);
		f.workloads.take_on_award(&awarded, award, 20, &f.devices);
		assert!(f.workloads.unseen(std::slice::from_ref(&awarded)).is_empty());
		assert_eq!(f.record(7).expect("recorded").phase, LeasePhase::AwaitingManifest);
		assert!(f.busy(&gpu), "the leased GPU is taken at once");
		assert!(f.notes(7).iter().any(|n| n.contains("is not final yet")), "{:?}", f.notes(7));

		// The finalized state does not reach the award yet: the lease stays.
		f.workloads.sync(&[], 19, &f.devices);
		assert_eq!(f.record(7).expect("kept").phase, LeasePhase::AwaitingManifest);
		assert_eq!(f.workloads.unconfirmed(), vec![(7, award)]);
		// Final: confirmed, and a late retraction of its block cannot touch it.
		f.workloads.sync(std::slice::from_ref(&awarded), 20, &f.devices);
		assert!(f.workloads.unconfirmed().is_empty());
		let t0 = std::time::Instant::now();
		assert!(!f.workloads.orphaned(7, award, 40, t0), "a final lease is not retracted");
		assert!(f.record(7).is_some());

		// Lease 8, awarded on a branch that loses: stopped and forgotten with its directory.
		let mut lost = lease(8, &other, 100, 100);
		lost.start = 30;
		let lost_award = Award { number: 30, hash: [2; 32] };
		f.workloads.take_on_award(&lost, lost_award, 30, &f.devices);
		assert!(f.busy(&other));
		let later = |d: Duration| t0 + d;
		assert!(!f.workloads.orphaned(
			8,
			Award { number: 30, hash: [3; 32] },
			31,
			later(RETRACTION_GRACE * 2)
		));
		assert!(f.record(8).is_some(), "only the award it was taken on from retracts it");
		// A few blocks' grace, in case the award is included again.
		assert!(!f.workloads.orphaned(8, lost_award, 31, t0));
		assert!(!f.workloads.orphaned(8, lost_award, 40, later(RETRACTION_GRACE / 2)));
		assert!(f.record(8).is_some() && f.busy(&other), "kept through the grace");
		assert!(f.workloads.orphaned(8, lost_award, 41, later(RETRACTION_GRACE)));
		assert!(f.notes(8).is_empty(), "the lease is out of the table");
		assert!(!f.busy(&other), "the GPU is free again");
		assert!(f.workloads.unconfirmed().is_empty());
		// Its directory, then its record, go once nothing of it runs.
		wait_removed(dir.path(), 8).await;
		wait_until(|| f.record(8).is_none()).await;
	}

	#[tokio::test]
	async fn the_finalized_chain_replaces_or_forgets_a_lease_awarded_on_a_lost_branch() {
		let dir = tempfile::tempdir().expect("temp dir");
		let f = open(dir.path());
		let gpu = f.devices[0].clone();
		let mut lost = lease(8, &gpu, 100, 100);
		lost.start = 30;
		f.workloads
			.take_on_award(&lost, Award { number: 30, hash: [2; 32] }, 30, &f.devices);

		// The branch that won gave id 8 to another lease: the old one goes, the new one comes.
		let mut winner = lease(8, &gpu, 120, 120);
		winner.start = 31;
		winner.manifest_hash = format!("0x{}", "22".repeat(32));
		assert_eq!(f.workloads.unseen(std::slice::from_ref(&winner)).len(), 1);
		f.workloads.sync(std::slice::from_ref(&winner), 31, &f.devices);
		let record = f.record(8).expect("the winning lease is recorded");
		assert_eq!((record.start_block, record.manifest_hash), (31, [0x22; 32]));
		assert_eq!(record.phase, LeasePhase::AwaitingManifest);
		assert!(f.busy(&gpu));
		assert!(f.workloads.unconfirmed().is_empty());

		// An award the finalized chain passes without is the best-block loop's to judge; once
		// the follower confirms its block final, the finalized state says it closed.
		let mut closed = lease(9, &f.devices[1], 100, 100);
		closed.start = 40;
		let award = Award { number: 40, hash: [4; 32] };
		f.workloads.take_on_award(&closed, award, 40, &f.devices);
		f.workloads.sync(std::slice::from_ref(&winner), 41, &f.devices);
		assert_eq!(f.record(9).expect("kept").phase, LeasePhase::AwaitingManifest);
		f.workloads.confirm(9, award);
		f.workloads.sync(std::slice::from_ref(&winner), 42, &f.devices);
		let record = f.record(9).expect("kept for its tenant");
		assert_eq!(record.phase, LeasePhase::Finished { reason: "the lease was closed".into() });
		assert!(!f.busy(&f.devices[1]));
		assert!(dir.path().join("leases/8").exists(), "the winning lease keeps its directory");
	}

	#[tokio::test]
	async fn an_award_included_again_on_the_same_terms_keeps_its_workload() {
		let dir = tempfile::tempdir().expect("temp dir");
		let f = open(dir.path());
		let gpu = f.devices[0].clone();
		let mut first = lease(9, &gpu, 100, 100);
		first.start = 50;
		let award = Award { number: 50, hash: [5; 32] };
		f.workloads.take_on_award(&first, award, 50, &f.devices);

		// Retracted, and included again two blocks later on the branch that won.
		let t0 = std::time::Instant::now();
		assert!(!f.workloads.orphaned(9, award, 51, t0));
		let mut again = first.clone();
		(again.start, again.end) = (52, 102);
		let moved_to = Award { number: 52, hash: [6; 32] };
		assert!(f.workloads.move_award(&again, award, moved_to, 52));
		assert_eq!(f.workloads.unconfirmed(), vec![(9, moved_to)]);
		let record = f.record(9).expect("kept");
		assert_eq!((record.start_block, record.end_block), (52, 102));
		assert!(f.busy(&gpu));
		assert!(f.notes(9).iter().any(|n| n.contains("awarded again, on the same terms")));
		// The grace started by the retraction is over: the lease is no longer orphaned.
		assert!(
			!f.workloads.orphaned(9, award, 60, t0 + RETRACTION_GRACE),
			"the old award no longer names it"
		);

		// Another tenant's lease under the same id is not the same award.
		let mut other = again.clone();
		(other.start, other.tenant) = (53, OWNER.into());
		assert!(!f
			.workloads
			.move_award(&other, moved_to, Award { number: 53, hash: [7; 32] }, 53));
		assert!(f.notes(9).is_empty(), "the old lease is forgotten");
		wait_removed(dir.path(), 9).await;
		wait_until(|| f.record(9).is_none()).await;

		// The finalized state shows an award moved on the same terms: it becomes final.
		let mut moving = lease(10, &gpu, 100, 100);
		moving.start = 60;
		f.workloads
			.take_on_award(&moving, Award { number: 60, hash: [8; 32] }, 60, &f.devices);
		moving.start = 61;
		f.workloads.sync(std::slice::from_ref(&moving), 61, &f.devices);
		assert_eq!(f.record(10).expect("kept").start_block, 61);
		assert!(f.workloads.unconfirmed().is_empty());
		assert!(dir.path().join("leases/10").exists());
	}

	#[tokio::test]
	async fn an_award_closed_before_it_is_final_stops_at_once_and_a_restored_one_gets_a_new_grace()
	{
		let dir = tempfile::tempdir().expect("temp dir");
		let f = open(dir.path());
		let gpu = f.devices[0].clone();
		let mut awarded = lease(5, &gpu, 100, 100);
		awarded.start = 20;
		let award = Award { number: 20, hash: [1; 32] };
		f.workloads.take_on_award(&awarded, award, 20, &f.devices);

		// Retracted for a moment, then back on the best chain: the grace starts over.
		let t0 = std::time::Instant::now();
		assert!(!f.workloads.orphaned(5, award, 21, t0));
		f.workloads.restored(5, award);
		assert!(!f.workloads.orphaned(5, award, 30, t0 + RETRACTION_GRACE));
		assert!(f.record(5).is_some(), "a new retraction gets the whole grace");

		// Closed in a best block while the award is not final: stopped now, kept for the
		// tenant, and the finalized follower finishes nothing twice.
		f.workloads.closed_before_final(5, award, 31);
		let record = f.record(5).expect("kept for its tenant");
		assert_eq!(record.phase, LeasePhase::Finished { reason: "the lease was closed".into() });
		assert_eq!(record.finished_at, Some(31));
		assert!(!f.busy(&gpu));
		f.workloads.confirm(5, award);
		f.workloads.sync(&[], 32, &f.devices);
		assert_eq!(f.record(5).expect("kept").finished_at, Some(31));
		assert!(dir.path().join("leases/5").exists(), "its log and outputs stay");
	}

	#[tokio::test]
	async fn a_forgotten_leases_directory_left_by_a_crash_goes_at_the_next_start() {
		let dir = tempfile::tempdir().expect("temp dir");
		let leftover = dir.path().join("leases/.retracted-4-0-17");
		std::fs::create_dir_all(leftover.join("work")).expect("leftover written");
		std::fs::write(leftover.join("work/secret.txt"), "old tenant").expect("file written");
		let kept = dir.path().join("leases/4");
		std::fs::create_dir_all(&kept).expect("a lease directory");
		let _f = open(dir.path());
		assert!(!leftover.exists(), "the forgotten lease's files are gone");
		assert!(kept.exists(), "a lease's own directory stays");
	}
}
