package dev.patron.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium from Debian's packages, driven through {@code /usr/bin/chromedriver}.
 * The paths are explicit, so Selenium Manager never runs and nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    Browser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("patron.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("patron.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--lang=en-US");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Signs {@code name} in through the sign-in form, with no earlier session, and waits for the dashboard. */
    ChromeDriver signIn(PatronUnderTest patron, String name, String password) {
        driver.manage().deleteAllCookies();
        driver.get(patron.url("/console"));
        if (!driver.getCurrentUrl().contains("/console/login")) {
            throw new AssertionError("without a session /console should lead to the sign-in page, not " + driver.getCurrentUrl());
        }
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-customers")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("after signing in as " + name + " the dashboard did not show within 30 s; the browser is at "
                    + driver.getCurrentUrl() + ": " + driver.findElement(By.tagName("body")).getText(), e);
        }
        return driver;
    }

    /** Saves a screenshot of the current page under target/screenshots/NAME.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
