package dev.switchboard.app;

import dev.switchboard.cdr.CdrHistory;
import dev.switchboard.cdr.CdrMediationTopology;
import dev.switchboard.cdr.CdrMediator;
import dev.switchboard.cdr.CdrRules;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.customer.CustomerKeys;
import dev.switchboard.customer.CustomerStore;
import dev.switchboard.ingest.IngestService;
import dev.switchboard.ingest.RawProducer;
import dev.switchboard.ingest.StoreProgress;
import dev.switchboard.mediation.AccountingView;
import dev.switchboard.platform.EmbeddedKafka;
import dev.switchboard.platform.Role;
import dev.switchboard.platform.Settings;
import dev.switchboard.platform.StreamsRuntime;
import dev.switchboard.platform.TopicAdmin;
import dev.switchboard.store.Database;
import dev.switchboard.store.SqlSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.StreamsBuilder;
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
    private CustomerStore customers;

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
        TopicAdmin.ensure(bootstrap, CdrTopics.ALL, settings.partitions(), settings.replication());
        if (has(Role.STORE) || has(Role.WEB)) {
            database = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword());
            toClose.push(database);
            customers = new CustomerStore(database, CustomerKeys.cipher(settings), Clock.systemUTC());
        }
        if (has(Role.STREAM)) {
            StreamsBuilder builder = new StreamsBuilder();
            CdrMediationTopology.build(builder, new CdrMediator(rules), settings.dedupTtl());
            streams = new StreamsRuntime(builder.build(), settings, bootstrap);
            toClose.push(streams);
            streams.start(Duration.ofMinutes(5));
            log.info("mediation running ({} ms)", ms(t0));
        }
        if (has(Role.STORE)) {
            sink = new SqlSink(bootstrap, settings.instanceId(), database, CdrHistory.routes(), settings.sinkBatch(), settings.sinkLinger());
            toClose.push(sink);
            sink.start();
        }
        if (has(Role.INGEST)) {
            RawProducer producer = new RawProducer(bootstrap);
            toClose.push(producer);
            ingest = new IngestService(producer, settings.maxRecordBytes(), Clock.systemUTC());
        }
        storeProgress = new StoreProgress(bootstrap, List.of(CdrTopics.CLEAN.name(), CdrTopics.ERROR.name()), SqlSink.GROUP_ID);
        toClose.push(storeProgress);
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

    public Optional<CustomerStore> customers() {
        return Optional.ofNullable(customers);
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
