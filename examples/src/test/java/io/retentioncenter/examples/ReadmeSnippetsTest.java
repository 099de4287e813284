package io.retentioncenter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's code is the examples' code: the in-memory snippet is {@link QuickStart} to the letter
 * (from its imports on), and every line of the production wiring stands, in order, in
 * {@link EmbeddingExample}. No README links outside the repository's own files.
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path EXAMPLES = Path.of("src/main/java/io/retentioncenter/examples");

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        int from = 0;
        while ((from = markdown.indexOf("```java\n", from)) >= 0) {
            int end = markdown.indexOf("```", from + 8);
            blocks.add(markdown.substring(from + 8, end));
            from = end + 3;
        }
        return blocks;
    }

    @Test
    void theInMemorySnippetIsQuickStartAsPasted() throws IOException {
        String quickStart = Files.readString(EXAMPLES.resolve("QuickStart.java"));
        String fromImports = quickStart.substring(quickStart.indexOf("import "));

        assertThat(javaBlocks(Files.readString(ROOT.resolve("README.md")))).contains(fromImports);
    }

    @Test
    void theProductionWiringStandsInTheEmbeddingExample() throws IOException {
        String example = Files.readString(EXAMPLES.resolve("EmbeddingExample.java"));
        String wiring = javaBlocks(Files.readString(ROOT.resolve("README.md"))).stream()
                .filter(b -> b.contains("RetentionEngine.builder()") && b.contains("metaWebhooks")).findFirst()
                .orElseThrow();
        int at = 0;
        for (String line : wiring.strip().split("\n")) {
            if (line.strip().startsWith("//")) {
                continue;
            }
            int found = example.indexOf(line.strip(), at);
            assertThat(found).as("README line in EmbeddingExample, in order: %s", line).isGreaterThanOrEqualTo(0);
            at = found;
        }
    }

    @Test
    void noReadmeLinksOutsideTheRepository() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            for (Path readme : files.filter(p -> p.getFileName().toString().equals("README.md")).toList()) {
                assertThat(Files.readString(readme)).as(readme.toString()).doesNotContain("../shared")
                        .doesNotContain("shared/design").doesNotContain("PROVIDERS.md").doesNotContain("STATISTICS.md")
                        .doesNotContain("ARCHITECTURE.md");
            }
        }
    }
}
