package io.retentioncenter.channels.sms;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.spi.OutboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** Test data shared by the SMS tests. */
public final class TestMessages {
    /** The fixture's message text. */
    public static final String FIXTURE_TEXT =
            "Maria, your spring bonus is waiting: https://ex.co/b/7Qx. Reply STOP to opt out";

    private TestMessages() {
    }

    /** An SMS attempt to {@code recipient} with {@code body}. */
    public static OutboundMessage sms(String recipient, String body) {
        return new OutboundMessage("att_1", "enr_1:step_1:0", "lead_1", "cmp_1", Channel.SMS, recipient,
                Optional.of("Maria"), Optional.empty(), Optional.empty(), body, Map.of(), Map.of(), Optional.empty());
    }

    /** The bytes of a fixture under {@code src/test/resources/fixtures}. */
    public static byte[] fixture(String name) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
