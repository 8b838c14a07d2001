package org.opencrm.module.audit.internal.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import javax.persistence.*;

/**
 * How often an item (by its code) failed in the audits submitted on one day by the stores of one {@link StoreGroup}:
 * the days of a month that a results period cuts (the default "last 12 months" cuts two) are counted from these rows of
 * the user's groups instead of from every failed item of the network on those days. Kept in the submit's transaction
 * (and by the loaders); rebuilt from the raw rows by the module's schema step 4.
 */
@Entity
@IdClass(GroupItemDayStat.Key.class)
@Table(name = "FA_GROUP_ITEM_DAY_STAT", indexes = @Index(name = GroupItemDayStat.GROUP_INDEX, columnList = GroupItemDayStat.GROUP_COLUMNS))
public class GroupItemDayStat {
    /** One group's days read on the index alone (region, franchisee, day first). */
    public static final String GROUP_INDEX = "FA_GROUP_ITEM_DAY_STAT_GRP";
    public static final String GROUP_COLUMNS = "REGION,PARTNERID,AUDITDATE,CODE,FAILURES";
    @Id
    public LocalDate auditDate;
    @Id
    @Column(length = 40)
    public String region;
    @Id
    public Long partnerId;
    @Id
    @Column(length = 40)
    public String code;
    public long failures;

    /** The row of an item's first failure in the group that day. */
    public static GroupItemDayStat first(LocalDate day, String region, long partnerId, String code) {
        GroupItemDayStat s = new GroupItemDayStat();
        s.auditDate = day;
        s.region = region;
        s.partnerId = partnerId;
        s.code = code;
        s.failures = 1;
        return s;
    }

    /** The key: day, group and item code. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public LocalDate auditDate;
        public String region;
        public Long partnerId;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(auditDate, k.auditDate) && Objects.equals(region, k.region) && Objects.equals(partnerId, k.partnerId)
                    && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(auditDate, region, partnerId, code);
        }
    }
}
