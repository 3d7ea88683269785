package dev.switchboard.billing;

import dev.switchboard.billing.BillingRun.Balance;
import dev.switchboard.billing.BillingRun.Summary;
import dev.switchboard.revenue.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bills as JSON maps (money as strings), CSV, and a printable HTML invoice with every value escaped. */
public final class BillingFormats {
    static final List<String> CSV_HEADER = List.of("subscriber", "period", "currency", "plan_id", "calls", "sms", "total_seconds", "billed_seconds",
            "free_seconds", "free_sms", "amount", "tax_rate", "tax", "total", "unpriced", "closed_at");

    private BillingFormats() {}

    public static Map<String, Object> json(Bill b) {
        return json(b, false, null);
    }

    /** A bill with {@code customer_name}: the name of the customer the number belongs to, null when none. */
    public static Map<String, Object> json(Bill b, String customerName) {
        return json(b, true, customerName);
    }

    private static Map<String, Object> json(Bill b, boolean withName, String customerName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subscriber", b.subscriber());
        if (withName) m.put("customer_name", customerName);
        m.put("period", b.period());
        m.put("currency", b.currency());
        m.put("plan_id", b.planId());
        m.put("calls", b.calls());
        m.put("sms", b.sms());
        m.put("total_seconds", b.totalSeconds());
        m.put("billed_seconds", b.billedSeconds());
        m.put("free_seconds", b.freeSeconds());
        m.put("free_sms", b.freeSms());
        m.put("amount", Money.text(b.amount()));
        m.put("tax_rate", plain(b.taxRate()));
        m.put("tax", Money.text(b.tax()));
        m.put("total", Money.text(b.total()));
        m.put("unpriced", b.unpriced());
        if (b.closedAt() != null) m.put("closed_at", b.closedAt().toString());
        return m;
    }

