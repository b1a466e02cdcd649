//! Setting one key of a one-line flow mapping in place: monitoring.yaml writes a value the
//! city qualified as `{ value: 3.4, meets: false, note: … }`, and an import that changes the
//! value or the note must keep the rest of the mapping as the editor wrote it.

use indexmap::IndexMap;
use serde_saphyr::Spanned;

/// `map` (`{ value: 3.4, note: 少雨 }`) with `key` set to `with` (already spelt as YAML):
/// its value's text replaced where it is, or `key: with` added before the closing brace.
/// None when `map` is not a one-line flow mapping.
pub fn set_in_flow_map(map: &str, key: &str, with: &str) -> Option<String> {
    let t = map.trim();
    if !t.starts_with('{') || !t.ends_with('}') || t.contains('\n') {
        return None;
    }
    let parsed: IndexMap<String, Spanned<serde::de::IgnoredAny>> =
        serde_saphyr::from_str(t).ok()?;
    if let Some(v) = parsed.get(key) {
        let s = v.referenced.span();
        let start = usize::try_from(s.byte_offset()?).ok()?;
        let len = usize::try_from(s.byte_len()?).ok()?;
        // An empty value (`note:`) has no text to replace: written after its colon.
        if len == 0 || start + len > t.len() {
            return None;
        }
        return Some(format!("{}{with}{}", &t[..start], &t[start + len..]));
    }
    if parsed.is_empty() {
        return Some(format!("{{ {key}: {with} }}"));
    }
    let body = t[..t.len() - 1].trim_end();
    let gap = &t[body.len()..t.len() - 1];
    Some(format!("{body}, {key}: {with}{gap}}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_replaced_in_place_and_the_rest_kept() {
        assert_eq!(
            set_in_flow_map("{ value: 3.4, meets: false, note: 少雨 }", "value", "3.50"),
            Some("{ value: 3.50, meets: false, note: 少雨 }".into())
        );
        assert_eq!(
            set_in_flow_map("{value: \"<0.5\",note: x}", "note", "\"y, z\""),
            Some("{value: \"<0.5\",note: \"y, z\"}".into())
        );
    }

    #[test]
    fn a_missing_key_is_added_before_the_brace() {
        assert_eq!(
            set_in_flow_map("{ value: 3.4, meets: false }", "note", "少雨"),
            Some("{ value: 3.4, meets: false, note: 少雨 }".into())
        );
        assert_eq!(
            set_in_flow_map("{value: 3.4}", "note", "n"),
            Some("{value: 3.4, note: n}".into())
        );
        assert_eq!(
            set_in_flow_map("{}", "value", "1"),
            Some("{ value: 1 }".into())
        );
    }

    #[test]
    fn what_is_not_a_one_line_mapping_is_left_alone() {
        assert_eq!(set_in_flow_map("3.4", "value", "1"), None);
        assert_eq!(
            set_in_flow_map("{ value: 3.4,\n note: x }", "value", "1"),
            None
        );
        assert_eq!(set_in_flow_map("{ value: 3.4, note: }", "note", "x"), None);
    }
}
