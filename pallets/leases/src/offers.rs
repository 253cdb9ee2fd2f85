//! Direct rent: GPUs listed at a fixed price and leased at once.

use crate::{lease::NewLease, *};
use ember_primitives::{Balance, OfferId, ProviderRegistry};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_list_offer(
		agent: T::AccountId,
		gpus: LeaseGpusOf<T>,
		price_per_gpu_hour: Balance,
		max_duration: BlockNumberFor<T>,
	) -> DispatchResult {
		let provider = Self::provider_of_agent(&agent)?;
		ensure!(T::Registry::accepts_work(&provider), Error::<T>::ProviderUnavailable);
		ensure!(!gpus.is_empty(), Error::<T>::ZeroGpus);
		ensure!(price_per_gpu_hour > 0, Error::<T>::ZeroPrice);
		Self::ensure_duration(max_duration, T::MaxLeaseDuration::get())?;
		let count = u32::try_from(gpus.len()).unwrap_or(u32::MAX);
		// Every rent of this offer then fits in a balance.
		pricing::cost_ceil(
			price_per_gpu_hour,
			count,
			max_duration.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.ok_or(Error::<T>::PriceOverflow)?;
		ensure!(
			Books::<T>::get(&provider).offers < T::MaxOffersPerProvider::get(),
			Error::<T>::TooManyOffers
		);
		Self::ensure_gpus_free(&provider, &gpus, None)?;

		let offer_id = NextOfferId::<T>::get();
		Self::commit_gpus(&provider, &gpus, Commitment::Offer(offer_id));
		Books::<T>::mutate(&provider, |book| book.offers.saturating_inc());
		let now = frame_system::Pallet::<T>::block_number();
		let offer = Offer {
			provider: provider.clone(),
			available: gpus,
			rented: 0,
			price_per_gpu_hour,
			max_duration,
			listed_at: now,
		};
		Self::index_offer(offer_id, &offer);
		Offers::<T>::insert(offer_id, offer);
		NextOfferId::<T>::put(offer_id.saturating_add(1));

		Self::deposit_event(Event::OfferListed {
			offer: offer_id,
			provider,
			gpus: count,
			price_per_gpu_hour,
			max_duration,
		});
		Ok(())
	}

	pub(crate) fn do_unlist_offer(agent: T::AccountId, offer_id: OfferId) -> DispatchResult {
		let provider = Self::provider_of_agent(&agent)?;
		let offer = Offers::<T>::get(offer_id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(offer.provider == provider, Error::<T>::NotOfferProvider);

		Self::uncommit_gpus(&provider, &offer.available);
		Self::mutate_book(&provider, |book| book.offers.saturating_dec());
		Offers::<T>::remove(offer_id);
		Self::unindex_offer(offer_id, &offer);
		Self::deposit_event(Event::OfferUnlisted { offer: offer_id, provider });
		Ok(())
	}

	pub(crate) fn do_rent(
		tenant: T::AccountId,
		offer_id: OfferId,
		gpus: u32,
		duration: BlockNumberFor<T>,
		max_price_per_gpu_hour: Balance,
		manifest_hash: H256,
	) -> DispatchResult {
		let mut offer = Offers::<T>::get(offer_id).ok_or(Error::<T>::UnknownOffer)?;
		let provider = offer.provider.clone();
		ensure!(
			tenant != provider
				&& T::Registry::provider_of_agent(&tenant).as_ref() != Some(&provider),
			Error::<T>::OwnBusiness
		);
		ensure!(T::Registry::accepts_work(&provider), Error::<T>::ProviderUnavailable);
		ensure!(gpus > 0, Error::<T>::ZeroGpus);
		let available = u32::try_from(offer.available.len()).unwrap_or(u32::MAX);
		ensure!(gpus <= available, Error::<T>::NotEnoughGpus);
		Self::ensure_duration(duration, offer.max_duration)?;
		ensure!(offer.price_per_gpu_hour <= max_price_per_gpu_hour, Error::<T>::OfferAboveMaxPrice);
		let escrow = pricing::cost_ceil(
			offer.price_per_gpu_hour,
			gpus,
			duration.saturated_into(),
			T::BlocksPerHour::get(),
		)
		.ok_or(Error::<T>::PriceOverflow)?;
		Self::ensure_lease_room(&tenant, &provider)?;
		let deposit = T::StorageDeposit::get();
		Self::hold_escrow_and_deposit(&tenant, escrow, deposit)?;

		// The first `gpus` listed GPUs that may be leased now (proven, and in no challenge's
		// first blocks) go to the lease; the rest stay listed, in order.
		let wanted = usize::try_from(gpus).unwrap_or(usize::MAX);
		let (mut leased, mut rest) = (alloc::vec::Vec::new(), alloc::vec::Vec::new());
		let inventory = T::Registry::gpus(&provider);
		for hash in core::mem::take(&mut offer.available) {
			if leased.len() < wanted && Self::ensure_leasable(&provider, &inventory, &hash).is_ok()
			{
				leased.push(hash);
			} else {
				rest.push(hash);
			}
		}
		ensure!(leased.len() == wanted, Error::<T>::GpuNotProven);
		offer.available = LeaseGpusOf::<T>::truncate_from(rest);
		let leased = LeaseGpusOf::<T>::truncate_from(leased);
		offer.rented = offer.rented.saturating_add(gpus);
		let price_per_gpu_hour = offer.price_per_gpu_hour;
		Offers::<T>::insert(offer_id, offer);

		Self::start_lease(NewLease {
			tenant,
			provider,
			origin: LeaseOrigin::Offer(offer_id),
			gpus: leased,
			price_per_gpu_hour,
			manifest_hash,
			duration,
			escrow,
			deposit,
			first_settlement: None,
		})?;
		Ok(())
	}
}
