package dev.switchboard.access;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call each route, by method and path as registered. Every route the server registers must be
 * named here: the server refuses to start with one that is not ({@link AccessControl#checkCovered}), so
 * no route is ever open by omission. Reads are for viewers; writes are for operators, except those on
 * personal data, money and the system itself, which are for admins. A few POSTs only compute (a
 * prediction, an unsaved target list) and change nothing, so viewers may send them.
 */
public final class RoutePolicy {
    /** Who may call a route: anyone (no token), or a token with at least this role. */
    public enum Need { ANYONE, VIEWER, OPERATOR, ADMIN;

        public Optional<AccessRole> role() {
            return this == ANYONE ? Optional.empty() : Optional.of(AccessRole.valueOf(name()));
        }
    }

    private static final Map<String, Need> RULES = new LinkedHashMap<>();

    static {
        // the platform
        rule("GET *", Need.ANYONE); // the dashboard's static files (Javalin reports them so): page shells, scripts, styles, no data
        rule("HEAD *", Need.ANYONE);
        rule("GET /health", Need.ANYONE); // for load balancers and probes; tells up or down, no data
        rule("GET /api/session", Need.ANYONE);
        rule("POST /api/session", Need.ANYONE); // signs in: checks the token it is sent
        rule("DELETE /api/session", Need.ANYONE);
        rule("GET /metrics", Need.VIEWER);
        rule("GET /api/stats", Need.VIEWER);
        rule("GET /api/events", Need.VIEWER);
        rule("GET /api/tokens", Need.ADMIN);
        rule("POST /api/tokens", Need.ADMIN);
        rule("DELETE /api/tokens/{id}", Need.ADMIN);
        rule("GET /api/query", Need.ADMIN);
        rule("POST /api/query", Need.ADMIN);
        rule("POST /api/export", Need.ADMIN);
        // ingest
        rule("POST /api/ingest/{kind}", Need.OPERATOR);
        rule("GET /api/ingest/status", Need.VIEWER);
        // call center
        rule("GET /api/callcenter/live", Need.VIEWER);
        rule("GET /api/callcenter/buckets", Need.VIEWER);
        rule("GET /api/callcenter/summary", Need.VIEWER);
        rule("GET /api/callcenter/kpis", Need.VIEWER);
        rule("GET /api/callcenter/staffing", Need.VIEWER);
        rule("GET /api/callcenter/*", Need.VIEWER);
        rule("POST /api/callcenter/reset", Need.OPERATOR);
        // customers: reads are masked; ?full=true needs an admin token (CustomerRoutes)
        rule("GET /api/customers", Need.VIEWER);
        rule("GET /api/customers/{id}", Need.VIEWER);
        rule("GET /api/products", Need.VIEWER);
        rule("POST /api/customers", Need.ADMIN);
        rule("POST /api/customers/import", Need.ADMIN);
        rule("PUT /api/customers/{id}", Need.ADMIN);
        rule("DELETE /api/customers/{id}", Need.ADMIN);
        // rating and billing
        rule("GET /api/tariffs", Need.VIEWER);
        rule("GET /api/tariffs/plans/{id}", Need.VIEWER);
        rule("POST /api/tariffs", Need.ADMIN);
        rule("POST /api/tariffs/plans", Need.ADMIN);
        rule("PUT /api/tariffs/assignments/{number}", Need.ADMIN);
        rule("GET /api/cdr/{id}/cost", Need.VIEWER);
        rule("POST /api/billing/run", Need.ADMIN);
        rule("GET /api/billing/bills", Need.VIEWER);
        rule("GET /api/billing/invoice/{number}", Need.VIEWER);
        rule("GET /api/billing/current/{number}", Need.VIEWER);
        rule("GET /api/revenue/summary", Need.VIEWER);
        rule("GET /api/revenue/top", Need.VIEWER);
        rule("GET /api/revenue/distribution", Need.VIEWER);
        rule("GET /api/revenue/daily", Need.VIEWER);
        rule("GET /api/revenue/errors", Need.VIEWER);
        // marketing
        rule("GET /api/marketing/templates/{n}", Need.VIEWER);
        rule("GET /api/marketing/directory", Need.VIEWER);
        rule("GET /api/marketing/directory/lookup/{number}", Need.VIEWER);
        rule("PUT /api/marketing/directory/{prefix}", Need.OPERATOR);
        rule("DELETE /api/marketing/directory/{prefix}", Need.OPERATOR);
        rule("POST /api/marketing/directory", Need.OPERATOR);
        rule("GET /api/marketing/plans", Need.VIEWER);
        rule("GET /api/marketing/plans/{name}", Need.VIEWER);
        rule("GET /api/marketing/plans/{name}/targets", Need.VIEWER);
        rule("POST /api/marketing/plans", Need.OPERATOR);
        rule("DELETE /api/marketing/plans/{name}", Need.OPERATOR);
        rule("POST /api/marketing/targets", Need.VIEWER); // computes a target list, saves nothing
        // IVR
        rule("GET /api/ivr/kpis", Need.VIEWER);
        rule("GET /api/ivr/by-month", Need.VIEWER);
        rule("GET /api/ivr/by-topic", Need.VIEWER);
        rule("GET /api/ivr/heatmap", Need.VIEWER);
        rule("GET /api/ivr/sentiment", Need.VIEWER);
        rule("GET /api/ivr/bot-to-bill", Need.VIEWER);
        // the model
        rule("GET /api/model", Need.VIEWER);
        rule("GET /api/model/versions", Need.VIEWER);
        rule("GET /api/model/live", Need.VIEWER);
        rule("POST /api/model/predict", Need.VIEWER); // scores the features it is sent, stores nothing
        rule("POST /api/model/train", Need.OPERATOR);
        // the live CDR generator
        rule("GET /api/generator/cdr", Need.VIEWER);
        rule("GET /api/generator/cdr/*", Need.VIEWER);
        rule("PUT /api/generator/cdr", Need.OPERATOR);
        rule("PUT /api/generator/cdr/*", Need.OPERATOR);
        rule("POST /api/generator/cdr", Need.OPERATOR);
        rule("POST /api/generator/cdr/*", Need.OPERATOR);
        rule("POST /api/generator/cdr/start", Need.OPERATOR);
        rule("POST /api/generator/cdr/stop", Need.OPERATOR);
    }

    private RoutePolicy() {}

    private static void rule(String route, Need need) {
        if (RULES.put(route, need) != null) throw new IllegalStateException("two rules for " + route);
    }

    /** The rule for a route as registered, e.g. {@code need("GET", "/api/customers/{id}")}. */
    public static Optional<Need> need(String method, String path) {
        return Optional.ofNullable(RULES.get(method.toUpperCase(Locale.ROOT) + " " + path));
    }

    /** Every rule, "METHOD path" to who may call it. */
    public static Map<String, Need> rules() {
        return Map.copyOf(RULES);
    }
}
