//! Nothing here: the test in `tests/` is the point. See `Cargo.toml`.
