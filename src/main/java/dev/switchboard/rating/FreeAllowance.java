package dev.switchboard.rating;

import dev.switchboard.cdr.CdrType;
import java.util.List;
import java.util.Objects;

/**
 * Units a plan includes per billing period, used before paid rating: seconds of VOICE or a number
 * of SMS, limited to called numbers under {@code prefixes} when that list is not empty.
 */
public record FreeAllowance(String id, CdrType type, long units, List<String> prefixes) {
    public FreeAllowance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        prefixes = List.copyOf(prefixes);
        if (units < 0) throw new IllegalArgumentException("allowance " + id + ": negative units");
    }
}
