package org.opencrm.module.audit.internal.model;

import java.time.Instant;

import javax.persistence.*;

/**
 * A photo stored with its audit (or with a corrective action, as the franchisee's evidence): the JPEG or PNG as
 * uploaded, and a JPEG thumbnail. Lists read the columns without the bytes.
 */
@Entity
@Table(name = "FA_PHOTO", indexes = { @Index(name = "FA_PHOTO_AUDIT", columnList = "AUDITID"), @Index(name = "FA_PHOTO_ACTION", columnList = "ACTIONID") })
public class AuditPhoto {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faPhotoIds")
    @TableGenerator(name = "faPhotoIds", table = "FA_SEQUENCE", pkColumnValue = "PHOTO", allocationSize = 20)
    public Long id;
    @Column(nullable = false)
    public Long auditId;
    public Long auditItemId;
    public Long actionId;
    @Column(nullable = false)
    public Long storeAccountId;
    @Column(length = 20, nullable = false)
    public String contentType;
    @Column(length = 200)
    public String fileName;
    public int size;
    public int width;
    public int height;
    @Lob
    @Column(nullable = false)
    public byte[] content;
    @Lob
    public byte[] thumbnail;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
}
