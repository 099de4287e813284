package io.retentioncenter.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a lost connection means for the pool's others: after a restart, a failover or a network cut
 * the idle connections are dead too, and a retry could be handed one of them. On a HikariCP pool
 * (also behind a wrapper that unwraps to it) they are evicted, so the retry gets a new connection;
 * connections in use are replaced when they are returned. Other pools are left to validate their own.
 */
final class LostConnections {
    private static final Logger LOG = LoggerFactory.getLogger(LostConnections.class);

    private final HikariDataSource hikari;

    private LostConnections(HikariDataSource hikari) {
        this.hikari = hikari;
    }

    /** The policy for {@code dataSource}'s pool. */
    static LostConnections of(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return new LostConnections(dataSource.unwrap(HikariDataSource.class));
            }
        } catch (SQLException e) {
            LOG.debug("cannot tell whether the data source is a HikariCP pool", e);
        }
        return new LostConnections(null);
    }

    /** Called when a connection of the pool was lost: evicts the pool's idle connections. */
    void evictIdle() {
        HikariPoolMXBean pool = hikari == null ? null : hikari.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }
}
