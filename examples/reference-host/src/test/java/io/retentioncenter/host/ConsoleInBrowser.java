package io.retentioncenter.host;

import static io.retentioncenter.host.ReferenceHostFlow.created;
import static io.retentioncenter.host.ReferenceHostFlow.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.testkit.HeadlessChromium;
import io.retentioncenter.core.testkit.ScreenshotPixels;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The operator console in headless Chromium against the running host: every page renders without a
 * browser console error, the leads search finds a lead by name (and not another one), and the
 * Learning page's screenshot is not blank. Run inside {@link ReferenceHostFlow}'s Spring context.
 */
final class ConsoleInBrowser {
    private static final Duration RENDER_WAIT = Duration.ofSeconds(30);
    private static final int CONSOLE_BACKGROUND = 0xF6F7F9;
    private static final int WHITE = 0xFFFFFF;

    private final HttpJson api;
    private final String base;
    private final String apiKey;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    ConsoleInBrowser(HttpJson api, int port, String apiKey) {
        this.api = api;
        this.base = "http://127.0.0.1:" + port + "/";
        this.apiKey = apiKey;
    }

    void pagesSearchAndLearning(HeadlessChromium browser) throws Exception {
        String wanted = lead("Wanda", "Browser" + tag);
        lead("Otto", "Other" + tag);

        browser.open(URI.create(base));
        assertThat(text(browser, "main")).contains("enter it above");
        noConsoleErrors(browser, "before the key");
        browser.type("#key", apiKey);
        browser.click("#key-form button");
        awaitHeading(browser, "Leads");

        browser.type("#search-text", "browser" + tag);
        browser.click("#lead-search button");
        awaitTrue(browser, "the search shows Wanda and not Otto", "const t = document.querySelector('main table');"
                + " return !!t && t.textContent.includes('Browser" + tag + "') && !t.textContent.includes('Other" + tag
                + "');");
        assertThat(browser.script("return location.hash;").asText()).contains("text=browser" + tag);
        noConsoleErrors(browser, "leads search");

        page(browser, "lead/" + wanted, "Lead " + wanted);
        page(browser, "sequences", "Sequences");
        page(browser, "dashboard", "Dashboard");
        page(browser, "conversions", "Conversions");
        page(browser, "health", "Health: UP");
        page(browser, "learning", "Learning");
        awaitTrue(browser, "the report frame", "const f = document.getElementById('learning-report');"
                + " return !!f && f.srcdoc.includes('Learning report');");
        browser.enterFrame("#learning-report");
        assertThat(browser.script("const s = document.querySelector('style');"
                + " return !!s && !!s.sheet && s.sheet.cssRules.length > 0;").asBoolean())
                .as("the report's style block applies under the console's CSP").isTrue();
        browser.leaveFrames();
        byte[] png = browser.screenshot();
        Path shot = Path.of("target", "console-learning.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);
        noConsoleErrors(browser, "learning");

        ScreenshotPixels pixels = ScreenshotPixels.of(png, CONSOLE_BACKGROUND, WHITE);
        assertThat(pixels.distinctColours()).as("distinct colours in " + shot).isGreaterThan(20);
        assertThat(pixels.drawnShare()).as("share of drawn pixels in " + shot).isGreaterThan(0.01);
    }

    /**
     * The console's CSP admits the Learning report's one style block by its hash: the hash in
     * index.html must be that of the style the host renders.
     */
    static void cspAdmitsTheReportStyle(HttpJson api, HttpJson anonymous) throws NoSuchAlgorithmException {
        String html = api.get("/api/learning/report.html").raw();
        String style = html.substring(html.indexOf("<style>") + "<style>".length(), html.indexOf("</style>"));
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8))) + "'";
        assertThat(anonymous.get("/").raw()).as("index.html's style-src admits the report's style").contains(hash);
    }

    private void page(HeadlessChromium browser, String hash, String heading) throws Exception {
        browser.open(URI.create(base + "#" + hash));
        awaitHeading(browser, heading);
        noConsoleErrors(browser, hash);
    }

    private String lead(String first, String last) {
        return created(api.post("/api/leads", "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last
                + "\",\"email\":\"" + first.toLowerCase() + "." + tag + "@example.com\"}")).at("/lead/id").asText();
    }

    private static void awaitHeading(HeadlessChromium browser, String heading) throws Exception {
        awaitTrue(browser, "the heading " + heading, "const h = document.querySelector('main h1');"
                + " return !!h && h.textContent === arguments[0];", heading);
    }

    /** Polls {@code script} until it returns true; fails with the page's text after {@link #RENDER_WAIT}. */
    private static void awaitTrue(HeadlessChromium browser, String what, String script, Object... args)
            throws Exception {
        long deadline = System.nanoTime() + RENDER_WAIT.toNanos();
        while (!browser.script(script, args).asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + RENDER_WAIT + "; the page shows: "
                        + text(browser, "main") + "; console: " + browser.consoleLog());
            }
            Thread.sleep(100);
        }
    }

    private static String text(HeadlessChromium browser, String selector) throws Exception {
        return browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';",
                selector).asText();
    }

    private static void noConsoleErrors(HeadlessChromium browser, String page) throws Exception {
        List<String> errors = browser.consoleLog().stream().filter(line -> line.startsWith("SEVERE")).toList();
        assertThat(errors).as("browser console errors on " + page).isEmpty();
    }
}
