package dev.switchboard.web;

import dev.switchboard.app.Switchboard;
import dev.switchboard.mediation.Counts;
import java.util.LinkedHashMap;
import java.util.Map;

/** Assembles the accounting and store figures that {@code /api/stats}, {@code /metrics} and the page show. */
final class StatsService {
    private final Switchboard sb;

    StatsService(Switchboard sb) {
        this.sb = sb;
    }

    Counts cdrTotal() {
        return sb.cdrAccounting().map(a -> a.total()).orElse(Counts.ZERO);
    }

    Counts cdrSource(String source) {
        return sb.cdrAccounting().map(a -> a.bySource().getOrDefault(source, Counts.ZERO)).orElse(Counts.ZERO);
    }

    Counts callTotal() {
        return sb.callAccounting().map(a -> a.total()).orElse(Counts.ZERO);
    }

    Counts callSource(String source) {
        return sb.callAccounting().map(a -> a.bySource().getOrDefault(source, Counts.ZERO)).orElse(Counts.ZERO);
    }

    dev.switchboard.contact.ContactCounts contactTotal() {
        return sb.contactAccounting().map(a -> a.total()).orElse(dev.switchboard.contact.ContactCounts.ZERO);
    }

    dev.switchboard.contact.ContactCounts contactSource(String source) {
        return sb.contactAccounting().map(a -> a.bySource().getOrDefault(source, dev.switchboard.contact.ContactCounts.ZERO))
                .orElse(dev.switchboard.contact.ContactCounts.ZERO);
    }

    /** The platform's four counts of contact records, with their own five beside them. */
    static Map<String, Object> counts(dev.switchboard.contact.ContactCounts c) {
        Map<String, Object> m = counts(c.asCounts());
        m.put("new", c.newContacts());
        m.put("updated", c.updated());
        m.put("replayed", c.replayed());
        m.put("stale", c.stale());
        return m;
    }

    Counts ivrTotal() {
        return sb.ivrAccounting().map(a -> a.total()).orElse(Counts.ZERO);
    }

    Counts ivrSource(String source) {
        return sb.ivrAccounting().map(a -> a.bySource().getOrDefault(source, Counts.ZERO)).orElse(Counts.ZERO);
    }

    Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cdr", counts(cdrTotal()));
        out.put("call", counts(callTotal()));
        out.put("ctr", counts(contactTotal()));
        out.put("ivr", counts(ivrTotal()));
        Map<String, Object> store = new LinkedHashMap<>();
        sb.sink().ifPresent(s -> {
            store.put("healthy", s.healthy());
            store.put("rows_written", s.rowsWritten());
            if (!s.healthy()) store.put("last_error", s.lastError());
        });
        out.put("store", store);
        return out;
    }

    static Map<String, Object> counts(Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("in", c.in());
        m.put("clean", c.clean());
        m.put("error", c.error());
        m.put("duplicate", c.duplicate());
        m.put("drained", c.drained());
        return m;
    }
}
