use super::*;
use proptest::prelude::*;

fn ok(text: &str) -> String {
    parse_number(text)
        .unwrap_or_else(|e| panic!("{text}: {e:?}"))
        .to_string()
}

fn err(text: &str) -> NumberError {
    parse_number(text).expect_err(text)
}

#[test]
fn written_precision_is_kept() {
    assert_eq!(ok("60.30"), "60.30");
    assert_eq!(ok("170.0"), "170.0");
    assert_eq!(ok("47.8"), "47.8");
    assert_eq!(ok("1,234.50"), "1234.50");
    assert_eq!(ok("0.031"), "0.031");
    assert_eq!(ok("0"), "0");
}

#[test]
fn grouping_and_widths() {
    assert_eq!(ok("1,234"), "1234");
    assert_eq!(ok("12,345.6"), "12345.6");
    assert_eq!(ok("2,932,266,572,410"), "2932266572410");
    assert_eq!(ok("１，２３４．５"), "1234.5");
    assert_eq!(ok(" 98 "), "98");
    assert_eq!(ok("　７０６８　"), "7068");
}

#[test]
fn negatives_as_cities_write_them() {
    for t in ["-1.3", "−1.3", "△1.3", "▲1.3", "－1.3", "△ 1.3"] {
        assert_eq!(ok(t), "-1.3", "{t}");
    }
    assert_eq!(ok("△43,348,901"), "-43348901");
    assert_eq!(ok("△0"), "0");
    assert_eq!(ok("+5"), "5");
}

#[test]
fn commas_outside_groups_of_three_are_refused_with_the_reason() {
    for t in [
        "39,5", "1,23", "12,3456", "1,2345", ",123", "1,,234", "1234,567", "0,5",
    ] {
        assert_eq!(err(t), NumberError::Grouping, "{t}");
    }
    assert_eq!(err("1.234,5"), NumberError::DecimalComma);
    let msg = NumberError::Grouping.message("39,5", Lang::Ja);
    assert!(msg.contains("桁区切りの「,」は3桁ごとです"), "{msg}");
    let hint = NumberError::Grouping.hint("39,5", Lang::Ja);
    assert!(hint.contains("39.5"), "{hint}");
    assert!(hint.contains("395"), "{hint}");
}

#[test]
fn words_units_and_forms_are_refused_with_the_reason() {
    assert_eq!(err("約50"), NumberError::Approx);
    assert_eq!(err("85%"), NumberError::Percent);
    assert_eq!(err("85％"), NumberError::Percent);
    assert_eq!(err("50件"), NumberError::Unit("件".into()));
    assert_eq!(err("1,075g"), NumberError::Unit("g".into()));
    assert_eq!(err("100〜120"), NumberError::Range);
    assert_eq!(err("1e3"), NumberError::Form(Form::Exponent));
    assert_eq!(err("0x10"), NumberError::Form(Form::Radix));
    assert_eq!(err("1_000"), NumberError::Form(Form::Underscore));
    assert_eq!(err(".5"), NumberError::Form(Form::NothingBeforePoint));
    assert_eq!(err("5."), NumberError::Form(Form::NothingAfterPoint));
    assert_eq!(err("1.2.3"), NumberError::Form(Form::TwoPoints));
    assert_eq!(err("007"), NumberError::Form(Form::LeadingZero));
    assert_eq!(err("+-5"), NumberError::Form(Form::TwoSigns));
    assert_eq!(err("1 234"), NumberError::Form(Form::Space));
    assert_eq!(err(""), NumberError::Empty);
    assert_eq!(err("abc"), NumberError::NotANumber);
    assert_eq!(err(&"9".repeat(29)), NumberError::TooLong);
    assert_eq!(err(&format!("0.{}", "1".repeat(28))), NumberError::TooLong);
    let msg = NumberError::Unit("件".into()).message("50件", Lang::Ja);
    assert!(msg.contains("単位は unit に書きます"), "{msg}");
}

