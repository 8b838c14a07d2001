package org.opencrm.platform.rest.internal;

import java.util.stream.Collectors;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.rest.ApiError;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The API's JSON conventions: camelCase, ISO-8601 dates, unknown fields rejected, errors naming the field. */
final class Json {
    private Json() {
    }

    static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    private static final ObjectMapper REFUSALS = newMapper();

    /**
     * A refusal's body as JSON text, for the filters and the error mapper: CXF writes a String with a provider of its own,
     * while an ApiError object needs this API's JSON provider, which a request during a start could find missing from the
     * application the JAX-RS whiteboard was rebuilding (2 of some 120 requests answered 500, "No message body writer has
     * been found for class ApiError").
     */
    static String text(ApiError error) {
        try {
            return REFUSALS.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a refusal: " + e.getMessage(), e);
        }
    }

    /** Turns a Jackson failure into a 400 that names the field and says what was wrong, without internals. */
    static InvalidInputException toInvalidInput(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            // with the platform's message keys (and their values), so that a caller asking for Chinese reads Chinese
            if (e instanceof UnrecognizedPropertyException u) {
                return new InvalidInputException(field, "unknown field '" + u.getPropertyName() + "'", "unknownField", u.getPropertyName());
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
                String allowed = java.util.Arrays.toString(f.getTargetType().getEnumConstants());
                return new InvalidInputException(field, "'" + f.getValue() + "' is not one of " + allowed, "notOneOf", String.valueOf(f.getValue()), allowed);
            } else if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.LocalDate.class) {
                return new InvalidInputException(field, "'" + f.getValue() + "' is not a valid date (yyyy-MM-dd)", "notADate", String.valueOf(f.getValue()));
            } else if (e instanceof InvalidFormatException f) {
                return new InvalidInputException(field, "'" + f.getValue() + "' is not a valid " + simpleName(f.getTargetType()), "invalidValue",
                        String.valueOf(f.getValue()));
            }
            String message = "invalid value" + (m.getOriginalMessage() != null ? ": " + clean(firstLine(m.getOriginalMessage())) : "");
            return new InvalidInputException(field, message, "invalidField");
        }
        return new InvalidInputException("body", "malformed JSON: " + clean(firstLine(e.getOriginalMessage())), "malformedJson");
    }

    private static final java.util.regex.Pattern QUOTED_NAME = java.util.regex.Pattern.compile("`([\\w.$]+)`");

    /**
     * Jackson names the Java types it wanted ("Cannot deserialize value of type `org.opencrm...internal.dto.ContactData`
     * from Array value (token `JsonToken.START_ARRAY`)"): the client is told what JSON was expected, not our classes.
     */
    static String clean(String message) {
        java.util.regex.Matcher m = QUOTED_NAME.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String simple = name.substring(name.lastIndexOf('.') + 1).replace("$", "");
            String plain = switch (simple) {
                case "START_ARRAY" -> "an array";
                case "START_OBJECT" -> "an object";
                case "VALUE_STRING" -> "a text";
                case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "a number";
                case "VALUE_TRUE", "VALUE_FALSE" -> "true or false";
                case "VALUE_NULL" -> "null";
                case "Long", "long", "Integer", "int", "Short", "short" -> "a whole number";
                case "BigDecimal", "Double", "double", "Float", "float" -> "a decimal number";
                case "Boolean", "boolean" -> "true or false";
                case "String" -> "a text";
                case "LocalDate" -> "a date (yyyy-MM-dd)";
                case "Instant", "OffsetDateTime" -> "a timestamp (ISO-8601)";
                case "List", "ArrayList", "Set", "HashSet", "Collection" -> "a list";
                default -> "an object";
            };
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(plain));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (yyyy-MM-dd)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO-8601)";
            case "Long", "long", "Integer", "int" -> "whole number";
            case "BigDecimal" -> "decimal number";
            default -> type.getSimpleName();
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
