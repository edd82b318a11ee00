//! `uni_error::tonic` across a real tonic server and client on 127.0.0.1
//! (port 0): a failing call's `Status` reaches the client, its details
//! decode back to the same `uni_error::Error`, and an independent reader
//! (prost-generated `tonic-types`) sees the `google.rpc.ErrorInfo` the
//! `google` module describes. The service is written by hand (no protoc):
//! requests and responses are raw bytes.

use std::time::Duration;

use http::uri::PathAndQuery;
use prost::Message;
use tonic::server::UnaryService;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Endpoint, Server};
use tonic_types::StatusExt;
use uni_error::google;
use uni_error::status::{Code, StatusOverride};
use uni_error::tonic::{
    error_info, from_status, localized_message, to_public_status, to_status, to_status_for,
};
use uni_error::{Error, SourceError, UniError};

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 0)]
enum PayError {
    #[errno(code = 4)]
    #[status(grpc = "NOT_FOUND")]
    #[msg("订单不存在 no such order: {0}")]
    NoOrder(u64),

    #[errno(code = 9)]
    #[msg("payment failed")]
    Failed {
        #[source(subject = "bank")]
        io: std::io::Error,
    },

    #[errno(code = 10)]
    #[msg("rejected: {0}")]
    Rejected(String),
}

/// An error in English, Simplified and Traditional Chinese.
#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
#[locales("en", "zh-Hans", "zh-Hant")]
enum RefundError {
    #[errno(code = 2)]
    #[status(grpc = "FAILED_PRECONDITION")]
    #[msg("order {order_id} was already refunded")]
    #[locale(
        zh_Hans = "订单 {order_id} 已退款。",
        zh_Hant = "訂單 {order_id} 已退款。"
    )]
    AlreadyRefunded { order_id: u64 },
}

#[path = "support/grpc.rs"]
mod grpc;
use grpc::{cut_text, trailer_len, Raw, Routes, Served};

/// `/uni.Pay/Order`: fails with `PayError::NoOrder(<first request byte>)`;
/// `/uni.Pay/Charge`: fails with a chain; `/uni.Pay/Public`: the same chain
/// through `to_public_status`.
#[derive(Clone)]
struct PayService;

impl Routes for PayService {
    const NAME: &'static str = "uni.Pay";
    type Method = Method;
    fn route(&self, path: &str) -> Option<Method> {
        let method = path.strip_prefix("/uni.Pay/")?;
        [
            "Order",
            "Charge",
            "Public",
            "Huge",
            "HugeMessage",
            "HugeField",
            "HugePlain",
            "Refund",
        ]
        .into_iter()
        .find(|m| *m == method)
        .map(Method)
    }
}

