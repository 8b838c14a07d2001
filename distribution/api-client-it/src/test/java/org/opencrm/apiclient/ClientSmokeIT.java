package org.opencrm.apiclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencrm.client.ApiClient;
import org.opencrm.client.ApiException;
import org.opencrm.client.api.ContactsApi;
import org.opencrm.client.api.ModulesApi;
import org.opencrm.client.api.OpenapiApi;
import org.opencrm.client.api.SampleNotesApi;
import org.opencrm.client.model.ApiError;
import org.opencrm.client.model.ContactData;
import org.opencrm.client.model.ModuleInfo;
import org.opencrm.client.model.PageContactData;
import org.opencrm.client.model.SampleNotesData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Java client that openapi-generator made from the served document (target/generated-client), compiled with this
 * test, against the distribution that served it (started by {@link ServedDistribution}, with the shipped modules
 * enabled): the typed methods, models, 201/204 answers and the error body work as the document says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientSmokeIT {
    private static ApiClient client;
    private static ContactsApi contacts;
    private static String mobile;
    private static ContactData created;

    @BeforeAll
    static void connect() throws Exception {
        Properties served = new Properties();
        try (var in = Files.newInputStream(Path.of(System.getProperty("crm.served", "target/served.properties")))) {
            served.load(in);
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ServedDistribution.PASSWORD).getBytes(StandardCharsets.UTF_8));
        client = new ApiClient();
        client.updateBaseUri(served.getProperty("baseUrl") + "/api/v1");
        client.setRequestInterceptor(request -> request.header("Authorization", auth));
        contacts = new ContactsApi(client);
        mobile = "139" + String.format("%08d", System.currentTimeMillis() % 100_000_000L);
    }

    @Test
    @Order(1)
    void createsAContactAnd201CarriesTheTypedRecord() throws Exception {
        var answer = contacts.createContactWithHttpInfo(new ContactData().name("客户端 冒烟").mobile(mobile).city("深圳市").tags(List.of("api-client")));
        assertEquals(201, answer.getStatusCode());
        created = answer.getData();
        assertNotNull(created.getId());
        assertEquals(mobile, created.getMobile());
        assertEquals(ContactData.StatusEnum.ACTIVE, created.getStatus());
        assertNotNull(created.getCreatedAt(), "an ISO-8601 timestamp, read as a date-time");
        assertNotNull(created.getVersion());
    }

    @Test
    @Order(2)
    void findsItBySearch() throws Exception {
        PageContactData page = contacts.listContacts(mobile, 0, 10, null, "api-client");
        assertEquals(1L, page.getTotal());
        assertEquals(created.getId(), page.getItems().get(0).getId());
        assertEquals("客户端 冒烟", page.getItems().get(0).getName());
    }

    @Test
    @Order(3)
    void updatesWithItsVersionAndA409ForAStaleOne() throws Exception {
        ContactData read = contacts.getContact(created.getId());
        ContactData updated = contacts.updateContact(read.getId(), read.city("广州市"));
        assertEquals("广州市", updated.getCity());
        assertTrue(updated.getVersion() > read.getVersion(), "the version moves on");

        // the version read before the update is stale now
        ApiException stale = assertThrows(ApiException.class, () -> contacts.updateContact(read.getId(), read.city("北京市")));
        assertEquals(409, stale.getCode());
        ApiError error = client.getObjectMapper().readValue(stale.getResponseBody(), ApiError.class);
        assertEquals("version", error.getField());
        assertEquals("广州市", contacts.getContact(created.getId()).getCity(), "the rejected update changed nothing");
    }

    @Test
    @Order(4)
    void errorsAre400NamingTheFieldAnd404() throws Exception {
        ApiException invalid = assertThrows(ApiException.class, () -> contacts.createContact(new ContactData().name("无效").mobile("1234")));
        assertEquals(400, invalid.getCode());
        assertEquals("mobile", client.getObjectMapper().readValue(invalid.getResponseBody(), ApiError.class).getField());
        ApiException missing = assertThrows(ApiException.class, () -> contacts.getContact(987_654_321L));
        assertEquals(404, missing.getCode());
    }

    @Test
    @Order(5)
    void aModuleEndpointThroughItsOwnGeneratedApi() throws Exception {
        ModuleInfo module = new ModulesApi(client).getModule("sample-notes");
        assertEquals(ModuleInfo.StateEnum.ACTIVE, module.getState());
        SampleNotesApi notes = new SampleNotesApi(client);
        // sample-notes is what the archetype generates: its DTO is SampleNotesData, its operations <verb>SampleNotes
        SampleNotesData note = notes.createSampleNotes(new SampleNotesData().contactId(created.getId()).title("从生成的客户端")
                .amount(new java.math.BigDecimal("9.90")));
        assertNotNull(note.getId());
        assertEquals(1L, notes.listContactSampleNotes(created.getId(), null, null).getTotal());
    }

    @Test
    @Order(6)
    void deletesWithItsVersionAnd204() throws Exception {
        ContactData other = contacts.createContact(new ContactData().name("待删除").mobile("138" + mobile.substring(3)));
        var answer = contacts.deleteContactWithHttpInfo(other.getId(), other.getVersion());
        assertEquals(204, answer.getStatusCode());
    }

    /** The client was generated from the document this build saved; the running distribution serves the same operations. */
    @Test
    @Order(7)
    void theServedDocumentIsTheOneTheClientWasGeneratedFrom() throws Exception {
        JsonNode generatedFrom = new ObjectMapper().readTree(Files.readString(Path.of(System.getProperty("crm.openapi"))));
        Object served = new OpenapiApi(client).getOpenApiDocument();
        JsonNode now = new ObjectMapper().valueToTree(served);
        assertEquals(operationIds(generatedFrom), operationIds(now));
        assertEquals(generatedFrom.at("/components/schemas").size(), now.at("/components/schemas").size());
    }

    private static Map<String, List<String>> operationIds(JsonNode doc) {
        var out = new java.util.TreeMap<String, List<String>>();
        doc.path("paths").fields().forEachRemaining(p -> out.put(p.getKey(), p.getValue().findValuesAsText("operationId").stream().sorted().toList()));
        return out;
    }
}
