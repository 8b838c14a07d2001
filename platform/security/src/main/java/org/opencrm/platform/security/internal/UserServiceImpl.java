package org.opencrm.platform.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
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
import org.opencrm.platform.api.security.PermissionSet;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.security.SignInOrigin;
import org.opencrm.platform.api.security.SignInResult;
import org.opencrm.platform.api.security.UserAccount;
import org.opencrm.platform.api.security.UserChange;
import org.opencrm.platform.api.security.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one user store (CRM_USER table) and its one sign-in, for every entrance (REST, web UI, ssh). On
 * first start it creates "admin" with the password from CRM_ADMIN_PASSWORD (or the system property
 * crm.admin.password), else a generated one that is printed once on the console and written to
 * data/admin-password.txt readable by the owner only (never to the log). No default password ships.
 * <p>
 * Sign-in: a throttled attempt is refused before anything is checked ({@link SignInThrottle}); a password verified
 * moments ago is recognised by a peppered SHA-256 digest (the REST credential cache, valid only while the user's
 * security stamp is unchanged, see {@link SecurityStamps}); otherwise one PBKDF2 run, against a dummy hash for an
 * unknown or disabled user so that the time taken does not tell which names exist, and at most
 * {@code signInConcurrentChecks} of them at once. Failures go to the log (WARN, never the password) and the audit
 * trail.
 * <p>
 * Start: the administrator's creation (one PBKDF2 run of 600,000 iterations, the first in a JVM whose JIT has not
 * compiled HMAC-SHA256 yet: about a second on two cores) runs on a thread of its own, beside the
 * rest of the platform's start, instead of on the thread that starts the bundles; a sign-in that needs it waits
 * for it, so nobody is refused for arriving early.
 */
