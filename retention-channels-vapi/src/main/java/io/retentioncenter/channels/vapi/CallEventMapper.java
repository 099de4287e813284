package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.PayloadIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps {@code status-update} and {@code end-of-call-report} messages to provider events. Outcomes come
 * from {@code endedReason}, never from {@code status} alone.
 */
final class CallEventMapper {
    private final KeywordExtractor keywords;
    private final CallbackDetector callbacks;

    CallEventMapper(KeywordExtractor keywords, CallbackDetector callbacks) {
        this.keywords = keywords;
        this.callbacks = callbacks;
    }

    /**
     * {@code scheduled}/{@code queued}/{@code ringing}: SENT; {@code in-progress}/{@code forwarding}:
     * ANSWERED; {@code ended}: the outcome of {@code endedReason}; {@code not-found}/{@code deletion-failed}:
     * FAILED. An unknown status is rejected.
     */
    List<ProviderEvent> statusUpdate(CallMessage call) {
        CallStatus status = CallStatus.fromWire(JsonPayload.requiredText(call.message(), "status", "message.status"));
        Optional<ProviderEventType> direct = status.eventType();
        if (direct.isPresent()) {
            return List.of(call.event(direct.get(), status.wire()).detail(status.wire()).build());
        }
        String endedReason = JsonPayload.optionalText(call.message(), "endedReason", "message.endedReason")
                .or(() -> JsonPayload.optionalText(call.message().get("call"), "endedReason", "message.call.endedReason"))
                .map(reason -> PayloadIds.required(reason, "message.endedReason"))
                .orElseThrow(() -> new InvalidPayloadException("message.endedReason", "is required when status is ended"));
        Conversation conversation = Conversation.read(call.message());
        return List.of(call.event(EndedReasons.outcome(endedReason, conversation.customerSpoke()), endedReason)
                .detail(endedReason)
                .build());
    }

    /**
     * The outcome of {@code endedReason} with transcript and keywords, then OPTED_OUT when the customer
     * asked not to be called again, else CALLBACK_REQUESTED when they asked to be called back.
     */
    List<ProviderEvent> endOfCallReport(CallMessage call) {
        JsonNode message = call.message();
        String endedReason = PayloadIds.required(JsonPayload.requiredText(message, "endedReason", "message.endedReason"),
                "message.endedReason");
        Conversation conversation = Conversation.read(message);
        Optional<JsonNode> structuredData = JsonPayload.optionalObject(message, "analysis", "message.analysis")
                .flatMap(a -> JsonPayload.optionalObject(a, "structuredData", "message.analysis.structuredData"));
        ProviderEvent.Builder outcome = call.event(EndedReasons.outcome(endedReason, conversation.customerSpoke()),
                        endedReason)
                .detail(endedReason)
                .keywords(keywords.keywords(structuredData, conversation.userLines()));
        conversation.transcript().ifPresent(outcome::transcript);
        List<ProviderEvent> events = new ArrayList<>();
        events.add(outcome.build());
        if (OptOutDetector.optsOut(conversation.userLines())) {
            events.add(call.event(ProviderEventType.OPTED_OUT, endedReason + ":opted-out")
                    .detail("customer asked not to be called again")
                    .build());
        } else {
            callbacks.detect(conversation.userLines(), call.occurredAt()).ifPresent(request -> events.add(
                    call.event(ProviderEventType.CALLBACK_REQUESTED, endedReason + ":callback-requested")
                            .detail("customer asked to be called back")
                            .callbackAt(request.at().orElse(null))
                            .build()));
        }
        return List.copyOf(events);
    }
}
