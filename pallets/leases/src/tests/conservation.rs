//! Money over a lease's whole life.

use super::*;

#[test]
fn the_tenant_pays_exactly_what_the_provider_gets_and_the_fees_burn() {
	new_test_ext().execute_with(|| {
		// A price that leaves remainders everywhere: 3 GPUs for 250 blocks.
		let price = 1_000_003;
		let (gpus, duration) = (3, 250);
		let issuance_before = issuance();
		let offer = list(AGENT_A, &[1, 2, 3], price, 1_000);
		let lease_id = NextLeaseId::<Test>::get();
		assert_ok!(try_rent(TENANT, offer, gpus, duration, price));
		let escrow = pricing::cost_ceil(price, gpus, 250, BLOCKS_PER_HOUR).expect("fits");
		assert_eq!(escrow_held(TENANT), escrow);

		// Attestations at irregular times, each within the tolerance of the last.
		for block in [7, 58, 133, 200] {
			run_to_block(block);
			attest(PROVIDER_A, lease_id, block);
		}
		run_to_block(1 + duration);
		assert!(!is_running(lease_id));

		let owed = pricing::cost(price, gpus, 250, BLOCKS_PER_HOUR).expect("fits");
		let tenant_spent = INITIAL_BALANCE - free(TENANT);
		let provider_received = free(PROVIDER_A) - INITIAL_BALANCE;
		let fees = issuance_before - issuance();
		assert_eq!(escrow_held(TENANT) + deposit_held(TENANT), 0);
		assert_eq!(tenant_spent, owed);
		assert_eq!(tenant_spent, provider_received + fees);
		assert!(fees > 0);
		// The rounding of the escrow is returned.
		assert_eq!(escrow - owed, 1);
		System::assert_has_event(
			Event::LeaseClosed {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				reason: CloseReason::Expired,
				paid: owed,
				fees,
				refunded: escrow - owed,
			}
			.into(),
		);
		let delivered = MockDelivery::taken();
		assert_eq!(delivered.iter().map(|report| report.paid).sum::<Balance>(), owed);
		assert_eq!(delivered.iter().map(|report| report.fee).sum::<Balance>(), fees);
		assert_eq!(
			delivered.iter().map(|report| report.gpu_blocks).sum::<u64>(),
			u64::from(gpus) * duration
		);
		assert!(delivered.iter().all(|report| report.provider == PROVIDER_A
			&& report.tenant == TENANT
			&& report.lease == lease_id));
	});
}
