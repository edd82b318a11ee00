//! The errnos WeChat documents, and the names of their categories.
//!
//! # Where the data comes from
//!
//! The table is the one on WeChat's public "Errno错误码" page for Mini Programs
//! (`developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html`),
//! as captured in mid-2026 from two unrelated complete copies of the Chinese page
//! that agree on all 295 codes. The data ships in the package as
//! `data/wechat-errno.tsv` and `data/wechat-errno-categories.tsv`;
//! `scripts/gen-well-known.py` turns it into the static table this module
//! searches. The live page may have changed since it was captured.
//!
//! Texts are the page's own, typos included ("canel", "pperator", "alreay",
//! "excced", …), so that they match what WeChat actually reports.
//!
//! # Where it is incomplete
//!
//! - 12 codes have no errMsg on the page (1107001, 1107002, 1500102–1500104,
//!   1504001, 1505040, 1509001–1509005): [`WellKnown::err_msg`] is `None`.
//! - 6 codes have no meaning on the page (700000, 701000–701002, 1505000,
//!   1509000): [`WellKnown::meaning_zh`] is `None`.
//! - The page's category tree does not name every class its codes use. The
//!   first-level class 05 has no name, and neither do the second-level classes
//!   01/01, 01/02, 05/00, 05/05, 05/10, 06/05, 07/02, 07/03, 11/03, 14/00, 14/02,
//!   14/20, 14/21, 15/17 and 20/00: [`Errno::category_name`] and
//!   [`Errno::sub_name`] return `None` for them. The class 06/04 (上传, upload)
//!   is named but has no codes.
//! - Codes below 10 000 (0–1036) are filed by the page under "00 通用错误码"
//!   as a whole, with no second-level class, although e.g. `1001` has digits
//!   that read as sub-category 01; the name lookups follow the page.
//! - The Chinese names are the page's; the English names in [`CategoryName::en`]
//!   are this project's own translation (the English page's category list
//!   could not be retrieved).

use crate::Errno;

mod table;

use table::{CATEGORIES, WELL_KNOWN};

/// One errno from WeChat's public errno table: the code, its errMsg and its
/// Chinese meaning (含义), as the page gives them, typos included.
///
/// Get one with [`Errno::well_known`], or all of them with
/// [`well_known_errnos`]. The page leaves errMsg blank for 12 codes and the
/// meaning blank for 6; those are `None`.
///
/// ```
/// use uni_error::Errno;
///
/// let timeout = Errno::TIMEOUT.well_known().unwrap();
/// assert_eq!(timeout.errno(), Errno::TIMEOUT);
/// assert_eq!(timeout.err_msg(), Some("time out"));
/// assert_eq!(timeout.meaning_zh(), Some("接口超时"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WellKnown {
    errno: Errno,
    err_msg: Option<&'static str>,
    meaning_zh: Option<&'static str>,
}

impl WellKnown {
    /// A table row; `errno` is checked when the table is compiled.
    const fn row(
        errno: u32,
        err_msg: Option<&'static str>,
        meaning_zh: Option<&'static str>,
    ) -> WellKnown {
        let errno = match Errno::from_u32(errno) {
            Ok(e) => e,
            Err(_) => panic!("well-known errno out of range"),
        };
        WellKnown {
            errno,
            err_msg,
            meaning_zh,
        }
    }

    /// The code.
    ///
    /// ```
    /// let first = uni_error::well_known::well_known_errnos()[0];
    /// assert_eq!(first.errno().get(), 0);
    /// ```
    pub const fn errno(&self) -> Errno {
        self.errno
    }

    /// The page's errMsg column, e.g. `"system NFC switch not opened"`, or
    /// `None` where the page leaves it blank. This is the reason part of a
    /// WeChat errMsg (`"<api>:fail <reason>"`), not the whole message.
    ///
    /// ```
    /// use uni_error::Errno;
    ///
    /// let nfc_off = Errno::new(15, 4, 3)?.well_known().unwrap();
    /// assert_eq!(nfc_off.err_msg(), Some("system NFC switch not opened"));
    ///
    /// // The page gives no errMsg for 1500102 (Bluetooth adapter unavailable).
    /// let bt = Errno::from_u32(1_500_102)?.well_known().unwrap();
    /// assert_eq!(bt.err_msg(), None);
    /// # Ok::<(), uni_error::ErrnoError>(())
    /// ```
    pub const fn err_msg(&self) -> Option<&'static str> {
        self.err_msg
    }

    /// The page's Chinese meaning (含义) column, or `None` where the page
    /// leaves it blank. Links on the page are reduced to their visible text.
    ///
    /// ```
    /// use uni_error::Errno;
    ///
    /// let bt = Errno::from_u32(1_500_102)?.well_known().unwrap();
    /// assert_eq!(bt.meaning_zh(), Some("当前蓝牙适配器不可用"));
    ///
    /// // The page gives no meaning for 700000 ("unknown payment error").
    /// let pay = Errno::from_u32(700_000)?.well_known().unwrap();
    /// assert_eq!(pay.meaning_zh(), None);
    /// # Ok::<(), uni_error::ErrnoError>(())
    /// ```
    pub const fn meaning_zh(&self) -> Option<&'static str> {
        self.meaning_zh
    }
}

