//! Weights of SDK code this runtime uses, measured on Ember's reference machine with
//! `scripts/benchmark-weights.sh` (the pallets' own weights live in each pallet's `weights.rs`).

pub mod frame_system_extensions;
pub mod pallet_transaction_payment;
