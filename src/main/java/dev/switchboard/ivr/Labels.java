package dev.switchboard.ivr;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Reads the data dictionary's words for an enum ({@code Resolved}, {@code Chatbot}): any case, surrounding blanks ignored. */
final class Labels {
    private Labels() {}

    static <E> Optional<E> find(E[] values, Function<E, String> label, String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        return Arrays.stream(values).filter(v -> label.apply(v).equalsIgnoreCase(t)).findFirst();
    }
}
