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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web shell in a real browser (Debian's headless Chromium driven by chromedriver) against the assembled
 * distribution, started here as a user would start it (bin/karaf server, its own ports). Runs outside the Pax Exam
 * container because the browser driver does not belong inside OSGi.
 */
public class BrowserIT {
    private static final String PASSWORD = "Browser-admin-1";
    private static final int PORT = 18381;
    private static final String BASE = "http://localhost:" + PORT;
    private static Process karaf;
    private static Path home;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Path screenshots;

    @BeforeClass
    public static void startDistributionAndBrowser() throws Exception {
        home = Path.of(System.getProperty("crm.itest.browserDir", "target/browser"));
        deleteTree(home);
        Files.createDirectories(home);
        run(new ProcessBuilder("tar", "xzf", System.getProperty("crm.distribution"), "-C", home.toString(), "--strip-components=1"));
        Path etc = home.resolve("etc");
        replace(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port *=.*", "org.osgi.service.http.port = " + PORT);
        replace(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort *=.*", "sshPort = 18301");
        Files.writeString(etc.resolve("org.apache.karaf.management.cfg"), "\nrmiRegistryPort = 11299\nrmiServerPort = 44644\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Files.writeString(etc.resolve("system.properties"), "\ncrm.admin.password=" + PASSWORD + "\n", StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        pb.environment().put("EXTRA_JAVA_OPTS", "-Djdk.util.zip.disableZip64ExtraFieldValidation=true");
        karaf = pb.start();
        awaitHttp(BASE + "/api/v1/modules", 200, Duration.ofMinutes(3));
        awaitHttp(BASE + "/crm/", 200, Duration.ofMinutes(1));

        screenshots = Path.of(System.getProperty("crm.itest.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("crm-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            run(new ProcessBuilder(home.resolve("bin/stop").toString()));
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly();
            }
        }
    }

    @Test
    public void staffWorkflowAndModulesAppearingAndVanishing() throws Exception {
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
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".v-Notification.error")));
        assertEquals("王小明", browser.findElement(By.id("contact-name")).getAttribute("value"));
        String mobile = "139" + String.format("%08d", System.currentTimeMillis() % 100_000_000L);
        browser.findElement(By.id("contact-mobile")).clear();
        type("contact-mobile", mobile);
        type("contact-city", "深圳市");
        click("contact-save");
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "王小明"));

        // find it by search-as-you-type and open its page
        click("menu-contacts");
        type("contacts-search", mobile.substring(0, 9));
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[contains(@class,'v-grid-cell') and text()='" + mobile + "']")));
        shot("contacts");
        row.click();
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "王小明"));
        String contactUrl = browser.getCurrentUrl();
        assertFalse("no Notes tab while the module is off", tabCaptions().contains("Notes"));
        shot("contact-page");

        // enable the sample module on the Modules page: its menu entry and contact tab appear without a reload
        click("menu-admin.modules");
        click("module-toggle-sample-notes");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("modules-status"), "is enabled"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-sample-notes")));
        shot("modules");
        browser.get(contactUrl);
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "王小明"));
        wait.until(d -> tabCaptions().contains("Notes"));
        clickTab("Notes");
        type("sample-notes-text", "回访：客户满意");
        click("sample-notes-add");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[contains(@class,'v-grid-cell') and text()='回访：客户满意']")));
        shot("contact-notes-tab");

        // disable it: the entry and the tab go
        click("menu-admin.modules");
        click("module-toggle-sample-notes");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("modules-status"), "is disabled"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("menu-sample-notes")));
        browser.get(contactUrl);
        wait.until(ExpectedConditions.textToBe(By.id("record-title"), "王小明"));
        assertFalse(tabCaptions().contains("Notes"));
        assertTrue(browser.findElements(By.id("menu-sample-notes")).isEmpty());

        // the same screens in Simplified Chinese
        selectLanguage("中文");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("menu"), "联系人"));
        assertTrue(tabCaptions().contains("详情"));
        shot("contact-page-zh");
        click("menu-dashboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("widget-core.counts")));
        shot("dashboard-zh");
    }

    private static List<String> tabCaptions() {
        return browser.findElements(By.cssSelector("#record-tabs .v-tabsheet-tabitemcell .v-captiontext")).stream().map(WebElement::getText).toList();
    }

    private static void clickTab(String caption) {
        browser.findElements(By.cssSelector("#record-tabs .v-tabsheet-tabitemcell")).stream()
                .filter(e -> e.getText().contains(caption)).findFirst().orElseThrow().click();
    }

    private static void selectLanguage(String label) {
        WebElement combo = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#language .v-filterselect-button")));
        combo.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//td[contains(@class,'gwt-MenuItem')]/span[text()='" + label + "']"))).click();
    }

    private static void type(String id, String text) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        e.sendKeys(text);
    }

    private static void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static void shot(String name) throws IOException {
        File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void awaitHttp(String url, int status, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + "; see " + home.resolve("console.log"));
            }
            try {
                last = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == status) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            // the server is starting in another process; there is no event to wait on from here
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(url + " did not answer " + status + " within " + timeout + " (last " + last + ")");
    }

    private static void run(ProcessBuilder pb) throws Exception {
        Process p = pb.inheritIO().start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", pb.command()) + " failed");
        }
    }

    private static void replace(Path file, String regex, String replacement) throws IOException {
        String text = Files.readString(file);
        String changed = text.replaceAll("(?m)^" + regex + "$", replacement);
        if (changed.equals(text)) {
            changed = text + "\n" + replacement + "\n";
        }
        Files.writeString(file, changed);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
