package dev.switchboard.callcenter.simulate;

import static dev.switchboard.callcenter.CallSubject.COMPLAINT;
import static dev.switchboard.callcenter.CallSubject.DISCONNECTION;
import static dev.switchboard.callcenter.CallSubject.JOINING;
import static dev.switchboard.callcenter.simulate.CallCenterFixtures.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.Caller;
import dev.switchboard.callcenter.Sex;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SubjectModelTest {
    private static final SubjectModel MODEL = SubjectModel.standard();
    private static final Caller YOUNG_NOTHING = new Caller("+15550000001", 22, Sex.F, "Salem", List.of());
    private static final Caller MIDDLE = new Caller("+15550000002", 45, Sex.M, "Salem", List.of(Products.MOBILE_BASIC, Products.FIBER_100));
    private static final Caller OLD_MANY = new Caller("+15550000003", 72, Sex.F, "Salem",
            List.of(Products.MOBILE_BASIC, Products.FIBER_100, Products.TV));

    @Test
    void probabilitiesSumToOneAndMoveTheDocumentedWay() {
        for (Caller c : List.of(YOUNG_NOTHING, MIDDLE, OLD_MANY))
            for (int n : new int[] {0, 1, 5}) {
                assertThat(sum(MODEL.subjectProbabilities(c, n))).isCloseTo(1.0, within(1e-12));
                for (CallSubject s : CallSubject.values())
                    assertThat(sum(MODEL.productProbabilities(s, c))).isCloseTo(1.0, within(1e-12));
            }
        assertThat(MODEL.subjectProbabilities(YOUNG_NOTHING, 0).get(JOINING)).isGreaterThan(0.5);
        assertThat(MODEL.subjectProbabilities(MIDDLE, 4).get(COMPLAINT)).isGreaterThan(MODEL.subjectProbabilities(MIDDLE, 0).get(COMPLAINT) + 0.2);
        assertThat(MODEL.subjectProbabilities(OLD_MANY, 0).get(DISCONNECTION)).isGreaterThan(2 * MODEL.subjectProbabilities(MIDDLE, 0).get(DISCONNECTION));
        Caller sameButMale = new Caller(MIDDLE.number(), MIDDLE.age(), Sex.F, MIDDLE.city(), MIDDLE.products());
        assertThat(MODEL.subjectProbabilities(sameButMale, 1)).isEqualTo(MODEL.subjectProbabilities(MIDDLE, 1));
        Caller troubled = new Caller(MIDDLE.number(), MIDDLE.age(), MIDDLE.sex(), "Riverside", MIDDLE.products());
        assertThat(MODEL.subjectProbabilities(troubled, 0).get(COMPLAINT)).isGreaterThan(MODEL.subjectProbabilities(MIDDLE, 0).get(COMPLAINT));
    }

    @Test
    void productsJoinedAreNotHeldAndProductsComplainedAboutOrLeftAreHeld() {
        assertThat(MODEL.productProbabilities(JOINING, MIDDLE).keySet()).doesNotContainAnyElementsOf(MIDDLE.products());
        assertThat(MODEL.productProbabilities(COMPLAINT, MIDDLE).keySet()).containsExactlyElementsOf(MIDDLE.products());
        Caller middleWithTv = new Caller("+15550000004", 45, Sex.M, "Salem", OLD_MANY.products());
        assertThat(MODEL.productProbabilities(DISCONNECTION, middleWithTv).get(Products.TV)).isEqualTo(0.5);
        assertThat(MODEL.productProbabilities(DISCONNECTION, OLD_MANY).get(Products.TV)).isEqualTo(4 / 6.5); // TV ×2, MOBILE_BASIC ×1.5 at 65+
        assertThat(MODEL.productProbabilities(COMPLAINT, YOUNG_NOTHING).keySet()).containsExactlyElementsOf(Products.ALL);
    }

    @Test
    void samplingFollowsTheProbabilities() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        Map<CallSubject, Integer> counts = new EnumMap<>(CallSubject.class);
        int n = 100_000;
        for (int i = 0; i < n; i++) counts.merge(MODEL.sampleSubject(OLD_MANY, 2, rng), 1, Integer::sum);
        MODEL.subjectProbabilities(OLD_MANY, 2).forEach((s, p) ->
                assertThat(counts.getOrDefault(s, 0) / (double) n).as(s.name()).isCloseTo(p, within(0.01)));
    }

    /**
     * In a month of simulated calls, the subjects of ended calls within a group of callers match the
     * model's probabilities for those very calls (features at the time of the call, calls in the last
     * 30 days counted from the event stream itself).
     */
    @Test
    void subjectsOfSimulatedCallsMatchTheModelGivenTheCallersFeatures() {
        List<Caller> callers = Callers.synthetic(3_000, 21, "US");
        Map<String, Caller> byNumber = callers.stream().collect(Collectors.toMap(Caller::number, c -> c));
        CallSimulation sim = new CallSimulation(CallCenterConfig.defaults(CallCenterFixtures.UTC, 21)
                .withAgentsAroundTheClock(20), callers, MODEL);
        Map<String, ArrayDeque<Instant>> history = new HashMap<>();
        Map<String, Integer> callsBefore = new HashMap<>();
        Map<String, Double[]> expected = new HashMap<>();
        Map<String, int[]> observed = new HashMap<>();
        Map<String, Predicate<Caller>> groups = Map.of("all", c -> true, "no products", c -> c.products().isEmpty(),
                "65 and over", c -> c.age() >= 65, "under 30", c -> c.age() < 30);
        int repeatCallsSeen = 0;
        for (CallEvent e : sim.run(MONDAY, MONDAY.plus(Duration.ofDays(30)))) {
            switch (e.event()) {
                case QUEUED -> {
                    ArrayDeque<Instant> past = history.computeIfAbsent(e.callerNumber(), k -> new ArrayDeque<>());
                    while (!past.isEmpty() && !past.peekFirst().isAfter(e.time().minus(Duration.ofDays(30)))) past.pollFirst();
                    callsBefore.put(e.callId(), past.size());
                    past.addLast(e.time());
                }
                case ENDED -> {
                    Caller c = byNumber.get(e.callerNumber());
                    int n = callsBefore.get(e.callId());
                    if (n >= 3) repeatCallsSeen++;
                    Map<CallSubject, Double> p = MODEL.subjectProbabilities(c, n);
                    groups.forEach((name, in) -> {
                        if (!in.test(c)) return;
                        Double[] sums = expected.computeIfAbsent(name, k -> new Double[] {0.0, 0.0, 0.0, 0.0});
                        for (CallSubject s : CallSubject.values()) sums[s.ordinal()] += p.get(s);
                        observed.computeIfAbsent(name, k -> new int[4])[e.subject().ordinal()]++;
                    });
                }
                default -> { }
            }
        }
        assertThat(repeatCallsSeen).isGreaterThan(100);
        groups.keySet().forEach(name -> {
            int total = java.util.Arrays.stream(observed.get(name)).sum();
            assertThat(total).as(name).isGreaterThan(3_000);
            for (CallSubject s : CallSubject.values()) {
                double want = expected.get(name)[s.ordinal()];
                double sd = Math.sqrt(want);
                assertThat((double) observed.get(name)[s.ordinal()]).as("%s %s", name, s).isCloseTo(want, within(4 * sd + 5));
            }
        });
    }

    @Test
    void theDocumentedTableIsTheModel() throws IOException {
        String doc = Files.readString(Path.of("docs/CALL-SIMULATOR.md"));
        String base = MODEL.base().entrySet().stream().map(e -> e.getKey() + " " + num(e.getValue())).collect(Collectors.joining(", "));
        assertThat(doc).contains("| base | " + base + " |");
        for (SubjectModel.Rule r : MODEL.rules()) {
            String factors = new EnumMap<>(r.factors()).entrySet().stream().map(e -> e.getKey() + " ×" + num(e.getValue()))
                    .collect(Collectors.joining(", "));
            assertThat(doc).contains("| " + r.when() + " | " + factors + " |");
        }
    }

    private static String num(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static double sum(Map<?, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
