//! The generated-region mode: the catalog writes only what lies between two
//! marker comments of a file a person owns, and keeps the rest byte for byte.

use std::path::Path;

use super::files::{read, stale, write, GenerateError, Mode};
use super::{DeclarationError, Declarations};

/// The first line of a generated region (what follows on the line is a
/// note for readers; a line that starts with `// uni-error:begin` after
/// optional indentation is a begin marker).
pub const REGION_BEGIN: &str = "// uni-error:begin";
/// The last line of a generated region.
pub const REGION_END: &str = "// uni-error:end";

/// The begin marker as written.
const BEGIN_LINE: &str =
    "// uni-error:begin (generated from the Rust error types: edit those, not this region)";

/// `generated` between the two markers.
fn block(generated: &str) -> String {
    format!(
        "{BEGIN_LINE}\n{}{REGION_END}\n",
        generated.trim_start_matches('\n')
    )
}

/// Where a file's region is: the byte range of its marker lines and what
/// lies between, `None` when the file has no markers.
fn find(text: &str) -> Result<Option<(usize, usize)>, String> {
    let (mut begin, mut end) = (None, None);
    let mut at = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        let next = at + line.len();
        if trimmed.starts_with(REGION_BEGIN) {
            if begin.is_some() {
                return Err(format!(
                    "a second `{REGION_BEGIN}` marker on line {}",
                    i + 1
                ));
            }
            begin = Some(at);
        } else if trimmed.starts_with(REGION_END) {
            if begin.is_none() {
                return Err(format!(
                    "`{REGION_END}` on line {} comes before any `{REGION_BEGIN}`",
                    i + 1
                ));
            }
            if end.is_some() {
                return Err(format!("a second `{REGION_END}` marker on line {}", i + 1));
            }
            end = Some(next);
        }
        at = next;
    }
    match (begin, end) {
        (None, None) => Ok(None),
        (Some(b), Some(e)) => Ok(Some((b, e))),
        _ => Err(format!("`{REGION_BEGIN}` has no `{REGION_END}` after it")),
    }
}

/// `text` with its region replaced by `generated` (the markers added at
/// the end when there are none), in the file's own line endings.
fn splice(text: &str, generated: &str) -> Result<(String, bool), String> {
    let crlf = text.contains("\r\n");
    let unix = text.replace("\r\n", "\n");
    let block = block(generated);
    let (out, had) = match find(&unix)? {
        Some((b, e)) => (format!("{}{block}{}", &unix[..b], &unix[e..]), true),
        None if unix.is_empty() => (block, false),
        None => {
            let sep = if unix.ends_with('\n') { "\n" } else { "\n\n" };
            (format!("{unix}{sep}{block}"), false)
        }
    };
    Ok((if crlf { out.replace('\n', "\r\n") } else { out }, had))
}

/// Writes (or checks, see [`Mode`]) `generated` between the markers of the
/// file at `path`, keeping everything outside them byte for byte.
///
/// - A file without markers gets them (and `generated`) at its end, after
///   a blank line, in [`Mode::Write`]; move the region where you want it,
///   later runs keep it there. [`Mode::Check`] fails with
///   [`GenerateError::NoRegion`].
/// - A missing file is created holding the region alone ([`Mode::Write`]),
///   or is [`GenerateError::Missing`] ([`Mode::Check`]).
/// - Markers out of order, or given twice, are
///   [`GenerateError::Markers`] in both modes: nothing is written.
///
/// The region is everything from the line starting with
/// [`REGION_BEGIN`] to the line starting with [`REGION_END`]; what a later
/// version generates (more declarations, messages in more languages) goes
/// inside the same region, so the markers of a file never move.
///
/// ```
/// use uni_error::catalog::{write_region, GenerateError, Mode};
///
/// let dir = std::env::temp_dir().join(format!("uni-error-region-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("interface.uts");
/// std::fs::write(&path, "export type Api = () => void\n").unwrap();
///
/// write_region(&path, "export type ExitErrorCode = 1001\n", Mode::Write)?;
/// write_region(&path, "export type ExitErrorCode = 1001 | 1002\n", Mode::Write)?;
/// assert_eq!(
///     std::fs::read_to_string(&path).unwrap(),
///     "export type Api = () => void\n\n\
///      // uni-error:begin (generated from the Rust error types: edit those, not this region)\n\
///      export type ExitErrorCode = 1001 | 1002\n\
///      // uni-error:end\n"
/// );
/// write_region(&path, "export type ExitErrorCode = 1001 | 1002\n", Mode::Check)?;
/// assert!(matches!(
///     write_region(&path, "export type ExitErrorCode = 1001\n", Mode::Check),
///     Err(GenerateError::Stale { line: 4, .. })
/// ));
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), GenerateError>(())
/// ```
pub fn write_region(
    path: impl AsRef<Path>,
    generated: &str,
    mode: Mode,
) -> Result<(), GenerateError> {
    let path = path.as_ref();
    let Some(text) = read(path)? else {
        return match mode {
            Mode::Check => Err(GenerateError::Missing {
                path: path.to_owned(),
            }),
            Mode::Write => write(path, &block(generated)),
        };
    };
    let (spliced, had) = splice(&text, generated).map_err(|problem| GenerateError::Markers {
        path: path.to_owned(),
        problem,
    })?;
    match mode {
        _ if spliced == text => Ok(()),
        Mode::Check if !had => Err(GenerateError::NoRegion {
            path: path.to_owned(),
        }),
        Mode::Check => Err(stale(
            path,
            &spliced.replace("\r\n", "\n"),
            &text.replace("\r\n", "\n"),
        )),
        Mode::Write => write(path, &spliced),
    }
}

