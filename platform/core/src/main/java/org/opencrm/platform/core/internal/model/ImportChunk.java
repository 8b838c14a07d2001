package org.opencrm.platform.core.internal.model;

import java.time.Instant;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A run of consecutive lines of an import ({@code firstLine}..{@code lastLine}), committed in the same transaction as
 * its contacts and its row errors: either all of it is in the database or none. {@code checksum} (CRC32 of its rows)
 * lets a resume check that it is given the same file.
 */
@Entity
@Table(name = "CRM_IMPORT_CHUNK", indexes = @Index(name = "CRM_IMPORT_CHUNK_IMPORT", columnList = "IMPORTID,FIRSTLINE"))
public class ImportChunk {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "importChunkIds")
    @TableGenerator(name = "importChunkIds", table = "CRM_SEQUENCE", pkColumnValue = "IMPORT_CHUNK", allocationSize = 100)
    public Long id;
    public long importId;
    public long firstLine;
    public long lastLine;
    public long rowCount;
    public long imported;
    public long failed;
    public long checksum;
    public Instant committedAt;
}
