//! The shapes of the monitoring YAML editors write (SPEC §12): content/monitoring/<id>.yaml
//! (a measured item, its standard and its sites) and content/<year>/monitoring.yaml (dataset
//! → site → value). Values keep their place in the file, so that a number is read from the
//! text the editor typed (0.030 stays 0.030) rather than from the float YAML makes of it.

use std::fmt;

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::raw::Id;
use crate::era::FiscalYear;

/// A scalar as YAML read it. Numbers are re-read from the file's text by their span.
#[derive(Debug, Clone, PartialEq)]
pub enum RawScalar {
    /// `null`, `~` or nothing.
    Null,
    /// `true` / `false`: never a value.
    Bool(bool),
    /// A plain scalar YAML took for a number; its text is in the file.
    Number,
    /// A string (quoted, or plain and not a number).
    Text(String),
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = RawScalar;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawScalar, E> {
        Ok(RawScalar::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<RawScalar, E> {
        Ok(RawScalar::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawScalar, E> {
        Ok(RawScalar::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawScalar, E> {
        Ok(RawScalar::Number)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawScalar, E> {
        Ok(RawScalar::Number)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<RawScalar, E> {
        Ok(RawScalar::Number)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<RawScalar, E> {
        Ok(RawScalar::Number)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawScalar, E> {
        Ok(RawScalar::Number)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawScalar, E> {
        Ok(RawScalar::Text(v.to_string()))
    }
}

impl<'de> Deserialize<'de> for RawScalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// A value in a year's file: a scalar, or a mapping with the value and what the city said.
#[derive(Debug)]
pub enum RawReading {
    /// `0.031`, `"<0.5"`, `欠測`, `null`.
    Scalar(RawScalar),
    /// `{ value: 0.064, meets: false, note: … }`.
    Map(RawReadingMap),
}

/// The mapping form of a value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReadingMap {
    pub value: Option<Spanned<RawScalar>>,
    pub meets: Option<Spanned<bool>>,
    pub judged: Option<Spanned<bool>>,
    pub note: Option<String>,
}

impl<'de> Deserialize<'de> for RawReading {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawReading;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawReading, A::Error> {
                RawReadingMap::deserialize(MapAccessDeserializer::new(map)).map(RawReading::Map)
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Null))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Bool(v)))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Number))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Number))
            }
            fn visit_i128<E: de::Error>(self, _: i128) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Number))
            }
            fn visit_u128<E: de::Error>(self, _: u128) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Number))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Number))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawReading, E> {
                Ok(RawReading::Scalar(RawScalar::Text(v.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

/// content/<year>/monitoring.yaml: dataset id → site id → value; a dataset may be left
/// empty (`no2:`).
pub type RawMonitoringYear =
    IndexMap<Spanned<Id>, Option<IndexMap<Spanned<Id>, Spanned<RawReading>>>>;

/// content/monitoring/<dataset-id>.yaml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    pub title: Spanned<String>,
    pub group: Spanned<RawGroup>,
    pub unit: Option<String>,
    pub statistic: Option<String>,
    pub decimals: Option<Spanned<u32>>,
    pub standard: Option<RawStandards>,
    pub counter: Option<Spanned<String>>,
    #[serde(default)]
    pub weight: i64,
    pub note: Option<String>,
    #[serde(default)]
    pub sites: Vec<Spanned<RawSiteRef>>,
}

/// `group: 大気`, or `group: { id: kogai, name: 公害苦情 }` for a name nenpo has no id for.
#[derive(Debug)]
pub enum RawGroup {
    /// The name alone.
    Name(String),
    /// An id and a name.
    Full { id: String, name: String },
}

impl<'de> Deserialize<'de> for RawGroup {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            id: Id,
            name: String,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawGroup;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawGroup, E> {
                Ok(RawGroup::Name(v.trim().to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawGroup, A::Error> {
                let f = Full::deserialize(MapAccessDeserializer::new(map))?;
                Ok(RawGroup::Full {
                    id: f.id.0,
                    name: f.name.trim().to_string(),
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// One standard, or a list of standards by year.
#[derive(Debug, Default)]
pub struct RawStandards(pub Vec<RawStandard>);

/// A standard as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandard {
    pub from: Option<Spanned<FiscalYear>>,
    pub until: Option<Spanned<FiscalYear>>,
    pub max: Option<Spanned<RawScalar>>,
    pub min: Option<Spanned<RawScalar>>,
    pub text: Option<String>,
}

impl<'de> Deserialize<'de> for RawStandards {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawStandards;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawStandards, E> {
                Ok(RawStandards::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<RawStandards, E> {
                Ok(RawStandards::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawStandards, A::Error> {
                RawStandard::deserialize(MapAccessDeserializer::new(map))
                    .map(|s| RawStandards(vec![s]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawStandards, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<RawStandard>()? {
                    out.push(s);
                }
                Ok(RawStandards(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A site in a dataset's list: its id alone (a site another dataset describes), or the
/// site with its details.
#[derive(Debug)]
pub enum RawSiteRef {
    /// `- honcho`.
    Id(String),
    /// `- { id: honcho, name: 本町局, … }`.
    Full(Box<RawSite>),
}

/// A site as written in a dataset's list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub id: Spanned<Id>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub address: Option<String>,
    pub class: Option<String>,
    pub note: Option<String>,
    pub standard: Option<RawStandards>,
    pub from: Option<Spanned<FiscalYear>>,
    pub until: Option<Spanned<FiscalYear>>,
}

impl<'de> Deserialize<'de> for RawSiteRef {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawSiteRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawSiteRef, E> {
                Ok(RawSiteRef::Id(v.trim().to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawSiteRef, E> {
                Ok(RawSiteRef::Id(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawSiteRef, E> {
                Ok(RawSiteRef::Id(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawSiteRef, A::Error> {
                RawSite::deserialize(MapAccessDeserializer::new(map))
                    .map(|s| RawSiteRef::Full(Box::new(s)))
            }
        }
        d.deserialize_any(V)
    }
}

/// `from: { dataset: no2, site: honcho }` on an indicator: its actuals come from a dataset.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrom {
    pub dataset: Spanned<Id>,
    pub site: Spanned<Id>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml::parse_yaml;
    use crate::diag::Lang;

    #[test]
    fn a_year_file_keeps_each_values_place() {
        let text = "no2: { honcho: 0.030, kokudo: \"<0.5\" }\nspm:\n  honcho: { value: 0.064, meets: false, note: 2日連続 }\n  kokudo: 欠測\nox:\n";
        let y: RawMonitoringYear = parse_yaml(text, "m.yaml", 0, Lang::Ja).unwrap();
        let no2 = y[0].as_ref().unwrap();
        let honcho = &no2[0];
        assert!(matches!(
            honcho.value,
            RawReading::Scalar(RawScalar::Number)
        ));
        assert_eq!(
            (
                honcho.referenced.line(),
                honcho.referenced.column(),
                honcho.referenced.span().len()
            ),
            (1, 16, 5)
        );
        let spm = y[1].as_ref().unwrap();
        let RawReading::Map(m) = &spm[0].value else {
            panic!("{:?}", spm[0].value)
        };
        let v = m.value.as_ref().unwrap();
        assert_eq!((v.referenced.line(), v.referenced.column()), (3, 20));
        assert!(!m.meets.as_ref().unwrap().value);
        assert!(y[2].is_none());
    }

    #[test]
    fn a_dataset_with_standards_by_year_and_sites_two_ways() {
        let text = "title: BOD\ngroup: 水質\nunit: mg/L\nstandard: [{ from: 2012, max: 8 }, { max: 5 }]\nsites:\n  - { id: kamo, name: 鴨川, standard: { max: 3.0 } }\n  - ochiai\n";
        let d: RawDataset = parse_yaml(text, "d.yaml", 0, Lang::Ja).unwrap();
        assert_eq!(d.standard.as_ref().unwrap().0.len(), 2);
        assert!(matches!(&d.sites[1].value, RawSiteRef::Id(id) if id == "ochiai"));
        let RawSiteRef::Full(kamo) = &d.sites[0].value else {
            panic!()
        };
        let max = kamo.standard.as_ref().unwrap().0[0].max.as_ref().unwrap();
        assert_eq!(max.referenced.span().len(), 3);
        let bad = parse_yaml::<RawDataset>(
            "title: x\ngroup: 大気\nsites: [{ id: a, nmae: b }]\n",
            "d.yaml",
            0,
            Lang::Ja,
        )
        .unwrap_err();
        assert_eq!(bad.line, 3);
        assert!(bad.message.contains("nmae"), "{}", bad.message);
    }
}
