package dev.switchboard.ivr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.platform.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Synthetic IVR chatbot sessions as {@code ivr-json} lines, deterministic for a seed: customers, a topic
 * per session ({@link IvrTopicCatalog}), an outcome drawn with the topic's chances (a system error
 * halves the chance of resolving), turns from templates (the bot detects the topic's intent, now and
 * then with low confidence or the wrong intent), sentiment by outcome, outcome codes. Start times are
 * spread over {@code months} months from {@code start}, more in business hours, or, for a live feed
 * ({@link #arriving}), follow each other from {@code start} with exponential gaps. A share of sessions is
 * written untidily (what cleaning normalises), a share {@code errorRate} is malformed (what cleaning
 * rejects), and a share {@code duplicateRate} repeats an earlier line exactly.
 */
public final class IvrGenerator implements Iterator<String> {
    /** Share of valid sessions written untidily: mixed case, yes/no words, blanks around text, no duration. */
    public static final double UNTIDY_SHARE = 0.10;
    public static final double SYSTEM_ERROR_SHARE = 0.05;
    private static final String[] BOT_GREETINGS = {"Hello, I am the virtual assistant. How can I help you today?",
            "Welcome! Tell me in a few words what you are calling about."};
    private static final String[] BOT_ASK = {"I understand. Can you tell me more?", "Got it. Could you give me a few details?"};
    private static final String[] BOT_HANDOVER = {"I am transferring you to an agent who can help.", "Let me connect you with a specialist."};
    private static final String[] AGENT_HELLO = {"Hi, this is your agent. I can see your conversation with the assistant.",
            "Hello, thanks for waiting. Let me look into this."};

    private final UniformRandomProvider rng;
    private final long count;
    private final int customers;
    private final Instant start;
    private final long spanSeconds;
    private final double errorRate;
    private final double duplicateRate;
    /** Live mode: mean seconds between session starts; 0 when starts are spread over {@link #spanSeconds}. */
    private final double meanGapSeconds;
    private Instant lastStart;
    private final List<String> emitted = new ArrayList<>();
    private long produced;
    private long sessions;
    private long errors;
    private long duplicates;

    public IvrGenerator(long count, long seed, Instant start, int months, double errorRate, double duplicateRate) {
        this(count, seed, start, months, (int) Math.max(20, Math.min(1_000_000, count / 3)), 0, errorRate, duplicateRate);
    }

    /**
     * Sessions without end, the first starting at {@code start} and each next one a random gap later (exponential,
     * mean {@code meanGapSeconds}), by customers 1 to {@code customers}: a live feed.
     */
    public static IvrGenerator arriving(long seed, Instant start, double meanGapSeconds, int customers, double errorRate, double duplicateRate) {
        if (!(meanGapSeconds > 0)) throw new IllegalArgumentException("mean gap must be positive");
        if (customers < 1) throw new IllegalArgumentException("customers must be positive");
        return new IvrGenerator(Long.MAX_VALUE, seed, start, 1, customers, meanGapSeconds, errorRate, duplicateRate);
    }

    private IvrGenerator(long count, long seed, Instant start, int months, int customers, double meanGapSeconds, double errorRate,
            double duplicateRate) {
        if (count < 0) throw new IllegalArgumentException("--count must not be negative");
        if (months < 1 || months > 120) throw new IllegalArgumentException("--months must be 1 to 120");
        if (errorRate < 0 || errorRate > 1) throw new IllegalArgumentException("--error-rate must be in [0, 1]");
        if (duplicateRate < 0 || duplicateRate > 1) throw new IllegalArgumentException("--duplicate-rate must be in [0, 1]");
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.count = count;
        this.customers = customers;
        this.start = start;
        this.meanGapSeconds = meanGapSeconds;
        this.lastStart = start;
        this.spanSeconds = Duration.between(start, start.atZone(ZoneOffset.UTC).plusMonths(months).toInstant()).toSeconds();
        this.errorRate = errorRate;
        this.duplicateRate = duplicateRate;
    }

    @Override
    public boolean hasNext() {
        return produced < count;
    }

    @Override
    public String next() {
        if (!hasNext()) throw new NoSuchElementException();
        produced++;
        if (!emitted.isEmpty() && rng.nextDouble() < duplicateRate) {
            duplicates++;
            return emitted.get(rng.nextInt(emitted.size()));
        }
        ObjectNode session = session(produced);
        String line;
        if (rng.nextDouble() < errorRate) {
            errors++;
            line = malformed(session);
        } else {
            sessions++;
            if (rng.nextDouble() < UNTIDY_SHARE) untidy(session);
            line = session.toString();
        }
        if (emitted.size() < 10_000) emitted.add(line);
        else emitted.set(rng.nextInt(emitted.size()), line);
        return line;
    }

    /** What was generated so far: valid sessions, malformed ones, exact repeats. */
    public String counts() {
        return "total=" + produced + " sessions=" + sessions + " malformed=" + errors + " duplicates=" + duplicates;
    }

    private ObjectNode session(long n) {
        IvrTopicCatalog.Topic topic = IvrTopicCatalog.TOPICS.get(rng.nextInt(IvrTopicCatalog.TOPICS.size()));
        boolean systemError = rng.nextDouble() < SYSTEM_ERROR_SHARE;
        double resolved = systemError ? topic.resolved() / 2 : topic.resolved();
        double u = rng.nextDouble();
        IvrStatus status = u < resolved ? IvrStatus.RESOLVED : u < resolved + topic.escalated() ? IvrStatus.ESCALATED : IvrStatus.ABANDONED;
        Instant t0 = startTime();
        ObjectNode s = Json.MAPPER.createObjectNode();
        // Live sessions are named by their start, so a restarted feed does not reuse the ids of sessions stored before.
        s.put("session_id", meanGapSeconds > 0 ? String.format("IVR-L%d-%04d", t0.toEpochMilli(), rng.nextInt(10_000))
                : String.format("IVR-%08d-%04d", n, rng.nextInt(10_000)));
        // The id of a customer in table customer, as text, so that sessions meet their rated calls (bot-to-bill).
        s.put("customer_id", String.valueOf(1 + rng.nextInt(customers)));
        s.put("call_start_time", t0.toString());
        ArrayNode turns = Json.MAPPER.createArrayNode();
        Instant t = t0;
        t = turn(turns, t, 2, "Chatbot", pick(BOT_GREETINGS), null, null);
        String intent = detectedIntent(topic);
        BigDecimal confidence = confidence(intent, topic);
        t = turn(turns, t, 4 + rng.nextInt(12), "Customer", pick(topic.openings()), intent, confidence);
        if (status == IvrStatus.ABANDONED && rng.nextDouble() < 0.5) {
            // Gone before the bot could help.
        } else {
            t = turn(turns, t, 2 + rng.nextInt(4), "Chatbot", pick(BOT_ASK), null, null);
            if (status != IvrStatus.ABANDONED || rng.nextDouble() < 0.5)
                t = turn(turns, t, 5 + rng.nextInt(20), "Customer", pick(topic.details()), topic.intent(), confidence(topic.intent(), topic));
            switch (status) {
                case RESOLVED -> {
                    t = turn(turns, t, 3 + rng.nextInt(10), "Chatbot", topic.answer(), null, null);
                    t = turn(turns, t, 4 + rng.nextInt(10), "Customer", "Thank you", "confirm", scale(0.9 + rng.nextDouble() * 0.1));
                }
                case ESCALATED -> {
                    t = turn(turns, t, 2 + rng.nextInt(5), "Chatbot", pick(BOT_HANDOVER), null, null);
                    t = turn(turns, t, 20 + rng.nextInt(240), "Agent", pick(AGENT_HELLO), null, null);
                    t = turn(turns, t, 60 + rng.nextInt(400), "Agent", topic.answer(), null, null);
                }
                case ABANDONED -> { }
            }
        }
        Instant end = t.plusSeconds(2 + rng.nextInt(20));
        s.put("call_end_time", end.toString());
        s.put("call_duration_sec", Duration.between(t0, end).toSeconds());
        s.put("initial_intent", intent);
        s.put("resolution_status", status.label());
        s.put("escalation_flag", status == IvrStatus.ESCALATED ? "Y" : "N");
        s.put("customer_sentiment", sentiment(status));
        s.put("system_error_flag", systemError ? "Y" : "N");
        s.put("ivr_outcome_code", outcomeCode(status, systemError));
        s.put("topic_type", topic.type());
        s.put("topic_name", topic.name());
        s.set("turns", turns);
        return s;
    }

    private Instant startTime() {
        if (meanGapSeconds > 0) {
            double gap = -meanGapSeconds * Math.log(1 - rng.nextDouble());
            lastStart = lastStart.plusMillis((long) (gap * 1000));
            return lastStart;
        }
        long day = rng.nextLong(Math.max(1, spanSeconds / 86_400));
        // Business hours weigh more: 80 % between 08:00 and 20:00.
        int hour = rng.nextDouble() < 0.8 ? 8 + rng.nextInt(12) : (20 + rng.nextInt(12)) % 24;
        return start.plusSeconds(day * 86_400 + hour * 3600L + rng.nextInt(3600));
    }

    private Instant turn(ArrayNode turns, Instant previous, int afterSec, String speaker, String text, String intent, BigDecimal confidence) {
        Instant at = previous.plusSeconds(afterSec);
        ObjectNode t = turns.addObject();
        t.put("turn_number", turns.size());
        t.put("timestamp", at.toString());
        t.put("speaker", speaker);
        t.put("text", text);
        t.put("intent_detected", intent != null ? "Y" : "N");
        if (intent != null) {
            t.put("intent_name", intent);
            t.put("confidence_score", confidence);
        }
        return at;
    }

    /** The topic's intent mostly; now and then another topic's (a misunderstanding), rarely none. */
    private String detectedIntent(IvrTopicCatalog.Topic topic) {
        double u = rng.nextDouble();
        if (u < 0.85) return topic.intent();
        if (u < 0.95) return IvrTopicCatalog.TOPICS.get(rng.nextInt(IvrTopicCatalog.TOPICS.size())).intent();
        return null;
    }

    private BigDecimal confidence(String intent, IvrTopicCatalog.Topic topic) {
        if (intent == null) return null;
        double c = intent.equals(topic.intent()) ? 0.70 + rng.nextDouble() * 0.29 : 0.30 + rng.nextDouble() * 0.35;
        return scale(c);
    }

    private static BigDecimal scale(double c) {
        return BigDecimal.valueOf(c).setScale(3, RoundingMode.HALF_EVEN);
    }

    private String sentiment(IvrStatus status) {
        double u = rng.nextDouble();
        double positive = switch (status) { case RESOLVED -> 0.60; case ESCALATED -> 0.15; case ABANDONED -> 0.05; };
        double neutral = switch (status) { case RESOLVED -> 0.30; case ESCALATED -> 0.40; case ABANDONED -> 0.35; };
        return u < positive ? "Positive" : u < positive + neutral ? "Neutral" : "Negative";
    }

    private String outcomeCode(IvrStatus status, boolean systemError) {
        return switch (status) {
            case RESOLVED -> "RSLV_SELF_SERVICE";
            case ESCALATED -> systemError ? "ESC_SYSTEM_ERROR" : "ESC_AGENT_TRANSFER";
            case ABANDONED -> systemError ? "ABD_SYSTEM_ERROR" : rng.nextDouble() < 0.7 ? "ABD_CUSTOMER_HANGUP" : "ABD_TIMEOUT";
        };
    }

    /** Still valid after cleaning: other case, yes/no words, blanks around text, no duration. */
    private void untidy(ObjectNode s) {
        s.put("resolution_status", "  " + s.get("resolution_status").asText().toLowerCase(java.util.Locale.ROOT));
        s.put("escalation_flag", s.get("escalation_flag").asText().equals("Y") ? "yes" : "no");
        s.put("topic_name", " " + s.get("topic_name").asText() + " ");
        s.remove("call_duration_sec");
        s.put("customer_id", s.get("customer_id").asText() + "\t");
    }

    /** One defect that cleaning rejects. */
    private String malformed(ObjectNode s) {
        switch (rng.nextInt(6)) {
            case 0 -> s.remove("session_id");
            case 1 -> s.put("call_end_time", Instant.parse(s.get("call_start_time").asText()).minusSeconds(60).toString());
            case 2 -> s.put("resolution_status", "Pending");
            case 3 -> s.put("call_start_time", "yesterday 10:00");
            case 4 -> {
                ObjectNode first = Json.MAPPER.createObjectNode();
                first.put("timestamp", s.get("call_start_time").asText());
                first.put("speaker", "Robot");
                ((ArrayNode) s.get("turns")).insert(0, first);
            }
            default -> {
                String text = s.toString();
                return text.substring(0, text.length() / 2); // cut off: not JSON
            }
        }
        return s.toString();
    }

    private String pick(String[] options) {
        return options[rng.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(rng.nextInt(options.size()));
    }
}
