package io.retentioncenter.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.internal.ScriptRenderer;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScriptRendererTest {
    @Test
    void rendersVariablesAndFallbacks() {
        assertThat(ScriptRenderer.render("Hi {{firstName}}, {{ offer }}!", Map.of("firstName", "Ana", "offer", "20% off")))
                .isEqualTo("Hi Ana, 20% off!");
        assertThat(ScriptRenderer.render("Hi {{firstName|there}}!", Map.of())).isEqualTo("Hi there!");
    }

    @Test
    void missingVariableWithoutFallbackBecomesEmptyAndSpacingIsRepaired() {
        assertThat(ScriptRenderer.render("Hi {{firstName}}, welcome", Map.of())).isEqualTo("Hi, welcome");
        assertThat(ScriptRenderer.render("Dear {{firstName}} {{lastName}} team", Map.of("lastName", "Ruiz")))
                .isEqualTo("Dear Ruiz team");
    }

    @Test
    void htmlEscapesValuesNotTheTemplate() {
        assertThat(ScriptRenderer.renderHtml("<p>Hi {{firstName}}</p>", Map.of("firstName", "<script>&\"'")))
                .isEqualTo("<p>Hi &lt;script&gt;&amp;&quot;&#39;</p>");
    }

    @Test
    void dollarSignsAndBackslashesInValuesAreLiteral() {
        assertThat(ScriptRenderer.render("Pay {{amount}}", Map.of("amount", "$5 \\ 1"))).isEqualTo("Pay $5 \\ 1");
    }

    @Test
    void bracesThatStartNoPlaceholderStayText() {
        assertThat(ScriptRenderer.render("{{{a}} {{ }} {{a|x} {{b |  y }}}", Map.of("a", "1")))
                .isEqualTo("{1 {{ }} {{a|x} y}");
        assertThat(ScriptRenderer.render("{{a}", Map.of("a", "1"))).isEqualTo("{{a}");
    }

    @Test
    void readsPlaceholdersAsThePlaceholderGrammarDoes() {
        // the grammar of the class comment as a regular expression, applied to random templates
        Pattern grammar = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*(?:\\|([^}]*))?}}");
        Map<String, String> vars = Map.of("a", "1", "b.c", "", "d_2", "<x>");
        String alphabet = "{{}}|ab.cd_2 \t\n!,x";
        Random random = new Random(14);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder t = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                t.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String template = t.toString();
            assertThat(ScriptRenderer.render(template, vars)).as(template).isEqualTo(byGrammar(grammar, template, vars));
        }
    }

    private static String byGrammar(Pattern grammar, String template, Map<String, String> vars) {
        Matcher m = grammar.matcher(template);
        StringBuilder out = new StringBuilder();
        boolean removedAny = false;
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null || value.isBlank()) {
                value = m.group(2) == null ? "" : m.group(2).trim();
            }
            removedAny |= value.isEmpty();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String rendered = out.toString();
        return removedAny ? rendered.replaceAll(" {2,}", " ").replace(" ,", ",").replace(" !", "!") : rendered;
    }
}
