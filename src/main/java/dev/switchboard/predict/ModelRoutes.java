package dev.switchboard.predict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.callcenter.CallSubject;
import dev.switchboard.platform.Json;
import dev.switchboard.web.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.Map;

/** {@code /api/model}: the model in use and its report, the registry, training on demand, and scoring a described caller. */
public final class ModelRoutes {
    private final ModelTraining training;
    private final LiveAccuracy live;
    private final ZoneId zone;

    public ModelRoutes(ModelTraining training, LiveAccuracy live, ZoneId zone) {
        this.training = training;
        this.live = live;
        this.zone = zone;
    }

    /** The answer of {@code POST /api/model/predict}. */
    record Scored(int version, CallSubject subject, Map<CallSubject, Double> probabilities) {}

    public void register(Javalin app) {
        app.get("/api/model", ctx -> ctx.json(installed().report()));
        app.get("/api/model/versions", ctx -> ctx.json(training.registry().list()));
        app.get("/api/model/live", ctx -> ctx.json(live.of(dev.switchboard.web.QueryParams.date(ctx, "date", java.time.LocalDate.now(zone)))));
        app.post("/api/model/train", this::train);
        app.post("/api/model/predict", this::predict);
        app.exception(DescribedCall.InvalidCall.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("bad call", e.problems)));
        app.exception(ModelException.class, (e, ctx) -> ctx.status(status(e.code())).json(new ApiError(e.code().name().toLowerCase(
                java.util.Locale.ROOT).replace('_', ' '), e.getMessage())));
    }

    private void train(Context ctx) {
        ModelTraining.Request request;
        try {
            request = ModelTraining.Request.parse(ctx.queryParam("from"), ctx.queryParam("until"), "true".equalsIgnoreCase(ctx.queryParam("simulated")), zone);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("bad request", e.getMessage()));
            return;
        }
        ctx.json(training.train(request));
    }

    private void predict(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("bad body", "not JSON"));
            return;
        }
        CallFeatures features = DescribedCall.read(body, zone);
        CurrentModel.Installed model = installed();
        Prediction p = model.predictor().predict(features);
        ctx.json(new Scored(model.report().version(), p.subject(), p.probabilities()));
    }

    private CurrentModel.Installed installed() {
        return training.current().get().orElseThrow(() -> new ModelException(ModelException.Code.NO_MODEL,
                "no model trained yet: switchboard train, or POST /api/model/train"));
    }

    private static HttpStatus status(ModelException.Code code) {
        return switch (code) {
            case NO_MODEL -> HttpStatus.NOT_FOUND;
            case NOT_ENOUGH_DATA -> HttpStatus.UNPROCESSABLE_CONTENT;
            case BAD_MODEL_FILE -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
