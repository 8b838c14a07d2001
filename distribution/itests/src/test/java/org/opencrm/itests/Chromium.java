package org.opencrm.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by its chromedriver, as the browser tests and the UI session benchmark use it. */
final class Chromium {
    private Chromium() {
    }

    /** A new browser (its own profile in a temporary folder), 1400×900, its console kept for the tests to read. */
    static WebDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // the console, where Chromium reports every script, style or frame the Content-Security-Policy blocked
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("crm-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 900));
        return driver;
    }

    /** Waits until the Vaadin client has no request to the server in flight (the state TestBench waits for). */
    static void settle(WebDriverWait wait) {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "var c = window.vaadin && window.vaadin.clients; if (!c) { return true; }"
                        + " for (var k in c) { if (c[k].isActive && c[k].isActive()) { return false; } } return true;"));
    }

    /** Signs in on the shell's sign-in screen; done when the side menu's first entry shows. */
    static void signIn(WebDriver browser, WebDriverWait wait, String base, String user, String password) {
        browser.get(base + "/crm/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-username"))).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-contacts")));
    }
}
