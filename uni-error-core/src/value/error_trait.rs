//! The [`UniError`] trait: the typed side of a uni error, and
//! [`AnyUniError`], which the interop mappings take so that one function
//! serves typed errors and the owned [`Error`] alike.

use crate::value::json::display_text;
use std::borrow::Cow;

use crate::value::code::StatusOverride;
use crate::{Cause, Errno, Error, SourceError};

/// A typed error that is also a uni-app `UniError`: it has an errSubject, a
/// valid [`Errno`], an errMsg (its `Display`), optional `data` and an optional
/// `cause`.
///
/// You normally get this trait from `#[derive(UniError)]` (the derive and the
/// trait share the name, as `serde::Serialize` does). It is object safe:
/// `&dyn UniError` and `Box<dyn UniError>` work.
///
/// ```
/// use std::fmt;
/// use uni_error::{Errno, UniError};
///
/// #[derive(Debug)]
/// struct Offline;
/// impl fmt::Display for Offline {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("network is offline")
///     }
/// }
/// impl std::error::Error for Offline {}
/// impl UniError for Offline {
///     fn err_subject(&self) -> &str { "uni-request" }
///     fn errno(&self) -> Errno { Errno::CGI_FAILED_FOR_NETWORK_ISSUES }
/// }
///
/// let dynamic: &dyn UniError = &Offline;
/// assert_eq!(dynamic.errno().get(), 108);
/// let wire = dynamic.to_error();
/// assert_eq!(
///     serde_json::to_string(&wire)?,
///     r#"{"errSubject":"uni-request","errCode":108,"errMsg":"network is offline"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a uni error",
    label = "`{Self}` does not implement `UniError`",
    note = "add `#[derive(uni_error::UniError)]` with `#[subject(\"...\")]` and `#[errno(...)]` to the type"
)]
pub trait UniError: std::error::Error {
    /// The errSubject: the module that reports the error, levels joined by
    /// `::` (`"uni-login::weixin"`).
    fn err_subject(&self) -> &str;

    /// The errCode, always a valid 7-digit errno.
    fn errno(&self) -> Errno;

    /// errCode as written: the errno, except where a `#[msg(transparent)]`
    /// variant passes a `uni_error::Error`'s code through as it is (any
    /// `i64`). Implementation detail of the derive: not part of the API.
    #[doc(hidden)]
    #[inline]
    fn __err_code(&self) -> i64 {
        i64::from(self.errno().get())
    }

    /// The partial result returned with the error (`data`), if any.
    ///
    /// This *builds* the value (a derived `#[data]` field is serialized on
    /// every call): keep the result rather than calling it twice.
    /// Serializing the error itself streams `data` without this step.
    fn data(&self) -> Option<crate::Json> {
        None
    }

    /// The source error(s) that caused this one (`cause`), if any, as an
    /// owned [`Cause`] that keeps every layer's subject and code.
    ///
    /// This *builds* the whole tree on every call (each layer's message is
    /// formatted, each string allocated), unlike the borrowing
    /// [`Error::cause`]: keep the result. Serializing the error itself
    /// streams the chain without building it.
    ///
    /// Named `err_cause` because `cause` would clash with the deprecated
    /// `std::error::Error::cause` of the supertrait.
    fn err_cause(&self) -> Option<Cause> {
        None
    }

    /// A per-error choice of google.rpc code and HTTP status, used by
    /// [`status`](crate::status) mapping (and the `google` feature) instead of the default mapping from the
    /// errno. `None` (the default) keeps the default.
    ///
    /// The derive's `#[status(grpc = "NOT_FOUND", http = 404)]` generates it.
    ///
    /// ```
    /// # use std::fmt;
    /// use uni_error::status;
    /// use uni_error::status::{Code, StatusOverride};
    /// use uni_error::{Errno, UniError};
    ///
    /// #[derive(Debug)]
    /// struct NoSuchFile;
    /// # impl fmt::Display for NoSuchFile {
    /// #     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str("no such file") }
    /// # }
    /// # impl std::error::Error for NoSuchFile {}
    /// impl UniError for NoSuchFile {
    ///     fn err_subject(&self) -> &str { "uni-openDocument" }
    ///     fn errno(&self) -> Errno { Errno::from_u32(1_300_002).unwrap() }
    ///     fn status_override(&self) -> Option<StatusOverride> {
    ///         Some(StatusOverride { grpc: Some(Code::NotFound), http: None })
    ///     }
    /// }
    ///
    /// assert_eq!(status::grpc_code(&NoSuchFile), Code::NotFound);
    /// assert_eq!(status::http_status(&NoSuchFile), 404); // follows the code
    /// ```
    fn status_override(&self) -> Option<StatusOverride> {
        None
    }

