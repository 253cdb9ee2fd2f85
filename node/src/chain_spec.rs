//! Chain specifications, built from the runtime's genesis presets.

use ember_runtime::WASM_BINARY;
use sc_service::{ChainType, Properties};

/// Ember's chain spec: no extensions beyond the standard ones.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token properties wallets read from the chain spec.
pub(crate) fn token_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), ember_runtime::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), ember_runtime::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

pub(crate) fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime wasm is not available: this node was built with SKIP_WASM_BUILD".to_string()
	})
}

/// `dev`: Alice alone, producing and finalizing blocks at once.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Ember Development")
		.with_id("ember_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(token_properties())
		.build())
}

/// `local`: Alice, Bob, Charlie and Dave validate.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Ember Local Testnet")
		.with_id("ember_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(token_properties())
		.build())
}
