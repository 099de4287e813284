package io.retentioncenter.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
    @TempDir
    Path dir;

    @Test
    void aConfiguredKeyIsUsedWhenLongEnough() {
        assertThat(ApiKeys.resolve(properties("configured-key-0123456789"), true)).isEqualTo("configured-key-0123456789");
        assertThatThrownBy(() -> ApiKeys.resolve(properties("short"), false))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 16");
    }

    @Test
    void productionRefusesToStartWithoutAKey() {
        assertThatThrownBy(() -> ApiKeys.resolve(properties(null), true))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RETENTION_API_KEY");
        assertThat(dir.resolve("data/api-key")).doesNotExist();
    }

    @Test
    void elsewhereAKeyIsGeneratedOwnerReadableAndKeptAcrossRestarts() throws IOException {
        String first = ApiKeys.resolve(properties(""), false);
        Path file = dir.resolve("data/api-key");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ApiKeys.resolve(properties(null), false)).isEqualTo(first);
    }

    private RetentionProperties properties(String apiKey) {
        return new RetentionProperties(apiKey, dir.resolve("data/api-key"), null, null, "US", null, null, null, null,
                null, null, null, null);
    }
}
