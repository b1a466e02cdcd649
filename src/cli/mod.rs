//! The command line as clap reads it, with help and usage messages in the catalogue's
//! language: Japanese unless the report (or, outside a report, `NENPO_LANG`) says English.

pub mod progress;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use nenpo::diag::Lang;
use nenpo::tr;

/// The arguments. Help texts come from the catalogue (see [`command`]); the comments here
/// are for developers.
#[derive(Parser)]
#[command(name = "nenpo", version)]
pub struct Cli {
    /// The report's folder.
    #[arg(
        long,
        short = 'C',
        global = true,
        default_value = ".",
        hide_default_value = true
    )]
    pub root: PathBuf,
    /// No progress lines.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Stage timings too.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// `nenpo build`.
    Build {
        /// The output folder.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// `nenpo check`.
    Check,
    /// `nenpo serve`.
    Serve {
        /// The port.
        #[arg(long, short)]
        port: Option<u16>,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// `nenpo init`.
    Init {
        /// The new report's folder.
        dir: PathBuf,
        /// The complete bundled example instead of the small template.
        #[arg(long)]
        example: bool,
    },
    /// `nenpo new-year`.
    NewYear {
        /// The fiscal year as typed.
        year: String,
    },
    /// `nenpo template`.
    Template {
        /// The fiscal year as typed.
        year: String,
        /// The sheet to write.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// `nenpo import`.
    Import {
        /// The filled-in sheet.
        file: PathBuf,
        /// The fiscal year as typed.
        #[arg(long)]
        year: String,
        /// Write what can be read even when some cells cannot.
        #[arg(long)]
        partial: bool,
        /// Write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// `nenpo pdf`.
    Pdf {
        /// The fiscal year as typed; the latest when absent.
        year: Option<String>,
        /// Where the PDF goes.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The browser to print with.
        #[arg(long)]
        chromium: Option<PathBuf>,
    },
}

/// The language of the command line: the report's `language` when the folder given with
/// -C (or the current one) has a book.toml nenpo can read; otherwise `NENPO_LANG` (ja or
/// en); otherwise Japanese. `LANG` is not consulted: servers and containers often set it
/// to English whatever their users read.
pub fn language(args: &[OsString]) -> Lang {
    let root = root_arg(args).unwrap_or_else(|| PathBuf::from("."));
    match nenpo::config::Config::load(&root) {
        Ok(c) => c.lang,
        Err(_) => outside_report(),
    }
}

/// The language where there is no report to ask: `NENPO_LANG`, or Japanese.
pub fn outside_report() -> Lang {
    std::env::var("NENPO_LANG")
        .map(|v| Lang::from_code(&v))
        .unwrap_or_default()
}

/// The folder of `-C`, `-Cdir`, `--root dir` or `--root=dir`, read before clap runs
/// because clap's help is built before it parses.
fn root_arg(args: &[OsString]) -> Option<PathBuf> {
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "-C" || s == "--root" {
            return it.next().map(PathBuf::from);
        }
        if let Some(rest) = s.strip_prefix("--root=") {
            return Some(PathBuf::from(rest));
        }
        if let Some(rest) = s.strip_prefix("-C") {
            return Some(PathBuf::from(rest));
        }
        if s == "--" {
            break;
        }
    }
    None
}

/// The command with help texts, headings and usage lines in `lang`.
fn command(lang: Lang) -> clap::Command {
    let c = &lang.text().cli;
    let d = &lang.text().desk;
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        c.usage_label
    );
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .global(true)
        .help(c.help);
    let sub = |s: clap::Command, about: &'static str, usage: &'static str| {
        s.about(about)
            .override_usage(usage)
            .help_template(template.clone())
            .disable_help_flag(true)
            .mut_args(move |a| heading(a, lang))
    };
    let command = Cli::command()
        .about(c.about)
        .override_usage(c.usage)
        .help_template(template.clone())
        .after_help(c.after_help)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .subcommand_help_heading(c.commands)
        .next_help_heading(c.options)
        .mut_arg("root", |a| a.help(c.root).value_name(c.value_folder))
        .mut_arg("quiet", |a| a.help(c.quiet))
        .mut_arg("verbose", |a| a.help(c.verbose))
        .arg(help)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(c.version),
        )
        .mut_args(move |a| heading(a, lang))
        .mut_subcommand("build", |s| {
            sub(s, c.build, c.build_usage).mut_arg("output", |a| {
                a.help(c.build_output).value_name(c.value_folder)
            })
        })
        .mut_subcommand("check", |s| sub(s, c.check, c.check_usage))
        .mut_subcommand("serve", |s| {
            sub(s, c.serve, c.serve_usage)
                .after_help(c.serve_after)
                .mut_arg("port", |a| a.help(c.serve_port).value_name(c.value_port))
                .mut_arg("open", |a| a.help(d.serve_open))
        })
        .mut_subcommand("init", |s| {
            sub(s, c.init, c.init_usage)
                .after_help(c.init_after)
                .mut_arg("dir", |a| a.help(c.init_dir).value_name(c.value_folder))
                .mut_arg("example", |a| a.help(d.init_example))
        })
        .mut_subcommand("new-year", |s| {
            sub(s, c.new_year, c.new_year_usage)
                .after_help(c.new_year_after)
                .mut_arg("year", |a| a.help(c.new_year_year).value_name(c.value_year))
        })
        .mut_subcommand("pdf", |s| {
            sub(s, c.pdf, c.pdf_usage)
                .after_help(c.pdf_after)
                .mut_arg("year", |a| a.help(c.pdf_year).value_name(c.value_year))
                .mut_arg("output", |a| a.help(c.pdf_output).value_name(c.value_file))
                .mut_arg("chromium", |a| {
                    a.help(c.pdf_chromium).value_name(c.value_place)
                })
        });
    desk_help(command, &sub, lang)
}

