// uni_error::uniffi from Kotlin on the JVM: the bindings uniffi-bindgen
// generated for tests/uniffi, run against its cdylib through JNA, with
// every field asserted; then the `uniffi-kotlin` conformance dump
// (tests/conformance) written to args[1] from args[0] (cases.json's names).
// Built and run by scripts/test-uniffi.sh.
import java.io.File
import kotlinx.coroutines.runBlocking
import uniffi.uni_error.UniFfiException
import uniffi.uni_error_uniffi_tests.*
import uts.sdk.modules.uniNfc.UniFfiErrorFields

fun caught(block: () -> Unit): UniFfiException.Uni {
    try {
        block()
    } catch (e: UniFfiException.Uni) {
        return e
    }
    throw AssertionError("expected UniFfiException.Uni")
}

fun eq(actual: Any?, expected: Any?, what: String) {
    if (actual != expected) throw AssertionError("$what: got <$actual>, expected <$expected>")
}

fun jsonString(s: String): String {
    val out = StringBuilder("\"")
    for (c in s) {
        when {
            c == '"' -> out.append("\\\"")
            c == '\\' -> out.append("\\\\")
            c < ' ' -> out.append(String.format("\\u%04x", c.code))
            else -> out.append(c)
        }
    }
    return out.append('"').toString()
}

fun main(args: Array<String>) {
    var checks = 0
    fun test(name: String, body: () -> Unit) {
        body()
        checks++
        println("ok - kotlin: $name")
    }

    test("a derived error is a Kotlin Exception with every field") {
        val e = caught { login("off") }
        check(e is Exception)
        eq(e.errSubject, "uni-login", "errSubject")
        eq(e.errCode, 1504003L, "errCode")
        eq(e.errMsg, "NFC is not available: off", "errMsg")
        eq(e.dataJson, null, "dataJson")
        eq(e.causeJson, null, "causeJson")
        eq(e.json, """{"errSubject":"uni-login","errCode":1504003,"errMsg":"NFC is not available: off"}""", "json")
    }
    test("data and cause are their JSON text") {
        val e = caught { fail("weixin") }
        eq(e.errSubject, "uni-login::weixin", "errSubject")
        eq(e.errCode, 1416601L, "errCode")
        eq(e.dataJson, """["nickname"]""", "dataJson")
        eq(e.causeJson, """{"message":"user cancelled","subject":"weixin-sdk"}""", "causeJson")
        eq(e.json, rustJson("weixin"), "json")
    }
    test("a uni cause keeps its subject and code") {
        val e = caught { signIn() }
        eq(e.errCode, 1416602L, "errCode")
        eq(e.causeJson, """{"message":"login timed out after 5 ms","subject":"uni-login","code":5}""", "causeJson")
    }
    test("the owned uni_error::Error converts") {
        val e = caught { openOwned() }
        eq(listOf(e.errSubject, e.errCode, e.errMsg), listOf("uni-fs", 1300002L, "no such file"), "fields")
    }
    test("a code beyond a double is exact") {
        eq(caught { fail("big-ints") }.errCode, 9007199254740993L, "errCode")
    }
    test("Chinese text arrives intact") {
        val e = caught { fail("unicode") }
        eq(e.errSubject, "uni-登录::微信", "errSubject")
        check(e.errMsg.startsWith("登录失败 🚫 \"引号\"")) { e.errMsg }
    }
    test("a suspend export throws the same") {
        eq(runBlocking { failLater("none") }, "fine", "ok value")
        val e = caught { runBlocking { failLater("chain3") } }
        eq(e.json, rustJson("chain3"), "json")
    }
    test("the UTS glue's UniFfiErrorFields.kt reads the exception") {
        val e = caught { fail("aggregate-owned") }
        val fields = UniFfiErrorFields.of(e) ?: throw AssertionError("no fields")
        eq(fields.errSubject, "uni-ad", "errSubject")
        eq(fields.errCode.toLong(), 1416601L, "errCode")
        eq(fields.errMsg, "no ad could be shown", "errMsg")
        eq(fields.dataJson, null, "dataJson")
        eq(fields.causeJson, e.causeJson, "causeJson")
        eq(UniFfiErrorFields.of(IllegalStateException("not ours")), null, "another exception")
        eq(UniFfiErrorFields.of(null), null, "null")
    }

    // The conformance dump: the fields of each case's exception.
    val names = Regex("\"case\": \"([^\"]+)\"").findAll(File(args[0]).readText()).map { it.groupValues[1] }.toList()
    check(names.size >= 8) { "cases.json lists ${names.size} cases" }
    val dump = names.joinToString(",", "{", "}") { name ->
        val e = caught { fail(name) }
        val fields = mutableListOf(
            "\"errSubject\":" + jsonString(e.errSubject),
            "\"errCode\":" + e.errCode,
            "\"errMsg\":" + jsonString(e.errMsg),
        )
        e.dataJson?.let { fields += "\"data\":$it" }
        e.causeJson?.let { fields += "\"cause\":$it" }
        fields += "\"json\":" + jsonString(e.json)
        jsonString(name) + ":" + fields.joinToString(",", "{", "}")
    }
    File(args[1]).writeText(dump)
    println("kotlin: $checks tests passed, conformance dump of ${names.size} cases written")
}
