//! `uni_error::axum` against a real axum server on 127.0.0.1 (port 0) and
//! a real hyper HTTP/1.1 client: exact status, headers and body for a leaf,
//! a chain (public and full), `?` from handlers, the body extractor and its
//! rejections, and the full error kept for middleware.

use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use uni_error::axum::{AcceptLanguage, ErrorResponse};
use uni_error::{Error, SourceError, UniError};

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },

    #[errno(code = 7)]
    #[status(grpc = "NOT_FOUND", http = 410)]
    #[msg("account {0} was closed")]
    Closed(u32),

    #[errno(category = 14, sub = 16, code = 601)]
    #[subject("uni-login::weixin")]
    #[msg("weixin login failed")]
    Weixin {
        #[source(subject = "weixin-sdk")]
        sdk: std::io::Error,
    },
}

fn sdk_call() -> Result<(), std::io::Error> {
    Err(std::io::Error::other("user cancelled"))
}

/// A payment error in three languages; its cause in two.
#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
#[locales("en", "zh-Hans", "zh-Hant")]
enum RefundError {
    #[errno(code = 2)]
    #[status(http = 409)]
    #[msg("order {order_id} was already refunded")]
    #[locale(
        zh_Hans = "订单 {order_id} 已退款。",
        zh_Hant = "訂單 {order_id} 已退款。"
    )]
    AlreadyRefunded {
        order_id: u64,
        #[source]
        ledger: LedgerError,
    },
}

#[derive(Debug, UniError)]
#[subject("uni-ledger")]
#[errno(category = 7, sub = 2, code = 1)]
#[locales("en", "zh-Hans")]
#[msg("ledger entry {0} is closed")]
#[locale(zh_Hans = "账目 {0} 已结清")]
struct LedgerError(u32);

fn refund_error() -> RefundError {
    RefundError::AlreadyRefunded {
        order_id: 42,
        ledger: LedgerError(7),
    }
}

/// Answers in the language the client prefers, from `Accept-Language`.
async fn refund(lang: AcceptLanguage) -> Result<String, ErrorResponse> {
    Err(ErrorResponse::localized(&refund_error(), &lang))
}

/// The same, with the whole chain.
async fn refund_full(lang: AcceptLanguage) -> Result<String, ErrorResponse> {
    let e = refund_error();
    let tag = lang.preferred(e.locales()).unwrap_or_default();
    Err(ErrorResponse::full(e.to_error_in(tag)))
}

fn weixin_login() -> Result<String, LoginError> {
    sdk_call().map_err(|sdk| LoginError::Weixin { sdk })?;
    Ok("token".into())
}

async fn leaf() -> Result<String, ErrorResponse> {
    Err(LoginError::NfcUnavailable {
        reason: "off".into(),
    })?
}

async fn closed() -> Result<String, ErrorResponse> {
    Err(LoginError::Closed(42))?
}

/// `?` on a derived error that carries a std source.
async fn weixin() -> Result<String, ErrorResponse> {
    Ok(weixin_login()?)
}

/// The same, with the whole chain sent back to a trusted client.
async fn weixin_full() -> Result<String, ErrorResponse> {
    weixin_login().map_err(ErrorResponse::full)
}

fn ad_error() -> Error {
    Error::new("uni-ad", 1_416_601, "no ad could be shown")
        .with_data(serde_json::json!({"slot": "887654"}))
        .with_cause(
            SourceError::new("no fill")
                .with_subject("csj")
                .with_code(-404012),
        )
}

async fn chain() -> Result<String, ErrorResponse> {
    Err(ad_error())?
}

async fn chain_full() -> Result<String, ErrorResponse> {
    Err(ErrorResponse::full(ad_error()))
}

/// Echoes a uni error read from the request body, whole.
async fn report(err: Error) -> ErrorResponse {
    ErrorResponse::full(err)
}

/// What a logging middleware sees: the whole error, whatever the body.
async fn log_layer(response: axum::response::Response) -> axum::response::Response {
    let chain = response
        .extensions()
        .get::<Error>()
        .map(|e| format!("{e:#}").replace('\n', " | "));
    let mut response = response;
    if let Some(chain) = chain {
        response
            .headers_mut()
            .insert("x-logged", chain.parse().expect("a header value"));
    }
    response
}

fn app() -> Router {
    Router::new()
        .route("/leaf", get(leaf))
        .route("/closed", get(closed))
        .route("/weixin", get(weixin))
        .route("/weixin/full", get(weixin_full))
        .route("/chain", get(chain))
        .route("/chain/full", get(chain_full))
        .route("/report", post(report))
        .route("/refund", get(refund))
        .route("/refund/full", get(refund_full))
        .layer(axum::middleware::map_response(log_layer))
}