/// The help of the spreadsheet commands (`template`, `import`), from the catalogue's
/// `desk` group; `sub` sets what every subcommand shares.
fn desk_help(
    command: clap::Command,
    sub: &dyn Fn(clap::Command, &'static str, &'static str) -> clap::Command,
    lang: Lang,
) -> clap::Command {
    let c = &lang.text().cli;
    let d = &lang.text().desk;
    command
        .mut_subcommand("template", |s| {
            sub(s, d.template, d.template_usage)
                .after_help(d.template_after)
                .mut_arg("year", |a| a.help(d.template_year).value_name(c.value_year))
                .mut_arg("output", |a| {
                    a.help(d.template_output).value_name(c.value_file)
                })
        })
        .mut_subcommand("import", |s| {
            sub(s, d.import, d.import_usage)
                .after_help(d.import_after)
                .mut_arg("file", |a| a.help(d.import_file).value_name(c.value_file))
                .mut_arg("year", |a| a.help(d.import_year).value_name(c.value_year))
                .mut_arg("partial", |a| a.help(d.import_partial))
                .mut_arg("dry_run", |a| a.help(d.import_dry_run))
        })
}

fn heading(a: Arg, lang: Lang) -> Arg {
    let c = &lang.text().cli;
    let h = if a.is_positional() {
        c.arguments
    } else {
        c.options
    };
    a.help_heading(h)
}

/// clap's own messages are English: say the common mistakes in the catalogue's words,
/// keeping its details for the rest. Exits 2, as every usage error does.
fn usage_error(e: clap::Error, lang: Lang) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    let context = |k: ContextKind| e.get(k).map(ToString::to_string).unwrap_or_default();
    let msg = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => e.exit(),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            let _ = command(lang).print_help();
            std::process::exit(2);
        }
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            cli.no_command,
            name = context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => {
            tr!(lang, cli.no_option, name = context(ContextKind::InvalidArg))
        }
        ErrorKind::MissingRequiredArgument => tr!(
            lang,
            cli.missing_argument,
            name = context(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => tr!(
            lang,
            cli.bad_value,
            value = context(ContextKind::InvalidValue),
            name = context(ContextKind::InvalidArg)
        ),
        _ => e.to_string().trim_end().to_string(),
    };
    eprintln!("{msg}\n{}", lang.text().cli.see_help);
    std::process::exit(2);
}

/// Parses the arguments, exiting with messages in the command line's language on mistakes.
/// Returns the language too, for what the commands say before a report is loaded.
pub fn parse() -> (Cli, Lang) {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = language(&args);
    match command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(c) => (c, lang),
        Err(e) => usage_error(e, lang),
    }
}

#[cfg(test)]
mod tests;
