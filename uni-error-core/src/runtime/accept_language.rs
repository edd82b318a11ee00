//! `Accept-Language` for axum: the [`AcceptLanguage`] extractor and
//! [`ErrorResponse::localized`], which answers in the language the client
//! prefers among those the error declares (`#[locales(..)]`).

use core::convert::Infallible;

use axum_core::extract::FromRequestParts;
use http::header::{HeaderMap, HeaderValue, ACCEPT_LANGUAGE};
use http::request::Parts;

use super::axum::ErrorResponse;
use crate::locale::preferred;
use crate::UniError;

/// The request's `Accept-Language` header (`zh-CN,zh;q=0.9,en;q=0.8`), as
/// an axum extractor that never rejects: a request without the header (or
/// with one that is not text) has none, and errors stay in their default
/// language.
///
/// ```
/// use axum_core::response::IntoResponse;
/// use uni_error::axum::{AcceptLanguage, ErrorResponse};
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-pay")]
/// #[errno(category = 7, sub = 0, code = 4)]
/// #[status(http = 404)]
/// #[locales("en", "zh-Hans")]
/// #[msg("no such order: {0}")]
/// #[locale(zh_Hans = "订单不存在：{0}")]
/// struct NoOrder(u64);
///
/// // An axum handler: `async fn order(lang: AcceptLanguage, Path(id): Path<u64>) -> ...`.
/// async fn order(lang: AcceptLanguage, id: u64) -> Result<String, ErrorResponse> {
///     Err(ErrorResponse::localized(&NoOrder(id), &lang))
/// }
///
/// let lang = AcceptLanguage::new("zh-CN,zh;q=0.9,en;q=0.8");
/// let response = pollster::block_on(order(lang, 7)).into_response();
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-language"], "zh-Hans");
/// let body = pollster::block_on(http_body_util::BodyExt::collect(response.into_body()))?;
/// assert_eq!(
///     body.to_bytes(),
///     r#"{"errSubject":"uni-pay","errCode":700004,"errMsg":"订单不存在：7"}"#
/// );
/// # Ok::<(), axum_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AcceptLanguage(Option<HeaderValue>);

impl AcceptLanguage {
    /// A header value as given (`"zh-CN,zh;q=0.9,en;q=0.8"`); one that is
    /// not a valid header value counts as none.
    pub fn new(value: &str) -> Self {
        AcceptLanguage(HeaderValue::from_str(value).ok())
    }

    /// The `Accept-Language` of `headers` (the first, when repeated).
    pub fn from_headers(headers: &HeaderMap) -> Self {
        AcceptLanguage(headers.get(ACCEPT_LANGUAGE).cloned())
    }

    /// The header as text; empty without one.
    pub fn as_str(&self) -> &str {
        self.0
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The entry the languages in `available` serve best (the highest
    /// `q` that [`locale::lookup`](crate::locale::lookup) matches), if any:
    /// [`locale::preferred`](crate::locale::preferred) of the header.
    pub fn preferred(&self, available: &[&str]) -> Option<&str> {
        preferred(available, self.as_str())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for AcceptLanguage {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(AcceptLanguage::from_headers(&parts.headers))
    }
}

impl ErrorResponse {
    /// The response of `error` in the language `accept` prefers among the
    /// error's [`locales`](UniError::locales): errMsg (and each cause's
    /// message) as [`UniError::to_error_in`] writes them, with a
    /// `Content-Language` header naming the declared language used. Without
    /// a match, or for a type without `#[locales]`, it is
    /// [`ErrorResponse::new`] of the error in its default language (with
    /// `Content-Language` when the type names that language).
    ///
    /// The body is the public one; for the whole error, call
    /// [`full`](ErrorResponse::full) with `error.to_error_in(tag)`.
    pub fn localized<E: UniError + ?Sized>(error: &E, accept: &AcceptLanguage) -> Self {
        let locales = error.locales();
        match accept.preferred(locales) {
            Some(tag) => ErrorResponse::new(error.to_error_in(tag)).with_language(
                crate::locale::lookup(locales, tag).and_then(|i| locales.get(i).copied()),
            ),
            None => ErrorResponse::new(error.to_error()).with_language(locales.first().copied()),
        }
    }
}
