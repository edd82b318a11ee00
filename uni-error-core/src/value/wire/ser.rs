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
