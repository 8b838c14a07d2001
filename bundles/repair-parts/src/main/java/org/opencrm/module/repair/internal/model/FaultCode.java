package org.opencrm.module.repair.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An entry of the fault-code catalogue; retired codes stay for old orders but are not offered for new diagnoses. */
@Entity
@Table(name = "RP_FAULT_CODE")
public class FaultCode {
    @Id
    @Column(length = 16)
    public String code;
    /** The description in English (the catalogue's name of record, also what REST clients without a language get). */
    @Column(length = 200, nullable = false)
    public String description;
    /** The description in Simplified Chinese; null: staff working in Chinese see the English one. */
    @Column(name = "DESCRIPTION_ZH", length = 200)
    public String descriptionZh;
    public boolean active;
    public Instant updatedAt;
    @Column(length = 64)
    public String updatedBy;
    @Version
    public long version;
}
