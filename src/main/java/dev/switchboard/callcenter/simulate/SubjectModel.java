package dev.switchboard.callcenter.simulate;

import static dev.switchboard.callcenter.CallSubject.COMPLAINT;
import static dev.switchboard.callcenter.CallSubject.DISCONNECTION;
import static dev.switchboard.callcenter.CallSubject.JOINING;
import static dev.switchboard.callcenter.CallSubject.OTHER;

import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.callcenter.Caller;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Why a caller calls, and about which product, as documented probabilities of the caller's features
 * (age, city, products held, own calls in the last 30 days), so that a model has something real to
 * learn. Subject weights start from {@link #base()} and are multiplied by every {@link #rules() rule}
 * that holds, then normalised. Sex deliberately has no effect: a model should learn to ignore it.
 * The table is repeated in docs/CALL-SIMULATOR.md; {@code SubjectModelTest} checks both agree.
 */
public final class SubjectModel {
    /** One multiplicative effect: when {@code applies} holds for (caller, calls in last 30 days), weights × factors. */
    public record Rule(String when, BiPredicate<Caller, Integer> applies, Map<CallSubject, Double> factors) {
        public Rule {
            factors = Map.copyOf(factors);
        }
    }

    /** Cities served by an ageing network: more complaints. Among {@link Callers#CITIES}. */
    public static final Set<String> TROUBLED_CITIES = Set.of("Riverside", "Ashland");

    private static final Map<CallSubject, Double> BASE = Map.of(JOINING, 0.20, COMPLAINT, 0.30, DISCONNECTION, 0.15, OTHER, 0.35);

    private static final List<Rule> RULES = List.of(
            new Rule("no products", (c, n) -> c.products().isEmpty(), Map.of(JOINING, 4.0, COMPLAINT, 0.3, DISCONNECTION, 0.1)),
            new Rule("3 or more products", (c, n) -> c.products().size() >= 3, Map.of(JOINING, 0.5, DISCONNECTION, 1.5)),
            new Rule("age under 30", (c, n) -> c.age() < 30, Map.of(JOINING, 1.8)),
            new Rule("age 65 or over", (c, n) -> c.age() >= 65, Map.of(JOINING, 0.6, DISCONNECTION, 2.0)),
            new Rule("1-2 calls in last 30 days", (c, n) -> n >= 1 && n <= 2, Map.of(COMPLAINT, 1.8)),
            new Rule("3+ calls in last 30 days", (c, n) -> n >= 3, Map.of(COMPLAINT, 3.0, DISCONNECTION, 1.5)),
            new Rule("city in TROUBLED_CITIES", (c, n) -> TROUBLED_CITIES.contains(c.city()), Map.of(COMPLAINT, 1.6)));

    /** Catalogue popularity, the product weights where nothing more specific applies. */
    static final Map<String, Double> POPULARITY = ordered(Map.of(Products.MOBILE_BASIC, 3.0, Products.MOBILE_UNLIMITED, 3.0,
            Products.FIBER_100, 2.0, Products.FIBER_1000, 1.0, Products.TV, 1.0, Products.IPTV, 1.5));
    /** Complaints: fibre breaks most. */
    static final Map<String, Double> COMPLAINT_PRONE = ordered(Map.of(Products.MOBILE_BASIC, 1.0, Products.MOBILE_UNLIMITED, 1.2,
            Products.FIBER_100, 2.0, Products.FIBER_1000, 2.0, Products.TV, 1.0, Products.IPTV, 1.5));
    /** Disconnections: cord-cutting, linear TV goes first. */
    static final Map<String, Double> DISCONNECTION_PRONE = ordered(Map.of(Products.MOBILE_BASIC, 1.0, Products.MOBILE_UNLIMITED, 1.0,
            Products.FIBER_100, 1.0, Products.FIBER_1000, 1.0, Products.TV, 2.0, Products.IPTV, 1.0));

    private static final SubjectModel STANDARD = new SubjectModel();

    private SubjectModel() {}

    public static SubjectModel standard() {
        return STANDARD;
    }

    public Map<CallSubject, Double> base() {
        return new EnumMap<>(BASE);
    }

    public List<Rule> rules() {
        return RULES;
    }

    /** P(subject | caller, calls in the last 30 days before this one); sums to 1. */
    public Map<CallSubject, Double> subjectProbabilities(Caller caller, int callsLast30d) {
        EnumMap<CallSubject, Double> w = new EnumMap<>(BASE);
        for (Rule r : RULES)
            if (r.applies().test(caller, callsLast30d)) r.factors().forEach((s, f) -> w.merge(s, f, (a, b) -> a * b));
        return normalised(w);
    }

    /**
     * P(product | subject, caller), in catalogue order. JOINING: a product the caller does not hold, by
     * popularity; COMPLAINT, DISCONNECTION, OTHER: one the caller holds, weighted by how complaint-prone
     * or disconnection-prone it is (OTHER: evenly); no product held: by popularity. Under 30s lean to
     * MOBILE_UNLIMITED and IPTV (×2, TV ×0.5), 65 and over to TV and MOBILE_BASIC (×2, ×1.5; IPTV ×0.5).
     */
    public Map<String, Double> productProbabilities(CallSubject subject, Caller caller) {
        boolean joining = subject == JOINING;
        List<String> candidates = Products.ALL.stream().filter(p -> caller.products().contains(p) != joining).toList();
        Map<String, Double> weights = new LinkedHashMap<>();
        if (candidates.isEmpty() || (!joining && caller.products().isEmpty())) {
            candidates = Products.ALL;
            subject = JOINING; // nothing held to talk about: an offer, weighted like one
        }
        for (String p : candidates) {
            double w = switch (subject) {
                case JOINING -> POPULARITY.get(p);
                case COMPLAINT -> COMPLAINT_PRONE.get(p);
                case DISCONNECTION -> DISCONNECTION_PRONE.get(p);
                case OTHER -> 1.0;
            };
            weights.put(p, w * ageLean(caller.age(), p));
        }
        return normalised(weights);
    }

    public CallSubject sampleSubject(Caller caller, int callsLast30d, UniformRandomProvider rng) {
        return pick(subjectProbabilities(caller, callsLast30d), rng);
    }

    public String sampleProduct(CallSubject subject, Caller caller, UniformRandomProvider rng) {
        return pick(productProbabilities(subject, caller), rng);
    }

    static double ageLean(int age, String product) {
        if (age < 30) return switch (product) {
            case Products.MOBILE_UNLIMITED, Products.IPTV -> 2.0;
            case Products.TV -> 0.5;
            default -> 1.0;
        };
        if (age >= 65) return switch (product) {
            case Products.TV -> 2.0;
            case Products.MOBILE_BASIC -> 1.5;
            case Products.IPTV -> 0.5;
            default -> 1.0;
        };
        return 1.0;
    }

    private static <K> K pick(Map<K, Double> probabilities, UniformRandomProvider rng) {
        double u = rng.nextDouble();
        K last = null;
        for (Map.Entry<K, Double> e : probabilities.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) return last;
        }
        return last; // rounding left a sliver
    }

    private static <K> Map<K, Double> normalised(Map<K, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        weights.replaceAll((k, v) -> v / sum);
        return weights;
    }

    private static Map<String, Double> ordered(Map<String, Double> byProduct) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String p : Products.ALL) m.put(p, byProduct.get(p));
        return java.util.Collections.unmodifiableMap(m);
    }
}
