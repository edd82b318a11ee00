//! The committed record of published codes, and the check that keeps them
//! from silently changing.

use core::fmt;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use super::files::{self, GenerateError, Mode};
use super::typescript::json_string;
use super::CatalogSet;

/// Every published (subject, errno) of a set with its message template,
/// deprecation and platform: the codes JavaScript callers match on.
///
/// Commit it ([`Snapshot::write`]) and check it in a test: the check fails
/// when a code disappears without having been deprecated first, moves to
/// another subject, or changes its template or platform, and says how to
/// accept the change deliberately.
///
/// ```
/// use uni_error::catalog::{CatalogSet, Snapshot};
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-exit")]
/// #[errno(category = 0, sub = 1)]
/// enum ExitError {
///     #[errno(code = 1)]
///     #[msg("system not support")]
///     Unsupported,
///     #[deprecated = "never sent since 2.0"]
///     #[errno(code = 701)]
///     #[msg("unknown error")]
///     Unknown,
/// }
///
/// let snapshot = CatalogSet::new().with::<ExitError>().snapshot();
/// assert_eq!(
///     snapshot.to_json(),
///     r#"{
///   "version": 1,
///   "codes": [
///     {"subject": "uni-exit", "errno": 1001, "template": "system not support", "deprecated": null, "platform": "shared"},
///     {"subject": "uni-exit", "errno": 1701, "template": "unknown error", "deprecated": "never sent since 2.0", "platform": "android"}
///   ]
/// }
/// "#
/// );
/// assert_eq!(Snapshot::from_json(&snapshot.to_json())?, snapshot);
/// # Ok::<(), uni_error::catalog::SnapshotError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Snapshot {
    codes: Vec<SnapshotCode>,
}

/// One published code of a [`Snapshot`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotCode {
    /// errSubject.
    pub subject: String,
    /// errCode.
    pub errno: u32,
    /// The `#[msg]` template.
    pub template: String,
    /// `#[deprecated]`'s note (`""` without one), `None` when not deprecated.
    pub deprecated: Option<String>,
    /// `shared`, `cross`, `android`, `ios` or `web`.
    pub platform: String,
    /// The `#[locale(..)]` translations as `(language, template)`, in the
    /// order of `#[locales(..)]` (the default language's is `template`);
    /// empty without `#[locales]`. A changed translation is a changed
    /// message.
    pub translations: Vec<(String, String)>,
}

impl SnapshotCode {
    pub(super) fn key(&self) -> (&str, u32) {
        (&self.subject, self.errno)
    }
}

impl fmt::Display for SnapshotCode {
    /// `uni-exit 1001 "system not support"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.subject,
            self.errno,
            json_string(&self.template)
        )
    }
}

impl CatalogSet {
    /// The snapshot of this set's codes, sorted by subject, then errno.
    pub fn snapshot(&self) -> Snapshot {
        let mut codes: Vec<SnapshotCode> = self
            .entries()
            .iter()
            .map(|e| SnapshotCode {
                subject: e.subject().to_owned(),
                errno: e.errno().get(),
                template: e.msg().to_owned(),
                deprecated: e.deprecated().map(str::to_owned),
                platform: e.platform().as_str().to_owned(),
                translations: e
                    .messages()
                    .skip(1)
                    .map(|(tag, m)| (tag.to_owned(), m.to_owned()))
                    .collect(),
            })
            .collect();
        codes.sort_by(|a, b| a.key().cmp(&b.key()));
        // A clash leaves two rows for one key; `CatalogSet::check` reports it.
        codes.dedup_by(|a, b| a.key() == b.key());
        Snapshot { codes }
    }
}

impl Snapshot {
    /// The codes, sorted by subject, then errno.
    pub fn codes(&self) -> &[SnapshotCode] {
        &self.codes
    }

