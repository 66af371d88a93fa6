package urcheck.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the OS packages (Debian's chromium and chromium-driver), driven over WebDriver by
 * /usr/bin/chromedriver. Nothing is downloaded: when either is missing the browser tests fail and say how to
 * install them. URCHECK_CHROMIUM and URCHECK_CHROMEDRIVER point elsewhere.
 */
final class Browser {

    static final String INSTALL = "The browser tests need Debian's chromium and chromium-driver packages: "
            + "apt-get update && apt-get install -y chromium chromium-driver (bin/test and .ci/run install them when run as root).";

    private Browser() {
    }

    static Path chromium() {
        return tool("URCHECK_CHROMIUM", "/usr/bin/chromium");
    }

    static Path chromedriver() {
        return tool("URCHECK_CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    /** Why the browser cannot start here, or null when it can. */
    static String missing() {
        StringBuilder s = new StringBuilder();
        for (Path p : new Path[] {chromium(), chromedriver()}) {
            if (!Files.isExecutable(p)) {
                s.append(p).append(" is missing. ");
            }
        }
        return s.length() == 0 ? null : s + INSTALL;
    }

    static ChromeDriver start(Path profile) {
        // Selenium looks for CDP bindings matching the browser's version and logs when it has none: we use none.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver().toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000",
                "--lang=en-US");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The whole page, not only the window, as a PNG. */
    static void screenshot(ChromeDriver driver, Path file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 16_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Shows the page as it prints (print style sheet) until {@link #screenMedia} is called. */
    static void printMedia(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    }

    static void screenMedia(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    private static Path tool(String env, String fallback) {
        String v = System.getenv(env);
        return Path.of(v == null || v.isBlank() ? fallback : v);
    }
}
