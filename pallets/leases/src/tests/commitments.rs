//! What the market tells the registry about a provider's business.

use super::*;

fn active(provider: AccountId) -> u32 {
	<Leases as ProviderCommitments<AccountId>>::active_commitments(&provider)
}

fn is_committed(provider: AccountId, id: u8) -> bool {
	<Leases as ProviderCommitments<AccountId>>::is_gpu_committed(&provider, &H256::repeat_byte(id))
}

#[test]
fn count_bids_offers_and_leases() {
	new_test_ext().execute_with(|| {
		assert_eq!(active(PROVIDER_A), 0);
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1]);
		assert_eq!(active(PROVIDER_A), 1);
		let offer = list(AGENT_A, &[2, 3], PRICE, 100);
		assert_eq!(active(PROVIDER_A), 2);
		let lease_id = rent(TENANT_2, offer, 1, 50);
		assert_eq!(active(PROVIDER_A), 3);
		assert!(is_committed(PROVIDER_A, 1));
		assert!(is_committed(PROVIDER_A, 2));
		assert!(is_committed(PROVIDER_A, 3));
		assert!(!is_committed(PROVIDER_A, 4));
		assert!(!is_committed(PROVIDER_B, 1));

		assert_ok!(Leases::withdraw_bid(signed(AGENT_A), order));
		assert_eq!(active(PROVIDER_A), 2);
		assert!(!is_committed(PROVIDER_A, 1));
		close(TENANT_2, lease_id);
		assert_eq!(active(PROVIDER_A), 1);
		// Back in the offer, the GPU is still committed.
		assert!(is_committed(PROVIDER_A, 2));
		assert_ok!(Leases::unlist_offer(signed(AGENT_A), offer));
		assert_eq!(active(PROVIDER_A), 0);
		assert!(!is_committed(PROVIDER_A, 2));
	});
}
