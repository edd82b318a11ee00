//! Uni errors as axum responses: [`ErrorResponse`], and [`Error`] as a JSON
//! body extractor.
//!
//! A handler returns `Result<T, ErrorResponse>`; `?` converts any derived
//! error (and [`Error`]) into it. The response has the error's HTTP status
//! ([`status::http_status`]: `#[status(http =
//! ..)]`, else the default of its errno), `Content-Type: application/json`,
//! and by default the [`Public`] body, errSubject, errCode and errMsg only:
//! causes and `data` can carry internals (third-party SDK names, order ids),
//! so the whole error is sent only when the handler asks for it with
//! [`ErrorResponse::full`].
//!
//! ```
//! use axum_core::response::IntoResponse;
//! use uni_error::axum::ErrorResponse;
//! use uni_error::UniError;
//!
//! #[derive(Debug, UniError)]
//! #[subject("uni-pay")]
//! #[errno(category = 7, sub = 0)]
//! enum PayError {
//!     #[errno(code = 4)]
//!     #[status(http = 404)]
//!     #[msg("no such order: {0}")]
//!     NoOrder(u64),
//! }
//!
//! // An axum handler: `async fn order(Path(id): Path<u64>) -> Result<Json<Order>, ErrorResponse>`.
//! async fn order(id: u64) -> Result<String, ErrorResponse> {
//!     Err(PayError::NoOrder(id))?
//! }
//!
//! let response = pollster::block_on(order(7)).into_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! let body = pollster::block_on(http_body_util::BodyExt::collect(response.into_body()))?;
//! assert_eq!(
//!     body.to_bytes(),
//!     r#"{"errSubject":"uni-pay","errCode":700004,"errMsg":"no such order: 7"}"#
//! );
//! # Ok::<(), axum_core::Error>(())
//! ```
//!
//! # Why a wrapper
//!
//! `IntoResponse` is axum's trait, so the orphan rule forbids implementing
//! it for every `E: UniError`; and a derive that implemented it for your
//! type would tie the derive to axum. [`ErrorResponse`] holds the erased
//! [`Error`] (which keeps the typed error's `#[status]`), so one handler can
//! `?` errors of several types, as with `anyhow` in axum's own examples.
//!
//! # Logging the whole error
//!
//! The response keeps the full [`Error`] as a response extension, whatever
//! the body shows: a middleware reads it with
//! `response.extensions().get::<uni_error::Error>()` and logs the chain
//! while the client sees the public body.

use core::fmt;

use axum_core::body::Body;
use axum_core::extract::{FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use http::header::{HeaderValue, CONTENT_LANGUAGE, CONTENT_TYPE};
use http::StatusCode;

use crate::value::status::{self, Code, StatusOverride};
use crate::{Errno, Error, Public, UniError};

pub use super::accept_language::AcceptLanguage;

/// An axum response made of a uni error: its HTTP status,
/// `Content-Type: application/json`, and the [`Public`] body (or the whole
/// error after [`ErrorResponse::full`]). See the [module docs](self).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use uni_error::{axum::ErrorResponse, Error, SourceError};
///
/// let err = Error::new("uni-request", 5, "request timed out")
///     .with_cause(SourceError::new("upstream db-7 did not answer"));
///
/// let public = ErrorResponse::new(err.clone()).into_response();
/// assert_eq!(public.status(), 504);
/// let body = pollster::block_on(http_body_util::BodyExt::collect(public.into_body()))?;
/// assert_eq!(body.to_bytes(), r#"{"errSubject":"uni-request","errCode":5,"errMsg":"request timed out"}"#);
///
/// let full = ErrorResponse::full(err).into_response();
/// let body = pollster::block_on(http_body_util::BodyExt::collect(full.into_body()))?;
/// assert_eq!(
///     body.to_bytes(),
///     r#"{"errSubject":"uni-request","errCode":5,"errMsg":"request timed out","cause":{"message":"upstream db-7 did not answer"}}"#
/// );
/// # Ok::<(), axum_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ErrorResponse {
    error: Error,
    full: bool,
    language: Option<&'static str>,
}

impl ErrorResponse {
    /// A response with the [`Public`] body: errSubject, errCode, errMsg.
    ///
    /// ```
    /// use uni_error::{axum::ErrorResponse, Error};
    /// let r = ErrorResponse::new(Error::new("uni-request", 5, "request timed out"));
    /// assert!(!r.is_full());
    /// ```
    pub fn new(error: impl Into<Error>) -> Self {
        ErrorResponse {
            error: error.into(),
            full: false,
            language: None,
        }
    }

