package io.retentioncenter.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures and constant-time comparison for webhook authenticity checks. */
public final class Signatures {
    private Signatures() {
    }

    /** Lower-case hex HMAC-SHA256 of {@code data} with {@code secret}. */
    public static String hmacSha256Hex(String secret, byte[] data) {
        return hmacHex("HmacSHA256", secret, data);
    }

    /** Lower-case hex HMAC of {@code data} with {@code secret} for a JCA algorithm such as {@code HmacSHA512}. */
    public static String hmacHex(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC unavailable: " + algorithm, e);
        }
    }

    /** Compares two strings in time independent of where they differ; null never equals. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
