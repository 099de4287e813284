package io.retentioncenter.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.internal.Require;

/** Connection pools for hosts that have none: HikariCP configured the way the store expects. */
public final class DataSources {
    private DataSources() {
    }

    /**
     * A HikariCP pool for {@code jdbcUrl} with at most {@code maxPoolSize} connections, in auto-commit
     * mode at READ COMMITTED (the isolation the store's units of work are written for). For PostgreSQL
     * it also turns on batched-insert rewriting and keeps row values (emails, phones) out of server
     * error messages. Close it when the store is no longer used.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://db:5432/app} or {@code jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1}
     * @param user database user, or null when the URL or the driver supplies it
     * @param password the user's password, or null
     * @param maxPoolSize maximum number of connections, positive
     * @throws StoreException when the pool cannot open its first connection; transient when the
     *     database was unreachable (not when it refused the credentials)
     */
    public static HikariDataSource pooled(String jdbcUrl, String user, String password, int maxPoolSize) {
        String url = Require.text(jdbcUrl, "jdbcUrl");
        Require.positive(maxPoolSize, "maxPoolSize");
        HikariConfig config = new HikariConfig();
        config.setPoolName("retention-center");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (url.startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open a connection pool to " + withoutParameters(url), e,
                    SqlStates.isTransient(e));
        }
    }

    /** The URL up to its parameters, which may carry credentials. */
    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int end = query < 0 ? semicolon : semicolon < 0 ? query : Math.min(query, semicolon);
        return end < 0 ? url : url.substring(0, end);
    }
}
