package org.sapere.lrs.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the filters of a query look for in a statement: its agents and activities, direct and related. */
final class StatementIndex {

    final List<String> agents = new ArrayList<>();
    final List<String> relatedAgents = new ArrayList<>();
    final List<String> activities = new ArrayList<>();
    final List<String> relatedActivities = new ArrayList<>();

    private StatementIndex() {}

    static Statements.Row row(UUID id, JsonNode statement, String json) {
        var index = new StatementIndex();
        index.collect(statement, true);
        if (statement.has("authority")) {
            index.agent(statement.get("authority"), false);
        }
        var object = statement.get("object");
        var target = object.path("objectType").asString("").equals("StatementRef")
                ? UUID.fromString(object.get("id").asString())
                : null;
        var registration = statement.path("context").path("registration").asString(null);
        return new Statements.Row(
                id,
                statement.path("verb").path("id").asString(),
                registration == null ? null : UUID.fromString(registration),
                target,
                json,
                index.agents,
                index.relatedAgents,
                index.activities,
                index.relatedActivities);
    }

    private void collect(JsonNode statement, boolean direct) {
        agent(statement.get("actor"), direct);
        var object = statement.get("object");
        switch (object.path("objectType").asString("Activity")) {
            case "Activity" ->
                (direct ? activities : relatedActivities).add(object.get("id").asString());
            case "Agent", "Group" -> agent(object, direct);
            case "SubStatement" -> collect(object, false);
            default -> {}
        }
        var context = statement.path("context");
        if (context.has("instructor")) {
            agent(context.get("instructor"), false);
        }
        if (context.has("team")) {
            agent(context.get("team"), false);
        }
        for (var list : context.path("contextActivities").values()) {
            if (list.isArray()) {
                list.forEach(a -> relatedActivities.add(a.get("id").asString()));
            } else {
                relatedActivities.add(list.get("id").asString());
            }
        }
    }

    private void agent(@Nullable JsonNode agent, boolean direct) {
        if (agent == null) {
            return;
        }
        var key = Agents.key(agent);
        if (key != null) {
            (direct ? agents : relatedAgents).add(key);
        }
        for (var member : agent.path("member").values()) {
            var memberKey = Agents.key(member);
            if (memberKey != null) {
                relatedAgents.add(memberKey);
            }
        }
    }
}
