//! The glue a uni-app x App plugin writes around a call into its Rust
//! library (feature `uniffi` on the Rust side): turning the exception a
//! `#[uniffi::export]` function throws (`UniFfiError`) into the plugin's
//! own `XxxFailImpl`, so its JavaScript callers get the `UniError` they get
//! from a UTS-only plugin.
//!
//! Three files, for `utssdk/`: `native.uts` (per type, `toXxxFail`), and
//! one small native class per platform that reads the exception's fields
//! where UTS cannot (a Kotlin nested exception class, a Swift enum with
//! associated values): `app-android/UniFfiErrorFields.kt` and
//! `app-ios/UniFfiErrorFields.swift`. The Kotlin class is compiled and run
//! on the JVM by the repository's tests; the UTS and Swift files are pinned
//! by golden files (no UTS or Swift compiler runs outside HBuilderX/Xcode).

use std::fmt::Write as _;

use super::typescript::{write_comment, HEADER};
use super::{DeclarationError, Declarations};

impl Declarations {
    /// The `native.uts` glue: per type, `toXxxFail(error)`, the type's
    /// `XxxFailImpl` built from a uni error the Rust library threw
    /// (`uni_error::uniffi::UniFfiError`) — its errSubject, errCode,
    /// errMsg, `data` and `cause` (a `SourceError` chain, aggregates as
    /// `UniAggregateError`) — or `null` when `error` is anything else.
    ///
    /// It imports `UniFfiErrorFields` from the plugin's native code: the
    /// classes of [`Declarations::native_kotlin`] and
    /// [`Declarations::native_swift`].
    ///
    /// The glue keeps the errMsg the Rust library wrote, in whatever
    /// language it wrote it, rather than picking from the per-language
    /// maps of [`Declarations::uts_unierror`]: those hold templates
    /// (`{name}` marks a value), errMsg holds the values. For a type with
    /// `#[locales]`, let the exported function take the app's language
    /// (`uni.getLocale()` on the UTS side) and return
    /// `Err(e.to_error_in(&locale))?`: the exception then carries errMsg,
    /// and each typed cause's message, in the best match.
    ///
    /// ```
    /// use uni_error::catalog::CatalogSet;
    /// use uni_error::UniError;
    ///
    /// #[derive(Debug, UniError)]
    /// #[subject("uni-exit")]
    /// #[errno(1_001)]
    /// #[msg("system not support")]
    /// struct ExitError;
    ///
    /// let glue = CatalogSet::new().with::<ExitError>().declarations().uts_native()?;
    /// assert!(glue.contains("export function toExitFail(error: any | null): ExitFailImpl | null {"));
    /// assert!(glue.contains("const fail = new ExitFailImpl(fields.errCode as ExitErrorCode)"));
    /// # Ok::<(), uni_error::catalog::DeclarationError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Declarations::uts_unierror`]: the glue builds its classes.
    pub fn uts_native(&self) -> Result<String, DeclarationError> {
        // The checks of the UTS files (one subject per type, names).
        self.uts_unierror()?;
        let groups = self.groups()?;
        let mut out = String::from(HEADER);
        let mut imports = Vec::new();
        for group in &groups {
            imports.push(group.names.code().to_owned());
        }
        let mut classes = Vec::new();
        for group in &groups {
            classes.push(group.names.fail_impl().to_owned());
        }
        let _ = write!(
            out,
            "\nimport {{ {} }} from \"./interface.uts\"\nimport {{ {} }} from \"./unierror.uts\"\n",
            imports.join(", "),
            classes.join(", ")
        );
        out.push_str(NATIVE_IMPORTS);
        for group in &groups {
            let names = &group.names;
            let (class, code) = (names.fail_impl(), names.code());
            let stem = class.strip_suffix("FailImpl").unwrap_or(class);
            out.push('\n');
            write_comment(
                &mut out,
                "",
                &[
                    format!(
                        "The `{}` of a uni error the Rust library threw (`UniFfiError`):",
                        names.interface()
                    ),
                    "its errSubject, errCode, errMsg, data and cause; `null` when `error`".to_owned(),
                    "is anything else:".to_owned(),
                    String::new(),
                    format!(
                        "try {{ ... }} catch (e) {{ const fail = to{stem}Fail(e); if (fail != null) options.fail?.(fail) }}"
                    ),
                ],
            );
            let _ = write!(
                out,
                "export function to{stem}Fail(error: any | null): {class} | null {{\n  \
                 const fields = UniFfiErrorFields.of(error)\n  \
                 if (fields == null) {{\n    return null\n  }}\n  \
                 const fail = new {class}(fields.errCode as {code})\n  \
                 fail.errSubject = fields.errSubject\n  \
                 fail.errMsg = fields.errMsg\n  \
                 const data = fields.dataJson\n  \
                 if (data != null) {{\n    fail.data = JSON.parse(data)\n  }}\n  \
                 fail.cause = uniFfiCause(fields.causeJson)\n  \
                 return fail\n}}\n"
            );
        }
        out.push_str(CAUSE_FUNCTIONS);
        Ok(out)
    }

