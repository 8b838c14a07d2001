package org.opencrm.platform.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * One CSV import: who, when, what came of it. Its rows, saved rows and refused rows are the sums of its chunks
 * (ImportChunk), each committed with its contacts, so an import cut short (client gone, process killed) shows exactly what was saved and can be resumed or
 * rolled back. {@code status}: RUNNING, COMPLETED, FAILED, INTERRUPTED, ROLLING_BACK, ROLLED_BACK. A RUNNING import
 * whose node stopped beating is interrupted (read as INTERRUPTED; recorded so at the next start of that node).
 */
@Entity
@Table(name = "CRM_IMPORT", indexes = { @Index(name = "CRM_IMPORT_ACTOR", columnList = "ACTOR,ID"), @Index(name = "CRM_IMPORT_STATUS", columnList = "STATUS") })
public class ImportRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "importIds")
    @TableGenerator(name = "importIds", table = "CRM_SEQUENCE", pkColumnValue = "IMPORT", allocationSize = 10)
    public Long id;
    @Column(length = 32, nullable = false)
    public String kind;
    @Column(length = 64, nullable = false)
    public String actor;
    /** The account an unrestricted (null) or scoped importer's entries belong to, for the audit trail. */
    public Long scopeAccountId;
    @Column(length = 16, nullable = false)
    public String status;
    public Instant startedAt;
    public Instant finishedAt;
    /** Last sign of life of the node running it (every few seconds while it runs). */
    public Instant heartbeatAt;
    /** The node running it: host name and data directory. */
    @Column(length = 300)
    public String node;
    /** CRC32 of the header row: a resume must bring the same file. */
    public long headerChecksum;
    /** After a rollback: contacts removed, and contacts kept because they changed since or something refers to them. */
    public long removedRows;
    public long keptRows;
    @Column(length = 1000)
    public String message;
    @Version
    public long version;
}