/// The name of an errno category in WeChat's category tree.
///
/// `zh` is the page's own text; `en` is **this project's translation**, not
/// WeChat's (the English page's category list could not be retrieved).
///
/// ```
/// use uni_error::well_known::CategoryName;
/// use uni_error::Errno;
///
/// let nfc = Errno::new(15, 4, 3)?;
/// assert_eq!(nfc.category_name(), Some(CategoryName { zh: "设备", en: "Device" }));
/// assert_eq!(nfc.sub_name().map(|n| n.en), Some("NFC"));
/// # Ok::<(), uni_error::ErrnoError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryName {
    /// The page's name, e.g. `"低功耗蓝牙"`.
    pub zh: &'static str,
    /// Our English translation of `zh`, e.g. `"Bluetooth Low Energy"`.
    pub en: &'static str,
}

/// Every errno in WeChat's public errno table (295 codes), sorted by errno.
///
/// See [`WellKnown`] for what a row holds. The table is the Mini Program page
/// "Errno错误码" as captured in mid-2026; the page leaves errMsg blank for 12
/// codes and the meaning blank for 6.
///
/// ```
/// use uni_error::well_known::well_known_errnos;
///
/// let all = well_known_errnos();
/// assert_eq!(all.len(), 295);
/// assert!(all.windows(2).all(|w| w[0].errno() < w[1].errno()));
/// let bluetooth = all.iter().filter(|w| w.errno().sub_name().map(|n| n.zh) == Some("蓝牙"));
/// assert_eq!(bluetooth.count(), 2);
/// ```
pub fn well_known_errnos() -> &'static [WellKnown] {
    &WELL_KNOWN
}

/// The `(category, sub)` the page files an errno under: its digits, except
/// that codes below 10 000 are all "00 通用错误码" with sub-class 00.
fn page_class(errno: Errno) -> (u8, u8) {
    if errno.get() < 10_000 {
        (0, 0)
    } else {
        (errno.category(), errno.sub())
    }
}

fn category_lookup(category: u8, sub: Option<u8>) -> Option<CategoryName> {
    CATEGORIES
        .binary_search_by_key(&(category, sub), |&(c, s, _, _)| (c, s))
        .ok()
        .map(|i| CategoryName {
            zh: CATEGORIES[i].2,
            en: CATEGORIES[i].3,
        })
}

