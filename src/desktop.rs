//! What nenpo asks of the user's desktop, kept in one place because it differs between
//! systems: opening a page in the default browser (`serve --open`).
//!
//! The `open` crate picks the platform's way: `xdg-open` (or gio, kde-open, wslview) on
//! Linux, `open` on macOS, the shell's ShellExecute/`start` on Windows.

/// Opens `url` in the default browser without waiting for the browser to close.
pub fn open_browser(url: &str) -> std::io::Result<()> {
    open::that_detached(url)
}
