package io.retentioncenter.jdbi;

/** {@link StoreBehaviour} on PostgreSQL, in a schema of its own. */
class PostgresStoreBehaviourTest extends StoreBehaviour {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
