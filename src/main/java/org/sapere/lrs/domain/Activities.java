package org.sapere.lrs.domain;

import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

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
                    || CASE WHEN lrs.activity.definition ? 'name' OR excluded.definition ? 'name'
                       THEN jsonb_build_object('name', coalesce(lrs.activity.definition -> 'name', '{}')
                                                       || coalesce(excluded.definition -> 'name', '{}'))
                       ELSE '{}' END
                    || CASE WHEN lrs.activity.definition ? 'description' OR excluded.definition ? 'description'
                       THEN jsonb_build_object('description', coalesce(lrs.activity.definition -> 'description', '{}')
                                                       || coalesce(excluded.definition -> 'description', '{}'))
                       ELSE '{}' END""")
                .param(definitions.keySet().toArray(String[]::new))
                .param(definitions.values().toArray(String[]::new))
                .update();
    }

    private static void collect(JsonNode object, TreeMap<String, String> definitions) {
        if (object.path("objectType").asString("Activity").equals("Activity") && object.has("definition")) {
            definitions.put(object.get("id").asString(), Json.MAPPER.writeValueAsString(object.get("definition")));
        }
    }

    public Optional<JsonNode> definition(String id) {
        return jdbc.sql("SELECT definition::text FROM lrs.activity WHERE id = ?")
                .param(id)
                .query((rs, i) -> Json.parse(rs.getString(1)))
                .optional();
    }
}
