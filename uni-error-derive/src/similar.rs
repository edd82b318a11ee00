//! Which known name a misspelled one probably meant, for "did you mean"
//! hints: a field in `#[msg]`, a key in `#[uni(..)]`.

/// The candidate closest to a misspelled `name`, if one is close enough to
/// be what the user meant: an edit distance of at most a third of the
/// name, and at least one. The first of equally close ones.
pub fn closest<'a>(candidates: impl IntoIterator<Item = &'a str>, name: &str) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(c, name), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over chars (names are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != *cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_only_close_names() {
        let keys = [
            "crate", "subject", "errno", "msg", "status", "source", "from", "data",
        ];
        assert_eq!(closest(keys, "erno"), Some("errno"));
        assert_eq!(closest(keys, "sorce"), Some("source"));
        assert_eq!(closest(keys, "stauts"), Some("status"));
        assert_eq!(closest(keys, "krate"), Some("crate"));
        assert_eq!(closest(keys, "mgs"), None);
        assert_eq!(closest(keys, "transparent"), None);
    }
}
