package org.opencrm.module.membership.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * Where a join store sits in the account tree ("/1/7/42/") and its region, so a scoped member list is one indexed
 * query (the handset registry's HS_STORE, for this module's stores).
 */
@Entity
@Table(name = "MP_STORE", indexes = { @Index(name = "MP_STORE_PATH", columnList = "PATH"), @Index(name = "MP_STORE_REGION", columnList = "REGION") })
public class MemberStore {
    @Id
    public Long accountId;
    @Column(length = 400, nullable = false)
    public String path;
    @Column(length = 32)
    public String region;
    public Instant refreshedAt;
}
