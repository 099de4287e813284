package io.retentioncenter.host.config;

import io.retentioncenter.core.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the API key of the management routes: {@code retention.api-key} (env
 * {@code RETENTION_API_KEY}) when set; otherwise, outside the {@code prod} profile, a random key kept
 * in {@code retention.api-key-file} (created owner-readable only on first start, reused after). The
 * key itself is never logged. Under the {@code prod} profile an unset key stops the start-up.
 */
final class ApiKeys {
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final int MIN_LENGTH = 16;

    private ApiKeys() {
    }

    static String resolve(RetentionProperties properties, boolean production) {
        var configured = RetentionProperties.given(properties.apiKey());
        if (configured.isPresent()) {
            if (configured.get().length() < MIN_LENGTH) {
                throw new ConfigurationException("retention.api-key must have at least " + MIN_LENGTH + " characters");
            }
            return configured.get();
        }
        if (production) {
            throw new ConfigurationException("retention.api-key (env RETENTION_API_KEY) must be set under the prod profile");
        }
        return fromFile(properties.apiKeyFile());
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (key.length() >= MIN_LENGTH) {
                    log.warn("retention.api-key is not set: using the generated key in {}; set RETENTION_API_KEY to"
                            + " choose one", file.toAbsolutePath());
                    return key;
                }
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            restrict(file);
            log.warn("retention.api-key is not set: generated a random key into {} (owner-readable only); set"
                    + " RETENTION_API_KEY to choose one", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated API key in " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("cannot restrict the permissions of {} on this file system", file);
        }
    }
}
