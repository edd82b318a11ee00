//! The `ChatAppLogEntry` log record.

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Status, STATUS_WHAT};
use crate::interop::fields::{write_extra, Fields};
use crate::{AnyUniError, Json};

/// A `ChatAppLogEntry`: `{"deployment", "error": Status,
/// "deploymentFunction"}`, the record an error log line carries.
///
/// ```
/// use uni_error::google::ChatAppLogEntry;
/// let s = r#"{"deployment":"d-1","error":{"code":13,"message":"boom","details":[]},"deploymentFunction":"onEvent"}"#;
/// let entry: ChatAppLogEntry = serde_json::from_str(s)?;
/// assert_eq!(entry.error.message(), "boom");
/// assert_eq!(serde_json::to_string(&entry)?, s);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ChatAppLogEntry {
    /// The deployment that caused the error.
    pub deployment: String,
    /// The error.
    pub error: Status,
    /// The callback that was running (`deploymentFunction`).
    pub deployment_function: String,
    extra: Vec<(String, Json)>,
}

impl ChatAppLogEntry {
    /// A log entry.
    ///
    /// ```
    /// use uni_error::google::{ChatAppLogEntry, Status};
    /// use uni_error::status::Code;
    /// let entry = ChatAppLogEntry::new("d-1", Status::new(Code::Internal, "boom"), "onEvent");
    /// assert_eq!(entry.deployment_function, "onEvent");
    /// ```
    pub fn new(
        deployment: impl Into<String>,
        error: Status,
        deployment_function: impl Into<String>,
    ) -> Self {
        ChatAppLogEntry {
            deployment: deployment.into(),
            error,
            deployment_function: deployment_function.into(),
            extra: Vec::new(),
        }
    }

    /// The log entry of any uni error ([`Status::from_uni`]).
    ///
    /// ```
    /// use uni_error::{google::ChatAppLogEntry, Error};
    /// let entry = ChatAppLogEntry::from_uni("d-1", &Error::new("uni-push", 1, "cancelled"), "onPush");
    /// assert_eq!(entry.error.code().as_str(), "CANCELLED");
    /// ```
    pub fn from_uni(
        deployment: impl Into<String>,
        error: &(impl AnyUniError + ?Sized),
        deployment_function: impl Into<String>,
    ) -> Self {
        ChatAppLogEntry::new(deployment, Status::from_uni(error), deployment_function)
    }

    /// Keys other than deployment, error and deploymentFunction, in input
    /// order.
    ///
    /// ```
    /// use uni_error::google::ChatAppLogEntry;
    /// let e: ChatAppLogEntry = serde_json::from_str(r#"{"error":{},"severity":"ERROR"}"#)?;
    /// assert_eq!(e.extra()[0].0, "severity");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extra(&self) -> &[(String, Json)] {
        &self.extra
    }
}

impl Serialize for ChatAppLogEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3 + self.extra.len()))?;
        map.serialize_entry("deployment", &self.deployment)?;
        map.serialize_entry("error", &self.error)?;
        map.serialize_entry("deploymentFunction", &self.deployment_function)?;
        write_extra(&mut map, &self.extra)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for ChatAppLogEntry {
    /// `error` is required; a missing `deployment` or `deploymentFunction`
    /// reads as `""` (proto3's default).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const WHAT: &str = "a ChatAppLogEntry {deployment, error, deploymentFunction}";
        let mut f = Fields::read(d, WHAT)?;
        let deployment = f.string("deployment")?.unwrap_or_default();
        let error = match f.object("error", STATUS_WHAT)? {
            Some(status) => Status::from_fields(status)?,
            None => return Err(f.error("missing field `error`")),
        };
        let deployment_function = f.string("deploymentFunction")?.unwrap_or_default();
        Ok(ChatAppLogEntry {
            deployment,
            error,
            deployment_function,
            extra: f.rest(),
        })
    }
}