    /// The languages this error's messages are written in, the default
    /// (the language of `#[msg]`) first: `#[locales("en", "zh-Hans")]`
    /// of a derived type. Empty (the default) for a type with one
    /// language that does not name it.
    ///
    /// ```
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-pay")]
    /// #[errno(category = 15, sub = 5, code = 1)]
    /// #[locales("en", "zh-Hans")]
    /// #[msg("payment declined")]
    /// #[locale(zh_Hans = "支付被拒绝")]
    /// struct Declined;
    ///
    /// assert_eq!(Declined.locales(), ["en", "zh-Hans"]);
    /// ```
    fn locales(&self) -> &'static [&'static str] {
        &[]
    }

    /// A view of this error in the language `tag` (BCP 47, such as
    /// `zh-Hans-CN`, what `uni.getLocale()` or `Accept-Language` give):
    /// `Display` and `Serialize` write errMsg, and each cause's message,
    /// in the best match of each error's [`locales`](UniError::locales)
    /// (`zh-Hans-CN` → `zh-Hans` → `zh` → the default). See
    /// [`locale`](crate::locale).
    ///
    /// ```
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-pay")]
    /// #[errno(category = 15, sub = 5, code = 1)]
    /// #[locales("en", "zh-Hans")]
    /// #[msg("payment declined")]
    /// #[locale(zh_Hans = "支付被拒绝")]
    /// struct Declined;
    ///
    /// assert_eq!(Declined.to_string(), "payment declined");
    /// assert_eq!(Declined.localized("zh-Hans-CN").to_string(), "支付被拒绝");
    /// assert_eq!(
    ///     serde_json::to_string(&Declined.localized("zh"))?,
    ///     r#"{"errSubject":"uni-pay","errCode":1505001,"errMsg":"支付被拒绝"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn localized<'a>(&'a self, tag: &'a str) -> crate::locale::Localized<'a, Self>
    where
        Self: Sized,
    {
        crate::locale::Localized::new(self, tag)
    }

    /// [`to_error`](UniError::to_error) in the language `tag`: the owned
    /// error whose errMsg, and each cause's message, are written in the
    /// best match (as [`localized`](UniError::localized) writes them).
    ///
    /// ```
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-pay")]
    /// #[errno(category = 15, sub = 5, code = 1)]
    /// #[locales("en", "zh-Hans")]
    /// #[msg("payment declined")]
    /// #[locale(zh_Hans = "支付被拒绝")]
    /// struct Declined;
    ///
    /// assert_eq!(Declined.to_error_in("zh-CN").message(), "支付被拒绝");
    /// assert_eq!(Declined.to_error_in("fr").message(), "payment declined");
    /// ```
    fn to_error_in(&self, tag: &str) -> Error {
        crate::value::locale::to_error_in(self, tag)
    }

    /// google.rpc `ErrorInfo.reason` (AIP-193): the variant's name in
    /// UPPER_SNAKE_CASE or its `#[status(reason = "..")]`. Implementation
    /// detail of the derive: not part of the API.
    #[doc(hidden)]
    fn __reason(&self) -> Option<&'static str> {
        None
    }

    /// google.rpc `ErrorInfo.domain` when not errSubject:
    /// `#[status(domain = "..")]`. Implementation detail of the derive.
    #[doc(hidden)]
    fn __domain(&self) -> Option<&'static str> {
        None
    }

    /// The fields of the message, each under its lowerCamel key, written
    /// as the message writes them (`ErrorInfo.metadata`). Implementation
    /// detail of the derive.
    #[doc(hidden)]
    fn __fields(&self, visit: &mut dyn FnMut(&'static str, &dyn core::fmt::Display)) {
        let _ = visit;
    }

    /// The top-level unknown keys of the owned [`Error`] a
    /// `#[msg(transparent)]` variant forwards to (in every form: the
    /// streamed JSON, `to_error`, as a cause). Implementation detail of
    /// the derive.
    #[doc(hidden)]
    fn __extra(&self) -> &[(String, crate::Json)] {
        &[]
    }

    /// Erases this error into the owned, dynamic [`uni_error::Error`](Error),
    /// which also keeps [`UniError::status_override`] (off the wire: see
    /// [`Error::status_override`]).
    ///
    /// It cannot fail: where a message's `Display` (errMsg or a cause's)
    /// returns `fmt::Error`, the owned error keeps the text it wrote before
    /// failing (serializing the typed error itself is an error there).
    fn to_error(&self) -> Error {
        let mut error = Error::new(self.err_subject(), self.__err_code(), display_text(self))
            .with_status_override(self.status_override());
        if let Some(data) = self.data() {
            error = error.with_data(data);
        }
        if let Some(cause) = self.err_cause() {
            error = error.with_cause(cause);
        }
        error.with_checked_extra(self.__extra())
    }

    /// Erases this error into the owned [`uni_error::Error`](Error) by
    /// value: what `?` and `.into()` call. The same error as
    /// [`UniError::to_error`], built by moving what the error owns.
    ///
    /// The default calls `to_error`. `#[derive(UniError)]` overrides it so
    /// that a source of type `uni_error::Error` becomes the cause without a
    /// copy, and derived sources are erased by value in turn: wrapping an
    /// error layer upon layer with `?` costs time linear in the layers.
    ///
    /// ```
    /// use uni_error::{Error, UniError};
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-upload")]
    /// #[errno(category = 15, sub = 4, code = 20)]
    /// #[msg("upload failed")]
    /// struct UploadError {
    ///     #[source]
    ///     source: Error,
    /// }
    ///
    /// fn upload() -> Result<(), Error> {
    ///     let below = Error::new("uni-request", 5, "timed out");
    ///     Err(UploadError { source: below })? // moves `below` into the cause
    /// }
    ///
    /// let e = upload().unwrap_err();
    /// assert_eq!(e.cause().map(|c| c.message()), Some("timed out"));
    /// assert_eq!(
    ///     serde_json::to_string(&e)?,
    ///     r#"{"errSubject":"uni-upload","errCode":1504020,"errMsg":"upload failed","cause":{"message":"timed out","subject":"uni-request","code":5}}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn into_error(self) -> Error
    where
        Self: Sized,
    {
        self.to_error()
    }

    /// Writes the error as uni JSON text at the end of `out`: the same
    /// bytes as `serde_json::to_writer(out, &self)`, faster. A derived
    /// error copies its pre-escaped head (`{"errSubject":…,"errMsg":"`),
    /// escapes errMsg as its `Display` writes it and allocates nothing
    /// when `out` has room; a hand-written impl goes through
    /// [`to_error`](UniError::to_error).
    ///
    /// On an error (a `Display` or `#[data]` `Serialize` that fails) `out`
    /// is left as it was.
    ///
    /// ```
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-login")]
    /// #[errno(category = 15, sub = 4, code = 3)]
    /// #[msg("登录失败: {0}")]
    /// struct LoginFailed(String);
    ///
    /// let mut out = Vec::new();
    /// LoginFailed("\"bad\" code".into()).write_json(&mut out)?;
    /// assert_eq!(
    ///     String::from_utf8(out).unwrap(),
    ///     r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"登录失败: \"bad\" code"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        crate::value::wire::shape::write_error_json(&self.to_error(), out)
    }

    /// The error as uni JSON text: the same as
    /// `serde_json::to_string(&self)`, through
    /// [`write_json`](UniError::write_json).
    ///
    /// ```
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-login")]
    /// #[errno(category = 15, sub = 4, code = 3)]
    /// #[msg("登录失败")]
    /// struct LoginFailed;
    ///
    /// assert_eq!(
    ///     LoginFailed.to_json()?,
    ///     r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"登录失败"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut out = Vec::with_capacity(128);
        self.write_json(&mut out)?;
        // The writer writes UTF-8 only (escaped `str`s and serde_json's
        // own output).
        String::from_utf8(out).map_err(serde::ser::Error::custom)
    }
}

