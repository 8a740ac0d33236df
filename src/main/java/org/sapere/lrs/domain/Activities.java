package org.sapere.lrs.domain;

import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The definition of each activity that statements carried, later ones merged over earlier (language maps per language). */
@Repository
public class Activities {

    private final JdbcClient jdbc;

    Activities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The activity definitions of a batch, as parallel arrays sorted by id, for {@link Statements#insert}. */
    record Definitions(String[] ids, String[] json) {}

    /**
     * The definitions the statements carry, two of one activity merged as the database merges a later one into a
     * stored one ({@code lrs.merge_definition}). Sorted, so that concurrent batches lock rows in one order.
     */
    static Definitions definitions(Iterable<? extends JsonNode> statements) {
        var definitions = new TreeMap<String, ObjectNode>();
        for (var statement : statements) {
            collect(statement.get("object"), definitions);
            var object = statement.get("object");
            if (object.path("objectType").asString("").equals("SubStatement")) {
                collect(object.get("object"), definitions);
            }
        }
        return new Definitions(
                definitions.keySet().toArray(String[]::new),
                definitions.values().stream()
                        .map(Json.MAPPER::writeValueAsString)
                        .toArray(String[]::new));
    }

    /**
     * Adds an activity's definition, merged over an earlier one of the same batch. The statements' own nodes are
     * not changed: a merge works on a copy, and the usual case, the same definition again, costs a comparison.
     */
    private static void collect(JsonNode object, TreeMap<String, ObjectNode> definitions) {
        if (!object.path("objectType").asString("Activity").equals("Activity")
                || !(object.get("definition") instanceof ObjectNode definition)) {
            return;
        }
        var id = object.get("id").asString();
        var earlier = definitions.get(id);
        if (earlier == null) {
            definitions.put(id, definition);
        } else if (!earlier.equals(definition)) {
            var merged = earlier.deepCopy();
            var added = definition.deepCopy();
            for (var map : new String[] {"name", "description"}) {
                if (merged.get(map) instanceof ObjectNode old && added.get(map) instanceof ObjectNode later) {
                    old.setAll(later);
                    added.set(map, old);
                }
            }
            merged.setAll(added);
            definitions.put(id, merged);
        }
    }

    public Optional<JsonNode> definition(String id) {
        return jdbc.sql("SELECT definition::text FROM lrs.activity WHERE id = ?")
                .param(id)
                .query((rs, i) -> Json.parse(rs.getString(1)))
                .optional();
    }
}
