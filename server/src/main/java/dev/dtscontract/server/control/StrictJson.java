package dev.dtscontract.server.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rule C-INPUT for the control API's small JSON documents (a fault, a clock advance): one object of the keys its schema
 * names, each given once, whose values are strings, whole numbers or booleans as written (never 1.5 taken for 1, never
 * "1" for 1). Every refusal names the line and column.
 */
final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StrictJson() {
    }

    /** The object's values by key: String, Long or Boolean (a JSON null is left out, as if absent). */
    static Map<String, Object> object(String text, Set<String> keys) {
        Map<String, Object> values = new LinkedHashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw at(parser, "the body must be a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String key = parser.currentName();
                if (!keys.contains(key)) {
                    throw at(parser, "unknown key '" + ControlViolation.shown(key) + "'; expected one of " + new TreeSet<>(keys));
                }
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_STRING -> values.put(key, parser.getText());
                    case VALUE_NUMBER_INT -> {
                        if (parser.getNumberType() != JsonParser.NumberType.INT && parser.getNumberType() != JsonParser.NumberType.LONG) {
                            throw at(parser, "'" + key + "' is too large");
                        }
                        values.put(key, parser.getLongValue());
                    }
                    case VALUE_NUMBER_FLOAT -> throw at(parser, "'" + key + "' must be a whole number, not " + parser.getText());
                    case VALUE_TRUE, VALUE_FALSE -> values.put(key, parser.getBooleanValue());
                    case VALUE_NULL -> { }
                    default -> throw at(parser, "'" + key + "' must be a single value");
                }
            }
            if (parser.nextToken() != null) {
                throw at(parser, "only one JSON object may be sent");
            }
        } catch (JsonProcessingException unreadable) {
            JsonLocation where = unreadable.getLocation();
            String problem = unreadable.getOriginalMessage();
            throw positioned("the body is not valid JSON: " + ControlViolation.shown(problem == null ? "unreadable" : problem), where);
        } catch (IOException unreadable) {
            throw ControlViolation.invalidParameter("the body cannot be read as JSON");
        }
        return values;
    }

    /** Whether a JSON text gives a key twice in one object (anything unreadable is left to the caller's reader). */
    static boolean givesAKeyTwice(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return false;
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** A string value, if given. */
    static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value != null && !(value instanceof String)) {
            throw ControlViolation.invalidEntity("'" + key + "' must be a string, not " + value);
        }
        return (String) value;
    }

    /** A whole number within bounds, if given. */
    static Long integer(Map<String, Object> values, String key, long min, long max) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long n)) {
            throw ControlViolation.invalidEntity("'" + key + "' must be a whole number, not " + (value instanceof String ? "a string" : value));
        }
        if (n < min || n > max) {
            throw ControlViolation.invalidEntity("'" + key + "' must be from " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    private static ControlViolation at(JsonParser parser, String problem) {
        return positioned(problem, parser.currentTokenLocation());
    }

    private static ControlViolation positioned(String problem, JsonLocation where) {
        ControlViolation violation = ControlViolation.invalidEntity(problem);
        if (where != null && where.getLineNr() > 0) {
            violation.body().source("request body").line(where.getLineNr()).column(where.getColumnNr());
        }
        return violation;
    }
}
