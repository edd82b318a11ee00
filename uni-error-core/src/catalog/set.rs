//! A set of catalogs: clash checks, WeChat reuses, Markdown and JSON.

use core::fmt;

use super::table::Tables;
use super::{Catalog, CatalogEntry, PassThrough};
use crate::well_known::WellKnown;
use crate::Errno;

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
            self.first.errno(),
            self.first.subject(),
            self.first,
            self.second
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
            self.entry.errno(),
            self.entry.msg(),
            self.published.err_msg().unwrap_or("")
        )
    }
}

/// The catalogs of several types, checked and rendered together.
#[derive(Clone, Debug, Default)]
pub struct CatalogSet {
    entries: Vec<&'static CatalogEntry>,
    /// Per entry, the transparent variants it was reached through,
    /// outermost first (empty for a type's own rows).
    via: Vec<Vec<PassThrough>>,
    /// Every row reached through a transparent variant, with the outermost
    /// one, whether or not the row was in the set already: the codes each
    /// type really sends besides its own.
    forwards: Vec<(PassThrough, &'static CatalogEntry)>,
}

/// How deep [`CatalogSet::with`] follows pass-throughs: a type that passes
/// through itself (through a box) stops here.
const MAX_PASS_THROUGH_DEPTH: usize = 16;

impl CatalogSet {
    /// An empty set.
    pub fn new() -> Self {
        CatalogSet::default()
    }

    /// Adds every entry of `T`'s catalog, then the catalogs its
    /// `#[msg(transparent)]` variants pass through ([`Catalog::PASS_THROUGH`]),
    /// each row marked with the variant it is reached through
    /// ([`CatalogSet::via`]). A row reached so that is in the set already
    /// is not added again (two variants over one type, or the inner type
    /// added on its own too: then its rows are its own); a type added twice
    /// on its own is a clash, as with [`CatalogSet::with_entries`].
    ///
    /// ```
    /// use uni_error::catalog::CatalogSet;
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-login")]
    /// #[errno(category = 15, sub = 4, code = 3)]
    /// #[msg("NFC is not available")]
    /// struct NfcUnavailable;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-app")]
    /// #[errno(category = 15, sub = 5)]
    /// enum AppError {
    ///     #[errno(code = 1)]
    ///     #[msg("storage full")]
    ///     Full,
    ///     #[msg(transparent)]
    ///     Login(NfcUnavailable),
    /// }
    ///
    /// let set = CatalogSet::new().with::<AppError>();
    /// let [full, nfc] = set.entries() else { unreachable!() };
    /// assert_eq!(nfc.to_string(), "NfcUnavailable");
    /// assert!(set.via(full).is_empty());
    /// assert_eq!(set.via(nfc)[0].to_string(), "AppError::Login");
    /// assert_eq!(
    ///     set.to_markdown(),
    ///     "| errno | errMsg | subject | description |\n\
    ///      |---|---|---|---|\n\
    ///      | 1504003 | NFC is not available | uni-login | (through AppError::Login) |\n\
    ///      | 1505001 | storage full | uni-app |  |\n"
    /// );
    /// ```
    #[must_use]
    pub fn with<T: Catalog + ?Sized>(mut self) -> Self {
        self.add((T::CATALOG, T::PASS_THROUGH), &mut Vec::new());
        self
    }

    /// Adds a table and, recursively, what it passes through.
    fn add(&mut self, (table, pass_through): Tables, via: &mut Vec<PassThrough>) {
        for entry in table {
            if let Some(outer) = via.first() {
                let known = self.forwards.iter().any(|(p, e)| {
                    *e == entry
                        && (p.type_name(), p.variant()) == (outer.type_name(), outer.variant())
                });
                if !known {
                    self.forwards.push((*outer, entry));
                }
            }
            // A row reached through a pass-through that is in the set
            // already is the same code, not a clash; a type added twice
            // on its own is one.
            let seen = self
                .entries
                .iter()
                .zip(&self.via)
                .position(|(&e, v)| e == entry && (!v.is_empty() || !via.is_empty()));
            match seen {
                Some(i) if via.is_empty() => self.via[i].clear(),
                Some(_) => {}
                None => {
                    self.entries.push(entry);
                    self.via.push(via.clone());
                }
            }
        }
        if via.len() >= MAX_PASS_THROUGH_DEPTH {
            return;
        }
        for p in pass_through {
            if let Some(inner) = p.tables() {
                via.push(*p);
                self.add(inner, via);
                via.pop();
            }
        }
    }

