//! Under load, on loopback: an axum server answering a uni error and a
//! tonic server returning its Status, each against the hand-written
//! equivalent (a `(StatusCode, Json(..))` with the same bytes, a plain
//! `tonic::Status` with the same code and message), hit by 64 concurrent
//! clients in this process. Prints errors/s, p50/p99 latency and the
//! resident memory before and after; every answer is checked to be the
//! expected error, so a smoke run is also a test.
//!
//! ```text
//! cargo bench -p uni-error-tests --bench load                   # 200 000 a side
//! UNI_ERROR_LOAD_REQUESTS=2000 cargo bench -p uni-error-tests --bench load  # CI smoke
//! ```
//!
//! `UNI_ERROR_LOAD_REQUESTS` (default 200 000) requests a side, in
//! `UNI_ERROR_LOAD_ROUNDS` (default 4) interleaved rounds (ours, theirs,
//! theirs, ours, …): on a shared machine the ratio of the two is what
//! holds. Figures in BENCHMARKS.md ("Issue 26, point 6: under load").

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use http::uri::PathAndQuery;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use serde::Serialize;
use tonic::server::UnaryService;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Channel, Endpoint, Server};
use uni_error::axum::ErrorResponse;
use uni_error::UniError;

const CONCURRENCY: usize = 64;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },
}

fn uni_error() -> LoginError {
    LoginError::NfcUnavailable {
        reason: "off".into(),
    }
}

/// What a hand-written server sends: the same three keys.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HandError {
    err_subject: &'static str,
    err_code: u32,
    err_msg: String,
}

// ---------------------------------------------------------------------------
// axum: the same body and status, from ErrorResponse and by hand.
// ---------------------------------------------------------------------------

async fn axum_uni() -> Result<String, ErrorResponse> {
    Err(uni_error())?
}

async fn axum_hand() -> Result<String, (StatusCode, Json<HandError>)> {
    let reason = "off";
    Err((
        StatusCode::from_u16(HTTP_STATUS).unwrap(),
        Json(HandError {
            err_subject: "uni-login",
            err_code: 1_504_003,
            err_msg: format!("NFC is not available: {reason}"),
        }),
    ))
}

/// `status::http_status` of the error (checked in `main`).
const HTTP_STATUS: u16 = 500;
const BODY: &str =
    r#"{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}"#;

// ---------------------------------------------------------------------------
// tonic: a hand-written service (no protoc) whose two methods fail.
// ---------------------------------------------------------------------------

#[path = "../tests/support/grpc.rs"]
mod grpc;
use grpc::{Raw, Routes, Served};

/// `/uni.Load/Uni` answers `to_status(&uni_error())`, `/uni.Load/Plain` a
/// plain Status with the same code and message, `/uni.Load/Prebuilt` that
/// and the details of `to_status`, built once.
#[derive(Clone)]
struct LoadService;

impl Routes for LoadService {
    const NAME: &'static str = "uni.Load";
    type Method = Method;
    fn route(&self, path: &str) -> Option<Method> {
        Some(Method(match path {
            "/uni.Load/Uni" => Side::TonicUni,
            "/uni.Load/Prebuilt" => Side::TonicPrebuilt,
            _ => Side::TonicPlain,
        }))
    }
}

struct Method(Side);

static PREBUILT: std::sync::OnceLock<Bytes> = std::sync::OnceLock::new();

impl UnaryService<Vec<u8>> for Method {
    type Response = Vec<u8>;
    type Future = std::future::Ready<Result<tonic::Response<Vec<u8>>, tonic::Status>>;
    fn call(&mut self, _: tonic::Request<Vec<u8>>) -> Self::Future {
        let reason = "off";
        let status = match self.0 {
            Side::TonicUni => uni_error::tonic::to_status(&uni_error()),
            Side::TonicPrebuilt => tonic::Status::with_details(
                tonic::Code::Unknown,
                format!("NFC is not available: {reason}"),
                PREBUILT.get().expect("set in main").clone(),
            ),
            _ => tonic::Status::unknown(format!("NFC is not available: {reason}")),
        };
        std::future::ready(Err(status))
    }
}

// ---------------------------------------------------------------------------
// The clients: 64 tasks share a counter of requests; each request's
// latency goes to its slot, and each answer is checked.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    AxumUni,
    AxumHand,
    TonicUni,
    TonicPlain,
    /// A plain Status carrying the details `to_status` writes, built once:
    /// what the bytes on the wire cost, without the conversion.
    TonicPrebuilt,
}

impl Side {
    const ALL: [Side; 5] = [
        Side::AxumUni,
        Side::AxumHand,
        Side::TonicUni,
        Side::TonicPlain,
        Side::TonicPrebuilt,
    ];