    /// A response whose body is the whole error: `data`, `cause` and
    /// unknown keys included. Only for a trusted client: causes name
    /// internal modules and third-party SDKs.
    ///
    /// In a handler, `.map_err(ErrorResponse::full)?` opts one call in.
    ///
    /// ```
    /// use uni_error::{axum::ErrorResponse, Error};
    /// let r = ErrorResponse::full(Error::new("uni-request", 5, "request timed out"));
    /// assert!(r.is_full());
    /// ```
    pub fn full(error: impl Into<Error>) -> Self {
        ErrorResponse {
            error: error.into(),
            full: true,
            language: None,
        }
    }

    /// This response with a `Content-Language` header naming `language`
    /// (what [`ErrorResponse::localized`] sets).
    #[must_use]
    pub fn with_language(mut self, language: Option<&'static str>) -> Self {
        self.language = language;
        self
    }

    /// The language of errMsg, when known: the `Content-Language` header.
    pub fn language(&self) -> Option<&'static str> {
        self.language
    }

    /// Whether the body is the whole error rather than the [`Public`] part.
    ///
    /// ```
    /// use uni_error::{axum::ErrorResponse, Error};
    /// assert!(!ErrorResponse::from(Error::new("uni-x", 4, "m")).is_full());
    /// ```
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// The error.
    ///
    /// ```
    /// use uni_error::{axum::ErrorResponse, Error};
    /// assert_eq!(ErrorResponse::new(Error::new("uni-x", 4, "m")).error().code(), 4);
    /// ```
    pub fn error(&self) -> &Error {
        &self.error
    }

    /// The error, unwrapped.
    ///
    /// ```
    /// use uni_error::{axum::ErrorResponse, Error};
    /// let e = Error::new("uni-x", 4, "m");
    /// assert_eq!(ErrorResponse::new(e.clone()).into_error(), e);
    /// ```
    pub fn into_error(self) -> Error {
        self.error
    }

    /// The HTTP status: [`status::http_status`] of the error, or 500 when
    /// an override is not a valid status code (below 100 or above 999).
    ///
    /// ```
    /// use uni_error::{axum::ErrorResponse, Error};
    /// assert_eq!(ErrorResponse::new(Error::new("uni-getLocation", 103, "auth deny")).status(), 403);
    /// ```
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(status::http_status(&self.error))
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl From<Error> for ErrorResponse {
    /// [`ErrorResponse::new`].
    fn from(error: Error) -> Self {
        ErrorResponse::new(error)
    }
}

impl<E: UniError> From<E> for ErrorResponse {
    /// [`ErrorResponse::new`]: `?` on a derived error in a handler.
    fn from(error: E) -> Self {
        ErrorResponse::new(error.to_error())
    }
}

impl fmt::Display for ErrorResponse {
    /// The error's Display: errMsg, or the chain with `{:#}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = if self.full {
            // Writing an `Error` cannot fail (string keys, finite numbers);
            // were it ever to, the client still gets the public body.
            let mut body = Vec::with_capacity(128);
            self.error.write_json(&mut body).ok().map(|()| body)
        } else {
            None
        };
        let body = body.unwrap_or_else(|| public_body(&self.error));
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if let Some(language) = self.language.and_then(|l| HeaderValue::from_str(l).ok()) {
            response.headers_mut().insert(CONTENT_LANGUAGE, language);
        }
        response.extensions_mut().insert(self.error);
        response
    }
}

fn public_body(error: &Error) -> Vec<u8> {
    // Two strings and an integer: writing them cannot fail.
    let mut body = Vec::with_capacity(64 + error.message().len());
    match Public(error).write_json(&mut body) {
        Ok(()) => body,
        Err(_) => Vec::new(),
    }
}

/// The errSubject of the error a [`BodyRejection`] answers with.
///
/// ```
/// assert_eq!(uni_error::axum::REJECTION_SUBJECT, "uni-error::axum");
/// ```
pub const REJECTION_SUBJECT: &str = "uni-error::axum";

