package dev.switchboard.platform;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A trie over decimal digits, for longest-prefix lookups that cost O(length of the key) whatever the
 * number of prefixes (rating's rates, the business directory). Each node may hold a value; building is
 * {@link #update}, lookups are {@link #longest}. Not thread-safe while being built; safe to read from
 * many threads once built and published.
 */
public final class DigitTrie<V> {
    private static final class Node<V> {
        Node<V>[] next;
        V value;
    }

    private final Node<V> root = new Node<>();

    /**
     * Sets the value at {@code digits} (the empty string is the root) to {@code change} of the value
     * there (null when none).
     *
     * @throws IllegalArgumentException when {@code digits} holds a character that is not 0-9
     */
    @SuppressWarnings("unchecked")
    public void update(String digits, UnaryOperator<V> change) {
        Node<V> n = root;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) throw new IllegalArgumentException("not a digit at " + i + " of '" + digits + "'");
            if (n.next == null) n.next = (Node<V>[]) new Node[10];
            if (n.next[d] == null) n.next[d] = new Node<>();
            n = n.next[d];
        }
        n.value = change.apply(n.value);
    }

    /**
     * Walks {@code digits} from the root and answers {@code pick} of the deepest node on the way whose
     * value {@code pick} accepts (answers non-null for); null when none does. The root counts, as the
     * empty prefix. The walk stops at the first character that is not a digit.
     */
    public <R> R longest(String digits, int from, Function<V, R> pick) {
        Node<V> n = root;
        R best = n.value == null ? null : pick.apply(n.value);
        for (int i = from; i < digits.length() && n.next != null; i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) break;
            n = n.next[d];
            if (n == null) break;
            if (n.value != null) {
                R r = pick.apply(n.value);
                if (r != null) best = r;
            }
        }
        return best;
    }
}
