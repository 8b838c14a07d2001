package org.opencrm.platform.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A family: its members (contacts with this householdId) and their purchases are seen together. {@code accountId}: the
 * account that keeps it (a partner's household is its own); null for the company's (head office's) households.
 */
@Entity
@Table(name = "CRM_HOUSEHOLD")
public class Household {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "householdIds")
    @TableGenerator(name = "householdIds", table = "CRM_SEQUENCE", pkColumnValue = "HOUSEHOLD", allocationSize = 100)
    public Long id;
    @Column(length = 100, nullable = false)
    public String name;
    public Long accountId;
    public Instant createdAt;
    @Version
    public long version;
}
