package dev.switchboard.marketing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.Json;
import dev.switchboard.web.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /api/marketing/directory}: list (filters, paging, or the whole CSV), lookup of a number,
 * upsert and delete of one entry, CSV import (merge or replace). IO only: the work is the store's.
 */
public final class DirectoryRoutes {
    public static final String PATH = "/api/marketing/directory";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    private final DirectoryStore store;
    private final LiveDirectory live;

    public DirectoryRoutes(DirectoryStore store, LiveDirectory live) {
        this.store = store;
        this.live = live;
    }

    public void register(Javalin app) {
        app.get(PATH, this::list);
        app.get(PATH + "/lookup/{number}", this::lookup);
        app.put(PATH + "/{prefix}", this::upsert);
        app.delete(PATH + "/{prefix}", this::delete);
        app.post(PATH, this::importCsv);
        app.exception(DirectoryException.class, (e, ctx) -> ctx.status(e.code() == DirectoryException.Code.NOT_FOUND ? HttpStatus.NOT_FOUND
                : HttpStatus.BAD_REQUEST).json(new ApiError(e.getMessage(), e.details())));
    }

    /** {@code ?type=&tag=&offset=&limit=}; {@code ?format=csv} answers every matching entry as the import CSV. */
    private void list(Context ctx) throws IOException {
        BusinessType type = param(ctx, "type", t -> BusinessType.parse(t).orElse(null), "a business type, e.g. FOOD");
        Tag tag = param(ctx, "tag", t -> parseTag(t), "a tag: " + List.of(Tag.values()));
        boolean csv = "csv".equalsIgnoreCase(ctx.queryParam("format"));
        int offset = number(ctx, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = csv ? Integer.MAX_VALUE : number(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        DirectoryStore.Page page = store.page(type, tag, offset, limit);
        if (csv) {
            StringWriter out = new StringWriter();
            DirectoryCsv.write(out, page.entries());
            ctx.contentType("text/csv; charset=utf-8").result(out.toString());
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", page.total());
        answer.put("offset", page.offset());
        answer.put("limit", page.limit());
        answer.put("entries", page.entries().stream().map(DirectoryRoutes::json).toList());
        ctx.json(answer);
    }

    private void lookup(Context ctx) {
        String number = plus(ctx.pathParam("number"));
        BusinessDirectory.Match m = live.get().lookup(number);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("number", number);
        answer.put("tag", m.tag().name());
        answer.put("business_type", m.type().map(Enum::name).orElse(null));
        answer.put("label", m.type().map(BusinessType::label).orElse(null));
        answer.put("matched_prefix", m.entry() == null ? null : m.entry().prefix());
        answer.put("name", m.entry() == null ? null : m.entry().name());
        ctx.json(answer);
    }

    /** Body {@code {"business_type": "FOOD", "name": "Maple Pizza"}}; 201 when new, 200 when it replaced an entry. */
    private void upsert(Context ctx) {
        String prefix = plus(ctx.pathParam("prefix"));
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        } catch (IOException e) {
            throw DirectoryException.invalid("bad body", List.of("a JSON object {\"business_type\": …, \"name\": …}: " + e.getMessage()));
        }
        String typeText = body.path("business_type").asText("");
        BusinessType type = BusinessType.parse(typeText).orElseThrow(() -> DirectoryException.invalid("unknown business_type",
                List.of("'" + typeText + "'; types: " + List.of(BusinessType.values()))));
        if (!DirectoryEntry.isPrefix(prefix))
            throw DirectoryException.invalid("bad prefix", List.of("'" + prefix + "' is not '+' and 1 to 15 digits"));
        String name = body.path("name").isTextual() ? body.path("name").asText() : null;
        DirectoryEntry entry = new DirectoryEntry(prefix, type, name);
        boolean created = store.upsert(entry);
        ctx.status(created ? HttpStatus.CREATED : HttpStatus.OK).json(json(entry));
    }

    private void delete(Context ctx) {
        String prefix = plus(ctx.pathParam("prefix"));
        if (!store.delete(prefix)) throw new DirectoryException(DirectoryException.Code.NOT_FOUND, "no entry " + prefix, List.of());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** A CSV body ({@link DirectoryCsv}), streamed; {@code ?mode=merge} (the default) or {@code replace}. All or nothing. */
    private void importCsv(Context ctx) throws IOException {
        String modeText = ctx.queryParam("mode") == null ? "merge" : ctx.queryParam("mode");
        DirectoryStore.Mode mode = switch (modeText.toLowerCase(Locale.ROOT)) {
            case "merge" -> DirectoryStore.Mode.MERGE;
            case "replace" -> DirectoryStore.Mode.REPLACE;
            default -> throw DirectoryException.invalid("bad mode", List.of("'" + modeText + "': use merge or replace"));
        };
        List<DirectoryEntry> entries;
        try (Reader in = new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8)) {
            entries = DirectoryCsv.read(in);
        }
        int size = store.importEntries(entries, mode);
        ctx.json(Map.of("mode", mode.name().toLowerCase(Locale.ROOT), "imported", entries.size(), "size", size));
    }

    static Map<String, Object> json(DirectoryEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prefix", e.prefix());
        m.put("business_type", e.type().name());
        m.put("label", e.type().label());
        m.put("tag", e.tag().name());
        m.put("name", e.name());
        return m;
    }

    /** A '+' in a path may arrive decoded as a space, so a number is taken with or without it. */
    private static String plus(String raw) {
        String s = raw.strip();
        return s.startsWith("+") ? s : "+" + s;
    }

    private static Tag parseTag(String text) {
        for (Tag t : Tag.values()) if (t.name().equalsIgnoreCase(text.strip()) || t.label().equalsIgnoreCase(text.strip())) return t;
        return null;
    }

    private static <T> T param(Context ctx, String name, Function<String, T> parse, String expected) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) return null;
        T value = parse.apply(text);
        if (value == null) throw DirectoryException.invalid("bad " + name, List.of("'" + text + "': expected " + expected));
        return value;
    }

    private static int number(Context ctx, String name, int min, int max, int otherwise) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) return otherwise;
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DirectoryException.invalid("bad " + name, List.of("'" + text + "': expected a whole number from " + min + " to " + max));
    }
}
