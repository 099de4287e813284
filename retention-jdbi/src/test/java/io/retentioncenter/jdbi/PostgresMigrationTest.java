package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MigrationBehaviour} on PostgreSQL, and the storage options only PostgreSQL has. */
class PostgresMigrationTest extends MigrationBehaviour {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void theWrittenTablesLeaveRoomInTheirPagesForUpdatesThatWriteNoIndexEntries() {
        String schema = newSchema();

        JdbiRetentionStore.builder().dataSource(database().pool(2)).schema(schema).build();

        List<String> options = new ArrayList<>();
        query("SELECT c.relname || ' ' || array_to_string(c.reloptions, ',') FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.reloptions IS NOT NULL",
                rs -> options.add(rs.getString(1)));
        assertThat(options).containsExactlyInAnyOrder("rc_enrollment fillfactor=50", "rc_lead fillfactor=80",
                "rc_attempt fillfactor=80");
    }
}
