//! Ordered indexes of the open orders and the listed offers, so that a provider reads the orders
//! its GPUs can serve best price first, and a tenant the cheapest offers, a page at a time,
//! without the runtime reading or sorting the whole market.
//!
//! An index entry's key is an [`IndexKey`] stored unhashed (`Identity`). Storage keys sort by
//! their bytes and an `IndexKey`'s bytes sort in the index's order, so reading on from a key
//! reads the next entries in order. Orders sit on two shelves each (every order, and the
//! orders of the model they name or of any model); offers on one.

use crate::{runtime_api::*, *};
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
