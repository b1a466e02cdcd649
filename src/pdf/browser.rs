//! Finding a Chromium-family browser to print with: the one named with `--chromium`, else
//! the first known command on PATH, else the places Chromium, Google Chrome and Microsoft
//! Edge install themselves on Windows, macOS and Linux.
//!
//! The install places are a pure function of the platform and its environment variables,
//! so the Windows and macOS lists are tested here on Linux; only [`Platform::CURRENT`] is
//! chosen by `cfg`.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use crate::diag::Lang;

/// Browser commands looked for on PATH, in order (with `.exe` on Windows).
const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// The platforms whose install places nenpo knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    /// Program Files, Program Files (x86) and the user's LOCALAPPDATA.
    Windows,
    /// App bundles in /Applications and ~/Applications.
    MacOs,
    /// Linux and other Unix-likes: /usr/bin, snap, /opt.
    Unix,
}

impl Platform {
    /// The platform nenpo was built for; Unix places for anything else, where they are
    /// merely not found.
    #[cfg(windows)]
    pub const CURRENT: Platform = Platform::Windows;
    /// The platform nenpo was built for.
    #[cfg(target_os = "macos")]
    pub const CURRENT: Platform = Platform::MacOs;
    /// The platform nenpo was built for.
    #[cfg(not(any(windows, target_os = "macos")))]
    pub const CURRENT: Platform = Platform::Unix;
}

/// The browser to print with: `explicit` when given (it must exist), else the first of
/// [`NAMES`] on `path_var`, else a browser in its usual install place. The error is the
/// message to show, saying what to install.
pub fn find_chromium(
    explicit: Option<&Path>,
    path_var: Option<&OsStr>,
    lang: Lang,
) -> Result<PathBuf, String> {
    if let Some(p) = explicit {
        return if p.is_file() {
            Ok(p.to_path_buf())
        } else {
            Err(no_chromium_message(lang, Some(p)))
        };
    }
    search_path(path_var)
        .or_else(|| {
            install_places(Platform::CURRENT, |v| std::env::var_os(v))
                .into_iter()
                .find(|p| p.is_file())
        })
        .ok_or_else(|| no_chromium_message(lang, None))
}

/// The first browser command on a PATH value.
pub fn search_path(path_var: Option<&OsStr>) -> Option<PathBuf> {
    let dirs: Vec<PathBuf> = std::env::split_paths(path_var?).collect();
    for name in NAMES {
        for dir in &dirs {
            for file in [name.to_string(), format!("{name}.exe")] {
                let p = dir.join(&file);
                if p.is_file() {
                    return Some(p);
                }
            }
        }
    }
    None
}

/// Where Chromium, Chrome and Edge install themselves on `platform`, in the order of
/// [`NAMES`]; `env` reads an environment variable (a place whose variable is unset is left
/// out).
pub fn install_places(platform: Platform, env: impl Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    let under = |base: PathBuf, parts: &[&str]| parts.iter().fold(base, |p, part| p.join(part));
    match platform {
        Platform::Windows => {
            // Per-machine installs go to either Program Files; per-user ones (Chrome without
            // admin rights, Chromium builds) to LOCALAPPDATA. Edge ships in Program Files (x86).
            let bases: Vec<PathBuf> = ["LOCALAPPDATA", "ProgramFiles", "ProgramFiles(x86)"]
                .iter()
                .filter_map(|v| env(v).map(PathBuf::from))
                .collect();
            let apps: [&[&str]; 3] = [
                &["Chromium", "Application", "chrome.exe"],
                &["Google", "Chrome", "Application", "chrome.exe"],
                &["Microsoft", "Edge", "Application", "msedge.exe"],
            ];
            apps.iter()
                .flat_map(|app| bases.iter().map(|b| under(b.clone(), app)))
                .collect()
        }
        Platform::MacOs => {
            let mut roots = vec![PathBuf::from("/Applications")];
            roots.extend(env("HOME").map(|h| PathBuf::from(h).join("Applications")));
            ["Chromium", "Google Chrome", "Microsoft Edge"]
                .iter()
                .flat_map(|app| {
                    roots.iter().map(move |r| {
                        under(
                            r.clone(),
                            &[&format!("{app}.app"), "Contents", "MacOS", app],
                        )
                    })
                })
                .collect()
        }
        Platform::Unix => [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/snap/bin/chromium",
            "/usr/bin/google-chrome",
            "/opt/google/chrome/chrome",
            "/usr/bin/microsoft-edge",
            "/opt/microsoft/msedge/msedge",
        ]
        .iter()
        .map(PathBuf::from)
        .collect(),
    }
}