@Component(service = UserService.class, configurationPid = "org.opencrm.security")
@Designate(ocd = SecurityConfig.class)
public class UserServiceImpl implements UserService {
    static final String PERMISSION_MANAGE = "platform.users.manage";
    private static final Logger LOG = LoggerFactory.getLogger(UserServiceImpl.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    private final JpaTemplate jpa;
    private final LongSupplier nanoTime;
    private volatile Map<String, Set<String>> roles;
    /** The roles of the configuration (or the built-in ones) before the modules' grants. */
    private volatile Map<String, Set<String>> configuredRoles;
    /** false when the operator defined the roles: then they are exactly the configured ones. */
    private volatile boolean moduleGrants;
    /** Active modules' permissions with their default grants (PermissionSet whiteboard). */
    private final List<PermissionSet> permissionSets = new CopyOnWriteArrayList<>();
    private volatile long cacheNanos;
    private volatile int iterations;
    /** A hash no password matches, with the current iteration count: what unknown users are checked against (nothing
     * to compute, see {@link PasswordHasher#unmatchable}). */
    private volatile String dummyHash;
    /** The start's set-up: admin created if missing. Sign-ins that check a password wait for it. */
    private final CompletableFuture<Void> setUp;
    private volatile Semaphore checks;
    private volatile int concurrentChecks;
    private volatile long queueMillis;
    private volatile ClientAddresses addresses;
    private final SignInThrottle throttle;
    private final SecurityStamps stamps;
    /** username -> digest of a recently verified password and the security stamp it was verified at. */
    private final Map<String, CachedLogin> verified = new ConcurrentHashMap<>();
    private final byte[] cachePepper = new byte[32];
    private final MessageDigest sha256 = newSha256();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditTrail audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomerDirectory customers;

    private record CachedLogin(byte[] digest, CrmUser user, long stamp, long expiresAt) {
    }

    /** A user name with the digest of a password (ByteBuffer: equality by content). */
    private record Credential(String name, ByteBuffer digest) {
    }

    /** The checks running now, so that parallel attempts with the same name and password share one. */
    private final Map<Credential, CompletableFuture<SignInResult>> checking = new ConcurrentHashMap<>();

    /** What a sign-in reads of a user. */
    private record Row(String passwordHash, boolean enabled, long stamp, CrmUser user) {
    }

    @Activate
    public UserServiceImpl(@Reference(target = "(osgi.unit.name=crm-security)") JpaTemplate jpa, SecurityConfig config) {
        this(jpa, config, System::nanoTime, UserServiceImpl::inBackground);
    }

    /** For tests: {@code nanoTime} drives the back-off, the credential cache and the stamp rechecks; set-up inline. */
    UserServiceImpl(JpaTemplate jpa, SecurityConfig config, LongSupplier nanoTime) {
        this(jpa, config, nanoTime, Runnable::run);
    }

    /** For tests: {@code setUpRunner} runs the start's set-up (the admin). */
    UserServiceImpl(JpaTemplate jpa, SecurityConfig config, LongSupplier nanoTime, Executor setUpRunner) {
        this.jpa = jpa;
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(cachePepper);
        this.throttle = new SignInThrottle(SignInThrottle.Settings.DEFAULTS, nanoTime);
        this.stamps = new SecurityStamps(this::readStamp, nanoTime, TimeUnit.SECONDS.toNanos(1));
        configure(config);
        this.setUp = CompletableFuture.runAsync(() -> {
            try {
                ensureAdmin();
            } catch (RuntimeException e) {
                if (adminExists()) {
                    // two nodes of one database starting together: the other one created it at the same moment
                    LOG.info("OpenCRM: the user 'admin' was created by another node at the same moment");
                } else {
                    // the next start tries again
                    LOG.error("OpenCRM: could not create the user 'admin': {}", e.toString(), e);
                }
            }
        }, setUpRunner);
    }

    private static void inBackground(Runnable task) {
        Thread t = new Thread(task, "opencrm-security-setup");
        t.setDaemon(true);
        t.start();
    }

    @Deactivate
    void deactivate() {
        // the set-up uses the persistence unit: let it finish before the unit may go away
        awaitSetUp(TimeUnit.SECONDS.toMillis(30));
    }

    /** Waits (at most {@code millis}) for the start's set-up; a failed set-up has been logged and is not repeated. */
    private void awaitSetUp(long millis) {
        if (setUp == null || setUp.isDone()) {
            return;
        }
        try {
            setUp.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("OpenCRM: the security set-up (admin user) has not finished: {}", e.toString());
        }
    }

    @Modified
    synchronized void configure(SecurityConfig config) {
        this.configuredRoles = RoleGrants.parse(config.roles(), LOG::warn);
        this.moduleGrants = RoleGrants.builtIn(config.roles());
        this.roles = effectiveRoles();
        this.cacheNanos = TimeUnit.SECONDS.toNanos(Math.max(0, config.credentialCacheSeconds()));
        int wanted = config.passwordIterations();
        if (wanted < PasswordHasher.RECOMMENDED_ITERATIONS) {
            LOG.warn("passwordIterations={} is below the recommended {}; using {}", wanted, PasswordHasher.RECOMMENDED_ITERATIONS,
                    PasswordHasher.RECOMMENDED_ITERATIONS);
            wanted = PasswordHasher.RECOMMENDED_ITERATIONS;
        }
        if (wanted != iterations) {
            iterations = wanted;
            dummyHash = PasswordHasher.unmatchable(wanted);
        }
        int concurrent = config.signInConcurrentChecks() > 0 ? config.signInConcurrentChecks()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        if (checks == null || concurrent != concurrentChecks) {
            // attempts holding or waiting for a permit of the old semaphore finish on it
            concurrentChecks = concurrent;
            checks = new Semaphore(concurrent, true);
        }
        this.queueMillis = TimeUnit.SECONDS.toMillis(Math.max(0, config.signInQueueSeconds()));
        this.addresses = new ClientAddresses(config.trustedProxies());
        throttle.configure(new SignInThrottle.Settings(Math.max(1, config.signInFailuresBeforeLock()),
                Duration.ofSeconds(Math.max(0, config.signInLockSeconds())), Duration.ofSeconds(Math.max(0, config.signInMaxLockSeconds())),
                Math.max(1, config.signInAddressFailuresBeforeLock()), Duration.ofMinutes(Math.max(1, config.signInForgetMinutes())),
                SignInThrottle.Settings.DEFAULTS.maxEntries()));
        stamps.recheckAfter(TimeUnit.MILLISECONDS.toNanos(Math.max(0, config.stampRecheckMillis())));
        // role definitions may have changed: remembered passwords are checked again (and get the new permissions)
        verified.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addPermissionSet(PermissionSet set) {
        permissionSets.add(set);
        grantsChanged();
    }

    void removePermissionSet(PermissionSet set) {
        permissionSets.remove(set);
        grantsChanged();
    }

    private Map<String, Set<String>> effectiveRoles() {
        return moduleGrants ? RoleGrants.merge(configuredRoles, List.copyOf(permissionSets), LOG::warn) : configuredRoles;
    }

    /** A module came or went: its default grants join or leave the roles, for every sign-in from now on. */
    private synchronized void grantsChanged() {
        if (configuredRoles == null) {
            return; // not configured yet: configure() computes the roles
        }
        Map<String, Set<String>> now = effectiveRoles();
        if (!now.equals(roles)) {
            roles = now;
            verified.clear(); // remembered passwords carry the permissions they were verified with
        }
    }

    private boolean adminExists() {
        try {
            return jpa.txExpr(TransactionType.Required, em -> em.find(UserEntity.class, "admin") != null);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void ensureAdmin() {
        if (adminExists()) {
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
        admin.passwordHash = PasswordHasher.hash(password.toCharArray(), iterations);
        admin.roles = "admin";
        admin.scopeType = ScopeType.HQ;
        admin.enabled = true;
        admin.securityStamp = 1L;
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
            // the password goes to the console once and to the owner-only file, never to the log (logs are kept,
            // rotated and read by more people than the administrator)
            System.out.println("OpenCRM: created user 'admin' with generated password " + password + " (also in " + file
                    + ", readable by its owner only). Change it with: crm:users passwd admin");
            LOG.warn("OpenCRM: created user 'admin' with a generated password; it was printed on the console and is in {} "
                    + "(readable by its owner only). Change it with: crm:users passwd admin", file);
        } else {
            LOG.info("OpenCRM: created user 'admin' with the password from {}", source);
        }
        rememberVerified(admin, password.toCharArray());
    }

    @Override
    public SignInResult signIn(String username, char[] password, SignInOrigin origin) {
        SignInOrigin from = origin == null ? SignInOrigin.unknown("api") : origin;
        if (username == null || username.isEmpty() || password == null) {
            return SignInResult.refused();
        }
        String name = username.length() > 64 ? username.substring(0, 64) : username;
        String address = addresses.clientAddress(from.peerAddress(), from.forwardedFor());
        Duration locked = throttle.lockRemaining(name, address);
        if (!locked.isZero()) {
            LOG.debug("Sign-in of '{}' from {} via {} refused unchecked: locked for {} ms", printable(name), address, from.channel(), locked.toMillis());
            return SignInResult.throttled(locked);
        }
        byte[] digest = digest(name, password);
        CachedLogin cached = remembered(name, digest);
        if (cached != null) {
            return SignInResult.signedIn(cached.user, cached.stamp);
        }
        // the same name and password being checked right now (a client starting several calls at once): wait for
        // that check instead of running PBKDF2 again; only different passwords count against the back-off
        Credential credential = new Credential(name, ByteBuffer.wrap(digest));
        CompletableFuture<SignInResult> mine = new CompletableFuture<>();
        CompletableFuture<SignInResult> running = checking.putIfAbsent(credential, mine);
        if (running != null) {
            return awaitCheck(running);
        }
        try {
            SignInResult result = check(name, password, digest, address, from);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(credential, mine);
        }
    }

    private SignInResult awaitCheck(CompletableFuture<SignInResult> running) {
        try {
            return running.get(queueMillis + TimeUnit.SECONDS.toMillis(30), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SignInResult.busy(Duration.ofSeconds(1));
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return SignInResult.busy(Duration.ofSeconds(1));
        }
    }

    /** The remembered sign-in for this name and password digest, if still valid (unexpired, the user's stamp unchanged). */
    private CachedLogin remembered(String name, byte[] digest) {
        CachedLogin cached = verified.get(name);
        return cached != null && cached.expiresAt - nanoTime.getAsLong() > 0 && MessageDigest.isEqual(cached.digest, digest)
                && stamps.isCurrent(name, cached.stamp) ? cached : null;
    }

    /** Checks a password that is neither throttled nor remembered: admission, a PBKDF2 permit, the check, the outcome. */
    private SignInResult check(String name, char[] password, byte[] digest, String address, SignInOrigin from) {
        // an early sign-in (the admin still being created at the first start) waits instead of being refused, and is
        // then recognised like one after it (the set-up remembers the password it has just hashed)
        if (setUp != null && !setUp.isDone()) {
            awaitSetUp(TimeUnit.SECONDS.toMillis(60));
            CachedLogin justCreated = remembered(name, digest);
            if (justCreated != null) {
                return SignInResult.signedIn(justCreated.user, justCreated.stamp);
            }
        }
        // counts as in flight until checked: a burst of parallel attempts is refused at once instead of queueing
        Duration locked = throttle.admit(name, address);
        if (!locked.isZero()) {
            return SignInResult.throttled(locked);
        }
        Row row = null;
        boolean ok = false;
        boolean checked = false;
        int refusedBefore = throttle.refusedWhileLocked(name);
        SignInThrottle.Failure failure = null;
        try {
            Semaphore permits = checks;
            if (!permits.tryAcquire(queueMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("Sign-in of '{}' from {} via {} refused: it waited {} ms for one of {} password checks", printable(name), address,
                        from.channel(), queueMillis, concurrentChecks);
                return SignInResult.busy(Duration.ofSeconds(1));
            }
            try {
                row = USERNAME.matcher(name).matches() ? readUser(name) : null;
                // unknown and disabled users cost one PBKDF2 run too: the time taken does not tell which names exist
                String hash = row == null ? dummyHash : row.passwordHash();
                ok = PasswordHasher.verify(password, hash) && row != null && row.enabled();
                checked = true;
                if (!ok) {
                    // a failure on an old hash (fewer iterations) takes as long as one on the current count
                    PasswordHasher.spend(iterations - Math.max(0, PasswordHasher.iterations(hash)));
                }
                if (ok && PasswordHasher.iterations(row.passwordHash()) < iterations) {
                    rehash(name, row.passwordHash(), password);
                }
            } finally {
                permits.release();
            }
            if (checked && !ok) {
                failure = throttle.failed(name, address); // counted before this attempt stops being in flight
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SignInResult.busy(Duration.ofSeconds(1));
        } finally {
            throttle.done(name, address);
        }
        if (!checked) {
            return SignInResult.refused();
        }
        if (!ok) {
            reportFailure(name, address, from, failure, refusedBefore);
            return SignInResult.refused();
        }
        throttle.succeeded(name);
        verified.put(name, new CachedLogin(digest, row.user(), row.stamp(), nanoTime.getAsLong() + cacheNanos));
        stamps.changed(name, row.stamp(), true);
        if (!SignInOrigin.REST.equals(from.channel())) {
            LOG.info("User '{}' signed in from {} via {}", name, address, from.channel());
        }
        return SignInResult.signedIn(row.user(), row.stamp());
    }

    /** A checked failure: to the log (WARN, never the password) and the audit trail. */
    private void reportFailure(String name, String address, SignInOrigin from, SignInThrottle.Failure f, int refusedBefore) {
        String shown = printable(name);
        long lockSeconds = (f.lockedFor().toMillis() + 999) / 1000;
        LOG.warn("Sign-in failed for user '{}' from {} via {}: {} failed in a row for this user name, {} from this address{}{}", shown,
                address == null ? "an unknown address" : address, from.channel(), f.userFailures(), f.addressFailures(),
                refusedBefore > 0 ? "; " + refusedBefore + " attempts were refused unchecked during the last lock" : "",
                lockSeconds > 0 ? "; locked for " + lockSeconds + " s" : "");
        AuditTrail a = audit;
        if (a != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("channel", from.channel());
            details.put("address", address == null ? "unknown" : address);
            details.put("failures", f.userFailures());
            details.put("addressFailures", f.addressFailures());
            details.put("lockedSeconds", lockSeconds);
            try {
                a.record(shown, "user", shown, "sign-in-failed", details);
            } catch (RuntimeException e) {
                LOG.warn("Could not write the failed sign-in of '{}' to the audit trail: {}", shown, e.toString());
            }
        }
    }

    /** A user name as it may appear in the log and the audit trail: no control characters, at most 64 characters. */
    static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().limit(64).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) || !Character.isDefined(cp)
                || Character.getType(cp) == Character.FORMAT ? '?' : cp));
        return sb.toString();
    }

    /**
     * A password this node has just hashed is as good as verified: it goes to the credential cache, so that the first
     * sign-in with it (at the first start, the operator's or a deployment's probe, while the JIT is still cold) does
     * not run PBKDF2 a second time on the start's critical path.
     */
    private void rememberVerified(UserEntity created, char[] password) {
        // from the entity as persisted (its stamp, 1), not read back: a password change committed meanwhile raises the
        // stamp, and the stamp check then refuses this entry instead of letting the old password in
        verified.put(created.username, new CachedLogin(digest(created.username, password), toUser(created), stampOf(created),
                nanoTime.getAsLong() + cacheNanos));
    }

    private Row readUser(String name) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity e = em.find(UserEntity.class, name);
            return e == null ? null : new Row(e.passwordHash, e.enabled, stampOf(e), toUser(e));
        });
    }

