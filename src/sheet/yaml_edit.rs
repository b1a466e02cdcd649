//! Editing actuals.yaml in place: each value the import sets is spliced into the text where
//! serde-saphyr located it, so comments, order, quoting, blank lines, CRLF line ends, a
//! byte-order mark and every value not set stay byte-identical.
//!
//! An entry that is not there yet is appended in the style of the file (block or flow
//! mappings, its indentation, blank lines between entries). After splicing, the result is
//! parsed again and every value but the ones set is compared with the original, so an edit
//! that would change anything else is refused instead of written.

use std::ops::Range;

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::{Location, Spanned};

use crate::content::raw::Id;
use crate::new_year::yaml_str;

mod flow;
pub use flow::set_in_flow_map;

/// A value to set: `field` of the entry `id`, to the YAML scalar `text` (already spelt:
/// `60.30`, `null`, `"備考"`). In monitoring.yaml the entry is a dataset and the field a
/// site, whose value may be a one-line mapping (`{ value: 3.4, note: … }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The indicator id, or the dataset id.
    pub id: String,
    /// `actual` or `note`, or the site id.
    pub field: String,
    /// The value as plain text: a number, a status word, `null`, or a note (quoted here).
    pub value: String,
    /// Whether `value` is free text that must be quoted as YAML needs.
    pub is_text: bool,
}

/// Why the file could not be edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The file is not the mapping actuals.yaml is (the loader says more).
    Unreadable(String),
    /// A value is written in a way nenpo does not rewrite (a block scalar, an anchor, a
    /// mapping): the entry's id and the field, with its line.
    NotEditable {
        /// The indicator id.
        id: String,
        /// The field.
        field: String,
        /// 1-based line of the value.
        line: u64,
    },
    /// The edit would have changed something else: nothing is written.
    Verify(String),
}

/// A scalar leaf: a value, null, or something that is not a scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Scalar,
    Null,
    Compound,
}

