//! The messages of the manifest protocol, how they are signed, and the checks a provider applies.
//!
//! Every message is SCALE-encoded. Requests that act on a lease carry the tenant's account id
//! and an sr25519 signature over a domain-separated payload, so a provider can tell that the
//! lease's tenant, and nobody else, sent them.

use std::{fmt, io};

use codec::{Decode, DecodeAll, Encode};
use libp2p::StreamProtocol;
use subxt_signer::sr25519::{self, Keypair};

use crate::manifest::manifest_hash;

/// The protocol's name, as negotiated on each libp2p stream.
pub const PROTOCOL_NAME: &str = "/ember/manifest/1";

/// [`PROTOCOL_NAME`] as a libp2p stream protocol.
pub const PROTOCOL: StreamProtocol = StreamProtocol::new(PROTOCOL_NAME);

/// Largest encoded message, request or response, in bytes.
pub const MAX_FRAME_BYTES: usize = 4 * 1024 * 1024;

/// Largest encoded request: a manifest at its limit, plus its signature and framing.
pub const MAX_REQUEST_BYTES: usize = crate::manifest::MAX_MANIFEST_BYTES + 4 * 1024;

/// Largest piece of an output file one [`Response::Output`] carries, in bytes.
pub const MAX_OUTPUT_CHUNK: usize = 512 * 1024;

/// How far a query's `issued_at_secs` may be from the provider's clock, either way.
pub const MAX_QUERY_SKEW_SECS: u64 = 300;

/// Domain tag of a manifest submission's signed payload.
pub const MANIFEST_DOMAIN: &[u8] = b"ember/manifest/v1";

/// A tenant's request to the provider of one of its leases.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub enum Request {
	/// Here is the lease's manifest; run it.
	SubmitManifest(SignedManifest),
	/// Send the lease's log lines from a sequence number on, and the workload's state.
	Logs(SignedQuery<LogsQuery>),
	/// Send a piece of one of the workload's output files.
	FetchOutput(SignedQuery<OutputQuery>),
}

impl Request {
	/// The lease the request is about.
	pub fn lease(&self) -> u64 {
		match self {
			Self::SubmitManifest(m) => m.lease,
			Self::Logs(q) => q.lease,
			Self::FetchOutput(q) => q.lease,
		}
	}

	/// A short name of the request's kind, for logs.
	pub fn kind(&self) -> &'static str {
		match self {
			Self::SubmitManifest(_) => "submit-manifest",
			Self::Logs(_) => "logs",
			Self::FetchOutput(_) => "fetch-output",
		}
	}
}

/// A manifest, signed by the tenant of the lease it is for.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub struct SignedManifest {
	/// The lease id.
	pub lease: u64,
	/// The manifest's exact bytes, whose BLAKE2-256 the lease carries.
	pub manifest: Vec<u8>,
	/// The signer's account id: its sr25519 public key.
	pub tenant: [u8; 32],
	/// sr25519 signature over [`SignedManifest::payload`].
	pub signature: [u8; 64],
}

impl SignedManifest {
	/// Signs `manifest` for `lease` with the tenant's account key.
	pub fn sign(lease: u64, manifest: Vec<u8>, signer: &Keypair) -> Self {
		let payload = Self::payload(lease, &manifest);
		Self { lease, tenant: signer.public_key().0, signature: signer.sign(&payload).0, manifest }
	}

	/// What is signed: [`MANIFEST_DOMAIN`] ++ SCALE(lease) ++ BLAKE2-256(manifest).
	pub fn payload(lease: u64, manifest: &[u8]) -> Vec<u8> {
		let mut payload = MANIFEST_DOMAIN.to_vec();
		lease.encode_to(&mut payload);
		payload.extend_from_slice(&manifest_hash(manifest));
		payload
	}

	/// Whether the signature is `tenant`'s over this lease and manifest (the signature only),
	/// signed as it is or as a wallet signs raw data (see [`verify_signed_payload`]).
	pub fn verify(&self) -> bool {
		verify_signed_payload(
			&self.signature,
			&Self::payload(self.lease, &self.manifest),
			&self.tenant,
		)
	}
}

/// What a signed query asks for; each kind is signed under its own domain tag.
pub trait QueryKind: Encode + Decode {
	/// Domain tag of this kind's signed payload.
	const DOMAIN: &'static [u8];
}

/// Ask for the lease's log lines.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub struct LogsQuery {
	/// The first line wanted: its sequence number (0 for all).
	pub from_seq: u64,
}

