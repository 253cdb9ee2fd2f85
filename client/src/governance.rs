//! The council: its members, its open motions, the calls it may pass, and the slashes waiting
//! in their dispute window that it may cancel.
//!
//! A motion passes with more than half of the council's votes; anyone may then close it, which
//! dispatches its call with the council's authority. Acting as Root (authorizing a runtime
//! upgrade) takes two thirds: the motion whitelists the call and dispatches it as Root in one
//! batch (`pallet-whitelist`).

use serde::Serialize;
use subxt::utils::{MultiAddress, H256};

use crate::{
	chain::{
		runtime::{
			self,
			runtime_types::{
				bounded_collections::bounded_vec::BoundedVec,
				ember_primitives::traits::ProviderOffence, ember_runtime::RuntimeCall,
				pallet_collective::pallet::Call as CouncilCall,
				pallet_emissions::pallet::Call as EmissionsCall,
				pallet_membership::pallet::Call as MembershipCall,
				pallet_providers::pallet::Call as ProvidersCall,
				pallet_slashing::pallet::Call as SlashingCall,
				pallet_treasury::pallet::Call as TreasuryCall,
				pallet_utility::pallet::Call as UtilityCall,
				pallet_whitelist::pallet::Call as WhitelistCall,
				sp_arithmetic::per_things::Perbill, sp_weights::weight_v2::Weight,
			},
		},
		AccountId, Chain, ChainError, Receipt, WithinDeadline,
	},
	market::hex_h256,
};

/// A governance action the council can vote on.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum Action {
	/// Report that a provider registered a GPU it does not have (or misstated one): a slash
	/// and a jail follow after the dispute window, unless cancelled.
	ReportFalseInventory {
		/// The provider (owner account).
		provider: AccountId,
		/// The misstated GPU's UUID hash.
		gpu: H256,
	},
	/// Cancel a slash still in its dispute window.
	CancelSlash(u64),
	/// Jail a provider.
	ForceJail(AccountId),
	/// Release a jailed provider.
	ForceUnjail(AccountId),
	/// Set the heartbeat period (blocks) and the periods a provider may miss.
	SetHeartbeatParams {
		/// Period in blocks.
		period: u32,
		/// Whole periods a provider may miss before it is Offline.
		max_missed: u32,
	},
	/// Set the most of a provider's backing its offences may take in one era, in percent.
	SetEraSlashCap(u32),
	/// Rate a GPU model (the exact NVML name), or remove its rating (`None`: it scores the
	/// default). The score sets the model's emissions and the stake units it weighs.
	SetClassScore {
		/// The model, as NVML reports it.
		model: String,
		/// Its class score (a T4 is 100).
		score: Option<u32>,
	},
	/// Pay `amount` plancks from the treasury to `beneficiary` (paid out by `payout`).
	Spend {
		/// Plancks.
		amount: u128,
		/// Who is paid.
		beneficiary: AccountId,
	},
	/// Give `who` a council seat.
	AddMember(AccountId),
	/// Take `who`'s council seat.
	RemoveMember(AccountId),
	/// Authorize a runtime upgrade to the code whose blake2-256 hash is given, as Root: anyone
	/// then applies it with `system.applyAuthorizedUpgrade`. Needs two thirds of the council.
	AuthorizeUpgrade {
		/// blake2-256 of the runtime's wasm, exactly as it will be submitted.
		code_hash: H256,
	},
}

impl Action {
	/// Whether the call runs as Root (through the whitelist) rather than with the council's
	/// own origin.
	pub fn runs_as_root(&self) -> bool {
		matches!(self, Action::AuthorizeUpgrade { .. })
	}

	/// Ayes a motion for this action needs out of `members` seats: more than half, or two
	/// thirds for what runs as Root.
	pub fn threshold(&self, members: usize) -> u32 {
		let needed = if self.runs_as_root() { (2 * members).div_ceil(3) } else { members / 2 + 1 };
		u32::try_from(needed).unwrap_or(u32::MAX)
	}

