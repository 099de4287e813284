package io.retentioncenter.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A PostgreSQL database of one test (named {@code <prefix>_<random>}, dropped on close) that the test
 * may take down: refuse new connections and terminate the open ones, as in an outage or a failover.
 * Administration runs on a connection to the test database, which the outage does not touch. Skips
 * (or fails, when required) the test like {@link TestDatabase#postgres()} when PostgreSQL is unreachable.
 */
final class OwnDatabase implements AutoCloseable {
    private final String name;
    private final String url;
    private final Connection admin;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private OwnDatabase(String name, String url, Connection admin) {
        this.name = name;
        this.url = url;
        this.admin = admin;
    }

    /** Creates a new, empty database named {@code prefix_<random>}. */
    static OwnDatabase create(String prefix) throws SQLException {
        TestDatabase.requirePostgres();
        String base = TestDatabase.postgresUrl();
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Connection admin = DriverManager.getConnection(base, TestDatabase.postgresUser(),
                TestDatabase.postgresPassword());
        try (Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            admin.close();
            throw e;
        }
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        int query = base.indexOf('?');
        String url = base.substring(0, slash + 1) + name + (query < 0 ? "" : base.substring(query));
        String fastCommits = (url.contains("?") ? "&" : "?") + "options=-c%20synchronous_commit%3Doff";
        return new OwnDatabase(name, url + fastCommits, admin);
    }

    /** The database's name. */
    String name() {
        return name;
    }

    /**
     * A pool from {@link DataSources#pooled} on this database, closed with it, that gives up waiting
     * for a connection after {@code connectionTimeout} (HikariCP's default of 30 s would stall a tick
     * that long during an outage).
     */
    HikariDataSource pool(int size, Duration connectionTimeout) {
        HikariDataSource pool = DataSources.pooled(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword(),
                size);
        pool.setConnectionTimeout(connectionTimeout.toMillis());
        pool.setValidationTimeout(Math.min(1_000, connectionTimeout.toMillis() / 2));
        pools.add(pool);
        return pool;
    }

    /** Lets clients connect again, or refuses every new connection (existing ones stay until terminated). */
    synchronized void allowConnections(boolean allowed) throws SQLException {
        try (Statement alter = admin.createStatement()) {
            alter.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allowed);
        }
    }

    /** Terminates every connection to this database; returns how many there were. */
    synchronized int terminateConnections() throws SQLException {
        int terminated = 0;
        try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            kill.setString(1, name);
            try (ResultSet rs = kill.executeQuery()) {
                while (rs.next()) {
                    terminated += rs.getBoolean(1) ? 1 : 0;
                }
            }
        }
        return terminated;
    }

    /** Closes the pools and drops the database, terminating whatever is still connected. */
    @Override
    public synchronized void close() throws SQLException {
        try {
            pools.forEach(HikariDataSource::close);
            allowConnections(true);
            terminateConnections();
            try (Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } finally {
            admin.close();
        }
    }
}
