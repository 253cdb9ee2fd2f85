//! The files a workload leaves for its tenant, and the lease directory's clean-up.

use std::{
	io::{Read, Seek, SeekFrom},
	path::Path,
};

use ember_client::{manifest::Manifest, p2p::RejectReason};

use super::inside;

/// The manifest stored in a lease directory.
pub(super) fn stored_manifest(lease_dir: &Path) -> Option<Manifest> {
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
/// whether they reach its end. Only regular files the manifest lists as outputs are served,
/// and only from inside the workload's directory: the file is opened without following any
/// symlink (see [`open_beneath`]), so a workload cannot point an output at the host's files.
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
	let work = lease_dir.join("work");
	inside(&work, path).ok_or(RejectReason::NotFound)?;
	let mut file = open_beneath(&work, path).map_err(|_| RejectReason::NotFound)?;
	let meta = file.metadata().map_err(|e| RejectReason::Internal(e.to_string()))?;
	if !meta.is_file() {
		return Err(RejectReason::NotFound);
	}
	let total = meta.len();
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

/// Opens `relative` (normal components only, as [`inside`] checks) under `base` for reading,
/// never following a symlink: each directory is opened relative to the one before it with
/// `O_NOFOLLOW`, so a workload that swaps a path for a symlink at any moment gains nothing.
/// `O_NONBLOCK` keeps a FIFO from stalling the agent; the caller serves regular files only.
pub(super) fn open_beneath(base: &Path, relative: &str) -> std::io::Result<std::fs::File> {
	use std::{
		ffi::CString,
		os::{
			fd::{AsRawFd, FromRawFd, OwnedFd},
			unix::ffi::OsStrExt,
		},
	};
	let c_string = |bytes: &[u8]| {
		CString::new(bytes).map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
	};
	let directory = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC;
	let file = libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC;
	let open_at = |dir: libc::c_int, name: &CString, flags: libc::c_int| {
		// SAFETY: `name` is a NUL-terminated string that outlives the call; the returned
		// descriptor, when valid, is owned by nothing else.
		let fd = unsafe { libc::openat(dir, name.as_ptr(), flags) };
		if fd < 0 {
			Err(std::io::Error::last_os_error())
		} else {
			// SAFETY: `fd` was just opened and is owned by nothing else.
			Ok(unsafe { OwnedFd::from_raw_fd(fd) })
		}
	};
	let mut current = open_at(libc::AT_FDCWD, &c_string(base.as_os_str().as_bytes())?, directory)?;
	let parts: Vec<&str> = relative.split('/').collect();
	for (index, part) in parts.iter().enumerate() {
		let last = index + 1 == parts.len();
		let flags = if last { file } else { directory };
		current = open_at(current.as_raw_fd(), &c_string(part.as_bytes())?, flags)?;
	}
	Ok(std::fs::File::from(current))
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
	give_owner_access(&work)?;
	let keep: Vec<String> = manifest.map(|m| m.outputs).unwrap_or_default();
	prune(&work, &work, &keep)?;
	let size = disk_usage(&work);
	if size > max_output_bytes {
		std::fs::remove_dir_all(&work)?;
		return Ok(Some(size));
	}
	Ok(None)
}

/// Makes `dir` and every directory under it the owner's alone (`0700`; symlinks not
/// followed), so that a tree the workload made unreadable (`chmod 0`) can still be pruned,
/// removed and served. An agent running rootless podman owns the workload's files but is bound
/// by their modes; root is not, and is left to need nothing: a chmod as root on a path the
/// tenant shaped is the last thing to risk. Called only once the workload and its container
/// are stopped, so nothing swaps a directory for a link meanwhile.
fn give_owner_access(dir: &Path) -> std::io::Result<()> {
	// SAFETY: `geteuid` has no preconditions and cannot fail.
	if unsafe { libc::geteuid() } == 0 {
		return Ok(());
	}
	give_owner_access_below(dir)
}

fn give_owner_access_below(dir: &Path) -> std::io::Result<()> {
	use std::os::unix::fs::PermissionsExt;
	let meta = std::fs::symlink_metadata(dir)?;
	if !meta.is_dir() {
		return Ok(());
	}
	if meta.permissions().mode() & 0o777 != 0o700 {
		std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
	}
	for entry in std::fs::read_dir(dir)? {
		let entry = entry?;
		if entry.file_type()?.is_dir() {
			give_owner_access_below(&entry.path())?;
		}
	}
	Ok(())
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