impl<'de> Deserialize<'de> for Leaf {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Leaf;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value")
            }
            fn visit_i64<E>(self, _: i64) -> Result<Leaf, E> {
                Ok(Leaf::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Leaf, E> {
                Ok(Leaf::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Leaf, E> {
                Ok(Leaf::Scalar)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Leaf, E> {
                Ok(Leaf::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<Leaf, E> {
                Ok(Leaf::Scalar)
            }
            fn visit_unit<E>(self) -> Result<Leaf, E> {
                Ok(Leaf::Null)
            }
            fn visit_none<E>(self) -> Result<Leaf, E> {
                Ok(Leaf::Null)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Leaf, A::Error> {
                while m
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Leaf::Compound)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Leaf, A::Error> {
                while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Leaf::Compound)
            }
        }
        d.deserialize_any(V)
    }
}

type RawDoc = IndexMap<Spanned<Id>, Spanned<Option<IndexMap<Spanned<Id>, Spanned<Leaf>>>>>;

/// A field of an entry and where its key and value are.
#[derive(Debug, Clone)]
struct Field {
    name: String,
    key: Range<usize>,
    value: Range<usize>,
    leaf: Leaf,
    aliased: bool,
    line: u64,
}

/// An entry: its id, where its value starts, and its fields.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    key: Range<usize>,
    value: Range<usize>,
    /// None: the entry's value is null (`co2:` or `co2: ~`).
    fields: Option<Vec<Field>>,
    flow: bool,
}

fn span(text: &str, loc: &Location) -> Option<Range<usize>> {
    let s = loc.span();
    let start = usize::try_from(s.byte_offset()?).ok()?;
    let len = usize::try_from(s.byte_len()?).ok()?;
    (start + len <= text.len()).then_some(start..start + len)
}

/// The end of the flow collection (`{ … }` or `[ … ]`) that starts at `start`, past nested
/// ones and quoted text; none when it is not one or does not close on its line.
fn flow_end(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text[start..].char_indices() {
        if std::mem::take(&mut escaped) {
            continue;
        }
        match (quote, c) {
            (Some('"'), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(start + i + 1);
                }
            }
            (None, '\n') => return None,
            _ => {}
        }
    }
    None
}

/// The entries of actuals.yaml with their places. `text` has no BOM.
fn entries(text: &str) -> Result<Vec<Entry>, EditError> {
    let meaningful = text
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---");
    if !meaningful {
        return Ok(Vec::new());
    }
    let raw: RawDoc =
        serde_saphyr::from_str(text).map_err(|e| EditError::Unreadable(e.to_string()))?;
    let bad = || EditError::Unreadable(String::new());
    let mut out = Vec::new();
    for (k, v) in raw {
        let key = span(text, &k.referenced).ok_or_else(bad)?;
        let value = span(text, &v.referenced).ok_or_else(bad)?;
        let flow = text[value.clone()].starts_with('{');
        let fields = match v.value {
            None => None,
            Some(map) => {
                let mut fields = Vec::new();
                for (fk, fv) in map {
                    let mut value = span(text, &fv.referenced).ok_or_else(bad)?;
                    if fv.value == Leaf::Compound {
                        // The parser places a mapping at its `{`: take it to its `}`.
                        value.end = flow_end(text, value.start).unwrap_or(value.end);
                    }
                    fields.push(Field {
                        name: fk.value.0,
                        key: span(text, &fk.referenced).ok_or_else(bad)?,
                        value,
                        leaf: fv.value,
                        aliased: fv.referenced != fv.defined,
                        line: fv.referenced.line(),
                    });
                }
                Some(fields)
            }
        };
        out.push(Entry {
            id: k.value.0,
            key,
            value,
            fields,
            flow,
        });
    }
    Ok(out)
}

/// The current text of `field` of each entry, as typed (for reading what the file holds).
pub fn current_values(text: &str, field: &str) -> Result<IndexMap<String, String>, EditError> {
    Ok(current_entries(text)?
        .into_iter()
        .filter_map(|(id, mut fields)| fields.shift_remove(field).map(|v| (id, v)))
        .collect())
}

/// Every entry's fields with their text as typed (`null` for an empty one): actuals.yaml's
/// id → field → value, monitoring.yaml's dataset → site → value.
pub fn current_entries(
    text: &str,
) -> Result<IndexMap<String, IndexMap<String, String>>, EditError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = IndexMap::new();
    for e in entries(text)? {
        let fields = e
            .fields
            .iter()
            .flatten()
            .map(|f| {
                let v = match f.leaf {
                    Leaf::Null => "null".to_string(),
                    _ => text[f.value.clone()].to_string(),
                };
                (f.name.clone(), v)
            })
            .collect();
        out.insert(e.id, fields);
    }
    Ok(out)
}

/// How the file writes things: its line end, whether entries are flow mappings, the
/// indentation of block fields, and whether entries are separated by blank lines.
struct Style {
    eol: &'static str,
    flow: bool,
    indent: String,
    blank_between: bool,
}

impl Style {
    fn of(text: &str, entries: &[Entry]) -> Style {
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let flows = entries.iter().filter(|e| e.flow).count();
        let blocks = entries.iter().filter(|e| e.fields.is_some() && !e.flow);
        let indent = blocks
            .clone()
            .find_map(|e| {
                let first = e.fields.as_ref()?.first()?;
                let line = line_start(text, first.key.start);
                let pad = &text[line..first.key.start];
                pad.chars().all(|c| c == ' ').then(|| pad.to_string())
            })
            .unwrap_or_else(|| "  ".into());
        let blank_between =
            entries.len() < 2 || text.contains(&format!("{eol}{eol}")) || text.contains("\n\n");
        Style {
            eol,
            flow: flows > blocks.count(),
            indent,
            blank_between,
        }
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The value as YAML writes it inside a flow mapping or a block one.
fn scalar(e: &Edit, flow: bool) -> String {
    if e.is_text {
        yaml_str(&e.value, flow)
    } else {
        e.value.clone()
    }
}

/// Sets every edit and returns the new text; `comment` gives the comment line written above
/// an entry that is appended (the indicator's name).
pub fn apply(
    original: &str,
    edits: &[Edit],
    comment: &dyn Fn(&str) -> Option<String>,
) -> Result<String, EditError> {
    let (bom, text) = match original.strip_prefix('\u{feff}') {
        Some(t) => ("\u{feff}", t),
        None => ("", original),
    };
    let list = entries(text)?;
    let style = Style::of(text, &list);
    let mut splices: Vec<(Range<usize>, String)> = Vec::new();
    let mut appended = String::new();
    let mut ids: Vec<&str> = Vec::new();
    for e in edits {
        if !ids.contains(&e.id.as_str()) {
            ids.push(&e.id);
        }
    }
    for id in ids {
        let mine: Vec<&Edit> = edits.iter().filter(|e| e.id == id).collect();
        match list.iter().find(|e| e.id == id) {
            Some(entry) => splices.extend(entry_splices(text, entry, &mine, &style)?),
            None => {
                if style.blank_between && !appended.is_empty() {
                    appended.push_str(style.eol);
                }
                appended.push_str(&new_entry(id, &mine, &style, comment(id)));
            }
        }
    }
    splices.sort_by_key(|(r, _)| (r.start, r.end));
    if splices.windows(2).any(|w| w[0].0.end > w[1].0.start) {
        return Err(EditError::Verify("overlap".into()));
    }
    let mut out = text.to_string();
    for (range, with) in splices.into_iter().rev() {
        out.replace_range(range, &with);
    }
    if !appended.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(style.eol);
        }
        if style.blank_between && !out.is_empty() && !out.ends_with(&format!("{0}{0}", style.eol)) {
            out.push_str(style.eol);
        }
        out.push_str(&appended);
    }
    verify(text, &out, edits)?;
    Ok(format!("{bom}{out}"))
}

/// The splices that set `edits` in an existing entry.
fn entry_splices(
    text: &str,
    entry: &Entry,
    edits: &[&Edit],
    style: &Style,
) -> Result<Vec<(Range<usize>, String)>, EditError> {
    let Some(fields) = &entry.fields else {
        // `co2:` or `co2: ~`: the whole value becomes a flow mapping.
        let inner = edits
            .iter()
            .map(|e| format!("{}: {}", e.field, scalar(e, true)))
            .collect::<Vec<_>>()
            .join(", ");
        return Ok(vec![set_value(
            text,
            &entry.key,
            &entry.value,
            &format!("{{ {inner} }}"),
        )]);
    };
    let mut out = Vec::new();
    for e in edits {
        match fields.iter().find(|f| f.name == e.field) {
            Some(f) => {
                let not_editable = || EditError::NotEditable {
                    id: entry.id.clone(),
                    field: f.name.clone(),
                    line: f.line,
                };
                // A one-line flow mapping (`{ value: 480, approx: true }`) is one value:
                // replaced whole. A block mapping or a list is not rewritten.
                let flow_map = text[f.value.clone()].starts_with('{');
                if f.aliased || (f.leaf == Leaf::Compound && !flow_map) {
                    return Err(not_editable());
                }
                let between = &text[f.key.end..f.value.start.max(f.key.end)];
                let simple = f.value.is_empty()
                    || (between.trim_start().starts_with(':')
                        && between.trim_start()[1..].trim().is_empty());
                if !simple || text[f.value.clone()].contains('\n') {
                    return Err(not_editable());
                }
                out.push(set_value(text, &f.key, &f.value, &scalar(e, entry.flow)));
            }
            None => out.push(add_field(text, entry, fields, e, style)),
        }
    }
    Ok(out)
}

/// Replaces a value; an empty one (`actual:`) is written after its key's colon.
fn set_value(
    text: &str,
    key: &Range<usize>,
    value: &Range<usize>,
    with: &str,
) -> (Range<usize>, String) {
    if !value.is_empty() {
        return (value.clone(), with.to_string());
    }
    let colon = text[key.end..]
        .find(':')
        .map_or(key.end, |i| key.end + i + 1);
    let gap = text[colon..]
        .find(|c: char| c != ' ' && c != '\t')
        .map_or(text.len(), |i| colon + i);
    let comment_follows = text[gap..].starts_with('#');
    let sep = if comment_follows { " " } else { "" };
    (colon..gap, format!(" {with}{sep}"))
}

/// Adds a field to an entry: `actual` first, anything else last.
fn add_field(
    text: &str,
    entry: &Entry,
    fields: &[Field],
    e: &Edit,
    style: &Style,
) -> (Range<usize>, String) {
    let line = format!("{}: {}", e.field, scalar(e, entry.flow));
    let first = e.field == "actual";
    if entry.flow {
        return match (fields.first(), fields.last()) {
            (Some(f), _) if first => (f.key.start..f.key.start, format!("{line}, ")),
            (_, Some(l)) => {
                let end = if l.value.is_empty() {
                    text[l.key.end..]
                        .find(':')
                        .map_or(l.key.end, |i| l.key.end + i + 1)
                } else {
                    l.value.end
                };
                (end..end, format!(", {line}"))
            }
            _ => {
                let close = text[entry.value.start..]
                    .find('}')
                    .map_or(entry.value.end, |i| entry.value.start + i + 1);
                (entry.value.start..close, format!("{{ {line} }}"))
            }
        };
    }
    let eol = style.eol;
    match (fields.first(), fields.last()) {
        (Some(f), _) if first => {
            let at = line_start(text, f.key.start);
            let indent = text[at..f.key.start].to_string();
            (at..at, format!("{indent}{line}{eol}"))
        }
        (Some(f), Some(l)) => {
            let indent = text[line_start(text, f.key.start)..f.key.start].to_string();
            let end = l.value.end.max(l.key.end);
            let at = if text[..end].ends_with('\n') {
                end
            } else {
                text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
            };
            let lead = if at == text.len() && !text.ends_with('\n') {
                eol
            } else {
                ""
            };
            (at..at, format!("{lead}{indent}{line}{eol}"))
        }
        _ => (entry.value.clone(), format!("{{ {line} }}")),
    }
}

/// An entry appended to the file, in its style.
fn new_entry(id: &str, edits: &[&Edit], style: &Style, comment: Option<String>) -> String {
    let eol = style.eol;
    let mut out = String::new();
    if let Some(c) = comment {
        out.push_str(&format!("# {c}{eol}"));
    }
    let key = yaml_str(id, false);
    if style.flow {
        let inner = edits
            .iter()
            .map(|e| format!("{}: {}", e.field, scalar(e, true)))
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&format!("{key}: {{ {inner} }}{eol}"));
    } else {
        out.push_str(&format!("{key}:{eol}"));
        for e in edits {
            out.push_str(&format!(
                "{}{}: {}{eol}",
                style.indent,
                e.field,
                scalar(e, false)
            ));
        }
    }
    out
}

