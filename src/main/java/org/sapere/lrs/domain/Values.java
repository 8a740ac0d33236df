package org.sapere.lrs.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The xAPI value types: IRIs, UUIDs, timestamps, durations, language maps, with the checks the spec asks for. */
public final class Values {

    private static final Pattern IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+$");
    private static final Pattern UUID_FORM =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    // ISO 8601 date-time with a zone offset (Z or ±hh[:mm]), the form xAPI timestamps take.
    private static final Pattern TIMESTAMP =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)$");
    private static final Pattern DURATION =
            Pattern.compile("^P(?:(\\d+(?:\\.\\d+)?Y)?(\\d+(?:\\.\\d+)?M)?(\\d+(?:\\.\\d+)?D)?"
                    + "(?:T(\\d+(?:\\.\\d+)?H)?(\\d+(?:\\.\\d+)?M)?(\\d+(?:\\.\\d+)?S)?)?|\\d+(?:\\.\\d+)?W)$");
    private static final Pattern LANGUAGE_TAG = Pattern.compile(
            "^(?:[a-zA-Z]{2,3}(?:-[a-zA-Z]{3}){0,3}|[a-zA-Z]{4,8})(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|\\d{3}))?"
                    + "(?:-(?:[a-zA-Z0-9]{5,8}|\\d[a-zA-Z0-9]{3}))*(?:-[0-9a-wy-zA-WY-Z](?:-[a-zA-Z0-9]{2,8})+)*"
                    + "(?:-x(?:-[a-zA-Z0-9]{1,8})+)?$|^x(?:-[a-zA-Z0-9]{1,8})+$");
    private static final Pattern HOURS_ONLY = Pattern.compile(".*[+-]\\d{2}$");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern NO_SECONDS = Pattern.compile("^[^T]+T\\d{2}:\\d{2}(Z|[+-].*)$");
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC)
            .withLocale(Locale.ROOT);

    private Values() {}

    public static boolean isIri(String value) {
        return IRI.matcher(value).matches();
    }

    public static boolean isUuid(String value) {
        return UUID_FORM.matcher(value).matches();
    }

    public static boolean isLanguageTag(String value) {
        return LANGUAGE_TAG.matcher(value).matches();
    }

    public static boolean isDuration(String value) {
        return !value.equals("P")
                && !value.endsWith("T")
                && DURATION.matcher(value).matches();
    }

    /** Parses an ISO 8601 timestamp with a time zone, or refuses it. */
    public static Instant parseTimestamp(String value) {
        if (!TIMESTAMP.matcher(value).matches()) {
            throw XapiException.badRequest("not an ISO 8601 timestamp with a time zone: " + value);
        }
        var normal = HOURS_ONLY.matcher(value).matches()
                ? value + ":00"
                : COMPACT_OFFSET.matcher(value).replaceAll("$1:$2");
        if (NO_SECONDS.matcher(normal).matches()) {
            normal = normal.substring(0, 16) + ":00" + normal.substring(16);
        }
        try {
            var parsed = OffsetDateTime.parse(normal, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (value.endsWith("-00:00") || value.endsWith("-0000") || value.endsWith("-00")) {
                throw XapiException.badRequest("the offset -00:00 is not allowed: " + value);
            }
            return parsed.toInstant();
        } catch (DateTimeParseException e) {
            throw XapiException.badRequest("not a valid timestamp: " + value);
        }
    }

    public static String format(Instant instant) {
        return STORED.format(instant);
    }

    public static UUID uuid(String value, String name) {
        if (!isUuid(value)) {
            throw XapiException.badRequest(name + " is not a UUID: " + value);
        }
        return UUID.fromString(value);
    }

    public static String text(JsonNode node, String path) {
        if (!node.isString()) {
            throw XapiException.badRequest(path + " must be a string");
        }
        return node.stringValue();
    }

    public static String iri(JsonNode node, String path) {
        var value = text(node, path);
        if (!isIri(value)) {
            throw XapiException.badRequest(path + " must be an IRI: " + value);
        }
        return value;
    }

    public static void languageMap(JsonNode node, String path) {
        if (!node.isObject()) {
            throw XapiException.badRequest(path + " must be a language map");
        }
        for (var entry : node.properties()) {
            if (!isLanguageTag(entry.getKey())) {
                throw XapiException.badRequest(path + " has an invalid language tag: " + entry.getKey());
            }
            text(entry.getValue(), path + "." + entry.getKey());
        }
    }

    public static void extensions(JsonNode node, String path) {
        if (!node.isObject()) {
            throw XapiException.badRequest(path + " must be an object");
        }
        for (var key : node.propertyNames()) {
            if (!isIri(key)) {
                throw XapiException.badRequest(path + " keys must be IRIs: " + key);
            }
        }
    }
}
