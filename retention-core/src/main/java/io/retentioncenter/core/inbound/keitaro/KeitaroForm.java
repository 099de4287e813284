package io.retentioncenter.core.inbound.keitaro;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.InputText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes a query string or {@code application/x-www-form-urlencoded} body, strictly. */
final class KeitaroForm {
    private KeitaroForm() {
    }

    /**
     * The parameters in order; a leading {@code ?} is skipped, {@code +} is a space, a name without
     * {@code =} has an empty value.
     *
     * @throws InvalidPayloadException when empty, a name is blank or repeated, a %-escape is malformed, or
     *     there are more than {@code maxParams} parameters (checked before decoding them)
     */
    static Map<String, String> decode(String encoded, int maxParams) {
        String text = encoded.strip();
        if (text.startsWith("?")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw new InvalidPayloadException("body", "is empty");
        }
        String[] pairs = text.split("&");
        long count = java.util.Arrays.stream(pairs).filter(p -> !p.isEmpty()).count();
        if (count > maxParams) {
            throw new InvalidPayloadException("params", "has " + count + " parameters, at most " + maxParams);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodePart(eq < 0 ? pair : pair.substring(0, eq), "body");
            if (name.isBlank()) {
                throw new InvalidPayloadException("body", "has a parameter without a name");
            }
            String value = decodePart(eq < 0 ? "" : pair.substring(eq + 1), InputText.echo(name));
            if (params.putIfAbsent(name, value) != null) {
                throw new InvalidPayloadException(InputText.echo(name), "is repeated");
            }
        }
        return params;
    }

    private static String decodePart(String part, String field) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(field, "has a malformed %-escape", e);
        }
    }
}
