package dev.switchboard.callcenter.simulate;

import java.util.List;

/**
 * The product catalogue, by code: the codes a {@link dev.switchboard.callcenter.Caller} subscribes to
 * and an ENDED call is about. One place, so that the customer data and the simulator agree.
 */
public final class Products {
    public static final String MOBILE_BASIC = "MOBILE_BASIC";
    public static final String MOBILE_UNLIMITED = "MOBILE_UNLIMITED";
    public static final String FIBER_100 = "FIBER_100";
    public static final String FIBER_1000 = "FIBER_1000";
    public static final String TV = "TV";
    public static final String IPTV = "IPTV";

    /** Every product code, in catalogue order (the order probabilities are listed and sampled in). */
    public static final List<String> ALL = List.of(MOBILE_BASIC, MOBILE_UNLIMITED, FIBER_100, FIBER_1000, TV, IPTV);

    private Products() {}

    /** The family a code belongs to (MOBILE, FIBER or TV): a customer holds at most one product of each. */
    public static String family(String code) {
        return switch (code) {
            case MOBILE_BASIC, MOBILE_UNLIMITED -> "MOBILE";
            case FIBER_100, FIBER_1000 -> "FIBER";
            case TV, IPTV -> "TV";
            default -> throw new IllegalArgumentException("unknown product: " + code);
        };
    }
}
