package dev.switchboard.contact;

import static dev.switchboard.contact.ContactFixtures.T0;
import static dev.switchboard.contact.ContactFixtures.contact;
import static dev.switchboard.contact.ContactFixtures.transferred;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.callcenter.CallEvent;
import dev.switchboard.callcenter.CallEventType;
import dev.switchboard.mediation.Mediated;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContactCallsTest {
    static ContactRecord parsed(ObjectNode n) {
        return ((Mediated.Clean<ContactRecord>) ContactParser.parse(n.toString().getBytes(StandardCharsets.UTF_8))).value();
    }

    @Test
    void anAnsweredContactIsQueuedAnsweredAndEndedWithItsWaitAndHandleTime() {
        assertThat(ContactCalls.events(parsed(contact("c-1", 500, "Billing", "ana")))).containsExactly(
                new CallEvent("c-1", CallEventType.QUEUED, T0.plusSeconds(10), "Billing", "+447700900001", null, null, null, null, null,
                        "+442079460001"),
                new CallEvent("c-1", CallEventType.ANSWERED, T0.plusSeconds(70), "Billing", null, "ana", 60, null, null, null),
                new CallEvent("c-1", CallEventType.ENDED, T0.plusSeconds(400), "Billing", null, "ana", null, 320, null, null));
    }

    @Test
    void aContactWithNoAgentIsAbandonedAtDequeue() {
        assertThat(ContactCalls.events(parsed(contact("c-1", 500, "Billing", null)))).extracting(CallEvent::event, CallEvent::time, CallEvent::waitSec)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallEventType.QUEUED, T0.plusSeconds(10), null),
                        org.assertj.core.groups.Tuple.tuple(CallEventType.ABANDONED, T0.plusSeconds(70), 60));
    }

    @Test
    void oneCallPerChainAndNoCallWithoutAQueue() {
        assertThat(ContactCalls.events(parsed(transferred("c-2", "c-1", "c-1", 500, "Retention", "bob")))).isEmpty();
        ObjectNode selfService = contact("c-3", 500, "Billing", null);
        selfService.putNull("Queue");
        assertThat(ContactCalls.events(parsed(selfService))).isEmpty();
    }

    @Test
    void onlyVoiceContactsAreCallsAndAMissingChannelIsVoice() {
        assertThat(ContactCalls.events(parsed(contact("c-4", 500, "Billing", "ana").put("Channel", "CHAT")))).isEmpty();
        assertThat(ContactCalls.events(parsed(contact("c-5", 500, "Billing", "ana").put("Channel", "TASK")))).isEmpty();
        assertThat(ContactCalls.events(parsed(contact("c-6", 500, "Billing", "ana").put("Channel", "VOICE")))).hasSize(3);
        ObjectNode noChannel = contact("c-7", 500, "Billing", "ana");
        noChannel.remove("Channel");
        assertThat(ContactCalls.events(parsed(noChannel))).hasSize(3);
    }
}
