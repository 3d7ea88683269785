package dev.switchboard.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.mediation.Mediated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The IVR generator's distributions, checked against what cleaning makes of its lines (generous bounds). */
class IvrGeneratorTest {
    private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    private static List<String> lines(long n, long seed, double errorRate, double duplicateRate) {
        IvrGenerator g = new IvrGenerator(n, seed, START, 6, errorRate, duplicateRate);
        List<String> out = new ArrayList<>();
        g.forEachRemaining(out::add);
        return out;
    }

    private static List<IvrSession> clean(List<String> lines) {
        return lines.stream().map(l -> IvrFixtures.MEDIATOR.mediate(IvrFixtures.raw(l)))
                .filter(m -> m instanceof Mediated.Clean<IvrSession>).map(m -> ((Mediated.Clean<IvrSession>) m).value()).toList();
    }

    @Test
    void sameSeedSameLinesOtherSeedOtherLines() {
        assertThat(lines(200, 7, 0.05, 0.02)).isEqualTo(lines(200, 7, 0.05, 0.02)).isNotEqualTo(lines(200, 8, 0.05, 0.02));
    }

    @Test
    void withoutErrorsEverySessionIsCleanAndUnique() {
        List<String> lines = lines(3000, 1, 0, 0);
        List<IvrSession> sessions = clean(lines);
        assertThat(sessions).hasSize(3000);
        assertThat(sessions.stream().map(IvrSession::sessionId).distinct().count()).isEqualTo(3000);
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.turns()).isNotEmpty();
            assertThat(s.callEndTime()).isAfter(s.turns().get(s.turns().size() - 1).timestamp());
            assertThat(s.escalationFlag()).isEqualTo(s.resolutionStatus() == IvrStatus.ESCALATED ? "Y" : "N");
        });
        // Some lines are untidy yet clean: cleaning had something to normalise.
        assertThat(lines.stream().filter(l -> l.contains("\"escalation_flag\":\"no\"")).count()).isBetween(150L, 450L);
    }

    @Test
    void outcomesDependOnTheTopic() {
        List<IvrSession> sessions = clean(lines(30_000, 2, 0, 0));
        Map<String, List<IvrSession>> byName = sessions.stream().collect(Collectors.groupingBy(IvrSession::topicName));
        assertThat(byName.keySet()).hasSize(IvrTopicCatalog.TOPICS.size());
        for (IvrTopicCatalog.Topic topic : IvrTopicCatalog.TOPICS) {
            List<IvrSession> of = byName.get(topic.name());
            double resolved = share(of, IvrStatus.RESOLVED), escalated = share(of, IvrStatus.ESCALATED);
            // System errors (5 %) halve the chance of resolving: expected resolved = p · 0.975.
            assertThat(resolved).as(topic.name()).isCloseTo(topic.resolved() * 0.975, within(0.05));
            assertThat(escalated).as(topic.name()).isCloseTo(topic.escalated(), within(0.06));
            assertThat(of.get(0).topicType()).isEqualTo(topic.type());
        }
        assertThat(share(byName.get("Password Reset"), IvrStatus.RESOLVED)).isGreaterThan(share(byName.get("Cancel Service"), IvrStatus.RESOLVED) + 0.4);
    }

    @Test
    void sentimentFollowsTheOutcomeAndSystemErrorsAreRare() {
        List<IvrSession> sessions = clean(lines(20_000, 3, 0, 0));
        double positiveResolved = sessions.stream().filter(s -> s.resolutionStatus() == IvrStatus.RESOLVED)
                .mapToInt(s -> "Positive".equals(s.customerSentiment()) ? 1 : 0).average().orElseThrow();
        double negativeAbandoned = sessions.stream().filter(s -> s.resolutionStatus() == IvrStatus.ABANDONED)
                .mapToInt(s -> "Negative".equals(s.customerSentiment()) ? 1 : 0).average().orElseThrow();
        assertThat(positiveResolved).isCloseTo(0.60, within(0.05));
        assertThat(negativeAbandoned).isCloseTo(0.60, within(0.05));
        double systemErrors = sessions.stream().mapToInt(s -> s.systemErrorFlag().equals("Y") ? 1 : 0).average().orElseThrow();
        assertThat(systemErrors).isCloseTo(IvrGenerator.SYSTEM_ERROR_SHARE, within(0.015));
        Set<String> codes = sessions.stream().map(IvrSession::ivrOutcomeCode).collect(Collectors.toSet());
        assertThat(codes).contains("RSLV_SELF_SERVICE", "ESC_AGENT_TRANSFER", "ESC_SYSTEM_ERROR", "ABD_CUSTOMER_HANGUP", "ABD_TIMEOUT");
        // Escalated sessions reach an agent, resolved ones do not.
        assertThat(sessions).filteredOn(s -> s.resolutionStatus() == IvrStatus.ESCALATED)
                .allSatisfy(s -> assertThat(s.turns()).anyMatch(t -> t.speaker() == IvrSpeaker.AGENT));
        assertThat(sessions).filteredOn(s -> s.resolutionStatus() == IvrStatus.RESOLVED)
                .allSatisfy(s -> assertThat(s.turns()).noneMatch(t -> t.speaker() == IvrSpeaker.AGENT));
    }

    @Test
    void sessionsSpanTheMonthsAndCustomersComeBack() {
        List<IvrSession> sessions = clean(lines(6000, 4, 0, 0));
        Set<String> months = new HashSet<>();
        sessions.forEach(s -> months.add(s.callStartTime().toString().substring(0, 7)));
        assertThat(months).containsExactlyInAnyOrder("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07")
                .hasSizeGreaterThanOrEqualTo(6);
        Map<String, Long> perCustomer = sessions.stream().collect(Collectors.groupingBy(IvrSession::customerId, Collectors.counting()));
        assertThat(perCustomer.size()).isBetween(1500, 2000);
        assertThat(perCustomer.values().stream().filter(n -> n > 1).count()).isGreaterThan(500);
    }

    @Test
    void errorAndDuplicateRatesAreMet() {
        List<String> lines = lines(10_000, 5, 0.05, 0.03);
        Map<Boolean, Long> byClean = new HashMap<>();
        lines.forEach(l -> byClean.merge(IvrFixtures.MEDIATOR.mediate(IvrFixtures.raw(l)) instanceof Mediated.Clean<IvrSession>, 1L, Long::sum));
        long rejected = byClean.getOrDefault(false, 0L);
        long distinct = lines.stream().distinct().count();
        assertThat(10_000 - distinct).isBetween(200L, 400L);
        assertThat((double) rejected / 10_000).isCloseTo(0.05 * 0.97 + 0.03 * 0.05, within(0.012));
    }

    private static double share(List<IvrSession> sessions, IvrStatus status) {
        return sessions.stream().mapToInt(s -> s.resolutionStatus() == status ? 1 : 0).average().orElseThrow();
    }
}
