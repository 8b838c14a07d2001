package org.opencrm.module.audit.internal.model;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.*;

/**
 * How often an item (by its code) failed in the audits submitted in one month across the network, so that "most
 * failed items" reads a few hundred rows instead of millions of answered items. Kept in the submit's transaction (and
 * by the bulk loader); back-filled by the module's schema step 2.
 */
@Entity
@IdClass(ItemMonthStat.Key.class)
@Table(name = "FA_ITEM_MONTH_STAT")
public class ItemMonthStat {
    @Id
    public Integer auditMonth;
    @Id
    @Column(length = 40)
    public String code;
    public long failures;
    /** The question of the item as it was first failed that month (the smallest, as the raw query's MIN). */
    @Column(length = 500)
    public String question;

    /** The key: month and item code. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public Integer auditMonth;
        public String code;

        public Key() {
        }

        public Key(Integer auditMonth, String code) {
            this.auditMonth = auditMonth;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(auditMonth, k.auditMonth) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(auditMonth, code);
        }
    }
}
