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

    void remember(Iterable<? extends JsonNode> statements) {
        var definitions = new TreeMap<String, String>(); // sorted: concurrent batches lock rows in one order
        for (var statement : statements) {
            collect(statement.get("object"), definitions);
            var object = statement.get("object");
            if (object.path("objectType").asString("").equals("SubStatement")) {
                collect(object.get("object"), definitions);
            }
        }
        if (definitions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO lrs.activity (id, definition)
                SELECT * FROM unnest(?::text[], ?::text[]::jsonb[])
                ON CONFLICT (id) DO UPDATE SET definition = lrs.activity.definition || excluded.definition
                    || CASE WHEN (lrs.activity.definition -> 'name') IS NOT NULL OR (excluded.definition -> 'name') IS NOT NULL
                       THEN jsonb_build_object('name', coalesce(lrs.activity.definition -> 'name', '{}')
                                                       || coalesce(excluded.definition -> 'name', '{}'))
                       ELSE '{}' END
                    || CASE WHEN (lrs.activity.definition -> 'description') IS NOT NULL OR (excluded.definition -> 'description') IS NOT NULL
                       THEN jsonb_build_object('description', coalesce(lrs.activity.definition -> 'description', '{}')
                                                       || coalesce(excluded.definition -> 'description', '{}'))
                       ELSE '{}' END""")
                .param(definitions.keySet().toArray(String[]::new))
                .param(definitions.values().toArray(String[]::new))
                .update();
    }

    /** Adds an activity's definition; two in one batch merge as the database merges a later one (below). */
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
