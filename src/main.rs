//! The `nenpo` command: parses arguments and calls the library. Exit codes: 0 success,
//! 1 content errors, 2 usage errors.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use nenpo::build::Stage;
use nenpo::diag::Lang;

/// nenpo（年報）— 自治体の計画の年次報告書を、ウェブサイトとして作ります。
#[derive(Parser)]
#[command(
    name = "nenpo",
    version,
    override_usage = "nenpo [オプション] <コマンド>"
)]
struct Cli {
    /// レポートのフォルダ（book.toml のある場所）。省略時は今いるフォルダ
    #[arg(
        long,
        short = 'C',
        global = true,
        default_value = ".",
        hide_default_value = true,
        value_name = "フォルダ"
    )]
    root: PathBuf,
    /// 途中経過を表示しない（誤りは表示します）
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// 処理の段階ごとにかかった時間も表示する
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// レポートをウェブサイトとして出力します（既定の出力先は public/）
    #[command(override_usage = "nenpo build [-o フォルダ]")]
    Build {
        /// 出力先のフォルダ（book.toml の [build] output より優先）
        #[arg(long, short, value_name = "フォルダ")]
        output: Option<PathBuf>,
    },
    /// 内容を検査し、問題をすべて表示します（ファイル名・行・列・直し方）
    #[command(override_usage = "nenpo check")]
    Check,
    /// 編集しながらブラウザで確認します（保存するたびに自動で更新されます）
    #[command(
        override_usage = "nenpo serve [--port 番号]",
        after_help = "表示されたアドレス（http://127.0.0.1:3000/ など）をブラウザで開きます。\n\
            原稿を保存すると、開いているページが自動で更新されます。原稿に誤りがあるときは、\n\
            ページに誤りの場所と直し方が表示されます。このパソコンの中だけで見られ、公開はされません。"
    )]
    Serve {
        /// 使うポート番号（省略時は 3000 から空いている番号）
        #[arg(long, short, value_name = "番号")]
        port: Option<u16>,
    },
    /// 新しいレポートを、見本の原稿つきで作ります
    #[command(
        override_usage = "nenpo init <フォルダ>",
        after_help = "例: nenpo init kankyo-nenpo\n\
            book.toml と content/ に、架空の「わかば市」の見本の原稿ができます。\n\
            各ファイルの「#」で始まる行が、項目の説明です。"
    )]
    Init {
        /// 作るフォルダ（ないときは作ります。空でなければ何もしません）
        #[arg(value_name = "フォルダ")]
        dir: PathBuf,
    },
    /// 新しい年度のフォルダを作ります（指標の一覧と各年度の目標値を記入済み）
    #[command(
        override_usage = "nenpo new-year <年度>",
        after_help = "例: nenpo new-year 2025（nenpo new-year 令和7年度 も同じです）\n\
            content/2025/ に index.md、actuals.yaml（その年度の指標と目標値）、\n\
            projects.yaml（前の年度の事業を引き継いだもの）を作ります。既にあるフォルダは上書きしません。"
    )]
    NewYear {
        /// 年度（2025、令和7年度、R7 など）
        #[arg(value_name = "年度")]
        year: String,
    },
}

const HELP: &str = "\
{before-help}{about-with-newline}
使い方: {usage}

{all-args}{after-help}";

const AFTER_HELP: &str = "\
よく使う順に:
  nenpo init sakuradai     新しいレポートのフォルダを作る
  nenpo serve              編集しながらブラウザで確認する（Ctrl+C で終了）
  nenpo check              原稿の誤りを調べる
  nenpo build              public/ にサイトを出力する
  nenpo new-year 2025      2025年度（令和7年度）のフォルダを作る

各コマンドの説明: nenpo <コマンド> --help
終了コード: 0 成功、1 原稿の誤り、2 コマンドの書き方の誤り";