impl Declarations {
    /// Writes (or checks) [`typescript_region`](Self::typescript_region)
    /// between the markers of the `.d.ts` at `path`; see [`write_region`].
    pub fn write_typescript_region(
        &self,
        path: impl AsRef<Path>,
        mode: Mode,
    ) -> Result<(), GenerateError> {
        write_region(path, &self.typescript_region()?, mode)
    }

    /// Writes (or checks) [`uts_interface_region`](Self::uts_interface_region)
    /// and [`uts_unierror_region`](Self::uts_unierror_region) between the
    /// markers of `interface.uts` and `unierror.uts` in `dir` (a plugin's
    /// `utssdk` folder), keeping the module's hand-written API around
    /// them; see [`write_region`].
    pub fn write_uts_regions(
        &self,
        dir: impl AsRef<Path>,
        mode: Mode,
    ) -> Result<(), GenerateError> {
        let dir = dir.as_ref();
        let (interface, unierror) = self.uts_regions()?;
        write_region(dir.join("interface.uts"), &interface, mode)?;
        write_region(dir.join("unierror.uts"), &unierror, mode)
    }

    fn uts_regions(&self) -> Result<(String, String), DeclarationError> {
        Ok((self.uts_interface_region()?, self.uts_unierror_region()?))
    }
}

#[cfg(test)]
mod tests {
    use super::{find, splice};

    #[test]
    fn markers_are_found_replaced_and_refused_out_of_order() {
        let text = "a\n  // uni-error:begin old note\nold\n// uni-error:end\nz\n";
        let (out, had) = splice(text, "new\n").unwrap();
        assert!(had);
        assert_eq!(
            out,
            "a\n// uni-error:begin (generated from the Rust error types: edit those, not this region)\nnew\n// uni-error:end\nz\n"
        );
        let (crlf, _) = splice(&text.replace('\n', "\r\n"), "new\n").unwrap();
        assert_eq!(crlf, out.replace('\n', "\r\n"));
        let (appended, had) = splice("a", "new\n").unwrap();
        assert!(!had);
        assert!(appended.starts_with("a\n\n// uni-error:begin"));
        assert_eq!(
            find("// uni-error:end\n// uni-error:begin\n").unwrap_err(),
            "`// uni-error:end` on line 1 comes before any `// uni-error:begin`"
        );
        assert_eq!(
            find("// uni-error:begin\n").unwrap_err(),
            "`// uni-error:begin` has no `// uni-error:end` after it"
        );
        assert_eq!(
            find("// uni-error:begin\n// uni-error:begin\n").unwrap_err(),
            "a second `// uni-error:begin` marker on line 2"
        );
        assert_eq!(
            find("// uni-error:begin\n// uni-error:end\n// uni-error:end\n").unwrap_err(),
            "a second `// uni-error:end` marker on line 3"
        );
    }
}
