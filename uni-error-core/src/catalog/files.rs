//! Writing generated files, or checking that the files on disk are fresh.

use core::fmt;
use std::path::{Path, PathBuf};

use super::{DeclarationError, Declarations, Drift, SnapshotError};

/// The environment variable [`Mode::from_env`] reads.
const BLESS: &str = "UNI_ERROR_BLESS";

/// How to bring a file up to date.
const REGENERATE: &str =
    "regenerate it with Mode::Write (a test using Mode::from_env: UNI_ERROR_BLESS=1 cargo test)";

/// Whether the `write_*` functions write their files or check them.
///
/// ```
/// use uni_error::catalog::Mode;
///
/// // A test checks unless told to write (`UNI_ERROR_BLESS=1 cargo test`).
/// std::env::remove_var("UNI_ERROR_BLESS");
/// assert_eq!(Mode::from_env(), Mode::Check);
/// std::env::set_var("UNI_ERROR_BLESS", "0");
/// assert_eq!(Mode::from_env(), Mode::Check);
/// std::env::set_var("UNI_ERROR_BLESS", "1");
/// assert_eq!(Mode::from_env(), Mode::Write);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Fail with [`GenerateError::Stale`] (or [`GenerateError::Drift`] for a
    /// snapshot) when a file differs from what would be written, and with
    /// [`GenerateError::Missing`] when it does not exist; write nothing.
    /// For CI and tests.
    Check,
    /// Write every file whose content differs (the bless run of a test, a
    /// `build.rs` of a crate that depends on the error types, or accepting
    /// a snapshot change deliberately).
    Write,
}

impl Mode {
    /// [`Mode::Write`] when `UNI_ERROR_BLESS` is set to anything but `""`
    /// or `"0"`, else [`Mode::Check`]: a test checks in CI and writes when
    /// you run `UNI_ERROR_BLESS=1 cargo test`.
    pub fn from_env() -> Mode {
        match std::env::var_os(BLESS) {
            Some(v) if !v.is_empty() && v != "0" => Mode::Write,
            _ => Mode::Check,
        }
    }
}