	/// The runtime call the action dispatches (as Root when [`Self::runs_as_root`]).
	pub fn call(&self) -> RuntimeCall {
		match self.clone() {
			Action::ReportFalseInventory { provider, gpu } => {
				RuntimeCall::Slashing(SlashingCall::report_offence {
					offence: ProviderOffence::FalseInventory { provider, gpu },
				})
			},
			Action::CancelSlash(slash) => {
				RuntimeCall::Slashing(SlashingCall::cancel_slash { slash })
			},
			Action::ForceJail(provider) => {
				RuntimeCall::Providers(ProvidersCall::force_jail { provider })
			},
			Action::ForceUnjail(provider) => {
				RuntimeCall::Providers(ProvidersCall::force_unjail { provider })
			},
			Action::SetHeartbeatParams { period, max_missed } => {
				RuntimeCall::Providers(ProvidersCall::set_heartbeat_params { period, max_missed })
			},
			Action::SetEraSlashCap(percent) => {
				RuntimeCall::Slashing(SlashingCall::set_era_slash_cap {
					cap: Perbill(percent.min(100) * 10_000_000),
				})
			},
			Action::SetClassScore { model, score } => {
				RuntimeCall::Emissions(EmissionsCall::set_class_score {
					model: BoundedVec(model.into_bytes()),
					score,
				})
			},
			Action::Spend { amount, beneficiary } => RuntimeCall::Treasury(TreasuryCall::spend {
				asset_kind: Box::new(()),
				amount,
				beneficiary: Box::new(beneficiary),
				valid_from: None,
			}),
			Action::AddMember(who) => RuntimeCall::CouncilMembership(MembershipCall::add_member {
				who: MultiAddress::Id(who),
			}),
			Action::RemoveMember(who) => {
				RuntimeCall::CouncilMembership(MembershipCall::remove_member {
					who: MultiAddress::Id(who),
				})
			},
			Action::AuthorizeUpgrade { code_hash } => RuntimeCall::System(
				runtime::runtime_types::frame_system::pallet::Call::authorize_upgrade { code_hash },
			),
		}
	}
}

/// `call` (whose encoding hashes to `call_hash`) run as Root by two thirds of the council:
/// whitelisted and dispatched in one batch, so that nothing is left whitelisted if the
/// dispatch fails.
fn as_root(call: RuntimeCall, call_hash: H256) -> RuntimeCall {
	RuntimeCall::Utility(UtilityCall::batch_all {
		calls: vec![
			RuntimeCall::Whitelist(WhitelistCall::whitelist_call { call_hash }),
			RuntimeCall::Whitelist(WhitelistCall::dispatch_whitelisted_call_with_preimage {
				call: Box::new(call),
			}),
		],
	})
}

/// `system.applyAuthorizedUpgrade`: submits the runtime `code` the council authorized. Any
/// account may; the fee is refunded when the upgrade applies.
pub fn apply_upgrade(code: Vec<u8>) -> impl subxt::tx::Payload {
	runtime::tx().system().apply_authorized_upgrade(code)
}

/// The blake2-256 hash a runtime upgrade is authorized by.
pub fn code_hash(code: &[u8]) -> H256 {
	H256(sp_crypto_hashing::blake2_256(code))
}

/// An open council motion.
#[derive(Clone, Debug, Serialize)]
pub struct Motion {
	/// The motion's index: what `vote` and `close` name.
	pub index: u32,
	/// The hash of its call, hex.
	pub hash: String,
	/// Its call, as the runtime's types print it.
	pub call: String,
	/// Ayes needed to pass.
	pub threshold: u32,
	/// Members who voted aye.
	pub ayes: Vec<String>,
	/// Members who voted nay.
	pub nays: Vec<String>,
	/// The block its vote ends at.
	pub end: u32,
}

/// A slash waiting for its dispute window to end.
#[derive(Clone, Debug, Serialize)]
pub struct PendingSlash {
	/// The slash's id: what `cancel-slash` names.
	pub id: u64,
	/// The provider (owner account) punished.
	pub provider: String,
	/// What it did.
	pub kind: String,
	/// Plancks to take from its backers.
	pub amount: u128,
	/// The block the offence was reported in.
	pub reported_at: u32,
	/// The block it applies in, unless cancelled before.
	pub apply_at: u32,
}

/// `council.vote` on the motion `index` whose call hashes to `hash`.
pub fn vote(hash: H256, index: u32, aye: bool) -> impl subxt::tx::Payload {
	runtime::tx().council().vote(hash, index, aye)
}

/// `treasury.payout` of an approved spend.
pub fn payout(spend: u32) -> impl subxt::tx::Payload {
	runtime::tx().treasury().payout(spend)
}