    fn name(self) -> &'static str {
        match self {
            Side::AxumUni => "axum, uni_error::axum::ErrorResponse",
            Side::AxumHand => "axum, hand-written (StatusCode, Json(..))",
            Side::TonicUni => "tonic, uni_error::tonic::to_status",
            Side::TonicPlain => "tonic, plain tonic::Status",
            Side::TonicPrebuilt => "tonic, plain Status + the same details, prebuilt",
        }
    }
}

struct Servers {
    axum: SocketAddr,
    tonic: Channel,
}

/// Sends requests `range` of `side`, 64 at a time, writing each latency
/// (ns) to its slot; returns the wall time.
async fn hit(
    side: Side,
    servers: &Servers,
    slots: &Arc<Vec<AtomicU32>>,
    range: std::ops::Range<usize>,
) -> Duration {
    let next = Arc::new(AtomicUsize::new(range.start));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(CONCURRENCY);
    for _ in 0..CONCURRENCY {
        let (next, slots, end) = (Arc::clone(&next), Arc::clone(slots), range.end);
        let record = move |i: usize, t: Instant| {
            let ns = u32::try_from(t.elapsed().as_nanos()).unwrap_or(u32::MAX);
            slots[i].store(ns, Ordering::Relaxed);
        };
        let take = move || Some(next.fetch_add(1, Ordering::Relaxed)).filter(|i| *i < end);
        let axum = servers.axum;
        let tonic = servers.tonic.clone();
        tasks.push(tokio::spawn(async move {
            match side {
                Side::AxumUni | Side::AxumHand => {
                    let path = if side == Side::AxumUni {
                        "/uni"
                    } else {
                        "/hand"
                    };
                    let stream = tokio::net::TcpStream::connect(axum).await.expect("connect");
                    stream.set_nodelay(true).expect("nodelay");
                    let (mut sender, conn) =
                        hyper::client::conn::http1::handshake(TokioIo::new(stream))
                            .await
                            .expect("handshake");
                    let conn = tokio::spawn(conn);
                    while let Some(i) = take() {
                        let request = http::Request::get(path)
                            .header("host", "127.0.0.1")
                            .body(Empty::<Bytes>::new())
                            .unwrap();
                        let t = Instant::now();
                        sender.ready().await.expect("ready");
                        let response = sender.send_request(request).await.expect("response");
                        let status = response.status();
                        let body = response.into_body().collect().await.expect("body");
                        record(i, t);
                        assert_eq!(status, HTTP_STATUS, "{side:?}");
                        assert_eq!(body.to_bytes(), BODY, "{side:?}");
                    }
                    drop(sender);
                    let _ = conn.await;
                }
                Side::TonicUni | Side::TonicPlain | Side::TonicPrebuilt => {
                    let path = match side {
                        Side::TonicUni => "/uni.Load/Uni",
                        Side::TonicPrebuilt => "/uni.Load/Prebuilt",
                        _ => "/uni.Load/Plain",
                    };
                    let mut client = tonic::client::Grpc::new(tonic);
                    // Every answer is compared byte for byte with the one
                    // expected (the same cheap check on both sides); the
                    // first of each task is also read back as a uni error.
                    let expected = if side == Side::TonicPlain {
                        tonic::Status::unknown("NFC is not available: off")
                    } else {
                        uni_error::tonic::to_status(&uni_error())
                    };
                    let mut first = true;
                    while let Some(i) = take() {
                        let t = Instant::now();
                        client.ready().await.expect("ready");
                        let answer = client
                            .unary::<Vec<u8>, Vec<u8>, Raw>(
                                tonic::Request::new(Vec::new()),
                                PathAndQuery::from_static(path),
                                Raw,
                            )
                            .await;
                        record(i, t);
                        let status = answer.expect_err("every call fails");
                        assert_eq!(status.code(), expected.code(), "{status:?}");
                        assert_eq!(status.message(), expected.message());
                        assert_eq!(status.details(), expected.details());
                        if first && side != Side::TonicPlain {
                            let back = uni_error::tonic::from_status(&status).expect("details");
                            assert_eq!(back, uni_error::Error::from(uni_error()));
                            first = false;
                        }
                    }
                }
            }
        }));
    }
    for task in tasks {
        task.await.expect("a client task panicked");
    }
    start.elapsed()
}

// ---------------------------------------------------------------------------
// Servers, memory, figures.
// ---------------------------------------------------------------------------

async fn serve() -> Servers {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let axum = listener.local_addr().expect("address");
    let app = Router::new()
        .route("/uni", get(axum_uni))
        .route("/hand", get(axum_hand));
    // No Nagle on either side: a 40 ms delayed ACK would be all we measured.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    tokio::spawn(async move { axum::serve(listener, app).await });

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let incoming = TcpIncoming::from(listener).with_nodelay(Some(true));
    tokio::spawn(Server::builder().serve_with_incoming(Served(LoadService), incoming));
    let tonic = Endpoint::from_shared(format!("http://{addr}"))
        .expect("endpoint")
        .tcp_nodelay(true)
        .connect()
        .await
        .expect("connect");
    Servers { axum, tonic }
}