impl QueryKind for LogsQuery {
	const DOMAIN: &'static [u8] = b"ember/logs/v1";
}

/// Ask for a piece of an output file.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub struct OutputQuery {
	/// The file, as the manifest's `outputs` names it.
	pub path: String,
	/// Where the piece starts, in bytes from the file's start.
	pub offset: u64,
}

impl QueryKind for OutputQuery {
	const DOMAIN: &'static [u8] = b"ember/output/v1";
}

/// A query about a lease, signed by its tenant at a point in time.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub struct SignedQuery<Q> {
	/// The lease id.
	pub lease: u64,
	/// When the query was signed, in seconds since the Unix epoch; bounds replays.
	pub issued_at_secs: u64,
	/// What is asked.
	pub query: Q,
	/// The signer's account id: its sr25519 public key.
	pub tenant: [u8; 32],
	/// sr25519 signature over [`SignedQuery::payload`].
	pub signature: [u8; 64],
}

impl<Q: QueryKind> SignedQuery<Q> {
	/// Signs `query` about `lease` at `issued_at_secs` with the tenant's account key.
	pub fn sign(lease: u64, issued_at_secs: u64, query: Q, signer: &Keypair) -> Self {
		let payload = Self::payload(lease, issued_at_secs, &query);
		Self {
			lease,
			issued_at_secs,
			query,
			tenant: signer.public_key().0,
			signature: signer.sign(&payload).0,
		}
	}

	/// What is signed: `Q::DOMAIN` ++ SCALE(lease) ++ SCALE(issued_at_secs) ++ SCALE(query).
	pub fn payload(lease: u64, issued_at_secs: u64, query: &Q) -> Vec<u8> {
		let mut payload = Q::DOMAIN.to_vec();
		lease.encode_to(&mut payload);
		issued_at_secs.encode_to(&mut payload);
		query.encode_to(&mut payload);
		payload
	}

	/// Whether the signature is `tenant`'s over these fields (the signature only), signed as
	/// they are or as a wallet signs raw data (see [`verify_signed_payload`]).
	pub fn verify(&self) -> bool {
		verify_signed_payload(
			&self.signature,
			&Self::payload(self.lease, self.issued_at_secs, &self.query),
			&self.tenant,
		)
	}
}

/// What a browser wallet signs when asked to sign `payload` as raw bytes: the polkadot.js
/// extension, Talisman and SubWallet wrap it in `<Bytes>` and `</Bytes>` so that a signature
/// over it can never be a valid transaction.
pub fn wallet_wrapped(payload: &[u8]) -> Vec<u8> {
	let mut wrapped = Vec::with_capacity(payload.len() + WALLET_PREFIX.len() + WALLET_SUFFIX.len());
	wrapped.extend_from_slice(WALLET_PREFIX);
	wrapped.extend_from_slice(payload);
	wrapped.extend_from_slice(WALLET_SUFFIX);
	wrapped
}

const WALLET_PREFIX: &[u8] = b"<Bytes>";
const WALLET_SUFFIX: &[u8] = b"</Bytes>";

/// Whether `signature` is `signer`'s over `payload` itself (emberctl and dev accounts) or over
/// [`wallet_wrapped`]`(payload)` (a browser wallet's `signRaw`). Every payload starts with a
/// domain tag, so neither form can be mistaken for the other or for a transaction.
pub fn verify_signed_payload(signature: &[u8; 64], payload: &[u8], signer: &[u8; 32]) -> bool {
	let signature = sr25519::Signature(*signature);
	let signer = sr25519::PublicKey(*signer);
	sr25519::verify(&signature, payload, &signer)
		|| sr25519::verify(&signature, wallet_wrapped(payload), &signer)
}

/// Whether a query issued at `issued_at_secs` is recent enough to answer at `now_secs`: at most
/// [`MAX_QUERY_SKEW_SECS`] either way, so that small clock differences do not matter.
pub fn is_fresh(issued_at_secs: u64, now_secs: u64) -> bool {
	issued_at_secs.abs_diff(now_secs) <= MAX_QUERY_SKEW_SECS
}

/// The checks a provider applies to a submitted manifest, in order: the signature, then that
/// the signer is the lease's tenant, then that the manifest's hash is the lease's.
pub fn check_submission(
	m: &SignedManifest,
	lease_tenant: &[u8; 32],
	lease_manifest_hash: &[u8; 32],
) -> Result<(), RejectReason> {
	if !m.verify() {
		return Err(RejectReason::BadSignature);
	}
	if &m.tenant != lease_tenant {
		return Err(RejectReason::NotTenant);
	}
	if &manifest_hash(&m.manifest) != lease_manifest_hash {
		return Err(RejectReason::HashMismatch);
	}
	Ok(())
}

