//! The options of the declaration renderers: per-type names and where
//! `IUniError` comes from; the grouping of a set by type.

use core::fmt;

use super::shape::FailImpl;
use super::{CatalogError, CatalogSet};

/// The module `.d.ts` output imports `IUniError` from by default: the one
/// declaration file of `@dcloudio/uni-app-x` that plain `tsc` reads (the
/// package as a whole needs HBuilderX's platform types).
pub(super) const DEFAULT_IUNI_ERROR_MODULE: &str = "@dcloudio/uni-app-x/types/native/IUniError";

/// The names one error type gets in TypeScript and UTS.
///
/// They follow DCloud's plugins: a type `LoginError` (stem `Login`, the name
/// without a trailing `Error`) gets `LoginErrorCode`, `LoginErrorSubject`,
/// `ILoginError`, `LoginFail`, `LoginUniErrorSubject`, `LoginUniErrors` and
/// `LoginFailImpl`. Change one name with its setter, or all of them with
/// [`TypeNames::from_stem`].
///
/// ```
/// use uni_error::catalog::TypeNames;
///
/// let names = TypeNames::for_type("LoginError");
/// assert_eq!(names.code(), "LoginErrorCode");
/// assert_eq!(names.interface(), "ILoginError");
/// assert_eq!(names.errors(), "LoginUniErrors");
/// assert_eq!(names.fail_impl(), "LoginFailImpl");
/// assert_eq!(names.subject_const(), "LoginUniErrorSubject");
///
/// let names = TypeNames::from_stem("Exit").with_fail("ExitFailure");
/// assert_eq!(names.code(), "ExitErrorCode");
/// assert_eq!(names.fail(), "ExitFailure");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeNames {
    code: String,
    subject: String,
    interface: String,
    fail: String,
    subject_const: String,
    errors: String,
    fail_impl: String,
}

