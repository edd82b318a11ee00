// Five modules of DCloud's `dcloudio/uni-api` ported to `#[derive(UniError)]`.
//
// Origin of every fact here (subjects, codes, messages, the Chinese
// descriptions, deprecations, platforms): github.com/dcloudio/uni-api at
// commit 8968d28e0c9f52af8e6089ed684dbea260afcdd5 (2025-06-05),
// `uni_modules/<module>/utssdk/interface.uts` (code unions, their doc
// comments and `@uniPlatform` blocks) and `unierror.uts` (subjects and
// messages). The Rust names and the code around them are ours.

// The types exist for their catalogs; most values are never built.
#![allow(dead_code, deprecated)]

use uni_error::UniError;

/// uni-location (`uni_modules/uni-location`): 19 codes in the union, 12 in
/// the map; the 7 without a message are deprecated since 4.25 (1505023 is
/// not marked so by DCloud, see `tests/dcloud.rs`).
#[derive(Debug, UniError)]
#[subject("uni-location")]
#[errno(category = 15, sub = 5)]
#[platforms(android, ios)]
pub enum LocationError {
    /// 缺失高精度权限授权（iOS特有）
    #[deprecated(note = "从4.25开始已经废弃")]
    #[errno(code = 5)]
    #[platforms(android, ios, harmony, web)]
    NoHighAccuracy,
    /// 超时
    #[deprecated(note = "从4.25开始已经废弃")]
    #[errno(code = 21)]
    #[platforms(android, ios, harmony, web)]
    OldTimeout,
    /// 不支持的定位类型
    #[deprecated(note = "从4.25开始已经废弃")]
    #[errno(code = 22)]
    #[platforms(android, ios, harmony, web)]
    OldUnsupportedType,
    /// 不支持逆地理编码
    #[deprecated(note = "DCloud's map has no message for it; 1505700 replaces it")]
    #[errno(code = 23)]
    #[platforms(android, ios, harmony, web)]
    OldNoGeocode,
    /// 没有找到具体的定位引擎（GPS_PROVIDER，NETWORK_PROVIDER，PASSIVE_PROVIDER等），请定位开关是否已打开
    #[deprecated(note = "从4.25开始已经废弃")]
    #[errno(code = 24)]
    #[platforms(android, ios, harmony, web)]
    OldNoProvider,
    /// 逆地理编码捕获失败
    #[deprecated(note = "从4.25开始已经废弃")]
    #[errno(code = 25)]
    #[platforms(android, ios, harmony, web)]
    OldGeocodeFailed,
    /// 捕获定位失败
    #[deprecated(note = "从4.25开始已经废弃")]
    #[errno(code = 26)]
    #[platforms(android, ios, harmony, web)]
    OldRequestFailed,
    /// 系统定位未开启，请在系统设置中开启系统定位
    #[errno(code = 3)]
    #[msg("maybe not turn on the system location permission.")]
    SystemLocationOff,
    /// 应用定位权限未开启
    #[errno(code = 4)]
    #[msg("maybe not obtain GPS Permission.")]
    NoPermission,
    /// 超时
    #[errno(code = 600)]
    #[msg("location fail: timeout")]
    Timeout,
    /// 不支持的定位类型
    #[errno(code = 601)]
    #[msg("system location support wgs84 only.")]
    UnsupportedType,
    /// 捕获定位失败
    #[errno(code = 602)]
    #[msg("location fail: request error")]
    RequestFailed,
    /// 逆地理编码捕获失败
    #[errno(code = 603)]
    #[msg("The system failed to retrieve geocode for the location.")]
    GeocodeFailed,
    /// 服务供应商获取失败
    #[errno(code = 604)]
    #[msg("Failed to get provider.")]
    NoProviderService,
    /// 不支持逆地理编码
    #[errno(code = 700)]
    #[msg("system location not support geocode.")]
    NoGeocode,
    /// 没有找到具体的定位引擎（GPS_PROVIDER，NETWORK_PROVIDER，PASSIVE_PROVIDER等），请确定系统定位是否开启
    #[errno(code = 701)]
    #[msg("Provider is not find,Please ensure that the device location function is turned on")]
    NoProvider,
    /// 应用高精度定位权限未开启
    #[errno(code = 800)]
    #[msg("Unauthorized access to high-accuracy location services.")]
    NoHighAccuracyPermission,
    /// 未通过配置预校验，通常是腾讯定位 api key 配置错误
    #[errno(code = 605)]
    #[msg("The Tencent api key is misconfigured.")]
    BadApiKey,
    /// 腾讯定位只支持GCJ-02
    #[errno(code = 607)]
    #[msg("GCJ-02 support only.")]
    Gcj02Only,
}

