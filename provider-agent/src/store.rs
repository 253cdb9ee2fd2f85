//! The agent's records: every lease it serves (ParityDB, in `<data_dir>/db`) and every bid it
//! placed (one file per bid in `<data_dir>/bids`), so that a restarted agent resumes its leases
//! and never bids twice.
//!
//! Records are SCALE-encoded behind a format tag ([`RECORD_FORMAT`]); leases under their id
//! (big-endian, so iteration is in id order). A record that does not decode (another agent
//! version's format, a damaged file) is reported and skipped on its own: the others are served.
//!
//! A bid must be on disk before it is sent, or a crash right after sending leads to a second
//! bid. ParityDB's commit returns before its write-ahead log reaches the disk, so bids are
//! files written and synced ([`write_durably`]) instead; earlier versions' bids in the
//! database are moved to files when the store opens.

use std::{
	fs,
	io::Write,
	path::{Path, PathBuf},
	sync::atomic::{AtomicU64, Ordering},
};

use codec::{Decode, DecodeAll, Encode};

const LEASES: u8 = 0;
const BIDS: u8 = 1;
const COLUMNS: u8 = 2;

/// The tag in front of every record this agent version writes. Records without it are the
/// untagged format of earlier versions, which is the same encoding.
pub const RECORD_FORMAT: [u8; 4] = *b"EMB1";

fn encode_record<T: Encode>(value: &T) -> Vec<u8> {
	let mut bytes = RECORD_FORMAT.to_vec();
	value.encode_to(&mut bytes);
	bytes
}

fn decode_record<T: Decode>(bytes: &[u8]) -> Result<T, codec::Error> {
	let body = bytes.strip_prefix(&RECORD_FORMAT[..]).unwrap_or(bytes);
	T::decode_all(&mut &body[..])
}

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
	/// The database refused an operation.
	#[error("database: {0}")]
	Db(#[from] parity_db::Error),
	/// A record file could not be written, read or removed.
	#[error("{}: {source}", path.display())]
	Io {
		/// The file or directory.
		path: PathBuf,
		/// What the system said.
		source: std::io::Error,
	},
	/// A record did not decode: written by an incompatible agent version.
	#[error("record {key} in {column} does not decode: {error}")]
	Corrupt {
		/// Which table.
		column: &'static str,
		/// Its key.
		key: String,
		/// The decoder's complaint.
		error: String,
	},
}

/// Where a lease stands on this machine.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub enum LeasePhase {
	/// The GPUs are held; the tenant has not sent the manifest yet.
	AwaitingManifest,
	/// The manifest arrived; the workload runs (or ran, or failed to start).
	Running,
	/// The lease closed on chain and the workload was stopped.
	Finished {
		/// Why, as logged to the tenant.
		reason: String,
	},
}

/// One lease this provider serves or served.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub struct LeaseRecord {
	/// The lease id.
	pub lease: u64,
	/// The order it came from, when it came from one.
	pub order: Option<u64>,
	/// The tenant's account.
	pub tenant: [u8; 32],
	/// The manifest hash the lease commits to.
	pub manifest_hash: [u8; 32],
	/// The leased GPUs' UUIDs on this machine.
	pub gpu_uuids: Vec<String>,
	/// The leased GPUs' UUID hashes, as the chain names them.
	pub gpu_hashes: Vec<[u8; 32]>,
	/// Price per GPU-hour, plancks.
	pub price_per_gpu_hour: u128,
	/// First block.
	pub start_block: u32,
	/// End block as last seen.
	pub end_block: u32,
	/// Where it stands.
	pub phase: LeasePhase,
	/// Whether the verified manifest is stored in the lease directory.
	pub manifest_received: bool,
	/// The workload's process id while it runs (to find it again after a restart).
	pub pid: Option<u32>,
	/// The last block whose heartbeat carried this lease's attestation.
	pub last_attested_block: u32,
	/// Whether the tenant was warned of the lease's end.
	pub warned_end: bool,
	/// Whether the tenant was warned that its escrow runs out.
	pub warned_escrow: bool,
	/// Why the workload could not start, if it could not.
	pub failure: Option<String>,
	/// What the provider received for the lease (payments less fees), as last seen on chain.
	pub earned: u128,
	/// The block at which the agent saw the lease closed.
	pub finished_at: Option<u32>,
}

