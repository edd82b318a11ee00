//! `google.rpc.LocalizedMessage`: the message in the language the client
//! asked for, which AIP-193 puts in `details` while `Status.message` stays
//! the developer-facing default.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::interop::fields::Fields;

/// `@type` of a [`LocalizedMessage`] detail.
pub const LOCALIZED_MESSAGE_TYPE: &str = "type.googleapis.com/google.rpc.LocalizedMessage";

/// A `google.rpc.LocalizedMessage` detail: `locale` (the BCP 47 tag the
/// message is written in, `zh-Hans`) and `message`.
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
}

impl LocalizedMessage {
    /// A localized message.
    pub fn new(locale: impl Into<String>, message: impl Into<String>) -> Self {
        LocalizedMessage {
            locale: locale.into(),
            message: message.into(),
        }
    }

    pub(super) fn from_fields<E: serde::de::Error>(mut f: Fields) -> Result<Self, E> {
        Ok(LocalizedMessage {
            locale: f.string("locale")?.unwrap_or_default(),
            message: f.string("message")?.unwrap_or_default(),
        })
    }
}

impl Serialize for LocalizedMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("@type", LOCALIZED_MESSAGE_TYPE)?;
        map.serialize_entry("locale", &self.locale)?;
        map.serialize_entry("message", &self.message)?;
        map.end()
    }
}