impl Chain {
	/// `council.propose` for `action`, passing with [`Action::threshold`] of `members` seats, batched
	/// with the proposer's aye (the council does not count the proposer's vote by itself). When
	/// the batch lands, the motion has the index and hash it was built for, or nothing happens.
	pub async fn propose_call(
		&self,
		action: &Action,
		members: usize,
	) -> Result<impl subxt::tx::Payload, ChainError> {
		let call = if action.runs_as_root() {
			let call = action.call();
			let hash = H256(sp_crypto_hashing::blake2_256(&self.encoded(&call).await?));
			as_root(call, hash)
		} else {
			action.call()
		};
		let encoded = self.encoded(&call).await?;
		let length = u32::try_from(encoded.len()).unwrap_or(u32::MAX);
		let threshold = action.threshold(members);
		let hash = H256(sp_crypto_hashing::blake2_256(&encoded));
		let at = self.api().at_current_block().await.map_err(ChainError::rpc)?;
		let index = at
			.storage()
			.try_fetch(runtime::storage().council().proposal_count(), ())
			.await
			.map_err(ChainError::rpc)?
			.map(|value| value.decode())
			.transpose()
			.map_err(ChainError::rpc)?
			.unwrap_or_default();
		let mut calls = vec![RuntimeCall::Council(CouncilCall::propose {
			threshold,
			proposal: Box::new(call),
			length_bound: length,
		})];
		// A threshold of one runs the call at once: there is no motion to vote on.
		if threshold > 1 {
			calls.push(RuntimeCall::Council(CouncilCall::vote {
				proposal: hash,
				index,
				approve: true,
			}));
		}
		Ok(runtime::tx().utility().batch_all(calls))
	}

	/// `call` SCALE-encoded, as the runtime encodes it.
	async fn encoded(&self, call: &RuntimeCall) -> Result<Vec<u8>, ChainError> {
		use subxt::ext::scale_encode::EncodeAsType;
		let at = self.api().at_current_block().await.map_err(ChainError::rpc)?;
		let metadata = at.metadata_ref();
		call.encode_as_type(metadata.outer_enums().call_enum_ty(), metadata.types())
			.map_err(ChainError::rpc)
	}

	/// The council's members.
	pub async fn council_members(&self) -> Result<Vec<AccountId>, ChainError> {
		let at = self.api().at_current_block().await.map_err(ChainError::rpc)?;
		let members = at
			.storage()
			.try_fetch(runtime::storage().council().members(), ())
			.await
			.map_err(ChainError::rpc)?
			.map(|value| value.decode())
			.transpose()
			.map_err(ChainError::rpc)?;
		Ok(members.unwrap_or_default())
	}

	/// The code hash of the runtime upgrade Root has authorized and nobody has applied yet.
	pub async fn authorized_upgrade(&self) -> Result<Option<H256>, ChainError> {
		let at = self.api().at_current_block().await.map_err(ChainError::rpc)?;
		let authorization = at
			.storage()
			.try_fetch(runtime::storage().system().authorized_upgrade(), ())
			.await
			.map_err(ChainError::rpc)?
			.map(|value| value.decode())
			.transpose()
			.map_err(ChainError::rpc)?;
		Ok(authorization.map(|authorization| authorization.code_hash))
	}

	/// The council's open motions, oldest first.
	pub async fn motions(&self) -> Result<Vec<Motion>, ChainError> {
		Ok(self.open_motions().await?.into_iter().map(|(motion, _, _)| motion).collect())
	}

	/// Each open motion with its call hash and call.
	async fn open_motions(&self) -> Result<Vec<(Motion, H256, RuntimeCall)>, ChainError> {
		let at = self.api().at_current_block().await.map_err(ChainError::rpc)?;
		let hashes = at
			.storage()
			.try_fetch(runtime::storage().council().proposals(), ())
			.await
			.map_err(ChainError::rpc)?
			.map(|value| value.decode())
			.transpose()
			.map_err(ChainError::rpc)?
			.map(|list| list.0)
			.unwrap_or_default();
		let mut motions = Vec::new();
		for hash in hashes {
			let votes = at
				.storage()
				.try_fetch(runtime::storage().council().voting(), (hash,))
				.await
				.map_err(ChainError::rpc)?
				.map(|value| value.decode())
				.transpose()
				.map_err(ChainError::rpc)?;
			let call = at
				.storage()
				.try_fetch(runtime::storage().council().proposal_of(), (hash,))
				.await
				.map_err(ChainError::rpc)?
				.map(|value| value.decode())
				.transpose()
				.map_err(ChainError::rpc)?;
			let (Some(votes), Some(call)) = (votes, call) else { continue };
			let motion = Motion {
				index: votes.index,
				hash: hex_h256(&hash),
				call: format!("{call:?}"),
				threshold: votes.threshold,
				ayes: votes.ayes.iter().map(ToString::to_string).collect(),
				nays: votes.nays.iter().map(ToString::to_string).collect(),
				end: votes.end,
			};
			motions.push((motion, hash, call));
		}
		motions.sort_by_key(|(motion, _, _)| motion.index);
		Ok(motions)
	}

