package dev.switchboard.revenue;

import dev.switchboard.revenue.RevenueJson.CurrencyAmount;
import dev.switchboard.revenue.RevenueJson.Daily;
import dev.switchboard.revenue.RevenueJson.Day;
import dev.switchboard.revenue.RevenueJson.Distribution;
import dev.switchboard.revenue.RevenueJson.ErrorReason;
import dev.switchboard.revenue.RevenueJson.Errors;
import dev.switchboard.revenue.RevenueJson.Row;
import dev.switchboard.revenue.RevenueJson.Summary;
import dev.switchboard.revenue.RevenueJson.Top;
import dev.switchboard.revenue.RevenueQueries.CurrencyTotals;
import dev.switchboard.revenue.RevenueQueries.DayTotals;
import dev.switchboard.revenue.RevenueQueries.Keyed;
import dev.switchboard.revenue.RevenueQueries.ReasonsCount;
import dev.switchboard.revenue.RevenueQueries.TopBy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The revenue figures the API answers, from the CDR history; days are those of the configured zone. */
public final class RevenueService {
    static final int MAX_RAW_CHARS = 2_000;
    private final RevenueQueries queries;
    private final ZoneId zone;
    private final InstantSource clock;
    private final Countries countries = new Countries();

    public RevenueService(RevenueQueries queries, ZoneId zone, InstantSource clock) {
        this.queries = queries;
        this.zone = zone;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Period period(String text) {
        return Period.parse(text, today(), zone);
    }

    public Summary summary(Period p) {
        LocalDate today = today();
        List<CurrencyTotals> period = queries.totals(p.from(), p.to());
        List<CurrencyTotals> day = queries.totals(p.startOf(today), p.startOf(today.plusDays(1)));
        Usage all = period.stream().map(CurrencyTotals::usage).reduce(Usage.NONE, Usage::plus);
        long answered = period.stream().mapToLong(CurrencyTotals::answered).sum();
        long answeredSeconds = period.stream().mapToLong(CurrencyTotals::answeredSeconds).sum();
        BigDecimal average = answered == 0 ? null : BigDecimal.valueOf(answeredSeconds).divide(BigDecimal.valueOf(answered), 1, RoundingMode.HALF_UP);
        Usage todayAll = day.stream().map(CurrencyTotals::usage).reduce(Usage.NONE, Usage::plus);
        return new Summary(p.month(), zone.getId(), p.from(), p.to(), today, revenue(day), revenue(period),
                all.cdrs(), all.rated(), all.notRated(), all.calls(), answered, all.sms(), answeredSeconds, average,
                todayAll.cdrs(), todayAll.rated(), todayAll.notRated());
    }

    public Top top(Period p, TopBy by, int limit) {
        return new Top(p.month(), by.name().toLowerCase(), queries.top(p.from(), p.to(), by, limit).stream().map(k -> Row.of(k.key(), null, k.usage())).toList());
    }

    public Distribution byOperator(Period p) {
        List<Row> rows = queries.byOperator(p.from(), p.to()).stream()
                .sorted((a, b) -> Usage.byAmountThenCdrs(a.usage(), b.usage()))
                .map(k -> Row.of(k.key().isEmpty() ? "" : k.key(), k.key().isEmpty() ? "(no operator)" : k.key(), k.usage())).toList();
        return new Distribution(p.month(), "operator", rows);
    }

    public Distribution byCountry(Period p) {
        Map<String, Usage> regions = new HashMap<>();
        for (Keyed k : queries.byCalledPrefix(p.from(), p.to()))
            regions.merge(countries.region(k.key(), k.sample()), k.usage(), Usage::plus);
        List<Row> rows = regions.entrySet().stream()
                .sorted((a, b) -> Usage.byAmountThenCdrs(a.getValue(), b.getValue()))
                .map(e -> Row.of(e.getKey(), Countries.name(e.getKey()), e.getValue())).toList();
        return new Distribution(p.month(), "country", rows);
    }

    public Daily daily(Period p) {
        Map<LocalDate, Usage> byDay = new HashMap<>();
        for (DayTotals d : queries.daily(p.from(), p.to(), zone)) byDay.merge(d.day(), d.usage(), Usage::plus);
        List<Day> days = p.daysUpTo(today()).stream().map(d -> Day.of(d, byDay.getOrDefault(d, Usage.NONE))).toList();
        return new Daily(p.month(), zone.getId(), days);
    }

    /** Error rows per reason code; a row with several reasons counts once under each. {@code p} null: all time. */
    public Errors errors(Period p, int samplesPerReason) {
        var from = p == null ? null : p.from();
        var to = p == null ? null : p.to();
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Set<String>> texts = new HashMap<>();
        long rows = 0;
        for (ReasonsCount rc : queries.errorReasons(from, to)) {
            rows += rc.count();
            for (String code : codes(rc.reasons())) {
                counts.merge(code, rc.count(), Long::sum);
                texts.computeIfAbsent(code, c -> new LinkedHashSet<>()).add(rc.reasons());
            }
        }
        List<ErrorReason> reasons = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            var samples = queries.errorSamples(texts.get(e.getKey()), from, to, samplesPerReason).stream().map(RevenueJson.Sample::of).toList();
            reasons.add(new ErrorReason(e.getKey(), e.getValue(), samples));
        }
        reasons.sort(Comparator.comparingLong(ErrorReason::count).reversed().thenComparing(ErrorReason::reason));
        return new Errors(p == null ? null : p.month(), rows, reasons);
    }

    /** {@code INVALID_NUMBER:called_number,FUTURE_START} → INVALID_NUMBER, FUTURE_START (each once). */
    static Set<String> codes(String reasons) {
        Set<String> codes = new LinkedHashSet<>();
        for (String part : reasons.split(",")) {
            String code = part.split(":", 2)[0].strip();
            if (!code.isEmpty()) codes.add(code);
        }
        return codes;
    }

    static List<CurrencyAmount> revenue(List<CurrencyTotals> totals) {
        List<CurrencyAmount> out = new ArrayList<>();
        for (CurrencyTotals t : totals)
            if (t.usage().rated() > 0) out.add(new CurrencyAmount(t.currency(), Money.text(t.usage().amount()), t.usage().rated()));
        out.sort(Comparator.comparing(CurrencyAmount::currency, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }
}
