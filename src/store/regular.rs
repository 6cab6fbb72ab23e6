//! Reading a file only when it is a regular one: opened without blocking (a named pipe with no
//! writer would otherwise wait forever), checked on the open handle, and read up to a limit. Used
//! for the store's own files and, by `load`, for report files. Depends on nothing in the crate.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Largest config, bookmarks or verdicts file read: as large as a report file may be
/// (`load::MAX_FILE_BYTES`), far beyond what the app ever writes.
pub const MAX_STORE_BYTES: u64 = 16 * 1024 * 1024;

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileKind::Directory => "a directory",
            FileKind::NamedPipe => "a named pipe (FIFO)",
            FileKind::CharacterDevice => "a character device",
            FileKind::BlockDevice => "a block device",
            FileKind::Socket => "a socket",
            FileKind::Other => "a special file",
        })
    }
}

impl FileKind {
    /// The kind of a file that is not regular (`None` for a regular file).
    fn of(metadata: &std::fs::Metadata) -> Option<FileKind> {
        let kind = metadata.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(FileKind::Directory);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let special = [
                (kind.is_fifo(), FileKind::NamedPipe),
                (kind.is_char_device(), FileKind::CharacterDevice),
                (kind.is_block_device(), FileKind::BlockDevice),
                (kind.is_socket(), FileKind::Socket),
            ];
            if let Some((_, found)) = special.into_iter().find(|(is, _)| *is) {
                return Some(found);
            }
        }
        Some(FileKind::Other)
    }
}

/// Why a file could not be read by [`read_regular`]; says what, the caller says which file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("it is {0}, not a regular file")]
    NotRegular(FileKind),
    /// The file's length, or `None` when it grew past the limit while being read.
    #[error("too large ({})", match .0 { Some(size) => format!("{size} bytes"), None => "it kept growing".to_string() })]
    TooLarge(Option<u64>),
}

/// Reads a regular file (symbolic links followed) of at most `limit` bytes.
///
/// The file is opened without blocking (opening a named pipe waits for a writer forever
/// otherwise), then checked with fstat on the open handle, so what is read is what was checked.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = match open_nonblocking(path) {
        Ok(file) => file,
        // a socket cannot be opened at all: name what it is
        Err(error) => {
            return Err(
                match std::fs::metadata(path).ok().as_ref().and_then(FileKind::of) {
                    Some(kind) => ReadError::NotRegular(kind),
                    None => ReadError::Io(error),
                },
            );
        }
    };
    let metadata = file.metadata()?;
    if let Some(kind) = FileKind::of(&metadata) {
        return Err(ReadError::NotRegular(kind));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge(Some(metadata.len())));
    }
    // The length can lie (a file growing while it is read): never read past the limit. Room for
    // the length told (and the byte that shows the end) spares growing the buffer as it reads.
    let told = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(told.saturating_add(1));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(None));
    }
    Ok(bytes)
}

fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}
