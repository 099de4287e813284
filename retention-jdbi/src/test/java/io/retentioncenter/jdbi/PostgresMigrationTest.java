package io.retentioncenter.jdbi;

/** {@link MigrationBehaviour} on PostgreSQL. */
class PostgresMigrationTest extends MigrationBehaviour {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
