//! `list_offer`, `unlist_offer` and `rent`.

use super::*;

#[test]
fn listing_commits_the_gpus() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
		assert_eq!(
			Offers::<Test>::get(offer),
			Some(Offer {
				provider: PROVIDER_A,
				available: hashes(&[1, 2, 3]),
				rented: 0,
				price_per_gpu_hour: PRICE,
				max_duration: 500,
				listed_at: 1,
			})
		);
		assert_eq!(NextOfferId::<Test>::get(), offer + 1);
		assert_eq!(book(PROVIDER_A), book_of(0, 1, &[], 3));
		assert_eq!(
			commitments(PROVIDER_A),
			vec![
				(1, Commitment::Offer(offer)),
				(2, Commitment::Offer(offer)),
				(3, Commitment::Offer(offer))
			]
		);
		System::assert_last_event(
			Event::OfferListed {
				offer,
				provider: PROVIDER_A,
				gpus: 3,
				price_per_gpu_hour: PRICE,
				max_duration: 500,
			}
			.into(),
		);
		check_invariants();
	});
}

#[test]
fn listing_needs_an_available_agent() {
	new_test_ext().execute_with(|| {
		let list_a = |agent| Leases::list_offer(signed(agent), hashes(&[1]), PRICE, 100);
		assert_noop!(list_a(STRANGER), Error::<Test>::NotAgent);
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Offline);
		assert_noop!(list_a(AGENT_A), Error::<Test>::ProviderUnavailable);
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
		MockRegistry::update(PROVIDER_A, |provider| provider.paused = true);
		assert_noop!(list_a(AGENT_A), Error::<Test>::ProviderUnavailable);
	});
}

#[test]
fn listing_rejects_bad_terms() {
	new_test_ext().execute_with(|| {
		let try_list = |gpus: &[u8], price, max_duration| {
			Leases::list_offer(signed(AGENT_A), hashes(gpus), price, max_duration)
		};
		assert_noop!(try_list(&[], PRICE, 100), Error::<Test>::ZeroGpus);
		assert_noop!(try_list(&[1], 0, 100), Error::<Test>::ZeroPrice);
		assert_noop!(try_list(&[1], PRICE, 0), Error::<Test>::ZeroDuration);
		assert_noop!(try_list(&[1], PRICE, MAX_LEASE_DURATION + 1), Error::<Test>::DurationTooLong);
		assert_noop!(try_list(&[1, 2], Balance::MAX / 2, 2), Error::<Test>::PriceOverflow);
		assert_noop!(try_list(&[1, 1], PRICE, 100), Error::<Test>::DuplicateGpu);
		assert_noop!(try_list(&[1, 0x21], PRICE, 100), Error::<Test>::UnknownGpu);
		assert_ok!(try_list(&[1], PRICE, MAX_LEASE_DURATION));
	});
}

#[test]
fn listing_limits_offers_and_committed_gpus() {
	new_test_ext().execute_with(|| {
		list(AGENT_A, &[1], PRICE, 100);
		assert_noop!(
			Leases::list_offer(signed(AGENT_A), hashes(&[1]), PRICE, 100),
			Error::<Test>::GpuCommitted
		);
		let order = order(1, 100, PRICE, 10, false);
		bid(AGENT_A, order, PRICE, &[2]);
		assert_noop!(
			Leases::list_offer(signed(AGENT_A), hashes(&[2]), PRICE, 100),
			Error::<Test>::GpuCommitted
		);
		list(AGENT_A, &[3], PRICE, 100);
		assert_noop!(
			Leases::list_offer(signed(AGENT_A), hashes(&[4]), PRICE, 100),
			Error::<Test>::TooManyOffers
		);
	});
}

#[test]
fn unlisting_frees_the_gpus() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2], PRICE, 100);
		assert_ok!(Leases::unlist_offer(signed(AGENT_A), offer));
		System::assert_last_event(Event::OfferUnlisted { offer, provider: PROVIDER_A }.into());
		assert!(!Offers::<Test>::contains_key(offer));
		assert!(commitments(PROVIDER_A).is_empty());
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
		check_invariants();
		list(AGENT_A, &[1, 2], PRICE, 100);
	});
}

