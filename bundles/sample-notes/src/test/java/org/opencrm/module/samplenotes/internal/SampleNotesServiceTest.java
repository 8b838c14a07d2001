package org.opencrm.module.samplenotes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opencrm.module.samplenotes.internal.SampleNotesService.SampleNotesData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.persistence.testing.ModuleNamesCheck;
import org.opencrm.platform.testkit.CrmTestKit;
import org.opencrm.platform.testkit.RefusalKeys;

/**
 * The service on the platform's test kit (platform-testkit): the module's real persistence unit and the core's real
 * services (account tree, data-scope rule, audit, timeline, after-commit events) on one in-memory Derby database.
 */
class SampleNotesServiceTest {
    private static final PageRequest ALL = PageRequest.of(null, 0, 50);

    private final CrmTestKit kit = new CrmTestKit();
    private final long partner = kit.account("华南代理", null);
    private final long store = kit.account("南山店", partner);
    private final long otherStore = kit.account("福田店", partner);
    private final long customer = kit.contact("王芳", "13800000001", store);
    private final long otherCustomer = kit.contact("李雷", "13800000002", otherStore);
    private final SampleNotesService service = new SampleNotesService(kit.jpa(SampleNotesNames.PERSISTENCE_UNIT), kit.directory(), kit.scopes(),
            kit.audit(), kit.timeline(), kit.events(), defaults(SampleNotesConfig.class));
    private final CrmUser hq = kit.hq("hq", SampleNotesNames.READ, SampleNotesNames.WRITE);
    private final CrmUser clerk = kit.store("clerk", store, SampleNotesNames.READ, SampleNotesNames.WRITE);

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void aRecordIsAuditedOnItsAccountPutOnTheTimelineAndAnnounced() {
        SampleNotesData r = service.create(clerk, new SampleNotesData(null, customer, null, "  First  ", new BigDecimal("12.50"), null, null));
        assertEquals("First", r.title());
        assertEquals(store, r.accountId(), "the record belongs to the contact's account");
        assertEquals(new BigDecimal("12.50"), r.amount());
        assertEquals(1, kit.jpa(SampleNotesNames.PERSISTENCE_UNIT).count(SampleNotesNames.TABLE_PREFIX + "RECORD"));
        AuditEntry audited = kit.auditOf(SampleNotesNames.AUDIT_TYPE, r.id().toString()).get(0);
        assertEquals("create", audited.action());
        assertEquals(store, audited.accountId());
        List<TimelineEntry> timeline = kit.timelineEntries().stream().filter(t -> SampleNotesNames.ID.equals(t.moduleId())).toList();
        assertEquals(List.of(SampleNotesNames.TIMELINE_ADDED), timeline.stream().map(TimelineEntry::type).toList());
        assertEquals(customer, timeline.get(0).contactId());
        List<CrmEvent> events = kit.postedEvents().stream().filter(e -> e.topic().equals(SampleNotesNames.EVENT_CREATED)).toList();
        assertEquals(1, events.size(), "posted once its transaction committed");
        assertEquals(1250L, events.get(0).properties().get("amountFen"));
        assertEquals(r, service.get(hq, r.id()));
    }

    @Test
    void aStoreSeesAndWritesOnlyItsOwnAccountsAndThePartnerItsSubtree() {
        SampleNotesData own = service.create(clerk, new SampleNotesData(null, customer, null, "The store's", BigDecimal.TEN, null, null));
        SampleNotesData other = service.create(hq, new SampleNotesData(null, otherCustomer, null, "The other store's", BigDecimal.ONE, null, null));
        assertEquals(List.of(own.id()), service.list(clerk, null, ALL).items().stream().map(SampleNotesData::id).toList());
        assertThrows(RecordNotFoundException.class, () -> service.get(clerk, other.id()));
        assertThrows(RecordNotFoundException.class, () -> service.list(clerk, otherCustomer, ALL));
        assertEquals("contactId", assertThrows(InvalidInputException.class,
                () -> service.create(clerk, new SampleNotesData(null, otherCustomer, null, "Not mine", BigDecimal.ONE, null, null))).field());
        CrmUser partnerUser = kit.partner("partner", partner, SampleNotesNames.READ);
        assertEquals(2, service.list(partnerUser, null, ALL).total());
        // the account tree is the core's: moved to another partner, the store's records go with it at once
        kit.moveAccount(store, kit.account("华北代理", null));
        assertEquals(List.of(other.id()), service.list(partnerUser, null, ALL).items().stream().map(SampleNotesData::id).toList());
        assertEquals(2, service.list(hq, null, ALL).total());
    }

    @Test
    void permissionsAndFieldsAreChecked() {
        CrmUser reader = kit.hq("reader", SampleNotesNames.READ);
        assertThrows(AccessDeniedException.class, () -> service.create(reader, new SampleNotesData(null, customer, null, "x", BigDecimal.ONE, null, null)));
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> service.create(hq, new SampleNotesData(null, customer, null, "x", new BigDecimal("1.005"), null, null))).field());
        assertEquals("title", assertThrows(InvalidInputException.class,
                () -> service.create(hq, new SampleNotesData(null, customer, null, " ", BigDecimal.ONE, null, null))).field());
        assertEquals(0, kit.jpa(SampleNotesNames.PERSISTENCE_UNIT).count(SampleNotesNames.TABLE_PREFIX + "RECORD"));
        assertTrue(kit.postedEvents().stream().noneMatch(e -> e.topic().equals(SampleNotesNames.EVENT_CREATED)));
    }

    @Test
    void everyRefusalIsSaidInEnglishAndChinese() {
        // the module's texts (its RefusalTexts), then the platform's rules (required, notFound, ...)
        RefusalKeys.assertComplete(Path.of("src/main/java"), new SampleNotesModule().baseName().replace('.', '/'), RefusalKeys.PLATFORM_MESSAGES);
        assertEquals("Sample notes record", java.util.ResourceBundle.getBundle(new SampleNotesModule().baseName(), java.util.Locale.ROOT)
                .getString(org.opencrm.platform.api.i18n.RefusalArguments.recordKey(SampleNotesNames.AUDIT_TYPE)), "the record type has a name");
    }

    @Test
    void theNamesAgreeWithTheFilesThatCannotReferToThem() throws Exception {
        ModuleNamesCheck.check(SampleNotesNames.class, new SampleNotesModule(), SampleNotesNames.CONFIG_PID);
        String feature = Files.readString(Path.of("src/main/feature/feature.xml"));
        assertTrue(feature.contains("install=\"manual\""), "a KAR must bring the module AVAILABLE, not enabled");
    }

    /** The configuration as DS gives it when etc/ has none: every attribute's default. */
    @SuppressWarnings("unchecked")
    private static <T> T defaults(Class<T> config) {
        return (T) Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] { config }, (p, m, a) -> m.getDefaultValue());
    }
}
