package dev.patron.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.auth.Role;
import dev.patron.host.imports.ImportJobs;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's import in a real headless browser: an administrator uploads a CSV with one bad
 * row, sees it flagged in the preview, runs a dry run (nothing written), follows the import's
 * progress until it is done, and finds the rejected row with its line number. Staff and viewers
 * are refused. Screenshots under target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPageBrowserIT {

    private static final String FILE = "Customer No,name,email,city\nc-100,Ann Lee,ann@example.com,Leeds\nc-101,Bo Chen,bo@example.com,\n"
            + "c-102,Cy Diaz,not-an-address,York\nc-103,Di Ng,di@example.com,Bath\n";

    @TempDir
    static Path home;

    private PatronUnderTest patron;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        patron = PatronUnderTest.start(home, Map.of());
        patron.patron().auth().users().add("ada", Role.ADMIN, "ada's long password");
        patron.patron().auth().users().add("sam", Role.STAFF, "sam's long password");
        patron.patron().auth().users().add("vic", Role.VIEWER, "vic's long password");
        patron.post("/api/v1/customers", new JsonObject().put("id", "c-1").put("name", "Existing"));
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        patron.close();
    }

    private ChromeDriver signIn(String name) {
        return browser.signIn(patron, name, name + "'s long password");
    }

    private long customers() {
        return PatronUnderTest.json(patron.get("/api/v1/customers")).getLong("total");
    }

    @Test
    void anAdminPreviewsDryRunsAndImportsACsvAndSeesTheRejectedRow() throws Exception {
        Path csv = Files.writeString(home.resolve("new-customers.csv"), FILE);
        ChromeDriver driver = signIn("ada");
        driver.findElement(By.linkText("Import")).click();
        new Select(driver.findElement(By.id("import-kind"))).selectByValue("customers");
        driver.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#import-upload button[type=submit]")).click();

        // Step 2: "Customer No" is no field's name, so the importer refuses until it is chosen for id.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-rows")));
        assertThat(driver.findElement(By.id("import-refused")).getText()).contains("no column gives 'id'");
        assertThat(driver.findElement(By.id("import-dry-run")).isEnabled()).isFalse();
        new Select(driver.findElement(By.cssSelector("select[name='f.id']"))).selectByVisibleText("Customer No");
        driver.findElement(By.id("import-refresh")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-verdict")));
        assertThat(driver.findElements(By.id("import-refused"))).isEmpty();
        List<WebElement> rows = driver.findElements(By.cssSelector("#import-rows tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("class")).containsExactly("accepted", "accepted", "rejected", "accepted");
        assertThat(driver.findElement(By.id("import-row-4")).getText()).contains("not-an-address", "is not an e-mail address");
        assertThat(driver.findElement(By.id("import-verdict")).getText()).contains("Of these 4 rows, 1 would be rejected");
        assertThat(driver.findElement(By.cssSelector("#import-rows thead")).getText()).contains("→ attributes.city");
        browser.screenshot("import-preview");

        // Step 3: a dry run, held in the queue behind another job so that its progress page is seen polling.
        long before = customers();
        CountDownLatch release = new CountDownLatch(1);
        WorkerExecutor importWorker = patron.vertx().createSharedWorkerExecutor(ImportJobs.WORKER, 1, 1, TimeUnit.HOURS);
        importWorker.executeBlocking(() -> release.await(60, TimeUnit.SECONDS), true);
        driver.findElement(By.id("import-dry-run")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-job")));
        assertThat(driver.findElement(By.id("import-status-label")).getText()).isEqualTo("waiting");
        assertThat(driver.findElement(By.id("import-refresh-link")).getText()).isEqualTo("Refresh");
        browser.screenshot("import-waiting");
        release.countDown();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        importWorker.close();
        assertThat(driver.findElement(By.id("import-summary")).getText()).contains("nothing was written");
        assertThat(driver.findElement(By.id("import-rejected")).getText()).isEqualTo("1");
        assertThat(customers()).as("a dry run writes nothing").isEqualTo(before);

        // The dry run's page has a summary too: wait for it to go before waiting for the import's.
        WebElement dryRunSummary = driver.findElement(By.id("import-summary"));
        driver.findElement(By.id("import-after-dry-run")).click();
        wait.until(ExpectedConditions.stalenessOf(dryRunSummary));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        assertThat(driver.findElement(By.id("import-status-label")).getText())
                .as(() -> driver.findElement(By.id("import-job")).getText()).isEqualTo("finished");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Import of new-customers.csv");
        assertThat(driver.findElement(By.id("import-summary")).getText()).contains("The import has finished");
        assertThat(driver.findElement(By.id("import-rejected")).getText()).isEqualTo("1");
        List<WebElement> issues = driver.findElements(By.cssSelector("#import-issue-table tbody tr"));
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).findElements(By.tagName("td"))).extracting(WebElement::getText)
                .startsWith("4", "email", "not-an-address").anyMatch(text -> text.contains("is not an e-mail address"));
        assertThat(driver.findElement(By.id("import-report-link")).getAttribute("href")).endsWith("/report");
        assertThat(customers()).isEqualTo(before + 3);
        assertThat(PatronUnderTest.json(patron.get("/api/v1/customers/c-100")).getJsonObject("attributes").getString("city"))
                .isEqualTo("Leeds");
        browser.screenshot("import-done");

        driver.findElement(By.linkText("Back to imports")).click();
        assertThat(driver.findElements(By.cssSelector("#import-table tbody tr"))).hasSize(2);
        browser.screenshot("imports");
    }

    @Test
    void staffAndViewersAreRefusedTheImportPagesAndTheirForms() {
        for (String name : List.of("sam", "vic")) {
            ChromeDriver driver = signIn(name);
            assertThat(driver.findElements(By.linkText("Import"))).isEmpty();
            String csrf = driver.findElement(By.cssSelector("meta[name=csrf-token]")).getAttribute("content");
            driver.get(patron.url("/console/imports"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("403");
            assertThat(driver.findElements(By.id("import-file"))).isEmpty();
            Object status = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "var form = new FormData(); form.append('csrf', arguments[0]); form.append('kind', 'customers');"
                    + "form.append('file', new Blob(['id\\nc-666\\n'], {type: 'text/csv'}), 'x.csv');"
                    + "fetch('/console/imports', {method: 'POST', credentials: 'same-origin', body: form}).then(r => done(r.status));",
                    csrf);
            assertThat(((Number) status).intValue()).isEqualTo(403);
        }
        assertThat(patron.get("/api/v1/customers/c-666").statusCode()).isEqualTo(404);
    }
}
