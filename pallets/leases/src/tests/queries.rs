//! The read-only views behind the runtime API.

use super::*;
use crate::{
	runtime_api::{OfferFilter, Page},
	IndexKey,
};

fn gpu_filter(name: &str, vram_mib: u32, major: u8, minor: u8) -> GpuFilter {
	GpuFilter {
		model: model(name),
		vram_mib,
		compute_capability: ComputeCapability::new(major, minor),
	}
}

fn ids(page: Page<OrderView<AccountId, BlockNumber>>) -> Vec<OrderId> {
	page.items.into_iter().map(|view| view.id).collect()
}

#[test]
fn open_orders_filter_best_price_first_and_page() {
	new_test_ext().execute_with(|| {
		let rtx = order_with(TENANT, of_model(RTX_4090, 2), 100, PRICE, None, 10, false);
		let h100 =
			order_with(TENANT, of_model(H100, 1), 100, 3 * PRICE, Some(b"us-east"), 10, true);
		let big_memory = order_with(
			TENANT,
			GpuRequirement { min_vram_mib: 40_000, ..any_gpus(4) },
			100,
			2 * PRICE,
			Some(b"eu-west"),
			10,
			false,
		);
		let anything = order_with(TENANT_2, any_gpus(8), 100, PRICE, None, 10, false);
		let all = vec![h100, big_memory, rtx, anything];

		// The highest price first; equal prices by age.
		assert_eq!(ids(Leases::open_orders(OrderFilter::default(), None, 10)), all);
		let rtx_filter = OrderFilter {
			gpu: Some(gpu_filter(RTX_4090, RTX_4090_VRAM, 8, 9)),
			..Default::default()
		};
		// The RTX 4090's shelf and the any-model shelf, merged by price.
		assert_eq!(ids(Leases::open_orders(rtx_filter, None, 10)), vec![rtx, anything]);
		let h100_filter =
			OrderFilter { gpu: Some(gpu_filter(H100, H100_VRAM, 9, 0)), ..Default::default() };
		assert_eq!(
			ids(Leases::open_orders(h100_filter.clone(), None, 10)),
			vec![h100, big_memory, anything]
		);
		let small = OrderFilter { max_gpus: Some(2), ..Default::default() };
		assert_eq!(ids(Leases::open_orders(small, None, 10)), vec![h100, rtx]);
		let eu = OrderFilter { region: Some(b"eu-west".to_vec()), ..Default::default() };
		assert_eq!(ids(Leases::open_orders(eu, None, 10)), vec![big_memory, rtx, anything]);
		let combined = OrderFilter {
			max_gpus: Some(4),
			region: Some(b"eu-west".to_vec()),
			..h100_filter.clone()
		};
		assert_eq!(ids(Leases::open_orders(combined, None, 10)), vec![big_memory]);

		// Paging: each page says where the next starts, the last says none does.
		let first = Leases::open_orders(OrderFilter::default(), None, 2);
		assert_eq!(ids(first.clone()), vec![h100, big_memory]);
		assert_eq!(first.next, Some(IndexKey::order(2 * PRICE, big_memory)));
		let second = Leases::open_orders(OrderFilter::default(), first.next, 2);
		assert_eq!(ids(second.clone()), vec![rtx, anything]);
		assert_eq!(second.next, None);
		let merged = Leases::open_orders(h100_filter, Some(IndexKey::order(3 * PRICE, h100)), 1);
		assert_eq!(
			(ids(merged.clone()), merged.next),
			(vec![big_memory], Some(IndexKey::order(2 * PRICE, big_memory)))
		);
		let empty = Leases::open_orders(OrderFilter::default(), None, 0);
		assert!(empty.items.is_empty() && empty.next.is_none());

		// A closed order leaves the index.
		assert_ok!(Leases::cancel_order(signed(TENANT), h100));
		assert_eq!(
			ids(Leases::open_orders(OrderFilter::default(), None, 10)),
			vec![big_memory, rtx, anything]
		);
		check_invariants();

		// What a view holds.
		let h100 = order_with(TENANT, of_model(H100, 1), 100, PRICE, Some(b"us-east"), 10, true);
		MockRegistry::update(PROVIDER_C, |provider| provider.region = b"us-east".to_vec());
		bid(AGENT_C, h100, PRICE, &[0x21]);
		assert_eq!(
			Leases::order_view_of(h100),
			Some(OrderView {
				id: h100,
				tenant: TENANT,
				requirement: of_model(H100, 1),
				duration: 100,
				max_price_per_gpu_hour: PRICE,
				manifest_hash: manifest(),
				region: Some(b"us-east".to_vec()),
				auto_award: true,
				bid_window_end: 11,
				bids: 1,
			})
		);
		assert_eq!(Leases::order_view_of(99), None);
	});
}

