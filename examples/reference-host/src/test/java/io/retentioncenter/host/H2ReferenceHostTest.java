package io.retentioncenter.host;

import io.retentioncenter.core.testkit.HeadlessChromium;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The host flow on an H2 database in memory, and the operator console in headless Chromium (skipped
 * when chromedriver or Chromium is not installed, unless {@code RC_REQUIRE_BROWSER=true}).
 */
class H2ReferenceHostTest extends ReferenceHostFlow {
    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:host_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void consoleWorksInHeadlessChromium() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.startOrSkip()) {
            new ConsoleInBrowser(api, port, API_KEY).pagesSearchAndLearning(browser);
        }
    }

    @Test
    void consoleCspAdmitsTheLearningReportStyle() throws Exception {
        ConsoleInBrowser.cspAdmitsTheReportStyle(api, anonymous);
    }
}
