package dev.switchboard.billing;

import dev.switchboard.revenue.Period;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code /api/billing/*}: close a period, bills as JSON or CSV, a printable invoice, a live balance. IO only. */
public final class BillingRoutes {
    private final BillingRun billing;
    private final Function<List<String>, Map<String, String>> names;

    /** Without customer data: no bill carries a customer name. */
    public BillingRoutes(BillingRun billing) {
        this(billing, numbers -> Map.of());
    }

    /** @param names number → customer name for the given numbers that belong to a customer (e.g. {@code CustomerNames::of}) */
    public BillingRoutes(BillingRun billing, Function<List<String>, Map<String, String>> names) {
        this.billing = billing;
        this.names = names;
    }

    public void register(Javalin app) {
        app.post("/api/billing/run", ctx -> ctx.json(BillingFormats.json(billing.run(billing.period(ctx.queryParam("period"))))));
        app.get("/api/billing/bills", ctx -> {
            Period p = billing.period(ctx.queryParam("period"));
            String format = ctx.queryParam("format");
            Integer limit = integer(ctx, "limit");
            Integer offset = integer(ctx, "offset");
            List<Bill> bills = billing.bills(p);
            if (format == null || format.isBlank() || format.equals("json")) {
                BillListing listing = BillListing.of(p.month().toString(), bills, names, ctx.queryParam("sort"), ctx.queryParam("order"), limit,
                        offset == null ? 0 : offset);
                ctx.json(BillingFormats.json(listing));
            } else if (format.equals("csv")) {
                ctx.contentType("text/csv; charset=utf-8").result(BillingFormats.csv(bills));
            } else {
                throw new IllegalArgumentException("format must be json or csv, got '" + format + "'");
            }
        });
        app.get("/api/billing/invoice/{number}", ctx -> {
            Period p = billing.period(ctx.queryParam("period"));
            String number = ctx.pathParam("number");
            List<Bill> bills = billing.bills(p, number);
            if (bills.isEmpty()) {
                ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "not found",
                        "details", "no bill for " + number + " in " + p.month() + " (close the period with POST /api/billing/run?period=" + p.month() + ")"));
                return;
            }
            ctx.contentType("text/html; charset=utf-8").result(BillingFormats.invoice(number, nameOf(number), p.month().toString(), bills));
        });
        app.get("/api/billing/current/{number}", ctx -> {
            BillingRun.Balance balance = billing.current(ctx.pathParam("number"));
            ctx.json(BillingFormats.json(balance, nameOf(balance.number())));
        });
    }

    private String nameOf(String number) {
        return names.apply(List.of(number)).get(number);
    }

    private static Integer integer(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }
}
