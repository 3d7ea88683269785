package dev.switchboard.marketing;

import dev.switchboard.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The business directory in the SQL store (table {@code business_directory}), plain JDBC; each change
 * runs in one transaction and the listeners hear of it once committed. Whole sets go in in bulk
 * ({@link DirectoryRows}).
 */
public final class DirectoryStore {
    /** How an import treats what is stored: {@code REPLACE} drops it, {@code MERGE} keeps it and overwrites equal prefixes. */
    public enum Mode { REPLACE, MERGE }

    /** One page of a listing and the count of all entries that pass the filter. */
    public record Page(List<DirectoryEntry> entries, long total, int offset, int limit) {}

    /** Up to this many entries merge row by row; more rewrite the table in bulk. */
    private static final int FEW = 1000;
    private static final String SELECT = "SELECT prefix, business_type, name FROM " + DirectoryRows.TABLE;

    private final Database db;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public DirectoryStore(Database db) {
        this.db = db;
    }

    /** Runs {@code listener} after every committed change (e.g. to swap the directory a lookup uses). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public boolean isEmpty() {
        return db.read("business directory", c -> count(c, "", List.of()) == 0);
    }

    /** Everything stored (empty when nothing is). */
    public BusinessDirectory load() {
        return db.read("business directory", c -> BusinessDirectory.of(select(c, "", List.of(), Integer.MAX_VALUE, 0)));
    }

    /** Entries by prefix, optionally of one type or one tag (both may be null), {@code limit} from {@code offset}. */
    public Page page(BusinessType type, Tag tag, int offset, int limit) {
        StringBuilder where = new StringBuilder();
        List<String> args = new ArrayList<>();
        if (type != null) {
            where.append(" WHERE business_type = ?");
            args.add(type.name());
        }
        if (tag != null) {
            where.append(where.isEmpty() ? " WHERE" : " AND").append(" tag = ?");
            args.add(tag.name());
        }
        return db.read("business directory", c -> new Page(select(c, where.toString(), args, limit, offset), count(c, where.toString(), args), offset, limit));
    }

    /**
     * Imports {@code entries} (no two with the same prefix) in one transaction: {@link Mode#REPLACE}
     * makes them the whole directory; {@link Mode#MERGE} adds them, an entry replacing a stored one of
     * the same prefix and leaving the others. Answers the size of the directory afterwards.
     */
    public int importEntries(Collection<DirectoryEntry> entries, Mode mode) {
        BusinessDirectory incoming = checked(entries);
        return inTransaction(c -> {
            if (mode == Mode.MERGE && incoming.size() <= FEW) {
                for (DirectoryEntry e : incoming.entries()) delete(c, e.prefix());
                DirectoryRows.insert(db.dialect(), c, incoming.entries());
                return (int) count(c, "", List.of());
            }
            // Many: everything is rewritten in bulk (deleting and inserting row by row takes minutes for 100,000).
            Map<String, DirectoryEntry> all = new LinkedHashMap<>();
            if (mode == Mode.MERGE) for (DirectoryEntry e : select(c, "", List.of(), Integer.MAX_VALUE, 0)) all.put(e.prefix(), e);
            for (DirectoryEntry e : incoming.entries()) all.put(e.prefix(), e);
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM " + DirectoryRows.TABLE);
            }
            DirectoryRows.insert(db.dialect(), c, all.values());
            return all.size();
        });
    }

    /** Stores the set unless a directory is stored already; true when it did. */
    public boolean seedIfEmpty(Supplier<Collection<DirectoryEntry>> entries) {
        if (!isEmpty()) return false;
        importEntries(entries.get(), Mode.REPLACE);
        return true;
    }

    /** Adds or replaces one entry; true when it is new. */
    public boolean upsert(DirectoryEntry entry) {
        return inTransaction(c -> {
            boolean existed = delete(c, entry.prefix());
            DirectoryRows.insert(db.dialect(), c, List.of(entry));
            return !existed;
        });
    }

    /** Removes the entry of exactly this prefix; false when there is none. */
    public boolean delete(String prefix) {
        return inTransaction(c -> delete(c, prefix));
    }

    // ---- rows

    private static boolean delete(Connection c, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + DirectoryRows.TABLE + " WHERE prefix = ?")) {
            ps.setString(1, prefix);
            return ps.executeUpdate() > 0;
        }
    }

    private static List<DirectoryEntry> select(Connection c, String where, List<String> args, int limit, int offset) throws SQLException {
        List<DirectoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + where + " ORDER BY prefix LIMIT " + limit + " OFFSET " + offset)) {
            for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new DirectoryEntry(rs.getString(1), BusinessType.valueOf(rs.getString(2)), rs.getString(3)));
            }
        }
        return out;
    }

    private static long count(Connection c, String where, List<String> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + DirectoryRows.TABLE + where)) {
            for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static BusinessDirectory checked(Collection<DirectoryEntry> entries) {
        try {
            return BusinessDirectory.of(entries);
        } catch (IllegalArgumentException e) {
            throw DirectoryException.invalid("bad directory", List.of(e.getMessage()));
        }
    }

    private <T> T inTransaction(Database.Work<T> work) {
        T result = db.inTransaction("business directory", work);
        listeners.forEach(Runnable::run);
        return result;
    }
}
