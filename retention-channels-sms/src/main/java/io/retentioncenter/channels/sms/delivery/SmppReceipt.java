package io.retentioncenter.channels.sms.delivery;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.PayloadIds;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMPP 3.4 (Appendix B) delivery receipt text, as some gateways forward it:
 * {@code id:… sub:… dlvrd:… submit date:YYMMDDhhmm[ss] done date:… stat:DELIVRD err:… text:…}.
 * Keys are case-insensitive; only {@code id} and {@code stat} are required, since the format is
 * vendor-specific. Dates carry no zone: the caller supplies the SMSC's.
 *
 * @param id the message id the SMSC assigned
 * @param submitted {@code sub}: parts submitted
 * @param delivered {@code dlvrd}: parts delivered
 * @param submitDate {@code submit date}, in the SMSC's local time
 * @param doneDate {@code done date}, in the SMSC's local time
 * @param stat the final state, e.g. {@code DELIVRD}
 * @param error {@code err}: the network error code
 * @param text the first characters of the message
 */
public record SmppReceipt(
        String id,
        Optional<Integer> submitted,
        Optional<Integer> delivered,
        Optional<LocalDateTime> submitDate,
        Optional<LocalDateTime> doneDate,
        String stat,
        Optional<String> error,
        Optional<String> text) {

    /** Longest receipt text accepted; SMPP caps {@code short_message} at 254 octets. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern TEXT = Pattern.compile("(?i)(?:^|\\s)text:");
    private static final Pattern FIELD =
            Pattern.compile("(?i)(?:^|\\s)(id|sub|dlvrd|submit date|done date|stat|err):(\\S*)");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    /** Validates the required parts. */
    public SmppReceipt {
        id = Require.text(id, "id");
        DeliveryStatus.parse(stat, "stat");
        Require.present(submitted, "sub");
        Require.present(delivered, "dlvrd");
        Require.present(submitDate, "submit date");
        Require.present(doneDate, "done date");
        Require.present(error, "err");
        Require.present(text, "text");
    }

    /**
     * Parses a receipt text.
     *
     * @throws InvalidPayloadException naming the field: {@code receipt} when empty or longer than
     *     {@link #MAX_LENGTH}, {@code id} or {@code stat} when missing, {@code stat} when unknown,
     *     a count or date key when malformed or repeated
     */
    public static SmppReceipt parse(String receipt) {
        if (receipt == null || receipt.isBlank()) {
            throw new InvalidPayloadException("receipt", "is empty");
        }
        if (receipt.length() > MAX_LENGTH) {
            throw new InvalidPayloadException("receipt", "is " + receipt.length() + " characters, over " + MAX_LENGTH);
        }
        Matcher textStart = TEXT.matcher(receipt);
        boolean hasText = textStart.find();
        String head = hasText ? receipt.substring(0, textStart.start()) : receipt;
        Map<String, String> fields = fields(head);
        return new SmppReceipt(
                PayloadIds.required(required(fields, "id"), "id"),
                count(fields, "sub"),
                count(fields, "dlvrd"),
                date(fields, "submit date"),
                date(fields, "done date"),
                required(fields, "stat"),
                Optional.ofNullable(fields.get("err")),
                hasText ? Require.optionalText(receipt.substring(textStart.end())) : Optional.empty());
    }

    /** The mapped status. */
    public DeliveryStatus deliveryStatus() {
        return DeliveryStatus.parse(stat, "stat");
    }

    /**
     * The receipt as a {@link DeliveryReport}: occurred at the done date in {@code smscZone}, or at
     * {@code receivedAt} when the receipt has none.
     *
     * @param provider the provider name for the event
     * @param recipient the destination phone when the gateway passes it next to the receipt
     * @param smscZone the zone the SMSC writes its dates in
     * @param receivedAt when the receipt arrived
     */
    public DeliveryReport toReport(String provider, Optional<String> recipient, ZoneId smscZone, Instant receivedAt) {
        Require.present(smscZone, "smscZone");
        Require.present(receivedAt, "receivedAt");
        Instant at = doneDate.map(d -> d.atZone(smscZone).toInstant()).orElse(receivedAt);
        return new DeliveryReport(provider, id, stat, recipient, at, error);
    }

    private static Map<String, String> fields(String head) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(head);
        while (m.find()) {
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (fields.put(key, m.group(2)) != null) {
                throw new InvalidPayloadException(key, "appears more than once");
            }
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new InvalidPayloadException(key, "is required");
        }
        return value;
    }

    private static Optional<Integer> count(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.matches("\\d{1,4}")) {
            throw new InvalidPayloadException(key, "must be a number of parts, was '" + InputText.echo(value) + "'");
        }
        return Optional.of(Integer.parseInt(value));
    }

    private static Optional<LocalDateTime> date(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value.matches("\\d{10}")) {
                return Optional.of(LocalDateTime.parse(value, MINUTES));
            }
            if (value.matches("\\d{12}")) {
                return Optional.of(LocalDateTime.parse(value, SECONDS));
            }
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException(key, "is not a valid date: '" + InputText.echo(value) + "'", e);
        }
        throw new InvalidPayloadException(key, "must be YYMMDDhhmm or YYMMDDhhmmss, was '" + InputText.echo(value) + "'");
    }
}
