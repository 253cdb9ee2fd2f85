//! Ordered indexes of the open orders and the listed offers, so that a provider reads the orders
//! its GPUs can serve best price first, and a tenant the cheapest offers, a page at a time,
//! without the runtime reading or sorting the whole market.
//!
//! An index entry's key is an [`IndexKey`] stored unhashed (`Identity`). Storage keys sort by
//! their bytes and an `IndexKey`'s bytes sort in the index's order, so reading on from a key
//! reads the next entries in order. Orders sit on two shelves each (every order, and the
//! orders of the model they name or of any model); offers on one.

use crate::{queries::MAX_QUERY_RESULTS, runtime_api::*, *};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use ember_primitives::{Balance, GpuModelName, OfferId, OrderId, ProviderRegistry};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// Most index entries one query looks at; a page that stops here says where to go on.
pub const MAX_QUERY_SCAN: usize = 1_024;

/// A place in an index: the price in the index's order, then the id. Its bytes sort as the index
/// does (big-endian numbers), which is what makes a storage key of it ordered.
#[derive(
	Clone,
	Copy,
	Debug,
	Decode,
	DecodeWithMemTracking,
	Encode,
	Eq,
	MaxEncodedLen,
	Ord,
	PartialEq,
	PartialOrd,
	TypeInfo,
)]
pub struct IndexKey(pub [u8; 24]);

impl IndexKey {
	/// An order's place: the highest price first, then the oldest.
	pub fn order(max_price_per_gpu_hour: Balance, id: OrderId) -> Self {
		Self::new(Balance::MAX - max_price_per_gpu_hour, id)
	}

	/// An offer's place: the lowest price first, then the oldest.
	pub fn offer(price_per_gpu_hour: Balance, id: OfferId) -> Self {
		Self::new(price_per_gpu_hour, id)
	}

	fn new(rank: Balance, id: u64) -> Self {
		let mut bytes = [0u8; 24];
		bytes[..16].copy_from_slice(&rank.to_be_bytes());
		bytes[16..].copy_from_slice(&id.to_be_bytes());
		Self(bytes)
	}

	/// The order or offer at this place.
	pub fn id(&self) -> u64 {
		let mut id = [0u8; 8];
		id.copy_from_slice(&self.0[16..]);
		u64::from_be_bytes(id)
	}
}

/// Which orders an [`OrderIndex`] shelf holds.
#[derive(
	Clone, Debug, Decode, DecodeWithMemTracking, Encode, Eq, MaxEncodedLen, PartialEq, TypeInfo,
)]
pub enum Shelf {
	/// Every open order.
	All,
	/// The orders that take any model.
	AnyModel,
	/// The orders naming this model.
	Model(GpuModelName),
}

impl Shelf {
	/// The shelves an order sits on.
	fn of(requirement: &GpuRequirement) -> [Shelf; 2] {
		[Shelf::All, requirement.model.clone().map_or(Shelf::AnyModel, Shelf::Model)]
	}
}

impl<T: Config> Pallet<T> {
	/// Puts an order in the index.
	pub(crate) fn index_order(id: OrderId, order: &Order<T>) {
		let key = IndexKey::order(order.max_price_per_gpu_hour, id);
		for shelf in Shelf::of(&order.requirement) {
			OrderIndex::<T>::insert(shelf, key, ());
		}
	}

	/// Takes an order out of the index.
	pub(crate) fn unindex_order(id: OrderId, order: &Order<T>) {
		let key = IndexKey::order(order.max_price_per_gpu_hour, id);
		for shelf in Shelf::of(&order.requirement) {
			OrderIndex::<T>::remove(shelf, key);
		}
	}

	/// Puts an offer in the index.
	pub(crate) fn index_offer(id: OfferId, offer: &Offer<T>) {
		OfferIndex::<T>::insert(IndexKey::offer(offer.price_per_gpu_hour, id), ());
	}

	/// Takes an offer out of the index.
	pub(crate) fn unindex_offer(id: OfferId, offer: &Offer<T>) {
		OfferIndex::<T>::remove(IndexKey::offer(offer.price_per_gpu_hour, id));
	}

	/// Open orders matching `filter`, the best price first, after `after`, at most `limit`.
	pub fn open_orders(
		filter: OrderFilter,
		after: Option<IndexKey>,
		limit: u32,
	) -> Page<OrderView<T::AccountId, BlockNumberFor<T>>> {
		let limit = limit.min(MAX_QUERY_RESULTS) as usize;
		let shelf = |shelf: Shelf| match after {
			Some(after) => OrderIndex::<T>::iter_key_prefix_from(
				shelf.clone(),
				OrderIndex::<T>::hashed_key_for(shelf, after),
			),
			None => OrderIndex::<T>::iter_key_prefix(shelf),
		};
		// A GPU meets the orders naming its model and those taking any model: both shelves,
		// merged in order.
		let keys: alloc::boxed::Box<dyn Iterator<Item = IndexKey>> = match &filter.gpu {
			Some(gpu) => alloc::boxed::Box::new(merged(
				shelf(Shelf::Model(gpu.model.clone())),
				shelf(Shelf::AnyModel),
			)),
			None => alloc::boxed::Box::new(shelf(Shelf::All)),
		};
		page(keys, limit, |key| {
			let order = Orders::<T>::get(key.id())?;
			Self::order_matches(&order, &filter).then(|| Self::order_view(key.id(), order))
		})
	}

