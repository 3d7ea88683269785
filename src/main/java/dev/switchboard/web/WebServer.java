package dev.switchboard.web;

import dev.switchboard.access.AccessControl;
import dev.switchboard.access.TokenStore;
import dev.switchboard.access.Tokens;
import dev.switchboard.app.Switchboard;
import dev.switchboard.billing.BillingRoutes;
import dev.switchboard.billing.BillingRun;
import dev.switchboard.callcenter.CallCenterRoutes;
import dev.switchboard.rating.CostRoutes;
import dev.switchboard.customer.CustomerNames;
import dev.switchboard.customer.CustomerRoutes;
import dev.switchboard.export.ExportRoutes;
import dev.switchboard.generate.GeneratorRoutes;
import dev.switchboard.ivr.IvrKpis;
import dev.switchboard.ivr.IvrRoutes;
import dev.switchboard.rating.TariffRoutes;
import dev.switchboard.marketing.DirectoryRoutes;
import dev.switchboard.marketing.HistoryTemplates;
import dev.switchboard.marketing.TemplateRoutes;
import dev.switchboard.marketing.plan.CountryCallers;
import dev.switchboard.marketing.plan.PlanRoutes;
import dev.switchboard.marketing.plan.PlanStore;
import dev.switchboard.marketing.plan.TargetList;
import dev.switchboard.ingest.BadBodyException;
import dev.switchboard.ingest.UnknownKindException;
import dev.switchboard.ingest.UnsupportedFormatException;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.SettingsSpec;
import dev.switchboard.revenue.RevenueQueries;
import dev.switchboard.revenue.RevenueRoutes;
import dev.switchboard.revenue.RevenueService;
import dev.switchboard.staffing.StaffingForecast;
import dev.switchboard.staffing.StaffingHistory;
import dev.switchboard.staffing.StaffingRoutes;
import dev.switchboard.store.QueryRefusedException;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** The HTTP face of a process: API routes, metrics, health and the dashboard page. Controllers do IO only. */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final LiveEvents events;
    private final AccessControl access;

    public WebServer(Switchboard sb) {
        StatsService stats = new StatsService(sb);
        this.access = new AccessControl(new Tokens(new TokenStore(sb.database().orElseThrow(() -> new IllegalStateException(
                "the web role needs the history store (tokens live there)")), Clock.systemUTC()), Clock.systemUTC()),
                sb.settings().get(SettingsSpec.REQUESTS_PER_SECOND));
        this.events = new LiveEvents(stats, sb.callCenter().orElse(null));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars(); // uPlot for the dashboard's charts, from the jar
            config.useVirtualThreads = false;
            RequestBodyLimit.install(config, sb.settings().maxBodyBytes());
            // Requests Jetty refuses itself (URI or headers too long, malformed) get the API's JSON error too.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        });
        access.register(app); // first: it checks every request before any handler
        new HealthRoutes(sb, stats).register(app);
        new IngestRoutes(sb, stats).register(app);
        new QueryRoutes(sb).register(app);
        sb.database().ifPresent(db -> new CostRoutes(db).register(app));
        // before the /api/callcenter/* fallback: the forecast needs the history store, not the stream role
        sb.database().ifPresent(db -> new StaffingRoutes(new StaffingForecast(new StaffingHistory(db, sb.settings().zone()), sb.settings().zone(),
                Clock.systemUTC()), (int) sb.settings().get(SettingsSpec.SERVICE_LEVEL_THRESHOLD).toSeconds()).register(app));
        sb.callCenter().ifPresentOrElse(cc -> new CallCenterRoutes(cc).register(app),
                () -> app.get("/api/callcenter/*", ctx -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "not here",
                        "the call-center metrics live in a process with the stream role")));
        sb.database().ifPresent(db -> new RevenueRoutes(new RevenueService(new RevenueQueries(db), sb.settings().zone(), Clock.systemUTC())).register(app));
        sb.customers().ifPresent(customers -> new CustomerRoutes(customers).register(app));
        sb.tariffs().ifPresent(tariffs -> new TariffRoutes(tariffs).register(app));
        sb.directoryStore().ifPresent(store -> new DirectoryRoutes(store, sb.directory().orElseThrow()).register(app));
        sb.database().ifPresent(db -> new TemplateRoutes(new HistoryTemplates(db, sb.settings().zone(), sb.settings().region()), sb.liveTemplates(),
                sb.settings().zone(), Clock.systemUTC()).register(app));
        sb.database().ifPresent(db -> new PlanRoutes(new PlanStore(db, Clock.systemUTC()), new TargetList(new HistoryTemplates(db, sb.settings().zone(),
                sb.settings().region()), new CountryCallers(db, sb.settings().zone())), sb.settings().zone(), Clock.systemUTC()).register(app));
        sb.database().ifPresent(db -> sb.tariffs().ifPresent(t -> new BillingRoutes(new BillingRun(db, t::load, Clock.systemUTC()),
                new CustomerNames(db)::of).register(app)));
        sb.database().ifPresent(db -> new ExportRoutes(db, sb.settings().zone()).register(app));
        sb.database().ifPresent(db -> new IvrRoutes(new IvrKpis(db, sb.settings().zone())).register(app));
        sb.models().ifPresent(models -> new dev.switchboard.predict.ModelRoutes(models,
                new dev.switchboard.predict.LiveAccuracy(sb.database().orElseThrow(), sb.settings().zone()), sb.settings().zone()).register(app));
        GeneratorRoutes.register(app, sb.cdrGenerator());
        app.sse("/api/events", events::join);
        app.exception(BadBodyException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, "bad body", e.getMessage()));
        app.exception(UnknownKindException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, "unknown kind", e.getMessage()));
        app.exception(UnsupportedFormatException.class, (e, ctx) -> error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported input", e.getMessage()));
        app.exception(RequestBodyLimit.BodyTooLargeException.class, (e, ctx) -> error(ctx, HttpStatus.CONTENT_TOO_LARGE, "body too large", e.getMessage()));
        app.exception(QueryRefusedException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, "query refused", e.getMessage()));
        app.exception(InvalidStateStoreException.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "not ready",
                "the live metrics are starting or rebalancing; retry in a moment"));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, "bad request", e.getMessage()));
        // A query parameter of the wrong type (?limit=asc): Javalin's errors by parameter as the details.
        app.exception(io.javalin.validation.ValidationException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, "bad request", e.getErrors()));
        // Javalin's own refusals (a body over its request-size limit, a method not allowed, …): the same JSON shape, not its plain text.
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
            String name = HttpStatus.forStatus(e.getStatus()).getMessage().toLowerCase(java.util.Locale.ROOT);
            ctx.status(e.getStatus()).json(new ApiError(name, e.getDetails().isEmpty() ? e.getMessage() : e.getDetails()));
        });
        app.exception(Exception.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error", e.getClass().getSimpleName() + ": " + e.getMessage()));
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) error(ctx, HttpStatus.NOT_FOUND, "not found", ctx.method() + " " + ctx.path());
        });
    }

    static void error(io.javalin.http.Context ctx, HttpStatus status, String error, Object details) {
        ctx.status(status).json(new ApiError(error, details));
    }

    /** Starts listening; refuses a non-loopback address while no API token exists, and any route without an access rule. */
    public WebServer start(String host, int port) {
        List<String> open = AccessControl.uncovered(routes());
        if (!open.isEmpty()) throw new IllegalStateException("routes without an access rule (access.RoutePolicy): " + open);
        access.listenOn(host);
        app.start(host, port);
        events.start();
        return this;
    }

    /** Every HTTP route registered, as "METHOD path" (e.g. "GET /api/customers/{id}"). */
    public List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> e.getEndpoint())
                .filter(e -> e.getMethod().isHttpMethod())
                .map(e -> e.getMethod().name() + " " + e.getPath())
                .distinct().toList();
    }

    public int port() {
        return app.port();
    }

    public Map<String, Object> describe() {
        return Map.of("port", port());
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }
}
