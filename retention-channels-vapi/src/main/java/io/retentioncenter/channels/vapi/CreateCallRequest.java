package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.spi.OutboundMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON body of {@code POST /call} (VAPI CreateCallDTO) for one outbound message: call name,
 * assistant, phone number, customer, and assistant overrides carrying the template variables, the
 * correlation metadata, the server messages wanted and the duration cap.
 */
final class CreateCallRequest {
    /** VAPI's limit on {@code name}. */
    static final int MAX_NAME_LENGTH = 40;
    /** Metadata key echoed back on server messages, used to match them to the attempt. */
    static final String METADATA_ATTEMPT_ID = "rc_attempt_id";

    private static final Map<String, String> SNAKE_CASE_ALIASES = Map.of(
            "firstName", "first_name",
            "lastName", "last_name");

    private final List<String> serverMessages;
    private final int maxDurationSeconds;

    CreateCallRequest(List<String> serverMessages, int maxDurationSeconds) {
        this.serverMessages = List.copyOf(serverMessages);
        this.maxDurationSeconds = maxDurationSeconds;
    }

    /** The request body for {@code message} placed with {@code target}. */
    ObjectNode body(OutboundMessage message, CallTarget target) {
        ObjectNode body = JsonPayload.mapper().createObjectNode();
        String name = "rc " + message.attemptId();
        body.put("name", name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name);
        body.put("assistantId", target.assistantId());
        body.put("phoneNumberId", target.phoneNumberId());
        ObjectNode customer = body.putObject("customer");
        customer.put("number", message.recipient());
        customerName(message).ifPresent(n -> customer.put("name", n));
        ObjectNode overrides = body.putObject("assistantOverrides");
        ObjectNode variables = overrides.putObject("variableValues");
        variableValues(message.variables()).forEach(variables::put);
        ObjectNode metadata = overrides.putObject("metadata");
        metadata.put("rc_lead_id", message.leadId());
        metadata.put(METADATA_ATTEMPT_ID, message.attemptId());
        metadata.put("rc_campaign_id", message.campaignId());
        serverMessages.forEach(overrides.putArray("serverMessages")::add);
        overrides.put("maxDurationSeconds", maxDurationSeconds);
        target.firstMessage().ifPresent(m -> overrides.put("firstMessage", m));
        return body;
    }

    private static Optional<String> customerName(OutboundMessage message) {
        String name = Stream.of(message.firstName(), message.lastName())
                .flatMap(Optional::stream)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The script variables plus snake-case aliases ({@code first_name}) that VAPI prompts commonly use. */
    private static Map<String, String> variableValues(Map<String, String> variables) {
        Map<String, String> values = new TreeMap<>(variables);
        SNAKE_CASE_ALIASES.forEach((camel, snake) -> {
            if (variables.containsKey(camel)) {
                values.putIfAbsent(snake, variables.get(camel));
            }
        });
        return values;
    }
}
