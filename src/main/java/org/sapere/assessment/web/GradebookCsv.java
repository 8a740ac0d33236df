package org.sapere.assessment.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The gradebook as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled), in UTF-8 with a byte order mark so that Excel reads accents right. A text that a
 * spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe: a learner named "=HYPERLINK(…)" stays a name.
 */
final class GradebookCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);

    GradebookCsv() {
        out.writeBytes(BOM);
    }

    /** Adds one record. */
    GradebookCsv row(List<String> fields) {
        var line = new StringBuilder();
        for (var field : fields) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(field(field));
        }
        line.append("\r\n");
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A field neutralised against formulas, then quoted if it must be. */
    static String field(String value) {
        var text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** A percent as a spreadsheet reads it everywhere: two decimals, a point, no sign ("66.67"); empty for none. */
    static String number(@Nullable BigDecimal percent) {
        return percent == null ? "" : percent.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static List<String> fields(String... first) {
        return new ArrayList<>(List.of(first));
    }
}
