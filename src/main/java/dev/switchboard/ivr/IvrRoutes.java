package dev.switchboard.ivr;

import dev.switchboard.web.QueryParams;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/ivr/*}: the IVR figures of a range of local dates ({@code ?from=&to=}, both included, either
 * may be left out): {@code kpis}, {@code by-month}, {@code by-topic}, {@code heatmap}, {@code sentiment},
 * {@code bot-to-bill}. Snake_case JSON, rates as fractions (null without sessions), money as exact
 * strings. IO only; the figures are {@link IvrKpis}'.
 */
public final class IvrRoutes {
    /** The heatmap's columns, in this order. */
    public static final List<String> STATUSES = List.of("Abandoned", "Escalated", "Resolved");
    public static final List<String> SENTIMENTS = List.of("Positive", "Neutral", "Negative");
    private final IvrKpis kpis;

    public IvrRoutes(IvrKpis kpis) {
        this.kpis = kpis;
    }

    public void register(Javalin app) {
        app.get("/api/ivr/kpis", ctx -> {
            Range r = range(ctx);
            IvrKpis.Summary s = kpis.summary(r.from, r.to);
            Map<String, Object> body = r.json();
            body.put("customers", s.customers());
            body.putAll(tally(s.tally()));
            ctx.json(body);
        });
        app.get("/api/ivr/by-month", ctx -> {
            Range r = range(ctx);
            List<Map<String, Object>> months = new ArrayList<>();
            for (IvrKpis.Month m : kpis.byMonth(r.from, r.to)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("month", m.month());
                row.putAll(tally(m.tally()));
                months.add(row);
            }
            Map<String, Object> body = r.json();
            body.put("months", months);
            ctx.json(body);
        });
        app.get("/api/ivr/by-topic", ctx -> {
            Range r = range(ctx);
            Map<String, Object> body = r.json();
            body.put("overall_resolution_rate", kpis.summary(r.from, r.to).tally().resolutionRate());
            List<Map<String, Object>> topics = new ArrayList<>();
            for (IvrKpis.Topic t : kpis.byTopic(r.from, r.to)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("topic_type", t.topicType());
                row.put("topic_name", t.topicName());
                row.putAll(tally(t.tally()));
                row.put("vs_overall", t.vsOverall());
                topics.add(row);
            }
            body.put("topics", topics);
            ctx.json(body);
        });
        app.get("/api/ivr/heatmap", ctx -> {
            Range r = range(ctx);
            List<String> names = new ArrayList<>();
            List<List<Long>> counts = new ArrayList<>();
            for (IvrKpis.Topic t : kpis.byTopic(r.from, r.to)) {
                names.add(t.topicName());
                counts.add(List.of(t.tally().abandoned(), t.tally().escalated(), t.tally().resolved()));
            }
            Map<String, Object> body = r.json();
            body.put("statuses", STATUSES);
            body.put("topics", names);
            body.put("counts", counts);
            ctx.json(body);
        });
        app.get("/api/ivr/sentiment", ctx -> {
            Range r = range(ctx);
            List<Map<String, Object>> topics = new ArrayList<>();
            for (IvrKpis.Sentiment s : kpis.sentimentByTopic(r.from, r.to)) {
                Map<String, Object> counts = new LinkedHashMap<>();
                SENTIMENTS.forEach(name -> counts.put(name, s.counts().getOrDefault(name, 0L)));
                counts.put("none", s.counts().getOrDefault(null, 0L));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("topic_name", s.topicName());
                row.put("counts", counts);
                topics.add(row);
            }
            Map<String, Object> body = r.json();
            body.put("sentiments", SENTIMENTS);
            body.put("topics", topics);
            ctx.json(body);
        });
        app.get("/api/ivr/bot-to-bill", ctx -> {
            Range r = range(ctx);
            IvrKpis.BotToBill b = kpis.botToBill(r.from, r.to);
            Map<String, Object> body = r.json();
            body.put("customers", b.customers());
            body.put("contacts", b.contacts());
            body.put("resolved", b.resolved());
            body.put("bot_resolved", b.botResolved());
            body.put("bot_resolved_share", b.botResolvedShare());
            List<Map<String, Object>> charges = new ArrayList<>();
            for (IvrKpis.Charges c : b.charges()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("currency", c.currency());
                row.put("amount", c.amount().toPlainString());
                row.put("per_resolved_contact", c.perResolvedContact() == null ? null : c.perResolvedContact().toPlainString());
                charges.add(row);
            }
            body.put("charges", charges);
            ctx.json(body);
        });
    }

    private static Map<String, Object> tally(IvrKpis.Tally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", t.sessions());
        m.put("resolved", t.resolved());
        m.put("escalated", t.escalated());
        m.put("abandoned", t.abandoned());
        m.put("resolution_rate", t.resolutionRate());
        m.put("escalation_rate", t.escalationRate());
        m.put("abandonment_rate", t.abandonmentRate());
        m.put("avg_duration_sec", t.averageDurationSec());
        return m;
    }

    private record Range(LocalDate from, LocalDate to) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", from == null ? null : from.toString());
            m.put("to", to == null ? null : to.toString());
            return m;
        }
    }

    private static Range range(Context ctx) {
        LocalDate from = QueryParams.date(ctx, "from", null);
        LocalDate to = QueryParams.date(ctx, "to", null);
        if (from != null && to != null && to.isBefore(from)) throw new IllegalArgumentException("to must not be before from");
        return new Range(from, to);
    }
}
