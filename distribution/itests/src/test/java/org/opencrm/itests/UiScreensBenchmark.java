package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.opencrm.testsupport.KarafServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark, not part of the suite (run by {@code distribution/benchmarks/run.sh --ui-screens}): the seconds each main
 * screen of the web shell takes to appear with 1,000,000 contacts and 1,000,000 handsets loaded (issue 17, item 10).
 * The distribution starts as a user starts it, with the five shipped modules enabled; the contacts go in through the
 * REST import (files of 100,000 rows), the handsets through {@code handset:demo-data} (JDBC batches inside Karaf,
 * the handset benchmark's loader). A real Chromium then signs in and opens, one after the other, every entry of the
 * side menu, a contact's page, a handset's page and the header search for a mobile: first once (the first visit after
 * the start, cold caches and JIT), then {@code crm.bench.rounds} more times. A screen has "appeared" when the Vaadin
 * client has sent its request, received every answer and has none in flight after the next frame: the time is taken
 * inside the browser ({@code performance.now()}), from the click to that state, so it holds the server's work, the
 * transfer and the rendering, not WebDriver's overhead.
 */
public class UiScreensBenchmark {
    private static final List<String> MODULES = List.of("handset-registry", "repair-parts", "membership-points", "channel-finance", "franchise-audit");
    private static final String PASSWORD = "Screens-bench-1";
    private static final int FILE_ROWS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Common surnames and given-name characters: names like staff type them, so name searches hit many rows. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅林波斌宇浩凯健俊帆鹏飞欣怡雪琳晨阳婷瑶";

    /**
     * Clicks the element with the given id (or, for a value starting with '#', sets the location's hash, as a link to a
     * record does) and answers the milliseconds until the Vaadin client, having sent a request, has none in flight
     * after the next animation frame.
     */
    private static final String TIMED_ACTION = """
            var target = arguments[0], done = arguments[arguments.length - 1];
            function active() { var c = window.vaadin && window.vaadin.clients; if (!c) { return false; }
              for (var k in c) { if (c[k].isActive && c[k].isActive()) { return true; } } return false; }
            var t0 = performance.now(), seen = false;
            if (target.charAt(0) === '#') { location.hash = target; } else { document.getElementById(target).click(); }
            (function poll() {
              var a = active(); if (a) { seen = true; }
              if (!a && (seen || performance.now() - t0 > 2000)) {
                requestAnimationFrame(function () { setTimeout(function () { if (active()) { poll(); } else { done(performance.now() - t0); } }, 0); });
              } else { setTimeout(poll, 5); }
            })();""";

    @Test
    public void secondsForEachMainScreenWithAMillionRecords() throws Exception {
        long contacts = Long.getLong("crm.bench.contacts", 1_000_000);
        long handsets = Long.getLong("crm.bench.handsets", 1_000_000);
        int rounds = Integer.getInteger("crm.bench.rounds", 5);
        Path results = Path.of(System.getProperty("crm.bench.results", "target/RESULTS-ui-screens.md"));
        Map<String, String> setup = new LinkedHashMap<>();
        try (KarafServer karaf = KarafServer.unpack(Path.of(System.getProperty("crm.distribution")), Path.of("target/ui-screens").toAbsolutePath())
                .ports(18781, 18701, 11699, 45044).adminPassword(PASSWORD).start()) {
            karaf.awaitHttp("/health/ready", 200, Duration.ofMinutes(10));
            for (String module : MODULES) {
                karaf.admin().post("modules/" + module + "/enable", "").expect(200);
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            for (long from = 0; from < contacts; from += FILE_ROWS) {
                importContacts(http, karaf.baseUrl(), auth, from, (int) Math.min(FILE_ROWS, contacts - from));
            }
            setup.put(String.format(Locale.ROOT, "%,d contacts through `POST /api/v1/contacts/import` (files of %,d rows)", contacts, FILE_ROWS),
                    String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            String loaded = shell(karaf, "handset:demo-data " + handsets);
            Matcher registered = Pattern.compile("Registered (\\d+) handsets .*e\\.g\\. IMEI (\\d{15})").matcher(loaded);
            assertTrue("handset:demo-data: " + loaded, registered.find());
            assertEquals("handsets registered", handsets, Long.parseLong(registered.group(1)));
            String imei = registered.group(2);
            setup.put(String.format(Locale.ROOT, "%,d handsets through `handset:demo-data`", handsets),
                    String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - t0) / 1e9));
            long contact = anyContact(http, karaf.baseUrl(), auth, mobileOf(contacts / 3));
            String mobile = mobileOf(contacts / 2);

            WebDriver browser = Chromium.start();
            browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(3));
            Map<String, List<Double>> times = new LinkedHashMap<>();
            try {
                long s0 = System.nanoTime();
                Chromium.signIn(browser, wait, karaf.baseUrl(), "admin", PASSWORD);
                Chromium.settle(wait);
                times.computeIfAbsent("sign-in to the dashboard", k -> new ArrayList<>()).add((System.nanoTime() - s0) / 1e6);
                List<String> entries = browser.findElements(By.cssSelector("#menu .crm-menu-item")).stream().map(e -> e.getAttribute("id")).toList();
                assertFalse("menu entries", entries.isEmpty());
                for (int round = 0; round <= rounds; round++) {
                    for (String entry : entries) {
                        times.computeIfAbsent("menu: " + entry.replaceFirst("^menu-", ""), k -> new ArrayList<>()).add(timed(browser, wait, entry));
                    }
                    times.computeIfAbsent("a contact's page", k -> new ArrayList<>()).add(timed(browser, wait, "#!contact/" + contact));
                    times.computeIfAbsent("a handset's page (by IMEI)", k -> new ArrayList<>()).add(timed(browser, wait, "#!handsets/" + imei));
                    times.computeIfAbsent("header search: a full mobile typed, until its suggestion shows", k -> new ArrayList<>())
                            .add(searched(browser, wait, mobile));
                    browser.navigate().refresh(); // closes the suggestion popup; the next round starts on a fresh page
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-contacts")));
                    Chromium.settle(wait);
                }
            } finally {
                browser.quit();
            }
            write(results, contacts, handsets, rounds, setup, times);
        }
    }

    private static double timed(WebDriver browser, WebDriverWait wait, String target) {
        Chromium.settle(wait);
        Object ms = ((JavascriptExecutor) browser).executeAsyncScript(TIMED_ACTION, target);
        return ((Number) ms).doubleValue();
    }

    /**
     * Types the mobile into the header search as a user does (WebDriver's keys) and answers the milliseconds until a
     * suggestion naming it is shown (polled every 10 ms), then closes the suggestions with Escape.
     */
    private static double searched(WebDriver browser, WebDriverWait wait, String mobile) {
        Chromium.settle(wait);
        org.openqa.selenium.WebElement input = browser.findElement(By.cssSelector("#header-search input"));
        input.click();
        long t0 = System.nanoTime();
        input.sendKeys(mobile);
        // one script per poll: the suggestion popup is rebuilt while it fills, so element references go stale
        new WebDriverWait(browser, Duration.ofMinutes(2), Duration.ofMillis(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return Array.prototype.some.call(document.querySelectorAll('.gwt-MenuItem'),"
                        + " function (e) { return e.offsetParent !== null && e.innerText.indexOf(arguments[0]) >= 0; }.bind(null));".replace("arguments[0]",
                                "'" + mobile.substring(7) + "'")));
        double ms = (System.nanoTime() - t0) / 1e6;
        input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        return ms;
    }


    /** Mainland carriers' prefixes: the mobiles of a customer base spread over them, and over every middle digit. */
    private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
            "156", "157", "158", "159", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199" };

    /**
     * Contact number i's mobile: a carrier prefix, then eight digits spread over the whole range (i times a prime
     * modulo 10^8, one to one), so that a typed prefix matches as many contacts as in a real customer base.
     */
    private static String mobileOf(long i) {
        return MOBILE_PREFIXES[(int) (i % MOBILE_PREFIXES.length)] + String.format(Locale.ROOT, "%08d", (i / MOBILE_PREFIXES.length) * 7919 % 100_000_000);
    }

    private static void importContacts(HttpClient http, String base, String auth, long from, int rows) throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("name,mobile\n");
        for (long i = from; i < from + rows; i++) {
            csv.append(SURNAMES.charAt((int) (i % SURNAMES.length()))).append(GIVEN.charAt((int) ((i / 7) % GIVEN.length())));
            if (i % 3 != 0) {
                csv.append(GIVEN.charAt((int) ((i / 13) % GIVEN.length())));
            }
            csv.append(',').append(mobileOf(i)).append('\n');
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/contacts/import")).header("Authorization", auth)
                .header("Content-Type", "text/csv; charset=UTF-8").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode report = JSON.readTree(r.body());
        assertEquals("rows imported from " + from + ": " + r.body(), rows, report.get("imported").asLong());
    }

    private static long anyContact(HttpClient http, String base, String auth, String mobile) throws IOException, InterruptedException {
        JsonNode page = get(http, base, auth, "/api/v1/contacts?limit=1&q=" + mobile);
        JsonNode items = page.has("items") ? page.get("items") : page;
        assertTrue("a contact: " + page, items.size() > 0);
        return items.get(0).get("id").asLong();
    }

    private static JsonNode get(HttpClient http, String base, String auth, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).timeout(Duration.ofMinutes(2)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(path + ": " + r.body(), 200, r.statusCode());
        return JSON.readTree(r.body());
    }

    /** Runs one command through the distribution's bin/client (ssh) and answers what it printed. */
    private static String shell(KarafServer karaf, String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ui-screens-shell", ".log");
        Process p = new ProcessBuilder(karaf.home().resolve("bin/client").toString(), "-a", Integer.toString(18701 + KarafServer.portOffset()), "-h",
                "localhost", "-u", "admin", "-p", PASSWORD, "-r", "10", "-t", Long.toString(TimeUnit.HOURS.toMillis(2)), "-b")
                .directory(karaf.home().toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(command + " finished within 90 min", p.waitFor(90, TimeUnit.MINUTES));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void write(Path results, long contacts, long handsets, int rounds, Map<String, String> setup, Map<String, List<Double>> times)
            throws IOException {
        StringBuilder rows = new StringBuilder();
        double worst = 0;
        String worstScreen = "";
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            List<Double> all = e.getValue();
            List<Double> again = all.size() > 1 ? all.subList(1, all.size()).stream().sorted().toList() : List.of();
            double median = again.isEmpty() ? all.get(0) : again.get(again.size() / 2);
            double max = again.isEmpty() ? all.get(0) : again.get(again.size() - 1);
            if (!again.isEmpty() && median > worst) {
                worst = median;
                worstScreen = e.getKey();
            }
            rows.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %s |%n", e.getKey(), all.get(0) / 1000,
                    again.isEmpty() ? "—" : String.format(Locale.ROOT, "%.2f", median / 1000), again.isEmpty() ? "—" : String.format(Locale.ROOT, "%.2f", max / 1000)));
        }
        StringBuilder load = new StringBuilder();
        setup.forEach((k, v) -> load.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        String text = String.format(Locale.ROOT, """
                # Seconds for each main screen to appear, with %,d contacts and %,d handsets

                Run %s on %d cores, `distribution/benchmarks/run.sh --ui-screens`; load average when done: %.1f.

                The distribution as shipped (embedded Derby on disk, Karaf's heap as `bin/karaf` sets it), the five shipped
                modules enabled, signed in as admin (who sees every record) in a real Chromium (headless, 1400×900).

                | Data | Loaded in |
                |---|---|
                %s
                A screen has appeared when the Vaadin client has sent the request the click (or the record's link) started, has
                received every answer and has no request in flight after the next animation frame; timed in the browser
                (`performance.now()`) from the click. "First" is the first visit after the start (cold caches and JIT); then
                each screen %d more times, in menu order (median and slowest of those). The header search: an existing contact's
                full mobile typed at once, until the suggestions show.

                | Screen | first (s) | median (s) | slowest (s) |
                |---|---:|---:|---:|
                %s
                Slowest median of the screens visited again: %s, %.2f s.
                """, contacts, handsets, Instant.now(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), load, rounds, rows, worstScreen, worst / 1000);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, text);
        System.out.println(text);
    }
}
