package org.opencrm.platform.security.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.NewUser;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.security.UserAccount;
import org.opencrm.platform.api.security.UserChange;
import org.opencrm.platform.api.security.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one user store (CRM_USER table). On first start it creates "admin" with the password from
 * CRM_ADMIN_PASSWORD (or the system property crm.admin.password), else a generated one that is printed once
 * and written to data/admin-password.txt readable by the owner only. No default password ships.
 */
@Component(service = UserService.class, configurationPid = "org.opencrm.security")
@Designate(ocd = SecurityConfig.class)
public class UserServiceImpl implements UserService {
    static final String PERMISSION_MANAGE = "platform.users.manage";
    private static final Logger LOG = LoggerFactory.getLogger(UserServiceImpl.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    private final JpaTemplate jpa;
    private volatile Map<String, Set<String>> roles;
    private volatile long cacheMillis;
    /** username -> digest of a recently verified password; avoids PBKDF2 on every REST call. */
    private final Map<String, CachedLogin> verified = new ConcurrentHashMap<>();
    private final byte[] cachePepper = new byte[32];

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomerDirectory customers;

    private record CachedLogin(byte[] digest, CrmUser user, long expiresAt) {
    }

    @Activate
    public UserServiceImpl(@Reference(target = "(osgi.unit.name=crm-security)") JpaTemplate jpa, SecurityConfig config) {
        this.jpa = jpa;
        new SecureRandom().nextBytes(cachePepper);
        configure(config);
        ensureAdmin();
    }

    @Modified
    void configure(SecurityConfig config) {
        Map<String, Set<String>> parsed = new LinkedHashMap<>();
        for (String line : config.roles()) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                LOG.warn("Ignoring role definition without '=': {}", line);
                continue;
            }
            Set<String> perms = new LinkedHashSet<>();
            for (String p : line.substring(eq + 1).split(",")) {
                if (!p.isBlank()) {
                    perms.add(p.trim());
                }
            }
            parsed.put(line.substring(0, eq).trim(), Set.copyOf(perms));
        }
        parsed.putIfAbsent("admin", Set.of("*"));
        this.roles = Map.copyOf(parsed);
        this.cacheMillis = config.credentialCacheSeconds() * 1000L;
        verified.clear();
    }

    private void ensureAdmin() {
        boolean exists = jpa.txExpr(TransactionType.Required, em -> em.find(UserEntity.class, "admin") != null);
        if (exists) {
            return;
        }
        String password = System.getenv("CRM_ADMIN_PASSWORD");
        String source = "the CRM_ADMIN_PASSWORD environment variable";
        if (password == null || password.isBlank()) {
            password = System.getProperty("crm.admin.password");
            source = "the crm.admin.password system property";
        }
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = PasswordHasher.generate(16);
        }
        UserEntity admin = new UserEntity();
        admin.username = "admin";
        admin.displayName = "Administrator";
        admin.passwordHash = PasswordHasher.hash(password.toCharArray());
        admin.roles = "admin";
        admin.scopeType = ScopeType.HQ;
        admin.enabled = true;
        admin.createdAt = Instant.now();
        jpa.tx(TransactionType.Required, em -> em.persist(admin));
        if (generated) {
            Path file = Path.of(System.getProperty("karaf.data", "."), "admin-password.txt");
            try {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                LOG.warn("Could not write {}: {}", file, e.toString());
            }
            String msg = "OpenCRM: created user 'admin' with generated password " + password + " (also in " + file
                    + ", readable by its owner only). Change it with: crm:users passwd admin";
            System.out.println(msg);
            LOG.warn(msg);
        } else {
            LOG.info("OpenCRM: created user 'admin' with the password from {}", source);
        }
    }

    @Override
    public Optional<CrmUser> authenticate(String username, char[] password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        byte[] digest = digest(username, password);
        CachedLogin cached = verified.get(username);
        long now = System.currentTimeMillis();
        if (cached != null && cached.expiresAt > now && MessageDigest.isEqual(cached.digest, digest)) {
            return Optional.of(cached.user);
        }
        UserEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, username));
        if (e == null || !e.enabled || !PasswordHasher.verify(password, e.passwordHash)) {
            return Optional.empty();
        }
        CrmUser user = toUser(e);
        verified.put(username, new CachedLogin(digest, user, now + cacheMillis));
        return Optional.of(user);
    }

    private byte[] digest(String username, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(cachePepper);
            md.update(username.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<CrmUser> find(String username) {
        UserEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, username));
        return e == null || !e.enabled ? Optional.empty() : Optional.of(toUser(e));
    }

    private CrmUser toUser(UserEntity e) {
        Set<String> roleNames = Set.of(e.roles.split(","));
        Set<String> perms = new LinkedHashSet<>();
        for (String r : roleNames) {
            perms.addAll(roles.getOrDefault(r, Set.of()));
        }
        return new CrmUser(e.username, roleNames, Set.copyOf(perms), new DataScope(e.scopeType, e.region, e.accountId));
    }

    private static UserAccount toAccount(UserEntity e) {
        return new UserAccount(e.username, e.displayName, Set.of(e.roles.split(",")), e.scopeType, e.region, e.accountId,
                e.enabled, e.createdAt);
    }

    @Override
    public List<UserAccount> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT u FROM UserEntity u ORDER BY u.username", UserEntity.class).getResultList()
                .stream().map(UserServiceImpl::toAccount).toList());
    }

    @Override
    public UserAccount create(CrmUser actor, NewUser in) {
        actor.require(PERMISSION_MANAGE);
        if (in == null) {
            throw new InvalidInputException("body", "user details are required");
        }
        if (in.username() == null || !USERNAME.matcher(in.username()).matches()) {
            throw new InvalidInputException("username", "username must be 2-64 letters, digits, '.', '_' or '-'");
        }
        validatePassword(in.password());
        ScopeType scope = checkRolesAndScope(in.roles(), in.scopeType(), in.region(), in.accountId(), in.displayName());
        UserEntity e = new UserEntity();
        e.username = in.username();
        e.displayName = in.displayName() == null ? in.username() : in.displayName();
        e.passwordHash = PasswordHasher.hash(in.password().toCharArray());
        e.roles = String.join(",", in.roles());
        e.scopeType = scope;
        e.region = scope == ScopeType.REGION ? in.region() : null;
        e.accountId = in.accountId();
        e.enabled = true;
        e.createdAt = Instant.now();
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(UserEntity.class, e.username) != null) {
                throw new ConflictException("duplicate", "username", "user '" + e.username + "' already exists");
            }
            em.persist(e);
            audit(actor, e.username, "create", Map.of("roles", e.roles, "scopeType", e.scopeType.name(),
                    "accountId", String.valueOf(e.accountId), "region", String.valueOf(e.region)));
            return toAccount(e);
        });
    }

    private static void validatePassword(String password) {
        if (password == null || password.length() < 8) {
            throw new InvalidInputException("password", "password must have at least 8 characters");
        }
        if (password.length() > 128) {
            throw new InvalidInputException("password", "password must have at most 128 characters");
        }
    }

    private void audit(CrmUser actor, String username, String action, Map<String, ?> changes) {
        AuditTrail a = audit;
        if (a != null) {
            a.record(actor.username(), "user", username, action, changes);
        }
    }

    @Override
    public void changePassword(CrmUser actor, String username, char[] newPassword) {
        if (!actor.username().equals(username)) {
            actor.require(PERMISSION_MANAGE);
        }
        validatePassword(newPassword == null ? null : new String(newPassword));
        String hash = PasswordHasher.hash(newPassword);
        jpa.tx(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, username);
            if (e == null) {
                throw new RecordNotFoundException("user", username);
            }
            e.passwordHash = hash;
            audit(actor, username, "password", Map.of());
        });
        verified.remove(username);
    }

    /** The checks that creating and changing a user share; returns the effective scope type. */
    private ScopeType checkRolesAndScope(Set<String> userRoles, ScopeType scopeType, String region, Long accountId, String displayName) {
        if (userRoles == null || userRoles.isEmpty()) {
            throw new InvalidInputException("roles", "at least one role is required; known roles: " + roles.keySet());
        }
        for (String r : userRoles) {
            if (!roles.containsKey(r)) {
                throw new InvalidInputException("roles", "unknown role '" + r + "'; known roles: " + roles.keySet());
            }
        }
        ScopeType scope = scopeType == null ? ScopeType.HQ : scopeType;
        if (scope == ScopeType.REGION && (region == null || region.isBlank())) {
            throw new InvalidInputException("region", "a REGION-scoped user needs a region");
        }
        if ((scope == ScopeType.PARTNER || scope == ScopeType.STORE) && accountId == null) {
            throw new InvalidInputException("accountId", "a " + scope + "-scoped user needs the account it belongs to");
        }
        CustomerDirectory dir = customers;
        if (accountId != null && dir != null && dir.account(accountId).isEmpty()) {
            throw new InvalidInputException("accountId", "account " + accountId + " does not exist");
        }
        if (displayName != null && displayName.length() > 100) {
            throw new InvalidInputException("displayName", "display name is longer than 100 characters");
        }
        return scope;
    }

    @Override
    public UserAccount update(CrmUser actor, String username, UserChange in) {
        actor.require(PERMISSION_MANAGE);
        if (in == null) {
            throw new InvalidInputException("body", "user details are required");
        }
        ScopeType scope = checkRolesAndScope(in.roles(), in.scopeType(), in.region(), in.accountId(), in.displayName());
        UserAccount out = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, username);
            if (e == null) {
                throw new RecordNotFoundException("user", username);
            }
            if (username.equals(actor.username()) && !in.roles().contains("admin") && Set.of(split(e.roles)).contains("admin")) {
                // nobody locks themselves out of administration by accident
                throw new InvalidInputException("roles", "you cannot remove the admin role from yourself");
            }
            e.displayName = in.displayName() == null || in.displayName().isBlank() ? e.displayName : in.displayName().strip();
            e.roles = String.join(",", new java.util.TreeSet<>(in.roles()));
            e.scopeType = scope;
            e.region = scope == ScopeType.REGION ? in.region().strip() : null;
            e.accountId = scope == ScopeType.PARTNER || scope == ScopeType.STORE ? in.accountId() : null;
            audit(actor, username, "update", Map.of("roles", e.roles, "scopeType", e.scopeType.name(), "accountId", String.valueOf(e.accountId),
                    "region", String.valueOf(e.region)));
            return toAccount(e);
        });
        verified.remove(username); // the next request loads the new roles and scope
        return out;
    }

    @Override
    public void setEnabled(CrmUser actor, String username, boolean enabled) {
        actor.require(PERMISSION_MANAGE);
        jpa.tx(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, username);
            if (e == null) {
                throw new RecordNotFoundException("user", username);
            }
            e.enabled = enabled;
            audit(actor, username, enabled ? "enable" : "disable", Map.of("enabled", enabled));
        });
        verified.remove(username);
    }

    @Override
    public Map<String, Set<String>> roles() {
        return roles;
    }

    static String[] split(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toArray(String[]::new);
    }
}
