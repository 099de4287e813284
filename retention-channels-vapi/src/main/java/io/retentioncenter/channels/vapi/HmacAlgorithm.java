package io.retentioncenter.channels.vapi;

/** The HMAC algorithms a VAPI HMAC credential can sign with. */
public enum HmacAlgorithm {
    /** HMAC-SHA256 ({@code sha256}). */
    SHA256("HmacSHA256"),
    /** HMAC-SHA512 ({@code sha512}). */
    SHA512("HmacSHA512"),
    /** HMAC-SHA1 ({@code sha1}); weak, accepted only because VAPI offers it. */
    SHA1("HmacSHA1");

    private final String jcaName;

    HmacAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The JCA {@code Mac} algorithm name. */
    String jcaName() {
        return jcaName;
    }
}
