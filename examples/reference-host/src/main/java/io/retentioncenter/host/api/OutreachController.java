package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.OneOffMessage;
import io.retentioncenter.core.contact.TestSend;
import io.retentioncenter.core.spi.ConnectionCheck;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator sends outside sequences and provider checks: {@code engine.outreach()}. Sends are stored
 * as attempts (202) that the next tick dispatches; a repeated {@code requestKey} answers the first
 * attempt. 404 for an unknown script, lead, campaign or channel provider; 409 when the lead may not be
 * contacted, no provider serves the channel or the campaign has ended.
 */
@RestController
@RequestMapping("/api/outreach")
public class OutreachController {
    private final RetentionEngine engine;

    OutreachController(RetentionEngine engine) {
        this.engine = engine;
    }

    /** A test send of a script to an address; no lead is contacted or counted. */
    @PostMapping("/test-sends")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ContactAttempt sendTest(@RequestBody TestSendRequest body) {
        return engine.outreach().sendTest(body.toTestSend());
    }

    /** A one-off message to a lead under the campaign's contact policy (queued SCHEDULED when it may not go now). */
    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ContactAttempt sendMessage(@RequestBody MessageRequest body) {
        return engine.outreach().sendMessage(body.toMessage());
    }

    /** Checks the credentials of the provider serving {@code channel} with a read-only call. */
    @GetMapping("/providers/{channel}/check")
    ConnectionCheck checkConnection(@PathVariable Channel channel) {
        return engine.outreach().checkConnection(channel);
    }

    /** Body of a test send: the script, the recipient (email or phone), optional campaign, stand-in name and request key. */
    public record TestSendRequest(String scriptId, String recipient, String campaignId, String firstName,
            String lastName, String requestKey) {
        TestSend toTestSend() {
            return new TestSend(scriptId, recipient, Optional.ofNullable(campaignId), Optional.ofNullable(firstName),
                    Optional.ofNullable(lastName), Optional.ofNullable(requestKey));
        }
    }

    /** Body of a one-off message; {@code subject} is required for EMAIL. */
    public record MessageRequest(String leadId, String campaignId, Channel channel, String subject, String text,
            String requestKey) {
        OneOffMessage toMessage() {
            return new OneOffMessage(leadId, campaignId, channel, Optional.ofNullable(subject), text,
                    Optional.ofNullable(requestKey));
        }
    }
}
