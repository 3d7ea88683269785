package dev.switchboard.customer;

import java.util.Locale;

/**
 * How personal data looks in every answer that is not an admin's full record: the national id keeps
 * its separators and its last four characters ({@code 123-45-6789} → {@code ***-**-6789}; ids of
 * fewer than eight letters and digits are masked whole), the birth date and the address are masked
 * whole (the city is a column of its own and stays readable).
 */
public final class Masking {
    public static final String BIRTH_DATE = "****-**-**";
    public static final String ADDRESS = "***";
    private static final int KEPT = 4;
    private static final int KEEP_FROM = 8;

    private Masking() {}

    public static String nationalId(String id) {
        if (id == null) return null;
        long significant = id.chars().filter(Character::isLetterOrDigit).count();
        long toMask = significant >= KEEP_FROM ? significant - KEPT : significant;
        StringBuilder out = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isLetterOrDigit(c) && toMask > 0) {
                out.append('*');
                toMask--;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String birthDate(Object date) {
        return date == null ? null : BIRTH_DATE;
    }

    public static String address(String address) {
        return address == null ? null : ADDRESS;
    }

    /** The national id as compared for identity: letters and digits only, upper case. */
    static String normaliseNationalId(String id) {
        StringBuilder out = new StringBuilder(id.length());
        id.chars().filter(Character::isLetterOrDigit).forEach(c -> out.append((char) c));
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
