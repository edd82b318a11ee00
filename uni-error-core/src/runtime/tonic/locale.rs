//! The language of a gRPC error: the client's `grpc-accept-language` (or
//! `accept-language`) metadata, and the `google.rpc.LocalizedMessage`
//! detail AIP-193 sends the localized message in.

use tonic::metadata::MetadataMap;

use super::{details, status_of, DetailsError};
use crate::interop::google::{self, Detail, LocalizedMessage};
use crate::locale::preferred;
use crate::AnyUniError;

/// The languages a call asks for: its `grpc-accept-language` metadata
/// (the name gRPC-Gateway and Google's APIs use), else `accept-language`,
/// as text (`zh-CN,zh;q=0.9,en;q=0.8`); `None` without either.
///
/// ```
/// use tonic::metadata::MetadataMap;
/// use uni_error::tonic::requested_language;
///
/// let mut metadata = MetadataMap::new();
/// assert_eq!(requested_language(&metadata), None);
/// metadata.insert("accept-language", "en".parse().unwrap());
/// metadata.insert("grpc-accept-language", "zh-Hans".parse().unwrap());
/// assert_eq!(requested_language(&metadata), Some("zh-Hans"));
/// ```
pub fn requested_language(metadata: &MetadataMap) -> Option<&str> {
    ["grpc-accept-language", "accept-language"]
        .into_iter()
        .find_map(|key| metadata.get(key).and_then(|v| v.to_str().ok()))
}

/// [`to_status`](super::to_status) for a client that asked for the
/// language `tag`: the same code, message (the default language) and
/// `ErrorInfo`, and a `google.rpc.LocalizedMessage` detail with the message
/// in the best match among the error's `#[locales(..)]`; see
/// [`google::Status::from_uni_in`].
pub fn to_status_in(error: &(impl AnyUniError + ?Sized), tag: &str) -> ::tonic::Status {
    status_of(google::Status::from_uni_in(error, tag))
}

/// The status of `error` for the call whose request metadata is
/// `metadata`: [`to_status_in`] with the entry of its
/// [`requested_language`] that the error's languages serve best (by `q`),
/// else [`to_status`](super::to_status).
///
/// ```
/// use tonic::metadata::MetadataMap;
/// use uni_error::tonic::{localized_message, to_status_for};
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-pay")]
/// #[errno(category = 7, sub = 0, code = 4)]
/// #[status(grpc = "NOT_FOUND")]
/// #[locales("en", "zh-Hans")]
/// #[msg("no such order")]
/// #[locale(zh_Hans = "订单不存在")]
/// struct NoOrder;
///
/// let mut metadata = MetadataMap::new();
/// metadata.insert("grpc-accept-language", "fr;q=1, zh-CN;q=0.8".parse().unwrap());
/// let status = to_status_for(&NoOrder, &metadata);
/// assert_eq!(status.message(), "no such order");
/// let message = localized_message(&status)?.expect("a LocalizedMessage");
/// assert_eq!((message.locale.as_str(), message.message.as_str()), ("zh-Hans", "订单不存在"));
/// # Ok::<(), uni_error::tonic::DetailsError>(())
/// ```
pub fn to_status_for(
    error: &(impl AnyUniError + ?Sized),
    metadata: &MetadataMap,
) -> ::tonic::Status {
    let locales = error.wire_locales();
    match requested_language(metadata).and_then(|header| preferred(locales, header)) {
        Some(tag) => to_status_in(error, tag),
        None => super::to_status(error),
    }
}

/// The first `google.rpc.LocalizedMessage` in a [`tonic::Status`]'s
/// details, or `None`. Fails when the details are not a well-formed
/// `google.rpc.Status`.
pub fn localized_message(
    status: &::tonic::Status,
) -> Result<Option<LocalizedMessage>, DetailsError> {
    Ok(details(status)?.into_iter().find_map(|d| match d {
        Detail::LocalizedMessage(m) => Some(m),
        _ => None,
    }))
}
