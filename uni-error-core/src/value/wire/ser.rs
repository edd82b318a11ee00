//! Serialize: fixed key order, depth-limited.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::cut::CauseAt;
use super::*;

// ---------------------------------------------------------------------------
// Serialize: fixed key order, depth-limited.
// ---------------------------------------------------------------------------

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 3
            + usize::from(self.inner.data.is_some())
            + usize::from(self.inner.cause.is_some())
            + self.inner.extra.len();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("errSubject", &self.inner.subject)?;
        map.serialize_entry("errCode", &self.inner.code)?;
        map.serialize_entry("errMsg", &self.inner.message)?;
        if let Some(data) = &self.inner.data {
            map.serialize_entry("data", data)?;
        }
        if let Some(cause) = self.cause() {
            map.serialize_entry("cause", &CauseAt::new(cause, 2))?;
        }
        for (k, v) in &self.inner.extra {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for Cause {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CauseAt::new(self, 1).serialize(serializer)
    }
}

impl Serialize for SourceError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let at = CauseAt {
            head: self,
            members: None,
            level: 1,
        };
        at.serialize(serializer)
    }
}

impl Serialize for AggregateError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let at = CauseAt {
            head: &self.head,
            members: Some(&self.errors),
            level: 1,
        };
        at.serialize(serializer)
    }
}
