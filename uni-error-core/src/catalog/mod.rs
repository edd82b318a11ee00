//! Error-code catalogs: every variant's errno, subject and message as data,
//! checked for clashes and rendered as Markdown, JSON, TypeScript and UTS
//! declarations, and kept in a snapshot so that published codes never
//! silently change.
//!
//! `#[derive(UniError)]` implements [`Catalog`] with a `const` table of every
//! variant. Publishers document their codes as tables (WeChat's errno list,
//! the vendor tables of the Taobao Open Platform); with a catalog a plugin's
//! table comes from the code, never by hand, and never with a clash:
//!
//! ```
//! use uni_error::catalog::CatalogSet;
//! use uni_error::UniError;
//!
//! #[derive(Debug, UniError)]
//! #[subject("uni-nfc")]
//! #[errno(category = 15, sub = 4)]
//! enum NfcError {
//!     /// The device has no NFC hardware.
//!     #[errno(code = 0)]
//!     #[msg("NFC is not supported")]
//!     Unsupported,
//!     /// NFC is switched off in the system settings.
//!     #[errno(code = 1)]
//!     #[msg("NFC is off: {reason}")]
//!     Off { reason: String },
//! }
//!
//! let set = CatalogSet::new().with::<NfcError>();
//! set.check()?;
//! assert_eq!(
//!     set.to_markdown(),
//!     "| errno | errMsg | subject | description |\n\
//!      |---|---|---|---|\n\
//!      | 1504000 | NFC is not supported | uni-nfc | The device has no NFC hardware. |\n\
//!      | 1504001 | NFC is off: {reason} | uni-nfc | NFC is switched off in the system settings. |\n"
//! );
//! # Ok::<(), uni_error::catalog::CatalogError>(())
//! ```
//!
//! # What the JavaScript side declares (feature `declarations`)
//!
//! With the `declarations` feature (add it where you generate the files: in
//! `[dev-dependencies]` for a test, `[build-dependencies]` for a `build.rs`;
//! cargo keeps those features out of your normal build, which stays lean),
//! the catalog writes what the JS side declares by hand. DCloud's own plugins declare, by hand, for each module a union of its
//! codes, an `IXxxError extends IUniError` interface, a subject constant, a
//! code → message map and a `XxxFailImpl` class. [`Declarations`] writes the
//! same from the catalog: [`Declarations::typescript`] (a `.d.ts` checked by
//! `tsc`), [`Declarations::uts_interface`] and [`Declarations::uts_unierror`]
//! (the `interface.uts` and `unierror.uts` shapes; there is no UTS compiler
//! outside HBuilderX, so those are pinned by golden files, not compiled).
//! A plugin whose `interface.uts` is its whole API writes only between
//! `// uni-error:begin` and `// uni-error:end` markers
//! ([`Declarations::write_uts_regions`], [`write_region`]), keeping the
//! rest byte for byte; [`TypeNames`], [`FailImpl`] and `#[platforms(..)]`
//! ([`Platforms`]) follow DCloud's variations of names, Impl classes and
//! `@uniPlatform`.
//! [`Snapshot`] records every published (subject, errno) and fails a check
//! when one disappears without being deprecated first or changes meaning.
//!
//! The files are kept fresh by a test that writes them in [`Mode::Write`]
//! and checks them in [`Mode::Check`]; [`Mode::from_env`] picks `Write`
//! under `UNI_ERROR_BLESS=1`. (A `build.rs` works too, in a crate that
//! depends on the one defining the errors: a build script cannot see its
//! own crate's types.)
//!
//! ```no_run
//! # #[cfg(feature = "declarations")]
//! # fn main() -> Result<(), uni_error::catalog::GenerateError> {
//! use uni_error::catalog::{CatalogSet, Mode};
//! # use uni_error::UniError;
//! # #[derive(Debug, UniError)]
//! # #[subject("uni-nfc")]
//! # #[errno(1_504_000)]
//! # #[msg("NFC is not supported")]
//! # struct NfcError;
//!
//! let set = CatalogSet::new().with::<NfcError>();
//! let mode = Mode::from_env();
//! let decls = set.declarations();
//! decls.write_typescript("js/nfc.d.ts", mode)?;
//! decls.write_uts("utssdk", mode)?;
//! set.snapshot().write("errcodes.snapshot.json", mode)?;
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "declarations"))]
//! # fn main() {}
//! ```

#[cfg(feature = "declarations")]
mod drift;
#[cfg(feature = "declarations")]
mod files;
#[cfg(feature = "declarations")]
mod groups;
#[cfg(feature = "declarations")]
mod languages;
#[cfg(feature = "declarations")]
mod names;
// The glue around a uniffi call in a UTS App plugin (`uts_native`).
mod l10n;
#[cfg(feature = "declarations")]
mod native;
mod platforms;
#[cfg(feature = "declarations")]
mod region;
mod set;
#[cfg(feature = "declarations")]
mod shape;
#[cfg(feature = "declarations")]
mod snapshot;
mod table;
#[cfg(feature = "declarations")]
mod typescript;
#[cfg(feature = "declarations")]
mod uts;

#[cfg(feature = "declarations")]
#[cfg_attr(docsrs, doc(cfg(feature = "declarations")))]
pub use drift::{Change, Drift};
#[cfg(feature = "declarations")]
#[cfg_attr(docsrs, doc(cfg(feature = "declarations")))]
pub use files::{GenerateError, Mode};
#[cfg(feature = "declarations")]
#[cfg_attr(docsrs, doc(cfg(feature = "declarations")))]
pub use names::{DeclarationError, Declarations, TypeNames};
pub use platforms::Platforms;
#[cfg(feature = "declarations")]
#[cfg_attr(docsrs, doc(cfg(feature = "declarations")))]
pub use region::{write_region, REGION_BEGIN, REGION_END};
pub use set::{CatalogError, CatalogSet, Clash, WeChatReuse};
#[cfg(feature = "declarations")]
#[cfg_attr(docsrs, doc(cfg(feature = "declarations")))]
pub use shape::{FailImpl, OverrideErrCode};
#[cfg(feature = "declarations")]
#[cfg_attr(docsrs, doc(cfg(feature = "declarations")))]
pub use snapshot::{Snapshot, SnapshotCode, SnapshotError};
pub use table::{Catalog, CatalogEntry, PassThrough};
