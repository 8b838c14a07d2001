package org.opencrm.module.handset.internal.model;

import java.time.Instant;
import java.time.LocalDate;

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
 * A model of the catalogue. The warranty months are overrides: null means the configured default (three-guarantees
 * rules), so a change of the defaults reaches every model that does not deviate.
 */
@Entity
@Table(name = "HS_MODEL", indexes = { @Index(name = "HS_MODEL_CODE", columnList = "CODE", unique = true),
        @Index(name = "HS_MODEL_NAME", columnList = "NAMEKEY,ID") })
public class HandsetModel {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "handsetModelIds")
    @TableGenerator(name = "handsetModelIds", table = "HS_SEQUENCE", pkColumnValue = "MODEL", allocationSize = 20)
    public Long id;
    /** Upper case, unique, e.g. "X9-PRO-256". */
    @Column(length = 32, nullable = false)
    public String code;
    @Column(length = 100, nullable = false)
    public String name;
    /** Lower-cased name for index-backed prefix search. */
    @Column(length = 100, nullable = false)
    public String nameKey;
    /** Network access licence number (进网许可证编号), e.g. "02-C045-192736". */
    @Column(length = 14)
    public String licenceNumber;
    public LocalDate launchDate;
    public Integer handsetMonths;
    public Integer batteryMonths;
    public Integer chargerMonths;
    public Integer headsetMonths;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    public Instant updatedAt;
    @Column(length = 64)
    public String updatedBy;
    @Version
    public long version;
}