#[test]
fn bids_of_ranks_the_bids() {
	new_test_ext().execute_with(|| {
		MockStake::set_backing(PROVIDER_B, 100);
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, 500_000, &[1]);
		bid(AGENT_C, order, 400_000, &[0x21]);
		run_to_block(2);
		bid(AGENT_B, order, 400_000, &[0x11]);
		assert_eq!(
			Leases::bids_of(order),
			vec![
				BidView {
					provider: PROVIDER_B,
					price_per_gpu_hour: 400_000,
					gpus: vec![H256::repeat_byte(0x11)],
					placed_at: 2,
				},
				BidView {
					provider: PROVIDER_C,
					price_per_gpu_hour: 400_000,
					gpus: vec![H256::repeat_byte(0x21)],
					placed_at: 1,
				},
				BidView {
					provider: PROVIDER_A,
					price_per_gpu_hour: 500_000,
					gpus: vec![H256::repeat_byte(1)],
					placed_at: 1,
				},
			]
		);
		assert!(Leases::bids_of(9).is_empty());
	});
}

#[test]
fn leases_of_lists_tenant_and_provider_leases() {
	new_test_ext().execute_with(|| {
		let first = lease_on_a(&[1], 1_000);
		let second = lease_with(TENANT_2, AGENT_A, PROVIDER_A, &[2], 1_000);
		let third = lease_with(TENANT, AGENT_B, PROVIDER_B, &[0x11], 500);
		let lease_ids = |who| -> Vec<LeaseId> {
			Leases::leases_of(&who).into_iter().map(|view| view.id).collect()
		};
		assert_eq!(lease_ids(TENANT), vec![first, third]);
		assert_eq!(lease_ids(TENANT_2), vec![second]);
		assert_eq!(lease_ids(PROVIDER_A), vec![first, second]);
		assert_eq!(lease_ids(PROVIDER_B), vec![third]);
		assert!(lease_ids(STRANGER).is_empty());

		let view = Leases::lease_view_of(third).expect("lease is running");
		assert_eq!((view.tenant, view.provider, view.end), (TENANT, PROVIDER_B, 501));
		assert_eq!((view.escrow, view.funded_until), (500 * PER_GPU_BLOCK, 501));
		assert_eq!(Leases::lease_view_of(7), None);
	});
}

