use super::*;

/// Every text of a language's command-line catalogue (and of the spreadsheet commands'
/// group, which holds their help).
fn texts(lang: Lang) -> Vec<String> {
    let t = lang.text();
    [
        serde_json::to_value(&t.cli).unwrap(),
        serde_json::to_value(&t.desk).unwrap(),
    ]
    .iter()
    .flat_map(|group| group.as_object().unwrap().values())
    .filter_map(|v| v.as_str().map(str::to_string))
    .collect()
}

/// Checks that a command and all its arguments and subcommands are described by the
/// catalogue, not by clap's defaults or the developers' doc comments.
fn described(cmd: &clap::Command, texts: &[String], path: &str) {
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    assert!(texts.contains(&about), "{path}: about {about:?}");
    for a in cmd.get_arguments() {
        let help = a.get_help().map(ToString::to_string).unwrap_or_default();
        assert!(
            texts.contains(&help),
            "{path} {}: help {help:?}",
            a.get_id()
        );
        let names = a
            .get_value_names()
            .filter(|_| a.get_action().takes_values());
        for v in names.unwrap_or_default() {
            assert!(
                texts.contains(&v.to_string()),
                "{path} {}: value name {v}",
                a.get_id()
            );
        }
    }
    for s in cmd.get_subcommands() {
        described(s, texts, &format!("{path} {}", s.get_name()));
    }
}

#[test]
fn every_command_and_argument_is_described_in_both_languages() {
    for lang in [Lang::Ja, Lang::En] {
        let mut cmd = command(lang);
        cmd.build();
        described(&cmd, &texts(lang), "nenpo");
    }
}

#[test]
fn english_help_has_no_japanese_and_japanese_help_reads_as_before() {
    let helps = |lang: Lang| -> Vec<String> {
        let mut cmd = command(lang);
        cmd.build();
        let mut out = vec![cmd.render_help().to_string()];
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for n in names {
            out.push(
                cmd.find_subcommand_mut(&n)
                    .unwrap()
                    .render_help()
                    .to_string(),
            );
        }
        out
    };
    for h in helps(Lang::En) {
        assert!(!nenpo::i18n::has_japanese(&h), "{h}");
    }
    let ja = helps(Lang::Ja);
    assert!(
        ja[0].contains("使い方: nenpo [オプション] <コマンド>"),
        "{}",
        ja[0]
    );
    assert!(ja[0].contains("-C, --root <フォルダ>"), "{}", ja[0]);
    assert!(ja.iter().any(|h| h.contains("使い方: nenpo pdf [年度]")));
}

#[test]
fn the_report_folder_is_found_before_clap_parses() {
    let args = |v: &[&str]| -> Vec<OsString> { v.iter().map(OsString::from).collect() };
    assert_eq!(
        root_arg(&args(&["nenpo", "-C", "a", "build"])),
        Some("a".into())
    );
    assert_eq!(
        root_arg(&args(&["nenpo", "-Cb", "--help"])),
        Some("b".into())
    );
    assert_eq!(root_arg(&args(&["nenpo", "--root=c"])), Some("c".into()));
    assert_eq!(
        root_arg(&args(&["nenpo", "check", "--root", "d"])),
        Some("d".into())
    );
    assert_eq!(root_arg(&args(&["nenpo", "build", "-o", "x"])), None);
}