#[test]
fn unlisting_needs_the_offers_agent() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1], PRICE, 100);
		assert_noop!(Leases::unlist_offer(signed(STRANGER), offer), Error::<Test>::NotAgent);
		assert_noop!(Leases::unlist_offer(signed(AGENT_A), 9), Error::<Test>::UnknownOffer);
		assert_noop!(Leases::unlist_offer(signed(AGENT_B), offer), Error::<Test>::NotOfferProvider);
	});
}

#[test]
fn unlisting_leaves_running_leases_alone() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
		let lease_id = rent(TENANT, offer, 2, 100);
		assert_ok!(Leases::unlist_offer(signed(AGENT_A), offer));
		assert!(is_running(lease_id));
		assert_eq!(
			commitments(PROVIDER_A),
			vec![(1, Commitment::Lease(lease_id)), (2, Commitment::Lease(lease_id))]
		);
		assert_eq!(book(PROVIDER_A), book_of(0, 0, &[lease_id], 2));

		// At its end the lease's GPUs are free, with no offer to go back to.
		run_to_block(101);
		assert_eq!(closed(), vec![(lease_id, CloseReason::Expired)]);
		assert!(commitments(PROVIDER_A).is_empty());
		assert!(!Books::<Test>::contains_key(PROVIDER_A));
	});
}

#[test]
fn renting_starts_a_lease_on_the_first_listed_gpus() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
		run_to_block(5);
		let lease_id = rent(TENANT, offer, 2, 300);

		let escrow = 2 * 300 * PER_GPU_BLOCK;
		assert_eq!(escrow_held(TENANT), escrow);
		assert_eq!(deposit_held(TENANT), STORAGE_DEPOSIT);
		assert_eq!(free(TENANT), INITIAL_BALANCE - escrow - STORAGE_DEPOSIT);
		let record = lease(lease_id);
		assert_eq!(record.origin, LeaseOrigin::Offer(offer));
		assert_eq!(record.gpus, hashes(&[1, 2]));
		assert_eq!((record.start, record.end, record.escrow), (5, 305, escrow));
		assert_eq!(record.next_check, Some(305));
		let listed = Offers::<Test>::get(offer).expect("offer is listed");
		assert_eq!((listed.available, listed.rented), (hashes(&[3]), 2));
		assert_eq!(
			commitments(PROVIDER_A),
			vec![
				(1, Commitment::Lease(lease_id)),
				(2, Commitment::Lease(lease_id)),
				(3, Commitment::Offer(offer))
			]
		);
		assert_eq!(book(PROVIDER_A), book_of(0, 1, &[lease_id], 3));
		System::assert_last_event(
			Event::LeaseStarted {
				lease: lease_id,
				tenant: TENANT,
				provider: PROVIDER_A,
				origin: LeaseOrigin::Offer(offer),
				gpus: 2,
				price_per_gpu_hour: PRICE,
				end: 305,
				escrow,
			}
			.into(),
		);
		check_invariants();
	});
}

#[test]
fn rented_gpus_return_to_the_offer() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
		let closed_early = rent(TENANT, offer, 2, 100);
		close(TENANT, closed_early);
		let listed = Offers::<Test>::get(offer).expect("offer is listed");
		assert_eq!((listed.available, listed.rented), (hashes(&[3, 1, 2]), 0));
		assert_eq!(
			commitments(PROVIDER_A),
			vec![
				(1, Commitment::Offer(offer)),
				(2, Commitment::Offer(offer)),
				(3, Commitment::Offer(offer))
			]
		);
		assert_eq!(book(PROVIDER_A), book_of(0, 1, &[], 3));

		// Also when a lease expires.
		let expiring = rent(TENANT_2, offer, 1, 50);
		assert_eq!(lease(expiring).gpus, hashes(&[3]));
		run_to_block(51);
		assert!(!is_running(expiring));
		let listed = Offers::<Test>::get(offer).expect("offer is listed");
		assert_eq!((listed.available, listed.rented), (hashes(&[1, 2, 3]), 0));
		assert_eq!(book(PROVIDER_A), book_of(0, 1, &[], 3));
	});
}