    public static Map<String, Object> json(String period, List<Bill> bills) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", period);
        m.put("bills", bills.stream().map(BillingFormats::json).toList());
        return m;
    }

    /** A bill list: paging and sorting as asked, the page's bills with customer names, the totals of all the period's bills. */
    public static Map<String, Object> json(BillListing l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", l.period());
        m.put("count", l.count());
        m.put("offset", l.offset());
        m.put("limit", l.limit());
        m.put("sort", l.sort());
        m.put("order", l.order());
        m.put("bills", l.rows().stream().map(r -> json(r.bill(), r.customerName())).toList());
        List<Map<String, Object>> totals = new ArrayList<>();
        for (BillListing.Totals t : l.totals()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("currency", t.currency());
            r.put("bills", t.bills());
            r.put("calls", t.calls());
            r.put("sms", t.sms());
            r.put("total_seconds", t.totalSeconds());
            r.put("billed_seconds", t.billedSeconds());
            r.put("free_seconds", t.freeSeconds());
            r.put("free_sms", t.freeSms());
            r.put("amount", Money.text(t.amount()));
            r.put("tax", Money.text(t.tax()));
            r.put("total", Money.text(t.total()));
            r.put("unpriced", t.unpriced());
            totals.add(r);
        }
        m.put("totals", totals);
        return m;
    }

    public static Map<String, Object> json(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", s.period().month().toString());
        m.put("zone", s.period().zone().getId());
        m.put("from", s.period().from().toString());
        m.put("to", s.period().to().toString());
        m.put("subscribers", s.subscribers());
        m.put("bills", s.bills());
        m.put("unpriced", s.unpriced());
        List<Map<String, Object>> totals = new ArrayList<>();
        for (var t : s.totals()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("currency", t.currency());
            r.put("amount", Money.text(t.amount()));
            r.put("tax", Money.text(t.tax()));
            r.put("total", Money.text(t.total()));
            totals.add(r);
        }
        m.put("totals", totals);
        List<Map<String, Object>> rec = new ArrayList<>();
        for (var r : s.reconciliation()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("currency", r.currency());
            x.put("bills", Money.text(r.bills()));
            x.put("cdrs", Money.text(r.cdrs()));
            x.put("equal", r.equal());
            rec.add(x);
        }
        m.put("reconciliation", rec);
        m.put("reconciled", s.reconciled());
        m.put("closed_at", s.closedAt().toString());
        return m;
    }

    public static Map<String, Object> json(Balance b) {
        return json(b, null);
    }

    /** The live balance with {@code customer_name} (null when the number belongs to no customer). */
    public static Map<String, Object> json(Balance b, String customerName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", b.number());
        m.put("customer_name", customerName);
        m.put("period", b.period().month().toString());
        m.put("zone", b.period().zone().getId());
        m.put("from", b.period().from().toString());
        m.put("as_of", b.asOf().toString());
        m.put("plan_id", b.planId());
        m.put("lines", b.lines().stream().map(BillingFormats::json).toList());
        return m;
    }

    /** RFC 4180: a header row, then one row per bill; money as exact plain text. */
    public static String csv(List<Bill> bills) {
        StringBuilder out = new StringBuilder();
        row(out, CSV_HEADER);
        for (Bill b : bills) {
            row(out, List.of(b.subscriber(), b.period(), b.currency(), b.planId() == null ? "" : b.planId(), String.valueOf(b.calls()),
                    String.valueOf(b.sms()), String.valueOf(b.totalSeconds()), String.valueOf(b.billedSeconds()), String.valueOf(b.freeSeconds()),
                    String.valueOf(b.freeSms()), Money.text(b.amount()), plain(b.taxRate()), Money.text(b.tax()), Money.text(b.total()),
                    String.valueOf(b.unpriced()), b.closedAt() == null ? "" : b.closedAt().toString()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) c = '"' + c.replace("\"", "\"\"") + '"';
            out.append(c);
        }
        out.append("\r\n");
    }

    /** One printable invoice (A4, no script) for a subscriber's bills of a period. */
    public static String invoice(String subscriber, String period, List<Bill> bills) {
        return invoice(subscriber, null, period, bills);
    }

    /**
     * One printable invoice, headed with the customer's name when the number belongs to a customer
     * ({@code customerName} null: no name line). Nothing else about the customer is shown.
     */
    public static String invoice(String subscriber, String customerName, String period, List<Bill> bills) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Invoice ").append(esc(subscriber)).append(' ').append(esc(period))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:1em 0;min-width:24em}"
                        + "th,td{border-bottom:1px solid #ccc;padding:.3em .8em;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}"
                        + "tr.total td{font-weight:bold;border-top:2px solid #111}@page{size:A4;margin:2cm}@media print{body{margin:0}}</style></head>\n<body>\n");
        h.append("<h1>Invoice</h1>\n<p>");
        if (customerName != null && !customerName.isBlank())
            h.append("Customer: <strong data-testid=\"customer-name\">").append(esc(customerName)).append("</strong><br>");
        h.append("Subscriber: <strong data-testid=\"subscriber\">").append(esc(subscriber))
                .append("</strong><br>Period: <span data-testid=\"period\">").append(esc(period)).append("</span>");
        if (!bills.isEmpty()) {
            h.append("<br>Plan: <span data-testid=\"plan\">").append(esc(bills.get(0).planId())).append("</span>");
            if (bills.get(0).closedAt() != null) h.append("<br>Closed: ").append(esc(bills.get(0).closedAt().toString()));
        }
        h.append("</p>\n");
        for (Bill b : bills) {
            String cur = b.currency();
            h.append("<table data-testid=\"bill-").append(esc(cur)).append("\"><caption>").append(esc(cur.isEmpty() ? "(no currency)" : cur)).append("</caption>\n");
            line(h, "Calls", String.valueOf(b.calls()));
            line(h, "SMS", String.valueOf(b.sms()));
            line(h, "Call duration (s)", String.valueOf(b.totalSeconds()));
            line(h, "Billed duration (s)", String.valueOf(b.billedSeconds()));
            line(h, "Free seconds used", String.valueOf(b.freeSeconds()));
            line(h, "Free SMS used", String.valueOf(b.freeSms()));
            if (b.unpriced() > 0) line(h, "Not priced yet (not billed)", String.valueOf(b.unpriced()));
            line(h, "Amount before tax", Money.text(b.amount()) + " " + cur);
            line(h, "Tax (" + percent(b.taxRate()) + ")", Money.text(b.tax()) + " " + cur);
            h.append("<tr class=\"total\"><td>Total</td><td class=\"n\" data-testid=\"total-").append(esc(cur)).append("\">")
                    .append(esc(Money.text(b.total()) + " " + cur)).append("</td></tr>\n</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void line(StringBuilder h, String label, String value) {
        h.append("<tr><td>").append(esc(label)).append("</td><td class=\"n\">").append(esc(value)).append("</td></tr>\n");
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    /** HTML text and attribute escaping. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
