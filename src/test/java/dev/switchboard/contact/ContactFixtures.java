package dev.switchboard.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.platform.Json;
import java.time.Instant;

/**
 * Contact records in the Amazon Connect CTR shape, written for the tests (no real record is copied): an
 * inbound voice call queued in {@code queue}, answered by {@code agent} (or abandoned when agent is null).
 */
public final class ContactFixtures {
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private ContactFixtures() {}

    /** A contact that started at T0 and was last updated {@code updateSec} seconds after. */
    public static ObjectNode contact(String contactId, long updateSec, String queue, String agent) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("AWSContactTraceRecordFormatVersion", "2017-03-10");
        n.put("ContactId", contactId);
        n.putNull("InitialContactId");
        n.putNull("PreviousContactId");
        n.put("Channel", "VOICE");
        n.put("InitiationMethod", "INBOUND");
        n.put("InitiationTimestamp", T0.toString());
        n.put("ConnectedToSystemTimestamp", T0.plusSeconds(1).toString());
        n.put("DisconnectTimestamp", T0.plusSeconds(400).toString());
        n.put("LastUpdateTimestamp", T0.plusSeconds(updateSec).toString());
        n.put("DisconnectReason", agent == null ? "CUSTOMER_DISCONNECT" : "AGENT_DISCONNECT");
        ObjectNode q = n.putObject("Queue");
        q.put("Name", queue);
        q.put("ARN", "arn:aws:connect:eu-west-2:000000000000:instance/test/queue/" + queue.toLowerCase(java.util.Locale.ROOT));
        q.put("EnqueueTimestamp", T0.plusSeconds(10).toString());
        q.put("DequeueTimestamp", T0.plusSeconds(70).toString());
        q.put("Duration", 60);
        if (agent != null) {
            ObjectNode a = n.putObject("Agent");
            a.put("Username", agent);
            a.put("ConnectedToAgentTimestamp", T0.plusSeconds(70).toString());
            a.put("AgentInteractionDuration", 300);
            a.put("CustomerHoldDuration", 20);
            a.put("AfterContactWorkDuration", 15);
            a.put("NumberOfHolds", 1);
        } else {
            n.putNull("Agent");
        }
        n.putObject("CustomerEndpoint").put("Address", "+447700900001").put("Type", "TELEPHONE_NUMBER");
        n.putObject("SystemEndpoint").put("Address", "+442079460001").put("Type", "TELEPHONE_NUMBER");
        n.putObject("Attributes").put("intent", "billing");
        n.putObject("Recording").put("Location", "recordings/" + contactId + ".wav").put("Status", "AVAILABLE");
        return n;
    }

    /** The second contact of a transfer chain that started with {@code initial}. */
    public static ObjectNode transferred(String contactId, String initial, String previous, long updateSec, String queue, String agent) {
        ObjectNode n = contact(contactId, updateSec, queue, agent);
        n.put("InitialContactId", initial);
        n.put("PreviousContactId", previous);
        n.put("InitiationMethod", "TRANSFER");
        return n;
    }

    public static String json(ObjectNode n) {
        return n.toString();
    }
}
