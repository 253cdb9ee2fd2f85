//! The files a workload leaves for its tenant, and the lease directory's clean-up.

use std::{
	io::{Read, Seek, SeekFrom},
	path::Path,
};

use ember_client::{manifest::Manifest, p2p::RejectReason};

use super::inside;

/// The manifest stored in a lease directory.
fn stored_manifest(lease_dir: &Path) -> Option<Manifest> {
	let bytes = std::fs::read(lease_dir.join("manifest.json")).ok()?;
	Manifest::from_json(&bytes).ok()
}

/// Whether `path` is one of the manifest's outputs, or inside one that names a directory.
fn declared(manifest: &Manifest, path: &str) -> bool {
	manifest.outputs.iter().any(|output| {
		output == path
			|| path
				.strip_prefix(output.trim_end_matches('/'))
				.is_some_and(|rest| rest.starts_with('/'))
	})
}

/// Up to `max` bytes of the output file `path` from `offset`: the bytes, the file's length and
/// whether they reach its end. Only files the manifest lists as outputs are served, and only
/// from inside the workload's directory (a symlink out of it is refused).
pub fn read_output_chunk(
	lease_dir: &Path,
	path: &str,
	offset: u64,
	max: usize,
) -> Result<(Vec<u8>, u64, bool), RejectReason> {
	let manifest = stored_manifest(lease_dir).ok_or(RejectReason::NotFound)?;
	if !declared(&manifest, path) {
		return Err(RejectReason::NotFound);
	}
	let work = lease_dir.join("work").canonicalize().map_err(|_| RejectReason::NotFound)?;
	let target = inside(&work, path).ok_or(RejectReason::NotFound)?;
	let real = target.canonicalize().map_err(|_| RejectReason::NotFound)?;
	if !real.starts_with(&work) || !real.is_file() {
		return Err(RejectReason::NotFound);
	}
	let mut file = std::fs::File::open(&real).map_err(|_| RejectReason::NotFound)?;
	let total = file.metadata().map_err(|e| RejectReason::Internal(e.to_string()))?.len();
	let start = offset.min(total);
	file.seek(SeekFrom::Start(start))
		.map_err(|e| RejectReason::Internal(e.to_string()))?;
	let mut data = Vec::new();
	file.take(max as u64)
		.read_to_end(&mut data)
		.map_err(|e| RejectReason::Internal(e.to_string()))?;
	let eof = start + data.len() as u64 >= total;
	Ok((data, total, eof))
}

/// Clears a finished lease's directory: the workload's inputs and scratch files go; the log,
/// the manifest and the declared outputs stay for the tenant to fetch, unless together they
/// take more than `max_output_bytes`: then they go too, and their size is returned.
pub fn cleanup(lease_dir: &Path, max_output_bytes: u64) -> std::io::Result<Option<u64>> {
	let manifest = stored_manifest(lease_dir);
	let work = lease_dir.join("work");
	for name in ["stdout", "stderr", "tail-offsets", "pid"] {
		let _ = std::fs::remove_file(lease_dir.join(name));
	}
	if !work.exists() {
		return Ok(None);
	}
	let keep: Vec<String> = manifest.map(|m| m.outputs).unwrap_or_default();
	prune(&work, &work, &keep)?;
	let size = disk_usage(&work);
	if size > max_output_bytes {
		std::fs::remove_dir_all(&work)?;
		return Ok(Some(size));
	}
	Ok(None)
}

/// Bytes taken by the files under `dir` (symlinks not followed).
fn disk_usage(dir: &Path) -> u64 {
	let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
	entries
		.filter_map(Result::ok)
		.map(|entry| match entry.file_type() {
			Ok(t) if t.is_dir() => disk_usage(&entry.path()),
			Ok(t) if t.is_file() => entry.metadata().map(|m| m.len()).unwrap_or_default(),
			_ => 0,
		})
		.sum()
}

/// Removes everything under `dir` that is not (inside) a kept output.
fn prune(root: &Path, dir: &Path, keep: &[String]) -> std::io::Result<()> {
	for entry in std::fs::read_dir(dir)? {
		let entry = entry?;
		let path = entry.path();
		let relative = path
			.strip_prefix(root)
			.map(|p| p.to_string_lossy().to_string())
			.unwrap_or_default();
		let kept = keep.iter().any(|k| {
			let k = k.trim_end_matches('/');
			relative == k || relative.starts_with(&format!("{k}/"))
		});
		if kept {
			continue;
		}
		let leads_to_kept = keep.iter().any(|k| k.starts_with(&format!("{relative}/")));
		let file_type = entry.file_type()?;
		if file_type.is_dir() && leads_to_kept {
			prune(root, &path, keep)?;
		} else if file_type.is_dir() {
			std::fs::remove_dir_all(&path)?;
		} else {
			std::fs::remove_file(&path)?;
		}
	}
	Ok(())
}
