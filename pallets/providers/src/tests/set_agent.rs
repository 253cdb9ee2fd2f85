//! `set_agent`: the agent role moves, and only to an account free to take it.

use super::*;

#[test]
fn moves_the_agent_role() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		assert_ok!(Providers::set_agent(RuntimeOrigin::signed(OWNER), OTHER_AGENT));
		assert_eq!(info(OWNER).agent, OTHER_AGENT);
		assert_eq!(ProviderOfAgent::<Test>::get(OTHER_AGENT), Some(OWNER));
		assert_eq!(ProviderOfAgent::<Test>::get(AGENT), None);
		System::assert_last_event(
			Event::AgentChanged { provider: OWNER, old_agent: AGENT, new_agent: OTHER_AGENT }
				.into(),
		);

		// The old key no longer acts for the provider; the new one does.
		System::set_block_number(next_period_start());
		assert_noop!(heartbeat(AGENT), Error::<Test>::NotAgent);
		assert_ok!(heartbeat(OTHER_AGENT));
	});
}

#[test]
fn fails_for_an_unregistered_account() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Providers::set_agent(RuntimeOrigin::signed(OWNER), OTHER_AGENT),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn rejects_unavailable_agents() {
	ExtBuilder.build_and_execute(|| {
		register_provider(OWNER, AGENT, 1);
		register_provider(OTHER_OWNER, OTHER_AGENT, 1);
		let set = |agent| Providers::set_agent(RuntimeOrigin::signed(OWNER), agent);
		assert_noop!(set(OWNER), Error::<Test>::AgentIsOwner);
		assert_noop!(set(AGENT), Error::<Test>::AgentInUse);
		assert_noop!(set(OTHER_AGENT), Error::<Test>::AgentInUse);
		assert_noop!(set(OTHER_OWNER), Error::<Test>::AgentIsProvider);
	});
}
