package dev.switchboard.rating;

import dev.switchboard.cdr.Cdr;
import dev.switchboard.mediation.ErrorRecord;
import dev.switchboard.mediation.Reason;
import dev.switchboard.platform.Json;
import dev.switchboard.platform.JsonSerde;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Prices each clean CDR (keyed by calling number, so a subscriber's free-unit balance is
 * partition-local) with the tariffs of the moment. Free units are used in the order a subscriber's
 * CDRs are rated; the balance lives in a store keyed by subscriber and billing period.
 */
final class RatingProcessor implements FixedKeyProcessor<String, Cdr, RatingProcessor.Outcome> {
    static final String STORE = "rating-free-units";
    private final Supplier<Rater> rater;
    private FixedKeyProcessorContext<String, Outcome> context;
    private KeyValueStore<String, FreeUnits> balances;

    /** The CDR, priced or not; and, when no rate matched, the error record too. */
    record Outcome(RatedCdr rated, ErrorRecord error) {}

    RatingProcessor(Supplier<Rater> rater) {
        this.rater = rater;
    }

    static StoreBuilder<KeyValueStore<String, FreeUnits>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(FreeUnits.class))
                .withCachingEnabled();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome> context) {
        this.context = context;
        this.balances = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Cdr> record) {
        Cdr cdr = record.value();
        if (cdr == null) return;
        Rater r = rater.get();
        String key = cdr.callingNumber() + "|" + r.book().periodOf(cdr.startTime());
        FreeUnits left = balances.get(key);
        if (left == null) left = FreeUnits.FRESH;
        RatingResult result = r.rate(cdr, left);
        if (result instanceof RatingResult.Rated rated) {
            if (!rated.used().isEmpty()) balances.put(key, r.balanceAfter(left, rated));
            context.forward(record.withValue(new Outcome(
                    new RatedCdr(cdr, rated.cost(), rated.currency(), rated.rateId(), rated.planVersion(), rated.proof()), null)));
        } else {
            ErrorRecord error = new ErrorRecord("cdr", "rating", "cdr-json", Instant.ofEpochMilli(record.timestamp()),
                    List.of(Reason.of(RatingReason.NO_RATE)), Json.write(cdr));
            context.forward(record.withValue(new Outcome(RatedCdr.unpriced(cdr), error)));
        }
    }
}
