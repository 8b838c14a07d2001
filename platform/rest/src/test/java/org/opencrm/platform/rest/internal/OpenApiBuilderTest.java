package org.opencrm.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ApiSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


class OpenApiBuilderTest {
    enum Colour { RED, GREEN }

    @ApiSchema(required = { "name" })
    record Thing(Long id, String name, Colour colour, LocalDate madeOn, Instant createdAt, BigDecimal price, List<String> tags,
            long version) {
    }

    /** Same simple name as Thing in another "module": must not overwrite it. */
    static class Other {
        record Thing(String label) {
        }
    }

    record Holder(Other.Thing other) {
    }

    @Path("things")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ThingResource {
        @GET
        @ApiDoc("listThings")
        public Page<Thing> list(@QueryParam("q") String q, @QueryParam("offset") Integer offset, @QueryParam("limit") @DefaultValue("50") Integer limit,
                @Context SecurityContext sc) {
            return null;
        }

        @GET
        @Path("{id:\\d+}")
        @ApiDoc(value = "getThing", summary = "One thing")
        public Thing get(@PathParam("id") long id) {
            return null;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @ApiDoc(value = "createThing", status = 201, returns = Thing.class)
        public Response create(Thing body, @Context SecurityContext sc) {
            return null;
        }

        @DELETE
        @Path("{id:\\d+}")
        @ApiDoc(value = "deleteThing", status = 204)
        public Response delete(@PathParam("id") long id, @QueryParam("version") Long version) {
            return null;
        }

        @POST
        @Path("import")
        @Consumes("text/csv")
        @ApiDoc(value = "importThings")
        public Map<String, Integer> importCsv(InputStream csv) {
            return null;
        }

        @GET
        @Path("export")
        @Produces("text/csv; charset=UTF-8")
        @ApiDoc(value = "exportThings", returns = String.class, params = @ApiDoc.Param(name = "colour", type = Colour.class))
        public Response export(@QueryParam("colour") String colour) {
            return null;
        }

        @PUT
        @Path("{code: [A-Z]{2}[0-9]+}/holder")
        public Holder hold(@PathParam("code") String code, Holder body) {
            return null;
        }

        /** A sub-resource locator: not an operation. */
        @Path("{id:\\d+}/sub")
        public Object sub() {
            return null;
        }
    }

    private final JsonNode doc = build();

    private static JsonNode build() {
        var api = new OpenApiBuilder(Json.newMapper()).addResource(ThingResource.class, "/", "things", "Things").build("T", "1", "d");
        return new ObjectMapper().valueToTree(io.swagger.v3.core.util.Json.mapper().convertValue(api, Map.class));
    }

    @Test
    void recordsBecomeComponentsWithTheirComponentNamesTypesAndFormats() {
        JsonNode thing = doc.at("/components/schemas/Thing");
        assertEquals("integer", thing.at("/properties/id/type").asText());
        assertEquals("int64", thing.at("/properties/id/format").asText());
        assertEquals("date", thing.at("/properties/madeOn/format").asText());
        assertEquals("date-time", thing.at("/properties/createdAt/format").asText());
        assertEquals("number", thing.at("/properties/price/type").asText());
        assertEquals("decimal", thing.at("/properties/price/format").asText());
        assertEquals("[\"RED\",\"GREEN\"]", thing.at("/properties/colour/enum").toString());
        assertEquals("[\"name\",\"version\"]", thing.at("/required").toString(), "@ApiSchema's and the primitive ones");
    }

    @Test
    void openApi303() {
        assertEquals("3.0.3", doc.path("openapi").asText());
        assertEquals("basic", doc.at("/components/securitySchemes/basic/scheme").asText());
    }

    @Test
    void listsAreEnvelopesPerItemType() {
        JsonNode page = doc.at("/components/schemas/PageThing");
        assertEquals("#/components/schemas/Thing", page.at("/properties/items/items/$ref").asText());
        assertEquals("[\"items\",\"total\"]", page.at("/required").toString());
        assertEquals("#/components/schemas/PageThing", doc.at("/paths/~1things/get/responses/200/content/application~1json/schema/$ref").asText());
    }

    @Test
    void theErrorBodyIsDeclaredAndReferencedByTheErrorAnswers() {
        assertEquals("[\"error\",\"message\"]", doc.at("/components/schemas/ApiError/required").toString());
        assertEquals("#/components/schemas/ApiError", doc.at("/components/responses/Conflict/content/application~1json/schema/$ref").asText());
        JsonNode put = doc.at("/paths/~1things~1{id}").path("delete").path("responses");
        for (String status : List.of("400", "401", "403", "404", "409")) {
            assertTrue(put.at("/" + status + "/$ref").asText().startsWith("#/components/responses/"), status);
        }
    }

    @Test
    void statusesAsAnswered() {
        assertTrue(doc.at("/paths/~1things/post/responses/201").isObject());
        assertFalse(doc.at("/paths/~1things/post/responses/200").isObject());
        assertEquals("#/components/schemas/Thing", doc.at("/paths/~1things/post/responses/201/content/application~1json/schema/$ref").asText());
        assertTrue(doc.at("/paths/~1things~1{id}/delete/responses/204").isObject());
        assertTrue(doc.at("/paths/~1things~1{id}/delete/responses/204/content").isMissingNode());
    }

    @Test
    void parametersWithTheirRealTypes() {
        JsonNode list = doc.at("/paths/~1things/get/parameters");
        assertEquals(3, list.size(), "the SecurityContext is no parameter");
        assertEquals("limit", list.get(2).path("name").asText());
        assertEquals(50, list.get(2).at("/schema/default").asInt());
        assertEquals("int32", list.get(2).at("/schema/format").asText());
        JsonNode id = doc.at("/paths/~1things~1{id}/get/parameters/0");
        assertEquals("path", id.path("in").asText());
        assertEquals("int64", id.at("/schema/format").asText());
        JsonNode code = doc.at("/paths/~1things~1{code}~1holder/put/parameters/0");
        assertEquals("^[A-Z]{2}[0-9]+$", code.at("/schema/pattern").asText());
        JsonNode colour = doc.at("/paths/~1things~1export/get/parameters/0");
        assertEquals("[\"RED\",\"GREEN\"]", colour.at("/schema/enum").toString());
        JsonNode version = doc.at("/paths/~1things~1{id}/delete/parameters/1");
        assertEquals("version", version.path("name").asText());
    }

    @Test
    void bodiesWithSchemasAndContentTypes() {
        assertEquals("#/components/schemas/Thing", doc.at("/paths/~1things/post/requestBody/content/application~1json/schema/$ref").asText());
        assertTrue(doc.at("/paths/~1things/post/requestBody/required").asBoolean());
        assertEquals("string", doc.at("/paths/~1things~1import/post/requestBody/content/text~1csv/schema/type").asText());
        assertEquals("string", doc.at("/paths/~1things~1export/get/responses/200/content/text~1csv/schema/type").asText());
    }

    @Test
    void operationIdsAndSummaries() {
        assertEquals("listThings", doc.at("/paths/~1things/get/operationId").asText());
        assertEquals("List things", doc.at("/paths/~1things/get/summary").asText());
        assertEquals("One thing", doc.at("/paths/~1things~1{id}/get/summary").asText());
        assertEquals("holdThing", doc.at("/paths/~1things~1{code}~1holder/put/operationId").asText(), "without @ApiDoc: method + class");
        assertTrue(doc.at("/paths/~1things~1{id}~1sub").isMissingNode(), "a sub-resource locator is not an operation");
    }

    @Test
    void twoDtosWithOneSimpleNameKeepBothSchemas() {
        assertTrue(doc.at("/components/schemas/Thing/properties/name").isObject());
        String other = doc.at("/components/schemas/Holder/properties/other/$ref").asText();
        assertEquals("#/components/schemas/RestThing", other);
        assertTrue(doc.at("/components/schemas/RestThing/properties/label").isObject());
    }

    @Test
    void helpers() {
        Map<String, String> regexes = new HashMap<>();
        assertEquals("/contacts/{id}/x/{k}", OpenApiBuilder.template("/contacts/{id: \\d+}/x/{k}", regexes));
        assertEquals("\\d+", regexes.get("id"));
        assertNull(regexes.get("k"));
        assertEquals("Get contact timeline", OpenApiBuilder.words("getContactTimeline"));
        assertEquals("/a/b", OpenApiBuilder.join("/", "a//b/"));
    }
}