/// The methods of a smart pointer's `UniError` impl: each the pointee's.
macro_rules! forward_to_inner {
    () => {
        fn err_subject(&self) -> &str {
            (**self).err_subject()
        }
        fn errno(&self) -> Errno {
            (**self).errno()
        }
        fn __err_code(&self) -> i64 {
            (**self).__err_code()
        }
        fn data(&self) -> Option<crate::Json> {
            (**self).data()
        }
        fn err_cause(&self) -> Option<Cause> {
            (**self).err_cause()
        }
        fn status_override(&self) -> Option<StatusOverride> {
            (**self).status_override()
        }
        fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
            (**self).write_json(out)
        }
        fn locales(&self) -> &'static [&'static str] {
            (**self).locales()
        }
        fn __reason(&self) -> Option<&'static str> {
            (**self).__reason()
        }
        fn __domain(&self) -> Option<&'static str> {
            (**self).__domain()
        }
        fn __fields(&self, visit: &mut dyn FnMut(&'static str, &dyn core::fmt::Display)) {
            (**self).__fields(visit)
        }
        fn __extra(&self) -> &[(String, crate::Json)] {
            (**self).__extra()
        }
        fn to_error(&self) -> Error {
            (**self).to_error()
        }
    };
}

impl<T: UniError + ?Sized> UniError for &T {
    forward_to_inner!();
}

