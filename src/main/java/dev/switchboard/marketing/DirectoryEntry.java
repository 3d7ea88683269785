package dev.switchboard.marketing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the business directory: an E.164 number or prefix of one ('+' and 1 to 15 digits, as
 * mediation stores {@code called_number}), the business type of every number it starts, and an
 * optional name.
 */
public record DirectoryEntry(String prefix, BusinessType type, String name) {
    private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");

    public DirectoryEntry {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(type, "type");
        if (!isPrefix(prefix)) throw new IllegalArgumentException("not a '+digits' number or prefix (1 to 15 digits): '" + prefix + "'");
        if (name != null && name.isBlank()) name = null;
    }

    public Tag tag() {
        return type.tag();
    }

    public static boolean isPrefix(String text) {
        return text != null && PREFIX.matcher(text).matches();
    }
}
