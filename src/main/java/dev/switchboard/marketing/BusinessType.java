package dev.switchboard.marketing;

import java.util.Locale;
import java.util.Optional;

/** What a business in the directory does; each type belongs to one {@link Tag}. */
public enum BusinessType {
    BUSINESS("Business", Tag.BUSINESS),
    BANKING("Banking", Tag.BUSINESS),
    FINANCIAL_AGENCY("Financial agency", Tag.BUSINESS),
    JOB("Job", Tag.BUSINESS),
    LEGAL_AGENCY("Legal agency", Tag.AGENCY),
    HOUSEKEEPING_PROPERTY("Housekeeping and property management", Tag.AGENCY),
    SCHOOL("School", Tag.EDUCATION),
    EXTRACURRICULAR_TRAINING("Extracurricular training", Tag.EDUCATION),
    HOSPITAL("Hospital", Tag.HEALTH),
    CLINIC("Clinic", Tag.HEALTH),
    FOOD("Food", Tag.AD),
    DRESS_CODE("Dress code", Tag.AD),
    HOUSING("Housing", Tag.AD),
    TRAVELING("Traveling", Tag.AD),
    EMERGENCY("Emergency service", Tag.EMERGENCY);

    private final String label;
    private final Tag tag;

    BusinessType(String label, Tag tag) {
        this.label = label;
        this.tag = tag;
    }

    public String label() {
        return label;
    }

    public Tag tag() {
        return tag;
    }

    /** By enum name or by label, case-insensitive, spaces and dashes taken for underscores ("financial agency", "Dress code"). */
    public static Optional<BusinessType> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.strip();
        String asName = wanted.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (BusinessType t : values())
            if (t.name().equals(asName) || t.label.equalsIgnoreCase(wanted)) return Optional.of(t);
        return Optional.empty();
    }
}
