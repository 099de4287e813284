package io.retentioncenter.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.internal.ScriptRenderer;
import java.util.Map;
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
}
