package org.opencrm.platform.core.internal.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.core.internal.address.Addresses;
import org.opencrm.platform.core.internal.schema.CoreSchema;
import org.opencrm.platform.persistence.Schema;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.csv.Csv;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.event.CrmEvents;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.model.Account;
import org.opencrm.platform.core.internal.model.Contact;
import org.opencrm.platform.core.internal.model.ContactStatus;
import org.opencrm.platform.core.internal.model.Gender;
import org.opencrm.platform.core.internal.model.Household;
import org.opencrm.platform.persistence.CachedTotal;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contacts: CRUD, scoped prefix search, duplicates, merge, CSV import and export. */
@Component(service = ContactService.class)
public class ContactService {
    static final String READ = "core.contact.read";
    static final String WRITE = "core.contact.write";
    static final String IMPORT_EXPORT = "core.contact.export";
    public static final List<String> CSV_COLUMNS = List.of("name", "mobile", "email", "gender", "birthday", "province",
            "city", "district", "street", "tags", "accountId", "owner", "otherPhones");

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final CrmEventPublisher events;
    private final BusinessClock clock;

    /** The national divisions the address names are coded with (the platform's data; loaded on first use). */
    private final org.opencrm.platform.api.address.AdministrativeDivisions divisions = Addresses.DIVISIONS;

