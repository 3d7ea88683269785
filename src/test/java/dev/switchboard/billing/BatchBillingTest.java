package dev.switchboard.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.CdrGenerator;
import dev.switchboard.generate.CdrWorkload;
import dev.switchboard.generate.Subscriber;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.platform.Json;
import dev.switchboard.rating.ExampleTariffs;
import dev.switchboard.rating.FreeUnits;
import dev.switchboard.rating.Rater;
import dev.switchboard.rating.RatingResult;
import dev.switchboard.rating.Tariffs;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchBillingTest {
    private static final SubscriberBase BASE = SubscriberBase.create("US", 40, 11);
    private static final Tariffs TARIFFS = ExampleTariffs.forSubscribers(BASE.subscribers().stream().map(Subscriber::number).toList());

    @TempDir Path dir;

    private List<String> generated(long n) {
        // a long mean gap, so that the CDRs cross month boundaries
        CdrWorkload w = CdrWorkload.defaults().toBuilder().count(n).seed(3).errorRate(0).duplicateRate(0)
                .gap(CdrWorkload.defaults().gap(), 3_000).build();
        List<String> lines = new ArrayList<>();
        for (Iterator<String> it = new CdrGenerator(w, BASE).lines(CdrFormat.CDR_JSON); it.hasNext(); ) lines.add(it.next());
        return lines;
    }

    private static Cdr cdr(String line) throws Exception {
        return Json.MAPPER.readValue(line, Cdr.class);
    }

    /** The straightforward way: all CDRs sorted by subscriber and start (stable), rated one by one, summed per subscriber, month, currency. */
    private static Map<String, BigDecimal> reference(List<String> lines) throws Exception {
        List<Cdr> cdrs = new ArrayList<>();
        for (String l : lines) {
            try {
                cdrs.add(cdr(l));
            } catch (Exception e) {
                // unreadable: skipped, as the batch does
            }
        }
        cdrs.sort(Comparator.comparing(Cdr::callingNumber).thenComparing(Cdr::startTime));
        Rater rater = new Rater(TARIFFS);
        Map<String, BigDecimal> out = new TreeMap<>();
        String sub = null;
        YearMonth month = null;
        FreeUnits left = FreeUnits.FRESH;
        for (Cdr c : cdrs) {
            YearMonth m = YearMonth.from(c.startTime().atZone(TARIFFS.zone()));
            if (!c.callingNumber().equals(sub) || !m.equals(month)) {
                sub = c.callingNumber();
                month = m;
                left = FreeUnits.FRESH;
            }
            if (rater.rate(c, left) instanceof RatingResult.Rated r) {
                assertThat(r.proof().check()).as("proof of %s", c).isTrue();
                left = rater.balanceAfter(left, r);
                out.merge(sub + " " + m + " " + r.currency(), r.cost(), BigDecimal::add);
            }
        }
        return out;
    }

    private BatchBilling.Result run(Path file, int threads) throws Exception {
        BatchBilling b = new BatchBilling(TARIFFS, threads);
        BatchBilling.Input in = b.read(file);
        return b.bill(b.rate(in));
    }

    @Test
    void billsEqualTheOneByOneRatingAndReconcileWithOneOrTwoThreads() throws Exception {
        List<String> lines = new ArrayList<>(generated(20_000));
        String sub = BASE.subscribers().get(0).number();
        lines.add("{\"id\":\"x1\",\"calling_number\":\"" + sub + "\",\"called_number\":\"abc\",\"start_time\":\"2025-01-06T10:00:00Z\","
                + "\"duration_sec\":30,\"type\":\"VOICE\",\"result\":\"ANSWERED\"}"); // no rate: not priced
        lines.add("not json");
        Path file = dir.resolve("cdrs.ndjson");
        Files.write(file, lines, StandardCharsets.UTF_8);

        BatchBilling.Result one = run(file, 1);
        BatchBilling.Result two = run(file, 2);
        assertThat(two.bills()).isEqualTo(one.bills());
        assertThat(one.reconciled()).isTrue();

        Map<String, BigDecimal> expected = reference(lines);
        Map<String, BigDecimal> actual = new TreeMap<>();
        for (Bill b : one.bills()) if (b.calls() + b.sms() > 0) actual.put(b.subscriber() + " " + b.period() + " " + b.currency(), b.amount());
        assertThat(actual).isEqualTo(expected);
        assertThat(one.bills().stream().map(Bill::period).distinct().count()).isGreaterThan(1);

        assertThat(one.bills().stream().mapToLong(Bill::unpriced).sum()).isEqualTo(1);
        assertThat(one.bills().stream().mapToLong(b -> b.calls() + b.sms()).sum()).isEqualTo(20_000);
        for (Bill b : one.bills()) {
            assertThat(b.tax()).isEqualTo(BillingRun.tax(b.amount(), b.taxRate()));
            assertThat(b.total()).isEqualTo(b.amount().add(b.tax()));
        }
    }
}
