package org.opencrm.module.audit.internal.model;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.*;

/** The latest submitted audit of each store: what the ranking of stores and regions reads (one row per store). */
@Entity
@Table(name = "FA_STORE_RESULT", indexes = { @Index(name = "FA_STORE_RESULT_SCORE", columnList = "SCORE"),
        @Index(name = "FA_STORE_RESULT_REGION", columnList = "REGION") })
public class StoreResult {
    @Id
    public Long storeAccountId;
    @Column(length = 200)
    public String storeName;
    @Column(length = 40)
    public String region;
    public Long auditId;
    public LocalDate auditDate;
    @Column(precision = 5, scale = 2)
    public BigDecimal score;
    @Column(length = 4)
    public String grade;
    public int auditCount;
    @Version
    public long lockVersion;
}
