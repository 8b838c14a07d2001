package org.opencrm.module.audit.internal.model;

import java.math.BigDecimal;

import javax.persistence.*;

/**
 * The submitted audits of one month across the network: how many and the sum of their scores, so that the network
 * trend reads one row a month instead of every audit. Kept in the submit's transaction (and by the bulk loader); a
 * database from before it is back-filled by the module's schema step 2.
 */
@Entity
@Table(name = "FA_MONTH_STAT")
public class MonthStat {
    /** yyyymm, as {@link Audit#auditMonth}. */
    @Id
    public Integer auditMonth;
    public long audits;
    @Column(precision = 15, scale = 2)
    public BigDecimal scoreSum;
}
