package io.retentioncenter.jdbi;

import io.retentioncenter.core.spi.RetentionStore;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestDatabase} per test class, opened before its first test and closed (dropped) with the
 * class; register as an instance field with {@code @RegisterExtension} in a class that extends a
 * core contract and hand {@link #emptyStore()} to its {@code newStore()}.
 */
final class OpenDatabase implements BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenDatabase.class);

    private final Supplier<TestDatabase> opener;
    private TestDatabase db;

    private OpenDatabase(Supplier<TestDatabase> opener) {
        this.opener = opener;
    }

    /** An H2 database per class. */
    static OpenDatabase h2() {
        return new OpenDatabase(TestDatabase::h2);
    }

    /** A PostgreSQL database per class. */
    static OpenDatabase postgres() {
        return new OpenDatabase(TestDatabase::postgres);
    }

    /** Opens the class's database on its first test; the class's store closes it after the last one. */
    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext classContext = context.getParent().orElseThrow();
        db = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(classContext.getUniqueId(), k -> opener.get(),
                TestDatabase.class);
    }

    /** An empty store on the class's database. */
    RetentionStore emptyStore() {
        return db.emptyStore();
    }

    /** Runs statements on the class's database (see {@link TestDatabase#execute}). */
    void execute(java.util.List<String> statements) {
        db.execute(statements);
    }

    /** Qualified name of a store table for plain SQL. */
    String table(String name) {
        return db.table(name);
    }

    /** Another store on the class's database, on its own pool of {@code poolSize}: another engine instance. */
    RetentionStore anotherStore(int poolSize) {
        return db.storeOn(db.pool(poolSize));
    }
}
