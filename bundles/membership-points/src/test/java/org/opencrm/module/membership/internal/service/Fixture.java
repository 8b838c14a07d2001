package org.opencrm.module.membership.internal.service;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.opencrm.module.membership.api.Notification;
import org.opencrm.module.membership.api.NotificationSender;
import org.opencrm.module.membership.internal.dto.EarnRequest;
import org.opencrm.module.membership.internal.dto.EnrolRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
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
 * accounts with the core's scope rule, audit trail and timeline that record what they are given), a clock the test
 * moves, and a notification sender that records what it is handed.
 */
final class Fixture implements AutoCloseable {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant START = LocalDate.of(2024, 3, 20).atTime(10, 0).atZone(SHANGHAI).toInstant();

    final InMemoryJpa jpa = new InMemoryJpa("crm-membership");
    final Core core = new Core();
    final List<Object[]> audit = new CopyOnWriteArrayList<>();
    final List<TimelineEntry> timeline = new CopyOnWriteArrayList<>();
    final List<CrmEvent> events = new CopyOnWriteArrayList<>();
    final List<Notification> sent = new CopyOnWriteArrayList<>();
    final MovableClock clock = new MovableClock(START);
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
    /** Keeps what the services post (they post after their transaction committed). */
    final CrmEventPublisher publisher = events::add;
    final CustomerDirectory directory = delegate(CustomerDirectory.class, core);
    final Rules rules;
    /** The core's data-scope rule: the methods of {@link Core} too. */
    final DataScopes scopes = delegate(DataScopes.class, core);
    final Outbox outbox;
    final CardService cards;
    final PromotionService promotions;
    final MemberService members;
    final LedgerService ledger;
    final Maintenance maintenance;
    final CrmUser admin = CrmUser.SYSTEM;
    private final AtomicLong mobiles = new AtomicLong(13_800_000_000L);
    private final AtomicLong refs = new AtomicLong();

    Fixture() {
        this(Rules.Terms.defaults());
    }

    Fixture(Rules.Terms terms) {
        rules = new Rules(terms, BusinessClock.of(clock));
        outbox = new Outbox(jpa, rules);
        outbox.addSender(new NotificationSender() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public boolean supports(String channel) {
                return true;
            }

            @Override
            public void send(Notification n) {
                sent.add(n);
            }
        }, Map.of("service.ranking", 10));
        cards = new CardService(jpa, auditTrail, timelineService, directory, scopes, rules, publisher);
        promotions = new PromotionService(jpa, auditTrail, rules);
        members = new MemberService(jpa, auditTrail, timelineService, directory, scopes, rules, cards, publisher);
        ledger = new LedgerService(jpa, auditTrail, timelineService, directory, scopes, rules, promotions, outbox, publisher);
        maintenance = new Maintenance(jpa, ledger, outbox);
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        void set(Instant i) {
            now.set(i);
        }

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> handler) {
        return (T) Proxy.newProxyInstance(Fixture.class.getClassLoader(), new Class<?>[] { type }, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("equals") ? p == args[0] : m.getName().equals("hashCode") ? System.identityHashCode(p) : type.getSimpleName();
            }
            return handler.apply(m.getName(), args);
        });
    }

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

    String mobile() {
        return Long.toString(mobiles.incrementAndGet());
    }

    String ref() {
        return "T-" + refs.incrementAndGet();
    }

    /** A new member at the store (a new contact), with an active COMBINED card. */
    MemberData member(long store, LocalDate birthday) {
        return members.enrol(admin, new EnrolRequest(null, "会员" + refs.incrementAndGet(), mobile(), store, birthday, "COMBINED", 95));
    }

    MemberData reload(long id) {
        return members.get(admin, id);
    }

    EarnRequest purchase(String yuan, Long store) {
        return new EarnRequest(ref(), new BigDecimal(yuan), store, null, null, null);
    }

    CrmUser user(String name, ScopeType scope, Long accountId, String... permissions) {
        return new CrmUser(name, Set.of("test"), Set.of(permissions), new DataScope(scope, null, accountId));
    }

    /** Sum of the member's points ledger straight from the database. */
    long pointsLedgerSum(long memberId) {
        return jpa.txExpr(org.apache.aries.jpa.template.TransactionType.RequiresNew, em -> ((Number) em
                .createNativeQuery("SELECT COALESCE(SUM(POINTS), 0) FROM MP_POINTS WHERE MEMBERID = ?").setParameter(1, memberId).getSingleResult()).longValue());
    }

    long valueLedgerSum(long memberId) {
        return jpa.txExpr(org.apache.aries.jpa.template.TransactionType.RequiresNew, em -> ((Number) em
                .createNativeQuery("SELECT COALESCE(SUM(AMOUNTFEN), 0) FROM MP_VALUE WHERE MEMBERID = ?").setParameter(1, memberId).getSingleResult()).longValue());
    }

    long count(String table) {
        return jpa.count(table);
    }

    @Override
    public void close() {
        jpa.close();
    }

    /** Contacts and an account tree, with the core's visibility rule. */
    static final class Core {
        final Map<Long, ContactRef> contacts = new ConcurrentHashMap<>();
        final Map<Long, AccountRef> accounts = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(100);

        long account(String name, Long parentId) {
            long id = ids.incrementAndGet();
            accounts.put(id, new AccountRef(id, name, "STORE", parentId, "south"));
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

        public ContactRef createContact(CrmUser user, String name, String mobile, Long accountId) {
            long id = ids.incrementAndGet();
            ContactRef c = new ContactRef(id, name, mobile, accountId);
            contacts.put(id, c);
            return c;
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
                    : ScopeFilter.accounts(accounts.keySet().stream().filter(id -> canSeeAccount(user, id)).sorted().toList());
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
    }
}
