package io.retentioncenter.core.internal;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Renders {@code {{name}}} placeholders. The rule for a missing or blank variable: a fallback written
 * in the placeholder, {@code {{firstName|there}}}, is used; without one the placeholder becomes the
 * empty string and a space left doubled by it is collapsed. Values (never the template) are passed
 * through an escaper, HTML escaping for email bodies. Names are case-sensitive; whitespace inside
 * the braces is ignored.
 */
public final class ScriptRenderer {
    private static final Pattern REPEATED_SPACES = Pattern.compile(" {2,}");

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

    /**
     * Replaces the placeholders from left to right (the grammar of the class comment: a name of
     * letters, digits, {@code _} and {@code .}, optional whitespace around it, an optional fallback
     * after {@code |}); two opening braces that start no placeholder are plain text.
     */
    private static String render(String template, Map<String, String> variables, UnaryOperator<String> escaper) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        boolean removedAny = false;
        int copied = 0;
        int open = template.indexOf("{{");
        while (open >= 0) {
            Placeholder p = Placeholder.at(template, open);
            if (p == null) {
                open = template.indexOf("{{", open + 1);
                continue;
            }
            String value = variables.get(template.substring(p.nameStart(), p.nameEnd()));
            if (value == null || value.isBlank()) {
                value = p.fallbackStart() < 0 ? "" : template.substring(p.fallbackStart(), p.fallbackEnd()).trim();
            }
            removedAny |= value.isEmpty();
            out.append(template, copied, open).append(escaper.apply(value));
            copied = p.end();
            open = template.indexOf("{{", copied);
        }
        out.append(template, copied, template.length());
        String rendered = out.toString();
        return removedAny ? REPEATED_SPACES.matcher(rendered).replaceAll(" ").replace(" ,", ",").replace(" !", "!")
                : rendered;
    }

    /** Where a placeholder's name and fallback (-1 when none) lie, and the index after its closing braces. */
    private record Placeholder(int nameStart, int nameEnd, int fallbackStart, int fallbackEnd, int end) {
        /** The placeholder whose opening braces are at {@code open}, or null when none starts there. */
        static Placeholder at(String t, int open) {
            int i = skipSpaces(t, open + 2);
            int nameStart = i;
            while (i < t.length() && isNameChar(t.charAt(i))) {
                i++;
            }
            int nameEnd = i;
            if (nameEnd == nameStart) {
                return null;
            }
            i = skipSpaces(t, i);
            int fallbackStart = -1;
            int fallbackEnd = -1;
            if (i < t.length() && t.charAt(i) == '|') {
                fallbackStart = i + 1;
                i = t.indexOf('}', fallbackStart);
                if (i < 0) {
                    return null;
                }
                fallbackEnd = i;
            }
            return t.startsWith("}}", i) ? new Placeholder(nameStart, nameEnd, fallbackStart, fallbackEnd, i + 2) : null;
        }

        private static int skipSpaces(String t, int from) {
            int i = from;
            while (i < t.length() && isSpace(t.charAt(i))) {
                i++;
            }
            return i;
        }

        /** The characters of regex {@code \s}. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
        }

        private static boolean isNameChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
        }
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
