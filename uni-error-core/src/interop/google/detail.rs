//! The details a Status carries: `ErrorInfo`, and any other `@type` kept as
//! it was read.

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::localized::{LocalizedMessage, LOCALIZED_MESSAGE_TYPE};
use super::ERROR_INFO_TYPE;
use crate::interop::fields::{kind, write_extra, Fields};
use crate::Json;

/// A `google.rpc.ErrorInfo` detail: `reason`, `domain`, string `metadata`.
///
/// ```
/// use uni_error::google::ErrorInfo;
/// let info = ErrorInfo::new("1504003", "uni-login");
/// assert_eq!(
///     serde_json::to_string(&info)?,
///     r#"{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"1504003","domain":"uni-login"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorInfo {
    /// The reason; for a uni error, errCode in decimal.
    pub reason: String,
    /// The domain; for a uni error, errSubject.
    pub domain: String,
    /// String metadata, in order.
    pub metadata: Vec<(String, String)>,
    extra: Vec<(String, Json)>,
}

impl ErrorInfo {
    /// An ErrorInfo without metadata.
    ///
    /// ```
    /// let info = uni_error::google::ErrorInfo::new("5", "uni-request");
    /// assert_eq!((info.reason.as_str(), info.domain.as_str()), ("5", "uni-request"));
    /// ```
    pub fn new(reason: impl Into<String>, domain: impl Into<String>) -> Self {
        ErrorInfo {
            reason: reason.into(),
            domain: domain.into(),
            metadata: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// The value of one metadata key.
    ///
    /// ```
    /// use uni_error::google::ErrorInfo;
    /// let mut info = ErrorInfo::new("5", "uni-request");
    /// info.metadata.push(("cause".into(), "caused by: dns".into()));
    /// assert_eq!(info.metadata_get("cause"), Some("caused by: dns"));
    /// ```
    pub fn metadata_get(&self, key: &str) -> Option<&str> {
        self.metadata
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Keys other than `@type`, reason, domain and metadata, in input order.
    ///
    /// ```
    /// use uni_error::google::Status;
    /// let s: Status = serde_json::from_str(r#"{"code":1,"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"1","domain":"d","x":1}]}"#)?;
    /// assert_eq!(s.error_info().unwrap().extra()[0].0, "x");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Json)] {
        &self.extra
    }

    fn from_fields<E: serde::de::Error>(mut f: Fields) -> Result<Self, E> {
        let reason = f.string("reason")?.unwrap_or_default();
        let domain = f.string("domain")?.unwrap_or_default();
        let mut metadata = Vec::new();
        if let Some(m) = f.object("metadata", "an object of strings")? {
            for (k, v) in m.rest() {
                match v.parse::<String>() {
                    Ok(s) if v.get().starts_with('"') => metadata.push((k, s)),
                    _ => {
                        return Err(f.error(format_args!(
                            "`metadata.{k}` must be a string, found {}",
                            kind(&v)
                        )))
                    }
                }
            }
        }
        Ok(ErrorInfo {
            reason,
            domain,
            metadata,
            extra: f.rest(),
        })
    }
}

impl Serialize for ErrorInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 3 + usize::from(!self.metadata.is_empty()) + self.extra.len();
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("@type", ERROR_INFO_TYPE)?;
        map.serialize_entry("reason", &self.reason)?;
        map.serialize_entry("domain", &self.domain)?;
        if !self.metadata.is_empty() {
            map.serialize_entry("metadata", &Metadata(&self.metadata))?;
        }
        write_extra(&mut map, &self.extra)?;
        map.end()
    }
}

struct Metadata<'a>(&'a [(String, String)]);

impl Serialize for Metadata<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// One entry of `details`: an [`ErrorInfo`], or any other detail kept as
/// the object it was (with its `@type`).
///
/// ```
/// use uni_error::google::{Detail, Status};
/// let s: Status = serde_json::from_str(r#"{"code":14,"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}]}"#)?;
/// let Detail::Other { type_url, value } = &s.details()[0] else { panic!("not an ErrorInfo") };
/// assert_eq!(type_url, "type.googleapis.com/google.rpc.RetryInfo");
/// assert_eq!(value.get(), r#"{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// `type.googleapis.com/google.rpc.ErrorInfo`.
    ErrorInfo(ErrorInfo),
    /// `type.googleapis.com/google.rpc.LocalizedMessage`.
    LocalizedMessage(LocalizedMessage),
    /// A detail of another `@type`, kept as read.
    Other {
        /// Its `@type`.
        type_url: String,
        /// The whole object as read, `@type` included.
        value: Json,
    },
}

impl Detail {
    /// The `@type` URL.
    ///
    /// ```
    /// use uni_error::google::{Detail, ErrorInfo};
    /// let d = Detail::ErrorInfo(ErrorInfo::new("5", "uni-request"));
    /// assert_eq!(d.type_url(), "type.googleapis.com/google.rpc.ErrorInfo");
    /// ```
    pub fn type_url(&self) -> &str {
        match self {
            Detail::ErrorInfo(_) => ERROR_INFO_TYPE,
            Detail::LocalizedMessage(_) => LOCALIZED_MESSAGE_TYPE,
            Detail::Other { type_url, .. } => type_url,
        }
    }

    pub(super) fn from_value<E: serde::de::Error>(v: Json) -> Result<Self, E> {
        const WHAT: &str = r#"a google.rpc.Status detail {"@type", ...}"#;
        let mut f = Fields::of::<E>(&v, WHAT)?;
        let type_url = f
            .string::<E>("@type")?
            .ok_or_else(|| f.error("missing field `@type`"))?;
        if type_url == ERROR_INFO_TYPE {
            return ErrorInfo::from_fields(f).map(Detail::ErrorInfo);
        }
        if type_url == LOCALIZED_MESSAGE_TYPE {
            return LocalizedMessage::from_fields(f).map(Detail::LocalizedMessage);
        }
        Ok(Detail::Other { type_url, value: v })
    }
}

impl Serialize for Detail {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Detail::ErrorInfo(info) => info.serialize(serializer),
            Detail::LocalizedMessage(m) => m.serialize(serializer),
            Detail::Other { value, .. } => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Detail {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Detail::from_value(Json::deserialize(d)?)
    }
}
