package dev.switchboard.app;

import dev.switchboard.callcenter.CallCenterService;
import dev.switchboard.callcenter.CallCenterTopology;
import dev.switchboard.callcenter.CallHistory;
import dev.switchboard.callcenter.CallMediator;
import dev.switchboard.callcenter.CallTopics;
import dev.switchboard.callcenter.CallerDirectory;
import dev.switchboard.callcenter.live.CallCenterView;
import dev.switchboard.callcenter.live.MetricsRules;
import dev.switchboard.callcenter.live.StoreLookup;
import dev.switchboard.callcenter.live.Thresholds;
import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrMediationTopology;
import dev.switchboard.cdr.CdrMediator;
import dev.switchboard.cdr.CdrRules;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.customer.CustomerCallers;
import dev.switchboard.ivr.IvrHistory;
import dev.switchboard.ivr.IvrMediator;
import dev.switchboard.ivr.IvrTopics;
import dev.switchboard.ivr.IvrTopology;
import dev.switchboard.customer.CustomerKeys;
import dev.switchboard.customer.CustomerStore;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.ingest.RawProducer;
import dev.switchboard.ingest.StoreProgress;
import dev.switchboard.cdr.Cdr;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.generate.LiveCdrGenerator;
import dev.switchboard.generate.LiveWorkload;
import dev.switchboard.generate.SubscriberBase;
import dev.switchboard.marketing.BusinessDirectory;
import dev.switchboard.marketing.DirectoryStore;
import dev.switchboard.marketing.live.LiveTemplates;
import dev.switchboard.marketing.live.MarketingTopology;
import dev.switchboard.marketing.LiveDirectory;
import dev.switchboard.mediation.AccountingView;
import dev.switchboard.platform.ControlCommand;
import dev.switchboard.platform.EmbeddedKafka;
import dev.switchboard.platform.SettingsSpec;
import dev.switchboard.platform.Role;
import dev.switchboard.platform.Settings;
import dev.switchboard.platform.StreamsRuntime;
import dev.switchboard.platform.TopicAdmin;
import dev.switchboard.rating.ExampleTariffs;
import dev.switchboard.rating.Rater;
import dev.switchboard.rating.RatingHistory;
import dev.switchboard.rating.RatingTopology;
import dev.switchboard.rating.TariffStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.SqlSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StoreQueryParameters;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Switchboard process: the subsystems its roles ask for, started in dependency order
 * (broker, topics, store, streams, sink, ingest) and closed in reverse.
 */
