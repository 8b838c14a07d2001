package org.opencrm.module.handset.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * Where a store that sold units sits in the account tree ("/1/7/42/", built from the core's accounts by id) and its
 * region: lets a scoped list be one indexed query here instead of a visibility call per row. Kept current when an
 * account is updated (moved) in the core.
 */
@Entity
@Table(name = "HS_STORE", indexes = { @Index(name = "HS_STORE_PATH", columnList = "PATH"), @Index(name = "HS_STORE_REGION", columnList = "REGION") })
public class StoreScope {
    @Id
    public Long accountId;
    @Column(length = 400, nullable = false)
    public String path;
    @Column(length = 32)
    public String region;
    public Instant refreshedAt;
}