/// Why generated files could not be written, or are not fresh.
///
/// ```
/// use uni_error::catalog::{CatalogSet, GenerateError, Mode};
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-exit")]
/// #[errno(1_001)]
/// #[msg("system not support")]
/// struct ExitError;
///
/// let dir = std::env::temp_dir().join(format!("uni-error-doc-{}", std::process::id()));
/// let path = dir.join("exit.d.ts");
/// let decls = CatalogSet::new().with::<ExitError>().declarations();
///
/// // Nothing written yet: the check fails.
/// let err = decls.write_typescript(&path, Mode::Check).unwrap_err();
/// assert!(matches!(err, GenerateError::Missing { .. }));
///
/// decls.write_typescript(&path, Mode::Write)?;
/// decls.write_typescript(&path, Mode::Check)?;
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), GenerateError>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum GenerateError {
    /// The declarations could not be rendered.
    Declaration(DeclarationError),
    /// Reading or writing a file failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// [`Mode::Check`]: the file does not exist.
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// [`Mode::Check`]: the file on disk differs from what would be written.
    Stale {
        /// The file.
        path: PathBuf,
        /// The first line (1-based) that differs.
        line: usize,
        /// That line as it would be written; `None` past the end.
        expected: Option<String>,
        /// That line on disk; `None` past the end.
        found: Option<String>,
    },
    /// [`Mode::Check`]: the codes differ from the committed snapshot.
    Drift {
        /// The snapshot file.
        path: PathBuf,
        /// What changed.
        drift: Drift,
    },
    /// [`Mode::Check`] of [`write_region`](super::write_region): the file
    /// has no generated region yet.
    NoRegion {
        /// The file.
        path: PathBuf,
    },
    /// The region markers of a file are out of order or given twice;
    /// nothing was written.
    Markers {
        /// The file.
        path: PathBuf,
        /// What is wrong, with its line.
        problem: String,
    },
    /// The committed snapshot could not be read.
    Snapshot {
        /// The snapshot file.
        path: PathBuf,
        /// Why.
        error: SnapshotError,
    },
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GenerateError::Declaration(e) => e.fmt(f),
            GenerateError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            GenerateError::Missing { path } => {
                write!(f, "{} does not exist; {REGENERATE}", path.display())
            }
            GenerateError::Stale {
                path,
                line,
                expected,
                found,
            } => {
                write!(f, "{} is stale: line {line} ", path.display())?;
                match (expected, found) {
                    (Some(e), Some(d)) => write!(f, "should be {e:?}, is {d:?}")?,
                    (Some(e), None) => write!(f, "should be {e:?} and is missing")?,
                    (None, Some(d)) => write!(f, "should not exist, is {d:?}")?,
                    (None, None) => f.write_str("differs")?,
                }
                write!(f, "; {REGENERATE}")
            }
            GenerateError::NoRegion { path } => write!(
                f,
                "{} has no `// uni-error:begin` .. `// uni-error:end` region; {REGENERATE}",
                path.display()
            ),
            GenerateError::Markers { path, problem } => write!(
                f,
                "{}: {problem}; keep one `// uni-error:begin` line and one `// uni-error:end` line after it",
                path.display()
            ),
            GenerateError::Drift { path, drift } => write!(f, "{}: {drift}", path.display()),
            GenerateError::Snapshot { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for GenerateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GenerateError::Declaration(e) => Some(e),
            GenerateError::Io { source, .. } => Some(source),
            GenerateError::Snapshot { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl From<DeclarationError> for GenerateError {
    fn from(e: DeclarationError) -> Self {
        GenerateError::Declaration(e)
    }
}

impl Declarations {
    /// Writes (or checks, see [`Mode`]) [`typescript`](Self::typescript) at
    /// `path`, creating its folder.
    pub fn write_typescript(
        &self,
        path: impl AsRef<Path>,
        mode: Mode,
    ) -> Result<(), GenerateError> {
        sync(path.as_ref(), &self.typescript()?, mode)
    }

    /// Writes (or checks, see [`Mode`]) `interface.uts` and `unierror.uts`
    /// in `dir` (a plugin's `utssdk` folder), creating it. Both files are
    /// then generated whole, for a new plugin; a module whose
    /// `interface.uts` also declares its API uses
    /// [`write_uts_regions`](Self::write_uts_regions), which writes between
    /// markers and keeps the rest.
    pub fn write_uts(&self, dir: impl AsRef<Path>, mode: Mode) -> Result<(), GenerateError> {
        let dir = dir.as_ref();
        sync(&dir.join("interface.uts"), &self.uts_interface()?, mode)?;
        sync(&dir.join("unierror.uts"), &self.uts_unierror()?, mode)
    }
}

/// The file at `path`, `None` when it does not exist.
pub(super) fn read(path: &Path) -> Result<Option<String>, GenerateError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(GenerateError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Writes `contents` to `path` unless it is already there; in
/// [`Mode::Check`], fails on the first differing line instead. Line endings
/// are compared as `\n` (a checkout may have turned them into `\r\n`).
pub(super) fn sync(path: &Path, contents: &str, mode: Mode) -> Result<(), GenerateError> {
    let current = read(path)?.map(|text| text.replace("\r\n", "\n"));
    match (mode, current) {
        (_, Some(text)) if text == contents => Ok(()),
        (Mode::Check, Some(text)) => Err(stale(path, contents, &text)),
        (Mode::Check, None) => Err(GenerateError::Missing {
            path: path.to_owned(),
        }),
        (Mode::Write, _) => write(path, contents),
    }
}

/// Writes `contents` to `path`, creating its folder.
pub(super) fn write(path: &Path, contents: &str) -> Result<(), GenerateError> {
    let io = |source| GenerateError::Io {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(path, contents).map_err(io)
}

/// The first line where `found` (the file) differs from `expected`.
pub(super) fn stale(path: &Path, expected: &str, found: &str) -> GenerateError {
    let mut want = expected.lines();
    let mut have = found.lines();
    let mut line = 1;
    loop {
        let (e, f) = (want.next(), have.next());
        if e != f || (e.is_none() && f.is_none()) {
            return GenerateError::Stale {
                path: path.to_owned(),
                line,
                expected: e.map(str::to_owned),
                found: f.map(str::to_owned),
            };
        }
        line += 1;
    }
}
