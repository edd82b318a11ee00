//! The value layer: the errno and the errSubject (`crate::errno`,
//! `crate::subject`, at the root), [`Json`](json::Json), the status code
//! leaf, the owned wire types and their one writer (`wire`), the
//! `UniError` trait, [`Public`](public::Public) and the WeChat errno table.
//!
//! It imports nothing from the layers above it (the catalog, interop,
//! runtime and `__private`): see ARCHITECTURE.md at the repository root.

pub(crate) mod code;
pub(crate) mod error_trait;
pub(crate) mod json;
pub mod locale;
pub(crate) mod public;
pub(crate) mod quick;
pub mod status;
pub mod well_known;
pub(crate) mod wire;
