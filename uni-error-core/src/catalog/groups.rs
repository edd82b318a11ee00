//! The grouping of a set for the renderers: one group per type and
//! subject, with the codes it forwards, its names and its Impl shape; and
//! the check that no two declarations share a name by accident.

use super::names::{is_identifier, TypeNames};
use super::shape::FailImpl;
use super::{CatalogEntry, DeclarationError, Declarations, PassThrough, Platforms};
use crate::Platform;

/// The declarations of one type under one of its subjects: its rows, with
/// the names they are declared under.
pub(super) struct TypeGroup {
    pub type_name: &'static str,
    /// errSubject of the rows; `None` for a type whose every code is
    /// forwarded from another type (it has no subject of its own).
    pub subject: Option<&'static str>,
    pub names: TypeNames,
    pub entries: Vec<&'static CatalogEntry>,
    /// The codes the type's `#[msg(transparent)]` variants forward, with
    /// the variant (only in the type's first group): the errors the type
    /// really sends besides its own.
    pub forwarded: Vec<(&'static CatalogEntry, PassThrough)>,
    /// How the UTS Impl class is written.
    pub shape: FailImpl,
    /// True for the type's first subject (the one with the type's names).
    pub first: bool,
    /// False when an earlier group declares the same subject constant
    /// (one constant shared by several classes, as DCloud's websocket).
    pub owns_subject_const: bool,
}

impl TypeGroup {
    /// The type's name for doc comments, with the subject for a further
    /// subject of a type: `` `LoginError` (errSubject "uni-login::weixin") ``.
    pub fn label(&self) -> String {
        match self.subject {
            Some(s) if !self.first => format!("`{}` (errSubject {s:?})", self.type_name),
            _ => format!("`{}`", self.type_name),
        }
    }

    /// The subjects a failure of this group can carry: its own, then the
    /// forwarded ones, each once.
    pub fn subjects(&self) -> Vec<&'static str> {
        let mut subjects: Vec<&'static str> = self.subject.into_iter().collect();
        for (e, _) in &self.forwarded {
            if !subjects.contains(&e.subject()) {
                subjects.push(e.subject());
            }
        }
        subjects
    }

