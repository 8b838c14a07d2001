package org.opencrm.module.handset.internal.service;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.opencrm.module.handset.api.Imei;
import org.opencrm.module.handset.internal.dto.ModelData;
import org.opencrm.module.handset.internal.dto.RegisterRequest;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.testing.InMemoryJpa;

/**
 * The module's services wired as DS would wire them, on an in-memory Derby, with an in-memory core (contacts,
 * accounts with the core's scope rule, audit trail and timeline that record what they are given) and a fixed clock.
 */
final class Fixture implements AutoCloseable {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2024, 3, 20);

    final InMemoryJpa jpa = new InMemoryJpa("crm-handset");
    final Core core = new Core();
    final List<Object[]> audit = new CopyOnWriteArrayList<>();
    final List<TimelineEntry> timeline = new CopyOnWriteArrayList<>();
    final List<CrmEvent> events = new CopyOnWriteArrayList<>();
    final AuditTrail auditTrail = proxy(AuditTrail.class, (m, args) -> {
        if (m.equals("record")) {
            audit.add(args);
        }
        return null;
    });
    final TimelineService timelineService = proxy(TimelineService.class, (m, args) -> {
        if (m.equals("record")) {
            timeline.add((TimelineEntry) args[0]);
            return args[0];
        }
        throw new UnsupportedOperationException(m);
    });
    final WarrantyPolicy policy = new WarrantyPolicy(WarrantyTerms.THREE_GUARANTEES,
            BusinessClock.of(Clock.fixed(TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant(), SHANGHAI)));
    /** Keeps what the services post (they post after their transaction committed). */
    final CrmEventPublisher publisher = events::add;
    /** The core's directory: the methods of {@link Core}, whatever else the interface grows. */
    final CustomerDirectory directory = delegate(CustomerDirectory.class, core);
    /** The core's data-scope rule: the methods of {@link Core} too. */
    final DataScopes scopes = delegate(DataScopes.class, core);
    final ModelService models = new ModelService(jpa, auditTrail, policy);
    final HandsetService handsets = new HandsetService(jpa, auditTrail, directory, scopes, policy, publisher);
    final SaleService sales = new SaleService(jpa, auditTrail, timelineService, directory, scopes, policy, publisher);
    final CardImporter importer = new CardImporter(sales, directory, auditTrail, jpa);
    final BulkLoader loader = new BulkLoader(jpa, models, handsets, directory, policy, auditTrail);
    final CrmUser admin = CrmUser.SYSTEM;
    private final AtomicLong serials = new AtomicLong(86_123_450_000_000L);

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> handler) {
        return (T) Proxy.newProxyInstance(Fixture.class.getClassLoader(), new Class<?>[] { type }, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("equals") ? p == args[0] : m.getName().equals("hashCode") ? System.identityHashCode(p) : type.getSimpleName();
            }
            return handler.apply(m.getName(), args);
        });
    }

    /** A proxy of {@code type} that calls the method of the same name and parameters on {@code target}. */
    private static <T> T delegate(Class<T> type, Object target) {
        return proxy(type, (name, args) -> {
            for (java.lang.reflect.Method m : target.getClass().getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == (args == null ? 0 : args.length)) {
                    try {
                        m.setAccessible(true);
                        return m.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + name + " is not faked");
        });
    }

    /** A fresh valid IMEI. */
    String imei() {
        return Imei.withCheckDigit(Long.toString(serials.incrementAndGet()));
    }

    ModelData model(String code, Integer handsetMonths, Integer batteryMonths) {
        return models.create(admin, new ModelData(null, code, "Model " + code, "02-C045-192736", LocalDate.of(2023, 1, 10), handsetMonths, batteryMonths,
                null, null, null, null, null, null, null, null));
    }

    String register(String modelCode) {
        String imei = imei();
        handsets.register(admin, new RegisterRequest(imei, null, "SN" + imei, modelCode, "SC1", "B2024"));
        return imei;
    }

    CrmUser user(String name, ScopeType scope, Long accountId, String... permissions) {
        return new CrmUser(name, Set.of("test"), Set.of(permissions), new DataScope(scope, null, accountId));
    }

    @Override
    public void close() {
        jpa.close();
    }

    /** Contacts and an account tree, with the core's visibility rule: HQ sees all, others their account's subtree. */
    static final class Core {
        final Map<Long, ContactRef> contacts = new ConcurrentHashMap<>();
        final Map<Long, AccountRef> accounts = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(100);

        long account(String name, Long parentId) {
            long id = ids.incrementAndGet();
            accounts.put(id, new AccountRef(id, name, "STORE", parentId, "south"));
            return id;
        }

        long contact(String name, String mobile, Long accountId) {
            long id = ids.incrementAndGet();
            contacts.put(id, new ContactRef(id, name, mobile, accountId));
            return id;
        }

        public Optional<ContactRef> contact(long id) {
            return Optional.ofNullable(contacts.get(id));
        }

        public Optional<ContactRef> contactByMobile(String mobile) {
            return contacts.values().stream().filter(c -> mobile.equals(c.mobile())).findFirst();
        }

        public Optional<AccountRef> account(long id) {
            return Optional.ofNullable(accounts.get(id));
        }

        public boolean canSeeContact(CrmUser user, long contactId) {
            ContactRef c = contacts.get(contactId);
            return c != null && (user.scope().isUnrestricted() || (c.accountId() != null && canSeeAccount(user, c.accountId())));
        }

        public boolean canSee(CrmUser user, Long accountId) {
            return user.scope().isUnrestricted() || (accountId != null && canSeeAccount(user, accountId));
        }

        /** Lists name the visible accounts, as the core does for a small scope. */
        public ScopeFilter filter(CrmUser user) {
            return user.scope().isUnrestricted() ? ScopeFilter.unrestricted()
                    : ScopeFilter.accounts(all().stream().filter(id -> canSeeAccount(user, id)).sorted().toList());
        }

        public boolean canSeeAccount(CrmUser user, long accountId) {
            if (!accounts.containsKey(accountId)) {
                return false;
            }
            if (user.scope().isUnrestricted()) {
                return true;
            }
            Set<Long> seen = new HashSet<>();
            for (Long id = accountId; id != null && seen.add(id); id = accounts.get(id) == null ? null : accounts.get(id).parentId()) {
                if (id.equals(user.scope().accountId())) {
                    return true;
                }
            }
            return false;
        }

        List<Long> all() {
            return new ArrayList<>(accounts.keySet());
        }
    }
}
