//! Writing the files a run leaves behind (`--output`, `--bundle`): readable by the user only, and
//! never half-written.
//!
//! Reports and bundles hold addresses, request ids and redacted SDPs: mode 0600 from the moment the
//! file exists (not a chmod afterwards, which leaves a window), as ssh and gpg create their files.
//! An existing file is replaced by a rename(2) of a finished temporary file in the same directory,
//! which POSIX makes atomic: a reader sees the old report or the new one, never a mix, and an
//! interrupted run leaves the old one in place.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Write `bytes` to `path`, private and atomically (see the module's comment).
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // A device or a pipe (`-o /dev/stdout`, a FIFO) is written to as it is: renaming over it
    // would replace the device node, not feed it.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return std::fs::OpenOptions::new().write(true).open(path)?.write_all(bytes);
    }
    let tmp = temporary_name(path);
    let result = (|| {
        let mut f = create_private(&tmp)?;
        f.write_all(bytes)?;
        // On disk before the rename, so that a crash cannot leave an empty file under the name.
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `.NAME.PID.RANDOM.tmp` next to the target: the same file system, so the rename is atomic.
fn temporary_name(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "report".into());
    let tmp = format!(".{name}.{}.{:08x}.tmp", std::process::id(), fastrand::u32(..));
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(tmp),
        _ => PathBuf::from(tmp),
    }
}

#[cfg(unix)]
fn create_private(p: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // create_new: never follow a symlink someone planted under the temporary name.
    std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(p)
}

#[cfg(not(unix))]
fn create_private(p: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new().write(true).create_new(true).open(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn files_are_private_and_replaced_whole() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.json");
        // An existing file others could read: replaced, and private afterwards.
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o600);
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.json")]);
        // A new file is private from the start.
        let q = dir.path().join("bundle.json");
        write_private(&q, b"x").unwrap();
        assert_eq!(std::fs::metadata(&q).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a directory: an error, nothing replaced, nothing left behind.
        let p = dir.path().join("taken");
        std::fs::create_dir(&p).unwrap();
        std::fs::write(p.join("inside"), "keep").unwrap();
        assert!(write_private(&p, b"new").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("taken")]);
        assert_eq!(std::fs::read_to_string(p.join("inside")).unwrap(), "keep");
    }
}