    /// Adds entries from a table (a hand-written one, or `T::CATALOG`).
    #[must_use]
    pub fn with_entries(mut self, entries: &'static [CatalogEntry]) -> Self {
        self.via.extend(entries.iter().map(|_| Vec::new()));
        self.entries.extend(entries);
        self
    }

    /// The `#[msg(transparent)]` variants through which `entry` was added,
    /// outermost first: empty for a row of a type added with
    /// [`CatalogSet::with`] itself (or not in the set).
    pub fn via(&self, entry: &CatalogEntry) -> &[PassThrough] {
        self.entries
            .iter()
            .position(|&e| e == entry)
            .map_or(&[], |i| &self.via[i])
    }

    /// Every row reached through a `#[msg(transparent)]` variant, with the
    /// outermost such variant, in the order they were reached.
    #[cfg(feature = "declarations")]
    pub(crate) fn forwards(&self) -> &[(PassThrough, &'static CatalogEntry)] {
        &self.forwards
    }

    /// The entries in the order they were added.
    pub fn entries(&self) -> &[&'static CatalogEntry] {
        &self.entries
    }

    /// The entries sorted by errno, then subject, then name.
    pub fn sorted(&self) -> Vec<&'static CatalogEntry> {
        let mut sorted = self.entries.clone();
        sorted.sort_by(|a, b| {
            (a.errno(), a.subject(), a.type_name(), a.variant()).cmp(&(
                b.errno(),
                b.subject(),
                b.type_name(),
                b.variant(),
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
            match seen.entry((entry.subject(), entry.errno())) {
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
                let published = entry.errno().well_known()?;
                Some(WeChatReuse { entry, published })
            })
            .collect()
    }

    /// The set as a Markdown table, `| errno | errMsg | subject | description |`,
    /// sorted by errno; a deprecated code's description ends with
    /// `(deprecated: note)`. `|` in a cell is escaped and line breaks become
    /// spaces. With `#[locales]`, one `errMsg (tag)` column per further
    /// language follows errMsg (empty for a row whose type lacks it).
    pub fn to_markdown(&self) -> String {
        let languages = self.languages();
        let mut out = String::from("| errno | errMsg |");
        for tag in &languages {
            out.push_str(&format!(" errMsg ({tag}) |"));
        }
        out.push_str(" subject | description |\n|---|---|");
        out.push_str(&"---|".repeat(languages.len()));
        out.push_str("---|---|\n");
        for e in self.sorted() {
            let mut description = e.doc().to_owned();
            if let Some(outer) = self.via(e).first() {
                let sep = if description.is_empty() { "" } else { " " };
                description = format!("{description}{sep}(through {outer})");
            }
            if let Some(note) = e.deprecated() {
                let sep = if description.is_empty() { "" } else { " " };
                description = match note {
                    "" => format!("{description}{sep}(deprecated)"),
                    _ => format!("{description}{sep}(deprecated: {note})"),
                };
            }
            out.push_str(&format!("| {} | {} |", e.errno(), markdown_cell(e.msg())));
            for tag in &languages {
                let text = e.messages().skip(1).find(|(t, _)| t == tag);
                out.push_str(&format!(
                    " {} |",
                    markdown_cell(text.map_or("", |(_, m)| m))
                ));
            }
            out.push_str(&format!(
                " {} | {} |\n",
                markdown_cell(e.subject()),
                markdown_cell(&description)
            ));
        }
        out
    }

    /// The languages of the set beyond each type's default, in the order
    /// they are first declared.
    pub(crate) fn languages(&self) -> Vec<&'static str> {
        let mut languages: Vec<&'static str> = Vec::new();
        for e in self.entries() {
            for tag in e.locales().iter().skip(1) {
                if !languages.contains(tag) {
                    languages.push(tag);
                }
            }
        }
        languages
    }

    /// The set as a JSON array sorted by errno; see [`CatalogEntry`]'s
    /// `Serialize` for the keys. A row reached through a transparent
    /// variant has one more, `"via": "AppError::Login"` (the outermost).
    pub fn to_json(&self) -> String {
        let rows: Vec<_> = self
            .sorted()
            .into_iter()
            .map(|e| Row {
                entry: e,
                via: self.via(e).first(),
            })
            .collect();
        // Serializing rows of static strings into a String cannot fail.
        serde_json::to_string_pretty(&rows).unwrap_or_default()
    }
}

fn markdown_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// A row of [`CatalogSet::to_json`]: the entry's keys, then `via`.
struct Row<'a> {
    entry: &'static CatalogEntry,
    via: Option<&'a PassThrough>,
}

impl serde::Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entry.serialize_with_via(serializer, self.via)
    }
}