#[test]
fn renting_rejects_bad_requests() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2, 3], PRICE, 500);
		assert_noop!(try_rent(TENANT, 9, 1, 100, PRICE), Error::<Test>::UnknownOffer);
		assert_noop!(try_rent(PROVIDER_A, offer, 1, 100, PRICE), Error::<Test>::OwnBusiness);
		assert_noop!(try_rent(AGENT_A, offer, 1, 100, PRICE), Error::<Test>::OwnBusiness);
		assert_noop!(try_rent(TENANT, offer, 0, 100, PRICE), Error::<Test>::ZeroGpus);
		assert_noop!(try_rent(TENANT, offer, 4, 100, PRICE), Error::<Test>::NotEnoughGpus);
		assert_noop!(try_rent(TENANT, offer, 1, 0, PRICE), Error::<Test>::ZeroDuration);
		// Longer than the offer allows, though shorter than any lease may be.
		assert_noop!(try_rent(TENANT, offer, 1, 501, PRICE), Error::<Test>::DurationTooLong);
		assert_noop!(try_rent(TENANT, offer, 1, 100, PRICE - 1), Error::<Test>::OfferAboveMaxPrice);
		assert_noop!(try_rent(POOR, offer, 1, 1, PRICE), Error::<Test>::InsufficientBalance);

		// What is rented is no longer available.
		rent(TENANT, offer, 2, 500);
		assert_noop!(try_rent(TENANT_2, offer, 2, 100, PRICE), Error::<Test>::NotEnoughGpus);
		rent(TENANT_2, offer, 1, 100);
	});
}

#[test]
fn renting_needs_a_provider_that_takes_work() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2], PRICE, 500);
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Offline);
		assert_noop!(try_rent(TENANT, offer, 1, 100, PRICE), Error::<Test>::ProviderUnavailable);
		MockRegistry::set_status(PROVIDER_A, ProviderStatus::Active);
		MockRegistry::update(PROVIDER_A, |provider| provider.paused = true);
		assert_noop!(try_rent(TENANT, offer, 1, 100, PRICE), Error::<Test>::ProviderUnavailable);
	});
}

#[test]
fn renting_fails_when_no_queue_has_room_for_the_lease_check() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1], PRICE, 500);
		// The lease would end at block 101.
		for block in 101..=101 + BlockNumber::from(DUE_SPILL_BLOCKS) {
			Due::<Test>::insert(block, stale_bucket(block));
		}
		assert_noop!(try_rent(TENANT, offer, 1, 100, PRICE), Error::<Test>::DueQueueFull);
	});
}

#[test]
fn renting_respects_the_lease_limits() {
	new_test_ext().execute_with(|| {
		let offer = list(AGENT_A, &[1, 2, 3, 4], PRICE, 500);
		let offer_b = list(AGENT_B, &[0x11, 0x12, 0x13, 0x14], PRICE, 500);
		for _ in 0..4 {
			rent(TENANT, offer_b, 1, 100);
		}
		assert_noop!(try_rent(TENANT, offer, 1, 100, PRICE), Error::<Test>::TooManyLeases);
		for _ in 0..4 {
			rent(TENANT_2, offer, 1, 100);
		}
		fund(STRANGER);
		MockRegistry::update(PROVIDER_A, |provider| {
			provider.gpus.push(gpu(RTX_4090, RTX_4090_VRAM, 8, 9, 0x05))
		});
		let more = list(AGENT_A, &[5], PRICE, 500);
		assert_noop!(try_rent(STRANGER, more, 1, 100, PRICE), Error::<Test>::ProviderLeaseLimit);
	});
}