/// The checks a provider applies to a query, in order: the signature, then that the signer is
/// the lease's tenant, then that the query is fresh at `now_secs` (see [`is_fresh`]).
pub fn check_query<Q: QueryKind>(
	q: &SignedQuery<Q>,
	lease_tenant: &[u8; 32],
	now_secs: u64,
) -> Result<(), RejectReason> {
	if !q.verify() {
		return Err(RejectReason::BadSignature);
	}
	if &q.tenant != lease_tenant {
		return Err(RejectReason::NotTenant);
	}
	if !is_fresh(q.issued_at_secs, now_secs) {
		return Err(RejectReason::Stale);
	}
	Ok(())
}

/// A provider's answer.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub enum Response {
	/// The manifest was accepted (also for a resend of the same manifest).
	Accepted,
	/// The request was refused.
	Rejected {
		/// Why.
		reason: RejectReason,
	},
	/// A page of log lines.
	Logs {
		/// The workload's state now.
		state: WorkloadState,
		/// Lines from the asked sequence number on, in order.
		lines: Vec<LogLine>,
		/// The sequence number to ask from next.
		next_seq: u64,
	},
	/// A piece of an output file.
	Output {
		/// The file, as asked.
		path: String,
		/// Where `data` starts in the file.
		offset: u64,
		/// At most [`MAX_OUTPUT_CHUNK`] bytes of the file.
		data: Vec<u8>,
		/// The file's whole length.
		total_len: u64,
		/// Whether `data` reaches the file's end.
		eof: bool,
	},
}

/// Why a provider refused a request.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub enum RejectReason {
	/// The signature does not verify against the signer's key.
	BadSignature,
	/// The provider serves no such lease.
	UnknownLease,
	/// The signer is not the lease's tenant.
	NotTenant,
	/// The manifest's hash is not the one the lease carries.
	HashMismatch,
	/// The manifest's hash matches but it is not a valid manifest.
	InvalidManifest(String),
	/// A different manifest was already received for the lease.
	AlreadyReceived,
	/// The query's timestamp is too far from the provider's clock.
	Stale,
	/// No such output file (or not yet).
	NotFound,
	/// The provider failed to answer.
	Internal(String),
	/// Too many requests from this peer, or the provider is busy: try again a little later.
	TooManyRequests,
}

impl fmt::Display for RejectReason {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::BadSignature => f.write_str("the signature does not verify"),
			Self::UnknownLease => f.write_str("the provider serves no such lease"),
			Self::NotTenant => f.write_str("the signer is not the lease's tenant"),
			Self::HashMismatch => {
				f.write_str("the manifest's hash is not the one the lease was ordered with")
			},
			Self::InvalidManifest(why) => write!(f, "the manifest is invalid: {why}"),
			Self::AlreadyReceived => {
				f.write_str("a different manifest was already received for this lease")
			},
			Self::Stale => f.write_str(
				"the request's timestamp is more than 300 s from the provider's clock: check the \
				 system clock",
			),
			Self::NotFound => f.write_str("no such output file"),
			Self::Internal(why) => write!(f, "the provider failed: {why}"),
			Self::TooManyRequests => f.write_str(
				"too many requests: the provider is busy or rate-limits this peer; retry later",
			),
		}
	}
}

/// Where a workload is in its life.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub enum WorkloadState {
	/// The lease runs but its manifest has not arrived yet.
	AwaitingManifest,
	/// The manifest arrived; inputs are being prepared or the process is starting.
	Starting,
	/// The workload runs.
	Running,
	/// The workload's process ended by itself with this exit code.
	Exited {
		/// The exit code.
		code: i32,
	},
	/// The workload could not be started.
	Failed {
		/// Why.
		reason: String,
	},
	/// The provider stopped the workload.
	Stopped {
		/// Why (the lease ended, its runtime limit passed, …).
		reason: String,
	},
}

impl WorkloadState {
	/// Whether the workload will not change state any more.
	pub fn is_final(&self) -> bool {
		matches!(self, Self::Exited { .. } | Self::Failed { .. } | Self::Stopped { .. })
	}

