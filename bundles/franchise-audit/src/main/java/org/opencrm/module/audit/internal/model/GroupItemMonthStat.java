package org.opencrm.module.audit.internal.model;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.*;

/**
 * How often an item (by its code) failed in the audits submitted in one month by the stores of one
 * {@link StoreGroup}, so that a scoped user's most failed items read a few thousand rows instead of every failed item
 * of the network. Kept in the submit's transaction (and by the loaders); rebuilt by the module's schema step 3.
 */
@Entity
@IdClass(GroupItemMonthStat.Key.class)
@Table(name = "FA_GROUP_ITEM_MONTH_STAT", indexes = @Index(name = GroupItemMonthStat.GROUP_INDEX, columnList = GroupItemMonthStat.GROUP_COLUMNS))
public class GroupItemMonthStat {
    /** A group's months read on the index alone (region, franchisee, month first). */
    public static final String GROUP_INDEX = "FA_GROUP_ITEM_MONTH_STAT_GRP";
    public static final String GROUP_COLUMNS = "REGION,PARTNERID,AUDITMONTH,CODE,FAILURES";
    @Id
    public Integer auditMonth;
    @Id
    @Column(length = 40)
    public String region;
    @Id
    public Long partnerId;
    @Id
    @Column(length = 40)
    public String code;
    public long failures;

    /** The key: month, group and item code. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public Integer auditMonth;
        public String region;
        public Long partnerId;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(auditMonth, k.auditMonth) && Objects.equals(region, k.region) && Objects.equals(partnerId, k.partnerId)
                    && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(auditMonth, region, partnerId, code);
        }
    }
}
