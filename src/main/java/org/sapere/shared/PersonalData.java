package org.sapere.shared;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A module's share of "download my data" (GDPR art. 15 and 20). Every table that refers to a person is either
 * exported by some module's {@code PersonalData} or listed, with a reason, as exempt in the completeness test.
 */
public interface PersonalData {

    /** The section name in the export, e.g. "enrolments". */
    String section();

    /** The tables ({@code schema.table}) whose rows about the person this section contains. */
    Set<String> tables();

    /** Everything this module holds about the person, as JSON-ready maps, lists and values. */
    Object export(UUID account, String email);

    /** Helper for modules: one row as an ordered map. */
    static Map<String, Object> row(Map<String, Object> columns) {
        return new java.util.LinkedHashMap<>(columns);
    }
}
