package dev.switchboard.billing;

import dev.switchboard.revenue.Period;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;

/** {@code /api/billing/*}: close a period, bills as JSON or CSV, a printable invoice, a live balance. IO only. */
public final class BillingRoutes {
    private final BillingRun billing;

    public BillingRoutes(BillingRun billing) {
        this.billing = billing;
    }

    public void register(Javalin app) {
        app.post("/api/billing/run", ctx -> ctx.json(BillingFormats.json(billing.run(billing.period(ctx.queryParam("period"))))));
        app.get("/api/billing/bills", ctx -> {
            Period p = billing.period(ctx.queryParam("period"));
            String format = ctx.queryParam("format");
            List<Bill> bills = billing.bills(p);
            if (format == null || format.isBlank() || format.equals("json")) ctx.json(BillingFormats.json(p.month().toString(), bills));
            else if (format.equals("csv")) ctx.contentType("text/csv; charset=utf-8").result(BillingFormats.csv(bills));
            else throw new IllegalArgumentException("format must be json or csv, got '" + format + "'");
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
            ctx.contentType("text/html; charset=utf-8").result(BillingFormats.invoice(number, p.month().toString(), bills));
        });
        app.get("/api/billing/current/{number}", ctx -> ctx.json(BillingFormats.json(billing.current(ctx.pathParam("number")))));
    }
}