/// A bid placed (or being placed) on an order.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub struct BidRecord {
	/// The order.
	pub order: u64,
	/// The GPUs committed, by UUID hash.
	pub gpu_hashes: Vec<[u8; 32]>,
	/// Price per GPU-hour, plancks.
	pub price: u128,
	/// The finalized block the bid was decided at.
	pub placed_at_block: u32,
	/// The transaction, once included.
	pub tx_hash: Option<[u8; 32]>,
}

/// Writes `bytes` to `path` so that after a crash the file holds either its old content or
/// all of `bytes`: a synced temporary file renamed over it, then the directory synced so that
/// the rename itself survives.
fn write_durably(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
	let io = |path: &Path| {
		let path = path.to_path_buf();
		move |source| StoreError::Io { path, source }
	};
	let temporary = path.with_extension("tmp");
	let mut file = fs::File::create(&temporary).map_err(io(&temporary))?;
	file.write_all(bytes).map_err(io(&temporary))?;
	file.sync_all().map_err(io(&temporary))?;
	fs::rename(&temporary, path).map_err(io(path))?;
	sync_directory(path)
}

fn sync_directory(path: &Path) -> Result<(), StoreError> {
	let directory = path.parent().unwrap_or(Path::new("."));
	fs::File::open(directory)
		.and_then(|dir| dir.sync_all())
		.map_err(|source| StoreError::Io { path: directory.to_path_buf(), source })
}

/// The store.
pub struct Store {
	db: parity_db::Db,
	/// One file per bid, named by its order.
	bids_dir: PathBuf,
	/// Records skipped because they did not decode, since opening.
	skipped: AtomicU64,
}

