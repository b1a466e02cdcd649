//! The few file-system calls that differ between operating systems, each with a portable
//! fallback: swapping two folders in one step, and an exclusive lock on a file.

use std::fs::File;
use std::io;
use std::path::Path;

/// Swaps the folders at `a` and `b` in one step, so that at every moment each path holds one
/// complete folder. `Ok(false)` when the system or the file system cannot do that; the caller
/// then falls back to two renames.
#[cfg(any(target_os = "linux", target_os = "macos"))]
pub fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Old kernels (ENOSYS) and file systems without the operation (EINVAL, e.g. some
        // network and FUSE file systems) cannot exchange.
        Err(e) if e == rustix::io::Errno::NOSYS || e == rustix::io::Errno::INVAL => Ok(false),
        Err(e) if e == rustix::io::Errno::NOTSUP => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Swaps the folders at `a` and `b` in one step; this system cannot, so always `Ok(false)`.
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
pub fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Waits for an exclusive lock on `file`, held until the file is closed. Where the system
/// has no file locks, goes on without one (builds into one folder are then not serialised,
/// but each still writes its own temporary folder).
pub fn lock_exclusive(file: &File) -> io::Result<()> {
    match file.lock() {
        Err(e) if e.kind() == io::ErrorKind::Unsupported => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_two_folders_or_says_it_cannot() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        std::fs::write(a.join("x"), "a").unwrap();
        std::fs::write(b.join("x"), "b").unwrap();
        if exchange(&a, &b).unwrap() {
            assert_eq!(std::fs::read_to_string(a.join("x")).unwrap(), "b");
            assert_eq!(std::fs::read_to_string(b.join("x")).unwrap(), "a");
        } else {
            assert_eq!(std::fs::read_to_string(a.join("x")).unwrap(), "a");
        }
    }
}
