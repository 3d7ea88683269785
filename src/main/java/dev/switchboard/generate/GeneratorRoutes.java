package dev.switchboard.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.platform.Json;
import dev.switchboard.web.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/generator/cdr}: the live CDR generator's state, settings and counts; new settings (any
 * subset of them) while it runs; start and stop. In a process without the generator (no generate or no
 * ingest role) every such route answers 404 saying where it runs. IO only.
 */
public final class GeneratorRoutes {
    public static final String PATH = "/api/generator/cdr";
    private final LiveCdrGenerator generator;

    private GeneratorRoutes(LiveCdrGenerator generator) {
        this.generator = generator;
    }

    public static void register(Javalin app, Optional<LiveCdrGenerator> generator) {
        if (generator.isPresent()) {
            new GeneratorRoutes(generator.get()).register(app);
            return;
        }
        ApiError absent = new ApiError("not here", "no live CDR generator in this process: it runs where the generate and ingest roles are");
        for (String path : List.of(PATH, PATH + "/*")) {
            app.get(path, ctx -> ctx.status(HttpStatus.NOT_FOUND).json(absent));
            app.put(path, ctx -> ctx.status(HttpStatus.NOT_FOUND).json(absent));
            app.post(path, ctx -> ctx.status(HttpStatus.NOT_FOUND).json(absent));
        }
    }

    private void register(Javalin app) {
        app.get(PATH, ctx -> ctx.json(json(generator.status())));
        app.put(PATH, this::replace);
        app.post(PATH + "/start", ctx -> {
            generator.start();
            ctx.json(json(generator.status()));
        });
        app.post(PATH + "/stop", ctx -> {
            generator.stop();
            ctx.json(json(generator.status()));
        });
    }

    /** A JSON object of some or all settings; the others keep their values. A bad one is 400 and changes nothing. */
    private void replace(Context ctx) {
        LiveWorkload next;
        try {
            next = merged(generator.settings(), ctx.body());
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("bad setting", e.getMessage()));
            return;
        }
        try {
            generator.replace(next);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("bad setting", e.getMessage()));
            return;
        }
        ctx.json(json(generator.status()));
    }

    /** {@code current} with the fields of {@code body} put over it; every problem as an IllegalArgumentException naming the field. */
    static LiveWorkload merged(LiveWorkload current, String body) {
        JsonNode patch;
        try {
            patch = Json.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (!(patch instanceof ObjectNode fields)) throw new IllegalArgumentException("the body must be a JSON object of settings");
        ObjectNode merged = Json.MAPPER.valueToTree(current);
        List<String> known = new ArrayList<>();
        merged.fieldNames().forEachRemaining(known::add);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode value = f.getValue();
            if (!known.contains(name)) throw new IllegalArgumentException("unknown setting '" + name + "' (settings: " + String.join(", ", known) + ")");
            boolean isEnum = merged.get(name).isTextual();
            if (isEnum ? !value.isTextual() : !value.isNumber())
                throw new IllegalArgumentException(name + " must be " + (isEnum ? "one of " + Arrays.toString(choices(name)) : "a number") + ", got " + value);
            merged.set(name, isEnum ? TextNode.valueOf(value.asText().strip().toUpperCase(Locale.ROOT)) : value);
        }
        try {
            return Json.MAPPER.treeToValue(merged, LiveWorkload.class);
        } catch (ValueInstantiationException e) {
            throw new IllegalArgumentException(e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage());
        } catch (InvalidFormatException e) {
            String name = e.getPath().isEmpty() ? "a setting" : e.getPath().get(0).getFieldName();
            throw new IllegalArgumentException(name + " must be one of " + Arrays.toString(choices(name)) + ", got '" + e.getValue() + "'");
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    private static Object[] choices(String name) {
        return switch (name) {
            case "call_time_mode" -> CallTimeMode.values();
            case "gap_distribution" -> GapDistribution.values();
            default -> new Object[0];
        };
    }

    static Map<String, Object> json(LiveCdrGenerator.Status s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.running() ? "running" : "stopped");
        m.put("settings", s.settings());
        m.put("settings_since", s.settingsSince());
        m.put("sent", s.sent());
        GeneratedCounts g = s.generated();
        Map<String, Object> generated = new LinkedHashMap<>();
        generated.put("total", g.total());
        generated.put("valid", g.valid());
        generated.put("errors", g.errorCount());
        generated.put("duplicates", g.duplicates());
        generated.put("errors_by_reason", g.errors());
        m.put("generated", generated);
        m.put("measured_rate", Math.round(s.measuredRate() * 10) / 10.0);
        m.put("rate_window_sec", s.rateWindowSec());
        m.put("target_rate_now", Math.round(s.targetRateNow() * 100) / 100.0);
        m.put("zone", s.zone().getId());
        m.put("choices", Map.of("call_time_mode", CallTimeMode.values(), "gap_distribution", GapDistribution.values()));
        m.put("limits", Map.of("records_per_second", Map.of("min", LiveWorkload.MIN_RATE, "max", LiveWorkload.MAX_RATE)));
        return m;
    }
}
