package org.opencrm.module.repair.internal.model;

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

/** A spare part of the catalogue. {@code models} is "|M1|M2|" (the model codes it fits) so a model is found with LIKE. */
@Entity
@Table(name = "RP_PART", indexes = { @Index(name = "RP_PART_NUMBER", columnList = "PARTNUMBER", unique = true),
        @Index(name = "RP_PART_NAME", columnList = "NAMEKEY,ID") })
public class Part {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairPartIds")
    @TableGenerator(name = "repairPartIds", table = "RP_SEQUENCE", pkColumnValue = "PART", allocationSize = 50)
    public Long id;
    @Column(length = 32, nullable = false)
    public String partNumber;
    @Column(length = 100, nullable = false)
    public String name;
    /** The name in lower case, for prefix search. */
    @Column(length = 100, nullable = false)
    public String nameKey;
    @Column(length = 1000, nullable = false)
    public String models;
    public long costFen;
    public long priceFen;
    public boolean active;
    public Instant updatedAt;
    @Column(length = 64)
    public String updatedBy;
    @Version
    public long version;
}
