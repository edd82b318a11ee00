//! What changed between a committed [`Snapshot`] and the code, and whether
//! it breaks callers.

use core::fmt;

use super::typescript::json_string;
use super::{Snapshot, SnapshotCode};

impl Snapshot {
    /// What changed from `published` (the committed snapshot) to `self`.
    ///
    /// ```
    /// use uni_error::catalog::{Change, Snapshot};
    ///
    /// let old = Snapshot::from_json(r#"{"version": 1, "codes": [
    ///     {"subject": "uni-exit", "errno": 1001, "template": "system not support", "deprecated": null, "platform": "shared"}
    /// ]}"#)?;
    /// let new = Snapshot::from_json(r#"{"version": 1, "codes": []}"#)?;
    /// let drift = new.drift_from(&old);
    /// assert!(drift.is_breaking());
    /// assert!(matches!(drift.changes()[0], Change::Removed(_)));
    /// # Ok::<(), uni_error::catalog::SnapshotError>(())
    /// ```
    pub fn drift_from(&self, published: &Snapshot) -> Drift {
        let find = |codes: &[SnapshotCode], key| codes.iter().find(|c| c.key() == key).cloned();
        let mut changes = Vec::new();
        // Codes that are new under their subject; a removed code may turn
        // out to have moved to one of them.
        let mut added: Vec<SnapshotCode> = self
            .codes()
            .iter()
            .filter(|c| find(published.codes(), c.key()).is_none())
            .cloned()
            .collect();
        for old in published.codes() {
            let Some(new) = find(self.codes(), old.key()) else {
                if old.deprecated.is_some() {
                    changes.push(Change::RemovedAfterDeprecation(old.clone()));
                } else if let Some(i) = added.iter().position(|c| c.errno == old.errno) {
                    let new = added.remove(i);
                    changes.push(Change::SubjectChanged {
                        old: old.clone(),
                        new,
                    });
                } else {
                    changes.push(Change::Removed(old.clone()));
                }
                continue;
            };
            if same_meaning(&old.template, &new.template)
                && old.platform == new.platform
                && same_translations(old, &new)
            {
                match (&old.deprecated, &new.deprecated) {
                    (None, Some(_)) => changes.push(Change::Deprecated(new)),
                    (Some(_), None) => changes.push(Change::Undeprecated(new)),
                    _ => {}
                }
            } else {
                changes.push(Change::Changed {
                    old: old.clone(),
                    new,
                });
            }
        }
        changes.extend(added.into_iter().map(Change::Added));
        Drift { changes }
    }
}

/// Every translation means the same: the same languages, each template
/// the same beyond whitespace.
fn same_translations(old: &SnapshotCode, new: &SnapshotCode) -> bool {
    old.translations.len() == new.translations.len()
        && old
            .translations
            .iter()
            .zip(&new.translations)
            .all(|((a, x), (b, y))| a == b && same_meaning(x, y))
}

/// Each translation that differs: `translation zh-Hans "a" -> "b"`, with
/// `null` for a language on one side only.
fn write_translations(
    f: &mut fmt::Formatter<'_>,
    old: &SnapshotCode,
    new: &SnapshotCode,
) -> fmt::Result {
    let text = |c: &SnapshotCode, tag: &str| {
        c.translations
            .iter()
            .find(|(t, _)| t == tag)
            .map_or("null".to_owned(), |(_, m)| json_string(m))
    };
    let mut tags: Vec<&str> = old.translations.iter().map(|(t, _)| t.as_str()).collect();
    for (t, _) in &new.translations {
        if !tags.contains(&t.as_str()) {
            tags.push(t);
        }
    }
    for tag in tags {
        let (a, b) = (text(old, tag), text(new, tag));
        if a != b && !same_meaning(&a, &b) {
            write!(f, " translation {tag} {a} -> {b}")?;
        }
    }
    Ok(())
}

