package org.opencrm.platform.core.internal.service;

import java.io.IOException;
import java.io.Reader;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.csv.Csv;
import org.opencrm.platform.api.event.CrmEvents;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.dto.ImportReport;
import org.opencrm.platform.core.internal.model.Account;
import org.opencrm.platform.core.internal.model.Contact;
import org.opencrm.platform.core.internal.model.ContactStatus;
import org.opencrm.platform.core.internal.model.Gender;
import org.opencrm.platform.core.internal.model.Household;
import org.opencrm.platform.persistence.CachedTotal;
import org.opencrm.platform.persistence.IdBlocks;
import org.opencrm.platform.persistence.Queries;
import org.opencrm.platform.persistence.Schema;
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
    private static final int IMPORT_CHUNK = 1000;
    private static final int MAX_ERRORS_REPORTED = 1000;
    private static final int IMPORT_WORKERS = 2;

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Events events;
    private final BusinessClock clock;

    @Activate
    public ContactService(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference Events events, @Reference BusinessClock clock) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        // databases created before the index was declared get it now (EclipseLink only adds tables and columns)
        jpa.tx(TransactionType.Required, em -> Schema.ensureIndex(em, "CRM_CONTACT", NEWEST_INDEX, "ID DESC"));
    }

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
        return jpa.txExpr(TransactionType.Supports, em -> {
            Query q = query(user, em, page.query(), accountId, tag);
            boolean everything = q.scope.unrestricted() && page.query() == null && accountId == null && (tag == null || tag.isBlank());
            List<ContactData> found;
            if (everything) {
                found = newestFirst(em, page).stream().map(ContactService::toData).toList();
            } else {
                var items = q.bind(em.createQuery("SELECT c FROM Contact c" + q.where + q.orderBy, Contact.class));
                items.setFirstResult(page.offset());
                items.setMaxResults(page.limit());
                found = items.getResultList().stream().map(ContactService::toData).toList();
            }
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
     * dashboard chart. One range query on creation time per week keeps it simple and index-free at dashboard sizes.
     */
    public List<Long> createdPerWeek(CrmUser user, int weeks, Instant now) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Scope scope = Scope.of(user, em);
            List<Long> counts = new ArrayList<>();
            for (int i = weeks - 1; i >= 0; i--) {
                Instant from = now.minus(java.time.Duration.ofDays(7L * (i + 1)));
                Instant to = now.minus(java.time.Duration.ofDays(7L * i));
                counts.add(scope.bind(em.createQuery("SELECT COUNT(c) FROM Contact c WHERE c.createdAt >= :f AND c.createdAt < :t AND c.status <> :m"
                        + scope.contactCondition(), Long.class)).setParameter("f", from).setParameter("t", to)
                        .setParameter("m", ContactStatus.MERGED).getSingleResult());
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
        javax.persistence.Query ids = em.createNativeQuery("SELECT ID FROM CRM_CONTACT --DERBY-PROPERTIES index=" + NEWEST_INDEX
                + "\nWHERE STATUS <> ? ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
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
     * million contacts on a cold cache. The DERBY-PROPERTIES comment is an ordinary comment elsewhere.
     */
    private static long countAll(EntityManager em) {
        Object n = em.createNativeQuery("SELECT COUNT(*) FROM CRM_CONTACT --DERBY-PROPERTIES index=CRM_CONTACT_NAME\nWHERE NAMEKEY IS NOT NULL")
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
            checkUniqueMobile(em, c.mobile, null);
            em.persist(c);
            audit.record(user.username(), "contact", c.id.toString(), "create", changes(c));
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
                throw new ConflictException("merged", null, "contact " + id + " was merged into " + c.mergedIntoId + "; edit that one");
            }
            Queries.checkVersion("contact", id, in.version(), c.version);
            ContactStatus status = c.status;
            apply(c, in);
            c.status = in.status() == null ? status : in.status();
            if (c.status == ContactStatus.MERGED) {
                throw new InvalidInputException("status", "MERGED is set by a merge, not by an update");
            }
            checkReferences(user, em, c);
            checkUniqueMobile(em, c.mobile, c.id);
            c.updatedAt = Instant.now();
            c.updatedBy = user.username();
            audit.record(user.username(), "contact", c.id.toString(), "update", changes(c));
            em.flush();
            return toData(c);
        });
        events.post(CrmEvents.CONTACT_UPDATED, user.username(), CrmEvents.ID, id);
        return out;
    }

    public void delete(CrmUser user, long id, Long version) {
        user.require(WRITE);
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
            throw new InvalidInputException("targetId", "targetId is required");
        }
        if (sourceId == null) {
            throw new InvalidInputException("sourceId", "sourceId is required");
        }
        if (targetId.equals(sourceId)) {
            throw new InvalidInputException("sourceId", "a contact cannot be merged into itself");
        }
        ContactData out = jpa.txExpr(TransactionType.Required, em -> {
            Contact target = visible(user, em, targetId);
            Contact source = visible(user, em, sourceId);
            if (target.status == ContactStatus.MERGED || source.status == ContactStatus.MERGED) {
                throw new ConflictException("merged", "sourceId", "one of the contacts was already merged");
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
            if (em.find(Household.class, householdId) == null) {
                throw new RecordNotFoundException("household", householdId);
            }
            return em.createQuery("SELECT c FROM Contact c WHERE c.householdId = :h AND c.status <> :m ORDER BY c.id", Contact.class)
                    .setParameter("h", householdId).setParameter("m", ContactStatus.MERGED).getResultList().stream()
                    .filter(c -> canSee(user, em, c)).map(ContactService::toData).toList();
        });
    }

    public Household createHousehold(CrmUser user, String name) {
        user.require(WRITE);
        Household h = new Household();
        h.name = Validation.required("name", name, 100);
        h.createdAt = Instant.now();
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(h);
            audit.record(user.username(), "household", h.id.toString(), "create", Map.of("name", h.name));
            return h;
        });
    }

    public Household household(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Household h = em.find(Household.class, id);
            if (h == null) {
                throw new RecordNotFoundException("household", id);
            }
            return h;
        });
    }

    // ---- CSV import / export

    /**
     * Imports contacts from CSV with a header row (columns in any order; see CSV_COLUMNS). Each chunk of good rows
     * commits in one transaction; a bad row is reported with its line, field and reason and nothing of it is saved.
     */
    public ImportReport importCsv(CrmUser user, Reader csv) {
        user.require(WRITE);
        user.require(IMPORT_EXPORT);
        Csv.Parser parser = new Csv.Parser(csv);
        List<String> header;
        try {
            header = parser.next();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
        if (header == null || header.isEmpty()) {
            throw new InvalidInputException("body", "the CSV is empty; the first row must name the columns, e.g. " + String.join(",", CSV_COLUMNS));
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            if (!CSV_COLUMNS.contains(h)) {
                throw new InvalidInputException("header", "unknown column '" + h + "'; known columns: " + String.join(",", CSV_COLUMNS));
            }
            col.put(h, i);
        }
        if (!col.containsKey("name")) {
            throw new InvalidInputException("header", "the column 'name' is required");
        }
        long total = 0;
        long failed = 0;
        List<ImportReport.RowError> errors = new ArrayList<>();
        Set<String> mobilesInFile = new HashSet<>();
        Instant now = Instant.now();
        List<Contact> chunk = new ArrayList<>();
        List<Long> chunkLines = new ArrayList<>();
        // Chunks are saved by IMPORT_WORKERS threads, each in its own transaction, while this thread parses on: a
        // single Derby connection is CPU-bound in its B-tree and log code, so a second one nearly doubles the rate on
        // two cores. The semaphore bounds the chunks held in memory. Chunks never overlap in mobiles (checked above),
        // so concurrent transactions cannot race for the same unique key.
        ExecutorService workers = Executors.newFixedThreadPool(IMPORT_WORKERS, r -> {
            Thread t = new Thread(r, "crm-contact-import");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(IMPORT_WORKERS * 2);
        List<Future<ChunkResult>> saved = new ArrayList<>();
        try {
            while (true) {
                List<String> row;
                try {
                    row = parser.next();
                } catch (IllegalArgumentException e) {
                    failed++;
                    errors.add(new ImportReport.RowError(parser.recordLine(), null, e.getMessage()));
                    break;
                }
                if (row == null) {
                    break;
                }
                if (row.isEmpty()) {
                    continue;
                }
                total++;
                long line = parser.recordLine();
                try {
                    Contact c = new Contact();
                    apply(c, fromRow(row, col));
                    c.status = ContactStatus.ACTIVE;
                    c.owner = c.owner == null ? user.username() : c.owner;
                    c.createdAt = now;
                    c.createdBy = user.username();
                    c.updatedAt = now;
                    c.updatedBy = user.username();
                    if (c.mobile != null && !mobilesInFile.add(c.mobile)) {
                        throw new ConflictException("duplicate", "mobile", "mobile " + c.mobile + " appears earlier in this file");
                    }
                    chunk.add(c);
                    chunkLines.add(line);
                } catch (CrmException e) {
                    failed++;
                    if (errors.size() < MAX_ERRORS_REPORTED) {
                        errors.add(new ImportReport.RowError(line, e.field(), e.getMessage()));
                    }
                }
                if (chunk.size() >= IMPORT_CHUNK) {
                    saved.add(submitChunk(workers, inFlight, user, chunk, chunkLines));
                    chunk = new ArrayList<>();
                    chunkLines = new ArrayList<>();
                }
            }
            if (!chunk.isEmpty()) {
                saved.add(submitChunk(workers, inFlight, user, chunk, chunkLines));
            }
        } finally {
            workers.shutdown();
        }
        long imported = 0;
        RuntimeException firstFailure = null;
        for (Future<ChunkResult> f : saved) {
            try {
                ChunkResult r = f.get();
                imported += r.imported;
                failed += r.errors.size();
                allContacts.add(r.imported);
                errors.addAll(r.errors);
            } catch (ExecutionException e) {
                // a chunk whose transaction failed as a whole (database down, disk full): its rows were not saved
                firstFailure = firstFailure != null ? firstFailure
                        : e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            }
        }
        if (firstFailure != null) {
            // the chunks that did commit stay committed, as with a sequential import that failed half-way
            allContacts.invalidate();
            throw firstFailure;
        }
        errors.sort(Comparator.comparingLong(ImportReport.RowError::line));
        List<ImportReport.RowError> reported = errors.size() > MAX_ERRORS_REPORTED ? new ArrayList<>(errors.subList(0, MAX_ERRORS_REPORTED)) : errors;
        long importedFinal = imported;
        long failedFinal = failed;
        long totalFinal = total;
        jpa.tx(TransactionType.Required, em -> audit.record(user.username(), "contact", "import", "import",
                Map.of("rows", totalFinal, "imported", importedFinal, "failed", failedFinal)));
        return new ImportReport(total, imported, failed, reported);
    }

    private record ChunkResult(long imported, List<ImportReport.RowError> errors) {
    }

    private Future<ChunkResult> submitChunk(ExecutorService workers, Semaphore inFlight, CrmUser user, List<Contact> chunk, List<Long> lines) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
        try {
            return workers.submit(() -> {
                try {
                    List<ImportReport.RowError> rowErrors = new ArrayList<>();
                    // ids come from a block reserved in a transaction of its own, so the chunks' transactions do not
                    // queue behind one another on the id generator's row lock
                    OptionalLong firstId = jpa.txExpr(TransactionType.Required, em -> IdBlocks.reserve(em, Contact.ID_TABLE, Contact.ID_SEQUENCE, chunk.size()));
                    if (firstId.isPresent()) {
                        for (int i = 0; i < chunk.size(); i++) {
                            chunk.get(i).id = firstId.getAsLong() + i;
                        }
                    }
                    long ok = saveChunk(user, chunk, lines, rowErrors);
                    return new ChunkResult(ok, rowErrors);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Saves one chunk; rows whose mobile exists already or whose account is out of reach are reported instead. */
    private long saveChunk(CrmUser user, List<Contact> chunk, List<Long> lines, List<ImportReport.RowError> errors) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<String> mobiles = new HashSet<>();
            Set<Long> accountIds = new HashSet<>();
            for (Contact c : chunk) {
                if (c.mobile != null) {
                    mobiles.add(c.mobile);
                }
                if (c.accountId != null) {
                    accountIds.add(c.accountId);
                }
            }
            Set<String> existing = existingMobiles(em, mobiles);
            Scope scope = Scope.of(user, em);
            Map<Long, Boolean> accountOk = new HashMap<>();
            for (Long a : accountIds) {
                Account acc = em.find(Account.class, a);
                accountOk.put(a, acc != null && scope.covers(acc));
            }
            long ok = 0;
            for (int i = 0; i < chunk.size(); i++) {
                Contact c = chunk.get(i);
                String field = null;
                String message = null;
                if (c.mobile != null && existing.contains(c.mobile)) {
                    field = "mobile";
                    message = "a contact with mobile " + c.mobile + " already exists";
                } else if (c.accountId != null && !accountOk.get(c.accountId)) {
                    field = "accountId";
                    message = "account " + c.accountId + " does not exist or is not yours";
                } else if (c.accountId == null && !scope.unrestricted()) {
                    field = "accountId";
                    message = "accountId is required for your data scope";
                }
                if (message != null) {
                    errors.add(new ImportReport.RowError(lines.get(i), field, message));
                    continue;
                }
                em.persist(c);
                ok++;
            }
            return ok;
        });
    }

    /**
     * Which of these mobiles exist already, in one statement on the transaction's own JDBC connection. Derby compiles
     * an IN list once, while the table is still small, to a table scan and keeps that plan as the table grows (import
     * slowed to a crawl at 100,000 contacts), so the DERBY-PROPERTIES comment pins the unique mobile index (an
     * ordinary SQL comment elsewhere). Plain JDBC because EclipseLink's native-query translation matches each of the
     * 1,000 positional parameters by a linear search (quadratic: a sixth of the import's time went there).
     */
    private static Set<String> existingMobiles(EntityManager em, Set<String> mobiles) {
        if (mobiles.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql = new StringBuilder("SELECT MOBILE FROM CRM_CONTACT --DERBY-PROPERTIES index=CRM_CONTACT_MOBILE\nWHERE MOBILE IN (");
        sql.append("?,".repeat(mobiles.size() - 1)).append("?)");
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        Set<String> found = new HashSet<>();
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
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not look up existing mobiles: " + e.getMessage(), e);
        }
        return found;
    }

    private static ContactData fromRow(List<String> row, Map<String, Integer> col) {
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
                default -> throw new InvalidInputException("gender", "'" + g + "' is not one of MALE, FEMALE, UNKNOWN (or 男/女)");
            };
        }
        LocalDate birthday = null;
        String b = v.apply("birthday");
        if (b != null && !b.isBlank()) {
            try {
                birthday = LocalDate.parse(b.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("birthday", "'" + b + "' is not a date (yyyy-MM-dd)");
            }
        }
        Long accountId = null;
        String a = v.apply("accountId");
        if (a != null && !a.isBlank()) {
            try {
                accountId = Long.parseLong(a.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("accountId", "'" + a + "' is not an account id");
            }
        }
        return new ContactData(null, v.apply("name"), v.apply("mobile"), splitList(v.apply("otherPhones")), v.apply("email"),
                gender, birthday, v.apply("province"), v.apply("city"), v.apply("district"), v.apply("street"),
                splitList(v.apply("tags")), null, v.apply("owner"), accountId, null, null, null, null, null, null, null);
    }

    /** Streams the (scoped, filtered) contacts as CSV in id order, a thousand at a time, so memory stays flat. */
    public void exportCsv(CrmUser user, String text, Long accountId, String tag, Writer out) {
        user.require(READ);
        user.require(IMPORT_EXPORT);
        try {
            out.write('\uFEFF'); // Excel and WPS need the BOM to read UTF-8 Chinese correctly
            List<String> header = new ArrayList<>(List.of("id"));
            header.addAll(CSV_COLUMNS);
            out.write(Csv.line(header.toArray()));
            long lastId = Long.MIN_VALUE;
            while (true) {
                long after = lastId;
                List<Contact> batch = jpa.txExpr(TransactionType.Supports, em -> {
                    Query q = query(user, em, text, accountId, tag);
                    return q.bind(em.createQuery("SELECT c FROM Contact c" + q.where + " AND c.id > :after ORDER BY c.id", Contact.class))
                            .setParameter("after", after).setMaxResults(1000).getResultList();
                });
                for (Contact c : batch) {
                    out.write(Csv.line(c.id, c.name, c.mobile, c.email, c.gender, c.birthday, c.province, c.city, c.district,
                            c.street, String.join("|", tagList(c.tags)), c.accountId, c.owner, c.otherPhones == null ? "" : c.otherPhones.replace(',', '|')));
                }
                if (batch.size() < 1000) {
                    break;
                }
                lastId = batch.get(batch.size() - 1).id;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- mapping and validation

    private static void checkReferences(CrmUser user, EntityManager em, Contact c) {
        Scope scope = Scope.of(user, em);
        if (c.accountId != null) {
            Account a = em.find(Account.class, c.accountId);
            if (a == null || !scope.covers(a)) {
                throw new InvalidInputException("accountId", "account " + c.accountId + " does not exist");
            }
        } else if (!scope.unrestricted()) {
            throw new InvalidInputException("accountId", "accountId is required: contacts you create must belong to one of your accounts");
        }
        if (c.householdId != null && em.find(Household.class, c.householdId) == null) {
            throw new InvalidInputException("householdId", "household " + c.householdId + " does not exist");
        }
    }

    private static void checkUniqueMobile(EntityManager em, String mobile, Long selfId) {
        if (mobile == null) {
            return;
        }
        List<Long> ids = em.createQuery("SELECT c.id FROM Contact c WHERE c.mobile = :m", Long.class).setParameter("m", mobile)
                .getResultList();
        for (Long id : ids) {
            if (!id.equals(selfId)) {
                throw new ConflictException("duplicate", "mobile", "contact " + id + " already has mobile " + mobile);
            }
        }
    }

    private void apply(Contact c, ContactData in) {
        if (in == null) {
            throw new InvalidInputException("body", "contact details are required");
        }
        c.name = Validation.required("name", in.name(), 100);
        c.nameKey = c.name.toLowerCase(Locale.ROOT);
        c.mobile = Validation.mobile("mobile", in.mobile());
        List<String> phones = new ArrayList<>();
        if (in.otherPhones() != null) {
            if (in.otherPhones().size() > 5) {
                throw new InvalidInputException("otherPhones", "at most 5 other phone numbers");
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
            throw new InvalidInputException("birthday", "birthday " + in.birthday() + " is not plausible");
        }
        c.birthday = in.birthday();
        c.province = Validation.optional("province", in.province(), 50);
        c.city = Validation.optional("city", in.city(), 50);
        c.district = Validation.optional("district", in.district(), 50);
        c.street = Validation.optional("street", in.street(), 200);
        List<String> tags = new ArrayList<>();
        if (in.tags() != null) {
            if (in.tags().size() > 20) {
                throw new InvalidInputException("tags", "at most 20 tags");
            }
            for (String t : in.tags()) {
                String tag = Validation.optional("tags", t, 32);
                if (tag != null) {
                    if (tag.contains(",")) {
                        throw new InvalidInputException("tags", "a tag cannot contain ','");
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
                c.city, c.district, c.street, tagList(c.tags), c.status, c.owner, c.accountId, c.householdId, c.mergedIntoId,
                c.createdAt, c.createdBy, c.updatedAt, c.updatedBy, c.version);
    }
}