impl<T: UniError> UniError for Box<T> {
    fn into_error(self) -> Error {
        (*self).into_error()
    }
    forward_to_inner!();
}

/// `Arc<E>` (and `Arc<dyn UniError + Send + Sync>`) is a uni error when
/// `E` is: a shared error keeps its subject and code as a source.
impl<T: UniError + ?Sized> UniError for std::sync::Arc<T> {
    forward_to_inner!();
}

/// A boxed `dyn UniError` is an error and a uni error, as a boxed typed
/// one is (std's `Error for Box<E>` covers sized `E` only): as a
/// `#[source]` it keeps its subject and code, and `?` erases it.
macro_rules! boxed_dyn_uni_error {
    ($($ty:ty),*) => {$(
        impl std::error::Error for Box<$ty> {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                (**self).source()
            }
        }

        impl UniError for Box<$ty> {
            forward_to_inner!();
        }
    )*};
}

boxed_dyn_uni_error!(
    dyn UniError + 'static,
    dyn UniError + Send + 'static,
    dyn UniError + Send + Sync + 'static
);

/// A typed uni error as a source node, by reference: the one conversion
/// ([`SourceError::of_uni`]) from its errCode as written (`__err_code`, not
/// the typed `errno()`), message, subject, data and owned cause. What
/// `Cause::from(error.to_error())` gives, without the `Error` in between.
pub(crate) fn source_of<E: UniError + ?Sized>(error: &E) -> SourceError {
    let mut source = SourceError::of_uni(
        display_text(error),
        error.err_subject().to_owned(),
        error.__err_code(),
        error.data(),
        error.__extra().to_vec(),
    );
    if let Some(cause) = error.err_cause() {
        source = source.with_cause(cause);
    }
    source
}

impl<E: UniError> From<E> for Error {
    /// Erases any typed uni error by value ([`UniError::into_error`]), so
    /// `?` converts into [`Error`].
    fn from(e: E) -> Error {
        e.into_error()
    }
}

