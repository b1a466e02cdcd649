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
use nenpo::era::{Calendar, EraStyle};
use nenpo::tr;

fn main() -> ExitCode {
    let (cli, _) = cli::parse();
    let color = std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal();
    // The report's language; where there is no readable book.toml, NENPO_LANG's.
    let lang = nenpo::config::Config::load(&cli.root)
        .map(|c| c.lang)
        .unwrap_or_else(|_| cli::outside_report());
    match cli.command {
        Command::Build { ref output } => build(&cli, output.as_deref(), lang, color),
        Command::Check { strict } => check(&cli, strict, lang, color),
        Command::Serve { port, open } => serve(&cli, port, open, lang, color),
        Command::Init { ref dir, example } => init(dir, example, lang),
        Command::Template {
            ref year,
            ref output,
        } => template(&cli, year, output.as_deref(), lang),
        Command::Import {
            ref file,
            ref year,
            partial,
            dry_run,
        } => import(
            &cli,
            file,
            year,
            nenpo::sheet::ImportOptions { partial, dry_run },
            lang,
        ),
        Command::NewYear { ref year } => new_year(&cli, year, lang, color),
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
                let secs = format!("{:.1}", started.elapsed().as_secs_f64());
                let year = Calendar::new(EraStyle::Both, lang).year_label(s.year);
                eprintln!(
                    "{}",
                    tr!(
                        lang,
                        msg.pdf_done,
                        year = year,
                        pages = pages,
                        pdf = s.pdf.display(),
                        browser = s.chromium.display(),
                        secs = secs
                    )
                );
            }
            ExitCode::SUCCESS
        }
        Err(nenpo::pdf::PdfError::Build(f)) => {
            eprint!("{}", f.diagnostics.render(f.lang, color));
            eprintln!("{}", f.lang.text().msg.pdf_failed);
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
            if !s.drafts.is_empty() && !cli.quiet {
                eprintln!("{}", drafts_line(&s.drafts, s.lang));
            }
            if !cli.quiet {
                let secs = format!("{:.2}", started.elapsed().as_secs_f64());
                eprintln!(
                    "{}",
                    tr!(
                        s.lang,
                        msg.build_done,
                        pages = s.pages,
                        files = s.files,
                        dir = s.output.display(),
                        secs = secs
                    )
                );
            }
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprint!("{}", f.diagnostics.render(f.lang, color));
            eprintln!("{}", f.lang.text().msg.build_failed);
            ExitCode::from(1)
        }
    }
}

fn check(cli: &Cli, strict: bool, lang: Lang, color: bool) -> ExitCode {
    let mut progress = Progress::new(cli.quiet, cli.verbose, lang);
    // The same load, evaluation and rendering as a build, without writing: check refuses
    // exactly what build refuses.
    let result = nenpo::build::check(&cli.root, &mut |s| progress.stage(s));
    progress.finish();
    match result {
        Ok(c) => {
            if !c.drafts.is_empty() && !cli.quiet {
                eprintln!("{}", drafts_line(&c.drafts, lang));
            }
            if !c.warnings.is_empty() {
                eprint!("{}", c.warnings.render(lang, color));
                if strict {
                    eprintln!("{}", lang.text().content.strict_failed);
                    return ExitCode::from(1);
                }
            } else if !cli.quiet {
                eprintln!("{}", lang.text().msg.check_ok);
            }
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprint!("{}", f.diagnostics.render(f.lang, color));
            ExitCode::from(1)
        }
    }
}

/// 「下書き（draft: true）の令和7年度は公開していません」.
fn drafts_line(drafts: &[nenpo::era::FiscalYear], lang: Lang) -> String {
    let cal = Calendar::new(EraStyle::Both, lang);
    let years: Vec<String> = drafts.iter().map(|y| cal.year_label(*y)).collect();
    tr!(
        lang,
        content.drafts_skipped,
        years = years.join(lang.text().msg.list_sep)
    )
}

