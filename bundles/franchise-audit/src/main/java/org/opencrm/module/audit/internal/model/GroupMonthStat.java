package org.opencrm.module.audit.internal.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.*;

/**
 * The submitted audits of one month of the stores of one {@link StoreGroup} (region × franchisee): how many and the
 * sum of their scores, so that a region user's or a franchisee's trend reads a few rows a month instead of every
 * audit. Kept in the submit's transaction (and by the loaders); rebuilt from the raw rows by the module's schema step 3.
 */
@Entity
@IdClass(GroupMonthStat.Key.class)
@Table(name = "FA_GROUP_MONTH_STAT", indexes = @Index(name = GroupMonthStat.GROUP_INDEX, columnList = GroupMonthStat.GROUP_COLUMNS))
public class GroupMonthStat {
    /** A group's months read on the index alone (region, franchisee, month first). */
    public static final String GROUP_INDEX = "FA_GROUP_MONTH_STAT_GRP";
    public static final String GROUP_COLUMNS = "REGION,PARTNERID,AUDITMONTH,AUDITS,SCORESUM";
    @Id
    public Integer auditMonth;
    @Id
    @Column(length = 40)
    public String region;
    @Id
    public Long partnerId;
    public long audits;
    @Column(precision = 15, scale = 2)
    public BigDecimal scoreSum;

    /** The key: month and group. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public Integer auditMonth;
        public String region;
        public Long partnerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(auditMonth, k.auditMonth) && Objects.equals(region, k.region) && Objects.equals(partnerId, k.partnerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(auditMonth, region, partnerId);
        }
    }
}