struct Method(&'static str);

fn charge_error() -> PayError {
    PayError::Failed {
        io: std::io::Error::other("card declined"),
    }
}

/// A chain of 64 KiB of text: over what an HTTP/2 peer takes in a trailer.
fn huge_error() -> Error {
    Error::new("uni-ad", 1_416_601, "no ad could be shown")
        .with_cause(SourceError::new("é".repeat(32 * 1024)).with_subject("csj"))
}

/// 1 MiB of text: non-ASCII (three bytes each in `grpc-message`), bytes
/// gRPC percent-encodes (`{%}`, a newline) and plain ASCII.
fn mib_of_text() -> String {
    "é订单 {%}\nabc".repeat(65_536)
}

impl UnaryService<Vec<u8>> for Method {
    type Response = Vec<u8>;
    type Future = std::future::Ready<Result<tonic::Response<Vec<u8>>, tonic::Status>>;
    fn call(&mut self, request: tonic::Request<Vec<u8>>) -> Self::Future {
        let status = match self.0 {
            "Order" => {
                let id = request.get_ref().first().copied().unwrap_or_default();
                to_status(&PayError::NoOrder(id.into()))
            }
            "Charge" => to_status(&charge_error()),
            "Huge" => to_status(&huge_error()),
            "HugeMessage" => to_status(&Error::new("uni-ad", 1_416_601, mib_of_text())),
            "HugeField" => to_status(&PayError::Rejected(mib_of_text())),
            "HugePlain" => tonic::Status::unknown(mib_of_text()),
            "Refund" => to_status_for(
                &RefundError::AlreadyRefunded { order_id: 42 },
                request.metadata(),
            ),
            _ => to_public_status(&charge_error()),
        };
        std::future::ready(Err(status))
    }
}

/// Serves `PayService` on 127.0.0.1:0, makes each call with a tonic client,
/// returns the statuses and stops the server; bounded in time.
async fn call_all(calls: &[(&'static str, Vec<u8>)]) -> Vec<tonic::Status> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(Server::builder().serve_with_incoming_shutdown(
        Served(PayService),
        TcpIncoming::from(listener),
        async {
            let _ = stopped.await;
        },
    ));
    let exchange = async {
        let channel = Endpoint::from_shared(format!("http://{addr}"))
            .expect("endpoint")
            .connect()
            .await
            .expect("connect");
        let mut client = tonic::client::Grpc::new(channel);
        let mut statuses = Vec::new();
        for (path, body) in calls {
            client.ready().await.expect("ready");
            let mut request = tonic::Request::new(body.clone());
            // The Refund calls ask for Chinese, as a browser in China would;
            // the body's first byte says which header.
            if path.ends_with("Refund") {
                let (key, value) = match body.first() {
                    Some(1) => ("accept-language", "zh-TW,zh;q=0.8"),
                    Some(2) => ("grpc-accept-language", "fr-FR"),
                    _ => ("grpc-accept-language", "zh-CN,zh;q=0.9,en;q=0.8"),
                };
                request.metadata_mut().insert(key, value.parse().unwrap());
            }
            let answer = client
                .unary::<Vec<u8>, Vec<u8>, Raw>(request, PathAndQuery::from_static(path), Raw)
                .await;
            statuses.push(answer.expect_err("every call fails"));
        }
        statuses
    };
    let statuses = tokio::time::timeout(Duration::from_secs(20), exchange)
        .await
        .expect("the calls took over 20 s");
    stop.send(()).expect("server still running");
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server did not stop")
        .expect("join")
        .expect("serve");
    statuses
}

#[tokio::test]
async fn failing_calls_carry_the_uni_error_to_the_client() {
    let statuses = call_all(&[
        ("/uni.Pay/Order", vec![7]),
        ("/uni.Pay/Charge", vec![]),
        ("/uni.Pay/Public", vec![]),
    ])
    .await;

    // A leaf with #[status(grpc = "NOT_FOUND")]: code, message, and the
    // same uni_error::Error back, override included.
    let order = &statuses[0];
    assert_eq!(order.code(), tonic::Code::NotFound);
    // Non-ASCII text survives grpc-message's percent-encoding.
    assert_eq!(order.message(), "订单不存在 no such order: 7");
    let back = from_status(order).expect("well-formed details");
    let sent = Error::from(PayError::NoOrder(7));
    assert_eq!(back, sent);
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        r#"{"errSubject":"uni-pay","errCode":700004,"errMsg":"订单不存在 no such order: 7"}"#
    );
    assert_eq!(
        back.status_override(),
        Some(StatusOverride {
            grpc: Some(Code::NotFound),
            http: None
        })
    );
    assert_eq!(uni_error::status::http_status(&back), 404);

    // A chain: the default code, the chain as the `cause` metadata text.
    let charge = &statuses[1];
    assert_eq!(charge.code(), tonic::Code::Unknown);
    assert_eq!(charge.message(), "payment failed");
    let back = from_status(charge).expect("well-formed details");
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        r#"{"errSubject":"uni-pay","errCode":700009,"errMsg":"payment failed"}"#
    );
    assert_eq!(back.status_override(), None);
    let info = error_info(charge).unwrap().expect("an ErrorInfo");
    assert_eq!(
        info.metadata,
        [
            ("errCode".to_owned(), "700009".to_owned()),
            (
                "cause".to_owned(),
                "caused by: bank: card declined".to_owned()
            )
        ]
    );
    // The same ErrorInfo as the google module's JSON form.
    assert_eq!(
        serde_json::to_string(&info).unwrap(),
        r#"{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"FAILED","domain":"uni-pay","metadata":{"errCode":"700009","cause":"caused by: bank: card declined"}}"#
    );
    assert_eq!(
        Some(&info),
        google::Status::from_uni(&charge_error()).error_info()
    );

    // The public status drops the chain, nothing else.
    let public = &statuses[2];
    assert_eq!(public.code(), tonic::Code::Unknown);
    assert_eq!(from_status(public).unwrap(), back);
    assert_eq!(
        error_info(public).unwrap().unwrap().metadata,
        [("errCode".to_owned(), "700009".to_owned())]
    );
}

