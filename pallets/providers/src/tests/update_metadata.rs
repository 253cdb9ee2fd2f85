//! `update_metadata`: only the owner, only valid metadata.

use super::*;

#[test]
fn replaces_the_metadata() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let addresses = multiaddrs(&[b"/ip6/::1/tcp/4001", b"/ip4/1.2.3.4/udp/4001/quic-v1"]);
		assert_ok!(Providers::update_metadata(
			RuntimeOrigin::signed(OWNER),
			region(b"us-east"),
			peer_id(b"12D3KooWNewPeer"),
			addresses.clone(),
		));
		assert_eq!(
			Metadata::<Test>::get(OWNER),
			Some(ProviderMetadata {
				region: region(b"us-east"),
				peer_id: peer_id(b"12D3KooWNewPeer"),
				multiaddrs: addresses,
			})
		);
		System::assert_last_event(Event::MetadataUpdated { provider: OWNER }.into());
	});
}

#[test]
fn fails_for_an_unregistered_account() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Providers::update_metadata(
				RuntimeOrigin::signed(OWNER),
				region(b"us-east"),
				peer_id(b"peer"),
				multiaddrs(&[]),
			),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn fails_for_the_agent_key() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_noop!(
			Providers::update_metadata(
				RuntimeOrigin::signed(AGENT),
				region(b"us-east"),
				peer_id(b"peer"),
				multiaddrs(&[]),
			),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn rejects_invalid_metadata() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		let update = |region_label: &[u8], peer: &[u8], addresses: &[&[u8]]| {
			Providers::update_metadata(
				RuntimeOrigin::signed(OWNER),
				region(region_label),
				peer_id(peer),
				multiaddrs(addresses),
			)
		};
		assert_noop!(update(b"", b"peer", &[]), Error::<Test>::EmptyRegion);
		assert_noop!(update(b"us-east", b"", &[]), Error::<Test>::EmptyPeerId);
		assert_noop!(update(b"us-east", b"peer", &[b""]), Error::<Test>::EmptyMultiaddr);
	});
}
