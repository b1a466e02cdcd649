//! The command line as clap reads it, with Japanese help and usage messages an editor can
//! follow.

pub mod progress;

use std::path::PathBuf;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

/// nenpo（年報）— 自治体の計画の年次報告書を、ウェブサイトとして作ります。
#[derive(Parser)]
#[command(
    name = "nenpo",
    version,
    override_usage = "nenpo [オプション] <コマンド>"
)]
pub struct Cli {
    /// レポートのフォルダ（book.toml のある場所）。省略時は今いるフォルダ
    #[arg(
        long,
        short = 'C',
        global = true,
        default_value = ".",
        hide_default_value = true,
        value_name = "フォルダ"
    )]
    pub root: PathBuf,
    /// 途中経過を表示しない（誤りは表示します）
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// 処理の段階ごとにかかった時間も表示する
    #[arg(long, short, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// サイトを出力し、年度の印刷用ページを、この PC の Chromium で A4 の PDF にします
    #[command(
        override_usage = "nenpo pdf [年度] [-o ファイル] [--chromium 場所]",
        after_help = "例: nenpo pdf（最新の年度）、nenpo pdf 令和5年度 -o 令和5年度版.pdf\n\
            Chromium・Google Chrome・Microsoft Edge のどれかを PATH とふつうのインストール先から探します。\n\
            目次に各章のページ番号が入り、見出しから PDF のしおりができます。"
    )]
    Pdf {
        /// 年度（2023、令和5年度、R5 など）。省略時は最新の年度
        #[arg(value_name = "年度")]
        year: Option<String>,
        /// PDF の保存先（.pdf で終わる名前。省略時は <出力先>/<年度>/nenpo-<年度>.pdf）。原稿のフォルダの中や、nenpo が作ったのではない既存のファイルには書きません
        #[arg(long, short, value_name = "ファイル")]
        output: Option<PathBuf>,
        /// 使うブラウザー（Chromium、Google Chrome、Microsoft Edge）の場所。省略時は自動で探します
        #[arg(long, value_name = "場所")]
        chromium: Option<PathBuf>,
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
  nenpo pdf                最新の年度の報告書を A4 の PDF にする

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

/// Parses the arguments, exiting with Japanese messages on mistakes.
pub fn parse() -> Cli {
    match command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(c) => c,
        Err(e) => usage_error(e),
    }
}
