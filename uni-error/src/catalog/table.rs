//! The table itself: [`Catalog`], implemented by the derive, and its rows.

use core::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::{Errno, Platform};

/// A type whose variants are listed, with their codes, in a `const` table.
/// Implemented by `#[derive(UniError)]`.
///
/// ```
/// use uni_error::catalog::Catalog;
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-exit")]
/// #[errno(1_200_001)]
/// #[msg("system not support")]
/// struct ExitError;
///
/// assert_eq!(ExitError::CATALOG[0].errno().get(), 1_200_001);
/// ```
pub trait Catalog {
    /// One entry per variant (one for a struct), in declaration order.
    const CATALOG: &'static [CatalogEntry];
}

/// One row of a catalog: a variant with its subject, errno and message.
///
/// ```
/// use uni_error::catalog::Catalog;
/// use uni_error::{Platform, UniError};
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-nfc")]
/// #[errno(category = 15, sub = 4)]
/// enum NfcError {
///     /// Android refused reader mode.
///     #[errno(code = 701, platform = "android")]
///     #[msg("reader mode rejected: {0}")]
///     ReaderMode(String),
///     /// Replaced by `ReaderMode`.
///     #[deprecated(note = "use ReaderMode")]
///     #[errno(code = 702)]
///     #[msg("reader failed")]
///     Reader,
/// }
///
/// let [mode, old] = NfcError::CATALOG else { unreachable!() };
/// assert_eq!(mode.to_string(), "NfcError::ReaderMode");
/// assert_eq!(mode.platform(), Platform::Android);
/// assert_eq!(mode.msg(), "reader mode rejected: {0}");
/// assert_eq!(mode.deprecated(), None);
/// assert_eq!(old.deprecated(), Some("use ReaderMode"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    type_name: &'static str,
    variant: Option<&'static str>,
    subject: &'static str,
    errno: Errno,
    msg: &'static str,
    doc: &'static str,
    deprecated: Option<&'static str>,
}

impl CatalogEntry {
    /// Built by the derive (through `__private`), whose arguments were
    /// validated when the macro ran.
    pub(crate) const fn new(
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
            deprecated: None,
        }
    }

    /// This entry marked `#[deprecated]` with `note`.
    #[must_use]
    pub(crate) const fn with_deprecated(self, note: &'static str) -> Self {
        CatalogEntry {
            deprecated: Some(note),
            ..self
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

    /// `Some(note)` for a variant marked `#[deprecated]` (`Some("")` when
    /// it gives no note), `None` otherwise. A deprecated code stays in the
    /// catalog, so old callers keep type-checking, until it is removed.
    pub const fn deprecated(&self) -> Option<&'static str> {
        self.deprecated
    }

    /// The platform the errno's range names: what `#[errno(.., platform =
    /// "..")]` asserts, where it is given.
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
    /// `{"errno","errMsg","subject","description","variant","platform","deprecated"}`;
    /// `deprecated` is `null` or the note.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CatalogEntry", 7)?;
        s.serialize_field("errno", &self.errno)?;
        s.serialize_field("errMsg", self.msg)?;
        s.serialize_field("subject", self.subject)?;
        s.serialize_field("description", self.doc)?;
        s.serialize_field("variant", &crate::json::DisplayStr(self))?;
        s.serialize_field("platform", self.platform().as_str())?;
        s.serialize_field("deprecated", &self.deprecated)?;
        s.end()
    }
}
