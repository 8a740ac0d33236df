package org.sapere.assessment.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.qti.QtiItemReader;

/** What a QTI import did: how many items came in, or why none did (every refused item with its reason). */
public record ImportReport(
        int imported,
        List<QtiItemReader.Unsupported> unsupported,
        List<QtiItemReader.Warning> warnings,
        @Nullable String problem,
        @Nullable Object detail) {

    static ImportReport refused(String key, Object detail) {
        return new ImportReport(0, List.of(), List.of(), key, detail);
    }
}