public final class Switchboard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Switchboard.class);
    private final Settings settings;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private String bootstrap;
    private Database database;
    private StreamsRuntime streams;
    private SqlSink sink;
    private IngestService ingest;
    private StoreProgress storeProgress;
    private CallCenterService callCenter;
    private CallerDirectory callers = CallerDirectory.NONE;
    private CustomerStore customers;
    private TariffStore tariffs;
    private DirectoryStore directoryStore;
    private LiveTemplates liveTemplates;
    private LiveDirectory directory;
    private LiveCdrGenerator cdrGenerator;
    /** The call-subject model in use: online scoring reads it per call, training replaces it. */
    private final dev.switchboard.predict.CurrentModel currentModel = new dev.switchboard.predict.CurrentModel();
    private dev.switchboard.predict.ModelTraining models;
    /** The rater of the moment; without a store (a stream-only process) it prices with the example set. */
    private final java.util.concurrent.atomic.AtomicReference<Rater> rater = new java.util.concurrent.atomic.AtomicReference<>();

    private Switchboard(Settings settings) {
        this.settings = settings;
    }

    public static Switchboard start(Settings settings) {
        Switchboard sb = new Switchboard(settings);
        try {
            sb.startParts();
            return sb;
        } catch (RuntimeException e) {
            sb.close();
            throw e;
        }
    }

    private void startParts() {
        long t0 = System.nanoTime();
        CdrRules rules = rules(); // a bad region or limit fails here, before anything starts
        if (settings.embeddedKafka()) {
            EmbeddedKafka kafka = EmbeddedKafka.start(settings.kafkaLogDir(), settings.kafkaPort());
            toClose.push(kafka);
            bootstrap = kafka.bootstrapServers();
            log.info("embedded Kafka broker on {} ({} ms); other Kafka clients may produce plain JSON CDRs to {}", bootstrap, ms(t0),
                    CdrTopics.RAW.name());
        } else {
            bootstrap = settings.kafka();
        }
        List<dev.switchboard.platform.Topic<?, ?>> topics = new ArrayList<>(CdrTopics.ALL);
        topics.addAll(CallTopics.ALL);
        topics.addAll(dev.switchboard.contact.ContactTopics.ALL);
        topics.addAll(IvrTopics.ALL);
        topics.add(ControlCommand.TOPIC);
        topics.add(RatingTopology.RATED);
        TopicAdmin.ensure(bootstrap, topics, settings.partitions(), settings.replication());
        if (has(Role.STORE) || has(Role.WEB)) {
            database = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword()).limitMemory(settings.get(SettingsSpec.DB_MEMORY));
            toClose.push(database);
            customers = new CustomerStore(database, CustomerKeys.cipher(settings), Clock.systemUTC());
            callers = customerCallers(customers);
            tariffs = new TariffStore(database);
            TariffBootstrap.seedIfEmpty(tariffs, settings);
            TariffStore store = tariffs;
            store.load().ifPresent(t -> rater.set(new Rater(t)));
            // A tariff change through the API takes effect for the next CDR rated.
            store.onChange(() -> store.load().ifPresent(t -> rater.set(new Rater(t))));
            directoryStore = new DirectoryStore(database);
            DirectoryBootstrap.seedIfEmpty(directoryStore, settings);
            directory = LiveDirectory.of(directoryStore);
            models = models(database);
        }
        if (has(Role.STREAM)) {
            StreamsBuilder builder = new StreamsBuilder();
            CdrMediationTopology.build(builder, new CdrMediator(rules), settings.dedupTtl());
            if (rater.get() == null) rater.set(new Rater(ExampleTariffs.load()));
            // One source for cdr.clean, read by rating and the marketing templates; named as rating named it, so the topology keeps its state.
            KStream<String, Cdr> clean = builder.stream(CdrTopics.CLEAN.name(),
                    Consumed.with(Serdes.String(), CdrTopics.CLEAN.valueSerde()).withName("rating-in"));
            RatingTopology.build(builder, clean, rater::get);
            boolean liveMarketing = settings.get(SettingsSpec.MARKETING_LIVE_DAYS) > 0;
            if (liveMarketing) MarketingTopology.build(builder, clean, marketingRules(), marketingDirectory());
            CallMediator callMediator = new CallMediator(settings.region());
            CallCenterTopology.build(builder, callMediator::mediate, settings.dedupTtl(), metricsRules(), callers, arrivalPredictor());
            dev.switchboard.contact.ContactTopology.build(builder, settings.dedupTtl());
            IvrTopology.build(builder, new IvrMediator(), settings.dedupTtl());
            streams = new StreamsRuntime(builder.build(), settings, bootstrap);
            toClose.push(streams);
            streams.start(Duration.ofMinutes(5));
            log.info("mediation running ({} ms)", ms(t0));
            if (liveMarketing) liveTemplates = LiveTemplates.of(streams.streams(), marketingRules());
            callCenter = new CallCenterService(new CallCenterView(localStores(), metricsRules(), Clock.systemUTC()), controlProducer(), Clock.systemUTC());
        }
        if (has(Role.STORE)) {
            List<SqlSink.Route<?>> routes = new ArrayList<>(CdrHistory.errorRoutes());
            routes.addAll(CallHistory.routes());
            routes.addAll(IvrHistory.routes());
            routes.addAll(RatingHistory.routes());
            routes.addAll(dev.switchboard.contact.ContactHistory.routes());
            sink = new SqlSink(bootstrap, settings.instanceId(), database, routes, settings.sinkBatch(), settings.sinkLinger());
            toClose.push(sink);
            sink.start();
        }
        if (has(Role.INGEST)) {
            RawProducer producer = new RawProducer(bootstrap);
            toClose.push(producer);
            ingest = new IngestService(producer, settings.maxRecordBytes(), Clock.systemUTC());
        }
        if (has(Role.GENERATE) && ingest != null) {
            // Made here, started by whoever runs it (demo, serve with the generate role, the API); the base is read at the first start.
            IngestService into = ingest;
            cdrGenerator = new LiveCdrGenerator(LiveWorkload.defaults(settings.generatorRate()), settings.zone(),
                    () -> SubscriberBase.loadOrCreate(settings.dataDir(), settings.region()),
                    () -> directory().map(LiveDirectory::get),
                    line -> into.publish(LiveCdrGenerator.SOURCE, CdrFormat.CDR_JSON.wireName(), line));
            toClose.push(cdrGenerator);
        }
        storeProgress = new StoreProgress(bootstrap, List.of(CdrTopics.ERROR.name(), RatingTopology.RATED.name(),
                CallTopics.COMPLETED.name(), CallTopics.ERROR.name(), dev.switchboard.contact.ContactTopics.CLEAN.name(),
                dev.switchboard.contact.ContactTopics.ERROR.name(), IvrTopics.CLEAN.name(), IvrTopics.ERROR.name()), SqlSink.GROUP_ID);
        toClose.push(storeProgress);
    }

    /** Callers from the customer data, read now and again every half minute (customers change through the API and imports). */
    private CallerDirectory customerCallers(CustomerStore store) {
        CustomerCallers directory = new CustomerCallers(store, Clock.systemUTC());
        int n = directory.refresh();
        log.info("{} customers known to the call center", n);
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "customer-callers-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                directory.refresh();
            } catch (RuntimeException e) {
                log.warn("customer data not refreshed: {}", e.getMessage());
            }
        }, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        toClose.push(timer::shutdownNow);
        return directory;
    }

    public MetricsRules metricsRules() {
        Thresholds thresholds = new Thresholds((int) settings.get(SettingsSpec.SERVICE_LEVEL_THRESHOLD).toSeconds(),
                (int) settings.get(SettingsSpec.SHORT_ABANDON).toSeconds());
        return new MetricsRules(settings.zone(), thresholds, settings.get(SettingsSpec.MAX_QUEUE_WAIT), MetricsRules.TRAILING, 35);
    }

    public MarketingTopology.Rules marketingRules() {
        return new MarketingTopology.Rules(settings.zone(), settings.region(), settings.get(SettingsSpec.MARKETING_LIVE_DAYS));
    }

    /** The stored directory of the moment; a process without the store uses the region's default set, as the store is first seeded. */
    private Supplier<BusinessDirectory> marketingDirectory() {
        if (directory != null) return directory;
        log.warn("no history store in this process: the live marketing templates use the default business directory of region {}", settings.region());
        return LiveDirectory.fixed(SubscriberBase.loadOrCreate(settings.dataDir(), settings.region()).businesses());
    }

    private StoreLookup localStores() {
        return new StoreLookup() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
                return streams.streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
            }
        };
    }

    private KafkaProducer<String, ControlCommand> controlProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<String, ControlCommand> producer = new KafkaProducer<>(p, ControlCommand.TOPIC.keySerde().serializer(),
                ControlCommand.TOPIC.valueSerde().serializer());
        toClose.push(producer);
        return producer;
    }

    /** Reads the customer data again now (after a bulk change), instead of at the next half-minute refresh. */
    public void customersChanged() {
        if (callers instanceof CustomerCallers c) c.refresh();
    }

    /** Who the customer data says callers are; knows no one when this process has no customer data. */
    public CallerDirectory callers() {
        return callers;
    }

    /** The call-center figures, where this process runs the stream role (the live metrics' stores are local). */
    public Optional<CallCenterService> callCenter() {
        return Optional.ofNullable(callCenter);
    }

    /** The five marketing templates from the live stores, where this process runs the stream role. */
    public Optional<LiveTemplates> liveTemplates() {
        return Optional.ofNullable(liveTemplates);
    }

    public Optional<AccountingView> callAccounting() {
        return Optional.ofNullable(streams).map(s -> new AccountingView(s.streams(), CallCenterTopology.COUNTER_STORES));
    }

    /** The contact-record (CTR) counters, where this process runs the stream role. */
    public Optional<dev.switchboard.contact.ContactAccounting> contactAccounting() {
        return Optional.ofNullable(streams).map(s -> new dev.switchboard.contact.ContactAccounting(s.streams()));
    }

    /** The IVR session counters, where this process runs the stream role. */
    public Optional<AccountingView> ivrAccounting() {
        return Optional.ofNullable(streams).map(s -> new AccountingView(s.streams(), IvrTopology.COUNTER_STORES));
    }

    public CdrRules rules() {
        return new CdrRules(settings.region(), settings.zone(), settings.futureTolerance(), settings.maxRecordAge(),
                (int) settings.maxCallDuration().toSeconds(), settings.extensionDigits());
    }

    private boolean has(Role role) {
        return settings.roles().contains(role);
    }

    public Settings settings() {
        return settings;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Optional<Database> database() {
        return Optional.ofNullable(database);
    }

    /** The call-subject model in use (empty until one is trained or loaded). */
    public dev.switchboard.predict.CurrentModel currentModel() {
        return currentModel;
    }

    private dev.switchboard.callcenter.ArrivalPredictor arrivalPredictor() {
        return dev.switchboard.predict.ModelArrivalPredictor.of(currentModel, settings.zone());
    }

    /** The call-subject model: training, registry and the model in use (read per call by online scoring). */
    public Optional<dev.switchboard.predict.ModelTraining> models() {
        return Optional.ofNullable(models);
    }

    /** The active model of the registry loaded at start (a bad file is logged, not fatal: train again); retraining scheduled by setting. */
    private dev.switchboard.predict.ModelTraining models(Database db) {
        var current = currentModel;
        var registry = new dev.switchboard.predict.ModelRegistry(db, settings.dataDir().resolve("models"));
        try {
            registry.loadActive().ifPresent(m -> {
                current.install(m);
                log.info("call-subject model v{} ({}) loaded, test accuracy {}", m.report().version(), m.report().algorithm(), m.report().accuracy());
            });
        } catch (dev.switchboard.predict.ModelException e) {
            log.warn("no call-subject model loaded: {}", e.getMessage());
        }
        var training = new dev.switchboard.predict.ModelTraining(new dev.switchboard.predict.TrainingHistory(db, settings.zone()), registry, current,
                Clock.systemUTC());
        Duration every = settings.get(SettingsSpec.MODEL_RETRAIN_EVERY);
        if (!every.isZero() && has(Role.STORE))
            toClose.push(new dev.switchboard.predict.RetrainSchedule(training, every, settings.get(SettingsSpec.MODEL_SIMULATED)));
        return training;
    }

    public Optional<CustomerStore> customers() {
        return Optional.ofNullable(customers);
    }

    /** The tariff plans, where this process has the store. */
    public Optional<TariffStore> tariffs() {
        return Optional.ofNullable(tariffs);
    }

    /** The business directory, where this process has the store. */
    public Optional<DirectoryStore> directoryStore() {
        return Optional.ofNullable(directoryStore);
    }

    /** The business directory of the moment (kept current on every change), where this process has the store. */
    public Optional<LiveDirectory> directory() {
        return Optional.ofNullable(directory);
    }

    /** The live CDR generator (not started), where this process has the generate and ingest roles. */
    public Optional<LiveCdrGenerator> cdrGenerator() {
        return Optional.ofNullable(cdrGenerator);
    }

    public Optional<IngestService> ingest() {
        return Optional.ofNullable(ingest);
    }

    public Optional<SqlSink> sink() {
        return Optional.ofNullable(sink);
    }

    public Optional<AccountingView> cdrAccounting() {
        return Optional.ofNullable(streams).map(s -> new AccountingView(s.streams(), CdrMediationTopology.COUNTER_STORES));
    }

    public StoreProgress storeProgress() {
        return storeProgress;
    }

    public Optional<StreamsRuntime> streams() {
        return Optional.ofNullable(streams);
    }

    @Override
    public void close() {
        while (!toClose.isEmpty()) {
            AutoCloseable part = toClose.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("while closing {}: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