/// Templates mean the same when they differ only in whitespace.
fn same_meaning(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// One difference between the committed snapshot and the code.
///
/// ```
/// use uni_error::catalog::{Change, Snapshot};
///
/// let old = Snapshot::from_json(r#"{"version": 1, "codes": [
///     {"subject": "uni-pay", "errno": 701005, "template": "user canceled", "deprecated": null, "platform": "shared"}
/// ]}"#)?;
/// let new = Snapshot::from_json(r#"{"version": 1, "codes": [
///     {"subject": "uni-pay", "errno": 701005, "template": "payment refused", "deprecated": null, "platform": "shared"}
/// ]}"#)?;
/// let drift = new.drift_from(&old);
/// let change = &drift.changes()[0];
/// assert!(matches!(change, Change::Changed { .. }));
/// assert!(change.is_breaking());
/// assert_eq!(
///     change.to_string(),
///     r#"uni-pay 701005 changed its meaning: template "user canceled" -> "payment refused""#
/// );
/// # Ok::<(), uni_error::catalog::SnapshotError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// A code that was not published: safe.
    Added(SnapshotCode),
    /// A code now `#[deprecated]`: safe, and the step before removing it.
    Deprecated(SnapshotCode),
    /// A code no longer deprecated: safe.
    Undeprecated(SnapshotCode),
    /// A deprecated code removed: safe.
    RemovedAfterDeprecation(SnapshotCode),
    /// A code removed without being deprecated first: breaking.
    Removed(SnapshotCode),
    /// The same errno under another subject: breaking.
    SubjectChanged {
        /// As published.
        old: SnapshotCode,
        /// Now.
        new: SnapshotCode,
    },
    /// Another template (beyond whitespace) or platform: breaking.
    Changed {
        /// As published.
        old: SnapshotCode,
        /// Now.
        new: SnapshotCode,
    },
}

impl Change {
    /// Whether a caller matching on the published code may now be wrong.
    pub fn is_breaking(&self) -> bool {
        matches!(
            self,
            Change::Removed(_) | Change::SubjectChanged { .. } | Change::Changed { .. }
        )
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added(c) => write!(f, "added: {c}"),
            Change::Deprecated(c) => write!(f, "deprecated: {c}"),
            Change::Undeprecated(c) => write!(f, "no longer deprecated: {c}"),
            Change::RemovedAfterDeprecation(c) => write!(f, "removed after deprecation: {c}"),
            Change::Removed(c) => write!(f, "removed without being deprecated first: {c}"),
            Change::SubjectChanged { old, new } => {
                write!(
                    f,
                    "errno {} moved from subject {} to {}",
                    old.errno,
                    json_string(&old.subject),
                    json_string(&new.subject)
                )?;
                if !same_meaning(&old.template, &new.template) {
                    write!(
                        f,
                        ", template {} -> {}",
                        json_string(&old.template),
                        json_string(&new.template)
                    )?;
                }
                Ok(())
            }
            Change::Changed { old, new } => {
                write!(f, "{} {} changed its meaning:", old.subject, old.errno)?;
                if !same_meaning(&old.template, &new.template) {
                    write!(
                        f,
                        " template {} -> {}",
                        json_string(&old.template),
                        json_string(&new.template)
                    )?;
                }
                write_translations(f, old, new)?;
                if old.platform != new.platform {
                    write!(f, " platform {} -> {}", old.platform, new.platform)?;
                }
                Ok(())
            }
        }
    }
}

/// Every difference between a committed snapshot and the code; see
/// [`Snapshot::drift_from`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drift {
    changes: Vec<Change>,
}

impl Drift {
    /// The changes: breaking and safe ones in the order found.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether any change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_breaking() {
            f.write_str("published error codes changed meaning")?;
        } else {
            f.write_str("the snapshot of error codes is out of date")?;
        }
        for change in &self.changes {
            let tag = if change.is_breaking() {
                "BREAKING"
            } else {
                "ok"
            };
            write!(f, "\n  {tag}: {change}")?;
        }
        if self.is_breaking() {
            f.write_str(
                "\nCallers match on (errSubject, errCode): restore the code, or mark it \
                 #[deprecated] for a release before removing it. To accept the change \
                 deliberately, regenerate the snapshot",
            )?;
        } else {
            f.write_str("\nRegenerate the snapshot")?;
        }
        f.write_str(" (Mode::Write; a test using Mode::from_env: UNI_ERROR_BLESS=1 cargo test) and commit it.")
    }
}