	/// The state's name in `snake_case`, as the CLI prints it.
	pub fn name(&self) -> &'static str {
		match self {
			Self::AwaitingManifest => "awaiting_manifest",
			Self::Starting => "starting",
			Self::Running => "running",
			Self::Exited { .. } => "exited",
			Self::Failed { .. } => "failed",
			Self::Stopped { .. } => "stopped",
		}
	}
}

impl fmt::Display for WorkloadState {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::AwaitingManifest => f.write_str("awaiting its manifest"),
			Self::Starting => f.write_str("starting"),
			Self::Running => f.write_str("running"),
			Self::Exited { code } => write!(f, "exited with code {code}"),
			Self::Failed { reason } => write!(f, "failed: {reason}"),
			Self::Stopped { reason } => write!(f, "stopped: {reason}"),
		}
	}
}

/// Which stream a log line came from.
#[derive(Clone, Copy, Debug, Decode, Encode, Eq, PartialEq)]
pub enum LogStream {
	/// The workload's standard output.
	Stdout,
	/// The workload's standard error.
	Stderr,
	/// The provider agent, about the workload.
	Agent,
}

impl LogStream {
	/// The stream's name, as the CLI prints it.
	pub fn name(self) -> &'static str {
		match self {
			Self::Stdout => "stdout",
			Self::Stderr => "stderr",
			Self::Agent => "agent",
		}
	}
}

impl fmt::Display for LogStream {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.name())
	}
}

/// One line of a workload's log.
#[derive(Clone, Debug, Decode, Encode, Eq, PartialEq)]
pub struct LogLine {
	/// Its sequence number: 0 for the lease's first line, then one more for each.
	pub seq: u64,
	/// When it was written, in milliseconds since the Unix epoch.
	pub at_ms: u64,
	/// Where it came from.
	pub stream: LogStream,
	/// The line, without its line break.
	pub text: String,
}

/// Encodes a message, refusing one larger than [`MAX_FRAME_BYTES`].
pub fn encode_message<M: Encode>(message: &M) -> io::Result<Vec<u8>> {
	let bytes = message.encode();
	if bytes.len() > MAX_FRAME_BYTES {
		return Err(io::Error::new(
			io::ErrorKind::InvalidInput,
			format!("message is {} bytes; at most {MAX_FRAME_BYTES} are allowed", bytes.len()),
		));
	}
	Ok(bytes)
}

/// Decodes a whole message: too long, malformed or followed by extra bytes is `InvalidData`.
pub fn decode_message<M: Decode>(bytes: &[u8]) -> io::Result<M> {
	if bytes.len() > MAX_FRAME_BYTES {
		return Err(io::Error::new(
			io::ErrorKind::InvalidData,
			format!("message is {} bytes; at most {MAX_FRAME_BYTES} are allowed", bytes.len()),
		));
	}
	M::decode_all(&mut &bytes[..]).map_err(|error| {
		io::Error::new(io::ErrorKind::InvalidData, format!("malformed message: {error}"))
	})
}

#[cfg(test)]
mod tests {
	use subxt_signer::sr25519::dev;

	use super::*;

	fn logs(from_seq: u64, at: u64) -> SignedQuery<LogsQuery> {
		SignedQuery::sign(7, at, LogsQuery { from_seq }, &dev::alice())
	}

	#[test]
	fn messages_roundtrip() {
		let requests = [
			Request::SubmitManifest(SignedManifest::sign(3, b"{}".to_vec(), &dev::alice())),
			Request::Logs(logs(12, 1_700_000_000)),
			Request::FetchOutput(SignedQuery::sign(
				3,
				5,
				OutputQuery { path: "out/result.bin".into(), offset: 1 << 20 },
				&dev::bob(),
			)),
		];
		for request in requests {
			let bytes = encode_message(&request).unwrap();
			assert_eq!(decode_message::<Request>(&bytes).unwrap(), request);
		}
		let responses = [
			Response::Accepted,
			Response::Rejected {
				reason: RejectReason::InvalidManifest("`gpus.count` is 0".into()),
			},
			Response::Logs {
				state: WorkloadState::Exited { code: -9 },
				lines: vec![LogLine {
					seq: 4,
					at_ms: 1_700_000_000_123,
					stream: LogStream::Stderr,
					text: "épsilon ✓".into(),
				}],
				next_seq: 5,
			},
			Response::Output {
				path: "a".into(),
				offset: 9,
				data: vec![0, 255, 7],
				total_len: 12,
				eof: true,
			},
		];
		for response in responses {
			let bytes = encode_message(&response).unwrap();
			assert_eq!(decode_message::<Response>(&bytes).unwrap(), response);
		}
	}

