package dev.switchboard.staffing;

import dev.switchboard.web.QueryParams;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/callcenter/staffing?hours=8&queue=&target_sl=0.8&target_sec=20&agents=&weeks=4}: per coming
 * 30-minute interval the measured inputs, the agents Erlang C and Erlang A need for the target, and what each
 * expects from the agents on shift. Snake_case JSON, shares as fractions, seconds as numbers; a figure that is
 * infinite (an unbounded wait) or undefined is null. IO only; the figures are {@link StaffingForecast}'s.
 */
public final class StaffingRoutes {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("HH:mm");
    private final StaffingForecast forecast;
    private final int defaultThresholdSec;

    public StaffingRoutes(StaffingForecast forecast, int defaultThresholdSec) {
        this.forecast = forecast;
        this.defaultThresholdSec = defaultThresholdSec;
    }

    public void register(Javalin app) {
        app.get("/api/callcenter/staffing", ctx -> ctx.json(json(forecast.forecast(request(ctx)))));
    }

    private StaffingForecast.Request request(Context ctx) {
        String queue = ctx.queryParam("queue");
        ServiceTarget target = new ServiceTarget(QueryParams.decimal(ctx, "target_sl", 0.8, 0, 1),
                QueryParams.integer(ctx, "target_sec", defaultThresholdSec, 0, 3600));
        String agents = ctx.queryParam("agents");
        return new StaffingForecast.Request(QueryParams.integer(ctx, "hours", 8, 1, 24), queue == null || queue.isBlank() ? null : queue.strip(),
                target, QueryParams.integer(ctx, "weeks", 4, 1, 12),
                agents == null || agents.isBlank() ? null : QueryParams.integer(ctx, "agents", 0, 0, 100_000));
    }

    private Map<String, Object> json(StaffingForecast.Forecast f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", f.now());
        body.put("zone", f.zone().getId());
        body.put("queue", f.request().queue());
        body.put("queues", f.queues());
        body.put("target_sl", f.request().target().level());
        body.put("target_sec", f.request().target().thresholdSec());
        body.put("weeks", f.request().weeks());
        body.put("hours", f.request().hours());
        body.put("agents_given", f.request().agents());
        body.put("history_start", f.historyStart());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IntervalForecast i : f.intervals()) rows.add(interval(i, f));
        body.put("intervals", rows);
        return body;
    }

    private static Map<String, Object> interval(IntervalForecast i, StaffingForecast.Forecast f) {
        IntervalHistory m = i.measured();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("start", m.start());
        row.put("end", m.end());
        row.put("label", LABEL.format(m.start().atZone(f.zone())));
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("weeks", m.weeks());
        measured.put("queued", m.queued());
        measured.put("answered", m.answered());
        measured.put("abandoned", m.abandoned());
        measured.put("calls_per_interval", m.callsPerInterval());
        measured.put("aht_sec", m.ahtSec());
        measured.put("mean_patience_sec", finite(m.meanPatienceSec()));
        measured.put("abandon_rate_per_sec", m.meanPatienceSec() == null ? null : 1 / m.meanPatienceSec());
        measured.put("agents_seen", m.agentsSeen());
        row.put("measured", measured);
        row.put("agents", i.agents());
        row.put("agents_source", i.agentsMeasured() ? "measured" : "given");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("agents_needed", i.neededErlangC());
        c.put("service_level", i.erlangC() == null ? null : i.erlangC().serviceLevel());
        c.put("prob_wait", i.erlangC() == null ? null : i.erlangC().probWait());
        c.put("asa_sec", i.erlangC() == null ? null : finite(i.erlangC().asaSec()));
        c.put("occupancy", i.erlangC() == null ? null : i.erlangC().occupancy());
        row.put("erlang_c", c);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("agents_needed", i.neededErlangA());
        a.put("service_level", i.erlangA() == null ? null : i.erlangA().serviceLevel());
        a.put("prob_wait", i.erlangA() == null ? null : i.erlangA().probWait());
        a.put("prob_abandon", i.erlangA() == null ? null : i.erlangA().probAbandon());
        a.put("asa_sec", i.erlangA() == null ? null : finite(i.erlangA().asaSec()));
        a.put("occupancy", i.erlangA() == null ? null : i.erlangA().occupancy());
        row.put("erlang_a", a);
        row.put("note", i.note());
        return row;
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
