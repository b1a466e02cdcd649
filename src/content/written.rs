//! What an editor wrote where a figure belongs, kept raw: YAML has already turned `60.30`
//! into the float 60.3 and `0x10` into 16, so nothing here is a number yet. The resolver
//! reads the text as typed from the span (see [`crate::figure::source_text`]) and parses it
//! with the number grammar of SPEC §10.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// A YAML scalar as the parser typed it.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// `null`, `~` or nothing.
    Null,
    /// `true`, `false` (and YAML 1.1's `yes`, `no`).
    Bool(bool),
    /// A number YAML read as an integer or a float; its text is in the file.
    Number,
    /// A string, quoted or not.
    Text(String),
}

/// A figure as written: a scalar, `{ value: 980, approx: true }`, or a list by mistake.
#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    /// `actual: 60.30`, `actual: －`, `actual: null`.
    Scalar(Scalar),
    /// `actual: { value: 980, approx: true }`.
    Detailed {
        /// The value.
        value: Option<Spanned<Scalar>>,
        /// 約.
        approx: bool,
    },
    /// `actual: [1, 2]` or a `- ` list: kept so the resolver can say so at its place.
    List,
}

/// The keys of the detailed form.
const DETAILED_KEYS: &[&str] = &["value", "approx"];

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Scalar, E> {
        Ok(Scalar::Number)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Scalar, E> {
        Ok(Scalar::Number)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar::Number)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Written;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Written, E> {
                ScalarVisitor.visit_bool(v).map(Written::Scalar)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Written, E> {
                ScalarVisitor.visit_i64(v).map(Written::Scalar)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Written, E> {
                ScalarVisitor.visit_u64(v).map(Written::Scalar)
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Written, E> {
                ScalarVisitor.visit_i128(v).map(Written::Scalar)
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Written, E> {
                ScalarVisitor.visit_u128(v).map(Written::Scalar)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Written, E> {
                ScalarVisitor.visit_f64(v).map(Written::Scalar)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Written, E> {
                ScalarVisitor.visit_str(v).map(Written::Scalar)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Written, E> {
                Ok(Written::Scalar(Scalar::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<Written, E> {
                Ok(Written::Scalar(Scalar::Null))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Written, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Written, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Written::List)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Written, A::Error> {
                let mut value = None;
                let mut approx = false;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "value" => value = Some(map.next_value::<Spanned<Scalar>>()?),
                        "approx" => approx = map.next_value::<bool>()?,
                        other => return Err(de::Error::unknown_field(other, DETAILED_KEYS)),
                    }
                }
                Ok(Written::Detailed { value, approx })
            }
        }
        d.deserialize_any(V)
    }
}

/// A cost figure as written: one number, or named parts that sum
/// (`personnel: { 直接人件費: 800, 間接人件費: 200 }`).
#[derive(Debug, Clone, PartialEq)]
pub enum RawAmount {
    /// `personnel: 4500`.
    One(Scalar),
    /// Named parts, in file order.
    Parts(Vec<(Spanned<String>, Spanned<Scalar>)>),
    /// A list by mistake.
    List,
}

impl<'de> Deserialize<'de> for RawAmount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAmount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or named parts")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawAmount, E> {
                ScalarVisitor.visit_bool(v).map(RawAmount::One)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawAmount, E> {
                ScalarVisitor.visit_i64(v).map(RawAmount::One)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawAmount, E> {
                ScalarVisitor.visit_u64(v).map(RawAmount::One)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawAmount, E> {
                ScalarVisitor.visit_f64(v).map(RawAmount::One)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAmount, E> {
                ScalarVisitor.visit_str(v).map(RawAmount::One)
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawAmount, E> {
                Ok(RawAmount::One(Scalar::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<RawAmount, E> {
                Ok(RawAmount::One(Scalar::Null))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawAmount, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawAmount, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(RawAmount::List)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAmount, A::Error> {
                let mut parts = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    parts.push((key, map.next_value::<Spanned<Scalar>>()?));
                }
                Ok(RawAmount::Parts(parts))
            }
        }
        d.deserialize_any(V)
    }
}
