package dev.switchboard.marketing.plan;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A saved target list: a name and its {@link PlanCriteria}. The name is 1 to 64 letters (A–Z, a–z), digits,
 * spaces, {@code _} and {@code -}, not starting or ending with a space; names are case-sensitive.
 */
public record Plan(String name, PlanCriteria criteria) {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]|[A-Za-z0-9_-][A-Za-z0-9 _-]{0,62}[A-Za-z0-9_-]");

    public Plan {
        checkName(name);
        Objects.requireNonNull(criteria, "criteria");
    }

    /** The name, or an {@link IllegalArgumentException} saying what a name may be. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches())
            throw new IllegalArgumentException("name must be 1 to 64 letters, digits, spaces, _ or -, not starting or ending with a space, got "
                    + (name == null ? "none" : "'" + name + "'"));
        return name;
    }
}
