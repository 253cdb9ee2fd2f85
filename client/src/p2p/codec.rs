//! Framing of the manifest protocol on a libp2p stream: a `u32` big-endian length, then that
//! many bytes of a SCALE-encoded [`Request`] or [`Response`]. One message each way per stream.

use std::io;

use futures::{future::BoxFuture, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use libp2p::{request_response, StreamProtocol};

use super::protocol::{
	decode_message, encode_message, Request, Response, MAX_FRAME_BYTES, MAX_REQUEST_BYTES,
};

/// The manifest protocol's [`request_response::Codec`].
#[derive(Clone, Copy, Debug, Default)]
pub struct ManifestCodec;

/// Reads one length-prefixed frame, refusing a length over [`MAX_FRAME_BYTES`] before reading it.
pub async fn read_frame<T: AsyncRead + Unpin>(io: &mut T) -> io::Result<Vec<u8>> {
	read_frame_within(io, MAX_FRAME_BYTES).await
}

/// Reads one length-prefixed frame of at most `max` bytes, refusing a longer announced length
/// before reading it.
pub async fn read_frame_within<T: AsyncRead + Unpin>(
	io: &mut T,
	max: usize,
) -> io::Result<Vec<u8>> {
	let mut prefix = [0u8; 4];
	io.read_exact(&mut prefix).await?;
	let len = u32::from_be_bytes(prefix) as usize;
	if len > max {
		return Err(io::Error::new(
			io::ErrorKind::InvalidData,
			format!("frame of {len} bytes announced; at most {max} are allowed"),
		));
	}
	// Grow with what actually arrives rather than trusting the announced length up front.
	let mut frame = Vec::with_capacity(len.min(64 * 1024));
	(&mut *io).take(len as u64).read_to_end(&mut frame).await?;
	if frame.len() != len {
		return Err(io::Error::new(
			io::ErrorKind::UnexpectedEof,
			format!("frame ended after {} of {len} bytes", frame.len()),
		));
	}
	Ok(frame)
}

/// Writes one length-prefixed frame and flushes it.
pub async fn write_frame<T: AsyncWrite + Unpin>(io: &mut T, frame: &[u8]) -> io::Result<()> {
	let len = u32::try_from(frame.len())
		.ok()
		.filter(|len| *len as usize <= MAX_FRAME_BYTES)
		.ok_or_else(|| {
			io::Error::new(
				io::ErrorKind::InvalidInput,
				format!("frame of {} bytes; at most {MAX_FRAME_BYTES} are allowed", frame.len()),
			)
		})?;
	io.write_all(&len.to_be_bytes()).await?;
	io.write_all(frame).await?;
	io.flush().await
}

// `request_response::Codec` is declared with `async_trait`; its methods are written out here
// in the boxed-future form that macro produces.
impl request_response::Codec for ManifestCodec {
	type Protocol = StreamProtocol;
	type Request = Request;
	type Response = Response;

	fn read_request<'life0, 'life1, 'life2, 'async_trait, T>(
		&'life0 mut self,
		_protocol: &'life1 Self::Protocol,
		io: &'life2 mut T,
	) -> BoxFuture<'async_trait, io::Result<Self::Request>>
	where
		T: AsyncRead + Unpin + Send + 'async_trait,
		'life0: 'async_trait,
		'life1: 'async_trait,
		'life2: 'async_trait,
		Self: 'async_trait,
	{
		// A request is at most a manifest: a provider reads no more than that from a stranger.
		Box::pin(async move { decode_message(&read_frame_within(io, MAX_REQUEST_BYTES).await?) })
	}

	fn read_response<'life0, 'life1, 'life2, 'async_trait, T>(
		&'life0 mut self,
		_protocol: &'life1 Self::Protocol,
		io: &'life2 mut T,
	) -> BoxFuture<'async_trait, io::Result<Self::Response>>
	where
		T: AsyncRead + Unpin + Send + 'async_trait,
		'life0: 'async_trait,
		'life1: 'async_trait,
		'life2: 'async_trait,
		Self: 'async_trait,
	{
		Box::pin(async move { decode_message(&read_frame(io).await?) })
	}

	fn write_request<'life0, 'life1, 'life2, 'async_trait, T>(
		&'life0 mut self,
		_protocol: &'life1 Self::Protocol,
		io: &'life2 mut T,
		req: Self::Request,
	) -> BoxFuture<'async_trait, io::Result<()>>
	where
		T: AsyncWrite + Unpin + Send + 'async_trait,
		'life0: 'async_trait,
		'life1: 'async_trait,
		'life2: 'async_trait,
		Self: 'async_trait,
	{
		Box::pin(async move { write_frame(io, &encode_message(&req)?).await })
	}

	fn write_response<'life0, 'life1, 'life2, 'async_trait, T>(
		&'life0 mut self,
		_protocol: &'life1 Self::Protocol,
		io: &'life2 mut T,
		res: Self::Response,
	) -> BoxFuture<'async_trait, io::Result<()>>
	where
		T: AsyncWrite + Unpin + Send + 'async_trait,
		'life0: 'async_trait,
		'life1: 'async_trait,
		'life2: 'async_trait,
		Self: 'async_trait,
	{
		Box::pin(async move { write_frame(io, &encode_message(&res)?).await })
	}
}

#[cfg(test)]
mod tests {
	use futures::{executor::block_on, io::Cursor};
	use libp2p::request_response::Codec;
	use subxt_signer::sr25519::dev;

	use super::{
		super::protocol::{LogsQuery, SignedManifest, SignedQuery, PROTOCOL},
		*,
	};

	fn framed(len: u32, body: &[u8]) -> Cursor<Vec<u8>> {
		let mut bytes = len.to_be_bytes().to_vec();
		bytes.extend_from_slice(body);
		Cursor::new(bytes)
	}

	#[test]
	fn requests_and_responses_roundtrip_through_the_codec() {
		block_on(async {
			let request =
				Request::Logs(SignedQuery::sign(1, 2, LogsQuery { from_seq: 3 }, &dev::alice()));
			let mut wire = Cursor::new(Vec::new());
			ManifestCodec
				.write_request(&PROTOCOL, &mut wire, request.clone())
				.await
				.unwrap();
			let bytes = wire.into_inner();
			assert_eq!(
				u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize,
				bytes.len() - 4
			);
			let read =
				ManifestCodec.read_request(&PROTOCOL, &mut Cursor::new(bytes)).await.unwrap();
			assert_eq!(read, request);

			let response = Response::Output {
				path: "p".into(),
				offset: 0,
				data: vec![7; 1000],
				total_len: 1000,
				eof: true,
			};
			let mut wire = Cursor::new(Vec::new());
			ManifestCodec
				.write_response(&PROTOCOL, &mut wire, response.clone())
				.await
				.unwrap();
			let read = ManifestCodec
				.read_response(&PROTOCOL, &mut Cursor::new(wire.into_inner()))
				.await
				.unwrap();
			assert_eq!(read, response);
		});
	}

	#[test]
	fn oversize_frames_are_refused_before_reading_them() {
		block_on(async {
			// Only the prefix is there: the length alone must be enough to refuse it.
			let mut wire = framed(MAX_FRAME_BYTES as u32 + 1, &[]);
			let error = ManifestCodec.read_request(&PROTOCOL, &mut wire).await.unwrap_err();
			assert_eq!(error.kind(), io::ErrorKind::InvalidData);
			let mut wire = framed(u32::MAX, &[]);
			let error = ManifestCodec.read_response(&PROTOCOL, &mut wire).await.unwrap_err();
			assert_eq!(error.kind(), io::ErrorKind::InvalidData);

			let big = Response::Output {
				path: String::new(),
				offset: 0,
				data: vec![0; MAX_FRAME_BYTES],
				total_len: 0,
				eof: true,
			};
			let mut wire = Cursor::new(Vec::new());
			let error = ManifestCodec.write_response(&PROTOCOL, &mut wire, big).await.unwrap_err();
			assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
			assert!(wire.into_inner().is_empty(), "nothing is written for a refused message");
		});
	}

	#[test]
	fn a_request_is_at_most_a_manifest_and_its_signature() {
		block_on(async {
			// Announced one byte over: refused from the prefix alone.
			let mut wire = framed(MAX_REQUEST_BYTES as u32 + 1, &[]);
			let error = ManifestCodec.read_request(&PROTOCOL, &mut wire).await.unwrap_err();
			assert_eq!(error.kind(), io::ErrorKind::InvalidData);
			// A manifest at its limit still fits.
			let manifest = vec![b' '; crate::manifest::MAX_MANIFEST_BYTES];
			let request = Request::SubmitManifest(SignedManifest::sign(1, manifest, &dev::alice()));
			let mut wire = Cursor::new(Vec::new());
			ManifestCodec
				.write_request(&PROTOCOL, &mut wire, request.clone())
				.await
				.unwrap();
			let read = ManifestCodec
				.read_request(&PROTOCOL, &mut Cursor::new(wire.into_inner()))
				.await
				.unwrap();
			assert_eq!(read, request);
		});
	}

	#[test]
	fn truncated_and_garbage_frames_are_errors() {
		block_on(async {
			let mut wire = framed(10, &[0; 4]);
			let error = ManifestCodec.read_request(&PROTOCOL, &mut wire).await.unwrap_err();
			assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
			let mut wire = framed(3, &[0xee, 0x01, 0x02]);
			let error = ManifestCodec.read_request(&PROTOCOL, &mut wire).await.unwrap_err();
			assert_eq!(error.kind(), io::ErrorKind::InvalidData);
			let mut wire = Cursor::new(vec![0, 0]);
			assert!(ManifestCodec.read_response(&PROTOCOL, &mut wire).await.is_err());
		});
	}
}
