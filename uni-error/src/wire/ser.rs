//! Serialize: fixed key order, depth-limited.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

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

/// A cause written as the object at JSON nesting `level` (1 = outermost),
/// given by its parts so that a borrowed [`SourceError`] or
/// [`AggregateError`] serializes without becoming a [`Cause`].
pub(crate) struct CauseAt<'a> {
    head: &'a SourceError,
    /// `Some` for an aggregate (even with no members).
    members: Option<&'a [Cause]>,
    level: usize,
}

impl<'a> CauseAt<'a> {
    pub(crate) fn new(cause: &'a Cause, level: usize) -> Self {
        let members = match cause {
            Cause::Source(_) => None,
            Cause::Aggregate(a) => Some(&a.errors[..]),
        };
        CauseAt {
            head: cause.head(),
            members,
            level,
        }
    }

    /// How many causes are in this subtree, itself included.
    fn count(&self) -> usize {
        let below: usize = self.head.cause().map_or(0, Cause::count);
        1 + below
            + self
                .members
                .unwrap_or_default()
                .iter()
                .map(Cause::count)
                .sum::<usize>()
    }
}

impl Serialize for CauseAt<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let head = self.head;
        let members = self.members.unwrap_or_default();
        // This object fits (callers never go past the limit); cut here when
        // a child would not: a `cause` sits one level below, the members of
        // an aggregate two (array, object).
        let too_deep = (head.cause.is_some() && self.level + 1 > MAX_JSON_DEPTH)
            || (!members.is_empty() && self.level + 2 > MAX_JSON_DEPTH);
        if too_deep {
            return omitted(serializer, self.count());
        }
        let len = 1
            + usize::from(head.subject.is_some())
            + usize::from(head.code.is_some())
            + usize::from(head.cause.is_some())
            + usize::from(self.members.is_some())
            + head.extra.len();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("message", &head.message)?;
        if let Some(subject) = &head.subject {
            map.serialize_entry("subject", subject)?;
        }
        if let Some(code) = head.code {
            map.serialize_entry("code", &code)?;
        }
        if let Some(below) = head.cause() {
            map.serialize_entry("cause", &CauseAt::new(below, self.level + 1))?;
        }
        if self.members.is_some() {
            let level = self.level + 2;
            map.serialize_entry("errors", &MembersAt { members, level })?;
        }
        for (k, v) in &head.extra {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// What stands in for a subtree of `n` causes cut at the depth limit.
pub(crate) fn omitted<S: Serializer>(serializer: S, n: usize) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(
        "message",
        &format_args!(
            "{n} more cause{} omitted: the chain nests deeper than {MAX_JSON_DEPTH} JSON levels",
            if n == 1 { "" } else { "s" }
        ),
    )?;
    map.end()
}

struct MembersAt<'a> {
    members: &'a [Cause],
    level: usize,
}

impl Serialize for MembersAt<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.members.len()))?;
        for cause in self.members {
            seq.serialize_element(&CauseAt::new(cause, self.level))?;
        }
        seq.end()
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
