package io.retentioncenter.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver protocol, spoken over plain HTTP:
 * open a page, read the browser's console log, take a screenshot. Found on the PATH (or at
 * {@code RC_CHROMEDRIVER} and {@code RC_CHROMIUM}); {@link #find()} is empty when it is not installed.
 * Shared by the browser tests of several modules through retention-core's test-jar.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf"; // the W3C element key
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final String base;
    private final String session;

    private HeadlessChromium(Path chromedriver, Path chromium) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitReady();
        Map<String, Object> options = Map.of("binary", chromium.toString(), "args", List.of("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--window-size=1100,4200"));
        JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome", "goog:chromeOptions", options,
                "goog:loggingPrefs", Map.of("browser", "ALL")))));
        session = created.path("value").path("sessionId").asText();
    }

    /**
     * A started browser; when chromedriver or Chromium is not installed the calling test is skipped,
     * or fails when the environment variable {@code RC_REQUIRE_BROWSER} is {@code true} (as in CI).
     */
    public static HeadlessChromium startOrSkip() throws IOException, InterruptedException {
        Optional<HeadlessChromium> found = find();
        if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("RC_REQUIRE_BROWSER"))) {
            throw new AssertionError("RC_REQUIRE_BROWSER=true but chromedriver or chromium is not installed");
        }
        Assumptions.assumeTrue(found.isPresent(), "chromedriver and chromium are not installed");
        return found.get();
    }

    /** A started browser, or empty when chromedriver or Chromium is not installed. */
    private static Optional<HeadlessChromium> find() throws IOException, InterruptedException {
        Optional<Path> chromedriver = executable("RC_CHROMEDRIVER", "chromedriver");
        Optional<Path> chromium = executable("RC_CHROMIUM", "chromium").or(() -> executable("", "chromium-browser"));
        if (chromedriver.isEmpty() || chromium.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HeadlessChromium(chromedriver.get(), chromium.get()));
    }

    /** Opens the file {@code page}. */
    public void open(Path page) throws IOException, InterruptedException {
        open(page.toUri());
    }

    /** Opens {@code page} and waits until it has loaded (not for the fetches its scripts start). */
    public void open(URI page) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", Map.of("url", page.toString()));
    }

    /**
     * Runs {@code script} (a function body; {@code arguments} holds {@code args}) in the page and
     * returns its result as JSON.
     */
    public JsonNode script(String script, Object... args) throws IOException, InterruptedException {
        return call("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of(args)))
                .path("value");
    }

    /** Types {@code text} into the element matched by the CSS {@code selector}, as a user would. */
    public void type(String selector, String text) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/element/" + element(selector) + "/value", Map.of("text", text));
    }

    /** Makes the frame matched by the CSS {@code selector} the one that scripts and element look-ups see. */
    public void enterFrame(String selector) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/frame", Map.of("id", Map.of(ELEMENT, element(selector))));
    }

    /** Makes the top-level page the one that scripts and element look-ups see again. */
    public void leaveFrames() throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/frame", Map.of("id", JSON.nullNode()));
    }

    /** Clicks the element matched by the CSS {@code selector}. */
    public void click(String selector) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/element/" + element(selector) + "/click", Map.of());
    }

    /** The browser console entries since the last call, as {@code LEVEL message}. */
    public List<String> consoleLog() throws IOException, InterruptedException {
        JsonNode entries = call("POST", "/session/" + session + "/se/log", Map.of("type", "browser")).path("value");
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.path("level").asText() + " " + e.path("message").asText()));
        return lines;
    }

    /** A PNG screenshot of the window. */
    public byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null)
                .path("value").asText());
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // the driver is stopped below either way
        } finally {
            driver.destroy();
        }
    }

    private String element(String selector) throws IOException, InterruptedException {
        JsonNode found = call("POST", "/session/" + session + "/element",
                Map.of("using", "css selector", "value", selector)).path("value");
        return found.path(ELEMENT).asText();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (call("GET", "/status", null).path("value").path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException | IllegalStateException notYet) {
                // chromedriver is still starting
            }
            Thread.sleep(100);
        }
        driver.destroy();
        throw new IllegalStateException("chromedriver did not start within " + START_TIMEOUT);
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static Optional<Path> executable(String variable, String name) {
        String configured = variable.isEmpty() ? null : System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
