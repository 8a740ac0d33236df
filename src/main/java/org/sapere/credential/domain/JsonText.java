package org.sapere.credential.domain;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/** JSON text in and out of jakarta.json objects: pretty for people, and tolerant of anything a visitor uploads. */
public final class JsonText {

    private static final jakarta.json.JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private JsonText() {}

    public static String pretty(JsonObject object) {
        var out = new StringWriter();
        try (var writer = PRETTY.createWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString().strip() + "\n";
    }

    /** The object the text holds; empty when it is not JSON or not an object. */
    public static Optional<JsonObject> object(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return Optional.of(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