	#[test]
	fn oversize_and_malformed_messages_are_invalid_data() {
		let big = Response::Output {
			path: "big".into(),
			offset: 0,
			data: vec![1; MAX_FRAME_BYTES],
			total_len: MAX_FRAME_BYTES as u64,
			eof: true,
		};
		assert_eq!(encode_message(&big).unwrap_err().kind(), io::ErrorKind::InvalidInput);
		let oversize = vec![0u8; MAX_FRAME_BYTES + 1];
		assert_eq!(
			decode_message::<Response>(&oversize).unwrap_err().kind(),
			io::ErrorKind::InvalidData
		);
		// An unknown variant, a truncated message and trailing bytes.
		assert_eq!(decode_message::<Request>(&[9]).unwrap_err().kind(), io::ErrorKind::InvalidData);
		let bytes = Request::Logs(logs(0, 1)).encode();
		let truncated = &bytes[..bytes.len() - 1];
		assert!(decode_message::<Request>(truncated).is_err());
		let mut trailing = bytes.clone();
		trailing.push(0);
		assert!(decode_message::<Request>(&trailing).is_err());
		// A length prefix claiming far more bytes than there are.
		let lying = [1u8, 0xff, 0xff, 0xff, 0xff, 0x03];
		assert!(decode_message::<Request>(&lying).is_err());
	}

	#[test]
	fn manifest_signature_covers_every_field() {
		let good = SignedManifest::sign(42, b"{\"version\":1}".to_vec(), &dev::alice());
		assert!(good.verify());
		assert_eq!(good.tenant, dev::alice().public_key().0);

		let mut other_manifest = good.clone();
		other_manifest.manifest.push(b' ');
		assert!(!other_manifest.verify());
		let mut other_lease = good.clone();
		other_lease.lease = 43;
		assert!(!other_lease.verify());
		let mut other_tenant = good.clone();
		other_tenant.tenant = dev::bob().public_key().0;
		assert!(!other_tenant.verify());
		let mut other_signature = good.clone();
		other_signature.signature[0] ^= 1;
		assert!(!other_signature.verify());
	}

	#[test]
	fn query_signature_covers_every_field_and_its_kind() {
		let good = logs(10, 1000);
		assert!(good.verify());
		let mut tampered = good.clone();
		tampered.query.from_seq = 0;
		assert!(!tampered.verify());
		let mut tampered = good.clone();
		tampered.issued_at_secs += 1;
		assert!(!tampered.verify());
		let mut tampered = good.clone();
		tampered.lease += 1;
		assert!(!tampered.verify());
		let mut tampered = good.clone();
		tampered.tenant = dev::bob().public_key().0;
		assert!(!tampered.verify());

		// A signature made for one kind of query does not pass for another.
		let output = SignedQuery::<OutputQuery> {
			lease: good.lease,
			issued_at_secs: good.issued_at_secs,
			query: OutputQuery { path: String::new(), offset: 10 },
			tenant: good.tenant,
			signature: good.signature,
		};
		assert!(!output.verify());
	}

	#[test]
	fn a_wallet_wrapped_signature_passes_and_covers_the_same_fields() {
		let alice = dev::alice();
		let manifest = b"{\"version\":1}".to_vec();
		let payload = SignedManifest::payload(42, &manifest);
		let wrapped = wallet_wrapped(&payload);
		assert!(wrapped.starts_with(b"<Bytes>ember/manifest/v1") && wrapped.ends_with(b"</Bytes>"));
		let signed = SignedManifest {
			lease: 42,
			manifest: manifest.clone(),
			tenant: alice.public_key().0,
			signature: alice.sign(&wrapped).0,
		};
		assert!(signed.verify());
		let mut other_lease = signed.clone();
		other_lease.lease = 43;
		assert!(!other_lease.verify());
		let mut other_manifest = signed.clone();
		other_manifest.manifest.push(b' ');
		assert!(!other_manifest.verify());

		// Only the exact wrapping: half of it, or another wrapping, is refused.
		for near in [
			[b"<Bytes>".as_slice(), &payload].concat(),
			[payload.as_slice(), b"</Bytes>"].concat(),
			[b"<Bytes> ".as_slice(), &payload, b"</Bytes>"].concat(),
		] {
			let signed = SignedManifest { signature: alice.sign(&near).0, ..signed.clone() };
			assert!(!signed.verify());
		}

		let query = LogsQuery { from_seq: 3 };
		let payload = SignedQuery::payload(7, 1000, &query);
		let signed = SignedQuery {
			lease: 7,
			issued_at_secs: 1000,
			query,
			tenant: alice.public_key().0,
			signature: alice.sign(&wallet_wrapped(&payload)).0,
		};
		assert!(signed.verify());
		let mut tampered = signed.clone();
		tampered.issued_at_secs += 1;
		assert!(!tampered.verify());
	}

