package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** The crm:* shell commands an integrator uses, run in a shell session of the booted distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShellCommandsIT extends CrmTestSupport {
    @Inject
    SessionFactory sessions;

    @Test
    public void modulesAreListedEnabledAndDisabledFromTheShell() throws Exception {
        String list = execute("crm:modules");
        assertTrue(list, list.contains("sample-notes") && list.contains("sample-broken"));

        String enabled = execute("crm:enable sample-notes");
        assertTrue(enabled, enabled.contains("Module sample-notes is ACTIVE"));
        // the shell and REST see the same state: one source of truth
        assertEquals("ACTIVE", get("modules/sample-notes").json().get("state").asText());

        String disabled = execute("crm:disable sample-notes");
        assertTrue(disabled, disabled.contains("AVAILABLE"));
        assertEquals("AVAILABLE", get("modules/sample-notes").json().get("state").asText());

        String broken = execute("crm:enable sample-broken");
        assertTrue(broken, broken.contains("FAILED") && broken.contains("MissingDependency"));
        execute("crm:disable sample-broken");
    }

    @Test
    public void demoDataLoadsARealisticDataSet() throws Exception {
        long before = get("accounts?limit=1").json().get("total").asLong();
        String out = execute("crm:demo-data --contacts 120 --seed 7");
        assertTrue(out, out.matches("(?s).*Loaded \\d+ accounts, 120 contacts .*"));
        assertTrue("accounts were added", get("accounts?limit=1").json().get("total").asLong() > before);
        JsonNode page = get("contacts?limit=200").json();
        long chinese = 0;
        for (JsonNode c : page.get("items")) {
            if (c.get("name").asText().codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    && c.get("mobile").asText().matches("1[3-9]\\d{9}") && !c.get("province").isNull()) {
                chinese++;
            }
        }
        assertTrue("demo contacts have Chinese names, mobiles and provinces: " + chinese, chinese >= 100);
    }

    @Test
    public void usersAreManagedFromTheShellInTheSameStore() throws Exception {
        String name = "clerk" + (System.nanoTime() % 100_000);
        String added = execute("crm:users add " + name + " Clerk-pass-1 agent");
        assertTrue(added, added.contains("Created user " + name));
        assertTrue(execute("crm:users").contains(name));
        assertEquals(name, call("GET", "users/me", name, "Clerk-pass-1", null, null).expect(200).json().get("username").asText());
        String weak = execute("crm:users add " + name + "x short agent");
        assertTrue("a weak password is refused with a reason: " + weak, weak.toLowerCase().contains("password"));
    }

    /**
     * crm:backup copies the running Derby database; the copy restored into a fresh database (Derby's restoreFrom, as a
     * fresh node would) holds what was committed before the backup and nothing after. On PostgreSQL it points at pg_dump.
     */
    @Test
    public void anOnlineBackupRestoresIntoAFreshDatabase() throws Exception {
        String before = newMobile();
        createContact("Backup Before", before, null);
        java.io.File dir = java.nio.file.Files.createTempDirectory("crm-backup").toFile();
        String out = execute("crm:backup " + dir.getAbsolutePath());
        if (out.contains("pg_dump")) {
            assertTrue(out, out.contains("PostgreSQL"));
            return;
        }
        assertTrue(out, out.contains("Backed up to"));
        String after = newMobile();
        createContact("Backup After", after, null);

        org.osgi.framework.ServiceReference<org.osgi.service.jdbc.DataSourceFactory> ref = bundleContext
                .getServiceReferences(org.osgi.service.jdbc.DataSourceFactory.class, "(osgi.jdbc.driver.name=derby)").iterator().next();
        org.osgi.service.jdbc.DataSourceFactory derby = bundleContext.getService(ref);
        String restored = new java.io.File(dir, "restored").getAbsolutePath();
        java.util.Properties props = new java.util.Properties();
        props.put(org.osgi.service.jdbc.DataSourceFactory.JDBC_URL,
                "jdbc:derby:" + restored + ";restoreFrom=" + new java.io.File(dir, "crmdb").getAbsolutePath());
        try (java.sql.Connection c = derby.createDataSource(props).getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM CRM_CONTACT WHERE MOBILE = ?")) {
            ps.setString(1, before);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("the contact committed before the backup", 1, rs.getInt(1));
            }
            ps.setString(1, after);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("the contact committed after the backup", 0, rs.getInt(1));
            }
        } finally {
            java.util.Properties shutdown = new java.util.Properties();
            shutdown.put(org.osgi.service.jdbc.DataSourceFactory.JDBC_URL, "jdbc:derby:" + restored + ";shutdown=true");
            try (java.sql.Connection c = derby.createDataSource(shutdown).getConnection()) {
                // never: shutting a database down answers with an exception
            } catch (java.sql.SQLException expected) {
                // 08006: the restored database is closed
            }
            bundleContext.ungetService(ref);
        }
    }

    /** Runs a command as a shell administrator and returns what it printed (stdout and stderr). */
    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("admin"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (Exception e) {
            // what the console prints for a failed command
            Throwable cause = e instanceof java.security.PrivilegedActionException ? e.getCause() : e;
            out.println("Error executing command: " + cause.getMessage());
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