struct Answer {
    status: u16,
    content_type: Option<String>,
    language: Option<String>,
    logged: Option<String>,
    body: String,
}

/// Serves `app()` on 127.0.0.1:0, runs `requests` against it with a hyper
/// client, then shuts the server down; the whole exchange is bounded.
async fn with_server(requests: Vec<http::Request<Full<Bytes>>>) -> Vec<Answer> {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app())
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    let exchange = async {
        let mut answers = Vec::new();
        for request in requests {
            let stream = TcpStream::connect(addr).await.expect("connect");
            let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
                .await
                .expect("handshake");
            let conn = tokio::spawn(conn);
            let response = sender.send_request(request).await.expect("response");
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .map(|v| String::from_utf8(v.as_bytes().to_vec()).expect("UTF-8"))
            };
            let (status, content_type, language, logged) = (
                response.status().as_u16(),
                header("content-type"),
                header("content-language"),
                header("x-logged"),
            );
            let body = response.into_body().collect().await.expect("body");
            answers.push(Answer {
                status,
                content_type,
                language,
                logged,
                body: String::from_utf8(body.to_bytes().to_vec()).expect("UTF-8"),
            });
            drop(sender);
            conn.await.expect("join").expect("connection");
        }
        answers
    };
    let answers = tokio::time::timeout(Duration::from_secs(20), exchange)
        .await
        .expect("the exchange took over 20 s");
    stop.send(()).expect("server still running");
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server did not stop")
        .expect("join")
        .expect("serve");
    answers
}

fn get_req(path: &str) -> http::Request<Full<Bytes>> {
    http::Request::get(path)
        .header("host", "127.0.0.1")
        .body(Full::default())
        .expect("request")
}

fn post_req(content_type: &str, body: impl Into<Bytes>) -> http::Request<Full<Bytes>> {
    http::Request::post("/report")
        .header("host", "127.0.0.1")
        .header("content-type", content_type)
        .body(Full::new(body.into()))
        .expect("request")
}

#[tokio::test]
async fn handlers_answer_with_uni_errors() {
    let answers = with_server(vec![
        get_req("/leaf"),
        get_req("/closed"),
        get_req("/weixin"),
        get_req("/weixin/full"),
        get_req("/chain"),
        get_req("/chain/full"),
    ])
    .await;
    let expected: [(u16, &str, &str); 6] = [
        // errno 1504003 is no general errno: UNKNOWN, 500.
        (
            500,
            r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}"#,
            "uni-login 1504003: NFC is not available: off",
        ),
        // #[status(http = 410)] wins.
        (
            410,
            r#"{"errSubject":"uni-login","errCode":1504007,"errMsg":"account 42 was closed"}"#,
            "uni-login 1504007: account 42 was closed",
        ),
        // `?` through a derived error with a source: the public body hides it.
        (
            500,
            r#"{"errSubject":"uni-login::weixin","errCode":1416601,"errMsg":"weixin login failed"}"#,
            "uni-login::weixin 1416601: weixin login failed | caused by: weixin-sdk: user cancelled",
        ),
        (
            500,
            r#"{"errSubject":"uni-login::weixin","errCode":1416601,"errMsg":"weixin login failed","cause":{"message":"user cancelled","subject":"weixin-sdk"}}"#,
            "uni-login::weixin 1416601: weixin login failed | caused by: weixin-sdk: user cancelled",
        ),
        (
            500,
            r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no ad could be shown"}"#,
            "uni-ad 1416601: no ad could be shown | caused by: csj -404012: no fill",
        ),
        (
            500,
            r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no ad could be shown","data":{"slot":"887654"},"cause":{"message":"no fill","subject":"csj","code":-404012}}"#,
            "uni-ad 1416601: no ad could be shown | caused by: csj -404012: no fill",
        ),
    ];
    assert_eq!(answers.len(), expected.len());
    for (answer, (status, body, logged)) in answers.iter().zip(expected) {
        assert_eq!(answer.status, status, "{body}");
        assert_eq!(answer.content_type.as_deref(), Some("application/json"));
        assert_eq!(answer.body, body);
        assert_eq!(answer.logged.as_deref(), Some(logged), "{body}");
    }
}