/// How many bytes of `full` a cut `text` kept (where its last note starts).
fn kept_of(text: &str) -> usize {
    text.rfind("\n[").expect("a cut text ends with a note")
}

#[tokio::test]
async fn a_chain_too_long_for_a_trailer_is_cut_not_lost() {
    // Uncut, hyper would refuse the trailer and the client would see
    // RESOURCE_EXHAUSTED "h2 protocol error" instead of the error.
    let statuses = call_all(&[("/uni.Pay/Huge", vec![])]).await;
    let status = &statuses[0];
    assert_eq!(status.code(), tonic::Code::Unknown);
    assert_eq!(status.message(), "no ad could be shown");
    let len = trailer_len(status);
    assert!(len <= uni_error::tonic::MAX_TRAILER_LEN, "{len}");
    let back = from_status(status).unwrap();
    assert_eq!(
        (back.err_subject(), back.code(), back.message()),
        ("uni-ad", 1_416_601, "no ad could be shown")
    );
    let info = error_info(status).unwrap().unwrap();
    let cause = info.metadata_get("cause").unwrap();
    let full = format!("{:#}", huge_error());
    let (_, full_cause) = full.split_once('\n').unwrap();
    assert_eq!(cause, cut_text(full_cause, kept_of(cause)));
    // Cut to what fits, not more: within a few characters of the budget.
    assert!(len > uni_error::tonic::MAX_TRAILER_LEN - 16, "{len}");
    // tonic-types reads the cut details too.
    assert_eq!(
        status
            .check_error_details()
            .unwrap()
            .error_info()
            .unwrap()
            .metadata["cause"],
        cause
    );
}

#[tokio::test]
async fn a_mib_of_err_msg_arrives_as_a_uni_error_cut_with_a_note() {
    let statuses = call_all(&[
        ("/uni.Pay/HugeMessage", vec![]),
        ("/uni.Pay/HugeField", vec![]),
        ("/uni.Pay/HugePlain", vec![]),
    ])
    .await;
    let big = mib_of_text();
    assert_eq!(big.len(), 1 << 20);

    // errMsg alone: cut in both the message and the details, on a
    // character boundary, to fill the budget.
    let status = &statuses[0];
    assert_eq!(status.code(), tonic::Code::Unknown);
    let len = trailer_len(status);
    let max = uni_error::tonic::MAX_TRAILER_LEN;
    assert!((max - 16..=max).contains(&len), "{len}");
    let kept = kept_of(status.message());
    let err_msg = cut_text(&big, kept);
    assert_eq!(status.message(), err_msg);
    assert_eq!(
        from_status(status).unwrap(),
        Error::new("uni-ad", 1_416_601, err_msg.clone())
    );
    // What tonic-types reads: the same message in the details.
    let theirs = tonic_types::pb::Status::decode(status.details()).unwrap();
    assert_eq!(theirs.message, err_msg);
    // A byte of this text takes about four in the trailer (42 bytes of
    // percent-encoding and 21⅓ of base64 for every 16): 7 KiB keep 1.7 KB.
    assert!(kept > 1_700, "{kept}");

    // A derived error whose field is the 1 MiB: errMsg and the field's
    // metadata are cut to one length, errCode is kept whole.
    let status = &statuses[1];
    let len = trailer_len(status);
    assert!((max - 16..=max).contains(&len), "{len}");
    let back = from_status(status).unwrap();
    let full_msg = format!("rejected: {big}");
    assert_eq!(back.message(), cut_text(&full_msg, kept_of(back.message())));
    assert_eq!((back.err_subject(), back.code()), ("uni-pay", 700_010));
    let info = error_info(status).unwrap().unwrap();
    let arg0 = info.metadata_get("arg0").unwrap();
    assert_eq!(arg0, cut_text(&big, kept_of(arg0)));
    assert!(back.message().len().abs_diff(arg0.len()) <= 3);
    assert_eq!(info.metadata_get("errCode"), Some("700010"));

    // Without the cut (a plain Status): hyper refuses the header block and
    // the client gets a protocol error, not the message.
    let plain = &statuses[2];
    assert_eq!(plain.code(), tonic::Code::ResourceExhausted, "{plain:?}");
    assert!(
        plain.message().starts_with("h2 protocol error"),
        "{plain:?}"
    );
}

