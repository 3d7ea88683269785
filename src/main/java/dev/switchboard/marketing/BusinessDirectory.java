package dev.switchboard.marketing;

import dev.switchboard.platform.DigitTrie;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The business directory as of one moment, immutable. A called number belongs to the entry whose
 * prefix is the <b>longest</b> prefix of it (an entry for a whole number beats one for its block,
 * which beats one for a wider block); no entry is a prefix of it: the number is {@link Tag#PRIVATE}.
 * A lookup walks the number's digits once through a {@link DigitTrie}, O(length) whatever the size.
 */
public final class BusinessDirectory {
    public static final BusinessDirectory EMPTY = of(List.of());

    /** What a lookup answers: the entry that matched, or none (a private number). */
    public record Match(String number, DirectoryEntry entry) {
        public Tag tag() {
            return entry == null ? Tag.PRIVATE : entry.tag();
        }

        public Optional<BusinessType> type() {
            return Optional.ofNullable(entry).map(DirectoryEntry::type);
        }
    }

    private final List<DirectoryEntry> entries;
    private final DigitTrie<DirectoryEntry> trie = new DigitTrie<>();

    private BusinessDirectory(List<DirectoryEntry> entries) {
        this.entries = entries;
        for (DirectoryEntry e : entries) trie.update(e.prefix().substring(1), old -> e);
    }

    /** @throws IllegalArgumentException when two entries have the same prefix */
    public static BusinessDirectory of(Collection<DirectoryEntry> entries) {
        TreeMap<String, DirectoryEntry> byPrefix = new TreeMap<>();
        for (DirectoryEntry e : entries) {
            DirectoryEntry before = byPrefix.put(e.prefix(), e);
            if (before != null) throw new IllegalArgumentException("prefix " + e.prefix() + " is in the directory twice");
        }
        return new BusinessDirectory(List.copyOf(byPrefix.values()));
    }

    /** The entries, by prefix (as text). */
    public List<DirectoryEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public int size() {
        return entries.size();
    }

    /**
     * The entry of the longest prefix of {@code number} (E.164, as mediation stores it); empty when none
     * is, and for a number without '+' (a PBX extension or short code). Digits are read up to the first
     * other character.
     */
    public Optional<DirectoryEntry> find(String number) {
        if (number == null || number.length() < 2 || number.charAt(0) != '+') return Optional.empty();
        return Optional.ofNullable(trie.longest(number, 1, x -> x));
    }

    public Match lookup(String number) {
        return new Match(number, find(number).orElse(null));
    }

    public Tag tagOf(String number) {
        return find(number).map(DirectoryEntry::tag).orElse(Tag.PRIVATE);
    }

    /** Equal when they hold the same entries. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessDirectory other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "BusinessDirectory[" + entries.size() + " entries]";
    }
}
