package org.opencrm.platform.testkit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.activity.ActivityRecorder;
import org.opencrm.platform.api.activity.ActivityTypeSet;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.audit.AuditQuery;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.core.internal.model.Activity;
import org.opencrm.platform.core.internal.model.TimelineRecord;
import org.opencrm.platform.core.internal.service.AccountService;
import org.opencrm.platform.core.internal.service.ActivityService;
import org.opencrm.platform.core.internal.service.AfterCommitEvents;
import org.opencrm.platform.core.internal.service.AuditTrailImpl;
import org.opencrm.platform.core.internal.service.ContactReferencesRegistry;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.platform.core.internal.service.CustomerDirectoryImpl;
import org.opencrm.platform.core.internal.service.DataScopesImpl;
import org.opencrm.platform.core.internal.service.TimelineServiceImpl;
import org.opencrm.platform.persistence.testing.InMemoryDatabase;
import org.opencrm.platform.persistence.testing.InMemoryJpa;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The platform for a module's unit tests: the core's real services (the classes the runtime runs, wired as DS wires
 * them) on one in-memory Derby database that the module's persistence unit shares, in one transaction per thread as
 * under JTA. Accounts form a real tree, the data-scope rule and the validation are the core's, audit entries and
 * timeline entries land in the core's tables, and events go through the core's after-commit publisher to an
 * EventAdmin that records them. The clock stands still until the test moves it.
 *
 * <pre>
 * try (CrmTestKit kit = new CrmTestKit()) {
 *     NoteService notes = new NoteService(kit.jpa("crm-notes"), kit.audit(), kit.timeline(), kit.scopes(), kit.events(), kit.clock());
 *     long partner = kit.account("华南代理", null);
 *     long store = kit.account("南山店", partner);
 *     long contact = kit.contact("王芳", "13800000001", store);
 *     CrmUser clerk = kit.store("clerk", store, "notes.read", "notes.write");
 *     NoteData n = notes.create(clerk, new NoteData(null, contact, "回访"));
 *     assertEquals(1, notes.search(kit.partner("p", partner, "notes.read"), null).total());      // the subtree sees it
 *     assertThrows(ScopeDeniedException.class, () -> notes.get(kit.store("other", kit.account("福田店", partner), "notes.read"), n.id()));
 *     assertEquals("create", kit.auditOf("note", n.id().toString()).get(0).action());
 * }
 * </pre>
 *
 * Not thread-confined: services may be called from several threads (each has its own connection, Derby's locks
 * decide races). One kit per test (or per test class): {@link #close()} drops the database.
 */
public final class CrmTestKit implements AutoCloseable {
    /** The business time zone of the kit's clock. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Where the clock starts unless the test says otherwise: 2024-03-20 10:00 in Beijing. */
    public static final Instant START = LocalDateTime.of(2024, 3, 20, 10, 0).atZone(ZONE).toInstant();
    /** The unit of the core's tables. */
    static final String CORE_UNIT = "crm-core";
    /** Roles of the kit's users: permissions and scope are what a test sets, roles only name where they came from. */
    private static final Set<String> ROLES = Set.of("test");

    private final InMemoryDatabase database = new InMemoryDatabase("crm-kit");
    private final Map<String, InMemoryJpa> units = new ConcurrentHashMap<>();
    private final InMemoryJpa core;
    private final TestClock clock;
    private final List<CrmEvent> posted = new CopyOnWriteArrayList<>();
    private final AuditTrailImpl audit;
    private final TimelineServiceImpl timeline;
    private final AfterCommitEvents events;
    private final DataScopesImpl scopes;
    private final AccountService accounts;
    private final ActivityService activities;
    private final ContactService contacts;
    private final CustomerDirectoryImpl directory;

    /** A kit whose clock starts at {@link #START}. */
    public CrmTestKit() {
        this(START);
    }

    /** A kit whose clock starts at {@code start}. */
    public CrmTestKit(Instant start) {
        clock = new TestClock(start, ZONE);
        core = jpa(CORE_UNIT);
        EventAdmin recorder = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                Map<String, Object> properties = new HashMap<>();
                for (String name : event.getPropertyNames()) {
                    if (!name.equals(org.osgi.service.event.EventConstants.EVENT_TOPIC)) {
                        properties.put(name, event.getProperty(name));
                    }
                }
                posted.add(new CrmEvent(event.getTopic(), properties));
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        // the core's components, constructed as DS constructs them (same references, same order of dependencies)
        audit = new AuditTrailImpl(core);
        timeline = new TimelineServiceImpl(core);
        events = new AfterCommitEvents(recorder, new KitTransactions(database));
        scopes = new DataScopesImpl(core);
        ContactReferencesRegistry references = new ContactReferencesRegistry(core);
        accounts = new AccountService(core, audit, events);
        contacts = new ContactService(core, audit, events, clock, references);
        directory = new CustomerDirectoryImpl(core, contacts, scopes, accounts, audit);
        activities = new ActivityService(core, audit, timeline, contacts, accounts, events);
    }

    /**
     * The persistence unit {@code unitName} (e.g. "crm-handset", from the module's META-INF/persistence.xml on the test
     * class path) on the kit's database, its tables created at the first call; the same template on every call. Use
     * it as the module's {@code JpaTemplate}; {@link InMemoryJpa#count} counts a table's committed rows.
     */
    public InMemoryJpa jpa(String unitName) {
        return units.computeIfAbsent(unitName, u -> new InMemoryJpa(u, database));
    }

    // ---- the core's services, as a module's components reference them

    public TestClock clock() {
        return clock;
    }

    public AuditTrail audit() {
        return audit;
    }

    public TimelineService timeline() {
        return timeline;
    }

    /** The core's publisher: inside a transaction it waits for the commit, outside it posts at once. */
    public CrmEventPublisher events() {
        return events;
    }

    public DataScopes scopes() {
        return scopes;
    }

    public CustomerDirectory directory() {
        return directory;
    }

    /** The core's activities as modules record theirs (reminders, follow-ups). A module's own types: {@link #activityTypes}. */
    public ActivityRecorder activities() {
        return activities;
    }

    /** Registers a module's activity types, as the whiteboard does while the module is active. */
    public void activityTypes(ActivityTypeSet types) {
        activities.addTypeSet(types);
    }

    // ---- accounts, contacts and users

    /** A STORE account below {@code parentId} (null: a top-level account), in its parent's region; its id. */
    public long account(String name, Long parentId) {
        return account(name, "STORE", null, parentId);
    }

    /**
     * An account created by head office through the core's account service (its validation, path and audit):
     * {@code type} one of the core's account types (STORE, RETAIL_CHAIN, SERVICE_PROVIDER, NATIONAL_DISTRIBUTOR, ...),
     * {@code region} null to take the parent's. Its id.
     */
    public long account(String name, String type, String region, Long parentId) {
        return accounts.create(CrmUser.SYSTEM, new AccountData(null, name, AccountType.valueOf(type), parentId, region, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).id();
    }

    /** Moves an account (and its subtree) below another one (null: top level), as head office does on the account form. */
    public void moveAccount(long accountId, Long newParentId) {
        AccountData a = accounts.get(CrmUser.SYSTEM, accountId);
        accounts.update(CrmUser.SYSTEM, accountId, new AccountData(a.id(), a.name(), a.type(), newParentId, a.region(), a.province(), a.city(),
                a.district(), a.divisionCode(), a.address(), a.phone(), a.status(), a.owner(), null, null, null, null, a.version()));
    }

    /** A contact created by head office through the core's contact service (its validation: a valid mobile); its id. */
    public long contact(String name, String mobile, Long accountId) {
        return contacts.create(CrmUser.SYSTEM, new ContactData(null, name, mobile, List.of(), null, null, null, null, null, null, null, null, List.of(), null,
                null, accountId, null, null, null, null, null, null, null)).id();
    }

    /** A head-office user: sees everything. */
    public CrmUser hq(String name, String... permissions) {
        return user(name, DataScope.HQ, permissions);
    }

    /** A user of a region: sees the accounts of the region (the account's own region, set or inherited). */
    public CrmUser region(String name, String region, String... permissions) {
        return user(name, new DataScope(ScopeType.REGION, region, null), permissions);
    }

    /** A partner's user: sees the subtree of the account. */
    public CrmUser partner(String name, long accountId, String... permissions) {
        return user(name, new DataScope(ScopeType.PARTNER, null, accountId), permissions);
    }

    /** A store's user: sees the subtree of the account (the store and anything below it). */
    public CrmUser store(String name, long accountId, String... permissions) {
        return user(name, new DataScope(ScopeType.STORE, null, accountId), permissions);
    }

    /** A user of any scope with exactly these permissions (wildcards as the runtime grants them, e.g. "handset.*"). */
    public CrmUser user(String name, DataScope scope, String... permissions) {
        return new CrmUser(name, ROLES, Set.of(permissions), scope);
    }

    // ---- what the module did

    /** Every audit entry, oldest first (read back from the core's table, whatever the scope). */
    public List<AuditEntry> auditEntries() {
        return oldestFirst(audit.search(CrmUser.SYSTEM, AuditQuery.ALL, 0, Integer.MAX_VALUE).items());
    }

    /** The audit entries of one record, oldest first. */
    public List<AuditEntry> auditOf(String recordType, String recordId) {
        return oldestFirst(audit.forRecord(CrmUser.SYSTEM, recordType, recordId, 0, Integer.MAX_VALUE).items());
    }

    /** Every timeline entry, oldest first (read back from the core's table). */
    public List<TimelineEntry> timelineEntries() {
        return core.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t FROM TimelineRecord t ORDER BY t.id", TimelineRecord.class)
                .getResultList().stream().map(TimelineServiceImpl::toEntry).toList());
    }

    /** A core activity as the kit reads it back. */
    /** {@code subjectKey}/{@code subjectArgs}: the recording module's text of the subject (null/empty: said as stored). */
    public record KitActivity(long id, String type, String subject, String owner, String status, java.time.LocalDate dueDate, Long accountId, Long contactId,
            String subjectKey, List<String> subjectArgs) {
    }

    /** The core activities of an account, oldest first (read back from the core's table). */
    public List<KitActivity> activitiesOf(long accountId) {
        return core.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT a FROM Activity a WHERE a.accountId = :a ORDER BY a.id", Activity.class)
                .setParameter("a", accountId).getResultList().stream()
                .map(a -> new KitActivity(a.id, a.type, a.subject, a.owner, a.status, a.dueDate, a.accountId, a.contactId, a.subjectKey,
                        a.subjectArgs == null ? List.of() : List.of(a.subjectArgs.split("\u001F", -1)))).toList());
    }

    /** The events that reached EventAdmin (after their transaction committed), in the order they were posted. */
    public List<CrmEvent> postedEvents() {
        return Collections.unmodifiableList(posted);
    }

    /** Drops the database. */
    @Override
    public void close() {
        units.values().forEach(InMemoryJpa::close);
        database.close();
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> l = new ArrayList<>(newestFirst);
        Collections.reverse(l);
        return l;
    }

    /**
     * A configuration as DS gives a component when etc/ has none: every attribute's default. For the component property
     * type (an {@code @ObjectClassDefinition} annotation) of a component a test builds by hand.
     */
    @SuppressWarnings("unchecked")
    public static <T> T configDefaults(Class<T> config) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] { config }, (p, m, a) -> m.getDefaultValue());
    }
}
