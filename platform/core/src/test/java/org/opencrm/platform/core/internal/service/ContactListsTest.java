package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContactListsTest {
    @Test
    void tagsAreStoredDelimitedForExactMatching() {
        assertEquals(",VIP,老客户,", ContactService.tagsColumn(List.of("VIP", "老客户")));
        assertNull(ContactService.tagsColumn(List.of()));
        assertEquals(List.of("VIP", "老客户"), ContactService.tagList(",VIP,老客户,"));
    }

    @Test
    void mergeUnionKeepsOrderAndDropsDuplicates() {
        assertEquals(List.of("a", "b", "c"), ContactService.union(List.of("a", "b"), List.of("b", "c")));
    }

    @Test
    void auditChangesAreJson() {
        Map<String, Object> changes = new java.util.LinkedHashMap<>();
        changes.put("name", "王 \"芳\"");
        changes.put("n", 3);
        changes.put("x", null);
        assertEquals("{\"name\":\"王 \\\"芳\\\"\",\"n\":3,\"x\":null}", AuditTrailImpl.toJson(changes));
    }
}
