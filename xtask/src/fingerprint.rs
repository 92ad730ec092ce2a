//! Content fingerprints, so builds and installs are skipped when their inputs are unchanged.
//!
//! Modification times lie after a `git clone` or checkout, so we hash contents (FNV-1a,
//! 64 bit: not cryptographic, only a change detector) of every file under the given roots.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Directory names never worth hashing (build output, installed packages, VCS data).
const SKIP_DIRS: &[&str] = &[
    "target",
    "node_modules",
    ".git",
    "dist",
    "test-results",
    "playwright-report",
];

#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

/// Hash the relative paths and contents of every file under `inputs` (files or
/// directories, relative to `root`), in a stable order. Missing inputs hash as absent.
pub fn of_tree(root: &Path, inputs: &[&str], extra: &str) -> Result<String> {
    let mut files = Vec::new();
    for input in inputs {
        collect(&root.join(input), &mut files)?;
    }
    files.sort();
    let mut h = Fnv::default();
    h.write(extra.as_bytes());
    for file in files {
        let rel = file.strip_prefix(root).unwrap_or(&file);
        h.write(rel.to_string_lossy().as_bytes());
        h.write(&[0]);
        let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
        h.write(&(bytes.len() as u64).to_le_bytes());
        h.write(&bytes);
    }
    Ok(h.hex())
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(path, e))?;
        let name = entry.file_name();
        if SKIP_DIRS.iter().any(|s| name == *s) {
            continue;
        }
        collect(&entry.path(), out)?;
    }
    Ok(())
}

/// A stamp file remembering the fingerprint a step last succeeded with.
pub struct Stamp {
    path: PathBuf,
}

impl Stamp {
    pub fn new(path: PathBuf) -> Self {
        Self { path }
    }

    pub fn matches(&self, fingerprint: &str) -> bool {
        std::fs::read_to_string(&self.path).is_ok_and(|s| s.trim() == fingerprint)
    }

    pub fn record(&self, fingerprint: &str) -> Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&self.path, fingerprint).map_err(|e| Error::io(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-fp-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).ok();
        dir
    }

    #[test]
    fn fingerprint_changes_with_content_and_ignores_build_output() {
        let dir = scratch("content");
        std::fs::write(dir.join("src/a.rs"), "fn a() {}").ok();
        let first = of_tree(&dir, &["src"], "").ok();
        assert!(first.is_some());
        assert_eq!(
            first,
            of_tree(&dir, &["src"], "").ok(),
            "stable for the same input"
        );

        std::fs::create_dir_all(dir.join("src/target")).ok();
        std::fs::write(dir.join("src/target/junk"), "x").ok();
        assert_eq!(
            first,
            of_tree(&dir, &["src"], "").ok(),
            "build output is ignored"
        );

        std::fs::write(dir.join("src/a.rs"), "fn b() {}").ok();
        assert_ne!(
            first,
            of_tree(&dir, &["src"], "").ok(),
            "content change is seen"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn renaming_a_file_changes_the_fingerprint() {
        let dir = scratch("rename");
        std::fs::write(dir.join("src/a.rs"), "same").ok();
        let before = of_tree(&dir, &["src"], "").ok();
        std::fs::rename(dir.join("src/a.rs"), dir.join("src/b.rs")).ok();
        assert_ne!(before, of_tree(&dir, &["src"], "").ok());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn extra_key_separates_profiles() {
        let dir = scratch("extra");
        assert_ne!(
            of_tree(&dir, &["src"], "release").ok(),
            of_tree(&dir, &["src"], "dev").ok()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn stamp_round_trips() {
        let dir = scratch("stamp");
        let stamp = Stamp::new(dir.join("deep/stamp"));
        assert!(!stamp.matches("abc"));
        assert!(stamp.record("abc").is_ok());
        assert!(stamp.matches("abc"));
        assert!(!stamp.matches("abd"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