    @Activate
    public ContactService(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference CrmEventPublisher events, @Reference BusinessClock clock, @Reference ContactReferencesRegistry references) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.references = references;
    }

    private final ContactReferencesRegistry references;

    /** Started once the core's schema is at the latest version (its unique mobile constraint, its indexes). */
    @Reference
    private CoreSchema schema;

    private static final String NEWEST_INDEX = "CRM_CONTACT_NEWEST";

    public ContactData get(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> toData(visible(user, em, id)));
    }

    Contact visible(CrmUser user, EntityManager em, long id) {
        Contact c = em.find(Contact.class, id);
        if (c == null || !canSee(user, em, c)) {
            throw new RecordNotFoundException("contact", id);
        }
        return c;
    }

    static boolean canSee(CrmUser user, EntityManager em, Contact c) {
        Scope scope = Scope.of(user, em);
        return scope.unrestricted() || (c.accountId != null && scope.covers(em.find(Account.class, c.accountId)));
    }

    /**
     * Search-as-you-type: digits search the mobile, text with '@' the e-mail, anything else the name, each as an
     * index-backed prefix match so it stays fast at millions of contacts.
     */
    public Page<ContactData> search(CrmUser user, PageRequest page, Long accountId, String tag) {
        user.require(READ);
        return inScope(user, page, accountId, tag);
    }

    /**
     * The first {@code limit} contacts the text finds (as {@link #search} orders them), without counting the rest: the
     * header search shows a few suggestions, and counting a short mobile prefix's matches at a million contacts costs
     * more than finding them.
     */
    public List<ContactData> firstMatches(CrmUser user, String text, int limit) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> matches(em, query(user, em, text, null, null), new PageRequest(text, 0, limit)));
    }

    private static List<ContactData> matches(EntityManager em, Query q, PageRequest page) {
        var items = q.bind(em.createQuery("SELECT c FROM Contact c" + q.where + q.orderBy, Contact.class));
        items.setFirstResult(page.offset());
        items.setMaxResults(page.limit());
        return items.getResultList().stream().map(ContactService::toData).toList();
    }

    /** {@link #search} without the read permission, for record pickers of modules (the scope still applies). */
    public Page<ContactData> inScope(CrmUser user, PageRequest page, Long accountId, String tag) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Query q = query(user, em, page.query(), accountId, tag);
            boolean everything = q.scope.unrestricted() && page.query() == null && accountId == null && (tag == null || tag.isBlank());
            List<ContactData> found = everything ? newestFirst(em, page).stream().map(ContactService::toData).toList() : matches(em, q, page);
            long total;
            if (everything) {
                total = allContacts.get(() -> countAll(em));
            } else if (page.offset() == 0 && found.size() < page.limit()) {
                total = found.size(); // the whole result fits on this page: no need to count
            } else {
                total = count(em, q);
            }
            return new Page<>(found, total);
        });
    }

    /**
     * Contacts created in each of the last {@code weeks} weeks (oldest first), within the user's scope: the
     * dashboard chart. CREATEDAT has no index (a seventh index on the contact table would cost every import row), so
     * the weeks are counted in ONE pass over the table with a sum per week: a query per week scanned it once per week
     * (2.6 s for eight weeks at a million contacts); an index would not help the worst case either, a week holding
     * most contacts (an import), which still counts every entry.
     */
    public List<Long> createdPerWeek(CrmUser user, int weeks, Instant now) {
        user.require(READ);
        if (weeks <= 0) {
            return List.of();
        }
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < weeks; i++) {
            sums.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN c.createdAt >= :f").append(i).append(" AND c.createdAt < :t").append(i)
                    .append(" THEN 1 ELSE 0 END)");
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            Scope scope = Scope.of(user, em);
            javax.persistence.Query q = scope.bind(em.createQuery("SELECT " + sums + " FROM Contact c WHERE c.createdAt >= :from AND c.createdAt < :to"
                    + " AND c.status <> :m" + scope.contactCondition()));
            for (int i = 0; i < weeks; i++) {
                // index i = the i-th week from the oldest
                int back = weeks - 1 - i;
                q.setParameter("f" + i, now.minus(java.time.Duration.ofDays(7L * (back + 1)))).setParameter("t" + i, now.minus(java.time.Duration.ofDays(7L * back)));
            }
            q.setParameter("from", now.minus(java.time.Duration.ofDays(7L * weeks))).setParameter("to", now).setParameter("m", ContactStatus.MERGED);
            Object row = q.getSingleResult();
            Object[] cells = row instanceof Object[] a ? a : new Object[] { row };
            List<Long> counts = new ArrayList<>(weeks);
            for (Object cell : cells) {
                counts.add(cell == null ? 0L : ((Number) cell).longValue()); // SUM over no rows is null
            }
            return counts;
        });
    }

    /**
     * One page of all contacts, newest first. Derby's optimizer ignores OFFSET/FETCH and sorted the whole table for
     * every page (1.4 s at a million contacts, 8 s on a cold cache); walking the descending id index is 2 ms. So the
     * ids come from a native query that names the index, then the rows by id.
     */
    private static List<Contact> newestFirst(EntityManager em, PageRequest page) {
        javax.persistence.Query ids = em.createNativeQuery("SELECT ID FROM CRM_CONTACT" + Schema.derbyHint(em, "index=" + NEWEST_INDEX)
                + "WHERE STATUS <> ? ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        ids.setParameter(1, ContactStatus.MERGED.name());
        ids.setParameter(2, page.offset());
        ids.setParameter(3, page.limit());
        List<Long> idList = ((List<?>) ids.getResultList()).stream().map(o -> ((Number) o).longValue()).toList();
        if (idList.isEmpty()) {
            return List.of();
        }
        List<Contact> rows = new ArrayList<>(em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class)
                .setParameter("ids", idList).getResultList());
        rows.sort(Comparator.comparing((Contact c) -> c.id).reversed());
        return rows;
    }

    private static long count(EntityManager em, Query q) {
        return q.bind(em.createQuery("SELECT COUNT(c) FROM Contact c" + q.where, Long.class)).getSingleResult();
    }

    /**
     * All contacts that are not merged away. Merged contacts have no name key, so this counts entries of the
     * (narrow) name index instead of scanning the table: Derby chose a table scan for the JPQL form, 9 s at a
     * million contacts on a cold cache. The hint goes to Derby only (Schema.derbyHint).
     */
    private static long countAll(EntityManager em) {
        Object n = em.createNativeQuery("SELECT COUNT(*) FROM CRM_CONTACT" + Schema.derbyHint(em, "index=CRM_CONTACT_NAME") + "WHERE NAMEKEY IS NOT NULL")
                .getSingleResult();
        return ((Number) n).longValue();
    }

    /** The unfiltered list's total, recounted at most once a minute (see CachedTotal). */
    private final CachedTotal allContacts = new CachedTotal(60_000);


    private record Query(String where, String orderBy, Scope scope, Map<String, Object> params) {
        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            scope.bind(query);
            params.forEach(query::setParameter);
            return query;
        }
    }

    private static Query query(CrmUser user, EntityManager em, String text, Long accountId, String tag) {
        Scope scope = Scope.of(user, em);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(scope.contactCondition());
        Map<String, Object> params = new HashMap<>();
        String order = " ORDER BY c.id DESC";
        if (text == null) {
            where.append(" AND c.status <> :merged");
            params.put("merged", ContactStatus.MERGED);
        } else {
            String digits = text.replaceAll("[\\s-]", "");
            if (digits.startsWith("+86")) {
                digits = digits.substring(3);
            }
            if (digits.matches("\\d+")) {
                where.append(" AND c.mobile LIKE :q ESCAPE '\\'");
                params.put("q", Queries.escapeLike(digits) + "%");
                order = " ORDER BY c.mobile";
            } else if (text.contains("@")) {
                where.append(" AND c.emailKey LIKE :q ESCAPE '\\'");
                params.put("q", Queries.prefixPattern(text));
                order = " ORDER BY c.emailKey, c.id";
            } else {
                where.append(" AND c.nameKey LIKE :q ESCAPE '\\'");
                params.put("q", Queries.prefixPattern(text));
                order = " ORDER BY c.nameKey, c.id";
            }
        }
        if (accountId != null) {
            where.append(" AND c.accountId = :account");
            params.put("account", accountId);
        }
        if (tag != null && !tag.isBlank()) {
            where.append(" AND c.tags LIKE :tag ESCAPE '\\'");
            params.put("tag", "%," + Queries.escapeLike(tag.strip()) + ",%");
        }
        return new Query(where.toString(), order, scope, params);
    }

    public ContactData create(CrmUser user, ContactData in) {
        user.require(WRITE);
        Contact c = new Contact();
        apply(c, in);
        c.status = in.status() == null || in.status() == ContactStatus.MERGED ? ContactStatus.ACTIVE : in.status();
        c.owner = c.owner == null ? user.username() : c.owner;
        c.createdAt = Instant.now();
        c.createdBy = user.username();
        c.updatedAt = c.createdAt;
        c.updatedBy = user.username();
        ContactData out = jpa.txExpr(TransactionType.Required, em -> {
            checkReferences(user, em, c);
            checkUniqueMobile(user, em, c.mobile, null);
            em.persist(c);
            audit.record(user.username(), "contact", c.id.toString(), "create", changes(c), c.accountId);
            em.flush();
            return toData(c);
        });
        allContacts.add(1);
        events.post(CrmEvents.CONTACT_CREATED, user.username(), CrmEvents.ID, out.id());
        return out;
    }

    public ContactData update(CrmUser user, long id, ContactData in) {
        user.require(WRITE);
        ContactData out = jpa.txExpr(TransactionType.Required, em -> {
            Contact c = visible(user, em, id);
            if (c.status == ContactStatus.MERGED) {
                throw new ConflictException("merged", null, "contact " + id + " was merged into " + c.mergedIntoId + "; edit that one", "contact.merged", id, c.mergedIntoId);
            }
            Queries.checkVersion("contact", id, in.version(), c.version);
            ContactStatus status = c.status;
            apply(c, in);
            c.status = in.status() == null ? status : in.status();
            if (c.status == ContactStatus.MERGED) {
                throw new InvalidInputException("status", "MERGED is set by a merge, not by an update", "contact.mergedByMerge");
            }
            checkReferences(user, em, c);
            checkUniqueMobile(user, em, c.mobile, c.id);
            c.updatedAt = Instant.now();
            c.updatedBy = user.username();
            audit.record(user.username(), "contact", c.id.toString(), "update", changes(c), c.accountId);
            em.flush();
            return toData(c);
        });
        events.post(CrmEvents.CONTACT_UPDATED, user.username(), CrmEvents.ID, id);
        return out;
    }

    /**
     * Deletes a contact nothing refers to. The modules are asked first (ContactReferences): a contact a member, a
     * warranty card, a repair order... refers to is refused with 409 {@code contact_referenced} naming them in
     * {@code locale}, as is any contact while a module that may refer to it is disabled; set it INACTIVE instead.
     */
    public void delete(CrmUser user, long id, Long version, java.util.Locale locale) {
        user.require(WRITE);
        jpa.txExpr(TransactionType.Supports, em -> visible(user, em, id));
        references.requireUnreferenced(id, locale);
        jpa.tx(TransactionType.Required, em -> {
            Contact c = visible(user, em, id);
            if (version != null) {
                Queries.checkVersion("contact", id, version, c.version);
            }
            // activities and timeline stay, attributed to the deleted id, for the audit's sake
            em.remove(c);
            audit.record(user.username(), "contact", String.valueOf(id), "delete", Map.of("name", c.name), c.accountId);
        });
        allContacts.add(-1);
        events.post(CrmEvents.CONTACT_DELETED, user.username(), CrmEvents.ID, id);
    }

    /** Possible duplicates of a contact: same e-mail, same name in the same city, or its mobile among other phones. */
    public List<ContactData> duplicates(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Contact c = visible(user, em, id);
            Map<Long, Contact> found = new LinkedHashMap<>();
            if (c.emailKey != null) {
                em.createQuery("SELECT x FROM Contact x WHERE x.emailKey = :e AND x.id <> :id AND x.status <> :m", Contact.class)
                        .setParameter("e", c.emailKey).setParameter("id", id).setParameter("m", ContactStatus.MERGED)
                        .setMaxResults(50).getResultList().forEach(x -> found.put(x.id, x));
            }
            em.createQuery("SELECT x FROM Contact x WHERE x.nameKey = :n AND x.id <> :id AND x.status <> :m", Contact.class)
                    .setParameter("n", c.nameKey).setParameter("id", id).setParameter("m", ContactStatus.MERGED)
                    .setMaxResults(200).getResultList().stream()
                    .filter(x -> Objects.equals(x.city, c.city) || (c.mobile != null && x.otherPhones != null && x.otherPhones.contains(c.mobile)))
                    .forEach(x -> found.put(x.id, x));
            return found.values().stream().filter(x -> canSee(user, em, x)).map(ContactService::toData).toList();
        });
    }

    /**
     * Merges source into target in one transaction: activities, timeline and household move to the target, empty
     * fields of the target are filled from the source, tags and phones are united; the source stays as MERGED
     * (pointing at the target) so that old references still resolve. Modules re-point their own records on
     * the CONTACT_MERGED event.
     */
    public ContactData merge(CrmUser user, Long targetId, Long sourceId) {
        user.require(WRITE);
        if (targetId == null) {
            throw new InvalidInputException("targetId", "targetId is required", "contact.mergeTargetRequired");
        }
        if (sourceId == null) {
            throw new InvalidInputException("sourceId", "sourceId is required", "contact.mergeSourceRequired");
        }
        if (targetId.equals(sourceId)) {
            throw new InvalidInputException("sourceId", "a contact cannot be merged into itself", "contact.mergeSelf");
        }
        ContactData out = jpa.txExpr(TransactionType.Required, em -> {
            Contact target = visible(user, em, targetId);
            Contact source = visible(user, em, sourceId);
            if (target.status == ContactStatus.MERGED || source.status == ContactStatus.MERGED) {
                throw new ConflictException("merged", "sourceId", "one of the contacts was already merged", "contact.alreadyMerged");
            }
            String sourceMobile = source.mobile;
            if (sourceMobile != null) {
                source.mobile = null;
                em.flush(); // release the unique mobile before the target may take it
            }
            if (target.mobile == null) {
                target.mobile = sourceMobile;
            } else if (sourceMobile != null && !sourceMobile.equals(target.mobile)) {
                target.otherPhones = joinList(union(splitList(target.otherPhones), List.of(sourceMobile)));
            }
            target.otherPhones = joinList(union(splitList(target.otherPhones), splitList(source.otherPhones)));
            if (target.email == null) {
                target.email = source.email;
                target.emailKey = source.emailKey;
            }
            target.gender = target.gender == null || target.gender == Gender.UNKNOWN ? source.gender : target.gender;
            target.birthday = target.birthday == null ? source.birthday : target.birthday;
            if (target.province == null && target.city == null) {
                target.province = source.province;
                target.city = source.city;
                target.district = source.district;
                target.street = source.street;
            }
            target.accountId = target.accountId == null ? source.accountId : target.accountId;
            target.householdId = target.householdId == null ? source.householdId : target.householdId;
            target.tags = tagsColumn(union(tagList(target.tags), tagList(source.tags)));
            target.updatedAt = Instant.now();
            target.updatedBy = user.username();
            source.status = ContactStatus.MERGED;
            source.mergedIntoId = target.id;
            source.nameKey = null; // search keys go, so prefix searches never find merged contacts
            source.emailKey = null;
            source.updatedAt = target.updatedAt;
            source.updatedBy = user.username();
            em.createQuery("UPDATE Activity a SET a.contactId = :t WHERE a.contactId = :s").setParameter("t", targetId)
                    .setParameter("s", sourceId).executeUpdate();
            em.createQuery("UPDATE TimelineRecord r SET r.contactId = :t WHERE r.contactId = :s").setParameter("t", targetId)
                    .setParameter("s", sourceId).executeUpdate();
            audit.record(user.username(), "contact", target.id.toString(), "merge", Map.of("mergedFrom", sourceId), target.accountId);
            audit.record(user.username(), "contact", source.id.toString(), "merged", Map.of("mergedInto", targetId), source.accountId);
            em.flush();
            return toData(target);
        });
        allContacts.add(-1);
        events.post(CrmEvents.CONTACT_MERGED, user.username(), CrmEvents.SOURCE_ID, sourceId, CrmEvents.TARGET_ID, targetId);
        return out;
    }

    public List<ContactData> householdMembers(CrmUser user, long householdId) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            visibleHousehold(user, em, householdId);
            return members(user, em, householdId);
        });
    }

    private static List<ContactData> members(CrmUser user, EntityManager em, long householdId) {
        return em.createQuery("SELECT c FROM Contact c WHERE c.householdId = :h AND c.status <> :m ORDER BY c.id", Contact.class)
                .setParameter("h", householdId).setParameter("m", ContactStatus.MERGED).getResultList().stream()
                .filter(c -> canSee(user, em, c)).map(ContactService::toData).toList();
    }

    /**
     * A household the user may see, else 404 as if it did not exist: HQ sees all; others those kept by an account in
     * their scope, and the company's (no account) ones only when one of their own contacts belongs to it.
     */
    static Household visibleHousehold(CrmUser user, EntityManager em, long id) {
        Household h = em.find(Household.class, id);
        if (h == null) {
            throw new RecordNotFoundException("household", id);
        }
        Scope scope = Scope.of(user, em);
        if (scope.unrestricted()) {
            return h;
        }
        if (h.accountId != null ? scope.covers(em.find(Account.class, h.accountId)) : !members(user, em, id).isEmpty()) {
            return h;
        }
        throw new RecordNotFoundException("household", id);
    }

    /**
     * A new household kept by {@code accountId}: for a PARTNER or STORE user by default the own account, and always an
     * account inside the user's scope; HQ's without an account are the company's.
     */
    public Household createHousehold(CrmUser user, String name, Long accountId) {
        user.require(WRITE);
        Household h = new Household();
        h.name = Validation.required("name", name, 100);
        h.createdAt = Instant.now();
        return jpa.txExpr(TransactionType.Required, em -> {
            Scope scope = Scope.of(user, em);
            Long account = accountId;
            if (account == null && !scope.unrestricted()) {
                account = user.scope().accountId();
                if (account == null) {
                    throw new InvalidInputException("accountId", "accountId is required: the account of yours that keeps the household", "required");
                }
            }
            if (account != null) {
                Account a = em.find(Account.class, account);
                if (a == null || !scope.covers(a)) {
                    throw new InvalidInputException("accountId", "account " + account + " does not exist", "noSuchAccount", account);
                }
            }
            h.accountId = account;
            em.persist(h);
            audit.record(user.username(), "household", h.id.toString(), "create", Map.of("name", h.name), h.accountId);
            return h;
        });
    }

    /** A household the user may see (404 otherwise). */
    public Household household(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> visibleHousehold(user, em, id));
    }

    // ---- CSV import (ContactImports runs it) / export

    /** The unfiltered list's total: imports and rollbacks adjust it. */
    CachedTotal allContacts() {
        return allContacts;
    }

    /**
     * Which of these mobiles exist already, in one statement on the transaction's own JDBC connection. Derby compiles
     * an IN list once, while the table is still small, to a table scan and keeps that plan as the table grows (import
     * slowed to a crawl at 100,000 contacts), so a Derby hint pins the index of the mobile's unique constraint (Derby only:
     * Schema.derbyHint). Plain JDBC because EclipseLink's native-query translation matches each of the
     * 1,000 positional parameters by a linear search (quadratic: a sixth of the import's time went there).
     */
    static Set<String> existingMobiles(EntityManager em, Set<String> mobiles) {
        if (mobiles.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql = new StringBuilder("SELECT MOBILE FROM CRM_CONTACT" + Schema.derbyHint(em, "constraint=" + Contact.MOBILE_CONSTRAINT) + "WHERE MOBILE IN (");
        sql.append("?,".repeat(mobiles.size() - 1)).append("?)");
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        Set<String> found = new HashSet<>();
        try {
            // PostgreSQL: the same stale-plan trap as Derby's above, avoided by planning each run for its values
            Schema.planForActualValues(connection);
            try (java.sql.PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                int i = 1;
                for (String m : mobiles) {
                    ps.setString(i++, m);
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not look up existing mobiles: " + e.getMessage(), e);
        }
        return found;
    }

    static ContactData fromRow(List<String> row, Map<String, Integer> col) {
        java.util.function.Function<String, String> v = name -> {
            Integer i = col.get(name);
            return i == null || i >= row.size() ? null : row.get(i);
        };
        Gender gender = null;
        String g = v.apply("gender");
        if (g != null && !g.isBlank()) {
            gender = switch (g.strip().toUpperCase(Locale.ROOT)) {
                case "MALE", "M", "男" -> Gender.MALE;
                case "FEMALE", "F", "女" -> Gender.FEMALE;
                case "UNKNOWN" -> Gender.UNKNOWN;
                default -> throw new InvalidInputException("gender", "'" + g + "' is not one of MALE, FEMALE, UNKNOWN (or 男/女)", "contact.gender", g);
            };
        }
        LocalDate birthday = null;
        String b = v.apply("birthday");
        if (b != null && !b.isBlank()) {
            try {
                birthday = LocalDate.parse(b.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("birthday", "'" + b + "' is not a date (yyyy-MM-dd)", "notADate", b);
            }
        }
        Long accountId = null;
        String a = v.apply("accountId");
        if (a != null && !a.isBlank()) {
            try {
                accountId = Long.parseLong(a.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("accountId", "'" + a + "' is not an account id", "contact.notAnAccountId", a);
            }
        }
        return new ContactData(null, v.apply("name"), v.apply("mobile"), splitList(v.apply("otherPhones")), v.apply("email"),
                gender, birthday, v.apply("province"), v.apply("city"), v.apply("district"), null, v.apply("street"),
                splitList(v.apply("tags")), null, v.apply("owner"), accountId, null, null, null, null, null, null, null);
    }

    private static final int EXPORT_BATCH = 1000;
    private static final String EXPORT_COLUMNS = "ID, NAME, MOBILE, EMAIL, GENDER, BIRTHDAY, PROVINCE, CITY, DISTRICT, STREET, TAGS, ACCOUNTID, OWNER, OTHERPHONES";
    /** The primary key constraint of CRM_CONTACT as Derby named it, for the export's hint (looked up once). */
    private volatile String contactKey;

    /**
     * Streams the (scoped, filtered) contacts as CSV in id order with keyset paging: each batch of 1,000 is the next
     * ids after the last one written, read by plain JDBC in a short transaction of its own, written and flushed before
     * the next is read, so memory stays flat, no connection is held while a slow client reads, and the time grows
     * with the rows. Derby sorted the whole match set again for every batch (quadratic: an hour at half a million
     * contacts), so on Derby the batches walk the primary key ({@code constraint=} hint): one pass over the table in
     * all. A filter on an indexed key (q, accountId) may match few rows, so its first batch leaves the plan to the
     * optimizer; only when it fills a batch do the rest walk the key. PostgreSQL plans the same statement without hints.
     */
    public void exportCsv(CrmUser user, String text, Long accountId, String tag, Writer out) {
        user.require(READ);
        user.require(IMPORT_EXPORT);
        try {
            out.write('\uFEFF'); // Excel and WPS need the BOM to read UTF-8 Chinese correctly
            List<String> header = new ArrayList<>(List.of("id"));
            header.addAll(CSV_COLUMNS);
            out.write(Csv.line(header.toArray()));
            long lastId = Long.MIN_VALUE;
            boolean walkKey = text == null && accountId == null;
            while (true) {
                long after = lastId;
                boolean hinted = walkKey;
                List<Object[]> batch = jpa.txExpr(TransactionType.Required, em -> exportBatch(em, user, text, accountId, tag, after, hinted));
                for (Object[] r : batch) {
                    out.write(Csv.line(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], String.join("|", tagList((String) r[10])), r[11], r[12],
                            r[13] == null ? "" : ((String) r[13]).replace(',', '|')));
                }
                out.flush();
                if (batch.size() < EXPORT_BATCH) {
                    break;
                }
                lastId = ((Number) batch.get(batch.size() - 1)[0]).longValue();
                walkKey = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Object[]> exportBatch(EntityManager em, CrmUser user, String text, Long accountId, String tag, long after, boolean walkKey) {
        StringBuilder sql = new StringBuilder("SELECT " + EXPORT_COLUMNS + " FROM CRM_CONTACT");
        if (walkKey && Schema.isDerby(em)) {
            String key = contactKey;
            if (key == null) {
                key = Schema.primaryKeyName(em, "CRM_CONTACT").orElse("");
                contactKey = key;
            }
            if (!key.isEmpty()) {
                sql.append(Schema.derbyHint(em, "constraint=" + key));
            }
        }
        sql.append(" WHERE ID > ?");
        List<Object> params = new ArrayList<>();
        params.add(after);
        if (text == null) {
            sql.append(" AND STATUS <> ?");
            params.add(ContactStatus.MERGED.name());
        } else {
            String digits = text.replaceAll("[\\s-]", "");
            if (digits.startsWith("+86")) {
                digits = digits.substring(3);
            }
            if (digits.matches("\\d+")) {
                sql.append(" AND MOBILE LIKE ? ESCAPE '\\'");
                params.add(Queries.escapeLike(digits) + "%");
            } else if (text.contains("@")) {
                sql.append(" AND EMAILKEY LIKE ? ESCAPE '\\'");
                params.add(Queries.prefixPattern(text));
            } else {
                sql.append(" AND NAMEKEY LIKE ? ESCAPE '\\'");
                params.add(Queries.prefixPattern(text));
            }
        }
        if (accountId != null) {
            sql.append(" AND ACCOUNTID = ?");
            params.add(accountId);
        }
        if (tag != null && !tag.isBlank()) {
            sql.append(" AND TAGS LIKE ? ESCAPE '\\'");
            params.add("%," + Queries.escapeLike(tag.strip()) + ",%");
        }
        Scope scope = Scope.of(user, em);
        if (!scope.unrestricted()) {
            Object region = scope.params().get("scopeRegion");
            if (region != null) {
                sql.append(" AND ACCOUNTID IN (SELECT ID FROM CRM_ACCOUNT WHERE REGION = ?)");
                params.add(region);
            } else {
                sql.append(" AND ACCOUNTID IN (SELECT ID FROM CRM_ACCOUNT WHERE PATH LIKE ?)");
                params.add(scope.params().get("scopePath"));
            }
        }
        sql.append(" ORDER BY ID FETCH FIRST ").append(EXPORT_BATCH).append(" ROWS ONLY");
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        List<Object[]> rows = new ArrayList<>(EXPORT_BATCH);
        try (java.sql.PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Date birthday = rs.getDate(6);
                    rows.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            birthday == null ? null : birthday.toLocalDate(), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getObject(12) == null ? null : rs.getLong(12), rs.getString(13), rs.getString(14) });
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read contacts for the export: " + e.getMessage(), e);
        }
        return rows;
    }

    // ---- mapping and validation

    private static void checkReferences(CrmUser user, EntityManager em, Contact c) {
        Scope scope = Scope.of(user, em);
        if (c.accountId != null) {
            Account a = em.find(Account.class, c.accountId);
            if (a == null || !scope.covers(a)) {
                throw new InvalidInputException("accountId", "account " + c.accountId + " does not exist", "noSuchAccount", c.accountId);
            }
        } else if (!scope.unrestricted()) {
            throw new InvalidInputException("accountId", "accountId is required: contacts you create must belong to one of your accounts", "contact.accountRequired");
        }
        if (c.householdId != null) {
            try {
                visibleHousehold(user, em, c.householdId);
            } catch (RecordNotFoundException e) {
                throw new InvalidInputException("householdId", "household " + c.householdId + " does not exist", "contact.noSuchHousehold", c.householdId);
            }
        }
    }

    /**
     * Mobiles are unique. The conflicting contact is named only when the user may see it: for another partner's
     * contact the answer is a plain "in use", so the refusal is no way to look into another partner's customers.
     */
    static void checkUniqueMobile(CrmUser user, EntityManager em, String mobile, Long selfId) {
        if (mobile == null) {
            return;
        }
        List<Contact> found = em.createQuery("SELECT c FROM Contact c WHERE c.mobile = :m", Contact.class).setParameter("m", mobile)
                .getResultList();
        for (Contact other : found) {
            if (!other.id.equals(selfId)) {
                throw mobileTaken(user, em, other, mobile);
            }
        }
    }

    static ConflictException mobileTaken(CrmUser user, EntityManager em, Contact other, String mobile) {
        if (other != null && canSee(user, em, other)) {
            return new ConflictException("duplicate", "mobile", "contact " + other.id + " already has mobile " + mobile, "mobileTaken", mobile, other.id);
        }
        return new ConflictException("duplicate", "mobile", "mobile " + mobile + " is already in use", "mobileInUse", mobile);
    }

    void apply(Contact c, ContactData in) {
        if (in == null) {
            throw new InvalidInputException("body", "contact details are required", "contact.bodyRequired");
        }
        c.name = Validation.required("name", in.name(), 100);
        c.nameKey = c.name.toLowerCase(Locale.ROOT);
        c.mobile = Validation.mobile("mobile", in.mobile());
        List<String> phones = new ArrayList<>();
        if (in.otherPhones() != null) {
            if (in.otherPhones().size() > 5) {
                throw new InvalidInputException("otherPhones", "at most 5 other phone numbers", "contact.tooManyPhones");
            }
            for (String p : in.otherPhones()) {
                String ph = Validation.phone("otherPhones", p);
                if (ph != null) {
                    phones.add(ph);
                }
            }
        }
        c.otherPhones = joinList(phones);
        c.email = Validation.email("email", in.email());
        c.emailKey = c.email == null ? null : c.email.toLowerCase(Locale.ROOT);
        c.gender = in.gender() == null ? Gender.UNKNOWN : in.gender();
        if (in.birthday() != null && (in.birthday().isAfter(clock.today()) || in.birthday().getYear() < 1900)) {
            throw new InvalidInputException("birthday", "birthday " + in.birthday() + " is not plausible", "contact.birthdayImplausible", in.birthday());
        }
        c.birthday = in.birthday();
        c.province = Validation.optional("province", in.province(), 50);
        c.city = Validation.optional("city", in.city(), 50);
        c.district = Validation.optional("district", in.district(), 50);
        // stored as names and as the code of the division they name (省/市/区 chosen from the national divisions)
        Addresses.Coded address = Addresses.code(divisions, c.province, c.city, c.district, in.divisionCode());
        c.province = address.province();
        c.city = address.city();
        c.district = address.district();
        c.divisionCode = address.divisionCode();
        c.street = Validation.optional("street", in.street(), 200);
        List<String> tags = new ArrayList<>();
        if (in.tags() != null) {
            if (in.tags().size() > 20) {
                throw new InvalidInputException("tags", "at most 20 tags", "contact.tooManyTags");
            }
            for (String t : in.tags()) {
                String tag = Validation.optional("tags", t, 32);
                if (tag != null) {
                    if (tag.contains(",")) {
                        throw new InvalidInputException("tags", "a tag cannot contain ','", "contact.tagComma");
                    }
                    tags.add(tag);
                }
            }
        }
        c.tags = tagsColumn(new ArrayList<>(new LinkedHashSet<>(tags)));
        c.owner = Validation.optional("owner", in.owner(), 64);
        c.accountId = in.accountId();
        c.householdId = in.householdId();
    }

    private static Map<String, Object> changes(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name);
        m.put("mobile", c.mobile);
        m.put("otherPhones", c.otherPhones);
        m.put("email", c.email);
        m.put("gender", c.gender);
        m.put("birthday", c.birthday);
        m.put("province", c.province);
        m.put("city", c.city);
        m.put("district", c.district);
        m.put("divisionCode", c.divisionCode);
        m.put("street", c.street);
        m.put("tags", c.tags);
        m.put("status", c.status);
        m.put("owner", c.owner);
        m.put("accountId", c.accountId);
        m.put("householdId", c.householdId);
        return m;
    }

    static String tagsColumn(List<String> tags) {
        return tags.isEmpty() ? null : "," + String.join(",", tags) + ",";
    }

    static List<String> tagList(String column) {
        return splitList(column);
    }

    static List<String> splitList(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("[,|]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static String joinList(List<String> items) {
        return items.isEmpty() ? null : String.join(",", items);
    }

    static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    public static ContactData toData(Contact c) {
        return new ContactData(c.id, c.name, c.mobile, splitList(c.otherPhones), c.email, c.gender, c.birthday, c.province,
                c.city, c.district, c.divisionCode, c.street, tagList(c.tags), c.status, c.owner, c.accountId, c.householdId, c.mergedIntoId,
                c.createdAt, c.createdBy, c.updatedAt, c.updatedBy, c.version);
    }
}