#[test]
fn offers_list_unrented_gpus_cheapest_first_and_page() {
	new_test_ext().execute_with(|| {
		let first = list(AGENT_A, &[1, 2], PRICE, 500);
		let second = list(AGENT_C, &[0x21], 900_000, 100);
		let cheapest = list(AGENT_B, &[0x11], PRICE / 2, 100);
		rent(TENANT, first, 1, 100);

		// The rent took the first listed GPU.
		let spare_rtx = vec![gpu(RTX_4090, RTX_4090_VRAM, 8, 9, 2)];
		let h100 = vec![gpu(H100, H100_VRAM, 9, 0, 0x21)];
		let all = Leases::offers(OfferFilter::default(), None, 10);
		assert_eq!(all.next, None);
		assert_eq!(
			all.items.iter().map(|view| view.id).collect::<Vec<_>>(),
			vec![cheapest, first, second]
		);
		assert_eq!(
			all.items[1..],
			[
				OfferView {
					id: first,
					provider: PROVIDER_A,
					available: spare_rtx,
					rented: 1,
					price_per_gpu_hour: PRICE,
					max_duration: 500,
				},
				OfferView {
					id: second,
					provider: PROVIDER_C,
					available: h100,
					rented: 0,
					price_per_gpu_hour: 900_000,
					max_duration: 100,
				},
			]
		);
		let offer_ids = |filter: OfferFilter, after, limit| -> (Vec<OfferId>, Option<IndexKey>) {
			let page = Leases::offers(filter, after, limit);
			(page.items.into_iter().map(|view| view.id).collect(), page.next)
		};
		let any = OfferFilter::default;
		assert_eq!(
			offer_ids(any(), None, 1),
			(vec![cheapest], Some(IndexKey::offer(PRICE / 2, cheapest)))
		);
		assert_eq!(
			offer_ids(any(), Some(IndexKey::offer(PRICE / 2, cheapest)), 10),
			(vec![first, second], None)
		);
		assert_eq!(offer_ids(any(), Some(IndexKey::offer(900_000, second)), 10), (vec![], None));
		// Filters: a model among the unrented GPUs, enough of them, a price limit that ends
		// the listing where the prices pass it.
		let h100s = OfferFilter { model: Some(model(H100)), ..any() };
		assert_eq!(offer_ids(h100s, None, 10), (vec![second], None));
		let two = OfferFilter { min_gpus: Some(2), ..any() };
		assert_eq!(offer_ids(two, None, 10), (vec![], None));
		let cheap = OfferFilter { max_price_per_gpu_hour: Some(PRICE), ..any() };
		assert_eq!(offer_ids(cheap, None, 10), (vec![cheapest, first], None));

		// An unlisted offer leaves the index.
		assert_ok!(Leases::unlist_offer(signed(AGENT_C), second));
		assert_eq!(offer_ids(any(), None, 10), (vec![cheapest, first], None));
		check_invariants();
	});
}

#[test]
fn free_gpus_excludes_committed_ones() {
	new_test_ext().execute_with(|| {
		let order = order(2, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[1, 2]);
		let spare = rtx4090s(0x01).split_off(2);
		assert_eq!(
			Leases::free_gpus(&PROVIDER_A),
			Some(FreeGpus { gpus: spare.clone(), accepts_work: true })
		);
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Offline);
		assert_eq!(
			Leases::free_gpus(&PROVIDER_A),
			Some(FreeGpus { gpus: spare, accepts_work: false })
		);
		assert_eq!(
			Leases::free_gpus(&PROVIDER_C),
			Some(FreeGpus { gpus: h100s(0x21), accepts_work: true })
		);
		assert_eq!(Leases::free_gpus(&STRANGER), None);
	});
}

#[test]
fn quote_summarises_recent_prices_that_meet_the_requirement() {
	new_test_ext().execute_with(|| {
		assert_eq!(Leases::quote(&of_model(RTX_4090, 1), 600), None);
		lease_at(TENANT, AGENT_A, PROVIDER_A, &[1], 500_000, 100);
		lease_at(TENANT, AGENT_B, PROVIDER_B, &[0x11], 300_000, 100);
		lease_at(TENANT_2, AGENT_A, PROVIDER_A, &[2], 400_000, 100);
		lease_at(TENANT_2, AGENT_C, PROVIDER_C, &[0x21], 900_000, 100);

		// The three RTX 4090 leases; 2 GPUs for an hour at the median.
		assert_eq!(
			Leases::quote(&of_model(RTX_4090, 2), 600),
			Some(PriceQuote {
				samples: 3,
				min: 300_000,
				median: 400_000,
				max: 500_000,
				estimated_cost: 800_000,
			})
		);
		// Only the H100 has 40 GiB.
		let big_memory = GpuRequirement { min_vram_mib: 40_000, ..any_gpus(1) };
		assert_eq!(
			Leases::quote(&big_memory, 60),
			Some(PriceQuote {
				samples: 1,
				min: 900_000,
				median: 900_000,
				max: 900_000,
				estimated_cost: 90_000,
			})
		);
		assert_eq!(Leases::quote(&any_gpus(1), 600).map(|quote| quote.samples), Some(4));
		assert_eq!(Leases::quote(&of_model("NVIDIA A100", 1), 600), None);
	});
}
