package org.opencrm.platform.core.internal.service;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.PayloadTooLargeException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.csv.Csv;
import org.opencrm.platform.api.csv.CsvImport;
import org.opencrm.platform.api.csv.ImportLimits;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.dto.ImportData;
import org.opencrm.platform.core.internal.dto.ImportReport;
import org.opencrm.platform.core.internal.imports.ImportConfig;
import org.opencrm.platform.core.internal.model.Account;
import org.opencrm.platform.core.internal.model.Contact;
import org.opencrm.platform.core.internal.model.ContactStatus;
import org.opencrm.platform.core.internal.model.ImportChunk;
import org.opencrm.platform.core.internal.model.ImportError;
import org.opencrm.platform.core.internal.model.ImportRecord;
import org.opencrm.platform.persistence.BulkInsert;
import org.opencrm.platform.persistence.IdBlocks;
import org.opencrm.platform.persistence.TransactionRetry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV imports of contacts, recorded (CRM_IMPORT: who, when, state) and saved in chunks of 1,000 rows. Each chunk
 * commits its contacts (tagged with the import's id), its refused rows and its own record (ImportChunk: lines,
 * counts, checksum) in one transaction, so whatever happens the database says exactly which lines are in:
 * <ul>
 * <li>a client that goes away or a body that breaks off ends the import INTERRUPTED; a node killed mid-import
 * leaves it RUNNING without heartbeats, which reads as INTERRUPTED once {@code staleAfterSeconds} passed and is
 * recorded so when that node starts again;</li>
 * <li>{@link #resume} reads the same file again, skips the lines of committed chunks (checking their checksums, so a
 * different file is refused) and imports the rest;</li>
 * <li>{@link #rollback} deletes the contacts the import created, except those changed since or referred to by a
 * module (kept and reported);</li>
 * <li>a body over the size limit (ImportLimits) is rolled back at once and answered 413.</li>
 * </ul>
 * Chunks are saved by two worker threads, each in its own transaction, while this thread parses on (a second Derby
 * connection nearly doubles the rate on two cores); a semaphore bounds the chunks held in memory.
 */
@Component(service = ContactImports.class, configurationPid = ImportLimits.PID)
public class ContactImports {
    private static final Logger LOG = LoggerFactory.getLogger(ContactImports.class);
    /**
     * A chunk whose transaction failed on a constraint (another writer took one of its mobiles meanwhile) is saved
     * again at once: the second run finds the mobile and reports the row. A lost lock race is run again as well.
     */
    private final TransactionRetry chunkRetry = TransactionRetry.standard().attempts(3)
            .when(f -> f.isIntegrityViolation() || f.isRetryable());
    static final String KIND = "contacts";
    static final String RECORD = "contact-import";
    private static final int CHUNK = 1000;
    private static final int ID_BLOCK = 10 * CHUNK;
    private static final int MAX_ERRORS = 1000;
    private static final int WORKERS = 2;
    private static final int ROLLBACK_BATCH = 500;
    private static final long HEARTBEAT_SECONDS = 10;

    private final JpaTemplate jpa;
    private final ContactService contacts;
    private final AuditTrail audit;
    private final ContactReferencesRegistry references;
    private final String node;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;
    private volatile Duration staleAfter;

    @Activate
    public ContactImports(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa, @Reference ContactService contacts,
            @Reference AuditTrail audit, @Reference ContactReferencesRegistry references, ImportConfig config) {
        this.jpa = jpa;
        this.contacts = contacts;
        this.audit = audit;
        this.references = references;
        this.node = nodeName();
        configure(config);
        // what this node was running when it stopped (killed, crashed) is interrupted: say so at once
        int interrupted = jpa.txExpr(TransactionType.RequiresNew, em -> em.createQuery(
                "UPDATE ImportRecord r SET r.status = 'INTERRUPTED', r.message = :m WHERE r.status = 'RUNNING' AND r.node = :node")
                .setParameter("m", "the node running it stopped before the end of the file; resume it with the same file or roll it back")
                .setParameter("node", node).executeUpdate());
        if (interrupted > 0) {
            LOG.warn("{} contact import(s) of this node were interrupted by its stop; see GET /api/v1/contacts/imports?status=INTERRUPTED", interrupted);
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crm-import-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @Modified
    void configure(ImportConfig config) {
        staleAfter = Duration.ofSeconds(Math.max(3 * HEARTBEAT_SECONDS, config.staleAfterSeconds()));
    }

    @Deactivate
    void stop() {
        heartbeat.shutdownNow();
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        String name = host + ":" + System.getProperty("karaf.data", System.getProperty("user.dir", ""));
        return name.length() > 300 ? name.substring(name.length() - 300) : name;
    }

    /** Tells other nodes (and readers) that this node's imports and rollbacks are alive. */
    void beat() {
        if (running.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(running);
        try {
            // plain SQL: a JPQL bulk update would also move the row's version and fail the import's own final update
            jpa.tx(TransactionType.RequiresNew, em -> {
                String sql = "UPDATE CRM_IMPORT SET HEARTBEATAT = ? WHERE ID IN (" + "?,".repeat(ids.size() - 1) + "?)";
                try (java.sql.PreparedStatement ps = em.unwrap(java.sql.Connection.class).prepareStatement(sql)) {
                    ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now()));
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("import heartbeat failed: {}", e.toString());
        }
    }

    // ---------------------------------------------------------------- import and resume

    /**
     * Imports contacts from CSV with a header row (columns in any order; see ContactService.CSV_COLUMNS). A bad header is
     * a 400 before anything is recorded; a bad row is reported with its line, field and reason and nothing of it saved.
     */
    public ImportReport importCsv(CrmUser user, Reader csv) {
        user.require(ContactService.WRITE);
        user.require(ContactService.IMPORT_EXPORT);
        Csv.Parser parser = new Csv.Parser(csv);
        Header header = header(parser);
        ImportRecord r = new ImportRecord();
        r.kind = KIND;
        r.actor = user.username();
        r.scopeAccountId = user.scope() == null || user.scope().isUnrestricted() ? null : user.scope().accountId();
        r.status = "RUNNING";
        r.startedAt = Instant.now();
        r.heartbeatAt = r.startedAt;
        r.node = node;
        r.headerChecksum = header.checksum;
        jpa.tx(TransactionType.RequiresNew, em -> em.persist(r));
        running.add(r.id);
        return run(user, r.id, parser, header, List.of(), "import");
    }

    /**
     * Continues an interrupted (or failed) import with the same file: the lines its committed chunks hold are skipped
     * (their checksums must match, else 409 {@code file_mismatch}), the rest imported. Answers the whole import's counts.
     */
    public ImportReport resume(CrmUser user, long id, Reader csv) {
        user.require(ContactService.WRITE);
        user.require(ContactService.IMPORT_EXPORT);
        ImportRecord r = jpa.txExpr(TransactionType.Supports, em -> visible(user, em, id));
        String status = effectiveStatus(r);
        if (!"INTERRUPTED".equals(status) && !"FAILED".equals(status)) {
            throw new ConflictException("invalid_status", "status", "import " + id + " is " + status + "; only an interrupted or failed import can be resumed",
                    "importNotResumable", id, status);
        }
        Csv.Parser parser = new Csv.Parser(csv);
        Header header = header(parser);
        if (header.checksum != r.headerChecksum) {
            throw new ConflictException("file_mismatch", "body", "the file's header differs from that of import " + id + "; resume needs the same file",
                    "importFileMismatch", id);
        }
        running.add(id);
        try {
            claim(id, r.version, "RUNNING", "import " + id + " is being resumed or rolled back by someone else");
        } catch (RuntimeException e) {
            running.remove(id);
            throw e;
        }
        List<ImportChunk> committed = jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("SELECT c FROM ImportChunk c WHERE c.importId = :id ORDER BY c.firstLine", ImportChunk.class).setParameter("id", id)
                        .getResultList());
        return run(user, id, parser, header, committed, "resume");
    }

    private void claim(long id, long version, String status, String raced) {
        try {
            jpa.tx(TransactionType.RequiresNew, em -> {
                ImportRecord r = em.find(ImportRecord.class, id);
                if (r.version != version) {
                    throw new ConflictException("stale_version", null, raced, "importBusy", id);
                }
                r.status = status;
                r.node = node;
                r.heartbeatAt = Instant.now();
                r.finishedAt = null;
                r.message = null;
            });
        } catch (OptimisticLockException e) {
            throw new ConflictException("stale_version", null, raced, "importBusy", id);
        }
    }

    /** The platform's header (columns by name) and the CRC32 of the header row, which a resume must match. */
    private record Header(CsvImport.Header csv, long checksum) {
    }

    private static final CsvImport.Columns COLUMNS = CsvImport.Columns.of(ContactService.CSV_COLUMNS).require("name");

    private static Header header(Csv.Parser parser) {
        CsvImport.Header header = CsvImport.header(parser, COLUMNS);
        CRC32 crc = new CRC32();
        update(crc, header.names());
        return new Header(header, crc.getValue());
    }

    /** CRC32 of a row: each field and a unit separator, a record separator at the end. */
    private static void update(CRC32 crc, List<String> row) {
        for (String f : row) {
            crc.update(f.getBytes(StandardCharsets.UTF_8));
            crc.update(0x1f);
        }
        crc.update(0x1e);
    }

    /** The rows of one chunk being gathered: good ones as contacts, refused ones as errors, all in the checksum. */
    private static final class Pending {
        final List<Contact> rows = new ArrayList<>();
        final List<Long> rowLines = new ArrayList<>();
        final List<ImportReport.RowError> errors = new ArrayList<>();
        final CRC32 crc = new CRC32();
        long firstLine = -1;
        long lastLine;
        long count;

        void add(long line, List<String> row) {
            if (firstLine < 0) {
                firstLine = line;
            }
            lastLine = line;
            count++;
            update(crc, row);
        }
    }

    private record ChunkResult(long imported, long failed) {
    }

    /** Walks the file; lines inside {@code committed} chunks are only checked, the others imported in new chunks. */
    private ImportReport run(CrmUser user, long id, Csv.Parser parser, Header header, List<ImportChunk> committed, String action) {
        running.add(id);
        Instant now = Instant.now();
        AtomicLong errorQuota = new AtomicLong(MAX_ERRORS - jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("SELECT COUNT(e) FROM ImportError e WHERE e.importId = :id", Long.class).setParameter("id", id).getSingleResult()));
        Set<Long> mobilesInFile = new HashSet<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "crm-contact-import");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(WORKERS * 2);
        // ten chunks' ids per reservation: one short transaction (and log flush) per 10,000 rows, not per chunk
        IdBlocks.Supply ids = IdBlocks.supply(ID_BLOCK,
                count -> jpa.txExpr(TransactionType.RequiresNew, em -> IdBlocks.reserve(em, Contact.ID_TABLE, Contact.ID_SEQUENCE, count)));
        List<Future<ChunkResult>> saved = new ArrayList<>();
        RuntimeException stopped = null;
        String endStatus = "COMPLETED";
        String message = null;
        try {
            Pending chunk = new Pending();
            int k = 0; // the committed chunk the parser is in or before
            CRC32 seen = new CRC32();
            long seenRows = 0;
            CsvImport.Rows rows = new CsvImport.Rows(parser, header.csv());
            for (CsvImport.Row next = rows.next(); next != null; next = rows.next()) {
                // broken: an unterminated quote made the rest of the file one record, reported as the last row
                List<String> row = next.fields();
                String broken = next.broken();
                long line = next.line();
                while (k < committed.size() && line > committed.get(k).lastLine) {
                    verify(id, committed.get(k), seen, seenRows);
                    seen = new CRC32();
                    seenRows = 0;
                    k++;
                }
                if (k < committed.size() && line >= committed.get(k).firstLine) {
                    // saved before: never straddled by a new chunk, only checked
                    if (chunk.count > 0) {
                        saved.add(submit(workers, inFlight, ids, user, id, chunk, errorQuota));
                        chunk = new Pending();
                    }
                    update(seen, row);
                    seenRows++;
                    if (broken != null) {
                        break;
                    }
                    continue;
                }
                chunk.add(line, row);
                if (broken != null) {
                    chunk.errors.add(new ImportReport.RowError(line, null, broken));
                    break;
                }
                try {
                    Contact c = new Contact();
                    contacts.apply(c, ContactService.fromRow(row, header.csv().columns()));
                    c.status = ContactStatus.ACTIVE;
                    c.owner = c.owner == null ? user.username() : c.owner;
                    c.createdAt = now;
                    c.createdBy = user.username();
                    c.updatedAt = now;
                    c.updatedBy = user.username();
                    c.importId = id;
                    if (c.mobile != null && !mobilesInFile.add(Long.valueOf(c.mobile))) {
                        throw new ConflictException("duplicate", "mobile", "mobile " + c.mobile + " appears earlier in this file", "contact.mobileTwiceInFile", c.mobile);
                    }
                    chunk.rows.add(c);
                    chunk.rowLines.add(line);
                } catch (CrmException e) {
                    chunk.errors.add(new ImportReport.RowError(line, e.field(), e.getMessage()));
                }
                if (chunk.count >= CHUNK) {
                    saved.add(submit(workers, inFlight, ids, user, id, chunk, errorQuota));
                    chunk = new Pending();
                }
            }
            for (; k < committed.size(); k++) {
                verify(id, committed.get(k), seen, seenRows);
                seen = new CRC32();
                seenRows = 0;
            }
            if (chunk.count > 0) {
                saved.add(submit(workers, inFlight, ids, user, id, chunk, errorQuota));
            }
        } catch (PayloadTooLargeException | ConflictException e) {
            stopped = e;
        } catch (UncheckedIOException e) {
            stopped = e;
            endStatus = "INTERRUPTED";
            message = "the file ended early (" + e.getCause().getMessage() + "): the upload broke off; resume the import with the same file or roll it back";
        } catch (RuntimeException e) {
            stopped = e;
        } finally {
            workers.shutdown();
        }
        RuntimeException chunkFailure = null;
        for (Future<ChunkResult> f : saved) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // a chunk whose transaction failed as a whole (database down, disk full): none of its lines were saved
                chunkFailure = chunkFailure != null ? chunkFailure
                        : e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                chunkFailure = new IllegalStateException("import interrupted", e);
            }
        }
        contacts.allContacts().invalidate();
        if (stopped instanceof PayloadTooLargeException tooLarge) {
            // nothing of a refused request is kept: what the chunks saved before the limit was reached goes again
            running.remove(id);
            rollbackQuietly(user, id, tooLarge.getMessage());
            throw tooLarge;
        }
        if (stopped == null && chunkFailure != null) {
            stopped = chunkFailure;
        }
        if (stopped != null && !"INTERRUPTED".equals(endStatus)) {
            endStatus = "FAILED";
            message = stopped instanceof CrmException ? stopped.getMessage() : "the import failed: " + stopped + "; resume it or roll it back";
            if (!(stopped instanceof CrmException)) {
                LOG.error("contact import {} failed", id, stopped);
            }
        }
        String status = endStatus;
        String text = message;
        finish(id, status, text);
        ImportData result = get(user, id);
        jpa.tx(TransactionType.RequiresNew, em -> audit.record(user.username(), RECORD, String.valueOf(id), action, counts(result), scopeAccount(em, id)));
        if (stopped != null && !"INTERRUPTED".equals(status)) {
            throw stopped;
        }
        return new ImportReport(id, status, result.total(), result.imported(), result.failed(), result.errors());
    }

    private void finish(long id, String status, String message) {
        try {
            jpa.tx(TransactionType.RequiresNew, em -> {
                ImportRecord r = em.find(ImportRecord.class, id);
                r.status = status;
                r.finishedAt = Instant.now();
                r.heartbeatAt = r.finishedAt;
                r.message = message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message;
            });
        } finally {
            running.remove(id);
        }
    }

    private static Map<String, Object> counts(ImportData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status());
        m.put("rows", d.total());
        m.put("imported", d.imported());
        m.put("failed", d.failed());
        return m;
    }

    private static Long scopeAccount(EntityManager em, long id) {
        ImportRecord r = em.find(ImportRecord.class, id);
        return r == null ? null : r.scopeAccountId;
    }

    private static void verify(long id, ImportChunk c, CRC32 seen, long rows) {
        if (rows != c.rowCount || seen.getValue() != c.checksum) {
            throw new ConflictException("file_mismatch", "body", "lines " + c.firstLine + "-" + c.lastLine + " differ from those import " + id
                    + " saved; resume needs the same file", "importFileMismatch", id);
        }
    }

    private Future<ChunkResult> submit(ExecutorService workers, Semaphore inFlight, IdBlocks.Supply ids, CrmUser user, long id, Pending chunk,
            AtomicLong errorQuota) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
        try {
            return workers.submit(() -> {
                try {
                    // ids come from a block reserved in a transaction of its own, so the chunks' transactions do not
                    // queue behind one another on the id generator's row lock
                    if (!chunk.rows.isEmpty()) {
                        OptionalLong firstId = ids.take(chunk.rows.size());
                        if (firstId.isPresent()) {
                            for (int i = 0; i < chunk.rows.size(); i++) {
                                chunk.rows.get(i).id = firstId.getAsLong() + i;
                            }
                        }
                    }
                    return save(user, id, chunk, errorQuota);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /**
     * Saves one chunk in one transaction: its good rows (a mobile that exists already or an account out of reach is
     * reported instead), its refused rows and its record. When another writer took a mobile of the chunk in the meantime
     * the transaction fails on the unique constraint; it is then tried again (the mobile is found and reported).
     */
    private ChunkResult save(CrmUser user, long id, Pending chunk, AtomicLong errorQuota) {
        return chunkRetry.run("import " + id + ", lines " + chunk.firstLine + "-" + chunk.lastLine,
                () -> jpa.txExpr(TransactionType.RequiresNew, em -> saveOnce(em, user, id, chunk, errorQuota)));
    }

    private ChunkResult saveOnce(EntityManager em, CrmUser user, long id, Pending chunk, AtomicLong errorQuota) {
        Set<String> mobiles = new HashSet<>();
        Set<Long> accountIds = new HashSet<>();
        for (Contact c : chunk.rows) {
            if (c.mobile != null) {
                mobiles.add(c.mobile);
            }
            if (c.accountId != null) {
                accountIds.add(c.accountId);
            }
        }
        Set<String> existing = ContactService.existingMobiles(em, mobiles);
        Scope scope = Scope.of(user, em);
        Map<Long, Boolean> accountOk = new HashMap<>();
        for (Long a : accountIds) {
            Account acc = em.find(Account.class, a);
            accountOk.put(a, acc != null && scope.covers(acc));
        }
        List<ImportReport.RowError> errors = new ArrayList<>(chunk.errors);
        List<Contact> accepted = new ArrayList<>(chunk.rows.size());
        long ok = 0;
        for (int i = 0; i < chunk.rows.size(); i++) {
            Contact c = chunk.rows.get(i);
            long line = chunk.rowLines.get(i);
            String field = null;
            String message = null;
            if (c.mobile != null && existing.contains(c.mobile)) {
                field = "mobile";
                // the importer learns that the number is taken, not whose it is
                message = "mobile " + c.mobile + " is already in use";
            } else if (c.accountId != null && !accountOk.get(c.accountId)) {
                field = "accountId";
                message = "account " + c.accountId + " does not exist or is not yours";
            } else if (c.accountId == null && !scope.unrestricted()) {
                field = "accountId";
                message = "accountId is required for your data scope";
            }
            if (message != null) {
                errors.add(new ImportReport.RowError(line, field, message));
                continue;
            }
            accepted.add(c);
            ok++;
        }
        insert(em, accepted);
        long keep;
        long left;
        do {
            left = errorQuota.get();
            keep = Math.max(0, Math.min(errors.size(), left));
        } while (keep > 0 && !errorQuota.compareAndSet(left, left - keep));
        errors.sort(java.util.Comparator.comparingLong(ImportReport.RowError::line));
        for (ImportReport.RowError e : errors.subList(0, (int) keep)) {
            ImportError row = new ImportError();
            row.importId = id;
            row.line = e.line();
            row.field = e.field();
            row.message = e.message() == null ? null : e.message().length() > 500 ? e.message().substring(0, 500) : e.message();
            em.persist(row);
        }
        ImportChunk record = new ImportChunk();
        record.importId = id;
        record.firstLine = chunk.firstLine;
        record.lastLine = chunk.lastLine;
        record.rowCount = chunk.count;
        record.imported = ok;
        record.failed = errors.size();
        record.checksum = chunk.crc.getValue();
        record.committedAt = Instant.now();
        em.persist(record);
        em.flush();
        return new ChunkResult(ok, errors.size());
    }

    /** CRM_CONTACT's columns as the bulk path writes them (see {@link #insert}). */
    static final List<BulkInsert.Column> CONTACT_COLUMNS = List.of(col("ID", Types.BIGINT), col("NAME", Types.VARCHAR), col("NAMEKEY", Types.VARCHAR),
            col("MOBILE", Types.VARCHAR), col("OTHERPHONES", Types.VARCHAR), col("EMAIL", Types.VARCHAR), col("EMAILKEY", Types.VARCHAR),
            col("GENDER", Types.VARCHAR), col("BIRTHDAY", Types.DATE), col("PROVINCE", Types.VARCHAR), col("CITY", Types.VARCHAR),
            col("DISTRICT", Types.VARCHAR), col("DIVISIONCODE", Types.VARCHAR), col("STREET", Types.VARCHAR), col("TAGS", Types.VARCHAR),
            col("STATUS", Types.VARCHAR), col("OWNER", Types.VARCHAR), col("ACCOUNTID", Types.BIGINT), col("HOUSEHOLDID", Types.BIGINT),
            col("MERGEDINTOID", Types.BIGINT), col("IMPORTID", Types.BIGINT), col("CREATEDAT", Types.TIMESTAMP), col("CREATEDBY", Types.VARCHAR),
            col("UPDATEDAT", Types.TIMESTAMP), col("UPDATEDBY", Types.VARCHAR), col("VERSION", Types.BIGINT));

    private static BulkInsert.Column col(String name, int type) {
        return BulkInsert.Column.of(name, type);
    }

    /**
     * Writes the chunk's accepted contacts in the chunk's transaction. With ids from the chunk's block they go in JDBC
     * batches on the transaction's connection, past EclipseLink's unit of work (registering, cloning and change sets
     * of a thousand new entities cost more than Derby needs to store them, see RESULTS.md); VERSION starts at 1 as
     * EclipseLink starts it. Contacts are not in the shared cache (persistence.xml), so no cached copy goes stale.
     * Without a block (the id generator's row does not exist yet: the first contact of a new database) JPA persists
     * them and creates the row.
     */
    private static void insert(EntityManager em, List<Contact> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        if (accepted.get(0).id == null) {
            for (Contact c : accepted) {
                em.persist(copy(c));
            }
            em.flush();
            return;
        }
        try (BulkInsert rows = BulkInsert.on(em, "CRM_CONTACT", CONTACT_COLUMNS)) {
            for (Contact c : accepted) {
                rows.row(c.id, c.name, c.nameKey, c.mobile, c.otherPhones, c.email, c.emailKey, c.gender, c.birthday, c.province, c.city, c.district,
                        c.divisionCode, c.street, c.tags, c.status, c.owner, c.accountId, c.householdId, c.mergedIntoId, c.importId, c.createdAt,
                        c.createdBy, c.updatedAt, c.updatedBy, 1L);
            }
        }
    }

    /** A new entity for each attempt, so that a rolled-back attempt leaves nothing behind on the next. */
    private static Contact copy(Contact c) {
        Contact n = new Contact();
        n.id = c.id;
        n.name = c.name;
        n.nameKey = c.nameKey;
        n.mobile = c.mobile;
        n.otherPhones = c.otherPhones;
        n.email = c.email;
        n.emailKey = c.emailKey;
        n.gender = c.gender;
        n.birthday = c.birthday;
        n.province = c.province;
        n.city = c.city;
        n.district = c.district;
        n.divisionCode = c.divisionCode;
        n.street = c.street;
        n.tags = c.tags;
        n.status = c.status;
        n.owner = c.owner;
        n.accountId = c.accountId;
        n.householdId = c.householdId;
        n.importId = c.importId;
        n.createdAt = c.createdAt;
        n.createdBy = c.createdBy;
        n.updatedAt = c.updatedAt;
        n.updatedBy = c.updatedBy;
        return n;
    }

    // ---------------------------------------------------------------- rollback

    /**
     * Deletes the contacts an import created, in batches of 500, each in a transaction of its own (a rollback cut short
     * stays ROLLING_BACK and is simply run again). Contacts changed since the import, merged, or referred to by a module
     * are kept (and no longer counted as the import's).
     */
    public ImportData rollback(CrmUser user, long id) {
        user.require(ContactService.WRITE);
        user.require(ContactService.IMPORT_EXPORT);
        ImportRecord r = jpa.txExpr(TransactionType.Supports, em -> visible(user, em, id));
        String status = effectiveStatus(r);
        if ("RUNNING".equals(status) || "ROLLED_BACK".equals(status) || ("ROLLING_BACK".equals(status) && running.contains(id))) {
            throw new ConflictException("invalid_status", "status", "import " + id + " is " + status + " and cannot be rolled back now",
                    "importNotRollbackable", id, status);
        }
        references.requireHoldersPresent(); // refused before anything changes, not half-way
        claim(id, r.version, "ROLLING_BACK", "import " + id + " is being resumed or rolled back by someone else");
        running.add(id);
        try {
            long[] counts = removeContacts(id);
            jpa.tx(TransactionType.RequiresNew, em -> {
                ImportRecord x = em.find(ImportRecord.class, id);
                x.status = "ROLLED_BACK";
                x.removedRows += counts[0];
                x.keptRows += counts[1];
                x.finishedAt = Instant.now();
                x.message = counts[1] == 0 ? null
                        : counts[1] + " contact(s) kept: changed since the import, merged, or referred to by a module";
                audit.record(user.username(), RECORD, String.valueOf(id), "rollback", Map.of("removed", counts[0], "kept", counts[1]), x.scopeAccountId);
            });
        } finally {
            running.remove(id);
            contacts.allContacts().invalidate();
        }
        return get(user, id);
    }

    private void rollbackQuietly(CrmUser user, long id, String reason) {
        try {
            running.add(id);
            long[] counts = removeContacts(id);
            jpa.tx(TransactionType.RequiresNew, em -> {
                ImportRecord x = em.find(ImportRecord.class, id);
                x.status = "ROLLED_BACK";
                x.removedRows += counts[0];
                x.keptRows += counts[1];
                x.finishedAt = Instant.now();
                x.message = reason;
                audit.record(user.username(), RECORD, String.valueOf(id), "rollback", Map.of("removed", counts[0], "kept", counts[1], "reason", reason),
                        x.scopeAccountId);
            });
        } catch (RuntimeException e) {
            LOG.error("contact import {} was refused ({}) but could not be rolled back; roll it back by its id", id, reason, e);
            finish(id, "FAILED", reason + "; the rollback failed: " + e);
        } finally {
            running.remove(id);
            contacts.allContacts().invalidate();
        }
    }

    /** {removed, kept} */
    private long[] removeContacts(long id) {
        long removed = 0;
        long kept = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<Long> ids = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "SELECT c.id FROM Contact c WHERE c.importId = :id AND c.id > :after ORDER BY c.id", Long.class).setParameter("id", id)
                    .setParameter("after", from).setMaxResults(ROLLBACK_BATCH).getResultList());
            if (ids.isEmpty()) {
                return new long[] { removed, kept };
            }
            Set<Long> referenced = references.referencedAmong(ids);
            long[] batch = jpa.txExpr(TransactionType.RequiresNew, em -> {
                long gone = 0;
                long stays = 0;
                for (Long cid : ids) {
                    Contact c = em.find(Contact.class, cid);
                    if (c == null) {
                        continue;
                    }
                    boolean changed = c.status == ContactStatus.MERGED || c.mergedIntoId != null
                            || (c.updatedAt != null && c.createdAt != null && c.updatedAt.isAfter(c.createdAt));
                    if (changed || referenced.contains(cid)) {
                        c.importId = null; // it is somebody's contact now, no longer the import's
                        stays++;
                    } else {
                        em.remove(c);
                        gone++;
                    }
                }
                return new long[] { gone, stays };
            });
            removed += batch[0];
            kept += batch[1];
            after = ids.get(ids.size() - 1);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Imports the user may see (HQ: all; others: their own), newest first; {@code status} filters by state. */
    public Page<ImportData> list(CrmUser user, String status, PageRequest page) {
        user.require(ContactService.IMPORT_EXPORT);
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !Set.of("RUNNING", "COMPLETED", "FAILED", "INTERRUPTED", "ROLLING_BACK", "ROLLED_BACK").contains(s)) {
            throw new InvalidInputException("status", "'" + status + "' is not one of RUNNING, COMPLETED, FAILED, INTERRUPTED, ROLLING_BACK, ROLLED_BACK", "notOneOf", status, "RUNNING, COMPLETED, FAILED, INTERRUPTED, ROLLING_BACK, ROLLED_BACK");
        }
        Instant staleCut = Instant.now().minus(staleAfter);
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder where = new StringBuilder(" WHERE r.kind = :kind");
            Map<String, Object> params = new HashMap<>();
            params.put("kind", KIND);
            if (user.scope() != null && !user.scope().isUnrestricted()) {
                where.append(" AND r.actor = :actor");
                params.put("actor", user.username());
            }
            if ("INTERRUPTED".equals(s)) {
                where.append(" AND (r.status = 'INTERRUPTED' OR (r.status = 'RUNNING' AND r.heartbeatAt < :stale))");
                params.put("stale", staleCut);
            } else if ("RUNNING".equals(s)) {
                where.append(" AND r.status = 'RUNNING' AND r.heartbeatAt >= :stale");
                params.put("stale", staleCut);
            } else if (s != null) {
                where.append(" AND r.status = :status");
                params.put("status", s);
            }
            var items = em.createQuery("SELECT r FROM ImportRecord r" + where + " ORDER BY r.id DESC", ImportRecord.class);
            var count = em.createQuery("SELECT COUNT(r) FROM ImportRecord r" + where, Long.class);
            params.forEach((k, v) -> {
                items.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<ImportRecord> rows = items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            Map<Long, long[]> sums = sums(em, rows.stream().map(r -> r.id).toList());
            return new Page<>(rows.stream().map(r -> data(r, sums.get(r.id), null)).toList(), count.getSingleResult());
        });
    }

    /** One import with its refused rows (the first thousand); 404 when the user may not see it. */
    public ImportData get(CrmUser user, long id) {
        user.require(ContactService.IMPORT_EXPORT);
        return jpa.txExpr(TransactionType.Supports, em -> {
            ImportRecord r = visible(user, em, id);
            List<ImportReport.RowError> errors = em.createQuery("SELECT e FROM ImportError e WHERE e.importId = :id ORDER BY e.line", ImportError.class)
                    .setParameter("id", id).setMaxResults(MAX_ERRORS).getResultList().stream()
                    .map(e -> new ImportReport.RowError(e.line, e.field, e.message)).toList();
            return data(r, sums(em, List.of(id)).get(id), errors);
        });
    }

    private static ImportRecord visible(CrmUser user, EntityManager em, long id) {
        ImportRecord r = em.find(ImportRecord.class, id);
        boolean hq = user.scope() == null || user.scope().isUnrestricted();
        if (r == null || !KIND.equals(r.kind) || (!hq && !r.actor.equals(user.username()))) {
            throw new RecordNotFoundException("import", id);
        }
        return r;
    }

    /** rows, imported, failed per import: the sums of their committed chunks. */
    private static Map<Long, long[]> sums(EntityManager em, List<Long> ids) {
        Map<Long, long[]> sums = new HashMap<>();
        if (ids.isEmpty()) {
            return sums;
        }
        for (Object[] row : em.createQuery("SELECT c.importId, SUM(c.rowCount), SUM(c.imported), SUM(c.failed) FROM ImportChunk c WHERE c.importId IN :ids "
                + "GROUP BY c.importId", Object[].class).setParameter("ids", ids).getResultList()) {
            sums.put(((Number) row[0]).longValue(), new long[] { ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue() });
        }
        return sums;
    }

    /** The state as readers see it: RUNNING without a heartbeat for {@code staleAfterSeconds} is INTERRUPTED. */
    String effectiveStatus(ImportRecord r) {
        if ("RUNNING".equals(r.status) && !running.contains(r.id)
                && (r.heartbeatAt == null || r.heartbeatAt.isBefore(Instant.now().minus(staleAfter)) || node.equals(r.node))) {
            return "INTERRUPTED";
        }
        return r.status;
    }

    private ImportData data(ImportRecord r, long[] sums, List<ImportReport.RowError> errors) {
        long[] s = sums == null ? new long[3] : sums;
        String status = effectiveStatus(r);
        String message = r.message;
        if ("INTERRUPTED".equals(status) && "RUNNING".equals(r.status)) {
            message = "no sign of life from the node running it since " + r.heartbeatAt + "; resume it with the same file or roll it back";
        }
        return new ImportData(r.id, r.kind, status, r.actor, r.startedAt, r.finishedAt, r.heartbeatAt, s[0], s[1], s[2], r.removedRows, r.keptRows, message,
                errors);
    }
}
