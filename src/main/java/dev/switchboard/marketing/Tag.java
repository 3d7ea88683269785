package dev.switchboard.marketing;

/**
 * The marketing group of a called number. Every {@link BusinessType} belongs to one tag; {@link #PRIVATE}
 * has no type: it is what a number not in the business directory is (a person, most likely).
 */
public enum Tag {
    BUSINESS("Business"),
    AGENCY("Agency"),
    EDUCATION("Education"),
    HEALTH("Health"),
    AD("AD"),
    EMERGENCY("Emergency"),
    PRIVATE("Private");

    private final String label;

    Tag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
