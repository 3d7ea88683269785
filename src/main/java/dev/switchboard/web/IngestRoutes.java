package dev.switchboard.web;

import dev.switchboard.app.Switchboard;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.ingest.Receipt;
import dev.switchboard.ingest.TooManyRecordsException;
import dev.switchboard.mediation.Counts;
import dev.switchboard.platform.SettingsSpec;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/ingest/{kind}}: a JSON array or object ({@code application/json}), NDJSON
 * ({@code application/x-ndjson}) or CSV ({@code text/csv}); {@code ?format=} names the wire format
 * explicitly (e.g. {@code asterisk-cdr}), {@code ?source=} tags the records for per-source accounting.
 * A body holds at most {@code max-records-per-request} records (413 beyond, nothing ingested).
 * {@code GET /api/ingest/status?source=…&sent=N} tells when those records are accounted for and stored.
 */
final class IngestRoutes {
    private final Switchboard sb;
    private final StatsService stats;

    IngestRoutes(Switchboard sb, StatsService stats) {
        this.sb = sb;
        this.stats = stats;
    }

    void register(Javalin app) {
        app.post("/api/ingest/{kind}", this::ingest);
        app.get("/api/ingest/status", this::status);
    }

    private void ingest(Context ctx) throws Exception {
        IngestService ingest = sb.ingest().orElseThrow(() -> new IllegalArgumentException("this process does not run the ingest role"));
        String kind = ctx.pathParam("kind");
        String format = IngestService.formatFor(kind, ctx.queryParam("format"), ctx.contentType());
        String source = ctx.queryParamAsClass("source", String.class).getOrDefault("http:" + UUID.randomUUID());
        if (source.isBlank() || source.length() > 200 || source.indexOf('|') >= 0)
            throw new IllegalArgumentException("source must be 1 to 200 characters without '|'");
        if (ctx.contentLength() == 0) throw new dev.switchboard.ingest.BadBodyException("the body is empty");
        Receipt receipt;
        try (InputStream body = ctx.bodyInputStream()) { // max-body-bytes: RequestBodyLimit, for every route
            receipt = ingest.ingestBody(kind, format, ctx.contentType(), source, body, sb.settings().get(SettingsSpec.MAX_RECORDS_PER_REQUEST));
        } catch (TooManyRecordsException e) {
            WebServer.error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too many records", e.getMessage());
            return;
        }
        if (receipt.accepted() == 0 && receipt.rejected() == 0) throw new dev.switchboard.ingest.BadBodyException("the body holds no records");
        ctx.status(HttpStatus.ACCEPTED).json(receipt);
    }

    private void status(Context ctx) {
        String source = ctx.queryParam("source");
        if (source == null) throw new IllegalArgumentException("give ?source=");
        long sent = ctx.queryParamAsClass("sent", Long.class).getOrDefault(-1L);
        // A source is one file or request, so of one kind: its counts are in one of them.
        Counts cdr = stats.cdrSource(source);
        Counts call = stats.callSource(source);
        dev.switchboard.contact.ContactCounts ctr = stats.contactSource(source);
        Counts ivr = stats.ivrSource(source);
        boolean accounted = cdr.drained() && call.drained() && ctr.drained() && ivr.drained()
                && (sent < 0 || cdr.in() + call.in() + ctr.in() + ivr.in() >= sent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("cdr", StatsService.counts(cdr));
        body.put("call", StatsService.counts(call));
        body.put("ctr", StatsService.counts(ctr));
        body.put("ivr", StatsService.counts(ivr));
        body.put("accounted", accounted);
        body.put("store_behind", sb.storeProgress().behind());
        ctx.json(body);
    }
}
