package org.opencrm.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonTest {
    enum Gender { MALE, FEMALE }

    record Person(String name, Gender gender, LocalDate birthday) {
    }

    private final ObjectMapper mapper = Json.newMapper();

    private InvalidInputException fail(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Person.class));
        return Json.toInvalidInput(e);
    }

    @Test
    void unknownEnumNamesFieldAndAllowedValues() {
        InvalidInputException e = fail("{\"name\":\"x\",\"gender\":\"OTHER\"}");
        assertEquals("gender", e.field());
        assertTrue(e.getMessage().contains("MALE"), e.getMessage());
        // and says it with the platform's key, so that the caller's language can word it
        assertEquals("notOneOf", e.messageKey());
        assertEquals(java.util.List.of("OTHER", "[MALE, FEMALE]"), java.util.List.of(e.messageArgs()));
    }

    @Test
    void everyBindingRefusalHasAMessageKey() {
        assertEquals("notADate", fail("{\"birthday\":\"1990-13-45\"}").messageKey());
        InvalidInputException unknown = fail("{\"nickname\":\"x\"}");
        assertEquals("unknownField", unknown.messageKey());
        assertEquals("nickname", unknown.messageArgs()[0]);
        assertEquals("malformedJson", fail("{\"name\":").messageKey());
        assertEquals("malformedJson", fail("[1, 2]").messageKey());
    }

    @Test
    void badDateAndUnknownFieldAndMalformed() {
        assertEquals("birthday", fail("{\"birthday\":\"1990-13-45\"}").field());
        assertEquals("nickname", fail("{\"nickname\":\"x\"}").field());
        assertEquals("body", fail("{\"name\":").field());
    }

    @Test
    void errorsNameNoJavaType() {
        InvalidInputException e = fail("[1, 2]");
        assertEquals("body", e.field());
        assertTrue(!e.getMessage().contains("org.opencrm") && !e.getMessage().contains("JsonTest") && !e.getMessage().contains("JsonToken"), e.getMessage());
        assertTrue(e.getMessage().contains("an object") && e.getMessage().contains("an array"), e.getMessage());
        assertEquals("expected a whole number, got a text", Json.clean("expected `java.lang.Long`, got `JsonToken.VALUE_STRING`"));
    }

    @Test
    void writesIsoDates() throws Exception {
        assertEquals("{\"name\":\"Li\",\"gender\":\"MALE\",\"birthday\":\"1990-01-02\"}",
                mapper.writeValueAsString(new Person("Li", Gender.MALE, LocalDate.of(1990, 1, 2))));
    }
}
