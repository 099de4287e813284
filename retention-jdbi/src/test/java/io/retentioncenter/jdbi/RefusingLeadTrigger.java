package io.retentioncenter.jdbi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger on {@code rc_lead} that rejects the insert of a lead with one email ({@link #refuse}). */
public final class RefusingLeadTrigger implements Trigger {
    private static volatile String refused = "";
    private int emailColumn = -1;

    /** The email whose insert fails from now on. */
    static void refuse(String email) {
        refused = email;
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        try (ResultSet columns = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase("email")) {
                    emailColumn = columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (refused.equals(newRow[emailColumn])) {
            throw new SQLException("lead refused by the test", "45000");
        }
    }
}
