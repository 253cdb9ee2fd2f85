//! Version 1 moves each lease's last attestation into its provider's book; version 2 indexes
//! the open orders and the listed offers.

use super::*;
use crate::{
	migrations::{
		v1::{InnerMigrateV0ToV1, LeaseV0, ProviderBookV0},
		v2::InnerMigrateV1ToV2,
	},
	runtime_api::{OfferFilter, OrderFilter},
	OfferIndex, OrderIndex,
};
use codec::Encode;
use frame_support::{
	storage::unhashed,
	traits::{StorageVersion, UncheckedOnRuntimeUpgrade},
};

#[test]
fn version_1_moves_each_attestation_into_the_book() {
	new_test_ext().execute_with(|| {
		let attested = lease_on_a(&[1], 1_000);
		let silent = lease_on_a(&[2], 1_000);
		run_to_block(21);
		let (attested_now, silent_now) = (lease(attested), lease(silent));
		let book_now = book(PROVIDER_A);

		// Version 0 state: the attestation lives in the lease, the book lists ids.
		let old = |record: &Lease<Test>, last_attested, last_report| LeaseV0::<Test> {
			tenant: record.tenant,
			provider: record.provider,
			origin: record.origin,
			gpus: record.gpus.clone(),
			price_per_gpu_hour: record.price_per_gpu_hour,
			manifest_hash: record.manifest_hash,
			start: record.start,
			end: record.end,
			escrow: record.escrow,
			deposit: record.deposit,
			settled_until: record.settled_until,
			paid_blocks: record.paid_blocks,
			downtime_blocks: record.downtime_blocks,
			paid: record.paid,
			fees: record.fees,
			last_attested,
			last_report,
			status: record.status,
			next_check: record.next_check,
		};
		let report = UsageReport {
			at: 20,
			status: WorkloadStatus::Running,
			gpu_utilization_pct: 77,
			memory_used_mib: 1_234,
		};
		unhashed::put_raw(
			&crate::Leases::<Test>::hashed_key_for(attested),
			&old(&attested_now, 20, Some(report)).encode(),
		);
		unhashed::put_raw(
			&crate::Leases::<Test>::hashed_key_for(silent),
			&old(&silent_now, 1, None).encode(),
		);
		let old_book = ProviderBookV0::<Test> {
			bids: book_now.bids,
			offers: book_now.offers,
			leases: BoundedVec::truncate_from(vec![attested, silent]),
			committed_gpus: book_now.committed_gpus,
		};
		unhashed::put_raw(&Books::<Test>::hashed_key_for(PROVIDER_A), &old_book.encode());
		StorageVersion::new(0).put::<Leases>();

		InnerMigrateV0ToV1::<Test>::on_runtime_upgrade();

		assert_eq!((lease(attested), lease(silent)), (attested_now, silent_now));
		assert_eq!(running(attested).attested_at, 20);
		assert_eq!(running(attested).report(), Some(report));
		assert_eq!(running(silent), RunningLease::started(silent, 1));
		check_invariants();
	});
}

#[test]
fn version_2_indexes_the_open_orders_and_offers() {
	new_test_ext().execute_with(|| {
		let cheap = order(1, 100, PRICE, 10, false);
		let dear = order_with(TENANT_2, of_model(H100, 1), 100, 2 * PRICE, None, 10, false);
		let offer = list(AGENT_A, &[1, 2], PRICE, 500);

		// Version 1 state: no indexes.
		let _ = OrderIndex::<Test>::clear(u32::MAX, None);
		let _ = OfferIndex::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Leases>();
		assert!(Leases::open_orders(OrderFilter::default(), None, 10).items.is_empty());

		InnerMigrateV1ToV2::<Test>::on_runtime_upgrade();

		let orders = Leases::open_orders(OrderFilter::default(), None, 10);
		assert_eq!(orders.items.iter().map(|view| view.id).collect::<Vec<_>>(), vec![dear, cheap]);
		let offers = Leases::offers(OfferFilter::default(), None, 10);
		assert_eq!(offers.items.iter().map(|view| view.id).collect::<Vec<_>>(), vec![offer]);
		check_invariants();
	});
}
