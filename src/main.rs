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
