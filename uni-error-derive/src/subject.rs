//! The errSubject rules (SPEC §1): levels joined by `::`, each level made of
//! `[A-Za-z0-9_-]`, none empty.

/// Why `subject` is malformed, or `None` if it is fine.
pub fn problem(subject: &str) -> Option<String> {
    if subject.is_empty() {
        return Some(
            "errSubject is empty: expected e.g. \"uni-login\" or \"uni-login::weixin\"".into(),
        );
    }
    if subject.chars().any(char::is_whitespace) {
        return Some(format!(
            "errSubject {subject:?} contains whitespace: join words with `-` (\"uni-login\") and levels with `::`"
        ));
    }
    if subject.starts_with("::") {
        return Some(format!(
            "errSubject {subject:?} starts with `::`: the first level is missing"
        ));
    }
    if subject.ends_with("::") {
        return Some(format!(
            "errSubject {subject:?} ends with `::`: the last level is missing"
        ));
    }
    for level in subject.split("::") {
        if level.is_empty() {
            return Some(format!(
                "errSubject {subject:?} has an empty level: `::::` where one `::` was meant"
            ));
        }
        if let Some(bad) = level
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Some(format!(
                "errSubject {subject:?} has {bad:?} in level {level:?}: a level is made of A-Z, a-z, 0-9, `-` and `_`, and levels are joined by `::`"
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn accepts_the_spec_examples() {
        for ok in [
            "uni-login",
            "uni-login::weixin",
            "uni-getSystemInfo",
            "uni-SocketTask-onMessage",
            "my_plugin-api::a::b",
            "csj",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn names_each_malformation() {
        let cases = [
            ("", "is empty"),
            ("uni login", "whitespace"),
            ("uni-login\t", "whitespace"),
            ("::weixin", "starts with `::`"),
            ("uni-login::", "ends with `::`"),
            ("a::::b", "empty level"),
            ("a:::b", "':'"),
            ("uni.login", "'.'"),
            ("登录", "'登'"),
            ("a/b", "'/'"),
        ];
        for (bad, expected) in cases {
            let msg = problem(bad).unwrap_or_default();
            assert!(msg.contains(expected), "{bad:?}: {msg}");
        }
    }
}
