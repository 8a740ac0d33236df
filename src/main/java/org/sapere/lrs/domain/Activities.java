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
        var definitions = new TreeMap<String, String>();
        for (var statement : statements) {
            collect(statement.get("object"), definitions);
            var object = statement.get("object");
            if (object.path("objectType").asString("").equals("SubStatement")) {
                collect(object.get("object"), definitions);
            }
        }
        return new Definitions(
                definitions.keySet().toArray(String[]::new),
                definitions.values().toArray(String[]::new));
    }

    /** Adds an activity's definition, merged over an earlier one of the same batch. */
    private static void collect(JsonNode object, TreeMap<String, String> definitions) {
        if (object.path("objectType").asString("Activity").equals("Activity") && object.has("definition")) {
            var id = object.get("id").asString();
            var definition = (ObjectNode) object.get("definition").deepCopy();
            var earlier = definitions.get(id);
            if (earlier != null) {
                var merged = (ObjectNode) Json.parse(earlier);
                for (var map : new String[] {"name", "description"}) {
                    if (merged.get(map) instanceof ObjectNode old && definition.get(map) instanceof ObjectNode added) {
                        old.setAll(added);
                        definition.set(map, old);
                    }
                }
                merged.setAll(definition);
                definition = merged;
            }
            definitions.put(id, Json.MAPPER.writeValueAsString(definition));
        }
    }

    public Optional<JsonNode> definition(String id) {
        return jdbc.sql("SELECT definition::text FROM lrs.activity WHERE id = ?")
                .param(id)
                .query((rs, i) -> Json.parse(rs.getString(1)))
                .optional();
    }
}
