//! Balances and transaction fees.

use frame_support::{
	dispatch::DispatchClass,
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::{ConstantMultiplier, Weight},
};
use pallet_balances::WeightInfo as _;
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Bounded, One},
	FixedPointNumber, Perquintill, Rounding,
};

use crate::{
	configs::{ember::TreasuryAccount, system::RuntimeBlockWeights},
	Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System,
	EXISTENTIAL_DEPOSIT, MILLI_EMBR,
};

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	/// Dust of reaped accounts goes to the treasury, so total issuance only moves where the
	/// emissions pallet accounts for it.
	type DustRemoval = ResolveTo<TreasuryAccount, Balances>;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// What the weight of a `balances.transfer_keep_alive` costs (base extrinsic weight included)
/// at a fee multiplier of 1: 0.009 EMBR. With its ~150 bytes at [`FEE_PER_BYTE`] a transfer
/// costs about 0.01 EMBR. Every other call is priced in proportion to its weight.
pub const TRANSFER_WEIGHT_FEE: Balance = 9 * MILLI_EMBR;

/// What each byte of a transaction costs: 10 µEMBR. Length is what block stuffing is cheapest
/// by, so this sets the floor of what stuffing costs (see `docs/economics.md`).
pub const FEE_PER_BYTE: Balance = MILLI_EMBR / 100;

/// The weight that costs [`TRANSFER_WEIGHT_FEE`]: a `transfer_keep_alive` and the base weight
/// of any extrinsic, as this runtime measures them.
pub fn reference_transfer_weight() -> Weight {
	RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.base_extrinsic
		.saturating_add(<Runtime as pallet_balances::Config>::WeightInfo::transfer_keep_alive())
}

/// Prices compute time (ref time) so that a transfer's weight costs [`TRANSFER_WEIGHT_FEE`],
/// rounding up.
pub struct WeightToFee;

impl frame_support::weights::WeightToFee for WeightToFee {
	type Balance = Balance;

	fn weight_to_fee(weight: &Weight) -> Balance {
		let reference = Balance::from(reference_transfer_weight().ref_time().max(1));
		multiply_by_rational_with_rounding(
			Balance::from(weight.ref_time()),
			TRANSFER_WEIGHT_FEE,
			reference,
			Rounding::Up,
		)
		.unwrap_or(Balance::MAX)
	}
}

parameter_types! {
	/// Fees adjust to keep normal blocks a quarter full on average.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the multiplier moves: with every normal block full it grows about 2.3 % an
	/// hour and doubles in about 30 hours; with empty blocks it falls about as fast.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Fees never fall below their documented target.
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	/// Fees may grow without bound while blocks stay full.
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

/// polkadot-sdk's slow-adjusting fee multiplier: sustained demand above the target fullness
/// makes every transaction dearer, so filling blocks for hours costs more each block.
pub type SlowAdjustingFeeUpdate<R> = TargetedFeeAdjustment<
	R,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Transaction fees go to the treasury.
	type OnChargeTransaction = FungibleAdapter<Balances, ResolveTo<TreasuryAccount, Balances>>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<FEE_PER_BYTE>>;
	type FeeMultiplierUpdate = SlowAdjustingFeeUpdate<Self>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_skip_feeless_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
}
