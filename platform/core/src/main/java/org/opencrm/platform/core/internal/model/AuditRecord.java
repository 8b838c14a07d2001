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

/**
 * Who changed what and when. Append-only. {@code accountId}: the account the changed record belonged to (null: the
 * whole company), which decides who may read the entry.
 */
@Entity
@Table(name = "CRM_AUDIT", indexes = { @Index(name = "CRM_AUDIT_RECORD", columnList = "RECORDTYPE,RECORDID,CHANGEDAT"),
        @Index(name = "CRM_AUDIT_ACCOUNT", columnList = "ACCOUNTID,CHANGEDAT") })
public class AuditRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "auditIds")
    @TableGenerator(name = "auditIds", table = "CRM_SEQUENCE", pkColumnValue = "AUDIT", allocationSize = 1000)
    public Long id;
    @Column(nullable = false)
    public Instant changedAt;
    @Column(length = 64, nullable = false)
    public String actor;
    @Column(length = 64, nullable = false)
    public String recordType;
    @Column(length = 64, nullable = false)
    public String recordId;
    @Column(length = 32, nullable = false)
    public String action;
    @Column(length = 8000)
    public String changes;
    public Long accountId;
}
