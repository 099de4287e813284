package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.spi.FactSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** A store failing during either of the two scans that run at the same time fails the report with its exception. */
class ReportStoreFailureTest {

    private static FactSource failingIn(FactSource store, String scan) {
        return (FactSource) Proxy.newProxyInstance(FactSource.class.getClassLoader(), new Class<?>[] {FactSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals(scan)) {
                        throw new StoreException("database gone during " + scan);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static LearningReports reports(FactSource store) {
        return LearningReports.builder().store(store).clock(java.time.Clock.fixed(hour(48), java.time.ZoneOffset.UTC))
                .build();
    }

    @Test
    void aFailingExecutionScanFailsTheReport() {
        Facts facts = new Facts();
        facts.campaign("c");
        LearningReports reports = reports(failingIn(facts.store, "scanExecutionFacts"));

        assertThatThrownBy(() -> reports.report(ReportQuery.between(hour(0), hour(48)).build()))
                .isInstanceOf(StoreException.class).hasMessageContaining("scanExecutionFacts");
    }

    @Test
    void aFailingAttemptScanFailsTheReportAfterTheOtherScanEnds() {
        Facts facts = new Facts();
        facts.campaign("c");
        LearningReports reports = reports(failingIn(facts.store, "scanAttemptFacts"));

        assertThatThrownBy(() -> reports.report(ReportQuery.between(hour(0), hour(48)).build()))
                .isInstanceOf(StoreException.class).hasMessageContaining("scanAttemptFacts");
    }
}
