package io.retentioncenter.host;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The host flow on a PostgreSQL database of its own ({@code rc_host_<random>}, created here and
 * dropped after the class). PostgreSQL is reached at {@code RC_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code RC_PG_USER} (default {@code postgres});
 * when it is unreachable the class is skipped, unless {@code RC_REQUIRE_POSTGRES=true}.
 */
@DirtiesContext
class PostgresReferenceHostTest extends ReferenceHostFlow {
    private static final String DATABASE = "rc_host_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        execute("CREATE DATABASE " + DATABASE);
        String url = adminUrl();
        registry.add("spring.datasource.url", () -> url.substring(0, url.lastIndexOf('/') + 1) + DATABASE);
        registry.add("spring.datasource.username", () -> env("RC_PG_USER", "postgres"));
        registry.add("spring.datasource.password", () -> env("RC_PG_PASSWORD", ""));
    }

    @AfterAll
    static void dropDatabase() {
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        DriverManager.setLoginTimeout(15);
        try (Connection c = DriverManager.getConnection(adminUrl(), env("RC_PG_USER", "postgres"),
                env("RC_PG_PASSWORD", "")); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            String message = "PostgreSQL is unreachable at " + adminUrl() + " (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(env("RC_REQUIRE_POSTGRES", "false"))) {
                fail(message + " and RC_REQUIRE_POSTGRES=true");
            }
            System.err.println("\n*** SKIPPING POSTGRESQL TESTS: " + message + " ***\n");
            Assumptions.abort(message);
        }
    }

    private static String adminUrl() {
        return env("RC_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
