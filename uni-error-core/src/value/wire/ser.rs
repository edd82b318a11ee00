//! Serialize: the wire types written through the one writer (`shape`).

use serde::ser::Error as _;
use serde::{Serialize, Serializer};

use super::node::CauseRef;
use super::shape::{write_error, write_node, Head, WireError};
use super::*;

impl WireError for Error {
    type Message<'a> = &'a str;
    type Data<'a> = &'a Json;

    #[inline]
    fn head(&self) -> Head<'_, &str, &Json> {
        let e = &self.inner;
        Head {
            subject: &e.subject,
            code: e.code,
            message: &e.message,
            data: e.data.as_ref(),
            has_cause: e.cause.is_some(),
            extra: &e.extra,
            prefix: None,
        }
    }

    #[inline]
    fn serialize_cause<S: Serializer>(
        &self,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        match self.cause() {
            Some(cause) => write_node(&CauseRef::new(cause), serializer, level),
            None => Err(S::Error::custom("this error has no cause")),
        }
    }
}

impl Error {
    /// Writes the error as uni JSON text at the end of `out`: the same
    /// bytes as `serde_json::to_writer(out, &self)`, through the direct
    /// writer [`UniError::write_json`](crate::UniError::write_json) uses
    /// (pre-escaped keys, no serde map). On an error `out` is left as it
    /// was.
    ///
    /// ```
    /// use uni_error::Error;
    ///
    /// let mut out = Vec::new();
    /// Error::new("uni-pay", 700001, "payment failed").write_json(&mut out)?;
    /// assert_eq!(out, br#"{"errSubject":"uni-pay","errCode":700001,"errMsg":"payment failed"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        super::shape::write_error_json(self, out)
    }

    /// The error as uni JSON text, as `serde_json::to_string(&self)`
    /// writes it (through [`write_json`](Error::write_json)).
    ///
    /// ```
    /// use uni_error::Error;
    ///
    /// assert_eq!(
    ///     Error::new("uni-pay", 700001, "付款失败").to_json()?,
    ///     r#"{"errSubject":"uni-pay","errCode":700001,"errMsg":"付款失败"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut out = Vec::with_capacity(128);
        self.write_json(&mut out)?;
        String::from_utf8(out).map_err(serde::ser::Error::custom)
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_error(self, serializer)
    }
}

impl Serialize for Cause {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_node(&CauseRef::new(self), serializer, 1)
    }
}

impl Serialize for SourceError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let node = CauseRef {
            head: self,
            members: None,
        };
        write_node(&node, serializer, 1)
    }
}

impl Serialize for AggregateError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let node = CauseRef {
            head: &self.head,
            members: Some(&self.errors),
        };
        write_node(&node, serializer, 1)
    }
}
