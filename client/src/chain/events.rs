//! A transaction's events as people read them and as scripts use them: accounts in SS58,
//! amounts in EMBR (exact plancks in JSON), hashes in hex, and module errors by their names.

use subxt::{
	ext::scale_value::{Composite, Primitive, Value, ValueDef},
	Metadata,
};

use super::AccountId;
use crate::units::format_embr;

/// One event emitted by a transaction.
#[derive(Clone, Debug, Eq, PartialEq, serde::Serialize)]
pub struct ChainEvent {
	/// The pallet, e.g. `Leases`.
	pub pallet: String,
	/// The event, e.g. `OrderCreated`.
	pub name: String,
	/// Its fields for people: `lease: 3, paid: 1.5 EMBR, tenant: 5Grw…`.
	pub fields: String,
	/// Its fields for scripts, by name (`0`, `1`, … when unnamed): accounts in SS58, amounts
	/// as strings of plancks, hashes in hex, module errors as `Pallet.Error`.
	pub values: serde_json::Map<String, serde_json::Value>,
}

/// What a field is, from the type name the metadata gives it.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Kind {
	Account,
	Balance,
	Hash,
	Other,
}

fn kind_of(type_name: Option<&str>) -> Kind {
	match type_name {
		Some(name) if name.ends_with("AccountId") || name.ends_with("AccountId32") => Kind::Account,
		Some(name) if name.contains("Balance") => Kind::Balance,
		Some(name) if name == "H256" || name.ends_with("Hash") => Kind::Hash,
		_ => Kind::Other,
	}
}

impl ChainEvent {
	/// The event `pallet.name` with `fields` decoded without their types, each field's type
	/// name from the metadata in `type_names`, module errors named from `metadata`.
	pub(crate) fn render(
		pallet: &str,
		name: &str,
		fields: Composite<()>,
		type_names: &[Option<String>],
		metadata: Option<&Metadata>,
	) -> Self {
		let named: Vec<(String, Value<()>)> = match fields {
			Composite::Named(named) => named,
			Composite::Unnamed(values) => {
				values.into_iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect()
			},
		};
		let mut text = Vec::new();
		let mut values = serde_json::Map::new();
		for (index, (field, value)) in named.into_iter().enumerate() {
			let value = name_module_errors(value, metadata);
			let kind = kind_of(type_names.get(index).and_then(|n| n.as_deref()));
			let (shown, json) = render_value(&value, kind);
			text.push(format!("{field}: {shown}"));
			values.insert(field, json);
		}
		Self { pallet: pallet.to_string(), name: name.to_string(), fields: text.join(", "), values }
	}
}

/// A field for people and for JSON.
fn render_value(value: &Value<()>, kind: Kind) -> (String, serde_json::Value) {
	match (kind, &value.value) {
		(Kind::Account, _) => {
			if let Some(bytes) = bytes32(value) {
				let account = AccountId::from(bytes).to_string();
				return (account.clone(), serde_json::Value::String(account));
			}
		},
		(Kind::Balance, ValueDef::Primitive(Primitive::U128(plancks))) => {
			return (format_embr(*plancks), serde_json::Value::String(plancks.to_string()));
		},
		(Kind::Hash, _) => {
			if let Some(bytes) = bytes32(value) {
				let hex = format!("0x{}", hex::encode(bytes));
				return (hex.clone(), serde_json::Value::String(hex));
			}
		},
		_ => {},
	}
	(text_of(value), json_of(value))
}

/// A value without a known type, for people: unit variants by their names alone.
fn text_of(value: &Value<()>) -> String {
	match &value.value {
		ValueDef::Variant(variant) if variant.values.is_empty() => variant.name.clone(),
		_ => value.to_string(),
	}
}

