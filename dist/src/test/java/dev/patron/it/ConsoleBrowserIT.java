package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.auth.Role;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console in a real headless browser: sign in, the dashboard chart, search and open a
 * customer, acknowledge an alert, switch to Chinese, and a disabled plugin's panel vanishing.
 * Screenshots of each main page are saved under target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    @TempDir
    static Path home;

    private PatronUnderTest patron;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        TestPlugins.hello("1.0.0").buildInto(plugins);
        TestPlugins.watcher().buildInto(plugins);
        patron = PatronUnderTest.start(home, Map.of());
        patron.patron().auth().users().add("mei", Role.ADMIN, "mei's long password");
        for (int i = 1; i <= 30; i++) {
            String id = "c-" + i;
            patron.post("/api/v1/customers", new JsonObject().put("id", id).put("name", (i == 7 ? "Zhang Wei" : "Customer " + i))
                    .put("email", id + "@example.com"));
            for (int k = 0; k < i % 5 + 1; k++) {
                patron.post("/api/v1/orders", new JsonObject().put("id", "o-" + i + "-" + k).put("customerId", id)
                        .put("placedAt", "2026-0" + (k % 9 + 1) + "-1" + (i % 9) + "T10:00:00Z").put("amount", (10 * i) + ".00")
                        .put("currency", "USD"));
            }
        }
        patron.post("/api/v1/orders", new JsonObject().put("id", "o-big").put("customerId", "c-7")
                .put("placedAt", "2026-10-01T10:00:00Z").put("amount", "2500.00").put("currency", "USD"));
        String run = PatronUnderTest.json(patron.post("/api/v1/scoring/runs", "{}")).getString("id");
        patron.get("/api/v1/scoring/runs/" + run + "?wait=30");
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        patron.close();
    }

    private ChromeDriver signIn(String name, String password) {
        return browser.signIn(patron, name, password);
    }

    @Test
    void dashboardShowsFiguresAndASegmentChartWithData() throws Exception {
        ChromeDriver driver = signIn("mei", "mei's long password");
        assertThat(driver.findElement(By.id("kpi-customers")).getText()).isEqualTo("30");
        WebElement chart = driver.findElement(By.cssSelector("#chart-rfm-segment svg.chart"));
        List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
        assertThat(bars).isNotEmpty();
        assertThat(bars.get(0).getSize().getWidth()).isPositive();
        List<WebElement> cells = driver.findElements(By.cssSelector("#chart-heatmap rect.heat"));
        assertThat(cells).hasSize(25);
        long total = driver.findElements(By.cssSelector("#chart-heatmap text.heat-value")).stream()
                .mapToLong(t -> Long.parseLong(t.getText())).sum();
        assertThat(total).as("every scored buyer is in one cell").isEqualTo(30);
        browser.screenshot("dashboard");
    }

    @Test
    void searchFindsACustomerAndTheirPageShowsEveryPanel() throws Exception {
        ChromeDriver driver = signIn("mei", "mei's long password");
        driver.get(patron.url("/console/customers"));
        driver.findElement(By.id("q")).sendKeys("Zhang");
        clickToNavigate(driver, driver.findElement(By.cssSelector("form.filters button[type=submit]")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#customer-table tbody tr"));
        assertThat(rows).hasSize(1);
        browser.screenshot("customers");
        clickToNavigate(driver, rows.get(0).findElement(By.linkText("c-7")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Zhang Wei");
        assertThat(driver.findElement(By.id("panel-rfm")).getText()).contains("segment");
        assertThat(driver.findElement(By.cssSelector(".hello-panel")).getText()).isEqualTo("Hello c-7");
        browser.screenshot("customer");
    }

    @Test
    void staffAcknowledgeAnAlertFromTheInbox() throws Exception {
        ChromeDriver driver = signIn("mei", "mei's long password");
        driver.get(patron.url("/console/alerts"));
        WebElement row = driver.findElement(By.cssSelector("#alert-table tbody tr"));
        String alertId = row.getAttribute("id").substring("alert-".length());
        row.findElement(By.cssSelector("input[name=note]")).sendKeys("called her");
        row.findElement(By.xpath(".//button[text()='Acknowledge']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "acknowledged".equals(PatronUnderTest.json(patron.get("/api/v1/alerts/" + alertId)).getString("status")));
        assertThat(PatronUnderTest.json(patron.get("/api/v1/alerts/" + alertId)).getString("note")).isEqualTo("called her");
        browser.screenshot("alerts");
    }

    @Test
    void switchingToChineseShowsChineseLabels() throws Exception {
        ChromeDriver driver = signIn("mei", "mei's long password");
        clickToNavigate(driver, driver.findElement(By.cssSelector(".lang a[lang=zh-CN]")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("概览");
        assertThat(driver.findElement(By.cssSelector("nav")).getText()).contains("客户", "预警", "插件");
        browser.screenshot("dashboard-zh");
        driver.get(patron.url("/console/customers"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("the choice is remembered").isEqualTo("客户");
        driver.findElement(By.cssSelector(".lang a[lang=en]")).click();
    }

    @Test
    void moneyAndDatesAreWrittenForTheReadersLanguageInTheShopCurrency() throws Exception {
        ChromeDriver driver = signIn("mei", "mei's long password");
        try {
            driver.get(patron.url("/console/customers/c-7?lang=en"));
            assertThat(stat(driver, "Last order")).isEqualTo("1 Oct 2026");
            assertThat(stat(driver, "Spent")).isEqualTo("$2,710.00");
            assertThat(driver.findElement(By.id("orders")).getText()).contains("1 Oct 2026, 10:00", "$2,500.00");

            clickToNavigate(driver, driver.findElement(By.cssSelector(".lang a[lang=zh-CN]")));
            assertThat(stat(driver, "最近下单")).isEqualTo("2026年10月1日");
            assertThat(stat(driver, "消费金额")).isEqualTo("US$2,710.00");
            assertThat(driver.findElement(By.id("orders")).getText()).contains("2026年10月1日 10:00", "US$2,500.00");
            assertThat(driver.findElement(By.cssSelector(".loyalty-statement tbody td")).getText())
                    .as("a plugin panel's dates through the same formatter").matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
            assertThat(driver.findElement(By.id("clv-panel")).getText()).as("and its money").contains("US$");
            browser.screenshot("customer-zh");
        } finally {
            driver.get(patron.url("/console?lang=en"));
        }
    }

    /** The value of a figure in the customer page's purchases card, found by its label. */
    private static String stat(ChromeDriver driver, String label) {
        return driver.findElement(By.xpath("//section[@id='stats']//dt[normalize-space()='" + label + "']/following-sibling::dd[1]"))
                .getText();
    }

    @Test
    void staffRedeemPointsAndSeeTheBalanceChange() throws Exception {
        long before = balance("c-9");
        assertThat(before).isPositive();
        ChromeDriver driver = signIn("mei", "mei's long password");
        driver.get(patron.url("/console/customers/c-9"));
        WebElement form = driver.findElement(By.cssSelector("form.loyalty-redeem"));
        form.findElement(By.name("points")).sendKeys("5");
        form.findElement(By.name("reason")).sendKeys("gift wrap");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> balance("c-9") == before - 5);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("loyalty-panel")).getText()
                .contains(String.valueOf(before - 5)));
        browser.screenshot("loyalty");
    }

    @Test
    void aViewerSeesNoRedeemFormAndAForgedRedemptionIsRefused() throws Exception {
        patron.patron().auth().users().add("vic", Role.VIEWER, "vic's long password");
        long before = balance("c-9");
        ChromeDriver driver = signIn("vic", "vic's long password");
        driver.get(patron.url("/console/customers/c-9"));
        assertThat(driver.findElement(By.id("loyalty-panel")).getText()).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("form.loyalty-redeem"))).isEmpty();
        String csrf = driver.findElement(By.cssSelector("meta[name=csrf-token]")).getAttribute("content");
        Object status = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/plugins/loyalty/accounts/c-9/redemptions', {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/json', 'X-CSRF-Token': arguments[0]},"
                + " body: JSON.stringify({points: 1, idempotencyKey: 'forged-1', reason: 'x'})}).then(r => done(r.status));", csrf);
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(balance("c-9")).isEqualTo(before);
    }

    private long balance(String customerId) {
        return PatronUnderTest.json(patron.get("/api/v1/plugins/loyalty/accounts/" + customerId)).getLong("balance");
    }

    @Test
    void disablingAPluginRemovesItsPanel() throws Exception {
        ChromeDriver driver = signIn("mei", "mei's long password");
        driver.get(patron.url("/console/plugins"));
        browser.screenshot("plugins");
        toggle(driver, "hello", "Enable");
        driver.get(patron.url("/console/customers/c-3"));
        assertThat(driver.findElements(By.cssSelector(".hello-panel"))).isEmpty();
        driver.get(patron.url("/console/plugins"));
        toggle(driver, "hello", "Disable");
        driver.get(patron.url("/console/customers/c-3"));
        assertThat(driver.findElements(By.cssSelector(".hello-panel"))).hasSize(1);
    }

    /** Clicks a plugin's enable/disable button and waits for the plugin list to come back with the button turned. */
    private static void toggle(ChromeDriver driver, String pluginId, String turnedTo) {
        WebElement button = driver.findElement(By.id("toggle-" + pluginId));
        button.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.stalenessOf(button));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toggle-" + pluginId), turnedTo));
    }

    /** Clicks what loads another page, then waits until the old page is gone, so the next look is at the new one. */
    private static void clickToNavigate(ChromeDriver driver, WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }
}
