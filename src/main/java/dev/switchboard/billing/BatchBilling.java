package dev.switchboard.billing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.platform.Instants;
import dev.switchboard.rating.CostProof;
import dev.switchboard.rating.FreeUnits;
import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.Rater;
import dev.switchboard.rating.RatingResult;
import dev.switchboard.rating.Tariffs;
import dev.switchboard.revenue.Period;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rates and bills a file of clean CDRs in one batch, in memory, without the store: read (NDJSON,
 * one chunk per thread), rate (subscribers partitioned over the threads; each subscriber's CDRs in
 * start-time order, ties in file order, free units from {@link FreeUnits#FRESH} per subscriber and
 * calendar month in the tariffs' zone), bill (per subscriber, month and currency, with the rules of
 * {@link BillingRun}: tax of the plan version in force at the period's end, HALF_UP to 2 decimals, once
 * per bill; unpriced CDRs on the subscriber's first bill), then the reconciliation (per currency, the
 * sum of the bills' amounts against the sum of the rated CDRs' costs, exactly). Used by
 * {@code switchboard bench rate-and-bill}; every month in the file is billed.
 */
public final class BatchBilling {
    private static final CdrType[] TYPES = CdrType.values();
    private static final CdrResult[] RESULTS = CdrResult.values();

    private final Tariffs tariffs;
    private final Rater rater;
    private final int threads;

    public BatchBilling(Tariffs tariffs, int threads) {
        this.tariffs = tariffs;
        this.rater = new Rater(tariffs);
        this.threads = Math.max(1, threads);
    }

    // ---- read

    /** The CDRs of a file, column by column (one chunk per reading thread). */
    public static final class Columns {
        int size;
        String[] calling, called, operator;
        long[] startMilli;
        int[] duration; // -1: none (SMS)
        byte[] type, result;
        long unreadable;

        Columns(int capacity) {
            calling = new String[capacity];
            called = new String[capacity];
            operator = new String[capacity];
            startMilli = new long[capacity];
            duration = new int[capacity];
            type = new byte[capacity];
            result = new byte[capacity];
        }

        void add(String cg, String cd, String op, long start, int dur, byte t, byte r) {
            if (size == calling.length) grow();
            calling[size] = cg;
            called[size] = cd;
            operator[size] = op;
            startMilli[size] = start;
            duration[size] = dur;
            type[size] = t;
            result[size] = r;
            size++;
        }

        private void grow() {
            int n = Math.max(16, calling.length * 3 / 2);
            calling = Arrays.copyOf(calling, n);
            called = Arrays.copyOf(called, n);
            operator = Arrays.copyOf(operator, n);
            startMilli = Arrays.copyOf(startMilli, n);
            duration = Arrays.copyOf(duration, n);
            type = Arrays.copyOf(type, n);
            result = Arrays.copyOf(result, n);
        }

        Cdr cdr(int i) {
            return new Cdr("", calling[i], called[i], Instant.ofEpochMilli(startMilli[i]), duration[i] < 0 ? null : duration[i],
                    TYPES[type[i]], RESULTS[result[i]], operator[i]);
        }
    }

    /** The whole file, in {@code chunks}; lines that are not a readable CDR are counted in {@link #unreadable()}. */
    public record Input(List<Columns> chunks) {
        public long size() {
            return chunks.stream().mapToLong(c -> c.size).sum();
        }

        public long unreadable() {
            return chunks.stream().mapToLong(c -> c.unreadable).sum();
        }
    }

    /** Reads an NDJSON file of CDRs (as the generator writes them), one byte range per thread, cut at line ends. */
    public Input read(Path file) throws Exception {
        long length;
        long[] cuts = new long[threads + 1];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            length = raf.length();
            cuts[threads] = length;
            for (int t = 1; t < threads; t++) {
                long p = Math.max(cuts[t - 1], length * t / threads);
                raf.seek(p);
                while (p < length && raf.read() != '\n') p++;
                cuts[t] = Math.min(length, p + 1);
            }
        }
        List<Columns> chunks = parallel(threads, t -> readRange(file, cuts[t], cuts[t + 1]));
        return new Input(chunks);
    }

    private static Columns readRange(Path file, long from, long to) {
        JsonFactory factory = new JsonFactory();
        Map<String, String> interned = new HashMap<>();
        Columns c = new Columns((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, (to - from) / 180)));
        try (FileChannel ch = FileChannel.open(file)) {
            var buf = ch.map(FileChannel.MapMode.READ_ONLY, from, to - from);
            byte[] line = new byte[4096];
            int n = 0;
            while (buf.hasRemaining()) {
                byte b = buf.get();
                if (b == '\n') {
                    parseLine(factory, line, n, c, interned);
                    n = 0;
                } else {
                    if (n == line.length) line = Arrays.copyOf(line, n * 2);
                    line[n++] = b;
                }
            }
            if (n > 0) parseLine(factory, line, n, c, interned);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    private static void parseLine(JsonFactory factory, byte[] line, int n, Columns c, Map<String, String> interned) {
        String cg = null, cd = null, op = null;
        long start = Long.MIN_VALUE;
        int dur = -1;
        int type = -1, result = -1;
        try (JsonParser p = factory.createParser(line, 0, n)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                c.unreadable++;
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_NULL) continue;
                switch (name) {
                    case "calling_number" -> cg = interned.computeIfAbsent(p.getText(), k -> k);
                    case "called_number" -> cd = p.getText();
                    case "start_time" -> start = Instants.parse(p.getText()).toEpochMilli();
                    case "duration_sec" -> dur = p.getIntValue();
                    case "type" -> type = CdrType.valueOf(p.getText()).ordinal();
                    case "result" -> result = CdrResult.valueOf(p.getText()).ordinal();
                    case "operator" -> op = interned.computeIfAbsent(p.getText(), k -> k);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            c.unreadable++;
            return;
        }
        boolean ok = cg != null && cd != null && start != Long.MIN_VALUE && type >= 0 && result >= 0
                && (TYPES[type] == CdrType.SMS ? dur < 0 : dur >= 0);
        if (!ok) {
            c.unreadable++;
            return;
        }
        c.add(cg, cd, op, start, dur, (byte) type, (byte) result);
    }

    // ---- rate

    /** Per CDR: cost (null when not priced), currency, billed seconds, free units used, billing month; by chunk as read. */
    public static final class Rated {
        final Columns in;
        final BigDecimal[] cost;
        final String[] currency;
        final long[] billed, free;
        final int[] month; // YearMonth as year * 12 + month - 1

        Rated(Columns in) {
            this.in = in;
            cost = new BigDecimal[in.size];
            currency = new String[in.size];
            billed = new long[in.size];
            free = new long[in.size];
            month = new int[in.size];
        }
    }

    /** One rating thread's share: the subscribers it rated, and the costs it summed per currency. */
    public record Share(List<String> subscribers, Map<String, List<long[]>> cdrs, Map<String, BigDecimal> costs, long priced, long unpriced) {}

    /** The rated input and the subscribers' partition over the threads. */
    public record Rating(List<Rated> rated, List<Share> shares) {
        public long priced() {
            return shares.stream().mapToLong(Share::priced).sum();
        }

        public long unpriced() {
            return shares.stream().mapToLong(Share::unpriced).sum();
        }
    }

    public Rating rate(Input input) throws Exception {
        List<Rated> rated = new ArrayList<>();
        for (Columns c : input.chunks()) rated.add(new Rated(c));
        // group: subscriber -> positions (chunk, index), in file order
        Map<String, long[]> counts = new HashMap<>();
        for (Columns c : input.chunks())
            for (int i = 0; i < c.size; i++) counts.computeIfAbsent(c.calling[i], k -> new long[1])[0]++;
        // partition subscribers over the threads, biggest first onto the least loaded
        List<String> subs = new ArrayList<>(counts.keySet());
        subs.sort((a, b) -> Long.compare(counts.get(b)[0], counts.get(a)[0]));
        long[] load = new long[threads];
        Map<String, Integer> owner = new HashMap<>();
        for (String s : subs) {
            int best = 0;
            for (int t = 1; t < threads; t++) if (load[t] < load[best]) best = t;
            load[best] += counts.get(s)[0];
            owner.put(s, best);
        }
        List<Share> shares = parallel(threads, t -> rateShare(t, input, rated, owner, counts));
        return new Rating(rated, shares);
    }

    private Share rateShare(int t, Input input, List<Rated> rated, Map<String, Integer> owner, Map<String, long[]> counts) {
        // positions of this thread's subscribers: (chunk << 32 | index)
        Map<String, long[]> pos = new HashMap<>();
        Map<String, int[]> fill = new HashMap<>();
        owner.forEach((s, o) -> {
            if (o == t) {
                pos.put(s, new long[(int) counts.get(s)[0]]);
                fill.put(s, new int[1]);
            }
        });
        List<Columns> chunks = input.chunks();
        for (int k = 0; k < chunks.size(); k++) {
            Columns c = chunks.get(k);
            for (int i = 0; i < c.size; i++) {
                long[] p = pos.get(c.calling[i]);
                if (p != null) p[fill.get(c.calling[i])[0]++] = ((long) k << 32) | i;
            }
        }
        ZoneId zone = tariffs.zone();
        Map<String, BigDecimal> costs = new TreeMap<>();
        long priced = 0, unpriced = 0;
        Map<String, List<long[]>> bySub = new HashMap<>();
        for (Map.Entry<String, long[]> e : pos.entrySet()) {
            long[] p = e.getValue();
            // start-time order, ties in file order (positions are in file order and the sort is stable)
            Long[] boxed = new Long[p.length];
            for (int i = 0; i < p.length; i++) boxed[i] = p[i];
            Arrays.sort(boxed, (a, b) -> Long.compare(start(chunks, a), start(chunks, b)));
            FreeUnits left = FreeUnits.FRESH;
            int currentMonth = Integer.MIN_VALUE;
            for (Long at : boxed) {
                int k = (int) (at >>> 32), i = (int) (long) at;
                Columns c = chunks.get(k);
                Rated r = rated.get(k);
                YearMonth ym = YearMonth.from(Instant.ofEpochMilli(c.startMilli[i]).atZone(zone));
                int m = ym.getYear() * 12 + ym.getMonthValue() - 1;
                r.month[i] = m;
                if (m != currentMonth) {
                    currentMonth = m;
                    left = FreeUnits.FRESH;
                }
                RatingResult result = rater.rate(c.cdr(i), left);
                if (result instanceof RatingResult.Rated ok) {
                    priced++;
                    left = rater.balanceAfter(left, ok);
                    r.cost[i] = ok.cost();
                    r.currency[i] = ok.currency();
                    CostProof proof = ok.proof();
                    r.billed[i] = proof.billedSeconds();
                    long f = 0;
                    for (CostProof.FreeUse u : proof.freeUnitsUsed()) f += u.units();
                    r.free[i] = f;
                    costs.merge(ok.currency(), ok.cost(), BigDecimal::add);
                } else {
                    unpriced++;
                }
            }
            bySub.put(e.getKey(), List.of(p));
        }
        List<String> mine = new ArrayList<>(pos.keySet());
        mine.sort(null);
        return new Share(mine, bySub, costs, priced, unpriced);
    }

    private static long start(List<Columns> chunks, long at) {
        return chunks.get((int) (at >>> 32)).startMilli[(int) at];
    }

    // ---- bill

    private static final class Acc {
        final String subscriber, currency;
        final int month;
        long calls, sms, totalSeconds, billedSeconds, freeSeconds, freeSms, unpriced;
        BigDecimal amount = BigDecimal.ZERO;

        Acc(String subscriber, int month, String currency) {
            this.subscriber = subscriber;
            this.month = month;
            this.currency = currency;
        }
    }

    /** The result: bills by subscriber, period, currency; the reconciliation per currency. */
    public record Result(List<Bill> bills, List<BillingRun.Reconciliation> reconciliation, boolean reconciled) {
        /** Per currency: amount, tax, total of the bills. */
        public Map<String, BigDecimal[]> totals() {
            Map<String, BigDecimal[]> per = new TreeMap<>();
            for (Bill b : bills) {
                BigDecimal[] s = per.computeIfAbsent(b.currency(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(b.amount());
                s[1] = s[1].add(b.tax());
                s[2] = s[2].add(b.total());
            }
            return per;
        }
    }

    public Result bill(Rating rating) throws Exception {
        List<Share> shares = rating.shares();
        List<List<Bill>> parts = parallel(shares.size(), t -> billShare(shares.get(t), rating.rated()));
        List<Bill> bills = new ArrayList<>();
        parts.forEach(bills::addAll);
        bills.sort((a, b) -> {
            int c = a.subscriber().compareTo(b.subscriber());
            if (c == 0) c = a.period().compareTo(b.period());
            return c != 0 ? c : a.currency().compareTo(b.currency());
        });
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (Bill b : bills) sums.computeIfAbsent(b.currency(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] =
                sums.get(b.currency())[0].add(b.amount());
        for (Share s : shares)
            s.costs().forEach((cur, v) -> {
                BigDecimal[] x = sums.computeIfAbsent(cur, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                x[1] = x[1].add(v);
            });
        List<BillingRun.Reconciliation> rec = new ArrayList<>();
        sums.forEach((cur, s) -> rec.add(new BillingRun.Reconciliation(cur, s[0], s[1], s[0].compareTo(s[1]) == 0)));
        return new Result(bills, rec, rec.stream().allMatch(BillingRun.Reconciliation::equal));
    }

    private List<Bill> billShare(Share share, List<Rated> rated) {
        List<Bill> out = new ArrayList<>();
        for (String sub : share.subscribers()) {
            Map<Integer, Map<String, Acc>> acc = new TreeMap<>(); // by month, then currency
            Map<Integer, Long> unpriced = new TreeMap<>();
            for (long at : share.cdrs().get(sub).get(0)) {
                int k = (int) (at >>> 32), i = (int) at;
                Rated r = rated.get(k);
                Columns c = r.in;
                if (r.cost[i] == null) {
                    unpriced.merge(r.month[i], 1L, Long::sum);
                    continue;
                }
                int m = r.month[i];
                String cur = r.currency[i];
                Acc a = acc.computeIfAbsent(m, x -> new TreeMap<>()).computeIfAbsent(cur, x -> new Acc(sub, m, cur));
                if (TYPES[c.type[i]] == CdrType.VOICE) {
                    a.calls++;
                    a.totalSeconds += c.duration[i];
                    a.billedSeconds += r.billed[i];
                    a.freeSeconds += r.free[i];
                } else {
                    a.sms++;
                    a.freeSms += r.free[i];
                }
                a.amount = a.amount.add(r.cost[i]);
            }
            unpriced.forEach((m, n) -> {
                Map<String, Acc> ofMonth = acc.computeIfAbsent(m, x -> new TreeMap<>());
                Acc first = ofMonth.values().stream().findFirst().orElseGet(() -> {
                    String cur = tariffs.versionAt(tariffs.planOf(sub), lastInstant(m)).map(PlanVersion::currency).orElse("");
                    return ofMonth.computeIfAbsent(cur, x -> new Acc(sub, m, cur));
                });
                first.unpriced += n;
            });
            String plan = tariffs.planOf(sub);
            for (Acc a : acc.values().stream().flatMap(x -> x.values().stream()).toList()) {
                BigDecimal rate = tariffs.versionAt(plan, lastInstant(a.month)).map(PlanVersion::taxRate).orElse(BigDecimal.ZERO);
                BigDecimal tax = BillingRun.tax(a.amount, rate);
                out.add(new Bill(sub, month(a.month).toString(), a.currency, plan, a.calls, a.sms, a.totalSeconds, a.billedSeconds,
                        a.freeSeconds, a.freeSms, a.amount, rate, tax, a.amount.add(tax), a.unpriced, null));
            }
        }
        return out;
    }

    private static YearMonth month(int m) {
        return YearMonth.of(Math.floorDiv(m, 12), Math.floorMod(m, 12) + 1);
    }

    private Instant lastInstant(int m) {
        return new Period(month(m), tariffs.zone()).to().minusMillis(1);
    }

    // ----

    private interface Task<T> {
        T run(int t) throws Exception;
    }

    private static <T> List<T> parallel(int n, Task<T> task) throws Exception {
        if (n == 1) return List.of(task.run(0));
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> fs = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                int tt = t;
                fs.add(pool.submit(() -> task.run(tt)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
