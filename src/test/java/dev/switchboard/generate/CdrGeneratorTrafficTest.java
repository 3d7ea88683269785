package dev.switchboard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import dev.switchboard.marketing.BusinessDirectory;
import dev.switchboard.marketing.BusinessType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The traffic mix of 20,000 records against the workload's shares; tolerances are 5 standard errors or more. */
class CdrGeneratorTrafficTest {
    private static final CdrWorkload WORKLOAD = CdrWorkload.builder().count(20_000).seed(3).errorRate(0.02).duplicateRate(0.01).build();
    private static List<Cdr> calls;

    @BeforeAll
    static void generate() {
        calls = Generated.validCalls(Generated.lines(WORKLOAD, CdrFormat.CDR_JSON));
    }

    @Test
    void internationalCallsGoAbroadAtTheirShare() {
        double international = share(calls, cdr -> !"US".equals(region(cdr.calledNumber())));
        assertThat(international).isCloseTo(WORKLOAD.internationalShare(), within(0.012));
        Set<String> foreign = calls.stream().map(cdr -> region(cdr.calledNumber())).collect(Collectors.toSet());
        assertThat(foreign).contains("IN", "MX", "GB", "DE", "CN").doesNotContain("ZZ");
        assertThat(calls).allSatisfy(cdr -> assertThat(region(cdr.callingNumber())).isEqualTo("US"));
    }

    @Test
    void businessCallsGoToTheDirectoryAtTheirShareAndTypeWeights() {
        BusinessDirectory directory = Generated.BASE.businesses();
        assertThat(share(calls, cdr -> directory.find(cdr.calledNumber()).isPresent())).isCloseTo(WORKLOAD.businessShare(), within(0.015));
        List<Cdr> business = calls.stream().filter(cdr -> directory.find(cdr.calledNumber()).isPresent()).toList();
        Map<BusinessType, Long> perType = business.stream().collect(Collectors.groupingBy(cdr -> directory.find(cdr.calledNumber()).orElseThrow().type(),
                Collectors.counting()));
        assertThat(perType.keySet()).containsExactlyInAnyOrder(BusinessType.values());
        for (var w : BusinessCalls.TYPE_WEIGHTS)
            assertThat((double) perType.get(w.getKey()) / business.size()).as(w.getKey().name()).isCloseTo(w.getValue() / 100, within(0.025));
        // the banks' toll-free blocks are prefix entries: their calls go to full numbers under them
        assertThat(business).anyMatch(cdr -> directory.find(cdr.calledNumber()).orElseThrow().prefix().length() < cdr.calledNumber().length());
    }

    @Test
    void smsAndVoiceOutcomesFollowTheirShares() {
        assertThat(share(calls, cdr -> cdr.type() == CdrType.SMS)).isCloseTo(WORKLOAD.smsShare(), within(0.016));
        List<Cdr> voice = calls.stream().filter(cdr -> cdr.type() == CdrType.VOICE).toList();
        VoiceOutcomes outcomes = WORKLOAD.voiceOutcomes();
        assertThat(share(voice, cdr -> cdr.result() == CdrResult.ANSWERED)).isCloseTo(outcomes.answered(), within(0.02));
        assertThat(share(voice, cdr -> cdr.result() == CdrResult.BUSY)).isCloseTo(outcomes.busy(), within(0.015));
        assertThat(share(voice, cdr -> cdr.result() == CdrResult.NO_ANSWER)).isCloseTo(outcomes.noAnswer(), within(0.015));
        assertThat(share(voice, cdr -> cdr.result() == CdrResult.FAILED)).isCloseTo(outcomes.failed(), within(0.01));
        assertThat(voice).filteredOn(cdr -> cdr.result() != CdrResult.ANSWERED).allSatisfy(cdr -> assertThat(cdr.durationSec()).isZero());
        List<Cdr> sms = calls.stream().filter(cdr -> cdr.type() == CdrType.SMS).toList();
        assertThat(sms).allSatisfy(cdr -> assertThat(cdr.result()).isIn(CdrResult.ANSWERED, CdrResult.FAILED));
    }

    @Test
    void talkTimeIsLogNormalAroundTheMedianAndCapped() {
        int[] talk = calls.stream().filter(cdr -> cdr.result() == CdrResult.ANSWERED && cdr.type() == CdrType.VOICE)
                .mapToInt(Cdr::durationSec).sorted().toArray();
        double median = talk[talk.length / 2];
        double mean = Arrays.stream(talk).average().orElseThrow();
        System.out.printf("talk time of %d answered calls: median %.0f s, mean %.1f s, max %d s%n",
                talk.length, median, mean, talk[talk.length - 1]);
        assertThat(median).isCloseTo(WORKLOAD.talkTime().medianSec(), within(8.0));
        assertThat(mean).isCloseTo(WORKLOAD.talkTime().meanSec(), within(10.0)).isGreaterThan(median);
        assertThat(talk[0]).isGreaterThanOrEqualTo(1);
        assertThat(talk[talk.length - 1]).isLessThanOrEqualTo(WORKLOAD.talkTime().capSec());
    }

    @Test
    void aFewSubscribersMakeMostOfTheCalls() {
        Map<String, Long> perCaller = calls.stream().collect(Collectors.groupingBy(Cdr::callingNumber, Collectors.counting()));
        List<Long> busiestFirst = perCaller.values().stream().sorted(Comparator.reverseOrder()).toList();
        long topTenth = busiestFirst.stream().limit(SubscriberBase.DEFAULT_SIZE / 10).mapToLong(Long::longValue).sum();
        double topShare = (double) topTenth / calls.size();
        System.out.printf("busiest tenth of the subscribers makes %.0f%% of the calls%n", 100 * topShare);
        assertThat(topShare).isBetween(0.35, 0.7);
        assertThat(perCaller.size()).isGreaterThan(SubscriberBase.DEFAULT_SIZE * 9 / 10);
    }

    private static String region(String e164) {
        try {
            return ValidNumbers.PHONE.getRegionCodeForNumber(ValidNumbers.PHONE.parse(e164, null));
        } catch (Exception e) {
            return "ZZ";
        }
    }

    private static double share(List<Cdr> calls, Predicate<Cdr> which) {
        return (double) calls.stream().filter(which).count() / calls.size();
    }
}
