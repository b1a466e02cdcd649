use super::*;

fn set(id: &str, field: &'static str, value: &str) -> Edit {
    Edit {
        id: id.into(),
        field: field.into(),
        value: value.into(),
        is_text: field == "note",
    }
}

fn no_comment(_: &str) -> Option<String> {
    None
}

fn apply_one(text: &str, e: Edit) -> String {
    apply(text, &[e], &no_comment).unwrap()
}

#[test]
fn a_block_value_changes_alone() {
    let text = "# 令和3年度\n\n# 目標1\nco2:\n  actual: 17650   # 速報値\n  note: 前年より増加\n\nrate:\n  actual: 20.8\n";
    let out = apply_one(text, set("co2", "actual", "17660"));
    assert_eq!(out, text.replace("17650", "17660"));
}

#[test]
fn a_flow_value_changes_alone_and_quotes_go_with_the_old_value() {
    let text = "a: { actual: \"1,234\", target: 1200 }  # 件\nb: {actual: 5}\n";
    let out = apply_one(text, set("a", "actual", "1300"));
    assert_eq!(
        out,
        "a: { actual: 1300, target: 1200 }  # 件\nb: {actual: 5}\n"
    );
}

#[test]
fn an_empty_value_is_filled_after_its_colon() {
    let text = "a:\n  actual:\n  target: 3\nb:\n  actual:   # まだ\n";
    let out = apply(
        text,
        &[set("a", "actual", "1.50"), set("b", "actual", "2")],
        &no_comment,
    )
    .unwrap();
    assert_eq!(
        out,
        "a:\n  actual: 1.50\n  target: 3\nb:\n  actual: 2 # まだ\n"
    );
    let flow = "c: { actual: , target: 5 }\n";
    assert_eq!(
        apply_one(flow, set("c", "actual", "4")),
        "c: { actual: 4, target: 5 }\n"
    );
}

#[test]
fn a_missing_field_is_added_in_the_entrys_style() {
    let block = "a:\n    target: 3\n    note: x\n";
    assert_eq!(
        apply_one(block, set("a", "actual", "7")),
        "a:\n    actual: 7\n    target: 3\n    note: x\n"
    );
    let block = "a:\n  actual: 1\n  target: 3   # 計画\nb:\n  actual: 2\n";
    assert_eq!(
        apply_one(block, set("a", "note", "速報値")),
        "a:\n  actual: 1\n  target: 3   # 計画\n  note: 速報値\nb:\n  actual: 2\n"
    );
    let flow = "a: { target: 3 }\n";
    assert_eq!(
        apply(
            flow,
            &[set("a", "actual", "7"), set("a", "note", "a, b")],
            &no_comment
        )
        .unwrap(),
        "a: { actual: 7, target: 3, note: \"a, b\" }\n"
    );
}

#[test]
fn a_null_entry_becomes_a_mapping() {
    assert_eq!(
        apply_one("a:\nb: ~\n", set("a", "actual", "1")),
        "a: { actual: 1 }\nb: ~\n"
    );
    assert_eq!(
        apply_one("a:\nb: ~\n", set("b", "actual", "null")),
        "a:\nb: { actual: null }\n"
    );
}

#[test]
fn a_new_entry_is_appended_in_the_files_style_with_crlf_and_bom_kept() {
    let text = "\u{feff}# 実績\r\n\r\na:\r\n  actual: 1\r\n\r\nb:\r\n  actual: 2\r\n";
    let out = apply(text, &[set("c", "actual", "3")], &|_| {
        Some("新しい指標".into())
    })
    .unwrap();
    assert_eq!(
        out,
        format!("{text}\r\n# 新しい指標\r\nc:\r\n  actual: 3\r\n")
    );
    assert!(out.starts_with('\u{feff}'));
    assert!(
        !out.replace("\r\n", "").contains('\n'),
        "no bare LF: {out:?}"
    );

    let flow = "a: { actual: 1 }\nb: { actual: 2 }";
    assert_eq!(
        apply_one(flow, set("c", "actual", "3")),
        "a: { actual: 1 }\nb: { actual: 2 }\nc: { actual: 3 }\n"
    );
    assert_eq!(
        apply_one("", set("1-2", "actual", "3")),
        "\"1-2\":\n  actual: 3\n"
    );
}

#[test]
fn values_nenpo_cannot_rewrite_safely_are_refused() {
    let folded = "a:\n  actual: 1\n  note: >\n    長い\n    備考\n";
    assert!(matches!(
        apply(folded, &[set("a", "note", "x")], &no_comment),
        Err(EditError::NotEditable { line: 4, .. })
    ));
    let alias = "a:\n  target: &t 3\n  actual: *t\n";
    assert!(
        apply(alias, &[set("a", "actual", "4")], &no_comment).is_err(),
        "an alias is not rewritten"
    );
    let tagged = "a:\n  actual: !!str 5\n";
    assert!(apply(tagged, &[set("a", "actual", "4")], &no_comment).is_err());
}

#[test]
fn current_values_are_read_as_typed() {
    let text = "a: { actual: 60.30, note: \"x\" }\nb:\n  actual:\n";
    let v = current_values(text, "actual").unwrap();
    assert_eq!(v["a"], "60.30");
    assert_eq!(v["b"], "null");
    assert_eq!(current_values(text, "note").unwrap()["a"], "\"x\"");
}

#[test]
fn an_approximate_value_is_written_and_replaced_whole() {
    // 約480 into a plain value, and back to an exact one.
    let text = "a:\n  actual: 470  # 速報値\n  note: x\n";
    let approx = apply_one(text, set("a", "actual", "{ value: 480, approx: true }"));
    assert_eq!(
        approx,
        "a:\n  actual: { value: 480, approx: true }  # 速報値\n  note: x\n"
    );
    assert_eq!(
        current_values(&approx, "actual").unwrap()["a"],
        "{ value: 480, approx: true }"
    );
    assert_eq!(
        apply_one(&approx, set("a", "actual", "490")),
        text.replace("470", "490")
    );
    // Inside a flow entry too.
    let flow = "b: { actual: { value: 1.5, approx: true }, note: y }\n";
    assert_eq!(
        apply_one(flow, set("b", "actual", "該当なし")),
        "b: { actual: 該当なし, note: y }\n"
    );
    // A block mapping is not rewritten.
    let block = "c:\n  actual:\n    value: 3\n    approx: true\n";
    assert!(matches!(
        apply(block, &[set("c", "actual", "4")], &no_comment),
        Err(EditError::NotEditable { .. })
    ));
}