	/// The web app writes and reads these messages in TypeScript (`web/src/messages.ts`), tested
	/// against the same bytes.
	#[test]
	fn shared_message_bytes_match_the_web_app() {
		const FIXTURE: &str = include_str!("../../tests/fixtures/protocol-messages.json");
		let fixture: serde_json::Value = serde_json::from_str(FIXTURE).expect("fixture is JSON");
		let hex_of = |case: &str| fixture[case]["hex"].as_str().expect("hex").to_string();
		let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
		let (tenant, signature) = ([1u8; 32], [7u8; 64]);

		assert_eq!(hex(&SignedManifest::payload(5, b"{}")), hex_of("manifestPayload"));
		let query = LogsQuery { from_seq: 3 };
		assert_eq!(hex(&SignedQuery::payload(5, 1_700_000_000, &query)), hex_of("logsPayload"));
		let submit = Request::SubmitManifest(SignedManifest {
			lease: 5,
			manifest: b"{}".to_vec(),
			tenant,
			signature,
		});
		assert_eq!(hex(&submit.encode()), hex_of("submitManifest"));
		let logs = Request::Logs(SignedQuery {
			lease: 5,
			issued_at_secs: 1_700_000_000,
			query,
			tenant,
			signature,
		});
		assert_eq!(hex(&logs.encode()), hex_of("logs"));

		let responses = [
			Response::Accepted,
			Response::Rejected { reason: RejectReason::UnknownLease },
			Response::Rejected { reason: RejectReason::InvalidManifest("bad".into()) },
			Response::Logs {
				state: WorkloadState::Running,
				lines: vec![LogLine {
					seq: 3,
					at_ms: 1_700_000_000_000,
					stream: LogStream::Stdout,
					text: "hello from ember".into(),
				}],
				next_seq: 4,
			},
			Response::Logs {
				state: WorkloadState::Exited { code: -1 },
				lines: vec![],
				next_seq: 0,
			},
		];
		let shared = fixture["responses"].as_array().expect("responses");
		assert_eq!(shared.len(), responses.len());
		for (response, case) in responses.iter().zip(shared) {
			assert_eq!(hex(&response.encode()), case["hex"].as_str().expect("hex"), "{case}");
		}
	}

	#[test]
	fn staleness_allows_300_seconds_either_way() {
		assert!(is_fresh(1000, 1000));
		assert!(is_fresh(1000, 1300));
		assert!(!is_fresh(1000, 1301));
		assert!(is_fresh(1300, 1000));
		assert!(!is_fresh(1301, 1000));
		assert!(!is_fresh(0, u64::MAX));
	}

	#[test]
	fn submission_checks_run_in_order() {
		let alice = dev::alice().public_key().0;
		let bob = dev::bob().public_key().0;
		let manifest = b"{\"name\":\"x\"}".to_vec();
		let hash = manifest_hash(&manifest);
		let good = SignedManifest::sign(1, manifest.clone(), &dev::alice());
		assert_eq!(check_submission(&good, &alice, &hash), Ok(()));
		assert_eq!(check_submission(&good, &bob, &hash), Err(RejectReason::NotTenant));
		assert_eq!(check_submission(&good, &alice, &[0; 32]), Err(RejectReason::HashMismatch));
		// A bad signature is reported before anything else is looked at.
		let mut forged = good.clone();
		forged.tenant = bob;
		assert_eq!(check_submission(&forged, &alice, &[0; 32]), Err(RejectReason::BadSignature));
	}

	#[test]
	fn query_checks_run_in_order() {
		let alice = dev::alice().public_key().0;
		let bob = dev::bob().public_key().0;
		let query = logs(0, 10_000);
		assert_eq!(check_query(&query, &alice, 10_100), Ok(()));
		assert_eq!(check_query(&query, &alice, 10_301), Err(RejectReason::Stale));
		assert_eq!(check_query(&query, &bob, 10_301), Err(RejectReason::NotTenant));
		let mut forged = query.clone();
		forged.signature[63] ^= 0x80;
		assert_eq!(check_query(&forged, &bob, 0), Err(RejectReason::BadSignature));
	}
}
