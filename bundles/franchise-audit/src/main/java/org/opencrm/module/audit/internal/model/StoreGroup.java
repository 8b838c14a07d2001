package org.opencrm.module.audit.internal.model;

import javax.persistence.*;

/**
 * The group under which a store's submitted audits are added to the scoped aggregates ({@link GroupMonthStat},
 * {@link GroupItemMonthStat}): the store's region and parent account (its franchisee) as the core's account tree had
 * them at the store's first submitted audit (or at the rebuild). The groups partition the stores; a scoped user's
 * results may sum a set of groups only when the stores of those groups are exactly the stores the user sees (checked
 * on every read against the platform's scope rule), else they read the raw rows.
 */
@Entity
@Table(name = "FA_STORE_GROUP", indexes = @Index(name = "FA_STORE_GROUP_KEY", columnList = "REGION,PARTNERID"))
public class StoreGroup {
    @Id
    public Long storeAccountId;
    /** The store account's region, '' when it had none. */
    @Column(length = 40, nullable = false)
    public String region;
    /** The store account's parent (its franchisee), 0 when it had none. */
    public long partnerId;
}
