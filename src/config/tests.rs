use super::*;

#[test]
fn title_alone_builds_with_every_default() {
    let c = Config::parse("[report]\ntitle = \"さくら台市の環境\"\n").unwrap();
    assert_eq!(c.rate_decimals, 1);
    assert_eq!(c.project_rate_decimals, 0);
    assert_eq!(c.era, EraStyle::Both);
    assert_eq!(c.output, "public");
    assert_eq!(c.default_scale, "standard");
    assert_eq!(c.scale("standard").grades.len(), 5);
    assert_eq!(c.lang, Lang::Ja);
}

#[test]
fn unknown_key_names_line_and_nearest_key() {
    let err = Config::parse("[report]\ntitle = \"x\"\norganisation = \"y\"\n").unwrap_err();
    assert_eq!(err[0].line, 3);
    assert!(
        err[0].message.contains("organisation"),
        "{}",
        err[0].message
    );
    assert_eq!(
        err[0].hint.as_deref(),
        Some("「organization」の誤りではありませんか")
    );
}

#[test]
fn check_digit_of_the_local_government_code() {
    assert!(validate_local_government_code("112089", Lang::Ja).is_ok()); // 所沢市
    assert!(validate_local_government_code("131016", Lang::Ja).is_ok()); // 千代田区
    let e = validate_local_government_code("112088", Lang::Ja).unwrap_err();
    assert!(e.contains("112089"), "{e}");
    assert!(validate_local_government_code("11208", Lang::Ja).is_err());
    let err = Config::parse("[report]\ntitle = \"x\"\ncode = \"112080\"\n").unwrap_err();
    assert_eq!(err[0].line, 3);
}

#[test]
fn grade_lookup_follows_the_scale() {
    let s = Scale::standard(Lang::Ja);
    assert_eq!(s.grade_for(Decimal::new(1000, 1)).mark, "A");
    assert_eq!(s.grade_for(Decimal::new(999, 1)).mark, "B");
    assert_eq!(s.grade_for(Decimal::new(-5, 0)).mark, "D");
    assert_eq!(s.highest().mark, "A");
    assert_eq!(s.lowest().mark, "D");
}

#[test]
fn undefined_scale_and_unsorted_grades_are_errors() {
    let err =
        Config::parse("[report]\ntitle = \"x\"\n[evaluation]\nscale = \"standerd\"\n").unwrap_err();
    assert_eq!(err[0].line, 4);
    assert!(err[0].hint.as_deref().unwrap().contains("standard"));
    let err = Config::parse(
        "[report]\ntitle = \"x\"\n[evaluation.scales.s]\ngrades = [{ min = 50.0, mark = \"B\", label = \"b\" }, { min = 80.0, mark = \"A\", label = \"a\" }]\n",
    )
    .unwrap_err();
    assert!(err[0].message.contains("大きい順"), "{}", err[0].message);
}
