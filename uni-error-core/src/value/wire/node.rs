//! The owned node, by reference: a [`Cause`], or a [`SourceError`] or
//! [`AggregateError`](crate::AggregateError) given by its parts, as the one
//! node writer (`shape::write_node`) sees it. The wire types' own
//! `Serialize` and the derive's walk (`__private::walk`, for the causes it
//! only has in owned form) write through it.

use serde::Serializer;

use super::shape::{write_members, write_node, Parts, WireNode};
use crate::{Cause, SourceError};

/// A cause of the owned form, by reference.
#[derive(Clone, Copy)]
pub(crate) struct CauseRef<'a> {
    pub(crate) head: &'a SourceError,
    /// `Some` for an aggregate (even with no members).
    pub(crate) members: Option<&'a [Cause]>,
}

impl<'a> CauseRef<'a> {
    #[inline]
    pub(crate) fn new(cause: &'a Cause) -> Self {
        let members = match cause {
            Cause::Source(_) => None,
            Cause::Aggregate(a) => Some(a.errors()),
        };
        CauseRef {
            head: cause.head(),
            members,
        }
    }
}

impl<'a> CauseRef<'a> {
    /// The node's own keys, borrowed for as long as the cause.
    #[inline]
    pub(crate) fn into_parts(self) -> Parts<'a, &'a str, &'a Cause> {
        let head = self.head;
        Parts {
            message: head.message(),
            subject: head.subject(),
            code: head.code(),
            cause: head.cause(),
            members: self.members.map(<[Cause]>::len),
            data: None,
            extra: head.extra(),
        }
    }
}

impl WireNode for CauseRef<'_> {
    type Message<'m>
        = &'m str
    where
        Self: 'm;
    type Below<'m>
        = &'m Cause
    where
        Self: 'm;

    #[inline]
    fn parts(&self) -> Parts<'_, &str, &Cause> {
        self.into_parts()
    }

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

    #[inline]
    fn serialize_cause<S: Serializer>(
        &self,
        below: &Cause,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        write_node(&CauseRef::new(below), serializer, level)
    }

    fn serialize_members<S: Serializer>(
        &self,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        let members = self.members.unwrap_or_default();
        write_members(serializer, members.iter().map(CauseRef::new), level)
    }
}