macro_rules! name_accessors {
    ($($(#[$doc:meta])* $field:ident;)*) => {
        $(
            $(#[$doc])*
            pub fn $field(&self) -> &str {
                &self.$field
            }
        )*
    };
}

macro_rules! name_setters {
    ($($(#[$doc:meta])* $field:ident => $setter:ident;)*) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $setter(mut self, name: impl Into<String>) -> Self {
                self.$field = name.into();
                self
            }
        )*
    };
}

impl TypeNames {
    /// The names of a type called `type_name`: its stem is the name without
    /// a trailing `Error` (`LoginError` → `Login`), or the whole name.
    pub fn for_type(type_name: &str) -> Self {
        let stem = type_name.strip_suffix("Error").unwrap_or(type_name);
        TypeNames::from_stem(if stem.is_empty() { type_name } else { stem })
    }

    /// The names of the variants of `type_name` that have `subject` (a
    /// per-variant `#[subject]` other than the type's first): the stem is
    /// the type's followed by the subject's last `::` level in PascalCase
    /// (`LoginError` with `uni-login::weixin` → `LoginWeixin`), or, for a
    /// subject of one level, that subject without `uni-` in PascalCase
    /// (`uni-AppleIAPRestore` → `AppleIAPRestore`, as DCloud names it).
    ///
    /// ```
    /// use uni_error::catalog::TypeNames;
    ///
    /// let names = TypeNames::for_subject("LoginError", "uni-login::weixin");
    /// assert_eq!(names.interface(), "ILoginWeixinError");
    /// let names = TypeNames::for_subject("PaymentError", "uni-AppleIAPRestore");
    /// assert_eq!(names.fail_impl(), "AppleIAPRestoreFailImpl");
    /// ```
    pub fn for_subject(type_name: &str, subject: &str) -> Self {
        let pascal = |s: &str| -> String {
            s.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                        .unwrap_or_default()
                })
                .collect()
        };
        let stem = match subject.rsplit_once("::") {
            Some((_, last)) => {
                let ty = TypeNames::for_type(type_name);
                let base = ty
                    .code
                    .strip_suffix("ErrorCode")
                    .unwrap_or(type_name)
                    .to_owned();
                base + &pascal(last)
            }
            None => pascal(subject.strip_prefix("uni-").unwrap_or(subject)),
        };
        TypeNames::from_stem(&stem)
    }

    /// Every name built from `stem`: `{stem}ErrorCode`, `I{stem}Error`, ….
    pub fn from_stem(stem: &str) -> Self {
        TypeNames {
            code: format!("{stem}ErrorCode"),
            subject: format!("{stem}ErrorSubject"),
            interface: format!("I{stem}Error"),
            fail: format!("{stem}Fail"),
            subject_const: format!("{stem}UniErrorSubject"),
            errors: format!("{stem}UniErrors"),
            fail_impl: format!("{stem}FailImpl"),
        }
    }

    name_accessors! {
        /// The union of codes, `LoginErrorCode`.
        code;
        /// The union of subjects (TypeScript), `LoginErrorSubject`.
        subject;
        /// The failure interface, `ILoginError`.
        interface;
        /// The alias of the interface, `LoginFail`.
        fail;
        /// The subject constant (UTS), `LoginUniErrorSubject`.
        subject_const;
        /// The code → message map (UTS), `LoginUniErrors`.
        errors;
        /// The class implementing the interface (UTS), `LoginFailImpl`.
        fail_impl;
    }

    name_setters! {
        /// Sets [`code`](Self::code).
        code => with_code;
        /// Sets [`subject`](Self::subject).
        subject => with_subject;
        /// Sets [`interface`](Self::interface).
        interface => with_interface;
        /// Sets [`fail`](Self::fail).
        fail => with_fail;
        /// Sets [`subject_const`](Self::subject_const).
        subject_const => with_subject_const;
        /// Sets [`errors`](Self::errors).
        errors => with_errors;
        /// Sets [`fail_impl`](Self::fail_impl).
        fail_impl => with_fail_impl;
    }

    /// What each name of [`all`](Self::all) names, for messages.
    pub(super) const ROLES: [&'static str; 7] = [
        "code union",
        "subject type",
        "interface",
        "Fail type",
        "subject constant",
        "message map",
        "Impl class",
    ];

    /// Every name with its role, in a fixed order.
    pub(super) fn all(&self) -> [&str; 7] {
        [
            &self.code,
            &self.subject,
            &self.interface,
            &self.fail,
            &self.subject_const,
            &self.errors,
            &self.fail_impl,
        ]
    }
}

/// The TypeScript and UTS renderers of a [`CatalogSet`], with their options.
/// Made by [`CatalogSet::declarations`].
///
/// Each type is declared once per errSubject it uses, in DCloud's shape for
/// a module with several subjects (`uni-virtualPayment` declares a code
/// union, an interface, a subject constant, a map and an Impl per subject):
/// the type's first subject gets the names of [`TypeNames::for_type`], each
/// further one [`TypeNames::for_subject`] (change them with
/// [`rename`](Self::rename) and [`rename_subject`](Self::rename_subject)).
///
/// ```
/// use uni_error::catalog::{CatalogSet, TypeNames};
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-exit")]
/// #[errno(category = 0, sub = 1)]
/// enum AppExit {
///     /// The system does not support it.
///     #[errno(code = 1)]
///     #[msg("system not support")]
///     Unsupported,
/// }
///
/// let set = CatalogSet::new().with::<AppExit>();
/// let ts = set
///     .declarations()
///     .rename("AppExit", TypeNames::from_stem("Exit"))
///     .typescript()?;
/// assert!(ts.contains("export type ExitErrorCode =\n"));
/// assert!(ts.contains("export interface IExitError extends IUniError {\n"));
/// # Ok::<(), uni_error::catalog::DeclarationError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Declarations {
    pub(super) set: CatalogSet,
    pub(super) renames: Vec<(String, Option<String>, TypeNames)>,
    pub(super) shapes: Vec<(String, FailImpl)>,
    pub(super) iuni_error_module: Option<String>,
}

impl CatalogSet {
    /// The TypeScript and UTS renderers of this set (a copy of its entry
    /// list); see [`Declarations`].
    pub fn declarations(&self) -> Declarations {
        Declarations {
            set: self.clone(),
            renames: Vec::new(),
            shapes: Vec::new(),
            iuni_error_module: Some(DEFAULT_IUNI_ERROR_MODULE.to_owned()),
        }
    }
}

impl Declarations {
    /// Names the declarations of the type called `type_name` (as written in
    /// Rust, `LoginError`) with `names` instead of [`TypeNames::for_type`]
    /// (for a type with several subjects: its first subject's).
    #[must_use]
    pub fn rename(mut self, type_name: &str, names: TypeNames) -> Self {
        self.renames
            .retain(|(t, s, _)| t != type_name || s.is_some());
        self.renames.push((type_name.to_owned(), None, names));
        self
    }

