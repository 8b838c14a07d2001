package org.opencrm.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.audit.AuditQuery;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.NewUser;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.security.SignInOrigin;
import org.opencrm.platform.api.security.SignInResult;
import org.opencrm.platform.api.security.SignInResult.Outcome;
import org.opencrm.platform.api.security.UserChange;
import org.opencrm.platform.persistence.testing.InMemoryJpa;

/** The user store on its real persistence unit (in-memory Derby), with a clock the test moves. */
class UserServiceImplTest {
    private static final SignInOrigin FROM = new SignInOrigin(SignInOrigin.REST, "192.0.2.10", null);

    static {
        // the first start creates admin with this password instead of generating one into ./admin-password.txt
        System.setProperty("crm.admin.password", "Unit-admin-1");
    }
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final InMemoryJpa jpa = new InMemoryJpa("crm-security");
    private final UserServiceImpl users = new UserServiceImpl(jpa, config(), now::get);

    @AfterEach
    void close() {
        jpa.close();
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private void addUser(String name, String password) {
        users.create(CrmUser.SYSTEM, new NewUser(name, password, null, Set.of("agent"), ScopeType.HQ, null, null));
    }

    private String storedHash(String name) {
        return jpa.txExpr(TransactionType.RequiresNew, em -> em.find(UserEntity.class, name).passwordHash);
    }

    @Test
    void aSignInDuringTheFirstStartsSetUpWaitsForTheAdministratorInsteadOfBeingRefused() throws Exception {
        InMemoryJpa fresh = new InMemoryJpa("crm-security");
        try {
            java.util.concurrent.CompletableFuture<Runnable> setUp = new java.util.concurrent.CompletableFuture<>();
            UserServiceImpl starting = new UserServiceImpl(fresh, config(), now::get, setUp::complete);
            assertTrue(setUp.isDone(), "the set-up was handed to its runner");
            assertEquals(0L, (long) fresh.txExpr(TransactionType.RequiresNew,
                    em -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class).getSingleResult()), "no admin before the set-up ran");
            SignInResult[] result = new SignInResult[1];
            Thread early = new Thread(() -> result[0] = starting.signIn("admin", "Unit-admin-1".toCharArray(), FROM), "early-sign-in");
            early.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (early.getState() != Thread.State.TIMED_WAITING && early.isAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // waits for the sign-in to be parked on the set-up
            }
            assertEquals(Thread.State.TIMED_WAITING, early.getState(), "the early sign-in waits for the set-up");
            setUp.get().run();
            early.join(Duration.ofSeconds(30).toMillis());
            assertEquals(Outcome.SIGNED_IN, result[0].outcome(), "signed in once the admin exists");
            assertEquals(Outcome.REFUSED, starting.signIn("nobody", "Unit-admin-1".toCharArray(), FROM).outcome(),
                    "an unknown user is checked against the dummy hash");
        } finally {
            fresh.close();
        }
    }

    @Test
    void theAdministratorsFirstSignInAfterItsCreationNeedsNoSecondPasswordCheck() {
        // the start has just hashed this password: the stored hash replaced by one no password matches shows which
        // sign-ins are answered from the credential cache and which check the hash
        jpa.tx(TransactionType.RequiresNew, em -> em.createQuery("UPDATE UserEntity u SET u.passwordHash = :h WHERE u.username = 'admin'")
                .setParameter("h", PasswordHasher.unmatchable(600_000)).executeUpdate());
        assertEquals(Outcome.SIGNED_IN, users.signIn("admin", "Unit-admin-1".toCharArray(), FROM).outcome(), "recognised without PBKDF2");
        assertEquals(Outcome.REFUSED, users.signIn("admin", "Unit-admin-2".toCharArray(), FROM).outcome(), "another password is checked");
        advance(Duration.ofSeconds(301));
        assertEquals(Outcome.REFUSED, users.signIn("admin", "Unit-admin-1".toCharArray(), FROM).outcome(),
                "remembered only for the credential cache's time, then checked against the stored hash");
    }

