package io.retentioncenter.channels.vapi;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** How a VAPI HMAC credential encodes the signature it sends. */
public enum SignatureEncoding {
    /** Lower-case hexadecimal (VAPI's default); compared case-insensitively. */
    HEX {
        @Override
        String fromHex(String hex) {
            return hex;
        }

        @Override
        String canonical(String presented) {
            return presented.toLowerCase(Locale.ROOT);
        }
    },
    /** Standard Base64 with padding. */
    BASE64 {
        @Override
        String fromHex(String hex) {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        }

        @Override
        String canonical(String presented) {
            return presented;
        }
    };

    /** The signature given as lower-case hex, in this encoding. */
    abstract String fromHex(String hex);

    /** A presented signature normalized for comparison. */
    abstract String canonical(String presented);
}