#[tokio::test]
async fn an_independent_reader_sees_google_rpc_error_info() {
    let statuses = call_all(&[("/uni.Pay/Charge", vec![]), ("/uni.Pay/Public", vec![])]).await;
    let status = &statuses[0];

    let details = status
        .check_error_details()
        .expect("tonic-types decodes it");
    let info = details.error_info().expect("an ErrorInfo");
    assert_eq!(info.reason, "FAILED");
    assert_eq!(info.domain, "uni-pay");
    assert_eq!(info.metadata.len(), 2);
    assert_eq!(info.metadata["errCode"], "700009");
    assert_eq!(info.metadata["cause"], "caused by: bank: card declined");

    // Byte for byte what prost writes for the same google.rpc.Status (one
    // metadata entry: prost writes a map in its HashMap's order).
    let public = &statuses[1];
    let mut metadata = std::collections::HashMap::new();
    metadata.insert("errCode".to_owned(), "700009".to_owned());
    let expected = tonic_types::pb::Status {
        code: 2,
        message: "payment failed".to_owned(),
        details: vec![prost_types_any(
            "type.googleapis.com/google.rpc.ErrorInfo",
            tonic_types::pb::ErrorInfo {
                reason: "FAILED".to_owned(),
                domain: "uni-pay".to_owned(),
                metadata,
            }
            .encode_to_vec(),
        )],
    };
    assert_eq!(public.details(), expected.encode_to_vec().as_slice());
}

#[tokio::test]
async fn a_requested_language_adds_a_localized_message() {
    let statuses = call_all(&[
        ("/uni.Pay/Refund", vec![0]),
        ("/uni.Pay/Refund", vec![1]),
        ("/uni.Pay/Refund", vec![2]),
    ])
    .await;
    let zh_cn = &statuses[0];
    assert_eq!(zh_cn.code(), tonic::Code::FailedPrecondition);
    // AIP-193: the status message stays the developer-facing default.
    assert_eq!(zh_cn.message(), "order 42 was already refunded");
    let details = zh_cn.check_error_details().expect("tonic-types decodes it");
    let localized = details.localized_message().expect("a LocalizedMessage");
    assert_eq!(localized.locale, "zh-Hans");
    assert_eq!(localized.message, "订单 42 已退款。");
    let info = details.error_info().expect("an ErrorInfo");
    assert_eq!(info.reason, "ALREADY_REFUNDED");
    assert_eq!(info.domain, "uni-pay");
    assert_eq!(info.metadata.len(), 2);
    assert_eq!(info.metadata["orderId"], "42");
    assert_eq!(info.metadata["errCode"], "701002");
    // Byte for byte: the LocalizedMessage Any is prost's.
    let expected = prost_types_any(
        "type.googleapis.com/google.rpc.LocalizedMessage",
        tonic_types::pb::LocalizedMessage {
            locale: "zh-Hans".to_owned(),
            message: "订单 42 已退款。".to_owned(),
        }
        .encode_to_vec(),
    )
    .encode_to_vec();
    assert!(zh_cn.details().ends_with(&expected));
    // Our reader agrees, and reads the error back with its errCode.
    let ours = localized_message(zh_cn).unwrap().unwrap();
    assert_eq!(
        (ours.locale.as_str(), ours.message.as_str()),
        ("zh-Hans", "订单 42 已退款。")
    );
    let back = from_status(zh_cn).unwrap();
    assert_eq!(
        (back.err_subject(), back.code(), back.message()),
        ("uni-pay", 701_002, "order 42 was already refunded")
    );

    // `accept-language` when there is no `grpc-accept-language`.
    let zh_tw = localized_message(&statuses[1]).unwrap().unwrap();
    assert_eq!(
        (zh_tw.locale.as_str(), zh_tw.message.as_str()),
        ("zh-Hant", "訂單 42 已退款。")
    );
    // A language the error does not have: no LocalizedMessage.
    assert_eq!(localized_message(&statuses[2]).unwrap(), None);
    assert!(statuses[2]
        .check_error_details()
        .unwrap()
        .localized_message()
        .is_none());
}

