//! Saving a file so that a crash or kill at any moment leaves either the old or the new file
//! (write a temporary file beside it, fsync, rename over, fsync the folder), cleaning up the
//! temporary files of writers that were killed, and moving a corrupt file aside so no save can
//! overwrite it.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes` atomically, after removing what killed writers left beside it.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    remove_stale_temps(path);
    let (dir, name) = dir_and_name(path);
    let temp = dir.join(temp_name(name, std::process::id()));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)?;
        // the rename itself is durable only once the folder is synced
        File::open(dir)
            .and_then(|d| d.sync_all())
            .or(Ok::<(), io::Error>(()))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Removes the temporary files that [`write`] left beside `path` in processes that are no longer
/// running (killed mid-save); those of running processes are theirs to finish. Returns how many
/// were removed. Best effort: a folder that cannot be read is left as it is.
pub fn remove_stale_temps(path: &Path) -> usize {
    let (dir, name) = dir_and_name(path);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .and_then(|file_name| temp_pid(file_name, name))
                .is_some_and(|pid| !is_running(pid))
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

/// The folder of `path` (`.` for a bare name) and its file name.
fn dir_and_name(path: &Path) -> (&Path, &str) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    (dir, name)
}

/// `.NAME.PID.tmp`: hidden, and naming the process that writes it.
fn temp_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}.tmp")
}

/// The writer's process id, when `file_name` is one of our temporary files for `name`.
fn temp_pid(file_name: &str, name: &str) -> Option<u32> {
    file_name
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?
        .strip_suffix(".tmp")?
        .parse()
        .ok()
}

/// Whether process `pid` is running (or might be: when it cannot be told, it is).
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    // 0 and negative numbers name process groups, not a process
    let Some(pid) = libc::pid_t::try_from(pid).ok().filter(|&p| p > 0) else {
        return true;
    };
    // SAFETY: signal 0 is never delivered; kill only checks that the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

/// Moves a corrupt file out of the way, never to be overwritten: to `NAME.corrupt-SECONDS` (with `-2`, `-3` … if that is taken).
pub fn move_aside(path: &Path) -> Result<PathBuf, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let aside = (1..100)
        .map(|n| match n {
            1 => path.with_file_name(format!("{name}.corrupt-{secs}")),
            n => path.with_file_name(format!("{name}.corrupt-{secs}-{n}")),
        })
        .find(|p| !p.exists())
        .ok_or("too many corrupt copies")?;
    std::fs::rename(path, &aside).map_err(|e| e.to_string())?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        write(&path, b"old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub");
        std::fs::create_dir(&path).unwrap();
        assert!(
            write(&path, b"x").is_err(),
            "cannot rename a file over a folder"
        );
        assert!(path.is_dir());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn temporaries_of_killed_writers_are_removed_at_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.verdicts.json");
        let mut killed = std::process::Command::new("true").spawn().unwrap();
        killed.wait().unwrap();
        let mut running = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let names = [
            temp_name("plan.verdicts.json", killed.id()),
            temp_name("plan.verdicts.json", running.id()),
            // another file's temporary
            temp_name("bookmarks.json", killed.id()),
        ];
        for name in &names {
            std::fs::write(dir.path().join(name), b"{").unwrap();
        }
        write(&path, b"new").unwrap();
        running.kill().unwrap();
        running.wait().unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut expected = vec![
            names[2].clone(),
            names[1].clone(),
            "plan.verdicts.json".to_string(),
        ];
        expected.sort();
        assert_eq!(left, expected);
    }

    #[test]
    fn only_our_temporary_names_are_read_as_ours() {
        assert_eq!(temp_pid(".a.json.42.tmp", "a.json"), Some(42));
        assert_eq!(temp_pid(".a.json.x.tmp", "a.json"), None);
        assert_eq!(temp_pid(".b.a.json.42.tmp", "a.json"), None);
        assert_eq!(temp_pid("a.json.42.tmp", "a.json"), None);
    }
}
