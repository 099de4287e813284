package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.EngineHistory.hour;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.testkit.HeadlessChromium;
import io.retentioncenter.core.testkit.ScreenshotPixels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML and JSON forms of a report over an engine-made week: two campaigns, an A/B test, sales
 * over several days, opt-outs. The HTML is also opened in headless Chromium (skipped when it is not
 * installed, unless {@code RC_REQUIRE_BROWSER=true}): no console message, and a screenshot that is
 * not blank. The page and the screenshot are kept in {@code target/} for a look.
 */
class ReportRenderingTest {
    private static LearningReport report;

    @BeforeAll
    static void week() {
        EngineHistory h = new EngineHistory();
        Campaign spring = h.campaign("Spring <offer> & more");
        h.abTest(spring, "Hi, your spring offer is here. Save 20 today.",
                "Hi, your spring offer is here. And save 20 for your first order.");
        RetentionSequence nurture = h.sequence(spring, "Spring nurture", Optional.empty());
        Campaign autumn = h.campaign("Autumn");
        h.script(autumn, "Autumn is here. Claim your gift.");
        RetentionSequence gift = h.sequence(autumn, "Autumn gift", Optional.empty());
        for (int day = 0; day < 5; day++) {
            List<String> springLeads = h.enroll(hour(day * 24 + 9 + day), nurture, 60);
            List<String> autumnLeads = h.enroll(hour(day * 24 + 14), gift, 40);
            h.optOut(hour(day * 24 + 16), autumnLeads.subList(0, 6));
            h.sell(hour(day * 24 + 18), springLeads.subList(0, 8 + day));
            h.sell(hour(day * 24 + 20), autumnLeads.subList(6, 12));
        }
        report = h.report(hour(8 * 24), Duration.ofDays(2));
    }

    @Test
    void htmlIsSelfContainedWithPicturesAndEscapedText() throws Exception {
        String html = report.toHtml();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Send-time heatmap", "confidence sequence",
                "Leaderboard", "Attribution. Last touch within 2d", "Spring &lt;offer&gt; &amp; more")
                .doesNotContain("<script", "<img", "<link rel=\"stylesheet\"", "https://", "@import", "url(")
                .doesNotContain("Spring <offer>");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
        Path page = Path.of("target", "learning-report.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, html);
    }

    @Test
    void jsonCarriesEveryRecordWithIsoTimesAndNulls() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.toJson());

        assertThat(json.path("attribution").path("window").asText()).isEqualTo("PT48H");
        assertThat(json.path("query").path("from").asText()).isEqualTo("2026-01-05T00:00:00Z");
        assertThat(json.path("leaderboard")).hasSize(2);
        assertThat(json.path("sequences").get(0).path("timeToConversion").path("curve")).hasSize(24);
        assertThat(json.path("heatmap").path("cells")).hasSize(168);
        assertThat(json.path("abTests").get(0).path("comparisons").get(0).path("trajectory"))
                .hasSize(AbTestReporter.LOOKS + 1);
        assertThat(json.path("overview").path("countedLeads").path("trials").asLong())
                .isEqualTo(report.overview().countedLeads().trials());
        assertThat(report.toJson()).doesNotContain("NaN", "Infinity");
    }

    @Test
    void thePageLoadsInHeadlessChromiumWithoutConsoleMessagesAndIsNotBlank() throws Exception {
        Path page = Path.of("target", "learning-report-browser.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, report.toHtml());
        try (HeadlessChromium browser = HeadlessChromium.startOrSkip()) {
            browser.open(page);
            List<String> console = browser.consoleLog();
            byte[] png = browser.screenshot();
            Files.write(Path.of("target", "learning-report.png"), png);

            assertThat(console).as("console messages").isEmpty();
            ScreenshotPixels pixels = ScreenshotPixels.of(png, 0xFFFFFF, 0xFAFBFC);
            assertThat(pixels.width()).isGreaterThan(500);
            assertThat(pixels.distinctColours()).as("distinct colours in the screenshot").isGreaterThan(20);
            assertThat(pixels.drawnShare()).as("share of drawn pixels").isGreaterThan(0.02);
        }
    }
}
