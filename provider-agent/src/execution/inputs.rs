//! Where a URL input may be downloaded from: the public internet only.
//!
//! The agent downloads inputs from the provider's own network, before the workload starts in
//! its network-less sandbox. A tenant must not use that to reach what only the provider's
//! machine can: its loopback services (the node's RPC, the agent's metrics), the cloud's
//! metadata endpoint (169.254.169.254, with its credentials) or the provider's LAN. So a URL's
//! host must be a plain DNS name or IPv4 address (nothing curl could read differently), every
//! address it resolves to must be public, curl is pinned to the address checked here, and no
//! redirect is followed.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The host and port of an `http://` or `https://` URL, parsed strictly: no user info, no
/// IPv6 literal, no percent-encoding or other characters in the host than letters, digits,
/// `-` and `.`.
pub fn host_and_port(url: &str) -> Result<(String, u16), String> {
	let (rest, default_port) = if let Some(rest) = url.strip_prefix("https://") {
		(rest, 443)
	} else if let Some(rest) = url.strip_prefix("http://") {
		(rest, 80)
	} else {
		return Err("only http:// and https:// URLs are downloaded".into());
	};
	let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
	let (host, port) = match authority.rsplit_once(':') {
		Some((host, port)) => {
			let port = port.parse::<u16>().map_err(|_| format!("bad port in {authority:?}"))?;
			(host, port)
		},
		None => (authority, default_port),
	};
	let plain = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.';
	if host.is_empty() || !host.chars().all(plain) || host.starts_with(['-', '.']) {
		return Err(format!(
			"the host {host:?} must be a plain DNS name or IPv4 address (no user info, IPv6 \
			 literal or escapes)"
		));
	}
	Ok((host.to_ascii_lowercase(), port))
}

/// Whether `address` is on the public internet: not loopback, private, link-local, shared
/// (carrier-grade NAT), multicast, documentation, benchmarking or otherwise reserved.
pub fn is_public(address: IpAddr) -> bool {
	match address {
		IpAddr::V4(v4) => is_public_v4(v4),
		IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
			Some(v4) => is_public_v4(v4),
			None => is_public_v6(v6),
		},
	}
}

fn is_public_v4(v4: Ipv4Addr) -> bool {
	let [a, b, ..] = v4.octets();
	!(v4.is_unspecified()
		|| v4.is_loopback()
		|| v4.is_private()
		|| v4.is_link_local()
		|| v4.is_multicast()
		|| v4.is_broadcast()
		|| v4.is_documentation()
		|| a == 0
		|| (a == 100 && (64..128).contains(&b))
		|| (a == 192 && b == 0)
		|| (a == 198 && (18..20).contains(&b))
		|| a >= 240)
}

fn is_public_v6(v6: Ipv6Addr) -> bool {
	let first = v6.segments()[0];
	!(v6.is_unspecified()
		|| v6.is_loopback()
		|| v6.is_multicast()
		|| (first & 0xfe00) == 0xfc00
		|| (first & 0xffc0) == 0xfe80
		|| first == 0x2001 && v6.segments()[1] == 0x0db8
		|| first == 0x0064 && v6.segments()[1] == 0xff9b)
}

/// Resolves `url`'s host and picks the address to download from: every address it resolves
/// to must be public (a name that also points inside is refused, not just skipped), unless
/// the provider allows `private` addresses (`executor.allow_private_inputs`).
pub async fn checked_address(url: &str, private: bool) -> Result<(String, u16, IpAddr), String> {
	let (host, port) = host_and_port(url)?;
	let addresses: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
		.await
		.map_err(|e| format!("cannot resolve {host}: {e}"))?
		.collect();
	let first = addresses.first().ok_or_else(|| format!("{host} resolves to no address"))?;
	if let Some(inside) = addresses.iter().find(|a| !private && !is_public(a.ip())) {
		return Err(format!(
			"{host} resolves to {}, which is not a public address: inputs come from the public \
			 internet only",
			inside.ip()
		));
	}
	Ok((host, port, first.ip()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn urls_are_parsed_strictly() {
		assert_eq!(host_and_port("https://example.org/a?b#c"), Ok(("example.org".into(), 443)));
		assert_eq!(host_and_port("http://Example.org:8080"), Ok(("example.org".into(), 8080)));
		for bad in [
			"ftp://example.org/x",
			"http://user@example.org/",
			"http://[::1]/",
			"http://exa%6dple.org/",
			"http://example.org:99999/",
			"http:///x",
			"http://-x.org/",
			"http://127.0.0.1\\@evil.org/",
		] {
			assert!(host_and_port(bad).is_err(), "{bad} was accepted");
		}
	}

	#[test]
	fn only_public_addresses_pass() {
		for inside in [
			"127.0.0.1",
			"10.1.2.3",
			"172.16.0.1",
			"192.168.1.1",
			"169.254.169.254",
			"100.64.0.1",
			"0.0.0.0",
			"224.0.0.1",
			"255.255.255.255",
			"::1",
			"::",
			"fe80::1",
			"fd00::1",
			"::ffff:127.0.0.1",
			"::ffff:169.254.169.254",
		] {
			assert!(!is_public(inside.parse().expect("an address")), "{inside} passed");
		}
		for outside in ["1.1.1.1", "93.184.216.34", "2606:4700:4700::1111"] {
			assert!(is_public(outside.parse().expect("an address")), "{outside} refused");
		}
	}

	#[tokio::test]
	async fn a_name_for_loopback_is_refused() {
		let refused = checked_address("http://localhost:9944/", false).await.expect_err("loopback");
		assert!(refused.contains("not a public address"), "{refused}");
		let refused = checked_address("http://169.254.169.254/latest/meta-data/", false)
			.await
			.expect_err("metadata endpoint");
		assert!(refused.contains("not a public address"), "{refused}");
		// A provider that allows its own network.
		let allowed = checked_address("http://127.0.0.1:8080/data", true).await.expect("allowed");
		assert_eq!(allowed.2, IpAddr::V4(Ipv4Addr::LOCALHOST));
	}
}
