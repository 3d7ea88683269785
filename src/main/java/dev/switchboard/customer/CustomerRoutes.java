package dev.switchboard.customer;

import dev.switchboard.web.ApiError;
import dev.switchboard.access.Caller;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/customers} (CRUD and import) and {@code /api/products}. Answers are masked; the full
 * record needs {@code ?full=true} and a token with the admin role (access control has checked the
 * route's own role before). IO only: the work is
 * the store's.
 */
public final class CustomerRoutes {
    private static final int DEFAULT_LIMIT = 50;

    private final CustomerStore store;

    public CustomerRoutes(CustomerStore store) {
        this.store = store;
    }

    public void register(Javalin app) {
        app.get("/api/customers", this::list);
        app.post("/api/customers", this::create);
        app.post("/api/customers/import", this::importBody);
        app.get("/api/customers/{id}", ctx -> ctx.json(view(ctx, store.get(id(ctx)).orElseThrow(() -> CustomerStore.notFound(id(ctx))))));
        app.put("/api/customers/{id}", ctx -> ctx.json(view(ctx, store.update(id(ctx), CustomerFormats.readOne(ctx.body())))));
        app.delete("/api/customers/{id}", ctx -> {
            if (!store.delete(id(ctx))) throw CustomerStore.notFound(id(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        app.get("/api/products", ctx -> ctx.json(store.products()));
        app.exception(CustomerException.class, (e, ctx) -> ctx.status(status(e.code())).json(new ApiError(e.getMessage(), e.details())));
    }

    private void list(Context ctx) {
        boolean full = wantsFull(ctx);
        int limit = integer(ctx, "limit", DEFAULT_LIMIT);
        int offset = integer(ctx, "offset", 0);
        CustomerStore.Page page = store.list(ctx.queryParam("city"), ctx.queryParam("number"), limit, offset);
        List<CustomerJson> customers = page.customers().stream().map(c -> full ? CustomerJson.full(c) : CustomerJson.masked(c)).toList();
        ctx.json(Map.of("customers", customers, "total", page.total(), "limit", page.limit(), "offset", page.offset()));
    }

    private void create(Context ctx) {
        CustomerJson created = view(ctx, store.create(CustomerFormats.readOne(ctx.body())));
        ctx.status(HttpStatus.CREATED).json(created);
    }

    /** A whole file of customers: CSV ({@code text/csv}) or JSON array / NDJSON; all or nothing. */
    private void importBody(Context ctx) throws Exception {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        CustomerFormats.Format format = type.startsWith("text/csv") ? CustomerFormats.Format.CSV : CustomerFormats.Format.JSON;
        var drafts = CustomerFormats.read(new StringReader(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8)), format);
        CustomerStore.ImportResult result = store.upsert(drafts);
        ctx.json(Map.of("created", result.created(), "updated", result.updated()));
    }

    private CustomerJson view(Context ctx, Customer c) {
        return wantsFull(ctx) ? CustomerJson.full(c) : CustomerJson.masked(c);
    }

    /** True only for an admin token that asked; asking without one is refused, not quietly masked (open mode has none). */
    private static boolean wantsFull(Context ctx) {
        if (!"true".equalsIgnoreCase(ctx.queryParam("full"))) return false;
        if (!Caller.of(ctx).adminToken())
            throw new CustomerException(CustomerException.Code.FORBIDDEN, "full records need a token with the admin role",
                    List.of("send it in 'Authorization: Bearer <token>'; personal data is never shown in full without one, even in open mode"));
        return true;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new CustomerException(CustomerException.Code.INVALID, "bad customer id", List.of("id: must be a whole number"));
        }
    }

    private static int integer(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) return fallback;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new CustomerException(CustomerException.Code.INVALID, "bad query parameter", List.of(name + ": must be a whole number"));
        }
    }

    static HttpStatus status(CustomerException.Code code) {
        return switch (code) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case KEY -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