#[test]
fn statuses_and_cells() {
    assert_eq!(parse_cell("未集計"), Ok(Cell::Status(Status::NotCollected)));
    for t in ["－", "ー", "-", "該当なし"] {
        assert_eq!(
            parse_cell(t),
            Ok(Cell::Status(Status::NotApplicable)),
            "{t}"
        );
    }
    for t in ["…", "不明", "..."] {
        assert_eq!(parse_cell(t), Ok(Cell::Status(Status::Unknown)), "{t}");
    }
    for t in ["x", "X", "ｘ", "秘匿"] {
        assert_eq!(parse_cell(t), Ok(Cell::Status(Status::Withheld)), "{t}");
    }
    assert_eq!(parse_cell("欠測"), Ok(Cell::Status(Status::Missing)));
    assert_eq!(
        parse_cell("△3"),
        Ok(Cell::Value(Decimal::from_str("-3").unwrap()))
    );
}

#[test]
fn source_text_recovers_what_was_typed() {
    let src = "a: 60.30\nb: { actual: 170.0, target: 1,234 }\r\nc: ７０\n";
    assert_eq!(source_text(src, 1, 4, 5), Some("60.30"));
    assert_eq!(source_text(src, 2, 14, 5), Some("170.0"));
    assert_eq!(source_text(src, 3, 4, 2), Some("７０"));
    assert_eq!(source_text(src, 9, 1, 1), None);
    assert_eq!(source_text(src, 0, 1, 1), None);
}

/// A number built from its parts, written the way a person would write it.
fn written() -> impl Strategy<Value = (String, String)> {
    (
        prop::sample::select(vec!["", "-", "−", "△", "▲"]),
        0u64..10_000_000_000,
        prop::option::of("[0-9]{1,6}"),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(sign, int, frac, grouped, wide)| {
            let digits = int.to_string();
            let int_text = if grouped {
                let mut out = String::new();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i) % 3 == 0 {
                        out.push(',');
                    }
                    out.push(c);
                }
                out
            } else {
                digits.clone()
            };
            let frac_text = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let mut text = format!("{sign}{int_text}{frac_text}");
            let zero = int == 0 && frac_text.trim_matches(['.', '0']).is_empty();
            let meant = format!(
                "{}{digits}{frac_text}",
                if sign.is_empty() || zero { "" } else { "-" }
            );
            if wide {
                text = text
                    .chars()
                    .map(|c| match c {
                        '0'..='9' | ',' | '.' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                        _ => c,
                    })
                    .collect();
            }
            (text, meant)
        })
}

/// An independent reading of the grammar: every comma splits groups of exactly three
/// digits after a head of one to three.
fn commas_well_placed(text: &str) -> bool {
    let t = normalize(text);
    let body = t.trim_start_matches(['-', '−', '△', '▲', '+']).trim();
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if frac.contains(',') {
        return false;
    }
    if !int.contains(',') {
        return true;
    }
    let mut parts = int.split(',');
    let head = parts.next().unwrap_or("");
    (1..=3).contains(&head.len()) && parts.all(|g| g.len() == 3)
}

proptest! {
    #[test]
    fn every_well_written_number_means_what_a_person_means((text, meant) in written()) {
        let d = parse_number(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e:?}")))?;
        prop_assert_eq!(d.to_string(), meant);
    }

    #[test]
    fn no_comma_outside_three_digit_groups_ever_parses(text in "[-△0-9,. ]{1,12}") {
        if let Ok(d) = parse_number(&text) {
            prop_assert!(commas_well_placed(&text), "{} parsed as {}", text, d);
            let plain: String = normalize(&text).chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
            prop_assert_eq!(d.abs().to_string(), plain);
        }
    }

    #[test]
    fn any_text_parses_or_is_refused_without_panicking(text in "\\PC{0,16}") {
        let _ = parse_cell(&text);
    }
}
