//! The table itself: [`Catalog`], implemented by the derive, and its rows.

use core::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::{l10n, Platforms};
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

    /// The `#[msg(transparent)]` variants without an errno of their own, in
    /// declaration order: each passes its field's errors through, so the
    /// field's catalog is part of this type's codes.
    /// [`CatalogSet::with`](super::CatalogSet::with) follows them.
    const PASS_THROUGH: &'static [PassThrough] = &[];
}

impl<T: Catalog + ?Sized> Catalog for Box<T> {
    const CATALOG: &'static [CatalogEntry] = T::CATALOG;
    const PASS_THROUGH: &'static [PassThrough] = T::PASS_THROUGH;
}

impl<T: Catalog + ?Sized> Catalog for std::sync::Arc<T> {
    const CATALOG: &'static [CatalogEntry] = T::CATALOG;
    const PASS_THROUGH: &'static [PassThrough] = T::PASS_THROUGH;
}

/// The catalog of an inner type, if its type has one: a table and its own
/// pass-throughs.
pub(crate) type Tables = (&'static [CatalogEntry], &'static [PassThrough]);

/// A `#[msg(transparent)]` variant that has no errno of its own: its errors
/// are its field's, listed in the field type's catalog.
///
/// ```
/// use uni_error::catalog::Catalog;
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
/// enum AppError {
///     #[msg(transparent)]
///     Login(NfcUnavailable),
/// }
///
/// let [login] = AppError::PASS_THROUGH else { unreachable!() };
/// assert_eq!(login.to_string(), "AppError::Login");
/// assert!(AppError::CATALOG.is_empty());
/// ```
#[derive(Clone, Copy)]
pub struct PassThrough {
    type_name: &'static str,
    variant: Option<&'static str>,
    inner: fn() -> Option<Tables>,
}

impl PassThrough {
    /// Built by the derive (through `__private`).
    pub(crate) const fn new(
        type_name: &'static str,
        variant: Option<&'static str>,
        inner: fn() -> Option<Tables>,
    ) -> Self {
        PassThrough {
            type_name,
            variant,
            inner,
        }
    }

    /// The type's name (`AppError`).
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The variant's name, `None` for a struct.
    pub const fn variant(&self) -> Option<&'static str> {
        self.variant
    }

    /// The field type's table, `None` when the type has no catalog (a
    /// `Box<dyn UniError>`: its codes are only known at run time).
    pub fn inner(&self) -> Option<&'static [CatalogEntry]> {
        (self.inner)().map(|(table, _)| table)
    }

    /// The field type's own pass-throughs.
    pub(crate) fn tables(&self) -> Option<Tables> {
        (self.inner)()
    }
}

impl fmt::Debug for PassThrough {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PassThrough")
            .field("type_name", &self.type_name)
            .field("variant", &self.variant)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for PassThrough {
    /// `AppError::Login` (or `AppError` for a struct).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.type_name)?;
        if let Some(v) = self.variant {
            write!(f, "::{v}")?;
        }
        Ok(())
    }
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
    /// `#[platforms(..)]` (bits 0-4, as [`Platforms::bits`]; bit 7 set
    /// when some are listed) and "union only" (bit 6), in one byte: each
    /// field of a row is one more value for the compiler to evaluate and
    /// check in every catalog, row by row (two fields here cost the
    /// `#[locales]` column its place, issue 24).
    facts: u8,
}

