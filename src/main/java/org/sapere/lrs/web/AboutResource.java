package org.sapere.lrs.web;

import java.util.Set;
import org.sapere.lrs.domain.Activities;
import org.sapere.lrs.domain.Agents;
import org.sapere.lrs.domain.Json;
import org.sapere.lrs.domain.Values;
import org.sapere.lrs.domain.XapiException;
import org.springframework.stereotype.Component;

/** The about (public), activities and agents resources (Communication 2.4, 2.5, 2.7). */
@Component
class AboutResource {

    private final Activities activities;

    AboutResource(Activities activities) {
        this.activities = activities;
    }

    XapiResponse about(XapiRequest request) {
        readOnly(request);
        var about = Json.MAPPER.createObjectNode();
        about.putArray("version").add("1.0.3").add("1.0.2").add("1.0.1").add("1.0.0");
        about.putObject("extensions");
        return XapiResponse.json(about);
    }

    XapiResponse activity(XapiRequest request) {
        readOnly(request);
        request.allowOnly(Set.of("activityId"));
        var id = request.required("activityId");
        if (!Values.isIri(id)) {
            throw XapiException.badRequest("activityId must be an IRI");
        }
        var activity = Json.MAPPER.createObjectNode();
        activity.put("objectType", "Activity");
        activity.put("id", id);
        activities.definition(id).ifPresent(d -> activity.set("definition", d));
        return XapiResponse.json(activity);
    }

    /** The Person object of an agent: what the store knows of them, here the one identity it was asked about. */
    XapiResponse agent(XapiRequest request) {
        readOnly(request);
        request.allowOnly(Set.of("agent"));
        var agent = Json.parse(request.required("agent"));
        Agents.validate(agent, "agent");
        var person = Json.MAPPER.createObjectNode();
        person.put("objectType", "Person");
        for (var property : new String[] {"name", "mbox", "mbox_sha1sum", "openid", "account"}) {
            if (agent.has(property)) {
                person.putArray(property).add(agent.get(property));
            }
        }
        return XapiResponse.json(person);
    }

    private static void readOnly(XapiRequest request) {
        if (!request.isRead()) {
            throw new XapiException(405, "this resource is read-only");
        }
    }
}
