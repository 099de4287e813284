package io.retentioncenter.jdbi;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over a pool that counts the connections it hands out and, when armed, loses the
 * acknowledgement of the next commit: the commit takes effect in the database, then the caller gets
 * an SQLState 08006 (connection failure), as when a connection dies between commit and answer.
 */
final class AckLosingDataSource implements DataSource {
    private final DataSource pool;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean loseNextAck = new AtomicBoolean();

    AckLosingDataSource(DataSource pool) {
        this.pool = pool;
    }

    /** Makes the next commit take effect but fail towards the caller. */
    void loseNextCommitAcknowledgement() {
        loseNextAck.set(true);
    }

    /** Connections handed out so far. */
    int connectionsHandedOut() {
        return connections.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        connections.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("commit") && loseNextAck.getAndSet(false)) {
                        throw new SQLException("simulated loss of the connection after commit", "08006");
                    }
                    return result;
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials are fixed");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
