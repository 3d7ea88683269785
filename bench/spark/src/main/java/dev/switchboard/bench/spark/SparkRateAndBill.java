package dev.switchboard.bench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.lit;

import dev.switchboard.billing.Bill;
import dev.switchboard.billing.BillingRun;
import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.cli.RateAndBillBench;
import dev.switchboard.rating.CostProof;
import dev.switchboard.rating.FreeUnits;
import dev.switchboard.rating.PlanVersion;
import dev.switchboard.rating.Rater;
import dev.switchboard.rating.RatingResult;
import dev.switchboard.rating.Tariffs;
import dev.switchboard.revenue.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.AccumulatorV2;

/**
 * The product's batch rate-and-bill ({@code switchboard bench rate-and-bill}) on Spark in local mode: the same
 * NDJSON file, the same {@link Rater} inside mapPartitions (repartitioned by calling number, sorted within
 * partitions by start time, ties in file order), bills per subscriber, month and currency with
 * {@link BillingRun#tax}, and the reconciliation (sum of the bills' amounts = sum of the rated costs, exactly).
 * Args: FILE [PARTITIONS [BILLS_OUT]].
 */
public final class SparkRateAndBill {
    /** Cost as an exact Spark decimal: the rater keeps at most 10 decimals (docs/RATING.md, rule 7). */
    static final int COST_SCALE = 10;

    private SparkRateAndBill() {}

    /** One rater per JVM (local mode: the executors are threads of this JVM). */
    static final class Shared {
        static final Tariffs TARIFFS = RateAndBillBench.tariffs();
        static final Rater RATER = new Rater(TARIFFS);
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long s0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[*]").appName("switchboard-rate-and-bill")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(partitions))
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.printf("spark %s, local[*] = %d cores, %d partitions, session started in %.1f s (not counted)%n",
                spark.version(), spark.sparkContext().defaultParallelism(), partitions, secs(s0));
        Tariffs tariffs = Shared.TARIFFS;

        long t0 = System.nanoTime();
        CostSums costs = new CostSums();
        spark.sparkContext().register(costs, "costs");
        StructType in = new StructType()
                .add("id", DataTypes.StringType).add("calling_number", DataTypes.StringType).add("called_number", DataTypes.StringType)
                .add("start_time", DataTypes.TimestampType).add("duration_sec", DataTypes.IntegerType).add("type", DataTypes.StringType)
                .add("result", DataTypes.StringType).add("operator", DataTypes.StringType);
        StructType out = new StructType()
                .add("subscriber", DataTypes.StringType).add("month", DataTypes.StringType).add("currency", DataTypes.StringType)
                .add("voice", DataTypes.BooleanType).add("duration", DataTypes.LongType).add("billed", DataTypes.LongType)
                .add("free", DataTypes.LongType).add("cost", DataTypes.createDecimalType(38, COST_SCALE));
        Dataset<Row> cdrs = spark.read().schema(in).option("mode", "FAILFAST").json(file)
                .withColumn("seq", monotonically_increasing_id());
        Dataset<Row> sorted = cdrs.repartition(partitions, col("calling_number")).sortWithinPartitions("calling_number", "start_time", "seq");
        Dataset<Row> rated = sorted.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> rate(rows, costs), Encoders.row(out));
        Dataset<Row> agg = rated.groupBy("subscriber", "month", "currency").agg(
                sum(when(col("currency").isNotNull().and(col("voice")), 1).otherwise(0)).as("calls"),
                sum(when(col("currency").isNotNull().and(col("voice").equalTo(lit(false))), 1).otherwise(0)).as("sms"),
                sum(when(col("currency").isNotNull().and(col("voice")), col("duration")).otherwise(0)).as("seconds"),
                sum(when(col("voice"), col("billed")).otherwise(0)).as("billed"),
                sum(when(col("voice"), col("free")).otherwise(0)).as("free_seconds"),
                sum(when(col("voice").equalTo(lit(false)), col("free")).otherwise(0)).as("free_sms"),
                sum(col("cost")).as("amount"),
                sum(when(col("currency").isNull(), 1).otherwise(0)).as("unpriced"),
                count(lit(1)).as("n"));
        List<Row> groups = agg.collectAsList();
        List<Bill> bills = bills(tariffs, groups);
        double seconds = secs(t0);