	/// `council.vote` on the open motion `index`.
	pub async fn vote_call(
		&self,
		index: u32,
		aye: bool,
	) -> Result<impl subxt::tx::Payload, ChainError> {
		let (_, hash, _) = self.motion(index).await?;
		Ok(vote(hash, index, aye))
	}

	/// `council.close` of the open motion `index`, with the weight and length its call needs.
	pub async fn close_call(&self, index: u32) -> Result<impl subxt::tx::Payload, ChainError> {
		let (_, hash, call) = self.motion(index).await?;
		let length = u32::try_from(self.encoded(&call).await?.len()).unwrap_or(u32::MAX);
		let weight = self.call_weight(call, length).await?;
		Ok(runtime::tx().council().close(hash, index, weight, length))
	}

	/// What closing a motion did, from the close's receipt. The close succeeds as a
	/// transaction whether the motion passed or not and whether its call then succeeded, so the
	/// events tell: `Ok` when the call ran and succeeded, else why not.
	pub async fn closed_motion_outcome(&self, receipt: &Receipt) -> Result<(), ChainError> {
		use runtime::runtime_types::sp_runtime::DispatchError as CallError;
		let executed = receipt.find_first::<runtime::council::events::Executed>().map(|e| e.result);
		// A call run as Root reports its own result: the whitelist dispatch succeeds either way.
		let as_root = receipt
			.find_first::<runtime::whitelist::events::WhitelistedCallDispatched>()
			.map(|dispatched| dispatched.result.map(|_| ()).map_err(|failed| failed.error));
		if let Some(result) = executed.map(|result| result.and(as_root.unwrap_or(Ok(())))) {
			return match result {
				Ok(()) => Ok(()),
				Err(CallError::Module(module)) => {
					let at = self.api().at_current_block().await.map_err(ChainError::rpc)?;
					let metadata = at.metadata();
					let pallet = metadata.pallet_by_error_index(module.index);
					let variant =
						pallet.as_ref().and_then(|p| p.error_variant_by_index(module.error[0]));
					Err(match (pallet, variant) {
						(Some(pallet), Some(variant)) => ChainError::Module {
							pallet: pallet.name().to_string(),
							error: variant.name.clone(),
							docs: variant.docs.join(" ").trim().to_string(),
						},
						_ => ChainError::Dispatch(format!(
							"the council's call failed in pallet #{} with error #{}",
							module.index, module.error[0]
						)),
					})
				},
				Err(other) => {
					Err(ChainError::Dispatch(format!("the council's call failed: {other:?}")))
				},
			};
		}
		if receipt.has_event("Council", "Disapproved") {
			return Err(ChainError::Dispatch(
				"the motion was disapproved: its call was not dispatched".into(),
			));
		}
		Ok(())
	}

	/// The open motion `index`.
	async fn motion(&self, index: u32) -> Result<(Motion, H256, RuntimeCall), ChainError> {
		self.open_motions()
			.await?
			.into_iter()
			.find(|(motion, _, _)| motion.index == index)
			.ok_or_else(|| ChainError::NotFound(format!("no open council motion #{index}")))
	}

	/// What dispatching `call` weighs, as the runtime reckons it.
	async fn call_weight(&self, call: RuntimeCall, length: u32) -> Result<Weight, ChainError> {
		let at = self.api().at_current_block().await.map_err(ChainError::rpc)?;
		let info = at
			.runtime_apis()
			.call(
				runtime::runtime_apis()
					.transaction_payment_call_api()
					.query_call_info(call, length),
			)
			.within_deadline()
			.await?;
		Ok(info.weight)
	}

	/// Slashes waiting for their dispute window to end, oldest first.
	pub async fn pending_slashes(&self) -> Result<Vec<PendingSlash>, ChainError> {
		let at = self.api().at_current_block().await.map_err(ChainError::rpc)?;
		let mut entries = at
			.storage()
			.iter(runtime::storage().slashing().pending_slashes(), ())
			.await
			.map_err(ChainError::rpc)?;
		let mut slashes = Vec::new();
		while let Some(entry) = entries.next().await {
			let entry = entry.map_err(ChainError::rpc)?;
			let id = entry.key().map_err(ChainError::rpc)?.decode().map_err(ChainError::rpc)?.0;
			let slash = entry.value().decode().map_err(ChainError::rpc)?;
			slashes.push(PendingSlash {
				id,
				provider: slash.provider.to_string(),
				kind: format!("{:?}", slash.kind),
				amount: slash.amount,
				reported_at: slash.reported_at,
				apply_at: slash.apply_at,
			});
		}
		slashes.sort_by_key(|slash| slash.id);
		Ok(slashes)
	}
}