    /// The codes of the union: the group's own, then the forwarded ones
    /// not already in it, each once, with the transparent variant of a
    /// forwarded one.
    pub fn union(&self) -> Vec<(&'static CatalogEntry, Option<PassThrough>)> {
        let mut codes: Vec<(&'static CatalogEntry, Option<PassThrough>)> = Vec::new();
        let own = self.entries.iter().map(|&e| (e, None));
        let forwarded = self.forwarded.iter().map(|&(e, p)| (e, Some(p)));
        for (entry, via) in own.chain(forwarded) {
            if !codes.iter().any(|(e, _)| e.errno() == entry.errno()) {
                codes.push((entry, via));
            }
        }
        codes
    }

    /// The platforms the group's codes occur on: the listed ones, else the
    /// errno range's; every platform for a group without codes.
    pub fn platforms(&self) -> Platforms {
        let mut all = Platforms::NONE;
        for (entry, _) in self.union() {
            all = all
                | entry
                    .platforms()
                    .unwrap_or_else(|| range_platforms(entry.platform()));
        }
        if all.is_empty() {
            Platforms::ALL
        } else {
            all
        }
    }
}

/// The platforms an errno range names (a shared code occurs everywhere).
fn range_platforms(platform: Platform) -> Platforms {
    match platform {
        Platform::CrossPlatform => {
            Platforms::ANDROID | Platforms::IOS | Platforms::HARMONY | Platforms::WEB
        }
        Platform::Android => Platforms::ANDROID,
        Platform::Ios => Platforms::IOS,
        Platform::Web => Platforms::WEB,
        _ => Platforms::ALL,
    }
}

impl Declarations {
    /// The set's entries grouped by type and subject, in the order they
    /// first appear, after checking the set for clashes and every name for
    /// validity and uniqueness.
    pub(super) fn groups(&self) -> Result<Vec<TypeGroup>, DeclarationError> {
        self.set.check().map_err(DeclarationError::Clash)?;
        let mut groups: Vec<TypeGroup> = Vec::new();
        let new_group =
            |type_name: &'static str, subject: Option<&'static str>, first: bool| TypeGroup {
                type_name,
                subject,
                names: match subject {
                    Some(s) if !first => TypeNames::for_subject(type_name, s),
                    _ => TypeNames::for_type(type_name),
                },
                entries: Vec::new(),
                forwarded: Vec::new(),
                shape: FailImpl::new(),
                first,
                owns_subject_const: true,
            };
        for &entry in self.set.entries() {
            let (t, s) = (entry.type_name(), entry.subject());
            let i = match groups
                .iter()
                .position(|g| g.type_name == t && g.subject.is_none_or(|gs| gs == s))
            {
                Some(i) => i,
                None => {
                    let first = !groups.iter().any(|g| g.type_name == t);
                    groups.push(new_group(t, Some(s), first));
                    groups.len() - 1
                }
            };
            groups[i].subject = Some(s);
            groups[i].entries.push(entry);
        }
        for &(outer, entry) in self.set.forwards() {
            let i = match groups.iter().position(|g| g.type_name == outer.type_name()) {
                Some(i) => i,
                None => {
                    groups.push(new_group(outer.type_name(), None, true));
                    groups.len() - 1
                }
            };
            groups[i].forwarded.push((entry, outer));
        }
        for (type_name, subject, names) in &self.renames {
            let group = groups
                .iter_mut()
                .find(|g| {
                    g.type_name == type_name
                        && subject.as_deref().is_none_or(|s| g.subject == Some(s))
                })
                .ok_or_else(|| match subject {
                    None => DeclarationError::UnknownType(type_name.clone()),
                    Some(s) => DeclarationError::UnknownType(format!("{type_name} (subject {s})")),
                })?;
            group.names = names.clone();
        }
        for (type_name, shape) in &self.shapes {
            let mut found = false;
            for g in groups.iter_mut().filter(|g| g.type_name == type_name) {
                g.shape = shape.clone();
                found = true;
            }
            if !found {
                return Err(DeclarationError::UnknownType(type_name.clone()));
            }
        }
        check_names(&mut groups)?;
        Ok(groups)
    }
}

/// Every name valid, and no name declared twice, except where DCloud does
/// so on purpose: the interface itself as the Fail type, and one subject
/// constant shared by several classes of the same subject.
fn check_names(groups: &mut [TypeGroup]) -> Result<(), DeclarationError> {
    // (name, group index, role)
    let mut declared: Vec<(&str, usize, &'static str)> = Vec::new();
    let mut shared: Vec<usize> = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        for (name, role) in group.names.all().into_iter().zip(TypeNames::ROLES) {
            if !is_identifier(name) {
                return Err(DeclarationError::InvalidName {
                    type_name: group.type_name.to_owned(),
                    name: name.to_owned(),
                });
            }
            let Some(&(_, j, first_role)) = declared.iter().find(|(n, _, _)| *n == name) else {
                declared.push((name, i, role));
                continue;
            };
            let other = &groups[j];
            if j == i && (first_role, role) == (TypeNames::ROLES[2], TypeNames::ROLES[3]) {
                // `export interface XxxFail`: the interface is the Fail type.
                continue;
            }
            if (first_role, role) == (TypeNames::ROLES[4], TypeNames::ROLES[4])
                && other.subject == group.subject
            {
                shared.push(i);
                continue;
            }
            return Err(if other.type_name == group.type_name {
                DeclarationError::NameTwice {
                    type_name: group.type_name.to_owned(),
                    name: name.to_owned(),
                    roles: [first_role, role],
                }
            } else {
                DeclarationError::DuplicateName {
                    name: name.to_owned(),
                    first: other.type_name.to_owned(),
                    second: group.type_name.to_owned(),
                }
            });
        }
    }
    for i in shared {
        groups[i].owns_subject_const = false;
    }
    Ok(())
}
