package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import ${package}.internal.${className}Service.RecordData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.testing.InMemoryJpa;
import org.opencrm.platform.persistence.testing.ModuleNamesCheck;

/**
 * The service on the module's real persistence unit (EclipseLink on an in-memory Derby) with a small stand-in for the
 * core: two accounts, a contact on each, the data-scope rule "HQ sees all, a store its own account".
 * (When the platform's test kit is available, its faithful core can replace the stand-in below.)
 */
class ${className}ServiceTest {
    private static final long HEAD_OFFICE = 1;
    private static final long STORE = 2;
    private static final Map<Long, ContactRef> CONTACTS = Map.of(
            10L, new ContactRef(10, "Li Lei", "13800000010", HEAD_OFFICE, null),
            20L, new ContactRef(20, "Han Meimei", "13800000020", STORE, null));

    private final InMemoryJpa jpa = new InMemoryJpa(${className}Names.PERSISTENCE_UNIT);
    private final List<Object[]> audit = new CopyOnWriteArrayList<>();
    private final List<TimelineEntry> timeline = new CopyOnWriteArrayList<>();
    private final List<CrmEvent> events = new CopyOnWriteArrayList<>();
    private final DataScopes scopes = new DataScopes() {
        @Override
        public boolean canSee(CrmUser user, Long accountId) {
            return user.scope().type() == ScopeType.HQ || accountId != null && accountId.equals(user.scope().accountId());
        }

        @Override
        public boolean canSeeContact(CrmUser user, long contactId) {
            return CONTACTS.containsKey(contactId) && canSee(user, CONTACTS.get(contactId).accountId());
        }

        @Override
        public ScopeFilter filter(CrmUser user) {
            return user.scope().type() == ScopeType.HQ ? ScopeFilter.unrestricted() : ScopeFilter.accounts(List.of(user.scope().accountId()));
        }
    };
    private final ${className}Service service = new ${className}Service(jpa,
            proxy(CustomerDirectory.class, (m, a) -> m.equals("contact") ? Optional.ofNullable(CONTACTS.get((Long) a[0])) : null),
            scopes, proxy(AuditTrail.class, (m, a) -> audit.add(a) ? null : null),
            proxy(TimelineService.class, (m, a) -> timeline.add((TimelineEntry) a[0]) ? a[0] : null),
            (CrmEventPublisher) events::add, defaults(${className}Config.class));
    private final CrmUser hq = CrmUser.SYSTEM;
    private final CrmUser clerk = new CrmUser("clerk", Set.of("store"), Set.of(${className}Names.READ, ${className}Names.WRITE),
            new DataScope(ScopeType.STORE, null, STORE));

    @AfterEach
    void close() {
        jpa.close();
    }

    @Test
    void aRecordIsAuditedOnItsAccountPutOnTheTimelineAndAnnounced() {
        RecordData r = service.create(hq, new RecordData(null, 10L, null, "  First  ", new BigDecimal("12.50"), null, null));
        assertEquals("First", r.title());
        assertEquals(HEAD_OFFICE, r.accountId());
        assertEquals(new BigDecimal("12.50"), r.amount());
        assertEquals(1, jpa.count(${className}Names.TABLE_PREFIX + "RECORD"));
        assertEquals(HEAD_OFFICE, audit.get(0)[5], "the audit entry belongs to the contact's account");
        assertEquals(${className}Names.TIMELINE_ADDED, timeline.get(0).type());
        assertEquals(10L, timeline.get(0).contactId());
        assertEquals(${className}Names.EVENT_CREATED, events.get(0).topic());
        assertEquals(1250L, events.get(0).properties().get("amountFen"));
        assertEquals(r, service.get(hq, r.id()));
    }

    @Test
    void aStoreSeesAndWritesOnlyItsOwnAccount() {
        RecordData head = service.create(hq, new RecordData(null, 10L, null, "Head office's", BigDecimal.ONE, null, null));
        RecordData own = service.create(clerk, new RecordData(null, 20L, null, "The store's", BigDecimal.TEN, null, null));
        assertEquals(List.of(own.id()), service.list(clerk, null, PageRequest.of(null, 0, 50)).items().stream().map(RecordData::id).toList());
        assertEquals(2, service.list(hq, null, PageRequest.of(null, 0, 50)).total());
        assertThrows(RecordNotFoundException.class, () -> service.get(clerk, head.id()));
        assertThrows(RecordNotFoundException.class, () -> service.list(clerk, 10L, PageRequest.of(null, 0, 50)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service.create(clerk, new RecordData(null, 10L, null, "Not mine", BigDecimal.ONE, null, null)));
        assertEquals("contactId", e.field());
        assertEquals(2, jpa.count(${className}Names.TABLE_PREFIX + "RECORD"));
    }

    @Test
    void permissionsAndFieldsAreChecked() {
        CrmUser reader = new CrmUser("reader", Set.of("viewer"), Set.of(${className}Names.READ), DataScope.HQ);
        assertThrows(AccessDeniedException.class, () -> service.create(reader, new RecordData(null, 10L, null, "x", BigDecimal.ONE, null, null)));
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> service.create(hq, new RecordData(null, 10L, null, "x", new BigDecimal("1.005"), null, null))).field());
        assertEquals("title", assertThrows(InvalidInputException.class,
                () -> service.create(hq, new RecordData(null, 10L, null, " ", BigDecimal.ONE, null, null))).field());
        assertEquals(0, jpa.count(${className}Names.TABLE_PREFIX + "RECORD"));
        assertTrue(events.isEmpty());
    }

    @Test
    void theNamesAgreeWithTheFilesThatCannotReferToThem() throws Exception {
        ModuleNamesCheck.check(${className}Names.class, new ${className}Module(), ${className}Names.CONFIG_PID);
        String feature = Files.readString(Path.of("src/main/feature/feature.xml"));
        assertTrue(feature.contains("install=\"manual\""), "a KAR must bring the module AVAILABLE, not enabled");
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("equals") ? p == a[0] : m.getName().equals("hashCode") ? System.identityHashCode(p) : type.getSimpleName();
            }
            return handler.apply(m.getName(), a);
        });
    }

    /** The configuration as DS gives it when etc/ has none: every attribute's default. */
    @SuppressWarnings("unchecked")
    private static <T> T defaults(Class<T> config) {
        return (T) Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] { config }, (p, m, a) -> m.getDefaultValue());
    }
}