/// A value without a known type, as JSON: numbers that fit in `u64` as numbers, larger ones as
/// strings; variants as `{"Name": fields}` (a unit variant as its name).
fn json_of(value: &Value<()>) -> serde_json::Value {
	use serde_json::Value as Json;
	match &value.value {
		ValueDef::Composite(composite) => composite_json(composite),
		ValueDef::Variant(variant) if variant.values.is_empty() => {
			Json::String(variant.name.clone())
		},
		ValueDef::Variant(variant) => {
			let mut object = serde_json::Map::new();
			object.insert(variant.name.clone(), composite_json(&variant.values));
			Json::Object(object)
		},
		ValueDef::Primitive(primitive) => match primitive {
			Primitive::Bool(b) => Json::Bool(*b),
			Primitive::Char(c) => Json::String(c.to_string()),
			Primitive::String(s) => Json::String(s.clone()),
			Primitive::U128(n) => u64::try_from(*n)
				.map(Json::from)
				.unwrap_or_else(|_| Json::String(n.to_string())),
			Primitive::I128(n) => i64::try_from(*n)
				.map(Json::from)
				.unwrap_or_else(|_| Json::String(n.to_string())),
			other => Json::String(Value::primitive(other.clone()).to_string()),
		},
		ValueDef::BitSequence(_) => Json::String(value.to_string()),
	}
}

fn composite_json(composite: &Composite<()>) -> serde_json::Value {
	match composite {
		Composite::Named(named) => serde_json::Value::Object(
			named.iter().map(|(name, value)| (name.clone(), json_of(value))).collect(),
		),
		Composite::Unnamed(values) => {
			// A byte string (a region, a name) reads best as text, or else as hex.
			if let Some(bytes) = byte_list(values) {
				if !bytes.is_empty() {
					return match std::str::from_utf8(&bytes) {
						Ok(text) if !text.chars().any(char::is_control) => text.into(),
						_ => format!("0x{}", hex::encode(&bytes)).into(),
					};
				}
			}
			match values.as_slice() {
				[single] => json_of(single),
				_ => serde_json::Value::Array(values.iter().map(json_of).collect()),
			}
		},
	}
}

/// The bytes of a list of numbers under 256, if it is one (and has more than one).
fn byte_list(values: &[Value<()>]) -> Option<Vec<u8>> {
	if values.len() < 2 {
		return None;
	}
	values
		.iter()
		.map(|v| match &v.value {
			ValueDef::Primitive(Primitive::U128(byte)) => u8::try_from(*byte).ok(),
			_ => None,
		})
		.collect()
}

/// The 32 bytes of an account id or hash decoded without its type: a sequence of 32 numbers,
/// possibly wrapped in single-field composites.
pub(crate) fn bytes32(value: &Value<()>) -> Option<[u8; 32]> {
	let ValueDef::Composite(composite) = &value.value else { return None };
	let values: Vec<&Value<()>> = composite.values().collect();
	if let [inner] = values.as_slice() {
		return bytes32(inner);
	}
	let bytes: Vec<u8> = values
		.iter()
		.map(|v| match &v.value {
			ValueDef::Primitive(Primitive::U128(byte)) => u8::try_from(*byte).ok(),
			_ => None,
		})
		.collect::<Option<_>>()?;
	bytes.try_into().ok()
}

/// `Module { index, error }` anywhere in `value` (a dispatch error inside an event, such as a
/// council motion's result) replaced by the error's name, `Pallet.Error`.
fn name_module_errors(value: Value<()>, metadata: Option<&Metadata>) -> Value<()> {
	let Some(metadata) = metadata else { return value };
	match value.value {
		ValueDef::Variant(mut variant) => {
			if variant.name == "Module" {
				if let Some(name) = module_error_name(&variant.values, metadata) {
					return Value::string(name);
				}
			}
			variant.values = map_composite(variant.values, metadata);
			Value { value: ValueDef::Variant(variant), context: () }
		},
		ValueDef::Composite(composite) => {
			Value { value: ValueDef::Composite(map_composite(composite, metadata)), context: () }
		},
		other => Value { value: other, context: () },
	}
}

