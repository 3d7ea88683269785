package dev.switchboard.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A period's bills as the bill list shows them: each with its customer's name (when the number belongs
 * to a customer), sorted by one column, one page of them, and the exact totals of all of them per
 * currency (never added across currencies). Ties, and equal keys, fall back to subscriber then currency.
 */
public record BillListing(String period, long count, int offset, Integer limit, String sort, String order, List<Row> rows, List<Totals> totals) {
    /** The largest page a caller may ask for. */
    public static final int MAX_LIMIT = 10_000;

    /** One bill and its customer's name (null when the number belongs to no customer). */
    public record Row(Bill bill, String customerName) {}

    /** The sums of one currency's bills. */
    public record Totals(String currency, long bills, long calls, long sms, long totalSeconds, long billedSeconds, long freeSeconds, long freeSms,
            BigDecimal amount, BigDecimal tax, BigDecimal total, long unpriced) {}

    private static final Map<String, Comparator<Row>> KEYS = Map.ofEntries(
            Map.entry("subscriber", Comparator.comparing((Row r) -> r.bill().subscriber())),
            Map.entry("customer_name", Comparator.comparing(Row::customerName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))),
            Map.entry("currency", Comparator.comparing((Row r) -> r.bill().currency())),
            Map.entry("plan_id", Comparator.comparing((Row r) -> r.bill().planId(), Comparator.nullsLast(Comparator.naturalOrder()))),
            Map.entry("calls", Comparator.comparingLong((Row r) -> r.bill().calls())),
            Map.entry("sms", Comparator.comparingLong((Row r) -> r.bill().sms())),
            Map.entry("total_seconds", Comparator.comparingLong((Row r) -> r.bill().totalSeconds())),
            Map.entry("billed_seconds", Comparator.comparingLong((Row r) -> r.bill().billedSeconds())),
            Map.entry("free_seconds", Comparator.comparingLong((Row r) -> r.bill().freeSeconds())),
            Map.entry("free_sms", Comparator.comparingLong((Row r) -> r.bill().freeSms())),
            Map.entry("amount", Comparator.comparing((Row r) -> r.bill().amount())),
            Map.entry("tax", Comparator.comparing((Row r) -> r.bill().tax())),
            Map.entry("total", Comparator.comparing((Row r) -> r.bill().total())),
            Map.entry("unpriced", Comparator.comparingLong((Row r) -> r.bill().unpriced())));
    private static final Comparator<Row> NATURAL = Comparator.comparing((Row r) -> r.bill().subscriber()).thenComparing(r -> r.bill().currency());

    /** The columns a listing can be sorted by. */
    public static List<String> sortKeys() {
        return KEYS.keySet().stream().sorted().toList();
    }

    /**
     * @param names  number → customer name for the numbers of {@code bills} that have one
     * @param sort   a column of {@link #sortKeys()}, default {@code subscriber}
     * @param order  {@code asc} (default) or {@code desc}; a customer name absent sorts last either way
     * @param limit  page size (1..{@link #MAX_LIMIT}), null for all
     * @param offset rows skipped (>= 0)
     */
    public static BillListing of(String period, List<Bill> bills, Function<List<String>, Map<String, String>> names, String sort, String order,
            Integer limit, int offset) {
        String key = sort == null || sort.isBlank() ? "subscriber" : sort.strip().toLowerCase(Locale.ROOT);
        Comparator<Row> by = KEYS.get(key);
        if (by == null) throw new IllegalArgumentException("sort must be one of " + sortKeys() + ", got '" + sort + "'");
        String dir = order == null || order.isBlank() ? "asc" : order.strip().toLowerCase(Locale.ROOT);
        if (!dir.equals("asc") && !dir.equals("desc")) throw new IllegalArgumentException("order must be asc or desc, got '" + order + "'");
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);

        Map<String, String> known = names.apply(bills.stream().map(Bill::subscriber).distinct().toList());
        List<Row> rows = new ArrayList<>(bills.size());
        for (Bill b : bills) rows.add(new Row(b, known.get(b.subscriber())));
        if (dir.equals("desc")) {
            // Descending on the value, but names that are absent stay last and ties keep the natural order.
            by = key.equals("customer_name") ? Comparator.comparing(Row::customerName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER.reversed()))
                    : by.reversed();
        }
        rows.sort(by.thenComparing(NATURAL));
        int from = Math.min(offset, rows.size());
        int to = limit == null ? rows.size() : (int) Math.min(rows.size(), (long) from + limit);
        return new BillListing(period, bills.size(), offset, limit, key, dir, List.copyOf(rows.subList(from, to)), totals(bills));
    }

    /** Per currency, exact: the sums of every bill of the period (not only the page). */
    static List<Totals> totals(List<Bill> bills) {
        Map<String, List<Bill>> per = new TreeMap<>();
        for (Bill b : bills) per.computeIfAbsent(b.currency(), k -> new ArrayList<>()).add(b);
        List<Totals> out = new ArrayList<>();
        per.forEach((cur, list) -> {
            long calls = 0, sms = 0, total = 0, billed = 0, free = 0, freeSms = 0, unpriced = 0;
            BigDecimal amount = BigDecimal.ZERO, tax = BigDecimal.ZERO, sum = BigDecimal.ZERO;
            for (Bill b : list) {
                calls += b.calls();
                sms += b.sms();
                total += b.totalSeconds();
                billed += b.billedSeconds();
                free += b.freeSeconds();
                freeSms += b.freeSms();
                unpriced += b.unpriced();
                amount = amount.add(b.amount());
                tax = tax.add(b.tax());
                sum = sum.add(b.total());
            }
            out.add(new Totals(cur, list.size(), calls, sms, total, billed, free, freeSms, amount, tax, sum, unpriced));
        });
        return out;
    }
}
