//! Error-code catalogs: every variant's errno, subject and message as data,
//! checked for clashes and rendered as Markdown or JSON.
//!
//! `#[derive(UniError)]` implements [`Catalog`] with a `const` table of every
//! variant. Publishers document their codes as tables (WeChat's errno list,
//! the vendor tables of the Taobao Open Platform); with a catalog a plugin's
//! table comes from the code, never by hand, and never with a clash:
//!
//! ```
//! use uni_error::catalog::CatalogSet;
//! use uni_error::UniError;
//!
//! #[derive(Debug, UniError)]
//! #[subject("uni-nfc")]
//! #[errno(category = 15, sub = 4)]
//! enum NfcError {
//!     /// The device has no NFC hardware.
//!     #[errno(code = 0)]
//!     #[msg("NFC is not supported")]
//!     Unsupported,
//!     /// NFC is switched off in the system settings.
//!     #[errno(code = 1)]
//!     #[msg("NFC is off: {reason}")]
//!     Off { reason: String },
//! }
//!
//! let set = CatalogSet::new().with::<NfcError>();
//! set.check()?;
//! assert_eq!(
//!     set.to_markdown(),
//!     "| errno | errMsg | subject | description |\n\
//!      |---|---|---|---|\n\
//!      | 1504000 | NFC is not supported | uni-nfc | The device has no NFC hardware. |\n\
//!      | 1504001 | NFC is off: {reason} | uni-nfc | NFC is switched off in the system settings. |\n"
//! );
//! # Ok::<(), uni_error::catalog::CatalogError>(())
//! ```

use core::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::well_known::WellKnown;
use crate::{Errno, Platform};

/// A type whose variants are listed, with their codes, in a `const` table.
/// Implemented by `#[derive(UniError)]`.
pub trait Catalog {
    /// One entry per variant (one for a struct), in declaration order.
    const CATALOG: &'static [CatalogEntry];
}

/// One row of a catalog: a variant with its subject, errno and message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    type_name: &'static str,
    variant: Option<&'static str>,
    subject: &'static str,
    errno: Errno,
    msg: &'static str,
    doc: &'static str,
}

impl CatalogEntry {
    /// Used by the derive; the arguments are validated when the macro runs.
    #[doc(hidden)]
    pub const fn __new(
        type_name: &'static str,
        variant: Option<&'static str>,
        subject: &'static str,
        errno: Errno,
        msg: &'static str,
        doc: &'static str,
    ) -> Self {
        CatalogEntry {
            type_name,
            variant,
            subject,
            errno,
            msg,
            doc,
        }
    }

    /// The type's name (`LoginError`).
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The variant's name, `None` for a struct.
    pub const fn variant(&self) -> Option<&'static str> {
        self.variant
    }

    /// errSubject.
    pub const fn subject(&self) -> &'static str {
        self.subject
    }

    /// errCode.
    pub const fn errno(&self) -> Errno {
        self.errno
    }

    /// The `#[msg]` template as written (`"NFC is off: {reason}"`); empty
    /// for a type that keeps its own `Display`.
    pub const fn msg(&self) -> &'static str {
        self.msg
    }

    /// The first paragraph of the variant's doc comment, lines joined by
    /// spaces; empty when it has none.
    pub const fn doc(&self) -> &'static str {
        self.doc
    }

    /// The platform the errno's range names.
    pub const fn platform(&self) -> Platform {
        self.errno.platform()
    }
}

impl fmt::Display for CatalogEntry {
    /// `LoginError::Timeout` (or `LoginError` for a struct).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.type_name)?;
        if let Some(v) = self.variant {
            write!(f, "::{v}")?;
        }
        Ok(())
    }
}

impl Serialize for CatalogEntry {
    /// `{"errno","errMsg","subject","description","variant","platform"}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CatalogEntry", 6)?;
        s.serialize_field("errno", &self.errno)?;
        s.serialize_field("errMsg", self.msg)?;
        s.serialize_field("subject", self.subject)?;
        s.serialize_field("description", self.doc)?;
        s.serialize_field("variant", &crate::__private::DisplayStr(self))?;
        s.serialize_field("platform", self.platform().as_str())?;
        s.end()
    }
}

/// Two entries with the same subject and errno.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clash {
    /// The entry added first.
    pub first: &'static CatalogEntry,
    /// The entry that reuses its subject and errno.
    pub second: &'static CatalogEntry,
}

impl fmt::Display for Clash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "errno {} of subject `{}` is used by both {} and {}",
            self.first.errno, self.first.subject, self.first, self.second
        )
    }
}

