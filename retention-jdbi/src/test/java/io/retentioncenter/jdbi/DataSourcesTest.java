package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.ValidationException;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The HikariCP helper: pool settings, an unreachable database, bad arguments. */
class DataSourcesTest {

    @Test
    void aPoolHandsOutAutoCommitReadCommittedConnections() throws Exception {
        try (HikariDataSource pool = DataSources.pooled("jdbc:h2:mem:pooled_test", "sa", "", 3);
                Connection connection = pool.getConnection()) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Test
    void anUnreachableDatabaseIsAStoreExceptionThatHidesTheUrlParameters() {
        assertThatThrownBy(() -> DataSources.pooled("jdbc:postgresql://127.0.0.1:1/app?password=secret", "app",
                "secret", 2))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/app")
                .hasMessageNotContaining("secret")
                .hasCauseInstanceOf(RuntimeException.class);
    }

    @Test
    void badArgumentsNameTheirField() {
        assertThatThrownBy(() -> DataSources.pooled(" ", "sa", "", 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("jdbcUrl"));
        assertThatThrownBy(() -> DataSources.pooled("jdbc:h2:mem:x", "sa", "", 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxPoolSize"));
    }
}
