//! The depth cut every writer of a cause chain shares, and the writer of
//! the owned form ([`CauseAt`]): the wire types' own `Serialize` and the
//! derive's streamed walk (`__private::walk`, which writes owned causes
//! through this) cut at the same level with the same text, so the streamed
//! and the owned JSON are the same bytes.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::MAX_JSON_DEPTH;
use crate::{Cause, SourceError};

/// True if a node at `level` must be cut: a `cause` would sit one level
/// below it, an aggregate's members two (array, object), past the limit.
pub(crate) fn too_deep(level: usize, has_cause: bool, has_members: bool) -> bool {
    (has_cause && level + 1 > MAX_JSON_DEPTH) || (has_members && level + 2 > MAX_JSON_DEPTH)
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

/// A cause of the owned form written as the object at JSON nesting `level`
/// (1 = outermost), given by its parts so that a borrowed [`SourceError`]
/// or [`AggregateError`](crate::AggregateError) serializes without becoming
/// a [`Cause`]: the wire types' `Serialize` and the walk's `OwnedNode` both
/// write through it, with the same depth cut as the streamed nodes.
pub(crate) struct CauseAt<'a> {
    pub(crate) head: &'a SourceError,
    /// `Some` for an aggregate (even with no members).
    pub(crate) members: Option<&'a [Cause]>,
    pub(crate) level: usize,
}

impl<'a> CauseAt<'a> {
    pub(crate) fn new(cause: &'a Cause, level: usize) -> Self {
        let members = match cause {
            Cause::Source(_) => None,
            Cause::Aggregate(a) => Some(a.errors()),
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
        let below = head.cause();
        if too_deep(self.level, below.is_some(), !members.is_empty()) {
            return omitted(serializer, self.count());
        }
        let len = 1
            + usize::from(head.subject().is_some())
            + usize::from(head.code().is_some())
            + usize::from(below.is_some())
            + usize::from(self.members.is_some())
            + head.extra().len();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("message", head.message())?;
        if let Some(subject) = head.subject() {
            map.serialize_entry("subject", subject)?;
        }
        if let Some(code) = head.code() {
            map.serialize_entry("code", &code)?;
        }
        if let Some(below) = below {
            map.serialize_entry("cause", &CauseAt::new(below, self.level + 1))?;
        }
        if self.members.is_some() {
            let level = self.level + 2;
            map.serialize_entry("errors", &MembersAt { members, level })?;
        }
        for (k, v) in head.extra() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// An aggregate's members, each at `level`.
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