impl Store {
	/// Opens (or creates) the store in `<data_dir>/db` and `<data_dir>/bids`.
	pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
		let mut options = parity_db::Options::with_columns(&data_dir.join("db"), COLUMNS);
		for column in &mut options.columns {
			// Ordered columns: the agent lists its leases.
			column.btree_index = true;
		}
		let bids_dir = data_dir.join("bids");
		fs::create_dir_all(&bids_dir)
			.map_err(|source| StoreError::Io { path: bids_dir.clone(), source })?;
		let store = Self {
			db: parity_db::Db::open_or_create(&options)?,
			bids_dir,
			skipped: AtomicU64::new(0),
		};
		store.move_database_bids_to_files()?;
		Ok(store)
	}

	/// Earlier versions kept bids in the database: each becomes a file, then leaves the
	/// database. One that does not decode stays there (counted as skipped).
	fn move_database_bids_to_files(&self) -> Result<(), StoreError> {
		for bid in self.all::<BidRecord>(BIDS, "bids")? {
			self.put_bid(&bid)?;
			self.remove(BIDS, bid.order)?;
		}
		Ok(())
	}

	fn bid_path(&self, order: u64) -> PathBuf {
		self.bids_dir.join(format!("{order:020}.bid"))
	}

	fn put<T: Encode>(&self, column: u8, id: u64, value: &T) -> Result<(), StoreError> {
		self.db
			.commit(vec![(column, id.to_be_bytes().to_vec(), Some(encode_record(value)))])?;
		Ok(())
	}

	fn remove(&self, column: u8, id: u64) -> Result<(), StoreError> {
		self.db.commit(vec![(column, id.to_be_bytes().to_vec(), None)])?;
		Ok(())
	}

	fn get<T: Decode>(
		&self,
		column: u8,
		name: &'static str,
		id: u64,
	) -> Result<Option<T>, StoreError> {
		match self.db.get(column, &id.to_be_bytes())? {
			Some(bytes) => decode_record(&bytes).map(Some).map_err(|e| StoreError::Corrupt {
				column: name,
				key: id.to_string(),
				error: e.to_string(),
			}),
			None => Ok(None),
		}
	}

	/// Every record of `column` that decodes; each one that does not is logged, counted in
	/// [`Store::skipped`] and left in place for inspection.
	fn all<T: Decode>(&self, column: u8, name: &'static str) -> Result<Vec<T>, StoreError> {
		let mut iter = self.db.iter(column)?;
		iter.seek_to_first()?;
		let mut out = Vec::new();
		while let Some((key, bytes)) = iter.next()? {
			match decode_record(&bytes) {
				Ok(record) => out.push(record),
				Err(error) => {
					let error = StoreError::Corrupt {
						column: name,
						key: hex::encode(&key),
						error: error.to_string(),
					};
					tracing::error!(%error, "skipping a record the agent cannot read");
					self.skipped.fetch_add(1, Ordering::Relaxed);
				},
			}
		}
		Ok(out)
	}

	/// How many records were skipped because they did not decode, since opening.
	pub fn skipped(&self) -> u64 {
		self.skipped.load(Ordering::Relaxed)
	}

	/// Every lease record, by id.
	pub fn leases(&self) -> Result<Vec<LeaseRecord>, StoreError> {
		self.all(LEASES, "leases")
	}

	/// One lease record.
	pub fn lease(&self, id: u64) -> Result<Option<LeaseRecord>, StoreError> {
		self.get(LEASES, "leases", id)
	}

	/// Writes a lease record.
	pub fn put_lease(&self, record: &LeaseRecord) -> Result<(), StoreError> {
		self.put(LEASES, record.lease, record)
	}

	/// Forgets a lease (once finished long enough ago).
	pub fn remove_lease(&self, id: u64) -> Result<(), StoreError> {
		self.remove(LEASES, id)
	}

	/// Every bid record, by order. A file that does not decode is logged, counted in
	/// [`Store::skipped`] and left in place.
	pub fn bids(&self) -> Result<Vec<BidRecord>, StoreError> {
		let io = |source| StoreError::Io { path: self.bids_dir.clone(), source };
		let mut paths = Vec::new();
		for entry in fs::read_dir(&self.bids_dir).map_err(io)? {
			let path = entry.map_err(io)?.path();
			if path.extension().is_some_and(|extension| extension == "bid") {
				paths.push(path);
			}
		}
		// Zero-padded names: name order is order-id order.
		paths.sort();
		let mut bids = Vec::with_capacity(paths.len());
		for path in paths {
			let read = fs::read(&path).map_err(|error| error.to_string());
			match read.and_then(|bytes| {
				decode_record::<BidRecord>(&bytes).map_err(|error| error.to_string())
			}) {
				Ok(bid) => bids.push(bid),
				// One bad file never hides the others: forgetting every bid would bid again.
				Err(error) => {
					tracing::error!(file = %path.display(), %error, "skipping a bid record the agent cannot read");
					self.skipped.fetch_add(1, Ordering::Relaxed);
				},
			}
		}
		Ok(bids)
	}

	/// Writes a bid record and returns once it is on disk (see the module docs).
	pub fn put_bid(&self, record: &BidRecord) -> Result<(), StoreError> {
		write_durably(&self.bid_path(record.order), &encode_record(record))
	}

	/// Forgets the bid on `order`.
	pub fn remove_bid(&self, order: u64) -> Result<(), StoreError> {
		let path = self.bid_path(order);
		match fs::remove_file(&path) {
			Ok(()) => Ok(()),
			Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
			Err(source) => Err(StoreError::Io { path, source }),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn lease(id: u64) -> LeaseRecord {
		LeaseRecord {
			lease: id,
			order: Some(7),
			tenant: [1; 32],
			manifest_hash: [2; 32],
			gpu_uuids: vec!["GPU-a".into()],
			gpu_hashes: vec![[3; 32]],
			price_per_gpu_hour: 2_000_000_000_000,
			start_block: 10,
			end_block: 610,
			phase: LeasePhase::AwaitingManifest,
			manifest_received: false,
			pid: None,
			last_attested_block: 10,
			warned_end: false,
			warned_escrow: false,
			failure: None,
			earned: 0,
			finished_at: None,
		}
	}

	#[test]
	fn records_survive_reopening_in_id_order() {
		let dir = tempfile::tempdir().expect("temp dir");
		{
			let store = Store::open(dir.path()).expect("opens");
			store.put_lease(&lease(300)).expect("put");
			store.put_lease(&lease(2)).expect("put");
			let mut running = lease(2);
			running.phase = LeasePhase::Running;
			running.pid = Some(4242);
			store.put_lease(&running).expect("overwrite");
			store
				.put_bid(&BidRecord {
					order: 9,
					gpu_hashes: vec![[3; 32]],
					price: 5,
					placed_at_block: 40,
					tx_hash: None,
				})
				.expect("bid");
		}
		let store = Store::open(dir.path()).expect("reopens");
		let leases = store.leases().expect("lists");
		assert_eq!(leases.iter().map(|l| l.lease).collect::<Vec<_>>(), vec![2, 300]);
		assert_eq!(leases[0].phase, LeasePhase::Running);
		assert_eq!(leases[0].pid, Some(4242));
		assert_eq!(store.lease(300).expect("get"), Some(lease(300)));
		assert_eq!(store.bids().expect("bids").len(), 1);
		store.remove_bid(9).expect("removes");
		store.remove_lease(300).expect("removes");
		assert!(store.bids().expect("bids").is_empty());
		assert_eq!(store.lease(300).expect("get"), None);
	}

	fn bid(order: u64) -> BidRecord {
		BidRecord { order, gpu_hashes: vec![[3; 32]], price: 5, placed_at_block: 40, tx_hash: None }
	}

	#[test]
	fn a_bid_is_a_synced_file_before_put_bid_returns() {
		let dir = tempfile::tempdir().expect("temp dir");
		let store = Store::open(dir.path()).expect("opens");
		store.put_bid(&bid(12)).expect("put");
		// On disk as a whole record under its order, with no temporary left behind: what a
		// crash right after `put_bid` would leave is what the next start reads.
		let names: Vec<String> = fs::read_dir(dir.path().join("bids"))
			.expect("bids dir")
			.map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
			.collect();
		assert_eq!(names, vec!["00000000000000000012.bid".to_string()]);
		let bytes = fs::read(dir.path().join("bids/00000000000000000012.bid")).expect("reads");
		assert_eq!(decode_record::<BidRecord>(&bytes).expect("decodes"), bid(12));
		// Not through the database: a copy of the directory taken now, without closing the
		// store, already holds the bid.
		let copy = tempfile::tempdir().expect("temp dir");
		fs::create_dir(copy.path().join("bids")).expect("mkdir");
		fs::copy(
			dir.path().join("bids/00000000000000000012.bid"),
			copy.path().join("bids/00000000000000000012.bid"),
		)
		.expect("copies");
		let restarted = Store::open(copy.path()).expect("opens the copy");
		assert_eq!(restarted.bids().expect("bids"), vec![bid(12)]);
		store.remove_bid(12).expect("removes");
		store.remove_bid(12).expect("removing twice is fine");
		assert!(store.bids().expect("bids").is_empty());
	}

	#[test]
	fn bids_of_earlier_versions_move_from_the_database_to_files() {
		let dir = tempfile::tempdir().expect("temp dir");
		{
			let store = Store::open(dir.path()).expect("opens");
			store
				.db
				.commit(vec![
					(BIDS, 9u64.to_be_bytes().to_vec(), Some(bid(9).encode())),
					(BIDS, 4u64.to_be_bytes().to_vec(), Some(encode_record(&bid(4)))),
					(BIDS, 5u64.to_be_bytes().to_vec(), Some(b"EMB9junk".to_vec())),
				])
				.expect("raw writes");
		}
		let store = Store::open(dir.path()).expect("reopens");
		assert_eq!(store.bids().expect("bids"), vec![bid(4), bid(9)]);
		assert_eq!(store.skipped(), 1, "the unreadable one is counted and left");
		assert_eq!(store.db.get(BIDS, &9u64.to_be_bytes()).expect("reads"), None);
		assert!(store.db.get(BIDS, &5u64.to_be_bytes()).expect("reads").is_some());
		// An unreadable bid file is skipped, the rest are served.
		fs::write(dir.path().join("bids/00000000000000000007.bid"), b"EMB1\xff").expect("writes");
		assert_eq!(store.bids().expect("bids"), vec![bid(4), bid(9)]);
	}

	#[test]
	fn one_unreadable_record_is_skipped_and_the_rest_are_served() {
		let dir = tempfile::tempdir().expect("temp dir");
		let store = Store::open(dir.path()).expect("opens");
		store.put_lease(&lease(1)).expect("put");
		store.put_lease(&lease(3)).expect("put");
		// A record in some future format, and one in the untagged format of earlier versions.
		let future = [b"EMB9".to_vec(), vec![0xff; 40]].concat();
		let untagged = lease(5).encode();
		store
			.db
			.commit(vec![
				(LEASES, 2u64.to_be_bytes().to_vec(), Some(future)),
				(LEASES, 5u64.to_be_bytes().to_vec(), Some(untagged)),
			])
			.expect("raw writes");
		let ids: Vec<u64> = store.leases().expect("lists").iter().map(|l| l.lease).collect();
		assert_eq!(ids, vec![1, 3, 5], "the unreadable record alone is left out");
		assert_eq!(store.skipped(), 1);
		assert!(matches!(store.lease(2), Err(StoreError::Corrupt { .. })));
		assert_eq!(store.lease(5).expect("reads"), Some(lease(5)));
	}
}