fn serve(cli: &Cli, port: Option<u16>, open: bool, lang: Lang, color: bool) -> ExitCode {
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
                let m = &lang.text().msg;
                let how = if incremental && verbose {
                    m.serve_changed_only
                } else {
                    ""
                };
                let done = if first.swap(false, std::sync::atomic::Ordering::SeqCst) {
                    m.serve_built
                } else {
                    m.serve_rebuilt
                };
                eprintln!(
                    "{}",
                    tr!(
                        lang,
                        msg.serve_log,
                        time = clock(),
                        done = done,
                        pages = pages,
                        secs = format!("{:.2}", took.as_secs_f64()),
                        how = how
                    )
                );
            }
        }
        Event::Failed { diagnostics } => {
            eprint!("{}", diagnostics.render(lang, color));
            eprintln!("{}", lang.text().msg.serve_failed);
        }
        Event::WatchError(msg) => eprintln!("{}", tr!(lang, msg.watch_problem, error = msg)),
    });
    let options = nenpo::serve::Options { port };
    match nenpo::serve::start(&cli.root, &options, events) {
        Ok(server) => {
            eprintln!("{}", tr!(lang, msg.serving, url = server.url()));
            if open && let Err(e) = nenpo::desktop::open_browser(&server.url()) {
                eprintln!(
                    "{}",
                    tr!(lang, desk.open_failed, error = e, url = server.url())
                );
            }
            server.wait();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn init(dir: &Path, example: bool, lang: Lang) -> ExitCode {
    let result = if example {
        nenpo::init::example(dir)
    } else {
        nenpo::init::init(dir)
    };
    match result {
        Ok(files) => {
            let (d, n) = (dir.display(), files.len());
            let done = if example {
                tr!(lang, desk.init_example_done, dir = d, files = n)
            } else {
                tr!(lang, msg.init_done, dir = d, files = n)
            };
            eprintln!("{done}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(e.exit_code())
        }
    }
}

fn new_year(cli: &Cli, year: &str, lang: Lang, color: bool) -> ExitCode {
    let Some(year) = nenpo::era::FiscalYear::parse(year) else {
        eprintln!("{}", tr!(lang, msg.new_year_bad_year, year = year));
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
            eprintln!("{}", f.lang.text().msg.new_year_failed);
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(e.exit_code())
        }
    }
}

fn template(cli: &Cli, year: &str, output: Option<&Path>, lang: Lang) -> ExitCode {
    let Some(year) = nenpo::era::FiscalYear::parse(year) else {
        eprintln!("{}", tr!(lang, desk.bad_year, year = year));
        return ExitCode::from(2);
    };
    match nenpo::sheet::template(&cli.root, year, output) {
        Ok(t) => {
            if !cli.quiet {
                let words = Calendar::new(EraStyle::Both, lang).year_label(t.year);
                eprintln!(
                    "{}",
                    tr!(
                        lang,
                        desk.template_done,
                        path = t.path.display(),
                        year = words,
                        rows = t.rows,
                        monitoring = t.monitoring,
                        n = t.year.0
                    )
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(e.exit_code())
        }
    }
}

fn import(
    cli: &Cli,
    file: &Path,
    year: &str,
    options: nenpo::sheet::ImportOptions,
    lang: Lang,
) -> ExitCode {
    use nenpo::sheet::Outcome;
    let Some(year) = nenpo::era::FiscalYear::parse(year) else {
        eprintln!("{}", tr!(lang, desk.bad_year, year = year));
        return ExitCode::from(2);
    };
    match nenpo::sheet::import(&cli.root, file, year, options) {
        Ok(done) => {
            print!(
                "{}",
                nenpo::sheet::report::render(&done, &file.display().to_string())
            );
            match done.outcome {
                Outcome::Written | Outcome::DryRun | Outcome::NothingToChange => ExitCode::SUCCESS,
                _ => ExitCode::from(1),
            }
        }
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(e.exit_code())
        }
    }
}
