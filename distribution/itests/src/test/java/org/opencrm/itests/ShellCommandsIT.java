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
        try {
            backUpAndRestore(before, dir);
        } finally {
            deleteTree(dir.toPath()); // the copy and the restored database: megabytes per run, never left in /tmp
        }
    }

    private static void deleteTree(java.nio.file.Path root) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    private void backUpAndRestore(String before, java.io.File dir) throws Exception {
        String out = execute("crm:backup " + dir.getAbsolutePath());
        if (out.contains("pg_dump")) {
            assertTrue(out, out.contains("Not backed up") && out.contains("PostgreSQL"));
            // over REST: 409 with the message key, in the caller's language
            JsonNode refused = post("admin/backup", "").expect(409).json();
            assertEquals("backupNotDerby", refused.get("messageKey").asText());
            Reply zh = callWith("POST", "admin/backup", ADMIN, ADMIN_PASSWORD, "application/json", new byte[0], "Accept-Language", "zh-CN");
            assertEquals(zh.body(), 409, zh.status());
            assertTrue(zh.body(), zh.json().get("message").asText().contains("请用该数据库自带的工具备份"));
            return;
        }
        assertTrue(out, out.contains("Backed up to " + new java.io.File(dir, "crmdb").getAbsolutePath()));
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

        // the same over REST, for the administrator only: a new folder under data/backup, where the answer says
        JsonNode written = post("admin/backup", "").expect(200).json();
        java.nio.file.Path copy = java.nio.file.Path.of(written.get("path").asText());
        assertTrue(written.toString(), copy.startsWith(java.nio.file.Path.of(System.getProperty("karaf.data"), "backup"))
                && java.nio.file.Files.isRegularFile(copy.resolve("service.properties")));
        assertEquals("Apache Derby", written.get("database").asText());
        deleteTree(copy.getParent());
        String manager = "backup-" + (System.nanoTime() % 100_000);
        post("users", obj().put("username", manager).put("password", "Backup-pass-1").put("scopeType", "HQ")
                .set("roles", JSON.createArrayNode().add("manager"))).expect(201);
        assertEquals("platform.backup is the administrator's", 403,
                call("POST", "admin/backup", manager, "Backup-pass-1", "application/json", "").status());
    }

    /**
     * Each module's schema is versioned in the database (ModuleSchema, one history table per module): the core and an
     * enabled module are at the latest version of their steps, listed over REST (administrator only) and by
     * {@code crm:schema}, on Derby and on PostgreSQL alike.
     */
    @Test
    public void eachModulesSchemaVersionIsKeptInTheDatabaseAndListed() throws Exception {
        if (!"ACTIVE".equals(get("modules/channel-finance").expect(200).json().get("state").asText())) {
            assertEquals("ACTIVE", post("modules/channel-finance/enable", "").expect(200).json().get("state").asText());
        }
        java.util.Map<String, JsonNode> byModule = new java.util.HashMap<>();
        get("admin/schema").expect(200).json().forEach(v -> byModule.put(v.get("module").asText(), v));
        JsonNode core = byModule.get("core");
        assertTrue(byModule.toString(), core != null);
        assertEquals(core.toString(), 8, core.get("version").asInt());
        assertEquals("division codes of existing accounts", core.get("description").asText());
        assertTrue(core.toString(), java.time.Instant.parse(core.get("appliedAt").asText()).isBefore(java.time.Instant.now().plusSeconds(60)));
        JsonNode channel = byModule.get("channel-finance");
        assertTrue(byModule.toString(), channel != null);
        assertEquals(channel.toString(), 2, channel.get("version").asInt());
        assertEquals("day settled of invoices settled before it was kept", channel.get("description").asText());

        String out = execute("crm:schema");
        assertTrue(out, out.contains("core") && out.contains("division codes of existing accounts") && out.contains("channel-finance"));

        String manager = "schema-" + (System.nanoTime() % 100_000);
        post("users", obj().put("username", manager).put("password", "Schema-pass-1").put("scopeType", "HQ")
                .set("roles", JSON.createArrayNode().add("manager"))).expect(201);
        assertEquals("platform.schema.read is the administrator's", 403, call("GET", "admin/schema", manager, "Schema-pass-1", "application/json", null).status());
    }

    /**
     * The shell listens on the loopback interface only (sshHost = 127.0.0.1 in the distribution's
     * etc/org.apache.karaf.shell.cfg): the ssh port answers on 127.0.0.1 and refuses on this host's other addresses.
     */
    @Test
    public void theShellListensOnTheLoopbackInterfaceOnly() throws Exception {
        java.util.Properties shellCfg = new java.util.Properties();
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.shell.cfg"))) {
            shellCfg.load(r);
        }
        assertEquals("127.0.0.1", shellCfg.getProperty("sshHost"));
        int port = Integer.parseInt(shellCfg.getProperty("sshPort").trim());
        try (java.net.Socket loopback = new java.net.Socket()) {
            loopback.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
        }
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a.isLoopbackAddress() || !nic.isUp()) {
                    continue;
                }
                try (java.net.Socket outside = new java.net.Socket()) {
                    outside.connect(new java.net.InetSocketAddress(a, port), 5_000);
                    throw new AssertionError("the shell answers on " + a + ":" + port);
                } catch (java.io.IOException refused) {
                    // refused (or unreachable): nothing listens there
                }
            }
        }
    }

    /**
     * The channel finance module's channel:* commands on its own demo data: the partners listed, one partner's credit,
     * the aging, the periodic run (its payment reminders are core activities of the partners' accounts, owned by their
     * account manager) and the month-end close with its timings.
     */
    @Test
    public void channelCommandsWorkOnTheModulesDemoData() throws Exception {
        boolean enabledHere = !"ACTIVE".equals(get("modules/channel-finance").expect(200).json().get("state").asText());
        if (enabledHere) {
            assertEquals("ACTIVE", post("modules/channel-finance/enable", "").expect(200).json().get("state").asText());
        }
        try {
            channelCommands();
        } finally {
            // the module is left as this test found it: later tests of the suite see the installation they expect
            if (enabledHere) {
                post("modules/channel-finance/disable", "").expect(200);
            }
        }
    }

    private void channelCommands() throws Exception {
        // the demo data is random per seed and ends today: whether a partner's open invoice is already past its due date
        // depends on both (payments clear the oldest invoices first), so seeds are tried until the data has an overdue one
        long seed = 70_000 + System.nanoTime() % 10_000;
        int overdue = 0;
        for (int attempt = 0; overdue == 0; attempt++) {
            assertTrue("demo data with an overdue invoice within 8 seeds", attempt < 8);
            seed += attempt == 0 ? 0 : 1;
            String demo = execute("channel:demo-data --partners 10 --months 3 --seed " + seed);
            assertTrue(demo, demo.matches("(?s)10 partners, \\d+ orders .*"));
            overdue = overdueInvoices(seed);
        }
        JsonNode partners = get("channel/partners?q=" + java.net.URLEncoder.encode("全国总代 1 (" + seed + ")", StandardCharsets.UTF_8)).expect(200).json();
        assertEquals(partners.toString(), 1, partners.get("total").asInt());
        long national = partners.get("items").get(0).get("accountId").asLong();

        String list = execute("channel:partners 全国总代");
        assertTrue(list, list.contains("ACCOUNT") && list.contains(Long.toString(national)) && list.contains("partner(s)"));
        String credit = execute("channel:credit " + national);
        assertTrue(credit, credit.contains("(" + national + ")") && credit.contains("exposure") && credit.contains("available"));
        String unknown = execute("channel:credit 999999999");
        assertTrue(unknown, unknown.contains("Error executing command"));
        String aging = execute("channel:aging --as-of " + businessToday() + " --limit 5");
        assertTrue(aging, aging.contains("Aging as of " + businessToday()) && aging.contains("TOTAL"));

        long before = reminders();
        String run = execute("channel:run");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) collection reminder").matcher(run);
        assertTrue(run, m.find());
        int made = Integer.parseInt(m.group(1));
        // one reminder for each overdue invoice of the demo partners (and any other partner's not reminded at its level yet)
        assertTrue(run + " (" + overdue + " overdue invoices of the demo partners)", made >= overdue);
        assertEquals("one core activity per reminder, for the account manager (admin)", before + made, reminders());
        String again = execute("channel:run");
        assertTrue("once per invoice and level: " + again, again.contains(" 0 collection reminder"));

        String month = java.time.YearMonth.from(businessToday()).minusMonths(1).toString();
        String close = execute("channel:month-end --month " + month);
        assertTrue(close, close.matches("(?s)month-end " + month + ": \\d+ partners; statements .* s in all.*"));
    }

    /** Open invoices of the demo partners of this seed that are past their due date (business today). */
    private static int overdueInvoices(long seed) {
        int overdue = 0;
        for (int offset = 0; ; offset += 100) {
            JsonNode invoices = get("channel/invoices?open=true&limit=100&offset=" + offset).expect(200).json().get("items");
            for (JsonNode invoice : invoices) {
                if (invoice.get("accountName").asText().endsWith("(" + seed + ")")
                        && java.time.LocalDate.parse(invoice.get("dueOn").asText()).isBefore(businessToday())) {
                    overdue++;
                }
            }
            if (invoices.size() < 100) {
                return overdue;
            }
        }
    }

    /**
     * The admin's open payment reminders (the account manager of the demo partners is admin), found by their Chinese words
     * (the subject is the channel module's text: English words stored, said and searched in Chinese too).
     */
    private static long reminders() {
        return get("activities?owner=admin&status=OPEN&q=" + java.net.URLEncoder.encode("催款提醒", StandardCharsets.UTF_8) + "&limit=1").expect(200).json().get("total").asLong();
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
