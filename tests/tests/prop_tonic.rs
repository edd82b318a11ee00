//! Property tests of `uni_error::tonic`'s hand-written protobuf: any uni
//! error survives `to_status` → `from_status`; what it writes is what prost
//! (`tonic-types`) reads; what prost writes, it reads; and no input bytes
//! make it panic.
//!
//! The case count is bounded for CI; raise it locally with
//! `PROPTEST_CASES=100000 cargo test -p uni-error-tests --test prop_tonic`.

use std::collections::HashMap;

use proptest::prelude::*;
use prost::Message;
use tonic_types::StatusExt;
use uni_error::tonic::{error_info, from_status, to_status, MAX_TRAILER_LEN};
use uni_error::{Error, SourceError};

/// 512 cases, or `PROPTEST_CASES` when set. proptest 1.12's `proptest!`
/// applies the variable over any config too; reading it here keeps the
/// promise above whichever proptest 1.x resolves.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(512)
}

#[path = "support/grpc.rs"]
mod grpc;
use grpc::{cut_text, trailer_len};

fn status_of(details: Vec<u8>) -> tonic::Status {
    tonic::Status::with_details(tonic::Code::Internal, "m", details.into())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_uni_error_round_trips(
        subject in any::<String>(),
        code in any::<i64>(),
        message in any::<String>(),
        cause in proptest::option::of(any::<String>()),
    ) {
        let mut err = Error::new(subject.clone(), code, message.clone());
        if let Some(cause) = &cause {
            err = err.with_cause(SourceError::new(cause.clone()));
        }
        let status = to_status(&err);
        let back = from_status(&status).unwrap();
        prop_assert_eq!(back.err_subject(), subject.as_str());
        prop_assert_eq!(back.code(), code);
        prop_assert_eq!(back.message(), message.as_str());
        prop_assert_eq!(uni_error::status::grpc_code(&back), uni_error::status::grpc_code(&err));

        // prost reads the same ErrorInfo.
        let details = status.check_error_details().unwrap();
        let theirs = details.error_info().unwrap();
        let ours = error_info(&status).unwrap().unwrap();
        prop_assert_eq!(&theirs.reason, &code.to_string());
        prop_assert_eq!(&theirs.domain, &subject);
        prop_assert_eq!(theirs.metadata.len(), ours.metadata.len());
        for (k, v) in &ours.metadata {
            prop_assert_eq!(theirs.metadata.get(k), Some(v));
        }
        prop_assert_eq!(ours.metadata_get("cause").is_some(), cause.is_some());
    }

    #[test]
    fn what_prost_writes_is_read(
        code in 0i32..17,
        message in any::<String>(),
        before in prop::collection::vec((any::<String>(), any::<Vec<u8>>()), 0..3),
        info in proptest::option::of((
            any::<String>(),
            any::<String>(),
            prop::collection::hash_map(any::<String>(), any::<String>(), 0..4),
        )),
    ) {
        // Details of other types (never the ErrorInfo type), then maybe an ErrorInfo.
        let mut details: Vec<prost_types::Any> = before
            .into_iter()
            .map(|(t, value)| prost_types::Any { type_url: format!("x/{t}"), value })
            .collect();
        if let Some((reason, domain, metadata)) = &info {
            details.push(prost_types::Any {
                type_url: "type.googleapis.com/google.rpc.ErrorInfo".to_owned(),
                value: tonic_types::pb::ErrorInfo {
                    reason: reason.clone(),
                    domain: domain.clone(),
                    metadata: metadata.clone(),
                }
                .encode_to_vec(),
            });
        }
        let bytes = tonic_types::pb::Status { code, message, details }.encode_to_vec();
        let ours = error_info(&status_of(bytes)).unwrap();
        match (info, ours) {
            (None, None) => {}
            (Some((reason, domain, metadata)), Some(ours)) => {
                prop_assert_eq!(ours.reason, reason);
                prop_assert_eq!(ours.domain, domain);
                let ours: HashMap<String, String> = ours.metadata.into_iter().collect();
                prop_assert_eq!(ours, metadata);
            }
            (info, ours) => prop_assert!(false, "prost wrote {info:?}, we read {ours:?}"),
        }
    }

    #[test]
    fn long_chains_are_cut_to_fit(
        text in "\\PC{1,64}",
        repeat in 1usize..600,
        subject in "[a-z-]{1,20}",
    ) {
        let cause = text.repeat(repeat);
        let err = Error::new(subject, 4, "failed").with_cause(SourceError::new(cause.clone()));
        let status = to_status(&err);
        let info = error_info(&status).unwrap().unwrap();
        let sent = info.metadata_get("cause").unwrap();
        let full = format!("caused by: {cause}");
        prop_assert!(trailer_len(&status) <= MAX_TRAILER_LEN);
        prop_assert!(sent == full || sent == cut_text(&full, sent.rfind("\n[").unwrap()));
        // Cut or not, prost reads the same text.
        let theirs = status.check_error_details().unwrap();
        prop_assert_eq!(theirs.error_info().unwrap().metadata["cause"].as_str(), sent);
    }

    #[test]
    fn long_messages_are_cut_to_fit_and_read_back(
        text in "\\PC{1,64}",
        repeat in 1usize..2000,
        cause_repeat in proptest::option::of(0usize..2000),
    ) {
        let message = text.repeat(repeat);
        let mut err = Error::new("uni-x", 4, message.clone());
        if let Some(n) = cause_repeat {
            err = err.with_cause(SourceError::new(text.repeat(n)));
        }
        let status = to_status(&err);
        let len = trailer_len(&status);
        prop_assert!(len <= MAX_TRAILER_LEN, "{}", len);
        let back = from_status(&status).unwrap();
        let got = back.message();
        if got != message {
            prop_assert_eq!(got, cut_text(&message, got.rfind("\n[").unwrap()));
            // Cut only about as much as needed. A cut falls on a character
            // boundary (up to 3 bytes more than the cap asks in each cut
            // text), errMsg travels percent-encoded (3 bytes a byte) and in
            // base64 (4/3) more than once, and the estimate rounds up and
            // leaves out the nested length prefixes that shrink with the
            // texts. Seen within 62 bytes (text "®𐲀ਵ0®" × 142: 7106
            // bytes); 96 allows for that and still fails a cut that takes
            // whole characters more than it needs.
            prop_assert!(len + 96 > MAX_TRAILER_LEN, "{}", len);
        }
        prop_assert_eq!((back.err_subject(), back.code()), ("uni-x", 4));
        prop_assert_eq!(
            tonic_types::pb::Status::decode(status.details()).unwrap().message,
            got
        );
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in any::<Vec<u8>>()) {
        let status = status_of(bytes);
        let _ = from_status(&status);
        let _ = error_info(&status);
    }

    #[test]
    fn damaged_details_never_panic(cut in any::<prop::sample::Index>(), flip in any::<(prop::sample::Index, u8)>()) {
        let err = Error::new("uni-ad", 1_416_601, "no ad").with_cause(SourceError::new("no fill"));
        let good = to_status(&err).details().to_vec();
        let mut damaged = good[..cut.index(good.len() + 1)].to_vec();
        if !damaged.is_empty() {
            let i = flip.0.index(damaged.len());
            damaged[i] ^= flip.1;
        }
        let _ = from_status(&status_of(damaged));
    }
}

/// Found by `long_messages_are_cut_to_fit_and_read_back`: an ASCII errMsg
/// just over the cut made the estimate subtract past zero (a panic in a
/// debug build), because the note costs more than the bytes it replaces.
#[test]
fn a_message_whose_note_costs_more_than_its_cut_is_still_cut_to_fit() {
    let message = "Aa".repeat(1809);
    let status = to_status(&Error::new("uni-x", 4, message.clone()));
    assert!(trailer_len(&status) <= MAX_TRAILER_LEN);
    let back = from_status(&status).unwrap();
    let got = back.message();
    assert_eq!(got, cut_text(&message, got.rfind("\n[").unwrap()));
}