    /// The snapshot as JSON, one code per line so that a diff shows each
    /// changed code.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\n  \"version\": 1,\n  \"codes\": [\n");
        for (i, c) in self.codes.iter().enumerate() {
            let deprecated = c
                .deprecated
                .as_deref()
                .map_or("null".to_owned(), json_string);
            let _ = write!(
                out,
                "    {{\"subject\": {}, \"errno\": {}, \"template\": {}, \"deprecated\": {deprecated}, \"platform\": {}}}",
                json_string(&c.subject),
                c.errno,
                json_string(&c.template),
                json_string(&c.platform)
            );
            if !c.translations.is_empty() {
                out.truncate(out.len() - 1);
                out.push_str(", \"translations\": {");
                for (j, (tag, template)) in c.translations.iter().enumerate() {
                    let sep = if j == 0 { "" } else { ", " };
                    let _ = write!(out, "{sep}{}: {}", json_string(tag), json_string(template));
                }
                out.push_str("}}");
            }
            out.push_str(if i + 1 == self.codes.len() {
                "\n"
            } else {
                ",\n"
            });
        }
        out.push_str("  ]\n}\n");
        out
    }

    /// Reads [`to_json`](Self::to_json)'s output (any JSON layout).
    pub fn from_json(json: &str) -> Result<Snapshot, SnapshotError> {
        let value: Value = serde_json::from_str(json).map_err(|e| SnapshotError(e.to_string()))?;
        if value.get("version").and_then(Value::as_u64) != Some(1) {
            return Err(SnapshotError("expected \"version\": 1".into()));
        }
        let Some(rows) = value.get("codes").and_then(Value::as_array) else {
            return Err(SnapshotError("expected a \"codes\" array".into()));
        };
        let mut codes = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let text = |key: &str| {
                row.get(key)
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        SnapshotError(format!("codes[{i}]: expected a string \"{key}\""))
                    })
            };
            let errno = row
                .get("errno")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| SnapshotError(format!("codes[{i}]: expected a number \"errno\"")))?;
            let deprecated = match row.get("deprecated") {
                None | Some(Value::Null) => None,
                Some(Value::String(note)) => Some(note.clone()),
                Some(_) => {
                    return Err(SnapshotError(format!(
                        "codes[{i}]: expected \"deprecated\" to be null or a string"
                    )))
                }
            };
            let translations = match row.get("translations") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Object(map)) => map
                    .iter()
                    .map(|(tag, t)| match t.as_str() {
                        Some(t) => Ok((tag.clone(), t.to_owned())),
                        None => Err(SnapshotError(format!(
                            "codes[{i}]: expected the translation \"{tag}\" to be a string"
                        ))),
                    })
                    .collect::<Result<_, _>>()?,
                Some(_) => {
                    return Err(SnapshotError(format!(
                        "codes[{i}]: expected \"translations\" to be an object"
                    )))
                }
            };
            codes.push(SnapshotCode {
                subject: text("subject")?,
                errno,
                template: text("template")?,
                deprecated,
                platform: text("platform")?,
                translations,
            });
        }
        codes.sort_by(|a, b| a.key().cmp(&b.key()));
        Ok(Snapshot { codes })
    }

    /// Writes the snapshot to `path`, or in [`Mode::Check`] compares it with
    /// the committed one there and fails with [`GenerateError::Drift`] on
    /// any change (a missing file is [`GenerateError::Missing`]). Writing is
    /// how a change is accepted: do it deliberately.
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
    /// let dir = std::env::temp_dir().join(format!("uni-error-snap-{}", std::process::id()));
    /// let path = dir.join("errcodes.snapshot.json");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// // Published earlier: a code the type no longer has.
    /// std::fs::write(&path, r#"{"version": 1, "codes": [
    ///     {"subject": "uni-exit", "errno": 1002, "template": "unknown", "deprecated": null, "platform": "shared"}
    /// ]}"#).unwrap();
    ///
    /// let snapshot = CatalogSet::new().with::<ExitError>().snapshot();
    /// let err = snapshot.write(&path, Mode::Check).unwrap_err();
    /// let GenerateError::Drift { drift, .. } = &err else { unreachable!() };
    /// assert!(drift.is_breaking());
    /// assert!(err.to_string().contains(
    ///     "BREAKING: removed without being deprecated first: uni-exit 1002 \"unknown\""
    /// ));
    ///
    /// // Accepting it deliberately: write, then commit the file.
    /// snapshot.write(&path, Mode::Write)?;
    /// snapshot.write(&path, Mode::Check)?;
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), GenerateError>(())
    /// ```
    pub fn write(&self, path: impl AsRef<Path>, mode: Mode) -> Result<(), GenerateError> {
        let path = path.as_ref();
        let json = self.to_json();
        if mode == Mode::Write {
            return files::sync(path, &json, mode);
        }
        let Some(text) = files::read(path)? else {
            return files::sync(path, &json, mode);
        };
        let published = Snapshot::from_json(&text).map_err(|error| GenerateError::Snapshot {
            path: path.to_owned(),
            error,
        })?;
        let drift = self.drift_from(&published);
        if drift.changes().is_empty() {
            Ok(())
        } else {
            Err(GenerateError::Drift {
                path: path.to_owned(),
                drift,
            })
        }
    }
}

/// A committed snapshot that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotError(String);

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an error-code snapshot: {}", self.0)
    }
}

impl std::error::Error for SnapshotError {}