        long n = groups.stream().mapToLong(r -> r.getLong(r.fieldIndex("n"))).sum();
        long unpriced = groups.stream().mapToLong(r -> r.getLong(r.fieldIndex("unpriced"))).sum();
        System.out.printf("spark: %,d CDRs, %,d not priced, %,d bills%n", n, unpriced, bills.size());
        System.out.printf("SPARK_SECONDS %.3f%n", seconds);
        System.out.printf("  total %.2f s → %,.0f CDR/s%n", seconds, n / seconds);
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (Bill b : bills) {
            BigDecimal[] s = totals.computeIfAbsent(b.currency(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(b.amount());
            s[1] = s[1].add(b.tax());
            s[2] = s[2].add(b.total());
        }
        RateAndBillBench.printTotals(totals);
        boolean reconciled = true;
        Map<String, BigDecimal> cdrSums = costs.value();
        for (String cur : union(totals.keySet(), cdrSums.keySet())) {
            BigDecimal b = totals.containsKey(cur) ? totals.get(cur)[0] : BigDecimal.ZERO;
            BigDecimal c = cdrSums.getOrDefault(cur, BigDecimal.ZERO);
            boolean eq = b.compareTo(c) == 0;
            reconciled &= eq;
            System.out.printf("  reconciliation %s: bills %s = cdrs %s → %s%n", cur, b.stripTrailingZeros().toPlainString(), c.stripTrailingZeros().toPlainString(), eq);
        }
        System.out.println(reconciled ? "RECONCILED" : "NOT RECONCILED");
        if (args.length > 2) RateAndBillBench.writeBills(java.nio.file.Path.of(args[2]), bills);
        spark.stop();
        System.exit(reconciled ? 0 : 1);
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /** Rates one partition's rows, in (subscriber, start time, file position) order: free units per subscriber and month. */
    static Iterator<Row> rate(Iterator<Row> rows, CostSums costs) {
        Rater rater = Shared.RATER;
        var zone = Shared.TARIFFS.zone();
        Map<String, BigDecimal> local = new HashMap<>();
        return new Iterator<>() {
            String subscriber;
            YearMonth month;
            FreeUnits left = FreeUnits.FRESH;

            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more && !local.isEmpty()) {
                    costs.add(local);
                    local.clear();
                }
                return more;
            }

            @Override
            public Row next() {
                Row r = rows.next();
                String calling = r.getString(1);
                Instant start = r.getAs(3);
                Integer duration = r.isNullAt(4) ? null : r.getInt(4);
                CdrType type = CdrType.valueOf(r.getString(5));
                Cdr cdr = new Cdr("", calling, r.getString(2), start, duration, type, CdrResult.valueOf(r.getString(6)), r.getString(7));
                YearMonth m = YearMonth.from(start.atZone(zone));
                if (!calling.equals(subscriber) || !m.equals(month)) {
                    subscriber = calling;
                    month = m;
                    left = FreeUnits.FRESH;
                }
                boolean voice = type == CdrType.VOICE;
                long dur = duration == null ? 0 : duration;
                RatingResult result = rater.rate(cdr, left);
                if (result instanceof RatingResult.Rated ok) {
                    left = rater.balanceAfter(left, ok);
                    BigDecimal cost = ok.cost();
                    if (cost.scale() > COST_SCALE) throw new ArithmeticException("cost " + cost + " has more than " + COST_SCALE + " decimals");
                    local.merge(ok.currency(), cost, BigDecimal::add);
                    long free = 0;
                    for (CostProof.FreeUse u : ok.proof().freeUnitsUsed()) free += u.units();
                    return RowFactory.create(calling, m.toString(), ok.currency(), voice, dur, ok.proof().billedSeconds(), free, cost);
                }
                return RowFactory.create(calling, m.toString(), null, voice, dur, 0L, 0L, null);
            }
        };
    }

    /** The bills from the aggregated groups, with BillingRun's rules (tax at the period's end, unpriced on the first bill of the month). */
    static List<Bill> bills(Tariffs t, List<Row> groups) {
        Map<String, Map<String, Map<String, Row>>> bySub = new TreeMap<>();
        for (Row g : groups)
            bySub.computeIfAbsent(g.getString(0), k -> new TreeMap<>()).computeIfAbsent(g.getString(1), k -> new TreeMap<>())
                    .put(g.isNullAt(2) ? "\u0000" : g.getString(2), g);
        List<Bill> out = new ArrayList<>();
        bySub.forEach((sub, months) -> months.forEach((month, byCur) -> {
            Period p = new Period(YearMonth.parse(month), t.zone());
            Instant last = p.to().minusMillis(1);
            String plan = t.planOf(sub);
            BigDecimal rate = t.versionAt(plan, last).map(PlanVersion::taxRate).orElse(BigDecimal.ZERO);
            Row none = byCur.remove("\u0000");
            long unpriced = none == null ? 0 : none.getLong(none.fieldIndex("unpriced"));
            if (byCur.isEmpty() && unpriced > 0) {
                String cur = t.versionAt(plan, last).map(PlanVersion::currency).orElse("");
                out.add(new Bill(sub, month, cur, plan, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, rate, BillingRun.tax(BigDecimal.ZERO, rate), BigDecimal.ZERO, unpriced, null));
                return;
            }
            boolean first = true;
            for (Map.Entry<String, Row> e : byCur.entrySet()) {
                Row g = e.getValue();
                BigDecimal amount = g.getDecimal(g.fieldIndex("amount"));
                BigDecimal tax = BillingRun.tax(amount, rate);
                out.add(new Bill(sub, month, e.getKey(), plan, g.getLong(g.fieldIndex("calls")), g.getLong(g.fieldIndex("sms")),
                        g.getLong(g.fieldIndex("seconds")), g.getLong(g.fieldIndex("billed")), g.getLong(g.fieldIndex("free_seconds")),
                        g.getLong(g.fieldIndex("free_sms")), amount, rate, tax, amount.add(tax), first ? unpriced : 0, null));
                first = false;
            }
        }));
        return out;
    }

    /** Sums of the rated costs per currency, exact; added once per partition. */
    public static final class CostSums extends AccumulatorV2<Map<String, BigDecimal>, Map<String, BigDecimal>> {
        private final Map<String, BigDecimal> sums = new TreeMap<>();

        @Override public boolean isZero() { synchronized (sums) { return sums.isEmpty(); } }
        @Override public AccumulatorV2<Map<String, BigDecimal>, Map<String, BigDecimal>> copy() {
            CostSums c = new CostSums();
            c.add(value());
            return c;
        }
        @Override public void reset() { synchronized (sums) { sums.clear(); } }
        @Override public void add(Map<String, BigDecimal> v) { synchronized (sums) { v.forEach((k, x) -> sums.merge(k, x, BigDecimal::add)); } }
        @Override public void merge(AccumulatorV2<Map<String, BigDecimal>, Map<String, BigDecimal>> other) { add(other.value()); }
        @Override public Map<String, BigDecimal> value() { synchronized (sums) { return new TreeMap<>(sums); } }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
