package org.opencrm.platform.security.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opencrm.platform.api.security.ScopeType;

@Entity
@Table(name = "CRM_USER")
public class UserEntity {
    @Id
    @Column(length = 64)
    public String username;
    @Column(length = 100)
    public String displayName;
    /** "pbkdf2-sha256$iterations$salt$hash" (Base64); never the password. */
    @Column(length = 200, nullable = false)
    public String passwordHash;
    /** Comma-separated role names. */
    @Column(length = 500, nullable = false)
    public String roles;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    public ScopeType scopeType;
    @Column(length = 32)
    public String region;
    public Long accountId;
    public boolean enabled;
    /**
     * Grows by one with every change of the password, the enabled flag, the roles or the data scope: a sign-in made
     * with an older stamp no longer holds (REST credential cache, open UI sessions, on every node). Null in rows
     * from before this column (read as 0).
     */
    public Long securityStamp;
    public Instant createdAt;
    @Version
    public long version;
}