/// Why a request body is not a uni error: the rejection of the
/// [`Error`] extractor.
///
/// It answers as a uni error itself: errSubject [`REJECTION_SUBJECT`],
/// errCode 101 (`jsapi invalid request data`), errMsg saying what was wrong,
/// with the status axum's own `Json` extractor uses: 415 without a JSON
/// `Content-Type`, 400 for malformed JSON, 422 for JSON that is not a uni
/// error, and the body reader's status (413 over the body limit).
///
/// ```
/// use axum_core::extract::FromRequest;
/// use axum_core::response::IntoResponse;
///
/// let request = http::Request::builder()
///     .header("content-type", "application/json")
///     .body(axum_core::body::Body::from(r#"{"errSubject":"uni-x"}"#))?;
/// let rejection = pollster::block_on(uni_error::Error::from_request(request, &())).unwrap_err();
/// assert_eq!(rejection.status(), 422);
/// assert_eq!(rejection.to_string(), "missing field `errCode` at line 1 column 22");
/// let body = pollster::block_on(http_body_util::BodyExt::collect(rejection.into_response().into_body()))?;
/// assert_eq!(
///     body.to_bytes(),
///     r#"{"errSubject":"uni-error::axum","errCode":101,"errMsg":"missing field `errCode` at line 1 column 22"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct BodyRejection {
    status: StatusCode,
    message: String,
}

impl BodyRejection {
    /// The HTTP status of the response.
    ///
    /// ```
    /// use axum_core::extract::FromRequest;
    /// let request = http::Request::new(axum_core::body::Body::from("{}"));
    /// let rejection = pollster::block_on(uni_error::Error::from_request(request, &())).unwrap_err();
    /// assert_eq!(rejection.status(), 415);
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The uni error the rejection answers with.
    ///
    /// ```
    /// use axum_core::extract::FromRequest;
    /// let request = http::Request::new(axum_core::body::Body::from("{}"));
    /// let rejection = pollster::block_on(uni_error::Error::from_request(request, &())).unwrap_err();
    /// let err = rejection.to_error();
    /// assert_eq!((err.err_subject(), err.code()), ("uni-error::axum", 101));
    /// assert_eq!(err.message(), "expected `Content-Type: application/json`");
    /// ```
    pub fn to_error(&self) -> Error {
        Error::new(
            REJECTION_SUBJECT,
            Errno::JSAPI_INVALID_REQUEST_DATA,
            self.message.clone(),
        )
        .with_status_override(Some(StatusOverride {
            grpc: Some(Code::InvalidArgument),
            http: Some(self.status.as_u16()),
        }))
    }
}

impl fmt::Display for BodyRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BodyRejection {}

impl IntoResponse for BodyRejection {
    fn into_response(self) -> Response {
        ErrorResponse::new(self.to_error()).into_response()
    }
}

/// `application/json` or `application/<anything>+json`, parameters allowed.
fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    let Some((kind, sub)) = essence.split_once('/') else {
        return false;
    };
    let sub = sub.as_bytes();
    kind.eq_ignore_ascii_case("application")
        && (sub.eq_ignore_ascii_case(b"json")
            || (sub.len() > 5 && sub[sub.len() - 5..].eq_ignore_ascii_case(b"+json")))
}

impl<S: Send + Sync> FromRequest<S> for Error {
    type Rejection = BodyRejection;

    /// Reads a uni error from a JSON request body (a client reporting its
    /// own failure, a peer forwarding one), as `Deserialize` for [`Error`]
    /// does, within axum's body limit.
    ///
    /// ```
    /// use axum_core::extract::FromRequest;
    /// let request = http::Request::builder()
    ///     .header("content-type", "application/json; charset=utf-8")
    ///     .body(axum_core::body::Body::from(r#"{"errSubject":"uni-x","errCode":4,"errMsg":"m"}"#))?;
    /// let err = pollster::block_on(uni_error::Error::from_request(request, &()))?;
    /// assert_eq!(err.code(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    async fn from_request(req: Request, state: &S) -> Result<Self, BodyRejection> {
        let json = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(is_json);
        if !json {
            return Err(BodyRejection {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                message: "expected `Content-Type: application/json`".to_owned(),
            });
        }
        let bytes = bytes::Bytes::from_request(req, state)
            .await
            .map_err(|e| BodyRejection {
                status: e.status(),
                message: e.body_text(),
            })?;
        serde_json::from_slice(&bytes).map_err(|e| BodyRejection {
            status: if e.is_data() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::BAD_REQUEST
            },
            message: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn json_content_types() {
        for yes in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            "application/problem+json",
        ] {
            assert!(is_json(yes), "{yes}");
        }
        for no in [
            "text/json",
            "application/jsonx",
            "application/+json",
            "json",
            "",
        ] {
            assert!(!is_json(no), "{no}");
        }
    }
}
