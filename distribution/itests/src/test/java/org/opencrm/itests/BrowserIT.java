package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;
import org.opencrm.testsupport.KarafServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The web shell in a real browser (Debian's headless Chromium driven by chromedriver) against the assembled
 * distribution, started here as a user would start it (bin/karaf server, its own ports). Runs outside the Pax Exam
 * container because the browser driver does not belong inside OSGi. The methods run in name order, each signing in
 * afresh; a second browser signs in at the start and stays idle until the last method checks its session ended.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class BrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The UI's session timeout in this distribution (etc/org.opencrm.ui.cfg), short so the test can watch it end. */
    private static final int SESSION_TIMEOUT_MINUTES = 1;
    /** The longest a step waits for the state it needs. */
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final String PARTNER_PASSWORD = "Partner-ui-1";
    private static WebDriver idleBrowser;
    private static long idleSince;

    /** A failed test leaves what both browsers showed, beside the other screenshots. */
    @Rule
    public final TestWatcher failureShots = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            try {
                for (var driver : new WebDriver[] { browser, idleBrowser }) {
                    if (driver != null) {
                        File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
                        String name = "failed-" + d.getMethodName() + (driver == browser ? "" : "-idle");
                        Files.copy(png.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                        Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource());
                    }
                }
            } catch (Exception ignored) {
                // the failure itself is what matters
            }
        }
    };
    /**
     * The administrator's password: generated at the first start (no CRM_ADMIN_PASSWORD, no crm.admin.password) and
     * read from data/admin-password.txt, as a newcomer does.
     */
    private static String PASSWORD;
    private static final int PORT = CrmTestSupport.port(18481);
    private static final int SSH_PORT = CrmTestSupport.port(18401);
    private static final String BASE = "http://localhost:" + PORT;
    private static KarafServer karaf;
    private static Path home;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Path screenshots;

    @BeforeClass
    public static void startDistributionAndBrowser() throws Exception {
        karaf = KarafServer.unpack(Path.of(System.getProperty("crm.distribution")), Path.of(System.getProperty("crm.itest.browserDir", "target/browser")))
                .ports(18481, 18401, 11399, 44744)
                .config("org.opencrm.ui.cfg", "sessionTimeoutMinutes = " + SESSION_TIMEOUT_MINUTES + "\n").start();
        home = karaf.home();
        PASSWORD = karaf.awaitGeneratedAdminPassword(Duration.ofMinutes(10));
        karaf.awaitHttp("/health/ready", 200, Duration.ofMinutes(10)); // every REST resource served, not only the first
        karaf.awaitHttp("/crm/", 200, CrmTestSupport.PATIENCE);

        screenshots = Path.of(System.getProperty("crm.itest.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        browser = chromium();
        // every wait ends when its state is there; the bound is for a machine so busy that one round trip takes a minute
        wait = new WebDriverWait(browser, STEP);

        // the idle browser: signed in now, untouched until the last test
        idleBrowser = chromium();
        WebDriverWait idleWait = new WebDriverWait(idleBrowser, STEP);
        idleBrowser.get(BASE + "/crm/");
        idleWait.until(ExpectedConditions.elementToBeClickable(By.id("login-username"))).sendKeys("admin");
        idleBrowser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        idleBrowser.findElement(By.id("login-submit")).click();
        idleWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-contacts")));
        idleSince = System.nanoTime();
    }

    private static WebDriver chromium() throws IOException {
        return Chromium.start();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (idleBrowser != null) {
            idleBrowser.quit();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    /**
     * After every test: the screens it went through ran under the UI's Content-Security-Policy without Chromium
     * blocking anything (a blocked script or style would break Vaadin in ways a test may not notice at once).
     */
    @After
    public void nothingWasBlockedByTheContentSecurityPolicy() {
        List<String> blocked = cspViolations(browser);
        assertTrue("the Content-Security-Policy blocked: " + blocked, blocked.isEmpty());
    }

    private static List<String> cspViolations(WebDriver driver) {
        List<String> blocked = new java.util.ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Content-Security-Policy")) {
                blocked.add(e.getMessage());
            }
        }
        return blocked;
    }

    @Test
    public void a_staffWorkflowAndModulesAppearingAndVanishing() throws Exception {
        // sign in (a wrong password first: an error, no session)
        browser.get(BASE + "/crm/");
        type("login-username", "admin");
        type("login-password", "wrong-password");
        click("login-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        shot("login");
        type("login-password", PASSWORD);
        click("login-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-contacts")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("widget-core.counts")));
        shot("dashboard");

        // create a contact; a bad mobile first: the error is at the field and what was typed stays
        click("menu-contacts");
        click("contacts-new");
        type("contact-name", "王小明");
        type("contact-mobile", "1234");
        click("contact-save");
        dismissError();
        assertEquals("王小明", browser.findElement(By.id("contact-name")).getAttribute("value"));
        String mobile = "139" + String.format("%08d", System.currentTimeMillis() % 100_000_000L);
        retype("contact-mobile", mobile);
        // 省/市 chosen from the national divisions, by typing part of the name
        pick("contact-province", "广东", "广东省");
        pick("contact-city", "深圳", "深圳市");
        click("contact-save");
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "王小明"));

        // find it by search-as-you-type and open its page
        click("menu-contacts");
        type("contacts-search", mobile.substring(0, 9));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[contains(@class,'v-grid-cell') and normalize-space(.)='" + mobile + "']")));
        shot("contacts");
        // each row's name is a link to the contact's page
        clickBy(By.xpath("//tr[td[normalize-space(.)='" + mobile + "']]//div[starts-with(@id,'contact-link-')]"));
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "王小明"));
        String contactUrl = browser.getCurrentUrl();
        assertFalse("no Sample notes tab while the module is off", tabCaptions().contains("Sample notes"));
        shot("contact-page");

        // enable the sample module on the Modules page: its menu entry and contact tab appear without a reload
        click("menu-admin.modules");
        click("module-toggle-sample-notes");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("modules-status"), "is enabled"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-sample-notes")));
        shot("modules");
        browser.get(contactUrl);
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "王小明"));
        wait.until(d -> tabCaptions().contains("Sample notes"));
        // the module is what the archetype generates: its contact tab has the form to record one on this contact
        clickTab("Sample notes");
        type("sample-notes-tab-title", "回访：客户满意");
        type("sample-notes-tab-amount", "20.00");
        click("sample-notes-tab-add");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[contains(@class,'v-grid-cell') and normalize-space(.)='回访：客户满意']")));
        shot("contact-notes-tab");

        // disable it: the entry and the tab go
        click("menu-admin.modules");
        click("module-toggle-sample-notes");
        click("module-disable-confirm");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("modules-status"), "is disabled"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("menu-sample-notes")));
        browser.get(contactUrl);
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "王小明"));
        assertFalse(tabCaptions().contains("Sample notes"));
        assertTrue(browser.findElements(By.id("menu-sample-notes")).isEmpty());

        // the same screens in Simplified Chinese
        selectLanguage("中文");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("menu"), "联系人"));
        assertTrue(tabCaptions().contains("详情"));
        shot("contact-page-zh");
        click("menu-dashboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("widget-core.counts")));
        shot("dashboard-zh");
        // a refused save says what is wrong in Chinese too
        click("menu-contacts");
        click("contacts-new");
        type("contact-name", "测试");
        type("contact-mobile", "1234");
        click("contact-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification.error"), "不是有效的中国大陆手机号"));
        dismissError();
    }

    @Test
    public void b_adminScreensAccountsUsersAuditAndMerge() throws Exception {
        signIn("admin", PASSWORD);
        String tag = Long.toString(System.nanoTime() % 1_000_000);

        // accounts: a distributor from the tree page, then a store below it from the distributor's page
        click("menu-accounts");
        click("accounts-new");
        type("account-name", "华南通讯 " + tag);
        selectOption("account-type", "Provincial distributor");
        selectOption("account-region", "South China");
        // 省/市/区 as on the contact form: cascading selects on the national divisions, each offering what lies below the one before
        pick("account-province", "广东", "广东省");
        pick("account-city", "广州", "广州市");
        pick("account-district", "天河", "天河区");
        click("account-save");
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "华南通讯 " + tag));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-details"), "广东省 广州市 天河区"));
        click("account-new-child");
        // the parent picker shows the parent by name, not by its id
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#account-parent input"), "value", "华南通讯 " + tag));
        type("account-name", "华南通讯天河店 " + tag);
        type("account-phone", "abc");
        click("account-save");
        dismissError();
        assertEquals("what was typed stays after a refused save", "华南通讯天河店 " + tag, browser.findElement(By.id("account-name")).getAttribute("value"));
        retype("account-phone", "020-38881234");
        click("account-save");
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "华南通讯天河店 " + tag));
        click("menu-accounts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='accounts-tree']//*[text()='华南通讯 " + tag + "']")));
        shot("accounts");

        // users: a partner user bound to a partner account, through the form
        long partner = restId("POST", "accounts", obj().put("name", "川渝通讯 " + tag).put("type", "PROVINCIAL_DISTRIBUTOR"));
        click("menu-admin.users");
        click("users-new");
        type("user-username", "ui-partner-" + tag);
        type("user-password", PARTNER_PASSWORD);
        clickBy(By.xpath("//div[@id='user-roles']//label[text()='partner']"));
        selectOption("user-scope", "Partner");
        pickNamed("user-account", "川渝通讯 " + tag, "川渝通讯 " + tag);
        click("user-save");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[contains(@class,'v-grid-cell') and normalize-space(.)='ui-partner-" + tag + "']")));
        JsonNode created = rest("GET", "users", null).get("items");
        assertTrue(created.toString(), created.toString().contains("ui-partner-" + tag));
        assertTrue("the picker hands the chosen account's id to the form: " + created, created.toString().contains("\"accountId\":" + partner));
        // and its roles changed afterwards: viewer added
        click("user-edit-ui-partner-" + tag);
        clickBy(By.xpath("//div[@id='user-roles']//label[text()='viewer']"));
        click("user-save");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[contains(@class,'v-grid-cell') and normalize-space(.)='partner, viewer']")));
        shot("users");

        // duplicate merge: two records of one person, compared and merged from the contact page
        String mobile = mobile();
        long kept = restId("POST", "contacts", obj().put("name", "陈晓燕").put("mobile", mobile).put("city", "广州市 " + tag));
        long duplicate = restId("POST", "contacts", obj().put("name", "陈晓燕").put("email", "xy.chen" + tag + "@example.cn").put("city", "广州市 " + tag));
        browser.get(BASE + "/crm/#!contact/" + kept);
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "陈晓燕"));
        clickTab("Duplicates");
        click("merge-" + duplicate);
        shot("merge");
        click("merge-confirm");
        // the confirmation of this merge (the user change's confirmation may still be showing)
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[contains(@class,'crm-feedback-done') and contains(.,'was merged into')]")));
        JsonNode merged = rest("GET", "contacts/" + duplicate, null);
        assertEquals("MERGED", merged.get("status").asText());
        assertEquals("xy.chen" + tag + "@example.cn", rest("GET", "contacts/" + kept, null).get("email").asText());

        // the audit trail shows these changes, filtered by user and record type
        click("menu-admin.audit");
        type("audit-actor", "admin");
        type("audit-type", "account");
        click("audit-apply");
        // the page first lists everything; the filter has applied when no contact entry is left
        wait.until(d -> d.findElements(By.xpath("//div[@id='audit-grid']//td[contains(@class,'v-grid-cell') and normalize-space(.)='Contact']")).isEmpty());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='audit-grid']//td[contains(@class,'v-grid-cell') and contains(text(),'华南通讯天河店 " + tag + "')]")));
        shot("audit");
        retype("audit-type", "contact");
        type("audit-record", Long.toString(duplicate));
        click("audit-apply");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='audit-grid']//td[contains(@class,'v-grid-cell') and normalize-space(.)='Merged']")));
    }

    @Test
    public void c_partnerUserSeesOnlyOwnRecordsEvenInSearchAndCounts() throws Exception {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        long partnerA = restId("POST", "accounts", obj().put("name", "成都甲通讯 " + tag).put("type", "PROVINCIAL_DISTRIBUTOR"));
        long storeA = restId("POST", "accounts", obj().put("name", "甲通讯春熙路店 " + tag).put("type", "STORE").put("parentId", partnerA));
        long partnerB = restId("POST", "accounts", obj().put("name", "重庆乙数码 " + tag).put("type", "PROVINCIAL_DISTRIBUTOR"));
        restId("POST", "contacts", obj().put("name", "范甲" + tag).put("mobile", mobile()).put("accountId", storeA));
        long contactB = restId("POST", "contacts", obj().put("name", "范乙" + tag).put("mobile", mobile()).put("accountId", partnerB));
        String user = "scope-" + tag;
        rest("POST", "users", obj().put("username", user).put("password", PARTNER_PASSWORD).put("scopeType", "PARTNER").put("accountId", partnerA)
                .set("roles", JSON.createArrayNode().add("partner")));
        long adminTotal = rest("GET", "contacts?limit=1", null).get("total").asLong();

        signIn(user, PARTNER_PASSWORD);
        // the dashboard count is the partner's own: one contact, not the whole company's
        wait.until(ExpectedConditions.textToBe(By.id("count-contacts"), "1"));
        assertTrue(adminTotal > 1);
        shot("dashboard-partner");

        // search suggestions: the other partner's contact never shows, the own one does
        click("menu-contacts");
        type("contacts-search", "范乙" + tag);
        wait.until(ExpectedConditions.textToBe(By.id("contacts-total"), "0 contacts"));
        assertTrue(browser.findElements(By.xpath("//td[contains(@class,'v-grid-cell') and normalize-space(.)='范乙" + tag + "']")).isEmpty());
        retype("contacts-search", "范");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[contains(@class,'v-grid-cell') and normalize-space(.)='范甲" + tag + "']")));
        assertTrue(browser.findElements(By.xpath("//td[contains(@class,'v-grid-cell') and normalize-space(.)='范乙" + tag + "']")).isEmpty());

        // the accounts tree starts at the partner's own account; the other partner is not there
        click("menu-accounts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='accounts-tree']//*[text()='成都甲通讯 " + tag + "']")));
        assertTrue(browser.findElements(By.xpath("//*[text()='重庆乙数码 " + tag + "']")).isEmpty());

        // a typed-in link to the other partner's contact is "not found", as if it did not exist
        browser.get(BASE + "/crm/#!contact/" + contactB);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record-not-found")));
        assertTrue(browser.findElements(By.xpath("//*[contains(text(),'范乙" + tag + "')]")).isEmpty());
        // and administration is not in the menu
        assertTrue(browser.findElements(By.id("menu-admin.modules")).isEmpty());
        assertTrue(browser.findElements(By.id("menu-admin.audit")).isEmpty());
    }

    @Test
    public void d_handsetRegistryAtTheStoreCounter() throws Exception {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        assertEquals("ACTIVE", rest("POST", "modules/handset-registry/enable", null).get("state").asText());
        long store = restId("POST", "accounts", obj().put("name", "深圳华强北旗舰店 " + tag).put("type", "STORE"));
        String model = "X" + tag;
        rest("POST", "handset-models", obj().put("code", model).put("name", "星河 " + tag).put("licenceNumber", "02-C045-192736"));
        String imei = imei("86" + String.format("%06d", Long.parseLong(tag)) + "000001");
        rest("POST", "handsets", obj().put("imei", imei).put("serialNumber", "SN" + tag + "A").put("modelCode", model));

        signIn("admin", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-handsets")));
        click("menu-handsets");
        type("handsets-search", imei.substring(0, 12));
        click("handset-link-" + imei);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handset-title"), imei));

        // the clerk's warranty card: a new customer by mobile and name, the store, a battery sold with it
        click("handset-sell");
        String mobile = mobile();
        type("sale-owner-mobile", mobile);
        type("sale-owner-name", "黄丽");
        pickNamed("sale-store", "深圳华强北旗舰店 " + tag, "深圳华强北旗舰店 " + tag);
        type("sale-invoice", "FP" + tag);
        type("sale-accessory-battery", "BAT-" + tag);
        // sold 20 days ago: still in warranty, but past the 7-day return window
        setDate("sale-date", CrmTestSupport.businessToday().minusDays(20));
        shot("handset-sale");
        click("sale-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handset-warranty"), "In warranty until"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handset-owner"), "黄丽"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='handset-history']//td[normalize-space(.)='Sold']")));
        shot("handset-page");

        // the owner's contact page has the handset in its tab; the dashboard counts the sale
        click("handset-owner");
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "黄丽"));
        clickTab("Handsets");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='contact-handsets-grid']//td[normalize-space(.)='" + imei + "']")));
        click("menu-dashboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-handset-sales")));
        shot("dashboard-handsets");

        // a return 20 days after the sale is refused with the rule, and nothing changes
        browser.get(BASE + "/crm/#!handsets/" + imei);
        click("handset-return");
        click("return-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification.error"), "7"));
        dismissError();
        assertEquals("SOLD", rest("GET", "handsets/" + imei, null).get("status").asText());
        rest("POST", "modules/handset-registry/disable", null);
    }

    private static void setDate(String id, java.time.LocalDate day) {
        settle();
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), day.toString(), org.openqa.selenium.Keys.TAB);
        settle();
    }

    @Test
    public void e_membershipAtTheTill() throws Exception {
        assertEquals("ACTIVE", rest("POST", "modules/membership-points/enable", null).get("state").asText());
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        long store = restId("POST", "accounts", obj().put("name", "金店南京西路店 " + tag).put("type", "STORE"));
        String mobile = mobile();
        JsonNode member = rest("POST", "members", obj().put("name", "孙悦" + tag).put("mobile", mobile).put("joinStoreAccountId", store)
                .put("cardKind", "COMBINED").put("discountPercent", 95));
        String card = member.get("cards").get(0).get("cardNumber").asText();

        signIn("admin", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-cashier")));
        click("menu-cashier");
        type("cashier-find", card);
        click("cashier-find-go");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cashier-balances")));
        pickNamed("cashier-store", "金店南京西路店 " + tag, "金店南京西路店 " + tag);
        // a purchase of 1,288.50: 1,288 points at the NORMAL tier
        type("purchase-amount", "1288.50");
        click("purchase-record");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cashier-balances"), "1,288 points"));
        shot("cashier");
        // redeeming more than the balance is refused with the balance, and nothing is written
        clickTabOf("cashier-actions", "Redeem points");
        type("redeem-points", "5000");
        click("redeem-record");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification.error"), "1288"));
        dismissError();
        assertEquals(1288, rest("GET", "members/" + member.get("id").asLong(), null).get("pointsBalance").asLong());

        // the member page shows the ledger; the contact page has the Membership tab
        browser.get(BASE + "/crm/#!members/" + member.get("id").asLong());
        wait.until(ExpectedConditions.textToBe(By.id("member-points"), "1,288"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='member-points-ledger']//td[normalize-space(.)='Earned']")));
        shot("member-page");
        browser.get(BASE + "/crm/#!contact/" + member.get("contactId").asLong());
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "孙悦" + tag));
        clickTab("Membership");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-membership-summary"), "1,288 points"));
        click("menu-membership-reports");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-member-tiers")));
        rest("POST", "modules/membership-points/disable", null);
    }

    @Test
    public void f_repairAtTheServiceCentreWithHqApproval() throws Exception {
        assertEquals("ACTIVE", rest("POST", "modules/handset-registry/enable", null).get("state").asText());
        assertEquals("ACTIVE", rest("POST", "modules/repair-parts/enable", null).get("state").asText());
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        long store = restId("POST", "accounts", obj().put("name", "苏宁徐家汇店 " + tag).put("type", "STORE"));
        String centreName = "华为授权服务中心 " + tag;
        long centre = restId("POST", "accounts", obj().put("name", centreName).put("type", "SERVICE_PROVIDER"));
        long centreWarehouse = rest("GET", "stock/centres/" + centre, null).get("id").asLong();
        String model = "R" + tag;
        rest("POST", "handset-models", obj().put("code", model).put("name", "畅想 " + tag).put("licenceNumber", "02-C045-192736"));
        String imei = imei("35" + String.format("%06d", Long.parseLong(tag)) + "000002");
        rest("POST", "handsets", obj().put("imei", imei).put("serialNumber", "SR" + tag).put("modelCode", model));
        String mobile = mobile();
        long owner = restId("POST", "contacts", obj().put("name", "郭静").put("mobile", mobile).put("accountId", store));
        rest("POST", "handsets/" + imei + "/sale", obj().put("contactId", owner).put("storeAccountId", store).put("invoiceNumber", "FP" + tag)
                .put("saleDate", CrmTestSupport.businessToday().minusDays(40).toString()).put("channel", "STORE_CLERK"));
        String part = "LCD-" + tag;
        rest("POST", "parts", obj().put("partNumber", part).put("name", "显示屏总成").put("cost", 180).put("price", 420)
                .set("models", JSON.createArrayNode().add(model)));
        rest("POST", "stock/receipts", obj().put("warehouseId", centreWarehouse).put("partNumber", part).put("quantity", 1).put("note", "首批备件"));

        // the hotline opens a service request for the customer's phone, routed to the centre
        signIn("admin", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-service-desk")));
        click("menu-service-desk");
        click("desk-new");
        type("request-customer-mobile", mobile);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-customer-found"), "郭静"));
        type("request-imei", imei);
        type("request-description", "屏幕闪烁，触摸失灵");
        selectOption("request-centre", centreName);
        click("request-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-title"), "SR"));
        shot("service-request");

        // the centre receives the phone: the registry says it is in warranty and puts it IN_REPAIR
        click("request-receive");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("receive-warranty-source"), "registry"));
        click("receive-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "Received"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-warranty"), "In warranty"));
        assertEquals("IN_REPAIR", rest("GET", "handsets/" + imei, null).get("status").asText());
        String orderNumber = browser.findElement(By.id("order-title")).getText().replaceAll(".*(RO\\d+).*", "$1");

        // diagnosis with a fault code of the catalogue, then a part request that waits for HQ
        click("order-to-diagnosed");
        selectOption("diagnosis-code", "F02 · Display or touch fault");
        type("diagnosis-cause", "排线松动");
        selectOption("diagnosis-part", part + " · 显示屏总成");
        click("diagnosis-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "Diagnosed"));
        click("order-request-part");
        selectOption("replacement-part", part + " · 显示屏总成");
        // the centre, which has the faulty part in hand, gives its serial (not HQ)
        type("replacement-removed-serial", "OLD-" + tag);
        click("replacement-save");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='order-replacements']//td[normalize-space(.)='Waiting for approval']")));

        // HQ approves from its inbox: the part is issued from the centre's stock, the removed part's serial recorded
        click("menu-part-approvals");
        // select the request's row (a selection, not a navigation) and wait until the grid shows it selected
        By requestRow = By.xpath("//div[@id='approvals-grid']//tr[td[normalize-space(.)='" + part + " · 显示屏总成']]");
        clickBy(requestRow);
        wait.until(d -> d.findElement(requestRow).getAttribute("class").contains("v-grid-row-selected"));
        shot("part-approvals");
        click("approvals-approve");
        // HQ sees what it decides on: the fault with its cause, the warranty basis, the serial the centre gave
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approve-facts"), "F02"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approve-facts"), "排线松动"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approve-facts"), "OLD-" + tag));
        click("approve-save");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("approve-save")));
        assertEquals(0, rest("GET", "stock?warehouseId=" + centreWarehouse, null).get("items").get(0).get("quantity").asLong());

        // the workshop follows the steps to the customer's hands; the phone is SOLD (with its owner) again
        browser.get(BASE + "/crm/#!repair-orders/" + orderNumber);
        for (String step : List.of("repairing", "quality-check", "ready", "returned")) {
            click("order-to-" + step);
            click("note-confirm");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("note-confirm")));
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "Returned to customer"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='order-steps']//td[normalize-space(.)='Quality check → Ready']")));
        assertEquals("SOLD", rest("GET", "handsets/" + imei, null).get("status").asText());

        // the repair shows on the customer's page and on the phone's page; the analytics count the failing part
        browser.get(BASE + "/crm/#!contact/" + owner);
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "郭静"));
        clickTab("Repairs");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='contact-repairs-grid']//td[normalize-space(.)='" + orderNumber + "']")));
        // the customer's timeline names the repair's steps in the user's language (the module's TimelineTypes)
        clickTab("Timeline");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='timeline-grid']//td[normalize-space(.)='Device received for repair']")));
        browser.get(BASE + "/crm/#!handsets/" + imei);
        clickTabOf("handset-tabs", "Repairs");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='handset-repairs-grid']//td[normalize-space(.)='" + orderNumber + "']")));
        click("menu-repair-analytics");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='analytics-faults']//td[normalize-space(.)='" + part + "']")));
        shot("repair-analytics");
        browser.get(BASE + "/crm/#!repair-orders/" + orderNumber);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "Returned to customer"));
        // the shell keeps the content's scroll position from the previous view: start the picture at the title
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('order-title').scrollIntoView(true);");
        shot("repair-order");

        // a clerk of the centre (its own scope only) receives a walk-in customer registered by the store: the complete
        // mobile finds her, shown by name and masked mobile, so no duplicate is made; the look-up is in the audit trail
        String clerk = "centre-" + tag;
        rest("POST", "users", obj().put("username", clerk).put("password", PARTNER_PASSWORD).put("scopeType", "PARTNER").put("accountId", centre)
                .set("roles", JSON.createArrayNode().add("service")));
        long contactsBefore = rest("GET", "contacts?limit=1", null).get("total").asLong();
        signIn(clerk, PARTNER_PASSWORD);
        click("menu-repair-orders");
        click("orders-receive");
        type("receive-customer-mobile", mobile);
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("receive-customer-found"), "郭静 (" + masked + "), registered by another store"));
        selectOption("receive-centre", centreName);
        type("receive-serial", "WALKIN-" + tag);
        type("receive-symptom", "无法开机");
        selectOption("receive-in-warranty", "Out of warranty");
        click("receive-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "Received"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-customer"), "郭静 (" + masked + ")"));
        assertEquals("no duplicate contact", contactsBefore, rest("GET", "contacts?limit=1", null).get("total").asLong());
        JsonNode lookups = rest("GET", "audit?action=counter-lookup&actor=" + clerk, null).get("items");
        assertTrue(lookups.toString(), lookups.size() >= 1 && lookups.get(0).get("recordId").asText().equals(String.valueOf(owner)));
        rest("POST", "modules/repair-parts/disable", null);
        rest("POST", "modules/handset-registry/disable", null);
    }

    private static void clickTabOf(String tabSheetId, String caption) {
        clickBy(By.xpath("//div[@id='" + tabSheetId + "']//td[contains(@class,'v-tabsheet-tabitemcell')][contains(.,'" + caption + "')]"));
    }

    /** A 15-digit IMEI with its Luhn check digit. */
    private static String imei(String fourteen) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = fourteen.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return fourteen + (10 - sum % 10) % 10;
    }


    @Test
    public void g_theGeneratedAdminPasswordIsInItsFileAndOnTheConsoleButNotInTheLog() throws Exception {
        Path file = home.resolve("data/admin-password.txt");
        assertEquals("readable by its owner only", "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(16, PASSWORD.length());
        String console = Files.readString(home.resolve("console.log"));
        assertEquals("printed once on the console", 1, console.split(java.util.regex.Pattern.quote(PASSWORD), -1).length - 1);
        try (var logs = Files.list(home.resolve("data/log"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                assertFalse(log + " holds the generated admin password", text.contains(PASSWORD));
                if (log.getFileName().toString().equals("karaf.log")) {
                    assertTrue("the log says where the password is", text.contains("admin-password.txt"));
                }
            }
        }
    }

    @Test
    public void h_signInIsRefusedForAWhileAfterRepeatedFailures() throws Exception {
        String user = "ui-throttle-" + Long.toString(System.nanoTime() % 1_000_000);
        rest("POST", "users", obj().put("username", user).put("password", PARTNER_PASSWORD).set("roles", JSON.createArrayNode().add("agent")));
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/crm/");
        for (int i = 1; i <= 5; i++) {
            retype("login-username", user);
            retype("login-password", "wrong-password-" + i);
            // click waits until the UI has answered
            click("login-submit");
            assertTrue(browser.findElement(By.id("login-error")).getText().contains("wrong"));
        }
        // the right password now: refused without being checked, with the time to wait
        retype("login-password", PARTNER_PASSWORD);
        click("login-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Too many failed sign-ins"));
        assertTrue(browser.findElement(By.id("login-error")).getText().matches("(?s).*Try again in \\d+ seconds.*"));
        assertTrue(browser.findElements(By.id("menu")).isEmpty());
        shot("login-throttled");
        // the operator lifts the lock from the shell; the same password signs in at once
        String out = Ssh.run(SSH_PORT, "admin", PASSWORD, "crm:users unlock " + user);
        assertTrue(String.valueOf(out), out != null && out.contains("forgotten"));
        retype("login-password", PARTNER_PASSWORD);
        click("login-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu")));
    }

    @Test
    public void i_theSessionIdChangesAtSignInSoAPlantedIdIsWorthNothing() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/crm/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-username")));
        String before = browser.manage().getCookieNamed("JSESSIONID").getValue();
        type("login-username", "admin");
        type("login-password", PASSWORD);
        click("login-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu")));
        String after = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertFalse("the session id must change at sign-in (was " + before + ")", before.equals(after));
        // an attacker who planted (or read) the id before sign-in opens the UI with it (a new page load, not a jump
        // within the open page): the sign-in screen
        browser.get("about:blank");
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/health"); // the cookie's site must be open to set it (no session there)
        browser.manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", before, "/"));
        browser.get(BASE + "/crm/#!contacts");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-username")));
        assertTrue(browser.findElements(By.id("menu")).isEmpty());
        // the victim's own session is still signed in
        browser.get("about:blank");
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/health");
        browser.manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", after, "/"));
        browser.get(BASE + "/crm/#!contacts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-search")));
    }

    @Test
    public void j_anOpenSessionEndsAtOnceWhenTheUserIsDisabledOrTheirPasswordRolesOrScopeChange() throws Exception {
        String user = "ui-revoke-" + Long.toString(System.nanoTime() % 1_000_000);
        rest("POST", "users", obj().put("username", user).put("password", PARTNER_PASSWORD).set("roles", JSON.createArrayNode().add("agent")));

        // disabled from the shell (ssh, as an operator does): the next click leads to the sign-in screen
        signIn(user, PARTNER_PASSWORD);
        click("menu-contacts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-new")));
        String out = Ssh.run(SSH_PORT, "admin", PASSWORD, "crm:users disable " + user);
        assertTrue(String.valueOf(out), out != null && out.contains("disabled"));
        click("menu-dashboard");
        awaitSignedOut();
        shot("signed-out-account-changed");
        Ssh.run(SSH_PORT, "admin", PASSWORD, "crm:users enable " + user);

        // a new password (set by an administrator)
        signIn(user, PARTNER_PASSWORD);
        rest("POST", "users/" + user + "/password", obj().put("password", "Revoked-ui-2"));
        click("menu-contacts");
        awaitSignedOut();

        // demoted: other roles and another data scope
        signIn(user, "Revoked-ui-2");
        click("menu-contacts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-new")));
        long store = restId("POST", "accounts", obj().put("name", "降级门店 " + user).put("type", "STORE"));
        rest("PUT", "users/" + user, obj().put("scopeType", "STORE").put("accountId", store).set("roles", JSON.createArrayNode().add("viewer")));
        click("menu-dashboard");
        awaitSignedOut();
        // signed in again, the user has the new roles: a viewer creates no contacts
        retype("login-username", user);
        retype("login-password", "Revoked-ui-2");
        click("login-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu")));
        click("menu-contacts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contacts-search")));
        assertTrue("a viewer creates no contacts", browser.findElements(By.id("contacts-new")).stream().noneMatch(WebElement::isDisplayed));
    }

    /** The click after the change shows the sign-in screen with the reason, and nothing of the main screen. */
    // ---- issue 17: phones, laptops and confirmations (staff-ui) ----

    /**
     * The till, the sale registration, the service desk and the repair intake at 390×844 (a phone): the page is laid out
     * at the phone's width (viewport meta tag), the menu is a drawer opened from the top bar, nothing is wider than the
     * screen and each form's button is on screen; at 1366×768 every menu entry down to the audit trail can be reached
     * (the menu scrolls) and the menu collapses; 1440×900 for the README.
     */
    @Test
    public void k_phoneTabletAndLaptopLayouts() throws Exception {
        assertEquals("ACTIVE", rest("POST", "modules/handset-registry/enable", null).get("state").asText());
        assertEquals("ACTIVE", rest("POST", "modules/repair-parts/enable", null).get("state").asText());
        assertEquals("ACTIVE", rest("POST", "modules/membership-points/enable", null).get("state").asText());
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        String storeName = "小米之家五角场店 " + tag;
        long store = restId("POST", "accounts", obj().put("name", storeName).put("type", "STORE"));
        String centreName = "荣耀授权服务中心 " + tag;
        long centre = restId("POST", "accounts", obj().put("name", centreName).put("type", "SERVICE_PROVIDER"));
        rest("GET", "stock/centres/" + centre, null); // the centre's warehouse: centres with one are offered at the desk
        JsonNode member = rest("POST", "members", obj().put("name", "钱多多" + tag).put("mobile", mobile()).put("joinStoreAccountId", store)
                .put("cardKind", "COMBINED").put("discountPercent", 95));
        String card = member.get("cards").get(0).get("cardNumber").asText();
        String model = "P" + tag;
        rest("POST", "handset-models", obj().put("code", model).put("name", "青春 " + tag).put("licenceNumber", "02-C045-192736"));
        String imei = imei("86" + String.format("%06d", Long.parseLong(tag)) + "000003");
        rest("POST", "handsets", obj().put("imei", imei).put("serialNumber", "SP" + tag).put("modelCode", model));
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            signInOnPhone("admin", PASSWORD);
            assertEquals("width=device-width, initial-scale=1",
                    ((JavascriptExecutor) browser).executeScript("var m = document.querySelector('meta[name=viewport]'); return m && m.content;"));
            // the menu is a drawer: closed, opened from the top bar, closed again once an entry is chosen
            assertFalse(browser.findElement(By.id("menu")).isDisplayed());
            openFromDrawer("menu-cashier");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("menu")));

            // the till: find the member, record a purchase with the button on screen
            type("cashier-find", card);
            click("cashier-find-go");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cashier-balances")));
            pickNamed("cashier-store", storeName, storeName);
            type("purchase-amount", "99.00");
            assertFitsTheScreen("purchase-record");
            shot("phone-390-cashier");
            click("purchase-record");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cashier-balances"), "99 points"));

            // the sale registration: the form fills the phone's screen, its save button reachable
            browser.get(BASE + "/crm/#!handsets/" + imei);
            click("handset-sell");
            type("sale-owner-mobile", mobile());
            type("sale-owner-name", "周敏");
            pickNamed("sale-store", storeName, storeName);
            type("sale-invoice", "FP" + tag);
            assertFitsTheScreen("sale-save");
            shot("phone-390-sale-form");
            click("sale-save");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handset-warranty"), "In warranty until"));
            assertFitsTheScreen("handset-title");

            // the service desk and the repair intake
            openFromDrawer("menu-service-desk");
            click("desk-new");
            type("request-customer-mobile", mobile());
            type("request-customer-name", "吴强");
            type("request-imei", imei);
            type("request-description", "无法开机");
            // on a phone the list shows a few centres at a time: type part of the name, as staff do
            pick("request-centre", centreName, centreName);
            assertFitsTheScreen("request-save");
            shot("phone-390-service-request");
            click("request-save");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-title"), "SR"));
            assertFitsTheScreen("request-receive");
            click("request-receive");
            // the phone came in wet, with its charger: liquid damage voids the warranty the registry would have given
            clickBy(By.cssSelector("#receive-liquid-damage label"));
            type("receive-accessories", "充电器");
            assertFitsTheScreen("receive-save");
            shot("phone-390-repair-intake");
            click("receive-save");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-title"), "Received"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-warranty"), "Out of warranty"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-condition"), "Liquid damage"));
            assertFitsTheScreen("order-title");

            // a laptop: the menu scrolls down to the last administration entry, and collapses to give the page the width
            browser.manage().window().setSize(new Dimension(1366, 768));
            click("menu-dashboard");
            assertTrue(browser.findElement(By.id("menu")).isDisplayed());
            click("menu-admin.audit");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("audit-apply")));
            shot("laptop-1366-audit");
            click("menu-toggle");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("menu")));
            click("menu-toggle");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu")));

            browser.manage().window().setSize(new Dimension(1440, 900));
            browser.get(BASE + "/crm/#!service-desk");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("desk-new")));
            shot("desktop-1440-service-desk");
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 900));
            rest("POST", "modules/membership-points/disable", null);
            rest("POST", "modules/repair-parts/disable", null);
            rest("POST", "modules/handset-registry/disable", null);
        }
    }

    /**
     * Irreversible or wide actions ask first and say what will happen; keeping things as they are changes nothing: a
     * member card's cancellation, disabling a module for everybody (whoever had its page open is told).
     */
    @Test
    public void l_irreversibleActionsAskFirstAndSayWhatWillHappen() throws Exception {
        assertEquals("ACTIVE", rest("POST", "modules/membership-points/enable", null).get("state").asText());
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        long store = restId("POST", "accounts", obj().put("name", "会员中心店 " + tag).put("type", "STORE"));
        JsonNode member = rest("POST", "members", obj().put("name", "冯静" + tag).put("mobile", mobile()).put("joinStoreAccountId", store)
                .put("cardKind", "COMBINED").put("discountPercent", 95));
        long id = member.get("id").asLong();
        String card = member.get("cards").get(0).get("cardNumber").asText();
        try {
            signIn("admin", PASSWORD);
            browser.get(BASE + "/crm/#!members/" + id);
            click("card-cancel-" + card);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-consequence"), card));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-consequence"), "cannot be activated again"));
            shot("confirm-cancel-card");
            click("confirm-cancel");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
            assertEquals("ACTIVE", cardStatus(id, card));
            click("card-cancel-" + card);
            click("confirm-ok");
            wait.until(d -> {
                try {
                    return "CANCELLED".equals(cardStatus(id, card));
                } catch (Exception e) {
                    return false;
                }
            });

            // the module's page is open when an administrator disables it (after confirming): the page closes, saying so
            browser.get(BASE + "/crm/#!members/" + id);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-cashier")));
            WebDriver admin = chromium();
            try {
                WebDriverWait adminWait = new WebDriverWait(admin, STEP);
                admin.get(BASE + "/crm/#!admin.modules");
                adminWait.until(ExpectedConditions.elementToBeClickable(By.id("login-username"))).sendKeys("admin");
                admin.findElement(By.id("login-password")).sendKeys(PASSWORD);
                admin.findElement(By.id("login-submit")).click();
                adminWait.until(ExpectedConditions.elementToBeClickable(By.id("module-toggle-membership-points"))).click();
                adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-consequence"), "every user"));
                adminWait.until(ExpectedConditions.elementToBeClickable(By.id("module-disable-confirm"))).click();
                adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("modules-status"), "is disabled"));
            } finally {
                admin.quit();
            }
            // the clerk's next round trip closes the page and tells them
            click("menu-dashboard");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification.error"), "was disabled by an administrator"));
            dismissError();
            assertTrue(browser.findElements(By.id("menu-cashier")).isEmpty());
        } finally {
            rest("POST", "modules/membership-points/disable", null);
        }
    }

    /** The header search finds a contact by mobile and a handset by the start of its IMEI from any screen and opens them. */
    @Test
    public void m_headerSearchFindsContactsAndHandsetsFromAnywhere() throws Exception {
        assertEquals("ACTIVE", rest("POST", "modules/handset-registry/enable", null).get("state").asText());
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        String mobile = mobile();
        long contact = restId("POST", "contacts", obj().put("name", "卫青" + tag).put("mobile", mobile));
        String model = "S" + tag;
        rest("POST", "handset-models", obj().put("code", model).put("name", "远航 " + tag).put("licenceNumber", "02-C045-192736"));
        String imei = imei("87" + String.format("%06d", Long.parseLong(tag)) + "000004");
        rest("POST", "handsets", obj().put("imei", imei).put("serialNumber", "SS" + tag).put("modelCode", model));
        try {
            signIn("admin", PASSWORD);
            click("menu-admin.audit");
            searchAndOpen(mobile, "卫青" + tag);
            wait.until(ExpectedConditions.textToBe(By.id("record-title"), "卫青" + tag));
            assertTrue(browser.getCurrentUrl().endsWith("#!contact/" + contact));
            searchAndOpen(imei.substring(0, 12), imei);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handset-title"), imei));
            shot("header-search");
        } finally {
            rest("POST", "modules/handset-registry/disable", null);
        }
    }

    /**
     * Every screen of the shell and of each shipped module, in Chinese and in English: the interface's own texts (menu,
     * titles, captions, buttons, column headers, tabs, placeholders) hold no English word under 中文 and no Chinese
     * under English. Data (names, numbers, codes in capitals, e-mail addresses, the user's name) is not the interface's
     * and is not judged.
     */
    @Test
    public void n_everyScreenIsInTheUsersLanguage() throws Exception {
        List<String> modules = List.of("sample-notes", "handset-registry", "membership-points", "repair-parts");
        for (String m : modules) {
            assertEquals("ACTIVE", rest("POST", "modules/" + m + "/enable", null).get("state").asText());
        }
        long contact = restId("POST", "contacts", obj().put("name", "韩梅梅").put("mobile", mobile()));
        try {
            signIn("admin", PASSWORD);
            List<String> problems = new java.util.ArrayList<>();
            for (String language : List.of("中文", "English")) {
                selectLanguage(language);
                boolean chinese = language.equals("中文");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("menu"), chinese ? "联系人" : "Contacts"));
                List<String> entries = browser.findElements(By.cssSelector("#menu .crm-menu-item")).stream().map(e -> e.getAttribute("id")).toList();
                for (String entry : entries) {
                    click(entry);
                    problems.addAll(wrongLanguage(entry, chinese));
                }
                browser.get(BASE + "/crm/#!contact/" + contact);
                wait.until(ExpectedConditions.textToBe(By.id("record-title"), "韩梅梅"));
                for (String tab : tabCaptions()) {
                    clickTab(tab);
                    problems.addAll(wrongLanguage("contact/" + tab, chinese));
                }
            }
            assertTrue("texts in the wrong language: " + problems, problems.isEmpty());
        } finally {
            selectLanguage("English");
            for (String m : modules) {
                rest("POST", "modules/" + m + "/disable", null);
            }
        }
    }

    /** The interface texts of the screen shown now that are not in the language chosen ("screen: text"). */
    @SuppressWarnings("unchecked")
    private static List<String> wrongLanguage(String screen, boolean chinese) {
        settle();
        List<String> texts = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "var sel = '#menu .crm-menu-item, #menu .crm-group, .crm-main .v-label-h2:not(#record-title), .crm-main .v-label-h3, .v-caption, .v-button-caption,"
                        + " .v-grid-column-header-content, .v-tabsheet-tabitemcell .v-captiontext, .v-window-header, .crm-topbar .v-button-caption';"
                        + " var out = []; document.querySelectorAll(sel).forEach(function (e) { if (e.offsetParent !== null && e.innerText) out.push(e.innerText); });"
                        + " document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(function (e) { if (e.offsetParent !== null) out.push(e.placeholder); });"
                        + " return out;");
        List<String> wrong = new java.util.ArrayList<>();
        for (String text : texts) {
            // data inside interface texts: e-mail addresses, the signed-in user, the product's name, numbers and codes in capitals
            String t = text.replaceAll("\\S+@\\S+", " ").replace("admin", " ").replace("OpenCRM", " ");
            boolean bad = chinese ? java.util.regex.Pattern.compile("(?<![A-Za-z])[A-Za-z]*[a-z][A-Za-z]*(?![A-Za-z])").matcher(t).results()
                    .anyMatch(m -> m.group().length() >= 2)
                    : t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (bad) {
                wrong.add(screen + ": " + text.replace('\n', ' '));
            }
        }
        return wrong;
    }

    /** Types into the header search and chooses the suggestion that contains {@code text}. */
    private static void searchAndOpen(String typed, String text) {
        settle();
        wait.until(d -> {
            try {
                WebElement e = d.findElement(By.cssSelector("#header-search input"));
                e.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a") + typed);
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
                return false;
            }
        });
        clickBy(By.xpath("//td[contains(@class,'gwt-MenuItem')]/span[contains(.,'" + text + "')]"));
    }

    private static String cardStatus(long memberId, String card) throws Exception {
        for (JsonNode c : rest("GET", "members/" + memberId, null).get("cards")) {
            if (c.get("cardNumber").asText().equals(card)) {
                return c.get("status").asText();
            }
        }
        throw new AssertionError("no card " + card);
    }

    /** Signs in on a narrow screen, where the menu starts closed (a drawer): done when the top bar's menu button is there. */
    private static void signInOnPhone(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/crm/");
        type("login-username", user);
        type("login-password", password);
        click("login-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-toggle")));
    }

    /** On a phone: opens the drawer from the top bar and chooses the entry. */
    private static void openFromDrawer(String entryId) {
        click("menu-toggle");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(entryId)));
        click(entryId);
    }

    /** The element is entirely on screen once scrolled to, and nothing of the page is wider than the screen. */
    private static void assertFitsTheScreen(String id) {
        settle();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        Object fits = ((JavascriptExecutor) browser).executeScript("var e = document.getElementById(arguments[0]); e.scrollIntoView({block: 'center'});"
                + " var r = e.getBoundingClientRect(); var w = document.documentElement.clientWidth;"
                + " var wide = Array.from(document.querySelectorAll('.crm-main .v-panel-content, .v-window-contents > div')).filter(p => p.scrollWidth > p.clientWidth + 1).length;"
                + " return r.width > 0 && r.left >= 0 && r.right <= w + 1 && wide === 0 ? 'ok' : ('left ' + r.left + ' right ' + r.right + ' screen ' + w + ' wider panes ' + wide);", id);
        assertEquals("#" + id + " on a " + browser.manage().window().getSize() + " screen", "ok", fits);
    }

    private static void awaitSignedOut() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-notice"), "signed out"));
        assertTrue(browser.findElements(By.id("menu")).isEmpty());
        assertTrue(browser.findElement(By.id("login-username")).isDisplayed());
    }

    /**
     * A supervisor's store audit on a 390×844 phone (issue 16): the store picked by name, every item answered with the
     * large buttons, a failed item photographed with the phone's file picker, the store manager's acknowledgement and
     * the confirmed submission; the score and grade are the checklist's rule (88.00, B), and the audit and its photo are
     * stored as the REST API shows them, with its printable report.
     */
    @Test
    public void o_franchiseAuditAtAStoreOnAPhone() throws Exception {
        assertEquals("ACTIVE", rest("POST", "modules/franchise-audit/enable", null).get("state").asText());
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        String storeName = "华为授权体验店 " + tag;
        long store = restId("POST", "accounts", obj().put("name", storeName).put("type", "STORE"));
        java.nio.file.Path photo = Files.createTempFile("shopfront-", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xcc0000);
        javax.imageio.ImageIO.write(image, "png", photo.toFile());
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            signInOnPhone("admin", PASSWORD);
            openFromDrawer("menu-franchise-audit");
            pickNamed("audit-store-picker", storeName, storeName);
            click("audit-start");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-form")));
            // the default checklist in the UI's language (English in this browser), not in the template's Chinese
            String signItem = browser.findElement(By.id("audit-item-VI-01")).getText();
            assertTrue(signItem, signItem.contains("Shopfront sign intact and clean"));

            // the shopfront sign is broken: failed, with the photo it requires
            answer("audit-answer-VI-01-FAIL", "v-button-danger");
            browser.findElement(By.cssSelector("#audit-photo-VI-01 input[type=file]")).sendKeys(photo.toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit-item-VI-01 img")));
            // the shelves score 4 of 5, the queue does not apply to this store, everything else passes in full
            answer("audit-answer-VI-03-4", "v-button-primary");
            answer("audit-answer-SV-01-NA", "v-button-primary");
            for (String pass : List.of("VI-02", "VI-04", "SA-02", "SA-03", "SV-02", "SV-03", "SV-04", "SV-05")) {
                answer("audit-answer-" + pass + "-PASS", "v-button-primary");
            }
            answer("audit-answer-SA-01-5", "v-button-primary");
            answer("audit-answer-SV-06-5", "v-button-primary");
            assertFitsTheScreen("audit-item-VI-01");
            shot("phone-390-audit-items");
            type("audit-ack", "店长 李娜");
            assertFitsTheScreen("audit-submit");
            shot("phone-390-audit-submit");
            click("audit-submit");
            click("audit-submit-confirm");
            // 88 of the 100 applicable weights (the queue item leaves both sums): grade B
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-score"), "88.00"));
            assertTrue(browser.findElement(By.id("audit-score")).getText().contains("B"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-report-link")));
            shot("phone-390-audit-submitted");

            JsonNode audits = rest("GET", "audits?storeId=" + store, null).get("items");
            assertEquals(1, audits.size());
            JsonNode audit = rest("GET", "audits/" + audits.get(0).get("id").asLong(), null);
            assertEquals("SUBMITTED", audit.get("status").asText());
            assertEquals("店长 李娜", audit.get("acknowledgedBy").asText());
            assertEquals(0, new java.math.BigDecimal("88.00").compareTo(audit.get("score").decimalValue()));
            assertEquals(1, audit.get("photos").size());
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(BASE + "/api/v1/audits/" + audit.get("id").asLong() + "/report.pdf")).header("Authorization", "Basic "
                            + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 900));
            Files.deleteIfExists(photo);
            rest("POST", "modules/franchise-audit/disable", null);
        }
    }

    /**
     * HQ sales enters a partner's sell-in order from the partner's page (channel finance, issue 15): the product picked
     * by typing, the available credit and what is left after the order shown before submitting; an order over the
     * credit limit is refused in the window with the limit, the exposure and the shortfall, and nothing is written; with
     * a credit override and its reason it goes through and is listed on the partner's page.
     */
    @Test
    public void p_channelSellInOrderCheckedAgainstTheCreditLimit() throws Exception {
        assertEquals("ACTIVE", rest("POST", "modules/channel-finance/enable", null).get("state").asText());
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        String name = "华东省代 " + tag;
        long partner = restId("POST", "accounts", obj().put("name", name).put("type", "PROVINCIAL_DISTRIBUTOR"));
        rest("POST", "channel/partners", obj().put("accountId", partner).put("creditLimit", "5000").put("term", "MONTHLY"));
        String product = "CB-" + tag;
        rest("POST", "channel/products", obj().put("code", product).put("name", "星河手机 " + tag));
        rest("PUT", "channel/price-lists", obj().put("grade", "STANDARD").put("productCode", product).put("price", "1000.00"));
        try {
            signIn("admin", PASSWORD);
            browser.get(BASE + "/crm/#!channel-partners/" + partner);
            wait.until(ExpectedConditions.textToBe(By.id("channel-partner-title"), name));
            click("channel-partner-order");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("channel-order-window")));
            pick("channel-order-product", product, product + " · 星河手机 " + tag);
            retype("channel-order-quantity", "6");
            click("channel-order-add");
            // 6 × ¥1,000.00 against a limit of ¥5,000.00 with nothing open: ¥1,000.00 short, said before submitting
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channel-order-credit"), "-¥1,000.00"));
            click("channel-order-submit");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("channel-order-refusal")));
            String refusal = browser.findElement(By.id("channel-order-refusal")).getText();
            assertTrue(refusal, refusal.contains("¥5,000.00") && refusal.contains("¥6,000.00") && refusal.contains("¥1,000.00"));
            dismissError();
            shot("channel-order-refused");
            assertEquals("a refused order writes nothing", 0, rest("GET", "channel/orders?accountId=" + partner, null).get("total").asLong());

            type("channel-order-override", "年底冲量，销售总监批准");
            click("channel-order-submit");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("channel-order-window")));
            JsonNode orders = rest("GET", "channel/orders?accountId=" + partner, null);
            assertEquals(1, orders.get("total").asLong());
            String number = orders.get("items").get(0).get("number").asText();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='channel-partner-orders']//td[contains(normalize-space(.),'" + number + "')]")));
            shot("channel-partner-page");

            // approval checks the credit again: refused in words on the partner page, then let through with a reason
            long orderId = orders.get("items").get(0).get("id").asLong();
            selectChannelOrder(number);
            click("channel-order-approve");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("channel-order-approve-refusal")));
            String again = browser.findElement(By.id("channel-order-approve-refusal")).getText();
            assertTrue(again, again.contains("¥5,000.00") && again.contains("¥6,000.00") && again.contains("¥1,000.00"));
            dismissError();
            assertEquals("SUBMITTED", rest("GET", "channel/orders/" + orderId, null).get("status").asText());
            type("channel-order-approve-override", "回款计划已确认，财务总监批准");
            shot("channel-order-approval");
            click("channel-order-approve");
            waitForChannelOrderStatus(number, "Approved", "已审批");
            JsonNode approved = rest("GET", "channel/orders/" + orderId, null);
            assertEquals("APPROVED", approved.get("status").asText());
            assertEquals("回款计划已确认，财务总监批准", approved.get("overrideReason").asText());

            // shipped whole: invoiced at once, and the partner's statement of this month shows the invoice
            selectChannelOrder(number);
            click("channel-order-ship");
            waitForChannelOrderStatus(number, "Shipped", "已发货");
            String invoice = rest("GET", "channel/orders/" + orderId + "/shipments", null).get(0).get("invoiceNumber").asText();
            clickBy(By.xpath("//div[@id='channel-partner-tabs']//td[contains(@class,'v-tabsheet-tabitemcell')][contains(.,'Statement') or contains(.,'对账单')]"));
            click("channel-statement-show");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='channel-statement-lines']//td[contains(normalize-space(.),'" + invoice + "')]")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channel-statement-totals"), "¥6,000.00"));
            shot("channel-statement");

            // rebate run review: selecting a run shows its result per partner (6,000.00 net sell-in at 2 %: 120.00) before
            // approval; approving a run of a period not yet closed is refused in words, and the run stays computed
            String code = "RB-" + tag;
            long programme = restId("POST", "channel/rebate-programmes", obj().put("code", code).put("name", "月返利 " + tag).put("period", "MONTHLY")
                    .put("grade", "STANDARD").put("mode", "WHOLE").put("tiers", "0:2").put("target", "0").put("bonus", "0"));
            long run = rest("POST", "channel/rebate-runs", obj().put("programmeId", programme).put("periodStart",
                    java.time.LocalDate.now().withDayOfMonth(1).toString())).get("id").asLong();
            browser.get(BASE + "/crm/#!channel-finance");
            clickBy(By.xpath("//div[@id='channel-finance-tabs']//td[contains(@class,'v-tabsheet-tabitemcell')][contains(.,'Rebate runs') or contains(.,'返利计算')]"));
            clickBy(By.xpath("//div[@id='channel-rebate-runs']//td[normalize-space(.)='" + code + "']"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channel-rebate-review-caption"), code));
            By result = By.xpath("//div[@id='channel-rebate-results']//tr[td[contains(normalize-space(.),'" + name + "')]]");
            wait.until(ExpectedConditions.visibilityOfElementLocated(result));
            String row = browser.findElement(result).getText();
            assertTrue(row, row.contains("¥6,000.00") && row.contains("¥120.00"));
            shot("channel-rebate-review");
            click("channel-rebate-approve");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".v-Notification.error")));
            String refused = browser.findElement(By.cssSelector(".v-Notification.error")).getText();
            assertTrue(refused, refused.contains("closed") || refused.contains("结束"));
            dismissError();
            assertEquals("COMPUTED", rest("GET", "channel/rebate-runs/" + run, null).get("status").asText());
        } finally {
            rest("POST", "modules/channel-finance/disable", null);
        }
    }

    /** Selects the order's row in the partner page's order list and waits until the grid shows it selected. */
    private static void selectChannelOrder(String number) {
        By row = By.xpath("//div[@id='channel-partner-orders']//tr[td[contains(normalize-space(.),'" + number + "')]]");
        clickBy(By.xpath("//div[@id='channel-partner-orders']//td[contains(normalize-space(.),'" + number + "')]"));
        wait.until(ExpectedConditions.attributeContains(row, "class", "v-grid-row-selected"));
    }

    /** Waits until the partner page (drawn again after an action) lists the order with this status (in either UI language). */
    private static void waitForChannelOrderStatus(String number, String english, String chinese) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='channel-partner-orders']//tr[td[contains(normalize-space(.),'" + number
                + "')]]/td[normalize-space(.)='" + english + "' or normalize-space(.)='" + chinese + "']")));
    }

    /** Clicks an answer button of the audit form and waits until the re-rendered form shows it chosen. */
    private static void answer(String buttonId, String chosenStyle) {
        click(buttonId);
        wait.until(ExpectedConditions.attributeContains(By.id(buttonId), "class", chosenStyle));
    }

    @Test
    public void z_idleSessionEndsAfterTheConfiguredTimeout() throws Exception {
        // the session ends at the first heartbeat (every 30 s) after the timeout; waiting out that time is the test
        long idleFor = SESSION_TIMEOUT_MINUTES * 60_000L + 35_000L;
        long remaining = idleFor - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
        if (remaining > 0) {
            TimeUnit.MILLISECONDS.sleep(remaining);
        }
        WebDriverWait idleWait = new WebDriverWait(idleBrowser, STEP);
        idleWait.until(ExpectedConditions.elementToBeClickable(By.id("menu-contacts"))).click();
        // the user is told, in the UI's language, and the click leads back to the sign-in screen
        idleWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".v-Notification.system .v-Notification-caption"),
                "Your session has ended"));
        idleBrowser.findElement(By.cssSelector(".v-Notification.system")).click();
        idleWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
        assertTrue(idleBrowser.findElements(By.id("menu")).isEmpty());
        List<String> blocked = cspViolations(idleBrowser);
        assertTrue("the Content-Security-Policy blocked: " + blocked, blocked.isEmpty());
    }

    private static void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/crm/");
        type("login-username", user);
        type("login-password", password);
        click("login-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu")));
    }

    /** Waits for the error notification and clicks it away (Vaadin keeps errors up until the user reacts). */
    private static void dismissError() {
        clickBy(By.cssSelector(".v-Notification.error"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".v-Notification.error")));
    }

    /**
     * Chooses a record in a record picker as a user does: types part of its name (or "#number") into the picker, waits
     * for the suggestion and clicks it.
     */
    private static void pick(String id, String typed, String suggestion) {
        typeInPicker(id, typed);
        clickBy(By.xpath("//td[contains(@class,'gwt-MenuItem')]/span[normalize-space(.)='" + suggestion + "']"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#" + id + " input"), "value", suggestion));
    }

    /**
     * Picks an account by typing its name: the suggestion is "name (type)" with the type in the UI's language, and
     * neither the suggestion nor the chosen value shows the internal id (issue 17: staff never see "#603").
     */
    private static void pickNamed(String id, String typed, String name) {
        typeInPicker(id, typed);
        clickBy(By.xpath("//td[contains(@class,'gwt-MenuItem')]/span[normalize-space(.)='" + name + "' or starts-with(normalize-space(.),'" + name + " (')]"));
        wait.until(d -> {
            String value = d.findElement(By.cssSelector("#" + id + " input")).getAttribute("value");
            return value != null && value.startsWith(name) && !value.contains("#");
        });
    }

    /** Types into a record picker once it can take input (it may be drawn again while the page settles). */
    private static void typeInPicker(String id, String typed) {
        settle();
        wait.until(d -> {
            try {
                WebElement e = d.findElement(By.cssSelector("#" + id + " input"));
                if (!e.isDisplayed() || !e.isEnabled()) {
                    return false;
                }
                e.sendKeys(typed);
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
                return false;
            }
        });
    }

    /**
     * Chooses {@code caption} in a select (Vaadin ComboBox) as a user does: open its list, click the item. Done when the
     * field shows the caption and no list is open. On a loaded machine the list of a select chosen just before can
     * open again after its choice (the late answer to the request that filled it; a fresh-clone run failed on the
     * region select behind the type select's reopened list), so an open list that is not this one's is closed with
     * Escape, and a list that closed before the click is opened again. Clicking the same item twice chooses it once.
     */
    private static void selectOption(String comboId, String caption) {
        By field = By.cssSelector("#" + comboId + " input");
        By opener = By.cssSelector("#" + comboId + " .v-filterselect-button");
        By item = By.xpath("//td[contains(@class,'gwt-MenuItem')]/span[text()='" + caption + "']");
        By openList = By.cssSelector(".v-filterselect-suggestpopup");
        settle();
        wait.until(d -> {
            try {
                boolean listOpen = d.findElements(openList).stream().anyMatch(WebElement::isDisplayed);
                if (!listOpen && caption.equals(d.findElement(field).getAttribute("value"))) {
                    return true;
                }
                List<WebElement> items = d.findElements(item);
                if (!items.isEmpty() && items.get(0).isDisplayed()) {
                    items.get(0).click();
                } else if (listOpen) {
                    d.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
                } else {
                    d.findElement(opener).click();
                }
            } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
                // the select or its list is being replaced: look again
            }
            settle();
            return false;
        });
    }

    private static String mobile() {
        return "137" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static long restId(String method, String path, Object body) throws Exception {
        return rest(method, path, body).get("id").asLong();
    }

    /** The REST API as admin, for test data the screens under test are not about. */
    private static JsonNode rest(String method, String path, Object body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(BASE + "/api/v1/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> reply = http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    private static List<String> tabCaptions() {
        return browser.findElements(By.cssSelector("#record-tabs .v-tabsheet-tabitemcell .v-captiontext")).stream().map(WebElement::getText).toList();
    }

    private static void clickTab(String caption) {
        clickTabOf("record-tabs", caption);
    }

    private static void selectLanguage(String label) {
        selectOption("language", label);
    }

    /**
     * Types into a field once it can take input. A field that Vaadin re-renders between the lookup and the keys
     * (stale) is looked up again; the keys are sent once.
     */
    private static void type(String id, String text) {
        settle();
        wait.until(d -> {
            try {
                WebElement e = d.findElement(By.id(id));
                if (!e.isDisplayed() || !e.isEnabled()) {
                    return false;
                }
                e.sendKeys(text);
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
                return false;
            }
        });
    }

    /** Replaces what a field holds with {@code text} (select all, then type), as a user would. */
    private static void retype(String id, String text) {
        type(id, org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a") + text);
    }

    private static void click(String id) {
        clickBy(By.id(id));
    }

    /**
     * Clicks an element once it is there, shown and enabled, after the UI has answered every request in flight. A
     * click that lands on an overlay still fading out (a notification, a window's curtain) or on an element being
     * replaced is retried until the wait's timeout; a click that went through is never repeated.
     */
    private static void clickBy(By by) {
        settle();
        wait.until(d -> {
            try {
                WebElement e = d.findElement(by);
                if (!e.isDisplayed() || !e.isEnabled() || e.getAttribute("class").contains("v-disabled")) {
                    return false;
                }
                e.click();
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | ElementNotInteractableException e) {
                return false;
            }
        });
        settle();
    }

    /** Waits until the Vaadin client has no request to the server in flight (the state TestBench waits for). */
    private static void settle() {
        Chromium.settle(wait);
    }

    private static void shot(String name) throws IOException {
        File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
