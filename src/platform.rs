//! Platform-specific file system calls.