	/// Listed offers matching `filter`, the lowest price first, after `after`, at most `limit`.
	pub fn offers(
		filter: OfferFilter,
		after: Option<IndexKey>,
		limit: u32,
	) -> Page<OfferView<T::AccountId, BlockNumberFor<T>>> {
		let limit = limit.min(MAX_QUERY_RESULTS) as usize;
		let keys = match after {
			Some(after) => OfferIndex::<T>::iter_keys_from(OfferIndex::<T>::hashed_key_for(after)),
			None => OfferIndex::<T>::iter_keys(),
		};
		// Past the price limit nothing more can match: the index ends there for this filter.
		let max_price = filter.max_price_per_gpu_hour;
		let keys = keys.take_while(move |key| {
			max_price.is_none_or(|max| *key <= IndexKey::offer(max, OfferId::MAX))
		});
		page(keys, limit, |key| {
			let offer = Offers::<T>::get(key.id())?;
			let view = Self::offer_view(key.id(), offer);
			let model_ok = filter
				.model
				.as_ref()
				.is_none_or(|model| view.available.iter().any(|gpu| gpu.model == *model));
			let count_ok = filter.min_gpus.is_none_or(|min| view.available.len() as u32 >= min);
			(model_ok && count_ok).then_some(view)
		})
	}

	fn offer_view(id: OfferId, offer: Offer<T>) -> OfferView<T::AccountId, BlockNumberFor<T>> {
		let available = T::Registry::gpus(&offer.provider)
			.into_iter()
			.filter(|gpu| offer.available.contains(&gpu.uuid_hash))
			.collect();
		OfferView {
			id,
			provider: offer.provider,
			available,
			rented: offer.rented,
			price_per_gpu_hour: offer.price_per_gpu_hour,
			max_duration: offer.max_duration,
		}
	}
}

/// Up to `limit` items that `view` makes of the entries at `keys`, looking at no more than
/// [`MAX_QUERY_SCAN`] entries; `next` is the last entry looked at when more are left, from which
/// the next page goes on.
fn page<Item>(
	keys: impl Iterator<Item = IndexKey>,
	limit: usize,
	mut view: impl FnMut(IndexKey) -> Option<Item>,
) -> Page<Item> {
	let mut items = Vec::new();
	if limit == 0 {
		return Page { items, next: None };
	}
	let mut keys = keys.peekable();
	let mut scanned = 0;
	while let Some(key) = keys.next() {
		scanned += 1;
		if let Some(item) = view(key) {
			items.push(item);
		}
		if keys.peek().is_none() {
			break;
		}
		if items.len() >= limit || scanned >= MAX_QUERY_SCAN {
			return Page { items, next: Some(key) };
		}
	}
	Page { items, next: None }
}

/// Two ordered runs of keys as one.
fn merged(
	a: impl Iterator<Item = IndexKey>,
	b: impl Iterator<Item = IndexKey>,
) -> impl Iterator<Item = IndexKey> {
	let (mut a, mut b) = (a.peekable(), b.peekable());
	core::iter::from_fn(move || match (a.peek().copied(), b.peek().copied()) {
		(Some(x), Some(y)) if y < x => b.next(),
		(Some(_), _) => a.next(),
		(None, _) => b.next(),
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn keys_sort_as_their_indexes_do() {
		// Orders: the highest price first, then the oldest.
		let mut orders = [
			IndexKey::order(5, 1),
			IndexKey::order(9, 7),
			IndexKey::order(5, 0),
			IndexKey::order(0, 2),
		];
		orders.sort();
		assert_eq!(orders.map(|key| key.id()), [7, 0, 1, 2]);
		// Offers: the lowest price first, then the oldest.
		let mut offers = [IndexKey::offer(5, 1), IndexKey::offer(9, 0), IndexKey::offer(5, 0)];
		offers.sort();
		assert_eq!(offers.map(|key| key.id()), [0, 1, 0]);
		assert_eq!(IndexKey::offer(Balance::MAX, u64::MAX).id(), u64::MAX);
		// The encoding is the bytes themselves: the storage key sorts like the key.
		assert_eq!(IndexKey::order(5, 1).encode(), IndexKey::order(5, 1).0.to_vec());
	}

	#[test]
	fn a_page_stops_at_its_limit_or_its_scan_and_says_where_to_go_on() {
		let keys = |n: u64| (0..n).map(|id| IndexKey::offer(1, id));
		let every_third = |key: IndexKey| key.id().is_multiple_of(3).then_some(key.id());

		let page_of = page(keys(100), 5, every_third);
		assert_eq!(page_of.items, vec![0, 3, 6, 9, 12]);
		assert_eq!(page_of.next, Some(IndexKey::offer(1, 12)));

		// The index ends: no next page, even when the last entry filled the page.
		assert_eq!(page(keys(13), 5, every_third).next, None);
		assert_eq!(page(keys(4), 5, every_third), Page { items: vec![0, 3], next: None });

		// Nothing matches: the page stops after MAX_QUERY_SCAN entries, empty, with a next.
		let none = page(keys(5_000), 10, |_| None::<u64>);
		assert!(none.items.is_empty());
		assert_eq!(none.next, Some(IndexKey::offer(1, MAX_QUERY_SCAN as u64 - 1)));
		assert_eq!(page(keys(5), 0, every_third), Page { items: vec![], next: None });
	}

	#[test]
	fn merging_two_runs_keeps_the_order() {
		let run = |prices: &[u128]| {
			prices.iter().map(|price| IndexKey::offer(*price, 0)).collect::<Vec<_>>()
		};
		let merged: Vec<_> = merged(run(&[1, 4, 6]).into_iter(), run(&[2, 3, 7, 9]).into_iter())
			.map(|key| key.0[15])
			.collect();
		assert_eq!(merged, vec![1, 2, 3, 4, 6, 7, 9]);
	}
}
