package dev.switchboard.generate;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrResult;
import dev.switchboard.cdr.CdrType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/** Draws one well-formed call or SMS: who calls whom, the outcome and the talk time. */
final class CallSampler {
    /** Zipf exponent of caller activity: the busiest tenth of the base makes about half of the calls. */
    static final double CALLER_SKEW = 0.8;
    static final double SMS_FAILED_SHARE = 0.03;

    private final UniformRandomProvider rng;
    private final CdrWorkload workload;
    private final List<Subscriber> subscribers;
    private final BusinessCalls businesses;
    private final List<ForeignRegion> foreign;
    private final SharedStateDiscreteSampler callerRank;
    private final SharedStateDiscreteSampler foreignRegion;
    private final SharedStateDiscreteSampler voiceOutcome;
    private final ContinuousSampler talkTime;

    CallSampler(CdrWorkload workload, SubscriberBase base, UniformRandomProvider rng) {
        this.rng = rng;
        this.workload = workload;
        this.subscribers = base.subscribers();
        this.foreign = base.foreignRegions();
        this.businesses = workload.businessShare() > 0 ? BusinessCalls.of(base.businesses(), rng).orElseThrow(() -> new IllegalArgumentException(
                "the business directory has no number to call (" + base.businesses().size() + " entries)")) : null;
        if (workload.internationalShare() > 0 && foreign.isEmpty())
            throw new IllegalArgumentException("the base has no foreign numbers");
        callerRank = RejectionInversionZipfSampler.of(rng, subscribers.size(), CALLER_SKEW);
        foreignRegion = foreign.isEmpty() ? null
                : GuideTableDiscreteSampler.of(rng, foreign.stream().mapToDouble(ForeignRegion::weight).toArray());
        voiceOutcome = GuideTableDiscreteSampler.of(rng, workload.voiceOutcomes().shares());
        talkTime = workload.talkTime().sampler(rng)::sample;
    }

    Cdr startingAt(Instant start) {
        return draw(start, false);
    }

    /** A call that has just ended at {@code end}, as a switch reports it in real time. */
    Cdr endingAt(Instant end) {
        return draw(end, true);
    }

    private Cdr draw(Instant time, boolean timeIsEnd) {
        String id = uuid();
        Subscriber caller = subscribers.get(callerRank.sample() - 1);
        String called = destination(caller);
        boolean sms = rng.nextDouble() < workload.smsShare();
        CdrResult result = sms
                ? (rng.nextDouble() < SMS_FAILED_SHARE ? CdrResult.FAILED : CdrResult.ANSWERED)
                : VoiceOutcomes.RESULTS[voiceOutcome.sample()];
        Integer duration = sms ? null : result == CdrResult.ANSWERED ? talkSeconds() : 0;
        Instant start = timeIsEnd && duration != null ? time.minusSeconds(duration) : time;
        CdrType type = sms ? CdrType.SMS : CdrType.VOICE;
        return new Cdr(id, caller.number(), called, start, duration, type, result, caller.operator());
    }

    private String destination(Subscriber caller) {
        double u = rng.nextDouble();
        if (u < workload.internationalShare()) {
            List<String> pool = foreign.get(foreignRegion.sample()).numbers();
            return pool.get(rng.nextInt(pool.size()));
        }
        if (u < workload.internationalShare() + workload.businessShare())
            return businesses.next();
        Subscriber called;
        do called = subscribers.get(rng.nextInt(subscribers.size()));
        while (called == caller);
        return called.number();
    }

    int talkSeconds() {
        long seconds = Math.round(talkTime.sample());
        return (int) Math.max(1, Math.min(seconds, workload.talkTime().capSec()));
    }

    /** A version-4 UUID from the seeded generator, so ids are unique and yet reproducible. */
    private String uuid() {
        long high = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long low = (rng.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