/// Any uni error the interop mappings accept: a typed [`UniError`]
/// (including `dyn UniError`, `&T` and `Box<T>`) or the owned [`Error`].
///
/// The mappings in `wechat`, `google`,
/// [`taobao`](crate::taobao) and [`monitor`](crate::monitor) take
/// `&(impl AnyUniError + ?Sized)`: they read the owned wire form, borrowed
/// for an [`Error`] and built once with [`UniError::to_error`] for a typed
/// error, plus the typed error's [`UniError::status_override`]. The trait is
/// sealed: those two implementations are all there is.
///
/// ```
/// # use std::fmt;
/// use uni_error::{AnyUniError, Errno, Error, UniError};
///
/// #[derive(Debug)]
/// struct Timeout;
/// # impl fmt::Display for Timeout {
/// #     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str("timed out") }
/// # }
/// # impl std::error::Error for Timeout {}
/// impl UniError for Timeout {
///     fn err_subject(&self) -> &str { "uni-request" }
///     fn errno(&self) -> Errno { Errno::TIMEOUT }
/// }
///
/// fn code_of(e: &(impl AnyUniError + ?Sized)) -> i64 {
///     e.to_wire().code()
/// }
/// let typed: &dyn UniError = &Timeout;
/// assert_eq!(code_of(typed), 5);
/// assert_eq!(code_of(&Error::new("uni-request", 5, "timed out")), 5);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is neither a typed uni error nor `uni_error::Error`",
    label = "expected an `impl UniError` or a `uni_error::Error`",
    note = "derive `uni_error::UniError` for the type, or convert the error into `uni_error::Error` first"
)]
pub trait AnyUniError: sealed::Sealed {
    /// The owned wire form of the error.
    fn to_wire(&self) -> Cow<'_, Error>;

    /// The error's [`UniError::status_override`]; for the owned [`Error`],
    /// the one it kept when a typed error was erased into it
    /// ([`Error::status_override`]).
    fn wire_status_override(&self) -> Option<StatusOverride>;

    /// What google.rpc's `ErrorInfo` and `LocalizedMessage` take from a
    /// typed error beyond the wire form; nothing for the owned [`Error`].
    #[doc(hidden)]
    fn wire_google(&self, locale: Option<&str>) -> GoogleFacts {
        let _ = locale;
        GoogleFacts::default()
    }

    /// The typed error's [`UniError::locales`]; none for the owned
    /// [`Error`].
    #[doc(hidden)]
    fn wire_locales(&self) -> &'static [&'static str] {
        &[]
    }
}

/// What google.rpc's `ErrorInfo` and `LocalizedMessage` take from a typed
/// error: `reason`, an overridden `domain`, the message's fields as
/// `(lowerCamel key, text)`, and the message in a requested language with
/// the declared language it is in. Not part of the API.
#[doc(hidden)]
#[derive(Clone, Debug, Default)]
pub struct GoogleFacts {
    pub reason: Option<&'static str>,
    pub domain: Option<&'static str>,
    pub fields: Vec<(&'static str, String)>,
    pub localized: Option<(&'static str, String)>,
}

mod sealed {
    pub trait Sealed {}
    impl<T: super::UniError + ?Sized> Sealed for T {}
    impl Sealed for super::Error {}
}

impl<T: UniError + ?Sized> AnyUniError for T {
    fn to_wire(&self) -> Cow<'_, Error> {
        Cow::Owned(self.to_error())
    }
    fn wire_status_override(&self) -> Option<StatusOverride> {
        self.status_override()
    }
    fn wire_locales(&self) -> &'static [&'static str] {
        self.locales()
    }
    fn wire_google(&self, locale: Option<&str>) -> GoogleFacts {
        let mut fields = Vec::new();
        self.__fields(&mut |key, value| fields.push((key, value.to_string())));
        let locales = self.locales();
        let localized = locale.filter(|_| !locales.is_empty()).map(|tag| {
            let i = crate::locale::lookup(locales, tag).unwrap_or(0);
            (locales[i], crate::value::locale::display_in(self, tag))
        });
        GoogleFacts {
            reason: self.__reason(),
            domain: self.__domain(),
            fields,
            localized,
        }
    }
}

impl AnyUniError for Error {
    fn to_wire(&self) -> Cow<'_, Error> {
        Cow::Borrowed(self)
    }
    fn wire_status_override(&self) -> Option<StatusOverride> {
        self.status_override()
    }
}
