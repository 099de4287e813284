package io.retentioncenter.jdbi;

/** {@link MigrationBehaviour} on H2 in memory. */
class H2MigrationTest extends MigrationBehaviour {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
