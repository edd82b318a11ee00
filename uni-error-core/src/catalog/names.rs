//! The options of the declaration renderers: per-type names and where
//! `IUniError` comes from; the grouping of a set by type.

use core::fmt;

use super::{CatalogEntry, CatalogError, CatalogSet};

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

    /// Every name with its role, in a fixed order.
    fn all(&self) -> [&str; 7] {
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
    set: CatalogSet,
    renames: Vec<(String, TypeNames)>,
    pub(super) iuni_error_module: Option<String>,
}

impl CatalogSet {
    /// The TypeScript and UTS renderers of this set (a copy of its entry
    /// list); see [`Declarations`].
    pub fn declarations(&self) -> Declarations {
        Declarations {
            set: self.clone(),
            renames: Vec::new(),
            iuni_error_module: Some(DEFAULT_IUNI_ERROR_MODULE.to_owned()),
        }
    }
}

/// The entries of one type, with its names.
pub(super) struct TypeGroup {
    pub type_name: &'static str,
    pub names: TypeNames,
    pub entries: Vec<&'static CatalogEntry>,
}

impl TypeGroup {
    /// The subjects of the entries, in the order they first appear.
    pub fn subjects(&self) -> Vec<&'static str> {
        let mut subjects: Vec<&'static str> = Vec::new();
        for e in &self.entries {
            if !subjects.contains(&e.subject()) {
                subjects.push(e.subject());
            }
        }
        subjects
    }
}

impl Declarations {
    /// Names the declarations of the type called `type_name` (as written in
    /// Rust, `LoginError`) with `names` instead of [`TypeNames::for_type`].
    #[must_use]
    pub fn rename(mut self, type_name: &str, names: TypeNames) -> Self {
        self.renames.retain(|(t, _)| t != type_name);
        self.renames.push((type_name.to_owned(), names));
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

    /// The set's entries grouped by type, in the order the types were added
    /// (each type's entries in declaration order), after checking the set
    /// for clashes and every name for validity and uniqueness.
    pub(super) fn groups(&self) -> Result<Vec<TypeGroup>, DeclarationError> {
        self.set.check().map_err(DeclarationError::Clash)?;
        let mut groups: Vec<TypeGroup> = Vec::new();
        for &entry in self.set.entries() {
            match groups.iter_mut().find(|g| g.type_name == entry.type_name()) {
                Some(group) => group.entries.push(entry),
                None => groups.push(TypeGroup {
                    type_name: entry.type_name(),
                    names: TypeNames::for_type(entry.type_name()),
                    entries: vec![entry],
                }),
            }
        }
        for (type_name, names) in &self.renames {
            let group = groups
                .iter_mut()
                .find(|g| g.type_name == type_name)
                .ok_or_else(|| DeclarationError::UnknownType(type_name.clone()))?;
            group.names = names.clone();
        }
        let mut declared: Vec<(&str, &str)> = Vec::new();
        for group in &groups {
            for name in group.names.all() {
                if !is_identifier(name) {
                    return Err(DeclarationError::InvalidName {
                        type_name: group.type_name.to_owned(),
                        name: name.to_owned(),
                    });
                }
                if let Some((_, first)) = declared.iter().find(|(n, _)| *n == name) {
                    return Err(DeclarationError::DuplicateName {
                        name: name.to_owned(),
                        first: (*first).to_owned(),
                        second: group.type_name.to_owned(),
                    });
                }
                declared.push((name, group.type_name));
            }
        }
        Ok(groups)
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
    /// [`Declarations::rename`] names a type that is not in the set.
    UnknownType(String),
    /// UTS output keeps DCloud's one subject per module: a type whose
    /// variants use several subjects has no single `XxxUniErrorSubject`.
    SeveralSubjects {
        /// The Rust type.
        type_name: String,
        /// Its subjects, in the order they first appear.
        subjects: Vec<String>,
    },
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
            DeclarationError::UnknownType(t) => {
                write!(f, "Declarations::rename names `{t}`, which is not in the set")
            }
            DeclarationError::SeveralSubjects {
                type_name,
                subjects,
            } => write!(
                f,
                "{type_name} uses several subjects ({}); UTS declarations have one subject per type: \
                 split it into one type per subject",
                subjects.join(", ")
            ),
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
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}