/// Parses the result again: every edited value reads as set, and every other value is the
/// same text as before.
fn verify(before: &str, after: &str, edits: &[Edit]) -> Result<(), EditError> {
    let fail = |why: String| EditError::Verify(why);
    let old = entries(before)?;
    let new = entries(after).map_err(|e| fail(format!("{e:?}")))?;
    let leaves = |text: &str, list: &[Entry]| -> Vec<(String, String, String)> {
        list.iter()
            .flat_map(|e| {
                e.fields.iter().flatten().map(move |f| {
                    let v = match f.leaf {
                        Leaf::Null => "null".to_string(),
                        _ => text[f.value.clone()].to_string(),
                    };
                    (e.id.clone(), f.name.clone(), v)
                })
            })
            .collect()
    };
    let edited = |id: &str, field: &str| edits.iter().any(|e| e.id == id && e.field == field);
    let keep = |v: Vec<(String, String, String)>| -> Vec<(String, String, String)> {
        v.into_iter().filter(|(i, f, _)| !edited(i, f)).collect()
    };
    let (old_leaves, new_leaves) = (leaves(before, &old), leaves(after, &new));
    if keep(old_leaves) != keep(new_leaves.clone()) {
        return Err(fail("other values changed".into()));
    }
    for e in edits {
        let found = new_leaves
            .iter()
            .find(|(i, f, _)| *i == e.id && *f == e.field)
            .map(|(_, _, v)| v.as_str());
        let wanted_flow = scalar(e, true);
        let wanted_block = scalar(e, false);
        if found != Some(wanted_flow.as_str()) && found != Some(wanted_block.as_str()) {
            return Err(fail(format!("{} {} reads {found:?}", e.id, e.field)));
        }
    }
    let ids = |l: &[Entry]| l.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    let (old_ids, new_ids) = (ids(&old), ids(&new));
    if new_ids[..old_ids.len().min(new_ids.len())] != old_ids[..] {
        return Err(fail("entries moved".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
