package io.retentioncenter.core.internal;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code {{name}}} placeholders. The rule for a missing or blank variable: a fallback written
 * in the placeholder, {@code {{firstName|there}}}, is used; without one the placeholder becomes the
 * empty string and a space left doubled by it is collapsed. Values (never the template) are passed
 * through an escaper, HTML escaping for email bodies. Names are case-sensitive; whitespace inside
 * the braces is ignored.
 */
public final class ScriptRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*(?:\\|([^}]*))?}}");

    private ScriptRenderer() {
    }

    /** Renders {@code template} with {@code variables}, values unescaped (SMS, subjects, calls). */
    public static String render(String template, Map<String, String> variables) {
        return render(template, variables, UnaryOperator.identity());
    }

    /** Renders {@code template} with values HTML-escaped (email bodies). */
    public static String renderHtml(String template, Map<String, String> variables) {
        return render(template, variables, ScriptRenderer::escapeHtml);
    }

    private static String render(String template, Map<String, String> variables, UnaryOperator<String> escaper) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        boolean removedAny = false;
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null || value.isBlank()) {
                value = m.group(2) == null ? "" : m.group(2).trim();
            }
            removedAny |= value.isEmpty();
            m.appendReplacement(out, Matcher.quoteReplacement(escaper.apply(value)));
        }
        m.appendTail(out);
        String rendered = out.toString();
        return removedAny ? rendered.replaceAll(" {2,}", " ").replace(" ,", ",").replace(" !", "!") : rendered;
    }

    /** Escapes the five HTML special characters. */
    public static String escapeHtml(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
