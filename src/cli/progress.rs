//! Progress on stderr: a spinner while a build runs, stage timings with --verbose, and the
//! clock for serve's log lines.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use nenpo::build::Stage;
use nenpo::diag::Lang;
use nenpo::tr;

/// The time of day for serve's log lines.
pub fn clock() -> String {
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
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    verbose: bool,
    lang: Lang,
    current: Option<(Stage, Instant)>,
    timings: Vec<(Stage, Duration)>,
}

impl Progress {
    /// Shows a spinner when stderr is a terminal and the editor did not ask for quiet.
    pub fn new(quiet: bool, verbose: bool, lang: Lang) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
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
            verbose,
            lang,
            current: None,
            timings: Vec::new(),
        }
    }

    /// A stage starts.
    pub fn stage(&mut self, stage: Stage) {
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

    /// The work ended: clears the spinner and prints the timings with --verbose.
    pub fn finish(&mut self) {
        self.close_stage();
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if self.verbose && !self.timings.is_empty() {
            let lang = self.lang;
            let parts: Vec<String> = self
                .timings
                .iter()
                .map(|(s, d)| {
                    let secs = format!("{:.3}", d.as_secs_f64());
                    tr!(lang, msg.timing, stage = s.label(lang), secs = secs)
                })
                .collect();
            let list = parts.join(lang.text().msg.list_sep);
            eprintln!("{}", tr!(lang, msg.timings, list = list));
        }
    }
}
