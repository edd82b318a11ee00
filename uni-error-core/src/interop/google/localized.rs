//! `google.rpc.LocalizedMessage`: the message in the language the client
//! asked for, which AIP-193 puts in `details` while `Status.message` stays
//! the developer-facing default.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::interop::fields::{write_extra, Fields};
use crate::Json;

/// `@type` of a [`LocalizedMessage`] detail.
pub const LOCALIZED_MESSAGE_TYPE: &str = "type.googleapis.com/google.rpc.LocalizedMessage";

/// A `google.rpc.LocalizedMessage` detail: `locale` (the BCP 47 tag the
/// message is written in, `zh-Hans`) and `message`. Keys of a read detail
/// besides those are kept ([`extra`](Self::extra)) and written back, as
/// [`ErrorInfo`](super::ErrorInfo) keeps its own: a proxy that reads and
/// forwards a status loses nothing.
///
/// ```
/// use uni_error::google::{Detail, LocalizedMessage};
///
/// let detail = Detail::LocalizedMessage(LocalizedMessage::new("zh-Hans", "订单不存在"));
/// assert_eq!(
///     serde_json::to_string(&detail)?,
///     r#"{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"zh-Hans","message":"订单不存在"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalizedMessage {
    /// The language of `message` (BCP 47: `en-US`, `zh-Hans`).
    pub locale: String,
    /// The message in that language.
    pub message: String,
    extra: Vec<(String, Json)>,
}

impl LocalizedMessage {
    /// A localized message.
    pub fn new(locale: impl Into<String>, message: impl Into<String>) -> Self {
        LocalizedMessage {
            locale: locale.into(),
            message: message.into(),
            extra: Vec::new(),
        }
    }

    /// Keys other than `@type`, locale and message, in input order.
    ///
    /// ```
    /// use uni_error::google::Status;
    /// let json = r#"{"code":1,"message":"","details":[{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"zh-Hans","message":"请重试","x":[1]}]}"#;
    /// let s: Status = serde_json::from_str(json)?;
    /// let m = s.localized_message().unwrap();
    /// assert_eq!((m.extra()[0].0.as_str(), m.extra()[0].1.get()), ("x", "[1]"));
    /// assert_eq!(serde_json::to_string(&s)?, json);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Json)] {
        &self.extra
    }

    pub(super) fn from_fields<E: serde::de::Error>(mut f: Fields) -> Result<Self, E> {
        Ok(LocalizedMessage {
            locale: f.string("locale")?.unwrap_or_default(),
            message: f.string("message")?.unwrap_or_default(),
            extra: f.rest(),
        })
    }
}

impl Serialize for LocalizedMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3 + self.extra.len()))?;
        map.serialize_entry("@type", LOCALIZED_MESSAGE_TYPE)?;
        map.serialize_entry("locale", &self.locale)?;
        map.serialize_entry("message", &self.message)?;
        write_extra(&mut map, &self.extra)?;
        map.end()
    }
}
