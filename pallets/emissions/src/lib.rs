//! # Emissions
//!
//! Work in progress: the decaying inflation schedule ([`schedule`]) is done and tested. What
//! follows, in this order:
//!
//! - **Era close (O(1)).** Every `EraLength` blocks the hook mints `era_emission(era)`: the
//!   validators' share by blocks authored (counted per author as blocks are made, through
//!   `pallet_authorship::EventHandler` with `pallet_session::FindAccountFromAuthorIndex` over
//!   Aura; bounded by the validator count), the treasury
//!   share, and the providers' share added to one accumulator `reward_per_point += share /
//!   points_of_the_era`. No iteration over providers.
//! - **Points.** Providers earn points per GPU-block available and heartbeating, more per leased
//!   GPU-block, weighted by a governance table of GPU class scores. Leased points arrive through
//!   `ember_primitives::DeliveredGpuTime`. Self-leases (tenant is the owner, the agent or a
//!   delegator) earn no leased points, and a provider's leased bonus in an era is capped by the
//!   protocol fees its leases burned in that era.
//! - **Claims.** A provider's pending reward is `points × (reward_per_point − its checkpoint)`,
//!   computed when it claims and split with its delegators by stake after the owner's
//!   commission (commission changes take effect after a delay).
//! - **Reconciliation.** `try_state`: issuance(after) = issuance(before) + minted − burned, every
//!   era.

#![cfg_attr(not(feature = "std"), no_std)]

pub mod accounting;
pub mod schedule;
