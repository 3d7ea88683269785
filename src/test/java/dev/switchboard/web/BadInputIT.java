package dev.switchboard.web;

import static dev.switchboard.badinput.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Switchboard;
import dev.switchboard.badinput.BadInputs;
import dev.switchboard.badinput.Gen;
import dev.switchboard.badinput.Lines;
import dev.switchboard.badinput.Tries;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.Settings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input campaign at the HTTP edge (docs/BAD-INPUT.md): one real platform (embedded Kafka, Streams,
 * DuckDB store, web), then many generated requests to every route that takes input, with malformed bodies,
 * wrong content types, injection strings, extreme numbers and bad dates in bodies, paths and query parameters.
 * Every answer is below 500, and every 4xx is a JSON {"error", "details"}. After the campaign the pipeline is
 * not stuck (a good record sent last is accounted for and stored in bounded time) and the accounting
 * reconciles per kind. Requests are drawn by the campaign's generators ({@link Gen})
 * from {@code -Dbadinput.seed} (printed at the end); {@code -Dbadinput.requests=N} scales them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {
    private static final int SCALE = Integer.getInteger("badinput.requests", 150);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    @TempDir static Path dir;
    static Switchboard sb;
    static WebServer web;
    static String base;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final AtomicLong requests = new AtomicLong();
    static final Map<String, AtomicLong> acceptedByKind = new LinkedHashMap<>();
    static final Map<Integer, AtomicLong> statuses = new java.util.TreeMap<>();

    @BeforeAll
    static void start() {
        Settings settings = Settings.resolve(Map.of("data", dir.toString(), "roles", "ingest,stream,store,web,generate", "port", "0",
                "max-body-bytes", "200000", "max-record-bytes", "4000"), Map.of());
        sb = Switchboard.start(settings);
        web = new WebServer(sb).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        for (String kind : List.of("cdr", "call", "ctr", "ivr")) acceptedByKind.put(kind, new AtomicLong());
    }

    @AfterAll
    static void stop() {
        System.out.printf("BadInputIT: %d requests (seed %d), statuses %s, records accepted at the edge %s%n", requests.get(), Tries.SEED, statuses, acceptedByKind);
        if (web != null) web.close();
        if (sb != null) sb.close();
    }

    // ---- what the campaign found, kept as examples ----

    @Test
    @Order(0)
    void foundByTheCampaign() {
        // A malformed JSON body to POST /api/query was a 500 (JsonEOFException).
        assertThat(json(send("POST", "/api/query", "application/json", "{\"sql\":".getBytes(StandardCharsets.UTF_8))).path("error").asText()).isEqualTo("bad body");
        // ?limit of the wrong type was Javalin's own {"limit": [...]}, not {error, details}.
        assertThat(json(send("GET", "/api/query?sql=select%201&limit=asc", null, new byte[0])).path("error").asText()).isEqualTo("bad request");
        // Jetty's refusals (a request line over 8 KiB) were an HTML page.
        HttpResponse<String> long414 = send("GET", "/api/stats?x=" + "a".repeat(10_000), null, new byte[0]);
        assertThat(long414.statusCode()).isEqualTo(414);
        assertThat(json(long414).path("error").asText()).isEqualTo("uri too long");
        // A body over Javalin's request-size limit (1 MB) read with ctx.body() was plain text; now max-body-bytes applies to
        // every route (web.RequestBodyLimit) and the answer is the API's JSON error.
        HttpResponse<String> big = send("POST", "/api/customers", "application/json", ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).path("error").asText()).isEqualTo("body too large");
        // A body refused part-way (too large, or a JSON array broken after good records) had already published the records
        // before it: the caller was told 413/400 while they went through mediation. Now nothing of it is published; the
        // final test checks that source "refused-whole" was never counted in.
        assertThat(send("POST", "/api/ingest/cdr?source=refused-whole", "application/x-ndjson", (cdr() + "\n").repeat(1_500).getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(413);
        assertThat(send("POST", "/api/ingest/cdr?source=refused-whole", "application/json", ("[" + cdr() + "," + cdr() + ",{").getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
    }

    // ---- ingest: every kind, format and content type ----

    @Test
    @Order(1)
    void ingestAnswersEveryBodyWithA202OrA4xx() {
        Gen<String> kinds = Gen.frequency(weight(10, Gen.of("cdr", "call", "ctr", "ivr")),
                weight(1, Gen.of("CDR", "parcel", "%2e%2e", "cdr.raw", "")));
        Gen<String> contentTypes = Gen.of("application/json", "application/x-ndjson", "text/csv", "text/plain",
                "application/json; charset=utf-16", "application/xml", "multipart/form-data; boundary=x", "text/csv; charset=latin1",
                "*/*", "", "nonsense", "application/json\u0000");
        Gen<String> formats = Gen.frequency(weight(6, Gen.just("")),
                weight(4, Gen.of("cdr-json", "cdr-csv", "asterisk-cdr", "call-json", "asterisk-queue-log", "ctr-json", "ivr-json")),
                weight(1, BadInputs.injections()));
        Gen<String> sources = Gen.frequency(weight(8, Gen.just("")), weight(1, BadInputs.injections()),
                weight(1, Gen.strings(Gen.bmpChar(), 150, 250)));
        Gen<byte[]> bodies = bodies();
        Gen<List<Object>> requests = r -> List.of(kinds.next(r), contentTypes.next(r), formats.next(r), sources.next(r), bodies.next(r));
        requests.samples(Tries.random("BadInputIT.ingest"))
                .limit(SCALE * 2L).forEach(c -> {
                    String kind = (String) c.get(0), contentType = (String) c.get(1), format = (String) c.get(2), source = (String) c.get(3);
                    byte[] body = (byte[]) c.get(4);
                    String query = query(Map.of("format", format, "source", source));
                    HttpResponse<String> r = send("POST", "/api/ingest/" + path(kind) + query, contentType, body);
                    if (r.statusCode() == 202) {
                        JsonNode receipt = json(r);
                        assertThat(receipt.path("accepted").asLong() + receipt.path("rejected").asLong()).isPositive();
                        acceptedByKind.get(kind).addAndGet(receipt.path("accepted").asLong());
                    }
                });
    }

    private static Gen<byte[]> bodies() {
        Gen<String> record = Gen.oneOf(
                BadInputs.badJsonPayloads(cdr()), BadInputs.badJsonPayloads(call()), BadInputs.badJsonPayloads(contact()),
                BadInputs.badJsonPayloads(ivr()), Lines.badCsv(CDR_CSV), Lines.badCsv(ASTERISK), Lines.badCsv(QUEUE_LOG),
                Gen.of(cdr().toString(), call().toString(), contact().toString(), ivr().toString(), CDR_CSV, ASTERISK, QUEUE_LOG));
        Gen<String> text = Gen.frequency(
                weight(5, record.list(1, 8).map(l -> String.join("\n", l))),
                weight(3, record.list(0, 8).map(l -> "[" + String.join(",", l) + "]")),
                weight(1, record.map(r -> "\uFEFF" + r)),
                weight(1, Gen.of("", " ", "\n\n", "[]", "{}", "null", "[" + "x".repeat(10) + "]", BadInputs.deepArrays(BadInputs.DEEP),
                        BadInputs.deepObjects(BadInputs.DEEP), "[" + ("{\"id\":\"" + "x".repeat(3_000) + "\"},").repeat(70) + "{}]",
                        (cdr() + "\n").repeat(1_500))));
        return Gen.frequency(weight(8, text.map(t -> t.getBytes(StandardCharsets.UTF_8))), weight(2, text.flatMap(BadInputs::badBytes)));
    }

    // ---- operational routes with bodies ----

    @Test
    @Order(2)
    void customersTariffsDirectoryPlansQueryModelAndSettingsAnswerBelow500() throws Exception {
        ObjectNode customer = Json.MAPPER.createObjectNode().put("name", "Alice Martin").put("national_id", "123-45-6789")
                .put("birth_date", "1980-06-15").put("sex", "F").put("address", "12 Elm Street").put("city", "Springfield").put("operator", "Nimbus");
        customer.putArray("phones").add("+12025550143");
        customer.putArray("subscriptions").addObject().put("product_code", "FIBER_100").put("since", "2020-01-01");
        String customerCsv = "name,national_id,birth_date,sex,address,city,operator,phones,subscriptions\n"
                + "Alice Martin,123-45-6789,1980-06-15,F,12 Elm Street,Springfield,Nimbus,+12025550143,FIBER_100:2020-01-01\n";
        ObjectNode criteria = Json.MAPPER.createObjectNode();
        criteria.putArray("tags").add("HEALTH");
        criteria.put("from_hour", 9).put("to_hour", 17).put("country", "US").put("min_calls", 1).put("days", 30);
        ObjectNode plan = Json.MAPPER.createObjectNode().put("name", "health-week");
        plan.set("criteria", criteria.deepCopy());
        ObjectNode tariffPlan = (ObjectNode) Json.MAPPER.readTree("""
                {"plan_id":"smart","version":2,"name":"Smart","currency":"USD","active_from":"2026-03-01","rates":[
                {"id":"us","prefix":"+1","price_per_minute":"0.05","increment_sec":60}]}""");
        ObjectNode tariffs = Json.MAPPER.createObjectNode().put("zone", "UTC").put("default_plan", "smart");
        tariffs.putArray("plans").add(tariffPlan.deepCopy());
        ObjectNode settings = Json.MAPPER.createObjectNode().put("rate", 5);
        ObjectNode predict = Json.MAPPER.createObjectNode().put("caller_number", "+12025550143").put("time", "2026-03-02T10:00:00Z")
                .put("queue", "support");
        ObjectNode export = Json.MAPPER.createObjectNode().put("table", "cdr").put("format", "parquet");

        List<Gen<Request>> routes = List.of(
                BadInputs.badJsonPayloads(customer).map(b -> new Request("POST", "/api/customers", "application/json", b)),
                Gen.zip(ids(), BadInputs.badJsonPayloads(customer), (id, b) -> new Request("PUT", "/api/customers/" + id, "application/json", b)),
                ids().map(id -> new Request("DELETE", "/api/customers/" + id, null, "")),
                Gen.zip(Gen.of("csv", "json", "", "xml", "'; DROP TABLE customer;--"), Gen.oneOf(Lines.badCsv(customerCsv),
                        BadInputs.badJsonPayloads(customer)), (f, b) -> new Request("POST", "/api/customers/import" + query(Map.of("format", f)), "text/csv", b)),
                BadInputs.badJsonPayloads(tariffs).map(b -> new Request("POST", "/api/tariffs", "application/json", b)),
                BadInputs.badJsonPayloads(tariffPlan).map(b -> new Request("POST", "/api/tariffs/plans", "application/json", b)),
                Gen.zip(ids(), BadInputs.badJsonPayloads(Json.MAPPER.createObjectNode().put("plan_id", "smart")),
                        (n, b) -> new Request("PUT", "/api/tariffs/assignments/" + n, "application/json", b)),
                Gen.zip(ids(), BadInputs.badJsonPayloads(Json.MAPPER.createObjectNode().put("business_type", "BANKING").put("name", "Bank")),
                        (p, b) -> new Request("PUT", "/api/marketing/directory/" + p, "application/json", b)),
                ids().map(p -> new Request("DELETE", "/api/marketing/directory/" + p, null, "")),
                Gen.zip(Gen.of("merge", "replace", "", "MERGE", "x"), Lines.badCsv("prefix,business_type,name\n+1212555,BANKING,First Bank\n"),
                        (m, b) -> new Request("POST", "/api/marketing/directory" + query(Map.of("mode", m)), "text/csv", b)),
                BadInputs.badJsonPayloads(plan).map(b -> new Request("POST", "/api/marketing/plans", "application/json", b)),
                ids().map(n -> new Request("DELETE", "/api/marketing/plans/" + n, null, "")),
                BadInputs.badJsonPayloads(criteria).map(b -> new Request("POST", "/api/marketing/targets", "application/json", b)),
                BadInputs.injections().map(sql -> new Request("POST", "/api/query", "text/plain", sql)),
                BadInputs.badJsonPayloads(Json.MAPPER.createObjectNode().put("sql", "select 1")).map(b -> new Request("POST", "/api/query", "application/json", b)),
                BadInputs.badJsonPayloads(predict).map(b -> new Request("POST", "/api/model/predict", "application/json", b)),
                Gen.zip(values(), values(), (f, u) -> new Request("POST", "/api/model/train" + query(Map.of("from", f, "until", u)), null, "")),
                BadInputs.badJsonPayloads(settings).map(b -> new Request("PUT", "/api/generator/cdr", "application/json", b)),
                BadInputs.injections().map(b -> new Request("POST", "/api/callcenter/reset", "application/json", b)),
                values().map(p -> new Request("POST", "/api/billing/run" + query(Map.of("period", p)), null, "")),
                BadInputs.badJsonPayloads(export).map(b -> new Request("POST", "/api/export", "application/json", b)));
        Gen.oneOf(routes).samples(Tries.random("BadInputIT.routes")).limit(SCALE * 3L).forEach(r -> send(r.method, r.path, r.contentType, r.body.getBytes(StandardCharsets.UTF_8)));
        // The generator must stay stopped whatever its settings became: the accounting below counts only what this test sent.
        assertThat(json(send("GET", "/api/generator/cdr", null, new byte[0])).path("state").asText()).isEqualTo("stopped");
    }

    // ---- query parameters and path parameters of GET routes ----

    private static final List<String> GETS = List.of(
            "/api/callcenter/live", "/api/callcenter/buckets", "/api/callcenter/summary", "/api/callcenter/kpis", "/api/callcenter/staffing",
            "/api/cdr/{x}/cost", "/api/customers", "/api/customers/{x}", "/api/products", "/api/ingest/status", "/api/ivr/bot-to-bill",
            "/api/ivr/by-month", "/api/ivr/by-topic", "/api/ivr/heatmap", "/api/ivr/kpis", "/api/ivr/sentiment", "/api/model",
            "/api/model/live", "/api/model/versions", "/api/query", "/api/revenue/daily", "/api/revenue/distribution", "/api/revenue/errors",
            "/api/revenue/summary", "/api/revenue/top", "/api/stats", "/api/tariffs", "/api/tariffs/plans/{x}", "/api/billing/bills",
            "/api/billing/current/{x}", "/api/billing/invoice/{x}", "/api/marketing/directory", "/api/marketing/directory/lookup/{x}",
            "/api/marketing/templates/{x}", "/api/marketing/plans", "/api/marketing/plans/{x}", "/api/marketing/plans/{x}/targets",
            "/api/generator/cdr", "/api/nowhere/{x}", "/health");
    private static final List<String> PARAMS = List.of("agents", "by", "caller", "city", "definition", "dir", "format", "from", "full", "group",
            "mode", "number", "order", "period", "queue", "region", "sort", "source", "sql", "tag", "type", "until", "date", "hours", "limit",
            "limit_per_reason", "min_calls", "offset", "target_sec", "target_sl", "to", "weeks", "sent");

    @Test
    @Order(3)
    void getRoutesAnswerBadParametersBelow500() {
        Gen<Map<String, String>> params = Gen.maps(Gen.of(PARAMS), values(), 4);
        Gen<String> routes = Gen.of(GETS), ids = ids();
        Gen<String> paths = r -> routes.next(r).replace("{x}", ids.next(r)) + query(params.next(r));
        paths.samples(Tries.random("BadInputIT.gets")).limit(SCALE * 3L).forEach(path -> send("GET", path, null, new byte[0]));
    }

    // ---- after the campaign ----

    @Test
    @Order(4)
    void afterTheCampaignAGoodRecordIsStoredAndTheAccountingReconciles() throws Exception {
        String id = "bad-input-after";
        String good = cdr().put("id", id).toString();
        JsonNode receipt = json(send("POST", "/api/ingest/cdr?source=bad-input-after", "application/x-ndjson", good.getBytes(StandardCharsets.UTF_8)));
        assertThat(receipt.path("accepted").asLong()).isEqualTo(1);
        acceptedByKind.get("cdr").incrementAndGet();
        JsonNode status = await("the good record accounted for", () -> {
            JsonNode s = json(send("GET", "/api/ingest/status?source=bad-input-after&sent=1", null, new byte[0]));
            return s.path("accounted").asBoolean() ? s : null;
        });
        assertThat(status.path("cdr").path("clean").asLong()).isEqualTo(1);
        await("the good record stored", () -> {
            JsonNode q = json(send("POST", "/api/query", "text/plain", ("select count(*) as n from cdr where id = '" + id + "'").getBytes(StandardCharsets.UTF_8)));
            return q.path("rows").path(0).path(0).asLong() == 1 ? q : null;
        });
        JsonNode stats = await("every kind drained", () -> {
            JsonNode s = json(send("GET", "/api/stats", null, new byte[0]));
            for (String kind : acceptedByKind.keySet()) if (s.path(kind).path("in").asLong() < acceptedByKind.get(kind).get() || !s.path(kind).path("drained").asBoolean(true)) return null;
            return s;
        });
        System.out.printf("BadInputIT accounting: %s%n", stats);
        for (String kind : List.of("cdr", "call", "ivr")) {
            JsonNode k = stats.path(kind);
            assertThat(k.path("in").asLong()).as("%s: in = clean + error + duplicate (%s)", kind, k)
                    .isEqualTo(k.path("clean").asLong() + k.path("error").asLong() + k.path("duplicate").asLong());
        }
        JsonNode ctr = stats.path("ctr");
        assertThat(ctr.path("in").asLong()).as("ctr: in = new + updated + replayed + stale + error (%s)", ctr)
                .isEqualTo(ctr.path("new").asLong() + ctr.path("updated").asLong() + ctr.path("replayed").asLong() + ctr.path("stale").asLong()
                        + ctr.path("error").asLong());
        for (String kind : List.of("cdr", "ctr", "ivr"))
            assertThat(stats.path(kind).path("in").asLong()).as("%s: exactly the records the edge accepted with a 202 are counted in", kind)
                    .isEqualTo(acceptedByKind.get(kind).get());
        // call.raw also takes the call events derived from clean contact records (ContactTopology), so more may come in than were posted.
        assertThat(stats.path("call").path("in").asLong()).as("call: every record the edge accepted with a 202 is counted in")
                .isGreaterThanOrEqualTo(acceptedByKind.get("call").get());
        assertThat(json(send("GET", "/api/ingest/status?source=refused-whole", null, new byte[0])).path("cdr").path("in").asLong())
                .as("records of bodies refused whole are not published").isZero();
        assertThat(json(send("GET", "/health", null, new byte[0])).path("status").asText()).isEqualTo("UP");
    }

    // ---- helpers ----

    private record Request(String method, String path, String contentType, String body) {}

    /** Sends one request and checks the campaign's property on the answer. */
    static HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(ANSWER_WITHIN)
                .method(method, body.length == 0 && !method.equals("POST") && !method.equals("PUT") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && !contentType.isEmpty() && contentType.chars().noneMatch(ch -> ch < 0x20)) b.header("Content-Type", contentType);
        String what = method + " " + path + " [" + contentType + "] body " + body.length + " bytes: "
                + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + ANSWER_WITHIN + ": " + what, e);
        } catch (java.io.IOException e) {
            // Jetty refuses a bad request line (over 8 KiB, an encoded NUL in the path, …) before reading the body and closes
            // the connection; a client still sending its body then sees no answer. The same request without a body shows the refusal.
            if (body.length > 0) return send(method, path, contentType, new byte[0]);
            throw new AssertionError("request failed: " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        requests.incrementAndGet();
        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicLong()).incrementAndGet();
        if (r.statusCode() >= 500) finding(what + " answered " + r.statusCode() + " " + r.body());
        else if (r.statusCode() >= 400) {
            JsonNode error;
            try {
                error = Json.MAPPER.readTree(r.body());
            } catch (Exception e) {
                error = null;
            }
            if (error == null || !error.has("error") || !error.has("details") || error.path("error").asText().isBlank())
                finding(what + " answered " + r.statusCode() + " without a JSON {error, details}: " + r.body());
        }
        return r;
    }

    /** What broke the campaign's property; collected so that one run shows every kind of finding, not only the first. */
    static final List<String> findings = new ArrayList<>();
    static long findingCount;

    private static void finding(String what) {
        findingCount++;
        if (findings.size() < 25) findings.add(what.length() > 1_500 ? what.substring(0, 1_500) + "…" : what);
    }

    @AfterEach
    void noFindings() {
        List<String> found = List.copyOf(findings);
        long count = findingCount;
        findings.clear();
        findingCount = 0;
        assertThat(found).as("%d answers broke the property (5xx, or a 4xx that is not a JSON {error, details})", count).isEmpty();
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + " " + r.request().method() + " " + r.request().uri() + "): " + r.body(), e);
        }
    }

    private interface Poll {
        JsonNode poll() throws Exception;
    }

    private static JsonNode await(String what, Poll poll) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode result = poll.poll();
            if (result != null) return result;
            assertThat(System.nanoTime()).as("%s within 60 s", what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Path segments: injection strings, extreme numbers, bad dates, a few plausible ids; always encoded. */
    private static Gen<String> ids() {
        return Gen.oneOf(values(), Gen.of("1", "0", "-1", "+12025550143", "12025550143", "smart", "health-week", "3"))
                .map(BadInputTestPaths::segment);
    }

    private static Gen<String> values() {
        return Gen.frequency(weight(3, BadInputs.injections().map(s -> s.length() > 2_000 ? s.substring(0, 2_000) : s)),
                weight(2, Gen.of(BadInputs.EXTREME_NUMBERS)), weight(2, Gen.of(BadInputs.BAD_DATES)),
                weight(1, Gen.of(BadInputs.NON_JSON_NUMBERS)),
                weight(2, Gen.of("2026-03-01", "2026-03", "10", "csv", "json", "true", "desc", "asc", "caller", "support", "DEFAULT")));
    }

    private static String path(String segment) {
        return BadInputTestPaths.segment(segment);
    }

    private static String query(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> {
            if (!v.isEmpty()) parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** Path-segment encoding: URLEncoder's, with spaces as %20; lone surrogates are replaced first, as any client would. */
    static final class BadInputTestPaths {
        static String segment(String s) {
            String text = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            String e = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            return e.isEmpty() ? "%20" : e;
        }
    }

    private static final String CDR_CSV = "c-1,+12015550123,+442079460958,2026-03-01T10:15:30Z,60,VOICE,ANSWERED,acme";
    private static final String ASTERISK = "\"\",\"2015550123\",\"6502530000\",\"from-internal\",\"\"\"Ann\"\" <2015550123>\",\"SIP/2015550123-00000001\","
            + "\"SIP/trunk-00000002\",\"Dial\",\"SIP/trunk/6502530000,30\",\"2026-03-01 10:00:00\",\"2026-03-01 10:00:05\","
            + "\"2026-03-01 10:01:05\",65,60,\"ANSWERED\",\"DOCUMENTATION\",\"1772359200.17\",\"\"";
    private static final String QUEUE_LOG = "1768467612|c1|support|SIP/201|CONNECT|12|1768467600.2|3";

    private static ObjectNode cdr() {
        return Json.MAPPER.createObjectNode().put("id", "c-1").put("calling_number", "+12015550123").put("called_number", "+442079460958")
                .put("start_time", "2026-03-01T10:15:30Z").put("duration_sec", 60).put("type", "VOICE").put("result", "ANSWERED").put("operator", "acme");
    }

    private static ObjectNode call() {
        return Json.MAPPER.createObjectNode().put("call_id", "q-1").put("event", "ENDED").put("time", "2026-03-01T10:15:30Z").put("queue", "support")
                .put("caller_number", "(201) 555-0123").put("agent", "SIP/201").put("wait_sec", 12).put("talk_sec", 95).put("subject", "COMPLAINT")
                .put("product", "fiber-100");
    }

    private static ObjectNode contact() {
        ObjectNode n = Json.MAPPER.createObjectNode().put("ContactId", "k-1").put("Channel", "VOICE").put("InitiationMethod", "INBOUND")
                .put("InitiationTimestamp", "2026-03-02T09:00:00Z").put("DisconnectTimestamp", "2026-03-02T09:06:40Z")
                .put("LastUpdateTimestamp", "2026-03-02T09:06:40Z").put("DisconnectReason", "AGENT_DISCONNECT");
        n.putObject("Queue").put("Name", "Support").put("EnqueueTimestamp", "2026-03-02T09:00:10Z").put("DequeueTimestamp", "2026-03-02T09:01:10Z").put("Duration", 60);
        n.putObject("Agent").put("Username", "ann").put("AgentInteractionDuration", 300);
        n.putObject("CustomerEndpoint").put("Address", "+447700900001").put("Type", "TELEPHONE_NUMBER");
        n.putObject("Attributes").put("intent", "billing");
        return n;
    }

    private static ObjectNode ivr() {
        ObjectNode s = Json.MAPPER.createObjectNode().put("session_id", "s-1").put("customer_id", "c-1").put("call_start_time", "2026-03-02T10:00:00Z")
                .put("call_end_time", "2026-03-02T10:02:00Z").put("call_duration_sec", 120).put("initial_intent", "payment_issue")
                .put("resolution_status", "Resolved").put("escalation_flag", "N").put("customer_sentiment", "Positive").put("system_error_flag", "N")
                .put("ivr_outcome_code", "RES_BOT").put("topic_type", "Billing").put("topic_name", "Payment Issue");
        s.putArray("turns").addObject().put("turn_number", 1).put("timestamp", "2026-03-02T10:00:05Z").put("speaker", "Customer")
                .put("text", "My payment failed").put("intent_name", "payment_issue").put("confidence_score", 0.91);
        return s;
    }
}
