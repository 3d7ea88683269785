package dev.switchboard.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.platform.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic Amazon Connect contact records, deterministic for a seed, one JSON object per line: inbound voice
 * contacts queued in one of a few queues, answered by an agent or abandoned, some transferred to a second
 * queue (a second contact with InitialContactId and PreviousContactId), some sent again later with a later
 * LastUpdateTimestamp (an update, as Connect re-sends a changed contact), plus exact replays of the record
 * just written and malformed records at the given rates. Ingested in order, each record is exactly one of
 * new, updated, replayed or error as {@link #counts()} says (none is stale).
 */
public final class ContactGenerator implements Iterator<String> {
    /** The workload: how many records and the shares of each kind of defect or event. */
    public record Workload(long count, long seed, Instant start, double errorRate, double duplicateRate, double abandonShare,
                           double transferShare, double updateShare) {
        public Workload {
            if (count < 0) throw new IllegalArgumentException("--count must not be negative");
            for (double r : new double[] {errorRate, duplicateRate, abandonShare, transferShare, updateShare})
                if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException("rates and shares must be between 0 and 1");
            if (errorRate + duplicateRate > 1) throw new IllegalArgumentException("--error-rate + --duplicate-rate must not exceed 1");
        }
    }

    /** What was written: every record is exactly one of these. */
    public record Counts(long total, long newContacts, long updates, long replays, long errors) {
        @Override
        public String toString() {
            return "total=" + total + " new=" + newContacts + " updated=" + updates + " replayed=" + replays + " errors=" + errors;
        }
    }

    private static final String[] QUEUES = {"Billing", "Sales", "Support", "Retention"};
    private static final String[] AGENTS = {"ana.silva", "bob.okafor", "chen.wei", "dana.kowalski", "emil.berg", "fatima.haddad",
            "gus.moreau", "hana.sato"};
    private static final String[] INTENTS = {"billing", "new_line", "fault", "cancel", "other"};
    private final Workload w;
    private final SplittableRandom random;
    /** Records due later: updates of contacts already written, and the second contact of a transfer. */
    private final List<ObjectNode> pending = new ArrayList<>();
    private Instant clock;
    private String last;
    private long written, newContacts, updates, replays, errors;

    public ContactGenerator(Workload workload) {
        this.w = workload;
        this.random = new SplittableRandom(workload.seed());
        this.clock = workload.start();
    }

    public Counts counts() {
        return new Counts(written, newContacts, updates, replays, errors);
    }

    @Override
    public boolean hasNext() {
        return written < w.count();
    }

    @Override
    public String next() {
        if (!hasNext()) throw new NoSuchElementException();
        written++;
        double roll = random.nextDouble();
        if (roll < w.errorRate()) {
            errors++;
            return malformed();
        }
        if (roll < w.errorRate() + w.duplicateRate() && last != null) {
            replays++;
            return last;
        }
        ObjectNode record;
        if (!pending.isEmpty() && random.nextDouble() < 0.3) {
            record = pending.remove(0);
            if (record.remove("_update") == null) newContacts++; // the second contact of a transfer
            else updates++;
        } else {
            record = contact();
            newContacts++;
        }
        last = record.toString();
        return last;
    }

    private ObjectNode contact() {
        clock = clock.plusMillis(1_000 + random.nextLong(60_000));
        String id = uuid();
        String queue = QUEUES[random.nextInt(QUEUES.length)];
        ObjectNode c = base(id, clock, queue);
        Instant enqueued = clock.plusSeconds(5 + random.nextInt(40));
        long wait = (long) (-30 * Math.log(1 - random.nextDouble()));
        Instant dequeued = enqueued.plusSeconds(wait);
        ObjectNode q = (ObjectNode) c.get("Queue");
        q.put("EnqueueTimestamp", enqueued.toString());
        q.put("DequeueTimestamp", dequeued.toString());
        q.put("Duration", wait);
        Instant end;
        if (random.nextDouble() < w.abandonShare()) {
            end = dequeued;
            c.putNull("Agent");
            c.put("DisconnectReason", "CUSTOMER_DISCONNECT");
        } else {
            long talk = 60 + (long) (-240 * Math.log(1 - random.nextDouble()));
            end = dequeued.plusSeconds(talk);
            c.set("Agent", agent(dequeued, talk));
            if (random.nextDouble() < w.transferShare()) {
                String next = uuid();
                c.put("NextContactId", next);
                c.put("DisconnectReason", "TRANSFER");
                ObjectNode t = base(next, end, QUEUES[random.nextInt(QUEUES.length)]);
                t.put("InitialContactId", id);
                t.put("PreviousContactId", id);
                t.put("InitiationMethod", "TRANSFER");
                t.set("CustomerEndpoint", c.get("CustomerEndpoint"));
                long wait2 = random.nextInt(30), talk2 = 60 + random.nextInt(300);
                ObjectNode q2 = (ObjectNode) t.get("Queue");
                q2.put("EnqueueTimestamp", end.toString());
                q2.put("DequeueTimestamp", end.plusSeconds(wait2).toString());
                q2.put("Duration", wait2);
                t.set("Agent", agent(end.plusSeconds(wait2), talk2));
                t.put("DisconnectReason", "AGENT_DISCONNECT");
                t.put("DisconnectTimestamp", end.plusSeconds(wait2 + talk2).toString());
                t.put("LastUpdateTimestamp", end.plusSeconds(wait2 + talk2 + 60).toString());
                pending.add(t);
            } else {
                c.put("DisconnectReason", random.nextBoolean() ? "CUSTOMER_DISCONNECT" : "AGENT_DISCONNECT");
            }
        }
        c.put("DisconnectTimestamp", end.toString());
        c.put("LastUpdateTimestamp", end.plusSeconds(30 + random.nextInt(60)).toString());
        if (random.nextDouble() < w.updateShare()) {
            // Connect sends the contact again when it changes, e.g. once a post-call survey is in.
            ObjectNode u = c.deepCopy();
            ((ObjectNode) u.get("Attributes")).put("survey_score", String.valueOf(1 + random.nextInt(5)));
            u.put("LastUpdateTimestamp", end.plusSeconds(600 + random.nextInt(3000)).toString());
            u.put("_update", true);
            pending.add(u);
        }
        return c;
    }

    private ObjectNode base(String id, Instant started, String queue) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("AWSContactTraceRecordFormatVersion", "2017-03-10");
        n.put("ContactId", id);
        n.putNull("InitialContactId");
        n.putNull("PreviousContactId");
        n.putNull("NextContactId");
        n.put("Channel", "VOICE");
        n.put("InitiationMethod", "INBOUND");
        n.put("InitiationTimestamp", started.toString());
        n.put("ConnectedToSystemTimestamp", started.plusSeconds(1).toString());
        ObjectNode q = n.putObject("Queue");
        q.put("Name", queue);
        q.put("ARN", "arn:aws:connect:us-east-1:000000000000:instance/switchboard/queue/" + queue.toLowerCase(java.util.Locale.ROOT));
        // Fictional numbers (555-01xx).
        n.putObject("CustomerEndpoint").put("Address", "+1202555" + String.format("%04d", 100 + random.nextInt(100))).put("Type", "TELEPHONE_NUMBER");
        n.putObject("SystemEndpoint").put("Address", "+18005550100").put("Type", "TELEPHONE_NUMBER");
        n.putObject("Attributes").put("intent", INTENTS[random.nextInt(INTENTS.length)]);
        n.putObject("Recording").put("Location", "recordings/" + id + ".wav").put("Status", "AVAILABLE").put("Type", "AUDIO");
        return n;
    }

    private ObjectNode agent(Instant connected, long talk) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("Username", AGENTS[random.nextInt(AGENTS.length)]);
        a.put("ConnectedToAgentTimestamp", connected.toString());
        long hold = random.nextDouble() < 0.3 ? random.nextInt((int) Math.min(talk, 120)) : 0;
        a.put("AgentInteractionDuration", talk - hold);
        a.put("CustomerHoldDuration", hold);
        a.put("NumberOfHolds", hold > 0 ? 1 : 0);
        a.put("AfterContactWorkDuration", 10 + random.nextInt(60));
        return a;
    }

    /** A record mediation rejects, each framed on its own line. */
    private String malformed() {
        ObjectNode c = base(uuid(), clock, QUEUES[0]);
        c.put("LastUpdateTimestamp", clock.plusSeconds(300).toString());
        switch (random.nextInt(4)) {
            case 0 -> c.remove("ContactId");
            case 1 -> c.put("LastUpdateTimestamp", "yesterday");
            case 2 -> ((ObjectNode) c.get("Queue")).put("Duration", -5);
            default -> {
                return "CTR-TRUNCATED " + c.toString().substring(1, 40);
            }
        }
        return c.toString();
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