/// uni-shareWithSystem (`uni_modules/uni-shareWithSystem`): the Impl takes
/// a run-time detail, appended after ", the reason: ".
#[derive(Debug, UniError)]
#[subject("uni-shareWithSystem")]
#[errno(category = 13, sub = 10)]
#[platforms(android, ios)]
pub enum ShareWithSystemError {
    /// 取消分享
    #[errno(code = 600)]
    #[msg("Cancel share")]
    Cancelled,
    /// 分享内容不可以为空
    #[errno(code = 601)]
    #[msg("Shared content can not be empty")]
    Empty,
    /// 已经成功调用系统分享接口，系统分享出错
    #[errno(code = 602)]
    #[msg("Failed to share, the reason: {reason}")]
    Failed { reason: String },
    /// 图片路径无效
    #[errno(code = 603)]
    #[msg("Failed to load image paths")]
    BadImage,
    /// 无效的链接
    #[errno(code = 604)]
    #[msg("Invalid herf")]
    BadHref,
    /// video 路径无效
    #[errno(code = 605)]
    #[msg("Invalid video paths")]
    BadVideo,
    /// file 文件不存在
    #[errno(code = 606)]
    #[msg("Invalid file paths")]
    BadFile,
    /// audio 路径无效
    #[errno(code = 607)]
    #[msg("Invalid audio paths")]
    BadAudio,
}

/// uni-payment (`uni_modules/uni-payment`): codes whose platforms
/// contradict their range (700600 is 6xx, "App and Web", where DCloud marks
/// web x; 700800 is 8xx, "App-iOS", and occurs on Android too).
#[derive(Debug, UniError)]
#[subject("uni-requestPayment")]
#[platforms(android, ios, harmony)]
pub enum RequestPaymentError {
    /// 正在处理中，支付结果未知（有可能已经支付成功），请查询商家订单列表中订单的支付状态
    #[errno(700_600)]
    #[msg("The payment result is unknown (it may have been successfully paid). Please check the payment status of the order in the merchant order list.")]
    Pending,
    /// 订单支付失败。
    #[errno(701_100)]
    #[msg("Order payment failure.")]
    Failed,
    /// 重复请求。
    #[errno(701_110)]
    #[msg("Repeat the request.")]
    Repeated,
    /// 用户中途取消。
    #[errno(700_601)]
    #[msg("The user canceled midway.")]
    Cancelled,
    /// 网络连接出错。
    #[errno(700_602)]
    #[msg("Network connection error.")]
    Network,
    /// 支付结果未知（有可能已经支付成功），请查询商家订单列表中订单的支付状态。
    #[errno(700_603)]
    #[msg("Payment result unknown (may have been successfully paid), please check the payment status of the order in the merchant order list.")]
    Unknown,
    /// 其它支付错误。
    #[errno(700_000)]
    #[msg("Other payment errors.")]
    Other,
    /// 微信没有安装。
    #[errno(700_604)]
    #[msg("Wechat is not installed.")]
    NoWechat,
    /// 服务供应商获取失败。
    #[errno(700_605)]
    #[msg("Failed to get provider.")]
    NoProvider,
    /// 支付未完成。
    #[errno(700_607)]
    #[msg("Payment not completed.")]
    NotCompleted,
    /// 服务商返回参数错误。
    #[errno(700_608)]
    #[msg("Parameter error.")]
    BadParameter,
    /// 没有配置对应的URL Scheme。
    #[errno(700_800)]
    #[platforms(android, ios)]
    #[msg("URL Scheme is not configured.")]
    NoUrlScheme,
    /// 没有配置对应的Universal Link。
    #[errno(700_801)]
    #[platforms(android, ios)]
    #[msg("Universal Link is not configured.")]
    NoUniversalLink,
}

/// uni-websocket's `connectSocket` (`uni_modules/uni-websocket`): its
/// subject constant is shared with [`SendSocketMessageError`].
#[derive(Debug, UniError)]
#[subject("uni-websocket")]
pub enum ConnectSocketError {
    /// URL 格式不合法
    #[errno(600_009)]
    #[msg("invalid URL")]
    InvalidUrl,
}

/// uni-websocket's `sendSocketMessage`.
#[derive(Debug, UniError)]
#[subject("uni-websocket")]
pub enum SendSocketMessageError {
    /// 发送数据超限，发送队列不能超过16M大小。
    #[errno(10_001)]
    #[msg("The queue memory exceeds 16 MiB and the connection will be closed")]
    QueueFull,
    /// websocket未连接
    #[errno(10_002)]
    #[msg("webSocket is not connected")]
    NotConnected,
    /// websocket系统错误
    #[errno(602_001)]
    #[msg("websocket system error")]
    System,
}

/// uni-getbatteryinfo (`uni_modules/uni-getbatteryinfo`): the interface
/// itself is the Fail type, the constants are `UniErrorSubject` and
/// `UniErrors`.
#[derive(Debug, UniError)]
#[subject("uni-getBatteryInfo")]
pub enum GetBatteryInfoError {
    #[errno(1_001)]
    #[msg("getBatteryInfo:fail getAppContext is null")]
    NoAppContext,
    #[errno(1_002)]
    #[msg("getBatteryInfo:fail not support")]
    Unsupported,
}
