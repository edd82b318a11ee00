//! Where a code occurs: the platforms a variant lists with
//! `#[platforms(..)]`, DCloud's `@uniPlatform`.

use core::fmt;

/// The platforms an error code occurs on, as listed by
/// `#[platforms(android, ios, harmony, web, mp)]` (or
/// `#[uni(platforms(..))]`) on a variant or on the type.
///
/// DCloud documents each code with an `@uniPlatform` block; the 6xx–9xx
/// range of an errno (`#[errno(.., platform = "..")]`) names one platform
/// at most, and DCloud's own codes do not always follow it (payment's
/// 700800 is in the iOS range and occurs on Android and iOS). The list is
/// the fact the declarations print; the range rule is still checked where
/// `platform = ".."` is given.
///
/// ```
/// use uni_error::catalog::{Catalog, Platforms};
/// use uni_error::UniError;
///
/// #[derive(Debug, UniError)]
/// #[subject("uni-requestPayment")]
/// #[errno(category = 7, sub = 0)]
/// #[platforms(android, ios, harmony)]
/// enum PaymentError {
///     #[errno(code = 600)]
///     #[msg("The payment result is unknown.")]
///     Unknown,
///     #[errno(code = 800)]
///     #[platforms(android, ios)]
///     #[msg("URL Scheme is not configured.")]
///     NoScheme,
/// }
///
/// let [unknown, scheme] = PaymentError::CATALOG else { unreachable!() };
/// assert_eq!(unknown.platforms(), Some(Platforms::ANDROID | Platforms::IOS | Platforms::HARMONY));
/// assert_eq!(scheme.platforms().unwrap().to_string(), "android, ios");
/// assert!(!scheme.platforms().unwrap().contains(Platforms::WEB));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Platforms(u8);

impl Platforms {
    /// No platform.
    pub const NONE: Platforms = Platforms(0);
    /// App on Android (`app-android`).
    pub const ANDROID: Platforms = Platforms(1);
    /// App on iOS (`app-ios`).
    pub const IOS: Platforms = Platforms(1 << 1);
    /// App on HarmonyOS (`app-harmony`).
    pub const HARMONY: Platforms = Platforms(1 << 2);
    /// Web (H5).
    pub const WEB: Platforms = Platforms(1 << 3);
    /// Mini-programs (`mp`).
    pub const MP: Platforms = Platforms(1 << 4);
    /// Every platform.
    pub const ALL: Platforms = Platforms(0b1_1111);

    /// Every platform with its attribute name, in DCloud's order.
    pub const NAMED: [(Platforms, &'static str); 5] = [
        (Platforms::ANDROID, "android"),
        (Platforms::IOS, "ios"),
        (Platforms::HARMONY, "harmony"),
        (Platforms::WEB, "web"),
        (Platforms::MP, "mp"),
    ];

    /// The set of the bits in `bits` (others are ignored).
    pub const fn from_bits(bits: u8) -> Platforms {
        Platforms(bits & Platforms::ALL.0)
    }

    /// The bits of the set.
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// True when every platform of `other` is in the set.
    pub const fn contains(self, other: Platforms) -> bool {
        self.0 & other.0 == other.0
    }

    /// True for the empty set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Both sets.
    #[must_use]
    pub const fn union(self, other: Platforms) -> Platforms {
        Platforms(self.0 | other.0)
    }

    /// The platforms of both sets.
    #[must_use]
    pub const fn intersection(self, other: Platforms) -> Platforms {
        Platforms(self.0 & other.0)
    }

    /// The attribute names of the set's platforms, in DCloud's order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Platforms::NAMED
            .into_iter()
            .filter(move |(p, _)| self.contains(*p))
            .map(|(_, name)| name)
    }
}

impl core::ops::BitOr for Platforms {
    type Output = Platforms;
    fn bitor(self, rhs: Platforms) -> Platforms {
        self.union(rhs)
    }
}

impl fmt::Display for Platforms {
    /// The names joined with `", "` (`android, ios`); empty for none.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, name) in self.names().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Platforms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Platforms({self})")
    }
}