fn map_composite(composite: Composite<()>, metadata: &Metadata) -> Composite<()> {
	match composite {
		Composite::Named(named) => Composite::Named(
			named
				.into_iter()
				.map(|(n, v)| (n, name_module_errors(v, Some(metadata))))
				.collect(),
		),
		Composite::Unnamed(values) => Composite::Unnamed(
			values.into_iter().map(|v| name_module_errors(v, Some(metadata))).collect(),
		),
	}
}

/// The name of the module error `{ index, error }` (or its unnamed form) in `metadata`.
fn module_error_name(values: &Composite<()>, metadata: &Metadata) -> Option<String> {
	let fields: Vec<&Value<()>> = values.values().collect();
	// `Module(ModuleError { index, error })`: one composite inside.
	let inner: Vec<&Value<()>> = match fields.as_slice() {
		[single] => match &single.value {
			ValueDef::Composite(composite) => composite.values().collect(),
			_ => return None,
		},
		_ => fields,
	};
	let [index, error] = inner.as_slice() else { return None };
	let number = |v: &Value<()>| match &v.value {
		ValueDef::Primitive(Primitive::U128(n)) => u8::try_from(*n).ok(),
		_ => None,
	};
	let index = number(index)?;
	let first = match &error.value {
		ValueDef::Composite(composite) => composite.values().next().and_then(number)?,
		_ => number(error)?,
	};
	let pallet = metadata.pallet_by_error_index(index)?;
	let variant = pallet.error_variant_by_index(first)?;
	Some(format!("{}.{}", pallet.name(), variant.name))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn bytes_value(bytes: [u8; 32]) -> Value<()> {
		Value::unnamed_composite([Value::unnamed_composite(bytes.map(|b| Value::u128(b.into())))])
	}

	#[test]
	fn accounts_amounts_and_hashes_read_as_people_read_them_and_stay_exact_in_json() {
		let account = AccountId::from([7u8; 32]);
		let fields = Composite::Named(vec![
			("provider".into(), bytes_value([7u8; 32])),
			("manifest_hash".into(), bytes_value([0xab; 32])),
			("paid".into(), Value::u128(1_500_000_000_001)),
			("lease".into(), Value::u128(3)),
			("reason".into(), Value::unnamed_variant("ProviderOffline", [])),
			("region".into(), Value::unnamed_composite(b"eu-west".map(|b| Value::u128(b.into())))),
		]);
		let names = [
			Some("T::AccountId".into()),
			Some("H256".into()),
			Some("BalanceOf<T>".into()),
			Some("LeaseId".into()),
			Some("CloseReason".into()),
			Some("BoundedVec<u8, T::MaxRegionLen>".into()),
		];
		let event = ChainEvent::render("Leases", "LeaseClosed", fields, &names, None);
		assert!(event.fields.contains(&format!("provider: {account}")), "{}", event.fields);
		assert!(event.fields.contains(&format!("manifest_hash: 0x{}", "ab".repeat(32))));
		assert!(event.fields.contains("paid: 1.500000000001 EMBR"), "{}", event.fields);
		assert!(event.fields.contains("lease: 3"));
		assert!(event.fields.contains("reason: ProviderOffline"), "{}", event.fields);
		assert_eq!(event.values["provider"], account.to_string());
		assert_eq!(event.values["paid"], "1500000000001", "exact plancks, as a string");
		assert_eq!(event.values["lease"], 3);
		assert_eq!(event.values["reason"], "ProviderOffline");
		assert_eq!(event.values["region"], "eu-west");
		assert_eq!(event.values["manifest_hash"], format!("0x{}", "ab".repeat(32)));
	}

	#[test]
	fn a_value_that_is_not_what_its_type_name_says_is_shown_as_it_is() {
		let fields = Composite::Named(vec![
			("who".into(), Value::u128(5)),
			("amount".into(), Value::string("odd")),
		]);
		let names = [Some("T::AccountId".into()), Some("BalanceOf<T>".into())];
		let event = ChainEvent::render("X", "Y", fields, &names, None);
		assert_eq!(event.values["who"], 5);
		assert_eq!(event.values["amount"], "odd");
	}
}
