package dev.switchboard.ivr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.mediation.Mediated;
import dev.switchboard.mediation.RawRecord;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Instants;
import dev.switchboard.platform.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one raw {@code ivr-json} session into a clean {@link IvrSession} or a rejection listing every
 * reason found, each naming its field ({@code turns[i].x} for the i-th turn as received, from 0). Pure:
 * no I/O, no clock, no state, so one instance may serve many threads. Never logs the payload (turn
 * texts are what customers said).
 *
 * <p>Fatal (the session goes to {@code ivr.error}):
 * <ul>
 *   <li>not exactly one JSON object: UNPARSABLE;
 *   <li>session_id, customer_id, call_start_time or resolution_status absent, null or blank: MISSING_FIELD;
 *       call_end_time absent when call_duration_sec is absent too: MISSING_FIELD;
 *   <li>a time that is not ISO-8601 with {@code Z} or an offset, a duration that is not a whole number of
 *       seconds (or negative with no end time), a flag that is not a yes/no word, a string field holding an
 *       object, array or boolean, {@code turns} not an array, a turn not an object, a turn_number that is not
 *       a whole number, a confidence that is not a number: INVALID_VALUE;
 *   <li>resolution_status not Resolved/Escalated/Abandoned (any case): UNKNOWN_STATUS; customer_sentiment
 *       not Positive/Neutral/Negative (any case): UNKNOWN_SENTIMENT; a speaker not Customer/Chatbot/Agent
 *       (any case): UNKNOWN_SPEAKER; a turn without speaker or timestamp: MISSING_FIELD;
 *   <li>call_end_time before call_start_time: END_BEFORE_START; a session over {@value #MAX_SECONDS} s:
 *       DURATION_TOO_LONG; a confidence outside [0, 1]: CONFIDENCE_OUT_OF_RANGE; more than
 *       {@value #MAX_TURNS} turns: TOO_MANY_TURNS.
 * </ul>
 *
 * <p>Normalised (the session passes, changed):
 * <ul>
 *   <li>every string is trimmed; blank becomes absent; numbers given for strings are taken as their text;
 *   <li>flags (escalation_flag, system_error_flag, intent_detected) become {@code Y} or {@code N} from
 *       true/false, yes/no, y/n, 1/0 (any case, JSON booleans and numbers too); an absent escalation_flag is
 *       Y exactly when the status is Escalated, an absent system_error_flag is N, an absent intent_detected is
 *       Y exactly when the turn has an intent_name. A given escalation_flag is kept even when the status
 *       disagrees (the bot may have tried to hand over and failed);
 *   <li>resolution_status, customer_sentiment and speaker are written in their canonical case;
 *   <li>call_duration_sec is recomputed as the whole seconds from start to end when it is absent, negative
 *       or differs from that by more than {@value #DURATION_TOLERANCE_SEC} s; an absent call_end_time is
 *       start + duration;
 *   <li>source_file is taken from the record's source, not the payload ({@link IvrSession#sourceFileOf});
 *   <li>turns are put in time order (ties by the turn_number given, then by position) and numbered 1..n.
 * </ul>
 * Turn times are not checked against the session's span: recorders' clocks differ.
 */
public final class IvrMediator {
    public static final String FORMAT = "ivr-json";
    /** The longest believable session, one day. */
    public static final int MAX_SECONDS = 86_400;
    public static final int MAX_TURNS = 500;
    /** How far a given duration may be from end − start (whole seconds) and still be kept. */
    public static final int DURATION_TOLERANCE_SEC = 1;
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<Reason> UNPARSABLE = List.of(Reason.of(IvrReason.UNPARSABLE));
    private static final Map<String, String> FLAGS = Map.of("true", "Y", "yes", "Y", "y", "Y", "1", "Y",
            "false", "N", "no", "N", "n", "N", "0", "N");
    private static final List<String> SENTIMENTS = List.of("Positive", "Neutral", "Negative");

    /** Never throws for any payload: what cannot be read, or trips a bug, is rejected as UNPARSABLE. */
    public Mediated<IvrSession> mediate(RawRecord raw) {
        Objects.requireNonNull(raw, "raw");
        if (!FORMAT.equals(raw.format())) return new Mediated.Rejected<>(UNPARSABLE);
        try {
            JsonNode root = READER.readTree(raw.payload());
            if (root == null || !root.isObject()) return new Mediated.Rejected<>(UNPARSABLE);
            return new Check(root, IvrSession.sourceFileOf(raw.source())).session();
        } catch (JsonProcessingException e) {
            return new Mediated.Rejected<>(UNPARSABLE);
        } catch (RuntimeException | StackOverflowError e) {
            return new Mediated.Rejected<>(UNPARSABLE);
        }
    }

    /** Collects the reasons of one session while reading it. */
    private static final class Check {
        private final JsonNode root;
        private final String sourceFile;
        private final List<Reason> reasons = new ArrayList<>();

        Check(JsonNode root, String sourceFile) {
            this.root = root;
            this.sourceFile = sourceFile;
        }

        Mediated<IvrSession> session() {
            String sessionId = required(root, "session_id", "session_id");
            String customerId = required(root, "customer_id", "customer_id");
            Instant start = time(root, "call_start_time", "call_start_time", true);
            Instant end = time(root, "call_end_time", "call_end_time", false);
            Long duration = wholeNumber(root, "call_duration_sec", "call_duration_sec");
            String statusText = required(root, "resolution_status", "resolution_status");
            IvrStatus status = null;
            if (statusText != null) {
                status = IvrStatus.parse(statusText).orElse(null);
                if (status == null) reasons.add(Reason.of(IvrReason.UNKNOWN_STATUS, "resolution_status"));
            }
            String escalation = flag(root, "escalation_flag", "escalation_flag");
            String systemError = flag(root, "system_error_flag", "system_error_flag");
            String sentiment = text(root, "customer_sentiment", "customer_sentiment");
            if (sentiment != null) {
                String given = sentiment;
                sentiment = SENTIMENTS.stream().filter(given::equalsIgnoreCase).findFirst().orElse(null);
                if (sentiment == null) reasons.add(Reason.of(IvrReason.UNKNOWN_SENTIMENT, "customer_sentiment"));
            }
            String initialIntent = text(root, "initial_intent", "initial_intent");
            String outcomeCode = text(root, "ivr_outcome_code", "ivr_outcome_code");
            String topicType = text(root, "topic_type", "topic_type");
            String topicName = text(root, "topic_name", "topic_name");
            List<IvrTurn> turns = turns();

            int seconds = 0;
            if (start != null) {
                boolean endAbsent = end == null && reasonsFor("call_end_time");
                if (endAbsent && duration == null) {
                    if (reasonsFor("call_duration_sec")) reasons.add(Reason.of(IvrReason.MISSING_FIELD, "call_end_time"));
                } else if (endAbsent) {
                    if (duration < 0) reasons.add(Reason.of(IvrReason.INVALID_VALUE, "call_duration_sec"));
                    else if (duration > MAX_SECONDS) reasons.add(Reason.of(IvrReason.DURATION_TOO_LONG, "call_duration_sec"));
                    else {
                        seconds = (int) (long) duration;
                        end = start.plusSeconds(seconds);
                    }
                } else if (end != null) {
                    if (end.isBefore(start)) reasons.add(Reason.of(IvrReason.END_BEFORE_START, "call_end_time"));
                    else {
                        long computed = Duration.between(start, end).toSeconds();
                        if (computed > MAX_SECONDS) reasons.add(Reason.of(IvrReason.DURATION_TOO_LONG, "call_end_time"));
                        else seconds = (int) (duration == null || duration < 0 || Math.abs(duration - computed) > DURATION_TOLERANCE_SEC
                                ? computed : (long) duration);
                    }
                }
            }
            if (!reasons.isEmpty()) return new Mediated.Rejected<>(reasons);
            if (escalation == null) escalation = status == IvrStatus.ESCALATED ? "Y" : "N";
            if (systemError == null) systemError = "N";
            return new Mediated.Clean<>(new IvrSession(sessionId, customerId, start, end, seconds, initialIntent, status, escalation,
                    sentiment, systemError, outcomeCode, topicType, topicName, turns, sourceFile));
        }

        /** True when no reason was given for the field yet (an unreadable end time is not also a missing one). */
        private boolean reasonsFor(String field) {
            return reasons.stream().noneMatch(r -> field.equals(r.field()));
        }

        private List<IvrTurn> turns() {
            JsonNode node = root.get("turns");
            if (node == null || node.isNull()) return List.of();
            if (!node.isArray()) {
                reasons.add(Reason.of(IvrReason.INVALID_VALUE, "turns"));
                return List.of();
            }
            if (node.size() > MAX_TURNS) {
                reasons.add(Reason.of(IvrReason.TOO_MANY_TURNS, "turns"));
                return List.of();
            }
            record Read(IvrTurn turn, Long givenNumber, int position) {}
            List<Read> read = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode t = node.get(i);
                String at = "turns[" + i + "]";
                if (!t.isObject()) {
                    reasons.add(Reason.of(IvrReason.INVALID_VALUE, at));
                    continue;
                }
                Long number = wholeNumber(t, "turn_number", at + ".turn_number");
                Instant time = time(t, "timestamp", at + ".timestamp", true);
                String speakerText = required(t, "speaker", at + ".speaker");
                IvrSpeaker speaker = null;
                if (speakerText != null) {
                    speaker = IvrSpeaker.parse(speakerText).orElse(null);
                    if (speaker == null) reasons.add(Reason.of(IvrReason.UNKNOWN_SPEAKER, at + ".speaker"));
                }
                String text = text(t, "text", at + ".text");
                String intentName = text(t, "intent_name", at + ".intent_name");
                String detected = flag(t, "intent_detected", at + ".intent_detected");
                BigDecimal confidence = confidence(t, at + ".confidence_score");
                if (time == null || speaker == null) continue;
                if (detected == null) detected = intentName != null ? "Y" : "N";
                read.add(new Read(new IvrTurn(0, time, speaker, text, detected, intentName, confidence), number, i));
            }
            read.sort(Comparator.comparing((Read r) -> r.turn().timestamp())
                    .thenComparing(Read::givenNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(Read::position));
            List<IvrTurn> out = new ArrayList<>(read.size());
            for (Read r : read) out.add(r.turn().numbered(out.size() + 1));
            return out;
        }

        private BigDecimal confidence(JsonNode parent, String field) {
            JsonNode node = parent.get("confidence_score");
            if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) return null;
            BigDecimal value;
            try {
                if (node.isNumber()) value = node.decimalValue();
                else if (node.isTextual()) value = new BigDecimal(node.asText().strip());
                else throw new NumberFormatException();
            } catch (NumberFormatException e) {
                reasons.add(Reason.of(IvrReason.INVALID_VALUE, field));
                return null;
            }
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                reasons.add(Reason.of(IvrReason.CONFIDENCE_OUT_OF_RANGE, field));
                return null;
            }
            return value;
        }

        /** A trimmed string or number as text; null when absent or blank; INVALID_VALUE for other JSON types. */
        private String text(JsonNode parent, String name, String field) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) return null;
            if (!node.isTextual() && !node.isNumber()) {
                reasons.add(Reason.of(IvrReason.INVALID_VALUE, field));
                return null;
            }
            String s = node.asText().strip();
            return s.isEmpty() ? null : s;
        }

        private String required(JsonNode parent, String name, String field) {
            int before = reasons.size();
            String s = text(parent, name, field);
            if (s == null && reasons.size() == before) reasons.add(Reason.of(IvrReason.MISSING_FIELD, field));
            return s;
        }

        private Instant time(JsonNode parent, String name, String field, boolean required) {
            String s = required ? required(parent, name, field) : text(parent, name, field);
            if (s == null) return null;
            try {
                return Instants.parse(s);
            } catch (RuntimeException e) {
                reasons.add(Reason.of(IvrReason.INVALID_VALUE, field));
                return null;
            }
        }

        private Long wholeNumber(JsonNode parent, String name, String field) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) return null;
            if (node.isIntegralNumber() && node.canConvertToLong()) return node.asLong();
            if (node.isTextual() && node.asText().strip().matches("-?\\d{1,12}")) return Long.parseLong(node.asText().strip());
            if (node.isTextual() && node.asText().isBlank()) return null;
            reasons.add(Reason.of(IvrReason.INVALID_VALUE, field));
            return null;
        }

        private String flag(JsonNode parent, String name, String field) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) return null;
            String s;
            if (node.isBoolean()) s = node.asBoolean() ? "true" : "false";
            else if (node.isTextual() || node.isIntegralNumber()) s = node.asText().strip().toLowerCase(Locale.ROOT);
            else s = "?";
            if (s.isEmpty()) return null;
            String flag = FLAGS.get(s);
            if (flag == null) reasons.add(Reason.of(IvrReason.INVALID_VALUE, field));
            return flag;
        }
    }
}