#[tokio::test]
async fn the_body_extractor_reads_a_uni_error_and_rejects_as_one() {
    let answers = with_server(vec![
        post_req(
            "application/json",
            r#"{"errSubject":"uni-pay","errCode":5,"errMsg":"timed out","cause":{"message":"gateway"},"traceId":"t-1"}"#,
        ),
        post_req("text/plain", r#"{"errSubject":"uni-pay","errCode":5,"errMsg":"m"}"#),
        post_req("application/json", r#"{"errSubject":"uni-pay","#),
        post_req("application/json", r#"{"errSubject":"uni-pay","errCode":"5","errMsg":"m"}"#),
        // Over axum's default body limit (2 MiB).
        post_req("application/json", vec![b' '; 2 * 1024 * 1024 + 1]),
    ])
    .await;
    let expected: [(u16, &str); 5] = [
        // Read whole (unknown keys too) and echoed: errno 5 is DEADLINE_EXCEEDED.
        (
            504,
            r#"{"errSubject":"uni-pay","errCode":5,"errMsg":"timed out","cause":{"message":"gateway"},"traceId":"t-1"}"#,
        ),
        (
            415,
            r#"{"errSubject":"uni-error::axum","errCode":101,"errMsg":"expected `Content-Type: application/json`"}"#,
        ),
        (
            400,
            r#"{"errSubject":"uni-error::axum","errCode":101,"errMsg":"EOF while parsing a value at line 1 column 24"}"#,
        ),
        (
            422,
            r#"{"errSubject":"uni-error::axum","errCode":101,"errMsg":"invalid type: string \"5\", expected an integer code in the i64 range at `errCode` at line 1 column 37"}"#,
        ),
        (
            413,
            r#"{"errSubject":"uni-error::axum","errCode":101,"errMsg":"Failed to buffer the request body: length limit exceeded"}"#,
        ),
    ];
    assert_eq!(answers.len(), expected.len());
    for (answer, (status, body)) in answers.iter().zip(expected) {
        assert_eq!((answer.status, answer.body.as_str()), (status, body));
        assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    }
}

fn with_language(path: &str, accept_language: Option<&str>) -> http::Request<Full<Bytes>> {
    let mut request = http::Request::get(path).header("host", "127.0.0.1");
    if let Some(value) = accept_language {
        request = request.header("accept-language", value);
    }
    request.body(Full::default()).expect("request")
}

#[tokio::test]
async fn accept_language_picks_the_message_language() {
    let answers = with_server(vec![
        with_language("/refund", Some("zh-CN,zh;q=0.9,en;q=0.8")),
        with_language("/refund", Some("en;q=0.5, zh-TW;q=0.8, fr;q=1")),
        with_language("/refund", Some("de, fr;q=0.5")),
        with_language("/refund", None),
        with_language("/refund/full", Some("zh-CN,zh;q=0.9,en;q=0.8")),
        with_language("/refund/full", Some("zh-Hant")),
    ])
    .await;
    let zh_cn = &answers[0];
    assert_eq!(zh_cn.status, 409);
    assert_eq!(zh_cn.content_type.as_deref(), Some("application/json"));
    assert_eq!(zh_cn.language.as_deref(), Some("zh-Hans"));
    assert_eq!(
        zh_cn.body,
        r#"{"errSubject":"uni-pay","errCode":701002,"errMsg":"订单 42 已退款。"}"#
    );
    // The log keeps the whole chain, in the language sent.
    assert_eq!(
        zh_cn.logged.as_deref(),
        Some("uni-pay 701002: 订单 42 已退款。 | caused by: uni-ledger 702001: 账目 7 已结清")
    );
    let zh_tw = &answers[1];
    assert_eq!(zh_tw.language.as_deref(), Some("zh-Hant"));
    assert_eq!(
        zh_tw.body,
        r#"{"errSubject":"uni-pay","errCode":701002,"errMsg":"訂單 42 已退款。"}"#
    );
    for default in &answers[2..4] {
        assert_eq!(default.status, 409);
        assert_eq!(default.language.as_deref(), Some("en"));
        assert_eq!(
            default.body,
            r#"{"errSubject":"uni-pay","errCode":701002,"errMsg":"order 42 was already refunded"}"#
        );
    }
    // Each cause in its own best match: the ledger has no zh-Hant.
    assert_eq!(
        answers[4].body,
        concat!(
            r#"{"errSubject":"uni-pay","errCode":701002,"errMsg":"订单 42 已退款。","#,
            r#""cause":{"message":"账目 7 已结清","subject":"uni-ledger","code":702001}}"#
        )
    );
    assert_eq!(
        answers[5].body,
        concat!(
            r#"{"errSubject":"uni-pay","errCode":701002,"errMsg":"訂單 42 已退款。","#,
            r#""cause":{"message":"ledger entry 7 is closed","subject":"uni-ledger","code":702001}}"#
        )
    );
}