/// Resident memory (`VmRSS` of /proc/self/status), KiB; 0 where there is
/// no /proc.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn micros(ns: u32) -> f64 {
    f64::from(ns) / 1000.0
}

fn main() {
    let requests = env("UNI_ERROR_LOAD_REQUESTS", 200_000).max(CONCURRENCY);
    let rounds = env("UNI_ERROR_LOAD_ROUNDS", 4).clamp(1, requests);
    let per_round = requests / rounds;
    let requests = per_round * rounds;
    // The hand-written side answers what the uni side does.
    assert_eq!(uni_error::status::http_status(&uni_error()), HTTP_STATUS);
    assert_eq!(uni_error().to_json().unwrap(), BODY);
    assert_eq!(
        serde_json::to_string(&HandError {
            err_subject: "uni-login",
            err_code: 1_504_003,
            err_msg: "NFC is not available: off".into(),
        })
        .unwrap(),
        BODY
    );
    assert_eq!(
        uni_error_grpc_code(),
        tonic::Code::Unknown,
        "the plain Status uses the uni error's code"
    );

    let details = uni_error::tonic::to_status(&uni_error()).details().to_vec();
    PREBUILT.set(Bytes::from(details)).expect("set once");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        println!(
            "load: {requests} errors a side, {CONCURRENCY} concurrent, {rounds} interleaved rounds, {cores} cores"
        );
        let rss_start = rss_kib();
        let servers = serve().await;
        let slots: Vec<Arc<Vec<AtomicU32>>> = Side::ALL
            .iter()
            .map(|_| Arc::new((0..requests).map(|_| AtomicU32::new(0)).collect()))
            .collect();
        // Warm-up: connections, buffers, the allocator's pools.
        let warm = Arc::new((0..(requests / 10).max(CONCURRENCY)).map(|_| AtomicU32::new(0)).collect());
        for side in Side::ALL {
            hit(side, &servers, &warm, 0..warm.len()).await;
        }
        let rss_warm = rss_kib();
        let mut walls = vec![Vec::new(); Side::ALL.len()];
        let mut rss_rounds = Vec::new();
        for round in 0..rounds {
            // ours, theirs; then theirs, ours: neither always goes first.
            let order = if round % 2 == 0 {
                [0, 1, 2, 3, 4]
            } else {
                [1, 0, 4, 3, 2]
            };
            for s in order {
                let range = round * per_round..(round + 1) * per_round;
                let wall = hit(Side::ALL[s], &servers, &slots[s], range).await;
                walls[s].push(wall);
            }
            rss_rounds.push(rss_kib());
        }
        let rss_end = rss_kib();

        println!();
        println!("| side | errors/s (each round) | errors/s | p50 µs | p99 µs |");
        println!("|---|---|---:|---:|---:|");
        let mut rates = Vec::new();
        for (s, side) in Side::ALL.iter().enumerate() {
            let mut ns: Vec<u32> = slots[s].iter().map(|a| a.load(Ordering::Relaxed)).collect();
            assert!(ns.iter().all(|&n| n > 0), "every request was answered");
            ns.sort_unstable();
            let p50 = ns[ns.len() / 2];
            let p99 = ns[ns.len() * 99 / 100];
            let each: Vec<f64> = walls[s]
                .iter()
                .map(|w| per_round as f64 / w.as_secs_f64())
                .collect();
            let total: Duration = walls[s].iter().sum();
            let rate = requests as f64 / total.as_secs_f64();
            rates.push(rate);
            let each: Vec<String> = each.iter().map(|r| format!("{r:.0}")).collect();
            println!(
                "| {} | {} | {rate:.0} | {:.0} | {:.0} |",
                side.name(),
                each.join(", "),
                micros(p50),
                micros(p99)
            );
        }
        println!();
        println!(
            "uni / hand-written errors/s: axum {:.3}, tonic {:.3} (against the prebuilt details {:.3})",
            rates[0] / rates[1],
            rates[2] / rates[3],
            rates[2] / rates[4]
        );
        let rounds: Vec<String> = rss_rounds.iter().map(u64::to_string).collect();
        println!(
            "resident KiB: start {rss_start}, after warm-up {rss_warm}, after each round {}, end {rss_end} (growth after warm-up: {} KiB)",
            rounds.join(", "),
            rss_end as i64 - rss_warm as i64
        );
    });
}

/// The gRPC code `to_status` gives the error.
fn uni_error_grpc_code() -> tonic::Code {
    uni_error::tonic::to_status(&uni_error()).code()
}