impl Errno {
    /// This errno's row in WeChat's public errno table, or `None` if the page
    /// does not list it. A binary search over [`well_known_errnos`].
    ///
    /// ```
    /// use uni_error::Errno;
    ///
    /// let row = Errno::from_u32(1_504_003)?.well_known().unwrap();
    /// assert_eq!(row.meaning_zh(), Some("系统NFC开关未打开"));
    /// assert_eq!(Errno::from_u32(2)?.well_known(), None);
    /// assert_eq!(Errno::new(14, 16, 601)?.well_known(), None);
    /// # Ok::<(), uni_error::ErrnoError>(())
    /// ```
    pub fn well_known(self) -> Option<&'static WellKnown> {
        WELL_KNOWN
            .binary_search_by_key(&self, |w| w.errno)
            .ok()
            .map(|i| &WELL_KNOWN[i])
    }

    /// The name of this errno's first-level class ([`category`](Errno::category))
    /// in WeChat's category tree, or `None` where the tree does not name it
    /// (class 05, and any class the page does not use).
    ///
    /// Works for any errno, listed or not: it reads the digits only. Codes
    /// below 100 000 are class 00, "通用错误码".
    ///
    /// ```
    /// use uni_error::well_known::CategoryName;
    /// use uni_error::Errno;
    ///
    /// let device = CategoryName { zh: "设备", en: "Device" };
    /// assert_eq!(Errno::from_u32(1_504_003)?.category_name(), Some(device));
    /// assert_eq!(Errno::TIMEOUT.category_name().map(|n| n.zh), Some("通用错误码"));
    /// assert_eq!(Errno::from_u32(500_001)?.category_name(), None); // 05 is unnamed
    /// # Ok::<(), uni_error::ErrnoError>(())
    /// ```
    pub fn category_name(self) -> Option<CategoryName> {
        category_lookup(page_class(self).0, None)
    }

    /// The name of this errno's second-level class
    /// ([`category`](Errno::category), [`sub`](Errno::sub)) in WeChat's
    /// category tree, or `None` where the tree does not name it.
    ///
    /// Works for any errno, listed or not: it reads the digits only. Codes
    /// below 10 000 (WeChat's 0–1036) follow the page, which files them all
    /// under "00 通用错误码" with no second-level class, so they give `None`
    /// even where [`sub`](Errno::sub) is not 0 (`1001`'s is 1). The tree also
    /// leaves some used classes unnamed, e.g. 07/02 (702001–702008).
    ///
    /// ```
    /// use uni_error::Errno;
    ///
    /// let nfc = Errno::from_u32(1_504_003)?.sub_name().unwrap();
    /// assert_eq!((nfc.zh, nfc.en), ("NFC", "NFC"));
    /// assert_eq!(Errno::from_u32(1_509_001)?.sub_name().map(|n| n.zh), Some("低功耗蓝牙"));
    /// assert_eq!(Errno::from_u32(1_001)?.sub_name(), None);
    /// assert_eq!(Errno::from_u32(702_001)?.sub_name(), None);
    /// # Ok::<(), uni_error::ErrnoError>(())
    /// ```
    pub fn sub_name(self) -> Option<CategoryName> {
        let (category, sub) = page_class(self);
        category_lookup(category, Some(sub))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ERRNO_TSV: &str = include_str!("../../data/wechat-errno.tsv");
    const CATEGORIES_TSV: &str = include_str!("../../data/wechat-errno-categories.tsv");

    /// Rows of a TSV file after its header, which must be `header`.
    fn rows<'a>(tsv: &'a str, header: &str) -> Vec<Vec<&'a str>> {
        let body = tsv.strip_suffix('\n').expect("final newline");
        let mut lines = body.split('\n');
        assert_eq!(lines.next(), Some(header));
        lines.map(|l| l.split('\t').collect()).collect()
    }

    fn opt(s: &str) -> Option<&str> {
        (!s.is_empty()).then_some(s)
    }

    fn two_digits(s: &str) -> u8 {
        assert_eq!(s.len(), 2, "{s:?}");
        s.parse().unwrap()
    }

    #[test]
    fn table_matches_the_tsv_row_for_row() {
        let rows = rows(
            ERRNO_TSV,
            "errno\terrMsg\tmeaning_zh\tcategory\tsubcategory",
        );
        assert_eq!(rows.len(), 295);
        assert_eq!(rows.len(), WELL_KNOWN.len());
        for (row, wk) in rows.iter().zip(well_known_errnos()) {
            let [errno, msg, meaning, cat, sub] = row[..] else {
                panic!("row {row:?} does not have 5 fields");
            };
            let errno: u32 = errno.parse().unwrap();
            assert_eq!(wk.errno().get(), errno);
            assert_eq!(wk.err_msg(), opt(msg), "errMsg of {errno}");
            assert_eq!(wk.meaning_zh(), opt(meaning), "meaning of {errno}");
            let (cat, sub) = (two_digits(cat), two_digits(sub));
            assert_eq!(page_class(wk.errno()), (cat, sub), "class of {errno}");
            if errno >= 10_000 {
                assert_eq!((wk.errno().category(), wk.errno().sub()), (cat, sub));
            }
            assert_eq!(wk.errno().well_known(), Some(wk));
        }
        assert!(WELL_KNOWN.windows(2).all(|w| w[0].errno < w[1].errno));
        let no_msg = WELL_KNOWN.iter().filter(|w| w.err_msg.is_none()).count();
        let no_meaning = WELL_KNOWN.iter().filter(|w| w.meaning_zh.is_none()).count();
        assert_eq!((no_msg, no_meaning), (12, 6));
    }

    #[test]
    fn category_tree_matches_the_tsv_row_for_row() {
        let rows = rows(CATEGORIES_TSV, "category\tsubcategory\tname_zh\tname_en");
        assert_eq!(rows.len(), 32);
        assert_eq!(rows.len(), CATEGORIES.len());
        for (row, &(c, s, zh, en)) in rows.iter().zip(&CATEGORIES) {
            let [cat, sub, name_zh, name_en] = row[..] else {
                panic!("row {row:?} does not have 4 fields");
            };
            let sub = opt(sub).map(two_digits);
            assert_eq!((c, s, zh, en), (two_digits(cat), sub, name_zh, name_en));
            let name = Some(CategoryName { zh, en });
            assert_eq!(category_lookup(c, s), name);
        }
        // Binary search needs the page's order to be sorted, first level first.
        assert!(CATEGORIES
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
    }

    /// The shared data folder lives outside the repository, so a plain
    /// checkout cannot run this: it is ignored by `cargo test` and run by
    /// `.ci/run` where the folder exists (`UNI_ERROR_SHARED_DATA=<dir>`, else
    /// `../shared/data` beside the repository), which lists it as skipped
    /// otherwise. Asked for and absent, it fails.
    #[test]
    #[ignore = "needs the shared data folder outside the repository; .ci/run runs it"]
    fn data_is_a_verbatim_copy_of_the_shared_data() {
        let shared = std::env::var("UNI_ERROR_SHARED_DATA").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data").to_owned()
        });
        assert!(
            std::path::Path::new(&shared).is_dir(),
            "{shared} is absent: set UNI_ERROR_SHARED_DATA to the shared data folder"
        );
        for (name, ours) in [
            ("wechat-errno.tsv", ERRNO_TSV),
            ("wechat-errno-categories.tsv", CATEGORIES_TSV),
        ] {
            let theirs = std::fs::read(format!("{shared}/{name}")).unwrap();
            assert!(
                theirs == ours.as_bytes(),
                "data/{name} differs from {shared}/{name}"
            );
        }
    }

    #[test]
    fn unnamed_classes_are_the_ones_the_data_readme_lists() {
        let mut unnamed: Vec<String> = WELL_KNOWN
            .iter()
            .filter(|w| w.errno.sub_name().is_none())
            .map(|w| {
                let (c, s) = page_class(w.errno);
                format!("{c:02}/{s:02}")
            })
            .collect();
        unnamed.dedup();
        assert_eq!(
            unnamed,
            [
                "00/00", "01/01", "01/02", "05/00", "05/05", "05/10", "06/05", "07/02", "07/03",
                "11/03", "14/00", "14/02", "14/20", "14/21", "15/17", "20/00"
            ]
        );
        let mut no_first: Vec<u8> = WELL_KNOWN
            .iter()
            .filter(|w| w.errno.category_name().is_none())
            .map(|w| w.errno.category())
            .collect();
        no_first.dedup();
        assert_eq!(no_first, [5]);
    }

    #[test]
    fn spot_checks() {
        let e = |n| Errno::from_u32(n).unwrap();
        let bt = e(1_500_102).well_known().unwrap();
        assert_eq!(bt.err_msg(), None);
        assert_eq!(bt.meaning_zh(), Some("当前蓝牙适配器不可用"));

        let timeout = e(5).well_known().unwrap();
        assert_eq!(
            (timeout.err_msg(), timeout.meaning_zh()),
            (Some("time out"), Some("接口超时"))
        );

        let nfc = e(1_504_003);
        assert_eq!(
            nfc.sub_name(),
            Some(CategoryName {
                zh: "NFC",
                en: "NFC"
            })
        );
        assert_eq!(
            nfc.category_name(),
            Some(CategoryName {
                zh: "设备",
                en: "Device"
            })
        );

        // Typos are the page's.
        assert_eq!(
            e(701_103).well_known().unwrap().err_msg(),
            Some("midas currency canel pay failed")
        );
        assert_eq!(
            e(1_302_002).well_known().unwrap().err_msg(),
            Some("excced max concurrent fd limit")
        );

        // Codes below 10 000 follow the page's grouping, not their digits.
        assert_eq!(e(1_001).sub(), 1);
        assert_eq!(e(1_001).sub_name(), None);
        assert_eq!(e(1_001).category_name().unwrap().en, "General error codes");

        // Unknown errnos.
        assert_eq!(e(2).well_known(), None);
        assert_eq!(e(9_999_999).well_known(), None);
        assert_eq!(e(9_999_999).category_name(), None);
        assert_eq!(e(9_999_999).sub_name(), None);
        // Unlisted but in a named class: the names still come from the digits.
        assert_eq!(e(1_504_999).well_known(), None);
        assert_eq!(e(1_504_999).sub_name().unwrap().zh, "NFC");
    }
}