/// [`CatalogEntry::facts`]: some platforms are listed.
const LISTED: u8 = 0x80;
/// [`CatalogEntry::facts`]: a deprecated row without a message.
const UNION_ONLY: u8 = 0x40;

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
            facts: 0,
        }
    }

    /// The languages and the translations (see the `l10n` module).
    fn split_l10n(&self) -> (Vec<&'static str>, Vec<&'static str>) {
        let n = l10n::languages(self.msg);
        let pieces = (1..2 * n).filter_map(|i| l10n::piece(self.msg, i));
        let mut languages: Vec<&'static str> = pieces.collect();
        let translations = languages.split_off(n.min(languages.len()));
        (languages, translations)
    }

    /// This entry with the platforms of `#[platforms(..)]` (`bits` as in
    /// [`Platforms::bits`]) and, with `union_only`, without a message of
    /// its own (a `#[deprecated]` variant without `#[msg]`).
    #[must_use]
    pub(crate) const fn with_facts(self, platforms: Option<Platforms>, union_only: bool) -> Self {
        CatalogEntry {
            facts: match platforms {
                Some(p) => p.bits() | LISTED,
                None => 0,
            } | if union_only { UNION_ONLY } else { 0 },
            ..self
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
        match l10n::piece(self.msg, 0) {
            Some(msg) => msg,
            None => "",
        }
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

    /// The platforms listed with `#[platforms(..)]` on the variant (or
    /// the type), `None` when none are listed: then the errno's range
    /// ([`platform`](Self::platform)) is all that is known.
    pub const fn platforms(&self) -> Option<Platforms> {
        if self.facts & LISTED != 0 {
            Some(Platforms::from_bits(self.facts))
        } else {
            None
        }
    }

    /// True for a `#[deprecated]` variant without a `#[msg]`: its code
    /// stays in the declared code union (old callers still compile) but it
    /// has no message, so the UTS code → message map leaves it out.
    pub const fn union_only(&self) -> bool {
        self.facts & UNION_ONLY != 0
    }

    /// The languages of the type's `#[locales(..)]`, the language of
    /// [`msg`](Self::msg) first; empty for a type that declares none.
    pub fn locales(&self) -> Vec<&'static str> {
        self.split_l10n().0
    }

    /// Every message of the row as `(language, template)`: the `#[msg]`
    /// template under the first of [`locales`](Self::locales), then each
    /// `#[locale(..)]` translation. Empty for a type without `#[locales]`
    /// (its one message is [`msg`](Self::msg)).
    ///
    /// ```
    /// use uni_error::catalog::Catalog;
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-nfc")]
    /// #[errno(category = 15, sub = 4, code = 1)]
    /// #[locales("en", "zh-Hans")]
    /// #[msg("NFC is off: {reason}")]
    /// #[locale(zh_Hans = "NFC 已关闭：{reason}")]
    /// struct Off { reason: String }
    ///
    /// let messages: Vec<_> = Off::CATALOG[0].messages().collect();
    /// assert_eq!(messages, [("en", "NFC is off: {reason}"), ("zh-Hans", "NFC 已关闭：{reason}")]);
    /// assert_eq!(Off::CATALOG[0].msg_in("zh-Hans-CN"), "NFC 已关闭：{reason}");
    /// assert_eq!(Off::CATALOG[0].msg_in("fr"), "NFC is off: {reason}");
    /// ```
    pub fn messages(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        let (locales, translations) = self.split_l10n();
        locales
            .into_iter()
            .zip(core::iter::once(self.msg()).chain(translations))
    }

    /// The template in the best match for `tag` (see
    /// [`locale::lookup`](crate::locale::lookup)), else [`msg`](Self::msg).
    pub fn msg_in(&self, tag: &str) -> &'static str {
        let (locales, translations) = self.split_l10n();
        match crate::locale::lookup(&locales, tag) {
            Some(i) if i > 0 => translations.get(i - 1).copied().unwrap_or(self.msg()),
            _ => self.msg(),
        }
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

impl CatalogEntry {
    /// The keys of `Serialize`, then `via` (the outermost transparent
    /// variant the row was reached through) when given.
    pub(crate) fn serialize_with_via<S: Serializer>(
        &self,
        serializer: S,
        via: Option<&PassThrough>,
    ) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CatalogEntry", 10 + usize::from(via.is_some()))?;
        s.serialize_field("errno", &self.errno)?;
        s.serialize_field("errMsg", self.msg())?;
        s.serialize_field("subject", self.subject)?;
        s.serialize_field("description", self.doc)?;
        s.serialize_field("variant", &crate::value::json::DisplayStr(self))?;
        s.serialize_field("platform", self.platform().as_str())?;
        s.serialize_field("deprecated", &self.deprecated)?;
        let platforms: Option<Vec<&str>> = self.platforms().map(|p| p.names().collect());
        s.serialize_field("platforms", &platforms)?;
        s.serialize_field("unionOnly", &self.union_only())?;
        let messages = (l10n::languages(self.msg) > 0).then_some(Messages(self));
        s.serialize_field("messages", &messages)?;
        if let Some(via) = via {
            s.serialize_field("via", &crate::value::json::DisplayStr(via))?;
        }
        s.end()
    }
}

/// `{"en": "..", "zh-Hans": ".."}`: every message of a row.
struct Messages<'a>(&'a CatalogEntry);

impl Serialize for Messages<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.messages())
    }
}

impl Serialize for CatalogEntry {
    /// `{"errno","errMsg","subject","description","variant","platform","deprecated","platforms","unionOnly","messages"}`;
    /// `messages` is `null`, or with `#[locales]` every language's
    /// template (`{"en": "..", "zh-Hans": ".."}`, the default first);
    /// `deprecated` is `null` or the note, `platforms` `null` or the names
    /// `#[platforms(..)]` lists (`["android","ios"]`), `unionOnly` true for
    /// a deprecated variant without `#[msg]`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_with_via(serializer, None)
    }
}
