package dev.switchboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import dev.switchboard.access.Caller;
import dev.switchboard.store.Database;
import dev.switchboard.web.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/export}: the export of {@link TableExport}, run by the process that owns the store, into a folder
 * of its machine. It writes (and with {@code overwrite} deletes {@code dt=} folders) where the server process may,
 * so it needs a token with the admin role, even in open mode (where the local user has none).
 * Body: {@code {"table", "dir" (absolute), "format": "parquet", "partition_by", "from", "until", "overwrite", "zone"}}.
 */
public final class ExportRoutes {
    public static final String PATH = "/api/export";

    private final Database db;
    private final ZoneId zone;

    /** @param zone the platform zone, for a request that names none */
    public ExportRoutes(Database db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** A refused request: its status and message. */
    private static final class Refused extends RuntimeException {
        final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    public void register(Javalin app) {
        app.post(PATH, this::export);
        app.exception(Refused.class, (e, ctx) -> ctx.status(e.status).json(new ApiError("export refused", e.getMessage())));
        app.exception(ExportException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("export refused", e.getMessage())));
    }

    private void export(Context ctx) throws Exception {
        if (!Caller.of(ctx).adminToken())
            throw new Refused(HttpStatus.FORBIDDEN, "an export writes files as the server's user: it needs a token with the admin role, even in open mode");
        ExportResult r = TableExport.run(db, request(ctx.body()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("table", r.table());
        answer.put("dir", r.dir().toString());
        answer.put("partition_column", r.partitionColumn());
        answer.put("rows", r.rows());
        answer.put("partitions", r.partitions());
        answer.put("files", r.files());
        ctx.json(answer);
    }

    private ExportRequest request(String body) {
        JsonNode b;
        try {
            b = Json.MAPPER.readTree(body.isBlank() ? "{}" : body);
        } catch (Exception e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "the body is not JSON: " + e.getMessage());
        }
        String format = b.path("format").asText("parquet");
        if (!format.equals("parquet")) throw new Refused(HttpStatus.BAD_REQUEST, "format: only parquet, not '" + format + "'");
        String table = b.path("table").asText("");
        String dir = b.path("dir").asText("");
        if (table.isEmpty() || dir.isEmpty()) throw new Refused(HttpStatus.BAD_REQUEST, "table and dir are required");
        if (!Path.of(dir).isAbsolute()) throw new Refused(HttpStatus.BAD_REQUEST, "dir must be an absolute path on the server's machine");
        try {
            return new ExportRequest(table, Path.of(dir), text(b, "partition_by"), date(b, "from"), date(b, "until"),
                    b.path("overwrite").asBoolean(false), b.hasNonNull("zone") ? ZoneId.of(b.get("zone").asText()) : zone);
        } catch (DateTimeException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static String text(JsonNode b, String field) {
        return b.hasNonNull(field) ? b.get(field).asText() : null;
    }

    private static LocalDate date(JsonNode b, String field) {
        return b.hasNonNull(field) ? LocalDate.parse(b.get(field).asText()) : null;
    }
}
