//! The `nenpo` command: parses arguments and calls the library. Exit codes: 0 success,
//! 1 content errors, 2 usage errors.

mod cli;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use cli::progress::{Progress, clock};
use cli::{Cli, Command};
use nenpo::diag::Lang;

fn main() -> ExitCode {
    let cli = cli::parse();
    let color = std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal();
    let lang = nenpo::config::Config::load(&cli.root)
        .map(|c| c.lang)
        .unwrap_or_default();
    match cli.command {
        Command::Build { ref output } => build(&cli, output.as_deref(), lang, color),
        Command::Check => check(&cli, lang, color),
        Command::Serve { port } => serve(&cli, port, lang, color),
        Command::Init { ref dir } => init(dir),
        Command::NewYear { ref year } => new_year(&cli, year, color),
        Command::Pdf {
            ref year,
            ref output,
            ref chromium,
        } => pdf(
            &cli,
            year.as_deref(),
            output.as_deref(),
            chromium.as_deref(),
            color,
        ),
    }
}

fn pdf(
    cli: &Cli,
    year: Option<&str>,
    output: Option<&Path>,
    chromium: Option<&Path>,
    color: bool,
) -> ExitCode {
    let started = Instant::now();
    let req = nenpo::pdf::PdfRequest {
        root: &cli.root,
        year,
        pdf: output,
        chromium,
    };
    match nenpo::pdf::pdf(&req) {
        Ok(s) => {
            let lang = s.build.lang;
            if !s.build.warnings.is_empty() {
                eprint!("{}", s.build.warnings.render(lang, color));
            }
            if !cli.quiet {
                let pages = s.pages.map_or("?".into(), |n| n.to_string());
                let secs = started.elapsed().as_secs_f64();
                eprintln!(
                    "{}",
                    match lang {
                        Lang::Ja => format!(
                            "{}の報告書を PDF（{pages} ページ）にしました：{}（{}、{secs:.1} 秒）",
                            s.year.wareki(),
                            s.pdf.display(),
                            s.chromium.display(),
                        ),
                        Lang::En => format!(
                            "printed fiscal year {} to {} ({pages} pages, {}, {secs:.1} s)",
                            s.year.0,
                            s.pdf.display(),
                            s.chromium.display(),
                        ),
                    }
                );
            }
            ExitCode::SUCCESS
        }
        Err(nenpo::pdf::PdfError::Build(f)) => {
            eprint!("{}", f.diagnostics.render(f.lang, color));
            eprintln!(
                "{}",
                f.lang.pick(
                    "内容に誤りがあるため、PDF は作りませんでした。",
                    "No PDF was made: the content has errors."
                )
            );
            ExitCode::from(1)
        }
        Err(nenpo::pdf::PdfError::Usage(msg, _)) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn build(cli: &Cli, output: Option<&Path>, lang: Lang, color: bool) -> ExitCode {
    let started = Instant::now();
    let mut progress = Progress::new(cli.quiet, cli.verbose, lang);
    let result = nenpo::build::build_with(&cli.root, output, &mut |s| progress.stage(s));
    progress.finish();
    match result {
        Ok(s) => {
            if !s.warnings.is_empty() {
                eprint!("{}", s.warnings.render(s.lang, color));
            }
            if !cli.quiet {
                let secs = started.elapsed().as_secs_f64();
                eprintln!(
                    "{}",
                    match s.lang {
                        Lang::Ja => format!(
                            "{} ページ（ファイル {} 個）を {} に出力しました（{secs:.2} 秒）",
                            s.pages,
                            s.files,
                            s.output.display(),
                        ),
                        Lang::En => format!(
                            "wrote {} pages ({} files) to {} in {secs:.2} s",
                            s.pages,
                            s.files,
                            s.output.display(),
                        ),
                    }
                );
            }
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprint!("{}", f.diagnostics.render(f.lang, color));
            eprintln!(
                "{}",
                f.lang.pick(
                    "出力先は変更していません。",
                    "The output folder was left as it was."
                )
            );
            ExitCode::from(1)
        }
    }
}

fn check(cli: &Cli, lang: Lang, color: bool) -> ExitCode {
    let mut progress = Progress::new(cli.quiet, cli.verbose, lang);
    // The same load, evaluation and rendering as a build, without writing: check refuses
    // exactly what build refuses.
    let result = nenpo::build::check(&cli.root, &mut |s| progress.stage(s));
    progress.finish();
    match result {
        Ok(warnings) => {
            if !warnings.is_empty() {
                eprint!("{}", warnings.render(lang, color));
            } else if !cli.quiet {
                eprintln!(
                    "{}",
                    lang.pick("問題は見つかりませんでした。", "No problems found.")
                );
            }
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprint!("{}", f.diagnostics.render(f.lang, color));
            ExitCode::from(1)
        }
    }
}

fn serve(cli: &Cli, port: Option<u16>, lang: Lang, color: bool) -> ExitCode {
    use nenpo::serve::Event;
    let quiet = cli.quiet;
    let verbose = cli.verbose;
    // The first build happens before the address is shown; later ones follow saves.
    let first = std::sync::atomic::AtomicBool::new(true);
    let events: nenpo::serve::EventSink = std::sync::Arc::new(move |e: Event| match e {
        Event::Built {
            pages,
            took,
            incremental,
            warnings,
        } => {
            if !warnings.is_empty() && !incremental {
                eprint!("{}", warnings.render(lang, color));
            }
            if !quiet {
                let how = match (incremental && verbose, lang) {
                    (true, Lang::Ja) => "、変更したページのみ",
                    (true, Lang::En) => ", changed pages only",
                    _ => "",
                };
                let done = if first.swap(false, std::sync::atomic::Ordering::SeqCst) {
                    lang.pick("サイトを作りました", "built")
                } else {
                    lang.pick("更新しました", "rebuilt")
                };
                eprintln!(
                    "{}",
                    match lang {
                        Lang::Ja => format!(
                            "[{}] {done}（{pages} ページ、{:.2} 秒{how}）",
                            clock(),
                            took.as_secs_f64()
                        ),
                        Lang::En => format!(
                            "[{}] {done} ({pages} pages, {:.2} s{how})",
                            clock(),
                            took.as_secs_f64()
                        ),
                    }
                );
            }
        }
        Event::Failed { diagnostics } => {
            eprint!("{}", diagnostics.render(lang, color));
            eprintln!(
                "{}",
                lang.pick(
                    "原稿に誤りがあります。ブラウザにも表示しています。直して保存すると自動で更新されます。",
                    "The content has errors (also shown in the browser). Fix and save to rebuild."
                )
            );
        }
        Event::WatchError(msg) => eprintln!(
            "{}: {msg}",
            lang.pick("ファイルの監視で問題がありました", "file watcher problem")
        ),
    });
    let options = nenpo::serve::Options { port };
    match nenpo::serve::start(&cli.root, &options, events) {
        Ok(server) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Ja => format!(
                        "プレビューを {} で表示しています。ブラウザで開いてください。\n\
                         原稿を保存すると自動で更新されます。終了するには Ctrl+C を押してください。",
                        server.url()
                    ),
                    Lang::En => format!(
                        "Serving the preview at {}. Saved changes reload the browser; press Ctrl+C to stop.",
                        server.url()
                    ),
                }
            );
            server.wait();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn init(dir: &Path) -> ExitCode {
    match nenpo::init::init(dir) {
        Ok(files) => {
            let shown = dir.display();
            eprintln!(
                "新しいレポートを {shown} に作りました（ファイル {} 個）。次のように進めてください。\n\n\
                 \x20 cd {shown}\n\
                 \x20 nenpo serve    編集しながらブラウザで確認します（Ctrl+C で終了）\n\
                 \x20 nenpo check    原稿の誤りを調べます\n\
                 \x20 nenpo build    public/ に公開用のサイトを出力します\n\n\
                 まず book.toml の市の名前と問い合わせ先を、次に content/ の原稿を書き換えてください。\n\
                 書き方は、各ファイルの「#」で始まる説明を読んでください。",
                files.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn new_year(cli: &Cli, year: &str, color: bool) -> ExitCode {
    let Some(year) = nenpo::era::FiscalYear::parse(year) else {
        eprintln!("「{year}」を年度として読めません。2025、令和7年度、R7 のように書いてください。");
        return ExitCode::from(2);
    };
    match nenpo::new_year::new_year(&cli.root, year) {
        Ok(s) => {
            if !cli.quiet {
                eprintln!("{}", s.describe());
            }
            ExitCode::SUCCESS
        }
        Err(nenpo::new_year::NewYearError::Content(f)) => {
            eprint!("{}", f.diagnostics.render(f.lang, color));
            eprintln!(
                "{}",
                f.lang.pick(
                    "原稿に誤りがあるため、年度のフォルダは作っていません。",
                    "The content has errors: no folder was created."
                )
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}