/// What to say when there is no browser to print with.
pub fn no_chromium_message(lang: Lang, explicit: Option<&Path>) -> String {
    let head = match explicit {
        Some(p) => crate::tr!(lang, msg.pdf_chromium_given, path = p.display()),
        None => lang.text().msg.pdf_no_chromium.to_string(),
    };
    format!("{head}\n{}", lang.text().msg.pdf_install)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn an_explicit_browser_that_is_missing_says_what_to_install() {
        let e =
            find_chromium(Some(Path::new("/nonexistent/chromium")), None, Lang::Ja).unwrap_err();
        assert!(e.contains("/nonexistent/chromium"), "{e}");
        assert!(e.contains("sudo apt install chromium"), "{e}");
        assert!(e.contains("--chromium"), "{e}");
    }

    #[test]
    fn a_browser_on_path_is_found_by_name() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(search_path(Some(dir.path().as_os_str())), None);
        fs::write(dir.path().join("google-chrome"), "").unwrap();
        assert_eq!(
            search_path(Some(dir.path().as_os_str())),
            Some(dir.path().join("google-chrome"))
        );
        // chromium comes before google-chrome.
        fs::write(dir.path().join("chromium"), "").unwrap();
        assert_eq!(
            search_path(Some(dir.path().as_os_str())),
            Some(dir.path().join("chromium"))
        );
        // Windows names carry .exe.
        let win = tempfile::tempdir().unwrap();
        fs::write(win.path().join("msedge.exe"), "").unwrap();
        assert_eq!(
            search_path(Some(win.path().as_os_str())),
            Some(win.path().join("msedge.exe"))
        );
    }

    #[test]
    fn windows_looks_in_program_files_and_localappdata() {
        let env = |v: &str| match v {
            "ProgramFiles" => Some(OsString::from("/pf")),
            "ProgramFiles(x86)" => Some(OsString::from("/pf86")),
            "LOCALAPPDATA" => Some(OsString::from("/user/AppData/Local")),
            _ => None,
        };
        let places = install_places(Platform::Windows, env);
        let at = |p: &str| places.iter().position(|x| x == Path::new(p));
        let edge = at("/pf86/Microsoft/Edge/Application/msedge.exe").expect("Edge");
        let chrome = at("/pf/Google/Chrome/Application/chrome.exe").expect("Chrome");
        let user_chrome = at("/user/AppData/Local/Google/Chrome/Application/chrome.exe");
        assert!(user_chrome.is_some(), "{places:?}");
        assert!(at("/user/AppData/Local/Chromium/Application/chrome.exe").is_some());
        // Chrome (installed on purpose) before Edge (always there).
        assert!(chrome < edge);
        // A variable that is not set adds nothing.
        let none = install_places(Platform::Windows, |_| None);
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn macos_looks_in_app_bundles() {
        let places = install_places(Platform::MacOs, |v| {
            (v == "HOME").then(|| OsString::from("/Users/sato"))
        });
        for want in [
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Users/sato/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        ] {
            assert!(
                places.iter().any(|p| p == Path::new(want)),
                "{want}: {places:?}"
            );
        }
    }
}
