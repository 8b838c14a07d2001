package org.opencrm.platform.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A company: distributor, store, service provider, franchisee... {@code path} ("/1/7/42/") materialises the
 * hierarchy so that a partner's whole subtree is one indexed prefix match, which is how data scopes work.
 */
@Entity
@Table(name = "CRM_ACCOUNT", indexes = {
        @Index(name = "CRM_ACCOUNT_NAME", columnList = "NAMEKEY,ID"),
        @Index(name = "CRM_ACCOUNT_PATH", columnList = "PATH"),
        @Index(name = "CRM_ACCOUNT_PARENT", columnList = "PARENTID"),
        @Index(name = "CRM_ACCOUNT_REGION", columnList = "REGION") })
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "accountIds")
    @TableGenerator(name = "accountIds", table = "CRM_SEQUENCE", pkColumnValue = "ACCOUNT", allocationSize = 50)
    public Long id;
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 200, nullable = false)
    public String nameKey;
    @Enumerated(EnumType.STRING)
    @Column(length = 32, nullable = false)
    public AccountType type;
    public Long parentId;
    @Column(length = 400)
    public String path;
    @Column(length = 32)
    public String region;
    @Column(length = 50)
    public String province;
    @Column(length = 50)
    public String city;
    @Column(length = 50)
    public String district;
    /** The GB/T 2260 code of the most specific of province, city and district when they are the divisions' own names. */
    @Column(length = 6)
    public String divisionCode;
    @Column(length = 200)
    public String address;
    @Column(length = 32)
    public String phone;
    @Column(length = 10, nullable = false)
    public String status;
    @Column(length = 64)
    public String owner;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    public Instant updatedAt;
    @Column(length = 64)
    public String updatedBy;
    @Version
    public long version;
}