    private SecurityStamps.Known readStamp(String name) {
        List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT u.securityStamp, u.enabled FROM UserEntity u WHERE u.username = :n", Object[].class)
                .setParameter("n", name).getResultList());
        if (rows.isEmpty()) {
            return new SecurityStamps.Known(-1, false, 0);
        }
        Object[] r = rows.get(0);
        return new SecurityStamps.Known(r[0] == null ? 0 : ((Number) r[0]).longValue(), Boolean.TRUE.equals(r[1]), 0);
    }

    private static long stampOf(UserEntity e) {
        return e.securityStamp == null ? 0 : e.securityStamp;
    }

    /** A hash made with fewer iterations than configured is replaced, unless the password changed meanwhile. */
    private void rehash(String name, String oldHash, char[] password) {
        String newHash = PasswordHasher.hash(password, iterations);
        try {
            int updated = jpa.txExpr(TransactionType.RequiresNew, em -> em
                    .createQuery("UPDATE UserEntity u SET u.passwordHash = :h WHERE u.username = :n AND u.passwordHash = :o")
                    .setParameter("h", newHash).setParameter("n", name).setParameter("o", oldHash).executeUpdate());
            if (updated == 1) {
                LOG.info("Upgraded the password hash of user '{}' from {} to {} PBKDF2 iterations", name, PasswordHasher.iterations(oldHash), iterations);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not upgrade the password hash of user '{}': {}", name, e.toString());
        }
    }

    @Override
    public boolean isCurrent(String username, long securityStamp) {
        return username != null && stamps.isCurrent(username, securityStamp);
    }

    @Override
    public void clearSignInFailures(CrmUser actor, String usernameOrAddress) {
        actor.require(PERMISSION_MANAGE);
        String key = usernameOrAddress == null ? null : usernameOrAddress.strip();
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException("username", "a user name or client address is required", "user.nameOrAddressRequired");
        }
        String canonical = ClientAddresses.canonical(key);
        boolean had = throttle.clear(key) | (canonical != null && throttle.clear(canonical));
        LOG.info("{} cleared the failed sign-ins of '{}'{}", actor.username(), printable(key), had ? "" : " (there were none)");
        audit(actor, printable(key), "sign-in-unlock", Map.of("hadFailures", had));
    }

    private byte[] digest(String username, char[] password) {
        // a clone of a prepared SHA-256: no provider lookup per REST call; the password goes to bytes without a String copy
        MessageDigest md;
        try {
            md = (MessageDigest) sha256.clone();
        } catch (CloneNotSupportedException e) {
            md = newSha256();
        }
        md.update(cachePepper);
        md.update(username.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        md.update(bytes.duplicate());
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return md.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
            throw new InvalidInputException("body", "user details are required", "user.bodyRequired");
        }
        if (in.username() == null || !USERNAME.matcher(in.username()).matches()) {
            throw new InvalidInputException("username", "username must be 2-64 letters, digits, '.', '_' or '-'", "user.usernameFormat");
        }
        validatePassword(in.password());
        ScopeType scope = checkRolesAndScope(in.roles(), in.scopeType(), in.region(), in.accountId(), in.displayName());
        UserEntity e = new UserEntity();
        e.username = in.username();
        e.displayName = in.displayName() == null ? in.username() : in.displayName();
        e.passwordHash = PasswordHasher.hash(in.password().toCharArray(), iterations);
        e.roles = String.join(",", in.roles());
        e.scopeType = scope;
        e.region = scope == ScopeType.REGION ? in.region() : null;
        e.accountId = in.accountId();
        e.enabled = true;
        e.securityStamp = 1L;
        e.createdAt = Instant.now();
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(UserEntity.class, e.username) != null) {
                throw new ConflictException("duplicate", "username", "user '" + e.username + "' already exists", "user.exists", e.username);
            }
            em.persist(e);
            audit(actor, e.username, "create", Map.of("roles", e.roles, "scopeType", e.scopeType.name(),
                    "accountId", String.valueOf(e.accountId), "region", String.valueOf(e.region)));
            return toAccount(e);
        });
    }

    private static void validatePassword(String password) {
        if (password == null || password.length() < 8) {
            throw new InvalidInputException("password", "password must have at least 8 characters", "user.passwordShort");
        }
        if (password.length() > 128) {
            throw new InvalidInputException("password", "password must have at most 128 characters", "user.passwordLong");
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
        String hash = PasswordHasher.hash(newPassword, iterations);
        long[] stamp = new long[1];
        boolean[] enabled = new boolean[1];
        jpa.tx(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, username);
            if (e == null) {
                throw new RecordNotFoundException("user", username);
            }
            e.passwordHash = hash;
            stamp[0] = bumpStamp(e);
            enabled[0] = e.enabled;
            audit(actor, username, "password", Map.of());
        });
        changed(username, stamp[0], enabled[0]);
    }

    /** Raises the user's security stamp in the transaction that changes them: sign-ins made before stop holding. */
    private static long bumpStamp(UserEntity e) {
        e.securityStamp = stampOf(e) + 1;
        return e.securityStamp;
    }

    /** After the commit: this node forgets the user's remembered password and knows the new stamp at once. */
    private void changed(String username, long stamp, boolean enabled) {
        verified.remove(username);
        stamps.changed(username, stamp, enabled);
    }

    /** The checks that creating and changing a user share; returns the effective scope type. */
    private ScopeType checkRolesAndScope(Set<String> userRoles, ScopeType scopeType, String region, Long accountId, String displayName) {
        if (userRoles == null || userRoles.isEmpty()) {
            throw new InvalidInputException("roles", "at least one role is required; known roles: " + roles.keySet(), "user.roleRequired", String.join(", ", roles.keySet()));
        }
        for (String r : userRoles) {
            if (!roles.containsKey(r)) {
                throw new InvalidInputException("roles", "unknown role '" + r + "'; known roles: " + roles.keySet(), "user.unknownRole", r, String.join(", ", roles.keySet()));
            }
        }
        ScopeType scope = scopeType == null ? ScopeType.HQ : scopeType;
        if (scope == ScopeType.REGION && (region == null || region.isBlank())) {
            throw new InvalidInputException("region", "a REGION-scoped user needs a region", "user.regionRequired");
        }
        if ((scope == ScopeType.PARTNER || scope == ScopeType.STORE) && accountId == null) {
            throw new InvalidInputException("accountId", "a " + scope + "-scoped user needs the account it belongs to", "user.accountRequired", "scope." + scope);
        }
        CustomerDirectory dir = customers;
        if (accountId != null && dir != null && dir.account(accountId).isEmpty()) {
            throw new InvalidInputException("accountId", "account " + accountId + " does not exist", "noSuchAccount", accountId);
        }
        if (displayName != null && displayName.length() > 100) {
            throw new InvalidInputException("displayName", "display name is longer than 100 characters", "user.displayNameLong");
        }
        return scope;
    }

    @Override
    public UserAccount update(CrmUser actor, String username, UserChange in) {
        actor.require(PERMISSION_MANAGE);
        if (in == null) {
            throw new InvalidInputException("body", "user details are required", "user.bodyRequired");
        }
        ScopeType scope = checkRolesAndScope(in.roles(), in.scopeType(), in.region(), in.accountId(), in.displayName());
        long[] stamp = new long[1];
        boolean[] enabled = new boolean[1];
        UserAccount out = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, username);
            if (e == null) {
                throw new RecordNotFoundException("user", username);
            }
            if (username.equals(actor.username()) && !in.roles().contains("admin") && Set.of(split(e.roles)).contains("admin")) {
                // nobody locks themselves out of administration by accident
                throw new InvalidInputException("roles", "you cannot remove the admin role from yourself", "user.ownAdminRole");
            }
            String grantsBefore = e.roles + "|" + e.scopeType + "|" + e.region + "|" + e.accountId;
            e.displayName = in.displayName() == null || in.displayName().isBlank() ? e.displayName : in.displayName().strip();
            e.roles = String.join(",", new java.util.TreeSet<>(in.roles()));
            e.scopeType = scope;
            e.region = scope == ScopeType.REGION ? in.region().strip() : null;
            e.accountId = scope == ScopeType.PARTNER || scope == ScopeType.STORE ? in.accountId() : null;
            // new roles or a new data scope end the user's sessions; a new display name alone does not
            boolean grantsChanged = !grantsBefore.equals(e.roles + "|" + e.scopeType + "|" + e.region + "|" + e.accountId);
            stamp[0] = grantsChanged ? bumpStamp(e) : stampOf(e);
            enabled[0] = e.enabled;
            audit(actor, username, "update", Map.of("roles", e.roles, "scopeType", e.scopeType.name(), "accountId", String.valueOf(e.accountId),
                    "region", String.valueOf(e.region)));
            return toAccount(e);
        });
        changed(username, stamp[0], enabled[0]); // the next request (REST or UI) signs in again with the new roles and scope
        return out;
    }

    @Override
    public void setEnabled(CrmUser actor, String username, boolean enabled) {
        actor.require(PERMISSION_MANAGE);
        long[] stamp = new long[1];
        jpa.tx(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, username);
            if (e == null) {
                throw new RecordNotFoundException("user", username);
            }
            e.enabled = enabled;
            stamp[0] = bumpStamp(e);
            audit(actor, username, enabled ? "enable" : "disable", Map.of("enabled", enabled));
        });
        changed(username, stamp[0], enabled);
    }

    @Override
    public Map<String, Set<String>> roles() {
        return roles;
    }

    static String[] split(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toArray(String[]::new);
    }
}
