//! The `nenpo` command: parses arguments and calls the library. Exit codes: 0 success,
//! 1 content errors, 2 usage errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// nenpo（年報）— 自治体の計画の年次報告書を、静的なウェブサイトとして作ります。
#[derive(Parser)]
#[command(name = "nenpo", version, about, long_about = None)]
struct Cli {
    /// レポートのフォルダ（book.toml のある場所）。省略時は今いるフォルダ
    #[arg(long, short = 'C', global = true, default_value = ".")]
    root: PathBuf,
    /// 途中経過を表示しない
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// レポートをウェブサイトとして出力します（既定の出力先は public/）
    Build {
        /// 出力先のフォルダ（book.toml の [build] output より優先）
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// 内容を検査し、問題をすべて表示します（ファイル名・行・列・直し方）
    Check,
    /// サイトを出力し、年度の印刷用ページを、この PC の Chromium で A4 の PDF にします
    Pdf {
        /// 年度（2023、令和5年度、R5 など）。省略時は最新の年度
        year: Option<String>,
        /// PDF の保存先（省略時は <出力先>/<年度>/nenpo-<年度>.pdf）
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// 使うブラウザー（Chromium、Google Chrome、Microsoft Edge）の場所。省略時は自動で探します
        #[arg(long, value_name = "PATH")]
        chromium: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::env::var_os("NO_COLOR").is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stderr());
    match cli.command {
        Command::Build { output } => {
            let started = std::time::Instant::now();
            match nenpo::build::build(&cli.root, output.as_deref()) {
                Ok(s) => {
                    if !s.warnings.is_empty() {
                        eprint!("{}", s.warnings.render(s.lang, color));
                    }
                    if !cli.quiet {
                        eprintln!(
                            "{}",
                            match s.lang {
                                nenpo::diag::Lang::Ja => format!(
                                    "{} ページ（ファイル {} 個）を {} に出力しました（{:.2} 秒）",
                                    s.pages,
                                    s.files,
                                    s.output.display(),
                                    started.elapsed().as_secs_f64()
                                ),
                                nenpo::diag::Lang::En => format!(
                                    "wrote {} pages ({} files) to {} in {:.2} s",
                                    s.pages,
                                    s.files,
                                    s.output.display(),
                                    started.elapsed().as_secs_f64()
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
        Command::Pdf {
            year,
            output,
            chromium,
        } => {
            let started = std::time::Instant::now();
            let req = nenpo::pdf::PdfRequest {
                root: &cli.root,
                year: year.as_deref(),
                pdf: output.as_deref(),
                chromium: chromium.as_deref(),
            };
            match nenpo::pdf::pdf(&req) {
                Ok(s) => {
                    let lang = s.build.lang;
                    if !s.build.warnings.is_empty() {
                        eprint!("{}", s.build.warnings.render(lang, color));
                    }
                    if !cli.quiet {
                        let pages = s.pages.map(|n| n.to_string()).unwrap_or("?".into());
                        eprintln!(
                            "{}",
                            match lang {
                                nenpo::diag::Lang::Ja => format!(
                                    "{}の報告書を PDF（{} ページ）にしました：{}（{}、{:.1} 秒）",
                                    s.year.wareki(),
                                    pages,
                                    s.pdf.display(),
                                    s.chromium.display(),
                                    started.elapsed().as_secs_f64()
                                ),
                                nenpo::diag::Lang::En => format!(
                                    "printed fiscal year {} to {} ({} pages, {}, {:.1} s)",
                                    s.year.0,
                                    s.pdf.display(),
                                    pages,
                                    s.chromium.display(),
                                    started.elapsed().as_secs_f64()
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
        Command::Check => {
            let loaded = nenpo::content::load_report(&cli.root);
            let lang = loaded
                .report
                .as_ref()
                .map(|r| r.config.lang)
                .unwrap_or_default();
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
    }
}
