//! Ids for SVG elements: callers' ids reduced to what XML ids and `url(#…)` accept.

/// `A-Za-z0-9_-` kept, anything else `-`, with `prefix` put first unless the id already
/// starts with a letter (an XML id may not start with a digit).
pub fn xml_id(id: &str, prefix: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, prefix);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_safe_in_xml() {
        assert_eq!(super::xml_id("2021-kankyo/1", "c-"), "c-2021-kankyo-1");
        assert_eq!(super::xml_id("trend-緑", "c-"), "trend--");
    }
}
