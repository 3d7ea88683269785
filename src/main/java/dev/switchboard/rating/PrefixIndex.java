package dev.switchboard.rating;

import dev.switchboard.cdr.CdrType;
import dev.switchboard.platform.DigitTrie;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * A digit trie ({@link DigitTrie}) over one plan version's rates. {@link #find} walks the called number once, so a lookup
 * costs O(length of the number) whatever the number of rates; each node holds the few rates (one per
 * type and band) whose prefix ends there.
 *
 * <p>Two rates of the same type, prefix and band would be ambiguous, so building rejects them.
 */
public final class PrefixIndex {
    /** The rate found and the prefix it matched on (its own prefix; empty for a catch-all rate). */
    public record Match(Rate rate, String prefix) {
        public Match {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    private final DigitTrie<Rate[]> trie = new DigitTrie<>();
    private final int size;

    private PrefixIndex(int size) {
        this.size = size;
    }

    public static PrefixIndex of(Collection<Rate> rates) {
        PrefixIndex index = new PrefixIndex(rates.size());
        for (Rate r : rates) index.add(r);
        return index;
    }

    public int size() {
        return size;
    }

    private void add(Rate rate) {
        trie.update(rate.prefix(), here -> {
            if (here == null) return new Rate[] {rate};
            for (Rate other : here)
                if (other.type() == rate.type() && Objects.equals(other.band(), rate.band()))
                    throw new IllegalArgumentException("rates " + other.id() + " and " + rate.id() + " both price " + rate.type()
                            + " to prefix '" + rate.prefix() + "' in band " + rate.band());
            Rate[] grown = java.util.Arrays.copyOf(here, here.length + 1);
            grown[here.length] = rate;
            return grown;
        });
    }

    /**
     * The rate of the longest prefix of {@code digits} among rates of {@code type} whose band is null or
     * {@code band}; at the same prefix a rate for {@code band} beats a band-less one. {@code band} may be
     * null (the call falls in no band): then only band-less rates match. The walk stops at the first
     * character that is not a digit.
     */
    public Optional<Match> find(CdrType type, String band, String digits) {
        Rate best = trie.longest(digits, 0, rates -> pick(rates, type, band));
        return best == null ? Optional.empty() : Optional.of(new Match(best, best.prefix()));
    }

    private static Rate pick(Rate[] rates, CdrType type, String band) {
        Rate bandless = null;
        for (Rate r : rates) {
            if (r.type() != type) continue;
            if (r.band() == null) bandless = r;
            else if (r.band().equals(band)) return r;
        }
        return bandless;
    }
}