#[test]
fn a_status_written_by_0_2_still_reads_back() {
    // 0.2 wrote the errCode in decimal as the reason, without metadata.
    let info = tonic_types::pb::ErrorInfo {
        reason: "1504003".to_owned(),
        domain: "uni-login".to_owned(),
        metadata: Default::default(),
    };
    let old = tonic_types::pb::Status {
        code: 2,
        message: "NFC is not available: off".to_owned(),
        details: vec![prost_types_any(
            "type.googleapis.com/google.rpc.ErrorInfo",
            info.encode_to_vec(),
        )],
    };
    let status = tonic::Status::with_details(
        tonic::Code::Unknown,
        "NFC is not available: off",
        old.encode_to_vec().into(),
    );
    assert_eq!(
        from_status(&status).unwrap(),
        Error::new("uni-login", 1_504_003, "NFC is not available: off")
    );
}

fn prost_types_any(type_url: &str, value: Vec<u8>) -> prost_types::Any {
    prost_types::Any {
        type_url: type_url.to_owned(),
        value,
    }
}

#[test]
fn statuses_written_by_other_peers_read_back() {
    // A peer that builds its details with tonic-types.
    let mut metadata = std::collections::HashMap::new();
    metadata.insert("cause".to_owned(), "caused by: db-7 down".to_owned());
    let theirs = tonic::Status::with_error_details(
        tonic::Code::Unavailable,
        "try later",
        tonic_types::ErrorDetails::with_error_info("108", "uni-request", metadata),
    );
    let err = from_status(&theirs).unwrap();
    assert_eq!(
        serde_json::to_string(&err).unwrap(),
        r#"{"errSubject":"uni-request","errCode":108,"errMsg":"try later"}"#
    );
    // 108 maps to UNAVAILABLE already: no override to keep.
    assert_eq!(err.status_override(), None);
    assert_eq!(
        error_info(&theirs).unwrap().unwrap().metadata_get("cause"),
        Some("caused by: db-7 down")
    );

    // A reason that is not an errno, from a service that knows nothing of
    // uni errors: google's reading of the JSON form.
    let foreign = tonic::Status::with_error_details(
        tonic::Code::PermissionDenied,
        "API disabled",
        tonic_types::ErrorDetails::with_error_info(
            "API_DISABLED",
            "googleapis.com",
            std::collections::HashMap::new(),
        ),
    );
    let err = from_status(&foreign).unwrap();
    assert_eq!((err.err_subject(), err.code()), ("googleapis.com", 102));

    // A round trip of a chain keeps everything the Status carries.
    let chained = Error::new("uni-ad", 1_416_601, "no ad could be shown").with_cause(
        SourceError::new("no fill")
            .with_subject("csj")
            .with_code(-404012),
    );
    let status = to_status(&chained);
    let back = from_status(&status).unwrap();
    assert_eq!(
        (back.err_subject(), back.code(), back.message()),
        ("uni-ad", 1_416_601, "no ad could be shown")
    );
    assert_eq!(
        error_info(&status).unwrap().unwrap().metadata_get("cause"),
        Some("caused by: csj -404012: no fill")
    );
}
