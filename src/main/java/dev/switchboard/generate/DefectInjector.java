package dev.switchboard.generate;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrReason;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Turns a well-formed call into a line that mediation must reject for one given reason, and for that
 * reason alone, so that rejections can be counted per reason from end to end.
 */
final class DefectInjector {
    /** Every reason is injectable; the exhaustive switch below stops the build when a reason is added. */
    static final List<CdrReason> KINDS = List.of(CdrReason.values());

    private static final List<String> REQUIRED =
            List.of("id", "calling_number", "called_number", "start_time", "type", "result");
    private static final List<String> BAD_TIMES = List.of("yesterday", "2025-13-01T10:00:00Z", "10:00 01/02/2025");
    /** Unknown country code, too short, too long: invalid however read, and none looks like an internal extension. */
    static final List<String> BAD_NUMBERS = List.of("+99912345678", "+4412", "+15550100", "+3361234567890");
    private static final List<String> BAD_TYPES = List.of("MMS", "VIDEO", "FAX");
    private static final List<String> BAD_RESULTS = List.of("DROPPED", "CONGESTION", "REJECTED");
    static final int FUTURE_YEAR = 2099;
    static final int OLD_YEAR = 1990;
    private static final int DAY_SEC = 86_400;

    private final UniformRandomProvider rng;
    private final CallSampler calls;

    DefectInjector(UniformRandomProvider rng, CallSampler calls) {
        this.rng = rng;
        this.calls = calls;
    }

    CdrReason pickKind() {
        return pick(KINDS);
    }

    String inject(Cdr cdr, CdrReason kind, CdrFormat format) {
        return switch (kind) {
            case UNPARSABLE -> unparsable(CdrLineWriter.line(cdr, format), format);
            case MISSING_FIELD -> changed(cdr, format, f -> f.remove(pick(REQUIRED)));
            case INVALID_VALUE -> changed(cdr, format, f -> f.put("start_time", pick(BAD_TIMES)));
            case INVALID_NUMBER -> changed(cdr, format,
                    f -> f.put(rng.nextBoolean() ? "calling_number" : "called_number", pick(BAD_NUMBERS)));
            case UNKNOWN_TYPE -> changed(cdr, format, f -> f.put("type", pick(BAD_TYPES)));
            case UNKNOWN_RESULT -> changed(cdr, format, f -> f.put("result", pick(BAD_RESULTS)));
            case NEGATIVE_DURATION -> answeredVoice(cdr, format, -1 - rng.nextInt(3600));
            case DURATION_TOO_LONG -> answeredVoice(cdr, format, DAY_SEC + 1 + rng.nextInt(5 * DAY_SEC));
            case SMS_WITH_DURATION -> changed(cdr, format, f -> {
                f.put("duration_sec", calls.talkSeconds());
                f.put("type", "SMS");
                f.put("result", "ANSWERED");
            });
            case FUTURE_START -> changed(cdr, format, f -> f.put("start_time", inYear(cdr.startTime(), FUTURE_YEAR)));
            case START_TOO_OLD -> changed(cdr, format, f -> f.put("start_time", inYear(cdr.startTime(), OLD_YEAR)));
        };
    }

    /**
     * A write cut short (JSON), or a row that lost or gained a column (CSV). One draw either way, so
     * that both formats stay on the same random sequence and carry the same calls.
     */
    private String unparsable(String line, CdrFormat format) {
        double where = rng.nextDouble();
        if (format == CdrFormat.CDR_JSON) return line.substring(0, line.length() / 2 + (int) (where * (line.length() / 2)));
        return where < 0.5 ? line.substring(0, line.lastIndexOf(',')) : line + ",spare";
    }

    private String answeredVoice(Cdr cdr, CdrFormat format, int durationSec) {
        return changed(cdr, format, f -> {
            f.put("duration_sec", durationSec);
            f.put("type", "VOICE");
            f.put("result", "ANSWERED");
        });
    }

    private static String changed(Cdr cdr, CdrFormat format, Consumer<Map<String, Object>> change) {
        Map<String, Object> fields = CdrLineWriter.fields(cdr);
        change.accept(fields);
        return CdrLineWriter.line(fields, format);
    }

    private static String inYear(Instant time, int year) {
        return time.atOffset(ZoneOffset.UTC).withYear(year).toInstant().toString();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(rng.nextInt(choices.size()));
    }
}
