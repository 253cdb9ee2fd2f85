//! Container image references, checked against the OCI distribution grammar:
//!
//! ```text
//! reference  := name [ ":" tag ] [ "@" digest ]
//! name       := [ domain "/" ] path-component ( "/" path-component )*
//! domain     := host [ ":" port ]          host: labels of [A-Za-z0-9-] joined by "."
//! path-comp. := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
//! tag        := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
//! digest     := algorithm ":" hex{32,}    algorithm: [A-Za-z][A-Za-z0-9]* joined by [+._-]
//! ```
//!
//! A reference that passes can never be read as an engine flag or as more than one argument: it
//! starts with a letter or digit and holds no whitespace, `=` or `,`.

/// Longest name (domain and path), as registries allow.
pub const MAX_NAME_LENGTH: usize = 255;

/// Longest tag.
const MAX_TAG_LENGTH: usize = 128;

/// Why `image` is not a valid reference, or `Ok`.
pub fn check(image: &str) -> Result<(), String> {
	if image.is_empty() {
		return Err("is empty".into());
	}
	if image.starts_with('-') {
		return Err("must not start with `-`: it would be read as an engine option".into());
	}
	let (rest, digest) = match image.split_once('@') {
		Some((rest, digest)) => (rest, Some(digest)),
		None => (image, None),
	};
	if let Some(digest) = digest {
		check_digest(digest)?;
	}
	// A tag follows the last `:` after the last `/` (a `:` before it is a registry's port).
	let last_slash = rest.rfind('/').map_or(0, |at| at + 1);
	let (name, tag) = match rest[last_slash..].rfind(':') {
		Some(at) => (&rest[..last_slash + at], Some(&rest[last_slash + at + 1..])),
		None => (rest, None),
	};
	if let Some(tag) = tag {
		check_tag(tag)?;
	}
	check_name(name)
}

fn check_name(name: &str) -> Result<(), String> {
	if name.is_empty() {
		return Err("has no repository name".into());
	}
	if name.len() > MAX_NAME_LENGTH {
		return Err(format!("has a name longer than {MAX_NAME_LENGTH} bytes"));
	}
	let mut components: Vec<&str> = name.split('/').collect();
	// The first component is a registry when it looks like a host: a `.` or a `:` port, or
	// `localhost`; otherwise it is part of the path (`library/python`).
	let first = components[0];
	if components.len() > 1 && (first.contains(['.', ':']) || first == "localhost") {
		check_domain(first)?;
		components.remove(0);
	}
	for component in components {
		check_path_component(component)?;
	}
	Ok(())
}

fn check_domain(domain: &str) -> Result<(), String> {
	let (host, port) = match domain.split_once(':') {
		Some((host, port)) => (host, Some(port)),
		None => (domain, None),
	};
	let label_ok = |label: &str| {
		!label.is_empty()
			&& label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
			&& !label.starts_with('-')
			&& !label.ends_with('-')
	};
	if !host.split('.').all(label_ok) {
		return Err(format!("has an invalid registry host `{host}`"));
	}
	if let Some(port) = port {
		if port.is_empty() || port.len() > 5 || !port.chars().all(|c| c.is_ascii_digit()) {
			return Err(format!("has an invalid registry port `{port}`"));
		}
	}
	Ok(())
}

/// `[a-z0-9]+` runs joined by one `.`, one `_`, two `_`, or any number of `-`.
fn check_path_component(component: &str) -> Result<(), String> {
	let invalid = || {
		Err(format!(
			"has an invalid path component `{component}` (lower-case letters and digits, joined \
			 by `.`, `_`, `__` or dashes)"
		))
	};
	let bytes = component.as_bytes();
	let is_alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
	if bytes.is_empty() || !is_alnum(bytes[0]) || !is_alnum(bytes[bytes.len() - 1]) {
		return invalid();
	}
	let mut at = 0;
	while at < bytes.len() {
		if is_alnum(bytes[at]) {
			at += 1;
			continue;
		}
		let start = at;
		while at < bytes.len() && !is_alnum(bytes[at]) {
			at += 1;
		}
		let separator = &component[start..at];
		let dashes = separator.bytes().all(|b| b == b'-');
		if !(dashes || matches!(separator, "." | "_" | "__")) {
			return invalid();
		}
	}
	Ok(())
}

fn check_tag(tag: &str) -> Result<(), String> {
	let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
	let valid = tag.len() <= MAX_TAG_LENGTH
		&& tag.chars().next().is_some_and(word)
		&& tag.chars().all(|c| word(c) || c == '.' || c == '-');
	if valid {
		Ok(())
	} else {
		Err(format!(
			"has an invalid tag `{tag}` (up to {MAX_TAG_LENGTH} letters, digits, `_`, `.` or `-`, \
			 not starting with `.` or `-`)"
		))
	}
}

fn check_digest(digest: &str) -> Result<(), String> {
	let invalid =
		|| Err(format!("has an invalid digest `{digest}` (e.g. `sha256:<64 hex digits>`)"));
	let Some((algorithm, hex)) = digest.split_once(':') else { return invalid() };
	let component_ok = |component: &str| {
		component.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
			&& component.chars().all(|c| c.is_ascii_alphanumeric())
	};
	let algorithm_ok = algorithm.split(['+', '.', '_', '-']).all(component_ok);
	let hex_ok = hex.len() >= 32 && hex.chars().all(|c| c.is_ascii_hexdigit());
	if algorithm_ok && hex_ok {
		Ok(())
	} else {
		invalid()
	}
}

#[cfg(test)]
mod tests {
	use super::check;

	#[test]
	fn accepts_the_references_registries_serve() {
		for image in [
			"python",
			"python:3.12",
			"library/python:3.12-slim",
			"docker.io/library/python:3.12",
			"ghcr.io/ember-labs/trainer_v2:latest",
			"localhost/ember-test:1",
			"localhost:5000/team/app",
			"registry.example.com:443/a/b/c:v1.2.3",
			"nvcr.io/nvidia/pytorch:24.05-py3",
			"my--image__x.y",
			"ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
			"ubuntu:22.04@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
		] {
			assert_eq!(check(image), Ok(()), "{image}");
		}
	}

	#[test]
	fn refuses_engine_flags_and_anything_outside_the_grammar() {
		for image in [
			"",
			"--privileged",
			"-v",
			"--volume=/:/host",
			"python 3",
			"Python",
			"python:",
			"python:-x",
			"python:.x",
			"/python",
			"python/",
			"a//b",
			"a/.b",
			"a/b_",
			"a/b___c",
			"a,b",
			"a=b",
			"ex ample.com/a",
			"-registry.com/a",
			"registry-.com/a",
			"registry.com:port/a",
			"ubuntu@sha256:abc",
			"ubuntu@:0123456789abcdef0123456789abcdef",
			"ubuntu@sha256",
		] {
			assert!(check(image).is_err(), "{image:?} was accepted");
		}
		let long_tag = format!("python:{}", "a".repeat(129));
		assert!(check(&long_tag).is_err());
		let long_name = "a".repeat(256);
		assert!(check(&long_name).is_err());
	}
}
