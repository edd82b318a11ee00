//! The `axum` body extractor (`FromRequest` for `uni_error::Error`) on an
//! arbitrary `Content-Type` and body, driven without a server or a runtime
//! (the body is in memory, so every future is ready on the first poll):
//! never panics; a body is accepted exactly when `Deserialize` accepts it;
//! an accepted error answers (`ErrorResponse::full`) with the bytes
//! serde_json writes, which the extractor reads back equal; a rejection has
//! axum's status and answers as a uni error that says why.
#![no_main]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum_core::body::Body;
use axum_core::extract::FromRequest;
use axum_core::response::IntoResponse;
use http_body_util::BodyExt;
use libfuzzer_sys::fuzz_target;
use uni_error::axum::{ErrorResponse, REJECTION_SUBJECT};
use uni_error::Error;

/// Polls once: in-memory bodies never wait.
fn ready<F: Future>(f: F) -> F::Output {
    match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("an in-memory body made the extractor wait"),
    }
}

fn extract(
    content_type: Option<&[u8]>,
    body: Vec<u8>,
) -> Result<Error, uni_error::axum::BodyRejection> {
    let mut request = http::Request::builder();
    if let Some(ct) = content_type {
        request = request.header("content-type", ct);
    }
    let request = request
        .body(Body::from(body))
        .expect("a valid header value");
    ready(Error::from_request(request, &()))
}

fn body_of(response: axum_core::response::Response) -> (u16, Vec<u8>) {
    let status = response.status().as_u16();
    let bytes = ready(response.into_body().collect())
        .expect("an in-memory body")
        .to_bytes();
    (status, bytes.to_vec())
}

fn is_json(ct: &str) -> bool {
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/")
            && essence.len() > "application/+json".len()
            && essence.ends_with("+json"))
}

fuzz_target!(|data: &[u8]| {
    // First byte: the Content-Type's length (255: no header), then the
    // Content-Type, then the body.
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let (content_type, body) = if n == 255 {
        (None, rest)
    } else {
        let n = usize::from(n).min(rest.len());
        let (ct, body) = rest.split_at(n);
        if http::HeaderValue::from_bytes(ct).is_err() {
            return;
        }
        (Some(ct), body)
    };
    let json_type = content_type
        .and_then(|ct| http::HeaderValue::from_bytes(ct).ok())
        .is_some_and(|ct| ct.to_str().is_ok_and(is_json));

    match extract(content_type, body.to_vec()) {
        Ok(err) => {
            assert!(json_type);
            let direct: Error =
                serde_json::from_slice(body).expect("the extractor accepts what Deserialize does");
            assert_eq!(direct, err);
            // Answered whole, the body is what serde_json writes, and it
            // reads back through the extractor to an equal error.
            let (_, written) = body_of(ErrorResponse::full(err.clone()).into_response());
            assert_eq!(written, serde_json::to_vec(&err).unwrap());
            let again =
                extract(Some(b"application/json"), written).expect("what we answer reads back");
            assert_eq!(again, err);
        }
        Err(rejection) => {
            let status = rejection.status().as_u16();
            if json_type {
                let why = serde_json::from_slice::<Error>(body)
                    .expect_err("refused only what Deserialize refuses");
                assert_eq!(rejection.to_string(), why.to_string());
                assert_eq!(status, if why.is_data() { 422 } else { 400 });
            } else {
                assert_eq!(status, 415);
            }
            let (answered, bytes) = body_of(rejection.clone().into_response());
            assert_eq!(answered, status);
            let said: Error =
                serde_json::from_slice(&bytes).expect("a rejection answers as a uni error");
            assert_eq!(
                (said.err_subject(), said.code(), said.message()),
                (REJECTION_SUBJECT, 101, rejection.to_string().as_str())
            );
        }
    }
});
