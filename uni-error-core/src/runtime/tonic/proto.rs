//! The protobuf messages of the details, by hand: `google.rpc.Status`,
//! `google.protobuf.Any`, `google.rpc.ErrorInfo` and
//! `google.rpc.LocalizedMessage` (proto3 rules, unknown fields skipped),
//! so that the feature adds neither prost nor a protoc step to a build.

use super::{google, malformed, Detail, DetailsError, ErrorInfo, ERROR_INFO_TYPE};
use crate::interop::google::{LocalizedMessage, LOCALIZED_MESSAGE_TYPE};

// ---------------------------------------------------------------------------
// Encoding: proto3, fields in number order, defaults ("" and 0) left out.
// ---------------------------------------------------------------------------

pub(super) fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

pub(super) fn put_bytes(out: &mut Vec<u8>, field: u32, bytes: &[u8]) {
    put_varint(out, u64::from(field << 3 | 2));
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

pub(super) fn put_str(out: &mut Vec<u8>, field: u32, s: &str) {
    if !s.is_empty() {
        put_bytes(out, field, s.as_bytes());
    }
}

/// `google.rpc.Status`; details other than `ErrorInfo` (kept from JSON,
/// without a binary form) are left out. `from_uni` never makes one.
pub(super) fn encode_status(status: &google::Status, out: &mut Vec<u8>) {
    let code = status.code().value();
    if code != 0 {
        put_varint(out, 1 << 3);
        // int32: a negative value is sign-extended to ten bytes.
        put_varint(out, i64::from(code) as u64);
    }
    put_str(out, 2, status.message());
    let mut buf = Vec::new();
    for detail in status.details() {
        buf.clear();
        match detail {
            Detail::ErrorInfo(info) => encode_any(info, &mut buf),
            Detail::LocalizedMessage(m) => encode_localized(m, &mut buf),
            Detail::Other { .. } => continue,
        }
        put_bytes(out, 3, &buf);
    }
}

/// `google.protobuf.Any` around a `LocalizedMessage { locale = 1,
/// message = 2 }`.
pub(super) fn encode_localized(m: &LocalizedMessage, out: &mut Vec<u8>) {
    put_str(out, 1, LOCALIZED_MESSAGE_TYPE);
    let mut value = Vec::new();
    put_str(&mut value, 1, &m.locale);
    put_str(&mut value, 2, &m.message);
    put_bytes(out, 2, &value);
}

/// `google.protobuf.Any { type_url = 1, value = 2 }` around an `ErrorInfo`.
pub(super) fn encode_any(info: &ErrorInfo, out: &mut Vec<u8>) {
    put_str(out, 1, ERROR_INFO_TYPE);
    let mut value = Vec::new();
    // ErrorInfo: reason = 1, domain = 2, map<string, string> metadata = 3,
    // each entry a message { key = 1, value = 2 }.
    put_str(&mut value, 1, &info.reason);
    put_str(&mut value, 2, &info.domain);
    let mut entry = Vec::new();
    for (k, v) in &info.metadata {
        entry.clear();
        put_str(&mut entry, 1, k);
        put_str(&mut entry, 2, v);
        put_bytes(&mut value, 3, &entry);
    }
    put_bytes(out, 2, &value);
}

// ---------------------------------------------------------------------------
// Decoding: every length checked, unknown fields skipped, last scalar wins.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum WireType {
    Varint,
    Len,
    Fixed,
}

#[derive(Clone, Copy)]
pub(super) enum Value<'a> {
    Varint,
    Bytes(&'a [u8]),
    Fixed,
}

impl Value<'_> {
    pub(super) fn wire_type(&self) -> WireType {
        match self {
            Value::Varint => WireType::Varint,
            Value::Bytes(_) => WireType::Len,
            Value::Fixed => WireType::Fixed,
        }
    }
}

/// A known field with the wrong wire type is malformed; unknown fields pass.
pub(super) fn check_scalar(
    field: u32,
    value: &Value<'_>,
    known: &[(u32, WireType)],
) -> Result<(), DetailsError> {
    match known.iter().find(|(f, _)| *f == field) {
        Some((_, wire)) if *wire != value.wire_type() => {
            Err(malformed(format!("field {field} has the wrong wire type")))
        }
        _ => Ok(()),
    }
}

