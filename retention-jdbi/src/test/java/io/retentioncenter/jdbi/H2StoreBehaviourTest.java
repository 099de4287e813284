package io.retentioncenter.jdbi;

/** {@link StoreBehaviour} on H2 in memory. */
class H2StoreBehaviourTest extends StoreBehaviour {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