/// Every clash found by [`CatalogSet::check`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    clashes: Vec<Clash>,
}

impl CatalogError {
    /// The clashes, in the order of the second entry.
    pub fn clashes(&self) -> &[Clash] {
        &self.clashes
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} errno clash", self.clashes.len())?;
        if self.clashes.len() != 1 {
            f.write_str("es")?;
        }
        for c in &self.clashes {
            write!(f, "\n- {c}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogError {}

/// A derived errno that is also in WeChat's published table; see
/// [`CatalogSet::wechat_reuses`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeChatReuse {
    /// The catalog entry.
    pub entry: &'static CatalogEntry,
    /// WeChat's published row for the same errno.
    pub published: &'static WellKnown,
}

impl fmt::Display for WeChatReuse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} uses errno {} ({:?}), which WeChat publishes as {:?}",
            self.entry,
            self.entry.errno,
            self.entry.msg,
            self.published.err_msg().unwrap_or("")
        )
    }
}

/// The catalogs of several types, checked and rendered together.
#[derive(Clone, Debug, Default)]
pub struct CatalogSet {
    entries: Vec<&'static CatalogEntry>,
}

impl CatalogSet {
    /// An empty set.
    pub fn new() -> Self {
        CatalogSet::default()
    }

    /// Adds every entry of `T`'s catalog.
    #[must_use]
    pub fn with<T: Catalog + ?Sized>(self) -> Self {
        self.with_entries(T::CATALOG)
    }

    /// Adds entries from a table (a hand-written one, or `T::CATALOG`).
    #[must_use]
    pub fn with_entries(mut self, entries: &'static [CatalogEntry]) -> Self {
        self.entries.extend(entries);
        self
    }

    /// The entries in the order they were added.
    pub fn entries(&self) -> &[&'static CatalogEntry] {
        &self.entries
    }

    /// The entries sorted by errno, then subject, then name.
    pub fn sorted(&self) -> Vec<&'static CatalogEntry> {
        let mut sorted = self.entries.clone();
        sorted.sort_by(|a, b| {
            (a.errno, a.subject, a.type_name, a.variant).cmp(&(
                b.errno,
                b.subject,
                b.type_name,
                b.variant,
            ))
        });
        sorted
    }

    /// Fails when two entries share a subject and an errno, listing every
    /// clash with both variant names.
    pub fn check(&self) -> Result<(), CatalogError> {
        let mut seen: std::collections::HashMap<(&str, Errno), &'static CatalogEntry> =
            std::collections::HashMap::new();
        let mut clashes = Vec::new();
        for &entry in &self.entries {
            match seen.entry((entry.subject, entry.errno)) {
                std::collections::hash_map::Entry::Occupied(first) => clashes.push(Clash {
                    first: first.get(),
                    second: entry,
                }),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(entry);
                }
            }
        }
        if clashes.is_empty() {
            Ok(())
        } else {
            Err(CatalogError { clashes })
        }
    }

    /// Every entry whose errno is in WeChat's published table, beside the
    /// published row.
    ///
    /// The spec asks errors shared with WeChat to keep WeChat's code, so a
    /// reuse is often right (your "time out" is WeChat's `5`); it is a
    /// mistake when the meaning differs. Code cannot tell those apart
    /// reliably, so this lists every reuse with both messages and leaves the
    /// verdict to you: assert in a test that the list is exactly the reuses
    /// you intend.
    pub fn wechat_reuses(&self) -> Vec<WeChatReuse> {
        self.sorted()
            .into_iter()
            .filter_map(|entry| {
                let published = entry.errno.well_known()?;
                Some(WeChatReuse { entry, published })
            })
            .collect()
    }

    /// The set as a Markdown table, `| errno | errMsg | subject | description |`,
    /// sorted by errno. `|` in a cell is escaped and line breaks become spaces.
    pub fn to_markdown(&self) -> String {
        let mut out =
            String::from("| errno | errMsg | subject | description |\n|---|---|---|---|\n");
        for e in self.sorted() {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                e.errno,
                markdown_cell(e.msg),
                markdown_cell(e.subject),
                markdown_cell(e.doc)
            ));
        }
        out
    }

    /// The set as a JSON array sorted by errno; see [`CatalogEntry`]'s
    /// `Serialize` for the keys.
    pub fn to_json(&self) -> String {
        // Serializing `&CatalogEntry`s into a String cannot fail.
        serde_json::to_string_pretty(&self.sorted()).unwrap_or_default()
    }
}

fn markdown_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}
