package org.opencrm.platform.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CrmEventTest {
    @Test
    void propertiesAreTheActorAndThePairsWithoutNulls() {
        CrmEvent e = CrmEvent.of("crm/x/DONE", "li-lei", "id", 7L, "note", null, "dangling");
        assertEquals("crm/x/DONE", e.topic());
        assertEquals(Map.of(CrmEvents.ACTOR, "li-lei", "id", 7L), e.properties());
        assertFalse(e.properties().containsKey("note"));
        assertThrows(UnsupportedOperationException.class, () -> e.properties().put("x", 1));
    }

    @Test
    void theConveniencePostsGoThroughTheOnePost() {
        List<CrmEvent> seen = new ArrayList<>();
        CrmEventPublisher publisher = seen::add;
        publisher.post("crm/x/A", "admin", "id", 1);
        publisher.post(List.of(CrmEvent.of("crm/x/B", "admin"), CrmEvent.of("crm/x/C", "admin")));
        assertEquals(List.of("crm/x/A", "crm/x/B", "crm/x/C"), seen.stream().map(CrmEvent::topic).toList());
    }
}