    /// Names the declarations of `type_name`'s variants under `subject`
    /// (a per-variant `#[subject]`) with `names` instead of
    /// [`TypeNames::for_subject`].
    #[must_use]
    pub fn rename_subject(mut self, type_name: &str, subject: &str, names: TypeNames) -> Self {
        self.renames
            .retain(|(t, s, _)| t != type_name || s.as_deref() != Some(subject));
        self.renames
            .push((type_name.to_owned(), Some(subject.to_owned()), names));
        self
    }

    /// Writes the UTS Impl class of `type_name` (every subject of it) as
    /// `shape` says: a run-time detail for errMsg, where `override errCode`
    /// goes.
    #[must_use]
    pub fn fail_impl(mut self, type_name: &str, shape: FailImpl) -> Self {
        self.shapes.retain(|(t, _)| t != type_name);
        self.shapes.push((type_name.to_owned(), shape));
        self
    }

    /// Where the `.d.ts` imports `IUniError` from; by default
    /// `"@dcloudio/uni-app-x/types/native/IUniError"`, the one declaration
    /// file of `@dcloudio/uni-app-x` plain `tsc` can read. `None` imports
    /// nothing and uses the global `IUniError` that a uni-app x project
    /// (HBuilderX) declares.
    #[must_use]
    pub fn iuni_error_from(mut self, module: Option<&str>) -> Self {
        self.iuni_error_module = module.map(str::to_owned);
        self
    }
}

/// Why declarations could not be rendered.
///
/// ```
/// use uni_error::catalog::{CatalogSet, DeclarationError, TypeNames};
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-a")]
/// #[errno(1_001)]
/// #[msg("a")]
/// struct Login;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-b")]
/// #[errno(1_002)]
/// #[msg("b")]
/// struct LoginError;
///
/// // Both have the stem `Login`.
/// let set = CatalogSet::new().with::<Login>().with::<LoginError>();
/// let err = set.declarations().typescript().unwrap_err();
/// assert!(matches!(err, DeclarationError::DuplicateName { .. }));
///
/// let renamed = set.declarations().rename("Login", TypeNames::from_stem("LoginProbe"));
/// assert!(renamed.typescript().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeclarationError {
    /// Two entries share a subject and an errno.
    Clash(CatalogError),
    /// A name is not a TypeScript identifier.
    InvalidName {
        /// The Rust type the name is for.
        type_name: String,
        /// The name.
        name: String,
    },
    /// Two types would declare the same name.
    DuplicateName {
        /// The name.
        name: String,
        /// The type that declares it first.
        first: String,
        /// The other type.
        second: String,
    },
    /// One type would declare one name for two things (its code union
    /// and its interface, say). The interface and the Fail type may share
    /// a name (then the interface is the Fail type, as DCloud's
    /// `GetBatteryInfoFail`).
    NameTwice {
        /// The Rust type.
        type_name: String,
        /// The name.
        name: String,
        /// What it would name, in the order of [`TypeNames`]' fields.
        roles: [&'static str; 2],
    },
    /// [`Declarations::rename`] (or `rename_subject`, `fail_impl`) names a
    /// type that is not in the set.
    UnknownType(String),
}

impl fmt::Display for DeclarationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeclarationError::Clash(e) => e.fmt(f),
            DeclarationError::InvalidName { type_name, name } => write!(
                f,
                "`{name}` (a declaration name of {type_name}) is not a TypeScript identifier"
            ),
            DeclarationError::DuplicateName {
                name,
                first,
                second,
            } => write!(
                f,
                "{first} and {second} would both declare `{name}`: rename one with Declarations::rename"
            ),
            DeclarationError::NameTwice {
                type_name,
                name,
                roles: [a, b],
            } => write!(
                f,
                "{type_name} would declare `{name}` twice, as its {a} and as its {b}: give one \
                 another name with Declarations::rename"
            ),
            DeclarationError::UnknownType(t) => {
                write!(f, "Declarations names `{t}`, which is not in the set")
            }
        }
    }
}

impl std::error::Error for DeclarationError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DeclarationError::Clash(e) => Some(e),
            _ => None,
        }
    }
}

/// A TypeScript (and UTS) identifier: ASCII letters, digits, `_` and `$`,
/// not starting with a digit. (Rust type names outside ASCII are valid in
/// TypeScript too, but not in every UTS target; rename those.)
pub(super) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}
