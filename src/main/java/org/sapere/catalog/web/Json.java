package org.sapere.catalog.web;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON for embedding in an HTML {@code <script>} element: besides JSON's own escapes, {@code <}, {@code >},
 * {@code &} and the line separators are written as {@code \\uXXXX}, so no stored text can close the element.
 */
final class Json {

    private Json() {}

    /** Maps (insertion order kept), lists, strings, numbers, booleans; null values are left out of objects. */
    static String write(Object value) {
        var out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case Map<?, ?> map -> {
                out.append('{');
                var first = true;
                for (var entry : map.entrySet()) {
                    if (entry.getValue() == null) {
                        continue;
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (var i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            case Number number -> out.append(number);
            case Boolean bool -> out.append(bool);
            default -> string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (var i = 0; i < s.length(); i++) {
            var c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