/// Japanese headings and help lines for clap's built-in parts.
fn command() -> clap::Command {
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .global(true)
        .help("この説明を表示する");
    Cli::command()
        .help_template(HELP)
        .after_help(AFTER_HELP)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .subcommand_help_heading("コマンド")
        .next_help_heading("オプション")
        .arg(help)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("版を表示する"),
        )
        .mut_args(heading)
        .mut_subcommands(|s| {
            s.help_template(HELP)
                .disable_help_flag(true)
                .mut_args(heading)
        })
}

fn heading(a: Arg) -> Arg {
    let h = if a.is_positional() {
        "引数"
    } else {
        "オプション"
    };
    a.help_heading(h)
}

/// clap's own messages are English: say the common mistakes in Japanese, keeping its
/// details for the rest. Exits 2, as every usage error does.
fn usage_error(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    let context = |k: ContextKind| e.get(k).map(ToString::to_string).unwrap_or_default();
    let msg = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => e.exit(),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            let _ = command().print_help();
            std::process::exit(2);
        }
        ErrorKind::InvalidSubcommand => format!(
            "「{}」というコマンドはありません。",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => format!(
            "「{}」というオプションはありません。",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("{} を指定してください。", context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "「{}」は {} に使えません。",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg)
        ),
        _ => e.to_string().trim_end().to_string(),
    };
    eprintln!("{msg}\n使い方は nenpo --help で確かめてください。");
    std::process::exit(2);
}

fn main() -> ExitCode {
    let cli = match command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(c) => c,
        Err(e) => usage_error(e),
    };
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
    }
}

fn build(cli: &Cli, output: Option<&Path>, lang: Lang, color: bool) -> ExitCode {
    let started = Instant::now();
    let mut progress = Progress::new(cli, lang);
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
    let mut progress = Progress::new(cli, lang);
    progress.stage(Stage::Load);
    let loaded = nenpo::content::load_report(&cli.root);
    progress.finish();
    if !loaded.diagnostics.is_empty() {
        eprint!("{}", loaded.diagnostics.render(lang, color));
    } else if !cli.quiet {
        eprintln!(
            "{}",
            lang.pick("問題は見つかりませんでした。", "No problems found.")
        );
    }
    if loaded.diagnostics.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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

/// The time of day for serve's log lines.
fn clock() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    // Japan has no daylight saving time: +9 hours is always right for its city staff.
    let local = (secs + 9 * 3600) % 86_400;
    format!(
        "{:02}:{:02}:{:02}",
        local / 3600,
        local / 60 % 60,
        local % 60
    )
}

/// A spinner on stderr while a build runs (only on a terminal, never with --quiet), and the
/// time of each stage with --verbose.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    verbose: bool,
    lang: Lang,
    current: Option<(Stage, Instant)>,
    timings: Vec<(Stage, Duration)>,
}

impl Progress {
    fn new(cli: &Cli, lang: Lang) -> Progress {
        let bar = (!cli.quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            // No colours in the template: NO_COLOR and plain terminals look the same.
            if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}")
            {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            verbose: cli.verbose,
            lang,
            current: None,
            timings: Vec::new(),
        }
    }

    fn stage(&mut self, stage: Stage) {
        self.close_stage();
        self.current = Some((stage, Instant::now()));
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{}…", stage.label(self.lang)));
        }
    }

    fn close_stage(&mut self) {
        if let Some((s, t)) = self.current.take() {
            self.timings.push((s, t.elapsed()));
        }
    }

    fn finish(&mut self) {
        self.close_stage();
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if self.verbose && !self.timings.is_empty() {
            let parts: Vec<String> = self
                .timings
                .iter()
                .map(|(s, d)| match self.lang {
                    Lang::Ja => format!("{} {:.3} 秒", s.label(self.lang), d.as_secs_f64()),
                    Lang::En => format!("{} {:.3} s", s.label(self.lang), d.as_secs_f64()),
                })
                .collect();
            eprintln!(
                "{}{}",
                self.lang.pick("所要時間: ", "timings: "),
                parts.join(self.lang.pick("、", ", "))
            );
        }
    }
}