pub(super) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    pub(super) fn varint(&mut self) -> Result<u64, DetailsError> {
        let mut n = 0u64;
        for (i, &b) in self.rest.iter().enumerate().take(10) {
            n |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                self.rest = &self.rest[i + 1..];
                return Ok(n);
            }
        }
        Err(malformed(if self.rest.len() >= 10 {
            "a varint is longer than ten bytes"
        } else {
            "a varint is cut short"
        }))
    }

    pub(super) fn take(&mut self, n: usize, field: u32) -> Result<&'a [u8], DetailsError> {
        if n > self.rest.len() {
            return Err(malformed(format!(
                "field {field} is cut short ({n} bytes announced, {} left)",
                self.rest.len()
            )));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    /// The next field, or `None` at the end.
    pub(super) fn field(&mut self) -> Result<Option<(u32, Value<'a>)>, DetailsError> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let key = self.varint()?;
        let field = u32::try_from(key >> 3)
            .ok()
            .filter(|f| *f != 0)
            .ok_or_else(|| malformed(format!("field number {} is out of range", key >> 3)))?;
        let value = match key & 7 {
            0 => {
                self.varint()?;
                Value::Varint
            }
            1 => {
                self.take(8, field)?;
                Value::Fixed
            }
            2 => {
                let len = self.varint()?;
                let len = usize::try_from(len).unwrap_or(usize::MAX);
                Value::Bytes(self.take(len, field)?)
            }
            5 => {
                self.take(4, field)?;
                Value::Fixed
            }
            other => {
                return Err(malformed(format!(
                    "field {field} has wire type {other}, which proto3 does not use"
                )))
            }
        };
        Ok(Some((field, value)))
    }
}

pub(super) fn utf8(bytes: &[u8], what: &str) -> Result<String, DetailsError> {
    core::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| malformed(format!("{what} is not UTF-8")))
}

/// An `Any`: its `ErrorInfo` or `LocalizedMessage`, else `None`.
pub(super) fn decode_any(bytes: &[u8]) -> Result<Option<Detail>, DetailsError> {
    let (mut type_url, mut value): (&[u8], &[u8]) = (b"", b"");
    let mut r = Reader::new(bytes);
    while let Some((field, v)) = r.field()? {
        match (field, v) {
            (1, Value::Bytes(b)) => type_url = b,
            (2, Value::Bytes(b)) => value = b,
            (field, v) => check_scalar(field, &v, &[(1, WireType::Len), (2, WireType::Len)])?,
        }
    }
    if type_url == LOCALIZED_MESSAGE_TYPE.as_bytes() {
        return decode_localized(value).map(|m| Some(Detail::LocalizedMessage(m)));
    }
    if type_url != ERROR_INFO_TYPE.as_bytes() {
        return Ok(None);
    }
    let mut info = ErrorInfo::new(String::new(), String::new());
    let mut r = Reader::new(value);
    while let Some((field, v)) = r.field()? {
        match (field, v) {
            (1, Value::Bytes(b)) => info.reason = utf8(b, "ErrorInfo.reason")?,
            (2, Value::Bytes(b)) => info.domain = utf8(b, "ErrorInfo.domain")?,
            (3, Value::Bytes(entry)) => {
                let (k, v) = decode_entry(entry)?;
                // A map key given twice keeps the last value, in place.
                match info.metadata.iter_mut().find(|(key, _)| *key == k) {
                    Some(slot) => slot.1 = v,
                    None => info.metadata.push((k, v)),
                }
            }
            (field, v) => check_scalar(
                field,
                &v,
                &[(1, WireType::Len), (2, WireType::Len), (3, WireType::Len)],
            )?,
        }
    }
    Ok(Some(Detail::ErrorInfo(info)))
}

fn decode_localized(bytes: &[u8]) -> Result<LocalizedMessage, DetailsError> {
    let mut m = LocalizedMessage::new(String::new(), String::new());
    let mut r = Reader::new(bytes);
    while let Some((field, v)) = r.field()? {
        match (field, v) {
            (1, Value::Bytes(b)) => m.locale = utf8(b, "LocalizedMessage.locale")?,
            (2, Value::Bytes(b)) => m.message = utf8(b, "LocalizedMessage.message")?,
            (field, v) => check_scalar(field, &v, &[(1, WireType::Len), (2, WireType::Len)])?,
        }
    }
    Ok(m)
}

pub(super) fn decode_entry(bytes: &[u8]) -> Result<(String, String), DetailsError> {
    let (mut key, mut value) = (String::new(), String::new());
    let mut r = Reader::new(bytes);
    while let Some((field, v)) = r.field()? {
        match (field, v) {
            (1, Value::Bytes(b)) => key = utf8(b, "an ErrorInfo.metadata key")?,
            (2, Value::Bytes(b)) => value = utf8(b, "an ErrorInfo.metadata value")?,
            (field, v) => check_scalar(field, &v, &[(1, WireType::Len), (2, WireType::Len)])?,
        }
    }
    Ok((key, value))
}
