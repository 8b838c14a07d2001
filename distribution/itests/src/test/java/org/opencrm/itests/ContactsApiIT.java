package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The core REST API of a booted distribution: CRUD, validation, search, merge, import/export, auth, OpenAPI. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ContactsApiIT extends CrmTestSupport {

    @Test
    public void contactCrudWithOptimisticLocking() {
        String mobile = newMobile();
        JsonNode created = post("contacts", obj().put("name", "林晓燕").put("mobile", mobile).put("gender", "FEMALE")
                .put("province", "广东省").put("city", "深圳市").put("email", "lin." + mobile + "@example.cn")).expect(201).json();
        long id = created.get("id").asLong();
        assertEquals("林晓燕", created.get("name").asText());
        assertEquals("admin", created.get("createdBy").asText());

        JsonNode read = get("contacts/" + id).expect(200).json();
        assertEquals(mobile, read.get("mobile").asText());
        assertEquals("深圳市", read.get("city").asText());
        assertEquals("the names' division code", "440300", read.get("divisionCode").asText());

        ObjectNode change = ((ObjectNode) read.deepCopy()).put("street", "科技园南路 88 号");
        JsonNode updated = put("contacts/" + id, change).expect(200).json();
        assertEquals("科技园南路 88 号", updated.get("street").asText());
        assertTrue(updated.get("version").asLong() > read.get("version").asLong());

        // a second writer with the old version loses, and says why
        JsonNode stale = put("contacts/" + id, change.put("street", "旧地址")).expect(409).json();
        assertEquals("stale_version", stale.get("error").asText());
        assertEquals("version", stale.get("field").asText());
        assertEquals("科技园南路 88 号", get("contacts/" + id).expect(200).json().get("street").asText());

        // the division code alone sets the names; names that contradict it are refused at their field
        JsonNode moved = put("contacts/" + id, ((ObjectNode) updated.deepCopy()).put("divisionCode", "440305").putNull("province").putNull("city")).expect(200).json();
        assertEquals("广东省 深圳市 南山区", moved.get("province").asText() + " " + moved.get("city").asText() + " " + moved.get("district").asText());
        assertField(put("contacts/" + id, ((ObjectNode) moved.deepCopy()).put("city", "广州市")), 400, "city");
        assertField(put("contacts/" + id, ((ObjectNode) moved.deepCopy()).put("divisionCode", "999999")), 400, "divisionCode");
        JsonNode store = post("accounts", obj().put("name", "南山店 " + mobile).put("type", "STORE").put("divisionCode", "440305")).expect(201).json();
        assertEquals("南山区", store.get("district").asText());
        assertEquals("440300", post("accounts", obj().put("name", "深圳店 " + mobile).put("type", "STORE").put("province", "广东省").put("city", "深圳市"))
                .expect(201).json().get("divisionCode").asText());
        updated = moved;

        delete("contacts/" + id + "?version=" + updated.get("version").asLong()).expect(204);
        get("contacts/" + id).expect(404);
    }

    @Test
    public void badInputIsA400NamingTheFieldAndWritesNothing() {
        String mobile = newMobile();
        assertField(call("POST", "contacts", ADMIN, ADMIN_PASSWORD, "application/json", "{\"name\": \"张三\", \"mobile\": "), 400, null);
        assertField(post("contacts", obj().put("name", "张三").put("mobile", mobile).put("gender", "ROBOT")), 400, "gender");
        // a platform refusal to a caller asking for Chinese: the platform's own wording, the key either way
        byte[] badMobile = obj().put("name", "张三").put("mobile", "12345").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode zh = callWith("POST", "contacts", ADMIN, ADMIN_PASSWORD, "application/json", badMobile, "Accept-Language", "zh-CN").expect(400).json();
        assertEquals("mobile", zh.get("messageKey").asText());
        assertEquals("“12345”不是有效的中国大陆手机号（以 13–19 开头的 11 位数字）。", zh.get("message").asText());
        // also a value the JSON binding refuses before any service sees it
        byte[] robot = obj().put("name", "张三").put("mobile", mobile).put("gender", "ROBOT").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode enumZh = callWith("POST", "contacts", ADMIN, ADMIN_PASSWORD, "application/json", robot, "Accept-Language", "zh-CN").expect(400).json();
        assertEquals("notOneOf", enumZh.get("messageKey").asText());
        assertEquals("“ROBOT”不是可选值之一：[MALE, FEMALE, UNKNOWN]。", enumZh.get("message").asText());
        // and a record not found: its type said in Chinese too
        JsonNode missing = callWith("GET", "contacts/987654321", ADMIN, ADMIN_PASSWORD, null, null, "Accept-Language", "zh-CN").expect(404).json();
        assertEquals("notFound", missing.get("messageKey").asText());
        assertEquals("未找到联系人 987654321：可能已被删除，或不在您的数据范围内。", missing.get("message").asText());
        assertField(post("contacts", obj().put("mobile", mobile)), 400, "name");
        assertField(post("contacts", obj().put("name", "张".repeat(500)).put("mobile", mobile)), 400, "name");
        assertField(post("contacts", obj().put("name", "张三").put("mobile", "12345")), 400, "mobile");
        assertField(post("contacts", obj().put("name", "张三").put("mobile", mobile).put("email", "not-an-email")), 400, "email");
        assertField(post("contacts", obj().put("name", "张三").put("mobile", mobile).put("birthday", "1990-13-45")), 400, "birthday");
        assertField(post("contacts", obj().put("name", "张三").put("mobile", mobile).put("shoeSize", 42)), 400, "shoeSize");
        assertEquals("nothing was written", 0, get("contacts?q=" + mobile).expect(200).json().get("items").size());
    }

    private static void assertField(Reply r, int status, String field) {
        r.expect(status);
        JsonNode e = r.json();
        assertFalse("an error message: " + r.body(), e.get("message").asText().isBlank());
        if (field != null) {
            assertEquals("field named in " + r.body(), field, e.get("field").asText());
        }
    }

    @Test
    public void duplicateMobileIsAConflict() {
        String mobile = newMobile();
        createContact("周杰", mobile, null);
        JsonNode e = post("contacts", obj().put("name", "周杰伦").put("mobile", mobile)).expect(409).json();
        assertEquals("mobile", e.get("field").asText());
    }

    @Test
    public void searchByMobileNameAndEmailPrefix() {
        String mobile = newMobile();
        long id = createContact("欧阳修远", mobile, null);
        put("contacts/" + id, ((ObjectNode) get("contacts/" + id).json().deepCopy()).put("email", "ouyang." + mobile + "@example.cn")).expect(200);

        assertContains(get("contacts?q=" + mobile.substring(0, 9)).expect(200).json(), id);
        assertContains(get("contacts?q=" + mobile).expect(200).json(), id);
        assertContains(get("contacts?q=" + java.net.URLEncoder.encode("欧阳修", java.nio.charset.StandardCharsets.UTF_8) + "&limit=500").expect(200).json(), id);
        // text with '@' searches e-mail addresses (by prefix), other text names, digits mobiles
        assertContains(get("contacts?q=ouyang." + mobile + "@exa").expect(200).json(), id);
        JsonNode none = get("contacts?q=19999999999").expect(200).json();
        assertEquals(0, none.get("items").size());
    }

    private static void assertContains(JsonNode page, long id) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertTrue("contact " + id + " in " + ids, ids.contains(id));
    }

    @Test
    public void accountHierarchyAndChildren() {
        long national = createAccount("华南总代理", "NATIONAL_DISTRIBUTOR", null);
        long provincial = createAccount("广东省代理", "PROVINCIAL_DISTRIBUTOR", national);
        long store = createAccount("深圳华强北店", "STORE", provincial);
        JsonNode children = get("accounts/" + national + "/children").expect(200).json();
        assertEquals(1, children.get("items").size());
        assertEquals(provincial, children.get("items").get(0).get("id").asLong());
        assertEquals(provincial, get("accounts/" + store).expect(200).json().get("parentId").asLong());
        JsonNode bad = post("accounts", obj().put("name", "X").put("type", "SPACESHIP")).expect(400).json();
        assertEquals("type", bad.get("field").asText());
    }

    @Test
    public void mergeKeepsEveryRelatedRecord() {
        long target = createContact("陈建国", newMobile(), null);
        String otherMobile = newMobile();
        long source = createContact("陈建国", otherMobile, null);
        post("activities", obj().put("type", "CALL").put("subject", "来电咨询保修").put("contactId", source)).expect(201);
        post("activities", obj().put("type", "VISIT").put("subject", "门店回访").put("contactId", target)).expect(201);

        JsonNode merged = post("contacts/merge", obj().put("targetId", target).put("sourceId", source)).expect(200).json();
        assertEquals(target, merged.get("id").asLong());
        assertTrue("the source's mobile is kept as another phone: " + merged, merged.get("otherPhones").toString().contains(otherMobile));

        JsonNode sourceAfter = get("contacts/" + source).json();
        assertTrue("source is gone or points at the target: " + sourceAfter,
                sourceAfter.has("error") || (sourceAfter.has("mergedIntoId") && sourceAfter.get("mergedIntoId").asLong() == target));
        JsonNode activities = get("activities?contactId=" + target).expect(200).json();
        assertEquals("both activities now belong to the target", 2, activities.get("items").size());
        String timeline = get("contacts/" + target + "/timeline").expect(200).json().toString();
        assertTrue(timeline, timeline.contains("来电咨询保修"));
        assertTrue(timeline, timeline.contains("门店回访"));
    }

    @Test
    public void auditTrailIsFilterableByUserTypeRecordActionAndDate() {
        long id = createContact("审计测试", newMobile(), null);
        JsonNode forRecord = get("audit?recordType=contact&recordId=" + id + "&action=create").expect(200).json();
        assertEquals(1, forRecord.get("total").asLong());
        assertEquals("admin", forRecord.get("items").get(0).get("actor").asText());
        String today = businessToday().toString();
        JsonNode byUserAndDay = get("audit?actor=admin&recordType=contact&from=" + today + "&to=" + today + "&limit=50").expect(200).json();
        assertTrue(byUserAndDay.get("total").asLong() >= 1);
        byUserAndDay.get("items").forEach(e -> {
            assertEquals("admin", e.get("actor").asText());
            assertEquals("contact", e.get("recordType").asText());
        });
        assertEquals(0, get("audit?actor=nobody-" + id).expect(200).json().get("total").asLong());
        assertEquals(0, get("audit?recordType=contact&recordId=" + id + "&to=2000-01-01").expect(200).json().get("total").asLong());
        assertField(get("audit?from=yesterday"), 400, "from");
        assertField(get("audit?from=" + today + "&to=2000-01-01"), 400, "to");
    }

    @Test
    public void importKeepsGoodRowsAndReportsBadOnes() {
        String m1 = newMobile();
        String m2 = newMobile();
        String csv = "name,mobile,email,gender,province,city\n"
                + "王芳," + m1 + ",wang." + m1 + "@example.cn,FEMALE,浙江省,杭州市\n"
                + "李四,12345,,MALE,江苏省,南京市\n"              // bad mobile
                + "," + newMobile() + ",,,,\n"                      // missing name
                + "赵磊," + m2 + ",,ROBOT,四川省,成都市\n"           // bad gender
                + "孙丽," + newMobile() + ",,FEMALE,湖北省,武汉市\n";
        JsonNode report = call("POST", "contacts/import", ADMIN, ADMIN_PASSWORD, "text/csv", csv).expect(200).json();
        assertEquals(5, report.get("total").asLong());
        assertEquals(2, report.get("imported").asLong());
        assertEquals(3, report.get("failed").asLong());
        List<String> fields = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        report.get("errors").forEach(e -> {
            fields.add(e.get("field").asText());
            lines.add(e.get("line").asLong());
        });
        assertEquals(List.of("mobile", "name", "gender"), fields);
        assertEquals(List.of(3L, 4L, 5L), lines);
        assertEquals(1, get("contacts?q=" + m1).json().get("items").size());
        assertEquals(0, get("contacts?q=" + m2).json().get("items").size());

        JsonNode bad = call("POST", "contacts/import", ADMIN, ADMIN_PASSWORD, "text/csv", "name,mobile,colour\n张三," + newMobile() + ",red\n")
                .expect(400).json();
        assertEquals("header", bad.get("field").asText());

        Reply export = call("GET", "contacts/export?q=" + m1, ADMIN, ADMIN_PASSWORD, null, null).expect(200);
        assertTrue(export.contentType(), export.contentType().startsWith("text/csv"));
        assertTrue(export.body(), export.body().contains("王芳") && export.body().contains(m1));
    }

    @Test
    public void credentialsAreRequired() {
        assertEquals(401, call("GET", "contacts", null, null, null, null).status());
        assertEquals(401, call("GET", "contacts", ADMIN, "wrong-password", null, null).status());
        assertEquals(401, call("POST", "contacts", null, null, "application/json", "{\"name\":\"x\"}").status());
        assertEquals(200, get("users/me").status());
    }

    @Test
    public void openApiDescribesTheApi() {
        JsonNode doc = get("openapi.json").expect(200).json();
        assertEquals("3.0.3", doc.get("openapi").asText());
        JsonNode paths = doc.get("paths");
        for (String p : List.of("/contacts", "/contacts/{id}", "/contacts/merge", "/contacts/import", "/contacts/export",
                "/contacts/{id}/timeline", "/accounts", "/accounts/{id}/children", "/activities", "/modules", "/modules/{id}/enable")) {
            assertTrue("OpenAPI lists " + p + ": " + paths.fieldNames(), paths.has(p));
        }
    }

    /** Schemas from the DTOs, the error body, statuses as answered (distribution/api-client-it lints it and generates a client). */
    @Test
    public void openApiHasSchemasStatusesAndTheErrorBody() {
        JsonNode doc = get("openapi.json").expect(200).json();
        JsonNode contact = doc.at("/components/schemas/ContactData");
        assertEquals("int64", contact.at("/properties/id/format").asText());
        assertEquals("date", contact.at("/properties/birthday/format").asText());
        assertTrue(contact.at("/required").toString().contains("\"name\""));
        assertEquals("string", contact.at("/properties/divisionCode/type").asText());
        assertEquals("string", doc.at("/components/schemas/AccountData/properties/divisionCode/type").asText());
        assertEquals("#/components/schemas/ContactData", doc.at("/paths/~1contacts/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/ContactData", doc.at("/paths/~1contacts/post/responses/201/content/application~1json/schema/$ref").asText());
        assertTrue(doc.at("/paths/~1contacts~1{id}/delete/responses/204").isObject());
        assertEquals("#/components/schemas/PageContactData", doc.at("/paths/~1contacts/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/responses/Conflict", doc.at("/paths/~1contacts~1{id}/put/responses/409/$ref").asText());
        assertEquals("#/components/schemas/ApiError", doc.at("/components/responses/Conflict/content/application~1json/schema/$ref").asText());
        assertEquals("integer", doc.at("/paths/~1contacts~1{id}/get/parameters/0/schema/type").asText());
        assertEquals("listContacts", doc.at("/paths/~1contacts/get/operationId").asText());
    }
}
