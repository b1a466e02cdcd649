use super::*;

#[test]
fn fill_replaces_placeholders_and_keeps_escaped_braces() {
    assert_eq!(fill("{a}と{b}", &[("a", &"x"), ("b", &2)]), "xと2");
    assert_eq!(fill("{{a}} {a}", &[("a", &1)]), "{a} 1");
    assert_eq!(fill("{ not a slot }", &[]), "{ not a slot }");
}