    /// `utssdk/app-android/UniFfiErrorFields.kt`: reads a
    /// `UniFfiException.Uni` (the Kotlin class uniffi generates for
    /// `UniFfiError`) into a plain class UTS can use. `package` is the
    /// plugin's Kotlin package (`uts.sdk.modules.<pluginIdInCamelCase>`).
    ///
    /// ```
    /// use uni_error::catalog::Declarations;
    ///
    /// let kt = Declarations::native_kotlin("uts.sdk.modules.uniNfc");
    /// assert!(kt.contains("package uts.sdk.modules.uniNfc\n"));
    /// assert!(kt.contains("import uniffi.uni_error.UniFfiException\n"));
    /// ```
    pub fn native_kotlin(package: &str) -> String {
        format!("{}package {package}\n{KOTLIN_FIELDS}", HEADER)
    }

    /// `utssdk/app-ios/UniFfiErrorFields.swift`: reads a `UniFfiError`
    /// (the Swift enum uniffi generates) into a class UTS can use.
    ///
    /// ```
    /// use uni_error::catalog::Declarations;
    ///
    /// assert!(Declarations::native_swift().contains("public class UniFfiErrorFields"));
    /// ```
    pub fn native_swift() -> String {
        format!("{HEADER}{SWIFT_FIELDS}")
    }
}

/// Where `UniFfiErrorFields` comes from on each platform: the plugin's own
/// native sources (`utssdk/app-android/*.kt`, `utssdk/app-ios/*.swift`)
/// are visible to its UTS code without an import path.
const NATIVE_IMPORTS: &str = "
// `UniFfiErrorFields` is the plugin's own native class
// (utssdk/app-android/UniFfiErrorFields.kt, utssdk/app-ios/UniFfiErrorFields.swift).
";

/// The cause chain, from the JSON text of `cause`.
const CAUSE_FUNCTIONS: &str = r#"
/**
 * The `SourceError` chain of a uni error's `cause` JSON text: `message`,
 * `subject`, `code`, its own `cause`, and for an aggregate
 * `UniAggregateError` with `errors`.
 */
function uniFfiCause(json: string | null): SourceError | null {
  if (json == null) {
    return null
  }
  const node = JSON.parse(json)
  if (node == null) {
    return null
  }
  return uniFfiSource(node as UTSJSONObject)
}

function uniFfiSource(node: UTSJSONObject): SourceError {
  const members = node.getArray<UTSJSONObject>('errors')
  let source: SourceError
  if (members != null) {
    const errors: Array<SourceError> = []
    for (const member of members) {
      errors.push(uniFfiSource(member))
    }
    source = new UniAggregateError(errors)
  } else {
    source = new SourceError(node.getString('message') ?? '')
  }
  source.subject = node.getString('subject')
  source.code = node.getNumber('code')
  const cause = node.getJSON('cause')
  if (cause != null) {
    source.cause = uniFfiSource(cause)
  }
  return source
}
"#;

const KOTLIN_FIELDS: &str = r#"
import uniffi.uni_error.UniFfiException

/**
 * The fields of a uni error that the plugin's Rust library threw
 * (`uni_error::uniffi::UniFfiError`, `UniFfiException.Uni` in Kotlin), as a
 * class UTS reads. `dataJson` and `causeJson` are JSON text or null.
 */
class UniFfiErrorFields(
    val errSubject: String,
    val errCode: Number,
    val errMsg: String,
    val dataJson: String?,
    val causeJson: String?,
) {
    companion object {
        /** The fields of `error`, or null when it is not a uni error from Rust. */
        @JvmStatic
        fun of(error: Any?): UniFfiErrorFields? {
            if (error !is UniFfiException.Uni) {
                return null
            }
            return UniFfiErrorFields(error.errSubject, error.errCode, error.errMsg, error.dataJson, error.causeJson)
        }
    }
}
"#;

const SWIFT_FIELDS: &str = r#"
import Foundation

/// The fields of a uni error that the plugin's Rust library threw
/// (`uni_error::uniffi::UniFfiError`, the `UniFfiError` enum in Swift), as
/// a class UTS reads. `dataJson` and `causeJson` are JSON text or nil.
public class UniFfiErrorFields {
    public let errSubject: String
    public let errCode: NSNumber
    public let errMsg: String
    public let dataJson: String?
    public let causeJson: String?

    init(errSubject: String, errCode: Int64, errMsg: String, dataJson: String?, causeJson: String?) {
        self.errSubject = errSubject
        self.errCode = NSNumber(value: errCode)
        self.errMsg = errMsg
        self.dataJson = dataJson
        self.causeJson = causeJson
    }

    /// The fields of `error`, or nil when it is not a uni error from Rust.
    public static func of(_ error: Any?) -> UniFfiErrorFields? {
        guard let error = error as? UniFfiError else {
            return nil
        }
        switch error {
        case let .Uni(errSubject, errCode, errMsg, dataJson, causeJson, _):
            return UniFfiErrorFields(
                errSubject: errSubject, errCode: errCode, errMsg: errMsg,
                dataJson: dataJson, causeJson: causeJson)
        }
    }
}
"#;
