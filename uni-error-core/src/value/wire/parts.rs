//! Construction from parts a reader has already checked, for the readers
//! that are not serde's: the JavaScript bridges (`runtime/js`) walk a JS
//! value and build the error directly, without serde_json's reader.

use super::*;

impl Error {
    /// A uni error from checked parts; `extra` holds no reserved key and
    /// no key twice.
    #[cfg_attr(not(any(feature = "wasm", feature = "napi")), allow(dead_code))]
    pub(crate) fn from_parts(
        subject: String,
        code: i64,
        message: String,
        data: Option<Json>,
        cause: Option<Cause>,
        extra: Vec<(String, Json)>,
    ) -> Error {
        Error {
            inner: Box::new(ErrorInner {
                subject,
                code,
                message,
                data,
                cause: cause.map(Box::new),
                extra,
                status: OffWire(None),
            }),
        }
    }
}

impl Cause {
    /// A source error, or an aggregate when `errors` is there, from checked
    /// parts; `extra` holds no reserved key and no key twice.
    #[cfg_attr(not(any(feature = "wasm", feature = "napi")), allow(dead_code))]
    pub(crate) fn from_parts(
        message: String,
        subject: Option<String>,
        code: Option<i64>,
        cause: Option<Cause>,
        errors: Option<Vec<Cause>>,
        extra: Vec<(String, Json)>,
    ) -> Cause {
        let head = SourceError {
            message,
            subject,
            code,
            cause: cause.map(Box::new),
            extra,
        };
        match errors {
            Some(errors) => Cause::Aggregate(AggregateError { head, errors }),
            None => Cause::Source(head),
        }
    }
}