    @Test
    void newHashesUse600000IterationsAndOldOnesAreUpgradedAtTheNextSignIn() {
        addUser("chen", "Chen-pass-1");
        assertEquals(600_000, PasswordHasher.iterations(storedHash("chen")));
        String legacy = PasswordHasher.hash("Chen-pass-1".toCharArray(), PasswordHasher.LEGACY_ITERATIONS);
        jpa.tx(TransactionType.RequiresNew, em -> em.createQuery("UPDATE UserEntity u SET u.passwordHash = :h WHERE u.username = 'chen'")
                .setParameter("h", legacy).executeUpdate());
        assertEquals(Outcome.SIGNED_IN, users.signIn("chen", "Chen-pass-1".toCharArray(), FROM).outcome(), "a 120,000-iteration hash verifies");
        String upgraded = storedHash("chen");
        assertEquals(600_000, PasswordHasher.iterations(upgraded));
        assertTrue(PasswordHasher.verify("Chen-pass-1".toCharArray(), upgraded));
    }

    @Test
    void theRightPasswordIsRefusedUncheckedWhileTheNameIsLocked() {
        addUser("liu", "Liu-pass-1");
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.REFUSED, users.signIn("liu", ("wrong-" + i).toCharArray(), FROM).outcome());
        }
        SignInResult locked = users.signIn("liu", "Liu-pass-1".toCharArray(), new SignInOrigin(SignInOrigin.UI, "198.51.100.3", null));
        assertEquals(Outcome.THROTTLED, locked.outcome());
        assertEquals(5, locked.retryAfterSeconds());
        advance(Duration.ofSeconds(5));
        assertEquals(Outcome.SIGNED_IN, users.signIn("liu", "Liu-pass-1".toCharArray(), FROM).outcome(), "the lock ends by itself");
        // and the failures are forgotten: four more are free again
        for (int i = 0; i < 4; i++) {
            assertEquals(Outcome.REFUSED, users.signIn("liu", ("wrong-" + i).toCharArray(), FROM).outcome());
        }
        assertEquals(Outcome.SIGNED_IN, users.signIn("liu", "Liu-pass-1".toCharArray(), FROM).outcome());
    }

    @Test
    void unknownNamesAreCountedAndLockedLikeKnownOnes() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.REFUSED, users.signIn("nobody", "x".toCharArray(), FROM).outcome());
        }
        assertEquals(Outcome.THROTTLED, users.signIn("nobody", "x".toCharArray(), FROM).outcome());
    }

    @Test
    void anOperatorEndsALockAtOnce() {
        addUser("sun", "Sun-pass-1");
        for (int i = 0; i < 5; i++) {
            users.signIn("sun", "bad-password".toCharArray(), FROM);
        }
        assertEquals(Outcome.THROTTLED, users.signIn("sun", "Sun-pass-1".toCharArray(), FROM).outcome());
        users.clearSignInFailures(CrmUser.SYSTEM, "sun");
        assertEquals(Outcome.SIGNED_IN, users.signIn("sun", "Sun-pass-1".toCharArray(), FROM).outcome());
    }

    @Test
    void unknownUsersTakeAsLongAsKnownOnes() {
        addUser("zhou", "Zhou-pass-1");
        users.signIn("warm-up", "x".toCharArray(), FROM);
        long known = 0;
        long unknown = 0;
        for (int i = 0; i < 3; i++) {
            int n = i;
            known += cpuNanos(() -> users.signIn("zhou", ("wrong-" + n).toCharArray(), new SignInOrigin(SignInOrigin.REST, "192.0.2." + (50 + n), null)));
            unknown += cpuNanos(() -> users.signIn("ghost-" + n, "wrong".toCharArray(), new SignInOrigin(SignInOrigin.REST, "192.0.2." + (60 + n), null)));
        }
        assertTrue(unknown * 2 > known && known * 2 > unknown, "known " + known / 3_000_000 + " ms, unknown " + unknown / 3_000_000 + " ms");
    }

    @Test
    void aWrongPasswordForAnOldHashTakesAsLongAsForACurrentOne() {
        addUser("tang", "Tang-pass-1");
        jpa.tx(TransactionType.RequiresNew, em -> em.createQuery("UPDATE UserEntity u SET u.passwordHash = :h WHERE u.username = 'tang'")
                .setParameter("h", PasswordHasher.hash("Tang-pass-1".toCharArray(), PasswordHasher.LEGACY_ITERATIONS)).executeUpdate());
        users.signIn("ghost-warm", "x".toCharArray(), FROM);
        long old = cpuNanos(() -> users.signIn("tang", "wrong-1".toCharArray(), new SignInOrigin(SignInOrigin.REST, "192.0.2.71", null)));
        long unknown = cpuNanos(() -> users.signIn("ghost-tang", "wrong-1".toCharArray(), new SignInOrigin(SignInOrigin.REST, "192.0.2.72", null)));
        assertTrue(old * 2 > unknown, "old hash " + old / 1_000_000 + " ms, unknown user " + unknown / 1_000_000 + " ms");
    }

    @Test
    void aRememberedPasswordAndASessionStopHoldingAtOnceWhenTheUserChanges() {
        addUser("wu", "Wu-pass-1");
        SignInResult first = users.signIn("wu", "Wu-pass-1".toCharArray(), FROM);
        assertTrue(first.signedIn());
        assertTrue(users.isCurrent("wu", first.securityStamp()));
        SignInResult[] remembered = new SignInResult[1];
        long cost = cpuNanos(() -> remembered[0] = users.signIn("wu", "Wu-pass-1".toCharArray(), FROM));
        assertTrue(remembered[0].signedIn());
        assertTrue(cost < Duration.ofMillis(50).toNanos(), "a remembered password costs no PBKDF2 run");

        users.setEnabled(CrmUser.SYSTEM, "wu", false);
        assertFalse(users.isCurrent("wu", first.securityStamp()), "an open session ends");
        assertEquals(Outcome.REFUSED, users.signIn("wu", "Wu-pass-1".toCharArray(), FROM).outcome(), "the remembered password no longer counts");

        users.setEnabled(CrmUser.SYSTEM, "wu", true);
        SignInResult again = users.signIn("wu", "Wu-pass-1".toCharArray(), FROM);
        assertTrue(again.signedIn());
        users.update(CrmUser.SYSTEM, "wu", new UserChange("Wu Lei", Set.of("agent"), ScopeType.HQ, null, null));
        assertTrue(users.isCurrent("wu", again.securityStamp()), "a new display name alone ends nothing");
        users.update(CrmUser.SYSTEM, "wu", new UserChange(null, Set.of("viewer"), ScopeType.HQ, null, null));
        assertFalse(users.isCurrent("wu", again.securityStamp()), "roles changed");
        SignInResult viewer = users.signIn("wu", "Wu-pass-1".toCharArray(), FROM);
        assertEquals(Set.of("viewer"), viewer.user().roles(), "the next sign-in has the new roles");

        users.changePassword(CrmUser.SYSTEM, "wu", "Wu-pass-2".toCharArray());
        assertFalse(users.isCurrent("wu", viewer.securityStamp()), "password changed");
        assertEquals(Outcome.REFUSED, users.signIn("wu", "Wu-pass-1".toCharArray(), FROM).outcome());
        assertTrue(users.signIn("wu", "Wu-pass-2".toCharArray(), FROM).signedIn());
    }

    @Test
    void aChangeMadeByAnotherNodeIsSeenAfterTheRecheckInterval() {
        addUser("xu", "Xu-pass-1");
        SignInResult in = users.signIn("xu", "Xu-pass-1".toCharArray(), FROM);
        // another node disables the user: only the database knows
        jpa.tx(TransactionType.RequiresNew, em -> em.createQuery(
                "UPDATE UserEntity u SET u.enabled = false, u.securityStamp = u.securityStamp + 1 WHERE u.username = 'xu'").executeUpdate());
        assertTrue(users.isCurrent("xu", in.securityStamp()), "within stampRecheckMillis this node has not looked");
        advance(Duration.ofMillis(1000));
        assertFalse(users.isCurrent("xu", in.securityStamp()));
        assertEquals(Outcome.REFUSED, users.signIn("xu", "Xu-pass-1".toCharArray(), FROM).outcome());
    }

    @Test
    void failedSignInsGoToTheAuditTrailWithoutThePassword() {
        List<String> recorded = new ArrayList<>();
        users.audit = new AuditTrail() {
            @Override
            public void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes) {
                recorded.add(actor + "|" + recordType + "|" + recordId + "|" + action + "|" + changes);
            }

            @Override
            public void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes, Long accountId) {
                record(actor, recordType, recordId, action, changes);
            }

            @Override
            public Page<AuditEntry> forRecord(CrmUser user, String recordType, String recordId, int offset, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<AuditEntry> search(CrmUser user, AuditQuery query, int offset, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<AuditEntry> forRecord(String recordType, String recordId, int offset, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<AuditEntry> search(AuditQuery query, int offset, int limit) {
                throw new UnsupportedOperationException();
            }
        };
        addUser("he", "He-pass-1");
        recorded.clear();
        users.signIn("he", "Secret-guess-1".toCharArray(), new SignInOrigin(SignInOrigin.SSH, "/192.0.2.77:40022", null));
        assertEquals(1, recorded.size(), recorded.toString());
        String entry = recorded.get(0);
        assertTrue(entry.startsWith("he|user|he|sign-in-failed|"), entry);
        assertTrue(entry.contains("channel=ssh") && entry.contains("address=192.0.2.77") && entry.contains("failures=1"), entry);
        assertFalse(entry.contains("Secret-guess-1"), entry);
    }

    @Test
    void aClientStartingManyCallsAtOnceSignsInWithOneCheck() throws Exception {
        addUser("lin", "Lin-pass-1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SignInResult>> right = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                right.add(pool.submit(() -> {
                    go.await();
                    return users.signIn("lin", "Lin-pass-1".toCharArray(), FROM);
                }));
            }
            go.countDown();
            for (Future<SignInResult> f : right) {
                assertEquals(Outcome.SIGNED_IN, f.get().outcome(), "parallel calls with the right password are never throttled");
            }
            // the same wrong password eight times at once is one failure, not eight
            CountDownLatch again = new CountDownLatch(1);
            List<Future<SignInResult>> wrong = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                wrong.add(pool.submit(() -> {
                    again.await();
                    return users.signIn("lin", "Same-wrong-1".toCharArray(), FROM);
                }));
            }
            again.countDown();
            for (Future<SignInResult> f : wrong) {
                assertEquals(Outcome.REFUSED, f.get().outcome());
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(Outcome.REFUSED, users.signIn("lin", ("other-" + i).toCharArray(), FROM).outcome());
            }
            assertTrue(users.signIn("lin", "Lin-pass-1".toCharArray(), FROM).signedIn(), "three failures (or four): not locked");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void namesInTheLogAndAuditTrailCarryNoControlCharacters() {
        assertEquals("ad?min?", UserServiceImpl.printable("ad\nmin\u202e"));
    }

    private static SecurityConfig config() {
        return new SecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override
            public String[] roles() {
                return new String[] { "admin=*", "agent=core.contact.*", "viewer=*.read" };
            }

            @Override
            public int credentialCacheSeconds() {
                return 300;
            }

            @Override
            public int passwordIterations() {
                return PasswordHasher.RECOMMENDED_ITERATIONS;
            }

            @Override
            public int stampRecheckMillis() {
                return 1000;
            }

            @Override
            public int signInFailuresBeforeLock() {
                return 5;
            }

            @Override
            public int signInAddressFailuresBeforeLock() {
                return 30;
            }

            @Override
            public int signInLockSeconds() {
                return 5;
            }

            @Override
            public int signInMaxLockSeconds() {
                return 900;
            }

            @Override
            public int signInForgetMinutes() {
                return 30;
            }

            @Override
            public int signInConcurrentChecks() {
                return 1;
            }

            @Override
            public int signInQueueSeconds() {
                return 5;
            }

            @Override
            public String[] trustedProxies() {
                return new String[0];
            }
        };
    }

    /**
     * The processor time the calling thread spent on the sign-in (the PBKDF2 check runs in the caller's thread): the
     * work done, which the wall clock shows only on an idle machine - a CI run with both cores busy stretched one
     * sign-in 3x while the other waited for nothing.
     */
    private static long cpuNanos(Runnable signIn) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        signIn.run();
        return threads.getCurrentThreadCpuTime() - t0;
    }
}
