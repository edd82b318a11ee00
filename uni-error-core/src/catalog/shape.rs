//! How the UTS Impl class of a type is written: DCloud's variations.

use super::Platforms;

/// How [`Declarations::uts_unierror`](super::Declarations::uts_unierror)
/// writes a type's `XxxFailImpl` class; set with
/// [`Declarations::fail_impl`](super::Declarations::fail_impl).
///
/// DCloud's modules differ here, and each form is supported:
///
/// - the constructor takes the errCode alone (`uni-location`), or also a
///   run-time detail, `(errCode, errMsg: string | null)`, appended to the
///   message after a joining text (`uni-shareWithSystem`:
///   `", the reason: "`): [`with_detail`](Self::with_detail);
/// - `override errCode: XxxErrorCode` is written where the platform's
///   compiler needs it ([`OverrideErrCode`]).
///
/// On the Rust side the same detail is a field at the end of the `#[msg]`
/// template after the same joining text, `#[msg("Failed to share, the
/// reason: {reason}")]`: errMsg then reads the same on both sides, and the
/// UTS map holds the text before the joining text (`'Failed to share'`).
///
/// ```
/// use uni_error::catalog::{CatalogSet, FailImpl, OverrideErrCode};
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-shareWithSystem")]
/// #[errno(1_310_602)]
/// #[msg("Failed to share, the reason: {reason}")]
/// struct ShareWithSystemError {
///     reason: String,
/// }
///
/// let uts = CatalogSet::new()
///     .with::<ShareWithSystemError>()
///     .declarations()
///     .fail_impl(
///         "ShareWithSystemError",
///         FailImpl::new().with_detail(", the reason: ").override_err_code(OverrideErrCode::Never),
///     )
///     .uts_unierror()?;
/// assert!(uts.contains("  [1310602, 'Failed to share']\n"));
/// assert!(uts.contains("constructor(errCode: ShareWithSystemErrorCode, errMsg: string | null) {\n"));
/// assert!(uts.contains("this.errMsg = message + ', the reason: ' + errMsg\n"));
/// assert!(!uts.contains("override errCode"));
/// # Ok::<(), uni_error::catalog::DeclarationError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FailImpl {
    pub(super) detail: Option<String>,
    pub(super) err_code: OverrideErrCode,
}

impl FailImpl {
    /// The default: errCode alone, `override errCode` by the platforms.
    pub fn new() -> Self {
        FailImpl::default()
    }

    /// The constructor also takes `errMsg: string | null`, a run-time
    /// detail appended after `joiner` when it is not null.
    #[must_use]
    pub fn with_detail(mut self, joiner: impl Into<String>) -> Self {
        self.detail = Some(joiner.into());
        self
    }

    /// Where `override errCode: XxxErrorCode` is written.
    #[must_use]
    pub fn override_err_code(mut self, how: OverrideErrCode) -> Self {
        self.err_code = how;
        self
    }

    /// The joining text of [`with_detail`](Self::with_detail).
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }
}

/// Where a UTS Impl class redeclares `override errCode: XxxErrorCode`.
///
/// The class narrows `errCode` from `number` to the code union; the
/// Kotlin (Android) and ArkTS (HarmonyOS) targets need the redeclaration,
/// the others do without. DCloud writes it under `#ifdef APP-ANDROID`,
/// `#ifdef APP-ANDROID || APP-HARMONY`, `#ifndef APP-IOS`, always, or not at
/// all, module by module.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum OverrideErrCode {
    /// Under `#ifdef` for those of Android and HarmonyOS where the type's
    /// codes occur (their `#[platforms]`, else their errno ranges); not at
    /// all when neither.
    #[default]
    FromPlatforms,
    /// Under `#ifdef` for exactly these platforms.
    On(Platforms),
    /// Always, without `#ifdef`.
    Always,
    /// Never.
    Never,
}

impl OverrideErrCode {
    /// The `#ifdef` condition, `Some("")` for no condition, `None` for no
    /// override; `platforms` are where the type's codes occur.
    pub(super) fn condition(self, platforms: Platforms) -> Option<String> {
        let on = match self {
            OverrideErrCode::Never => return None,
            OverrideErrCode::Always => return Some(String::new()),
            OverrideErrCode::On(on) => on,
            OverrideErrCode::FromPlatforms => {
                platforms.intersection(Platforms::ANDROID | Platforms::HARMONY)
            }
        };
        if on.is_empty() {
            return None;
        }
        Some(ifdef_names(on).join(" || "))
    }
}

/// The conditional-compilation names of `platforms`, in DCloud's order.
pub(super) fn ifdef_names(platforms: Platforms) -> Vec<&'static str> {
    [
        (Platforms::ANDROID, "APP-ANDROID"),
        (Platforms::IOS, "APP-IOS"),
        (Platforms::HARMONY, "APP-HARMONY"),
        (Platforms::WEB, "WEB"),
        (Platforms::MP, "MP"),
    ]
    .into_iter()
    .filter(|(p, _)| platforms.contains(*p))
    .map(|(_, n)| n)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::{OverrideErrCode, Platforms};

    #[test]
    fn override_follows_the_platforms_of_the_codes() {
        let from = OverrideErrCode::FromPlatforms;
        // Codes everywhere, or on both typed targets: DCloud's uni-media form.
        assert_eq!(
            from.condition(Platforms::ALL).as_deref(),
            Some("APP-ANDROID || APP-HARMONY")
        );
        // Android and iOS only: DCloud's uni-exit form.
        assert_eq!(
            from.condition(Platforms::ANDROID | Platforms::IOS)
                .as_deref(),
            Some("APP-ANDROID")
        );
        assert_eq!(
            from.condition(Platforms::HARMONY | Platforms::WEB)
                .as_deref(),
            Some("APP-HARMONY")
        );
        // iOS and web need none.
        assert_eq!(from.condition(Platforms::IOS | Platforms::WEB), None);
        assert_eq!(OverrideErrCode::Never.condition(Platforms::ALL), None);
        assert_eq!(
            OverrideErrCode::Always.condition(Platforms::IOS).as_deref(),
            Some("")
        );
        assert_eq!(
            OverrideErrCode::On(Platforms::ANDROID | Platforms::IOS | Platforms::HARMONY)
                .condition(Platforms::NONE)
                .as_deref(),
            Some("APP-ANDROID || APP-IOS || APP-HARMONY")
        );
    }
}
