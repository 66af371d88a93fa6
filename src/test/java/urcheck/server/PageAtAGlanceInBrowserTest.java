package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11 in a real browser: the form asks only what the chosen services' criteria read, and every question
 * it shows, answered every way, checks without a schema error; numbers are number boxes and a wrong one is
 * named in words beside its field; massage asks the diagnosis; the draft survives a reload and "Start over"
 * asks first; the answer's first screen says each outcome and the one thing to do; at 390 px the criteria are
 * cards and nothing is cut off; printed, each item starts a page and takes at most two.
 */
class PageAtAGlanceInBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target/browser");
    private static final List<String> SERVICES = List.of("diagnostic_medial_branch_block", "therapeutic_facet_injection",
            "facet_joint_injection", "facet_radiofrequency_neurotomy", "massage_therapy", "additional_level",
            "imaging_guidance", "iv_sedation", "other");

    @TempDir
    static Path profile;
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        String missing = Browser.missing();
        if (missing != null) {
            fail(missing);
        }
        RunningServer.get();
        driver = Browser.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openPage() {
        driver.get(RunningServer.uri("/").toString());
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterEach
    void desktopAgain() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    void everyQuestionShownForEachServiceAnsweredEachWayChecksWithoutASchemaError() throws Exception {
        int checks = 0;
        for (String service : SERVICES) {
            for (int answer = 0; answer < 3; answer++) {
                openPage();
                driver.findElement(By.id("caseId")).sendKeys("every-question-" + service + "-" + answer);
                WebElement first = item("1");
                new Select(first.findElement(By.cssSelector("[data-field=service]"))).selectByValue(service);
                if (List.of("additional_level", "imaging_guidance", "iv_sedation").contains(service)) {
                    driver.findElement(By.id("add-item")).click();
                    new Select(item("2").findElement(By.cssSelector("[data-field=service]")))
                            .selectByValue("diagnostic_medial_branch_block");
                    new Select(first.findElement(By.cssSelector("[data-field=primaryItem]"))).selectByValue("2");
                }
                if (driver.findElement(By.id("care-fields")).isDisplayed()) {
                    driver.findElement(By.id("add-care")).click();
                }
                if (driver.findElement(By.id("procedure-fields")).isDisplayed()) {
                    driver.findElement(By.id("add-procedure")).click();
                }
                fillEveryShownQuestion(answer);
                driver.findElement(By.id("check-form")).click();
                waitForAnswerOrAlert();
                List<WebElement> alerts = driver.findElements(By.cssSelector("#answer [role=alert]"));
                if (!alerts.isEmpty()) {
                    fail(service + ", answer " + answer + ": the page shows a problem: " + alerts.get(0).getText());
                }
                checks++;
            }
        }
        assertEquals(SERVICES.size() * 3, checks);
    }

    /** Every shown question: the answer-th choice of each yes/no/not documented and of each list; a valid text. */
    private static void fillEveryShownQuestion(int answer) {
        for (WebElement fact : driver.findElements(By.cssSelector("#case-form .fact:not(.fact-number)"))) {
            if (!fact.isDisplayed()) {
                continue;
            }
            List<WebElement> radios = fact.findElements(By.cssSelector("input[type=radio]"));
            WebElement choice = radios.get(answer % radios.size());
            driver.findElement(By.cssSelector("label[for='" + choice.getDomAttribute("id") + "']")).click();
        }
        for (WebElement select : driver.findElements(By.cssSelector("#case-form select"))) {
            String field = select.getDomAttribute("data-field");
            if (!select.isDisplayed() || "service".equals(field) || "primaryItem".equals(field)) {
                continue;
            }
            Select s = new Select(select);
            // A list that must be answered ("Choose...") takes one of its real choices.
            List<WebElement> options = s.getOptions().stream()
                    .filter(o -> !(o.getDomAttribute("value").isEmpty() && o.getText().startsWith("Choose"))).toList();
            s.selectByValue(options.get(answer % options.size()).getDomAttribute("value"));
        }
        for (WebElement input : driver.findElements(By.cssSelector("#case-form input[type]:not([type=radio]):not([type=checkbox]), #case-form input:not([type])"))) {
            if (!input.isDisplayed() || "caseId".equals(input.getDomAttribute("id"))) {
                continue;
            }
            input.clear();
            input.sendKeys(valueFor(input, answer));
        }
    }

    private static String valueFor(WebElement input, int answer) {
        String field = input.getDomAttribute("data-field");
        String id = input.getDomAttribute("id");
        if ("requestDate".equals(id)) {
            return "2015-04-23";
        }
        if ("injuryDate".equals(id)) {
            return answer == 0 ? "2015-03-01" : "2014-01-10";
        }
        if ("number".equals(field)) {
            return answer == 0 ? "0.5" : answer == 1 ? "1" : "0.25";
        }
        if (input.getDomAttribute("data-number") != null) {
            return field.equals("reliefPercent") ? String.valueOf(50 + answer * 20) : String.valueOf(answer + 1);
        }
        if ("levels".equals(field)) {
            // As the region list is answered: not stated, cervical, thoracic.
            return answer == 0 ? "L4-5, L5-S1" : answer == 1 ? "C3-C4" : "T4-T5";
        }
        if ("date".equals(field)) {
            return "2014-0" + (answer + 1);
        }
        return "as the record says " + answer;
    }

    @Test
    void onlyTheQuestionsTheServicesCriteriaReadAreShownEachMarked() throws Exception {
        assertTrue(driver.findElement(By.id("no-questions")).isDisplayed(), "with no service chosen, the form says why it asks nothing");
        assertFalse(driver.findElement(By.id("clinical-fields")).isDisplayed());
        WebElement first = item("1");
        new Select(first.findElement(By.cssSelector("[data-field=service]"))).selectByValue("massage_therapy");
        WebElement diagnosis = first.findElement(By.cssSelector("[data-field=diagnosis]"));
        assertTrue(diagnosis.isDisplayed(), "massage asks the diagnosis its visit limit needs");
        assertTrue(diagnosis.findElement(By.xpath("..")).getText().contains("Decides: MTUS-CPMTG-99-VISITS"));
        assertTrue(first.findElement(By.cssSelector("[data-field=visits]")).isDisplayed());
        assertFalse(first.findElement(By.cssSelector("[data-field=levels]")).isDisplayed(), "massage has no spinal levels");
        assertFalse(visibleFact("radicularSymptoms"), "no massage criterion reads radicular symptoms");
        assertTrue(visibleFact("activeTherapy"));
        assertFalse(driver.findElement(By.id("procedure-fields")).isDisplayed(), "no massage criterion reads earlier spinal procedures");

        new Select(first.findElement(By.cssSelector("[data-field=service]"))).selectByValue("diagnostic_medial_branch_block");
        assertTrue(visibleFact("radicularSymptoms"));
        WebElement radicular = driver.findElement(By.cssSelector(".fact[data-fact=radicularSymptoms]"));
        assertTrue(radicular.getText().contains("Decides: ODG-FJDB-2A"), radicular.getText());
        WebElement volume = driver.findElement(By.cssSelector(".fact[data-fact=injectateVolumeCc] input"));
        assertTrue(volume.isDisplayed(), "the injectate volume is asked as a number");
        assertEquals("decimal", volume.getDomAttribute("inputmode"));
        assertFalse(first.findElement(By.cssSelector("[data-field=diagnosis]")).isDisplayed());

        // A number that is not one is named beside its field, in words, and nothing is sent or saved.
        driver.findElement(By.id("caseId")).sendKeys("numbers");
        new Select(first.findElement(By.cssSelector("[data-field=region]"))).selectByValue("lumbar");
        volume.sendKeys("half a cc");
        driver.findElement(By.id("check-form")).click();
        WebElement alert = waitFor(d -> d.findElement(By.cssSelector("#answer [role=alert]")));
        assertTrue(alert.getText().contains("Enter a number from 0 to 20, such as 0.5."), alert.getText());
        assertFalse(alert.getText().contains("$."), alert.getText());
        assertEquals("true", volume.getDomAttribute("aria-invalid"));
        volume.clear();
        volume.sendKeys("0.5");
        driver.findElement(By.id("check-form")).click();
        waitFor(d -> !d.findElements(By.cssSelector("#answer:not([hidden]) article.item-answer")).isEmpty()
                || !d.findElement(By.cssSelector("#answer [role=alert]")).getText().contains("Enter a number"));
        List<WebElement> left = driver.findElements(By.cssSelector("#answer [role=alert]"));
        assertTrue(left.isEmpty(), left.isEmpty() ? "" : left.get(0).getText());
        WebElement row = driver.findElement(By.cssSelector("tr[data-criterion-id='ODG-FJDB-5']"));
        assertEquals("MET", row.getDomAttribute("data-status"), "0.5 cc per joint meets ODG-FJDB-5");
    }

    @Test
    void theDraftSurvivesAReloadAndStartOverAsksFirst() {
        driver.findElement(By.id("caseId")).sendKeys("draft-1");
        WebElement first = item("1");
        new Select(first.findElement(By.cssSelector("[data-field=service]"))).selectByValue("massage_therapy");
        first.findElement(By.cssSelector("[data-field=visits]")).sendKeys("6");
        driver.navigate().refresh();
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertEquals("draft-1", driver.findElement(By.id("caseId")).getDomProperty("value"));
        first = item("1");
        assertEquals("massage_therapy", first.findElement(By.cssSelector("[data-field=service]")).getDomProperty("value"));
        assertEquals("6", first.findElement(By.cssSelector("[data-field=visits]")).getDomProperty("value"));

        driver.findElement(By.id("reset-form")).click();
        driver.switchTo().alert().dismiss();
        assertEquals("draft-1", driver.findElement(By.id("caseId")).getDomProperty("value"), "dismissed: nothing cleared");
        driver.findElement(By.id("reset-form")).click();
        assertTrue(driver.switchTo().alert().getText().startsWith("Start over?"));
        driver.switchTo().alert().accept();
        assertEquals("", driver.findElement(By.id("caseId")).getDomProperty("value"));
        driver.navigate().refresh();
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertEquals("", driver.findElement(By.id("caseId")).getDomProperty("value"), "started over: the draft is gone");
    }

    @Test
    void theFirstScreenOfTheAnswerSaysEachOutcomeAndTheOneThingToDo() throws Exception {
        for (Path seed : RunningServer.seeds()) {
            openPage();
            check(seed);
            JsonNode answer = JSON.readTree(RunningServer.cli("check", "--json", seed.toString()));
            WebElement glance = driver.findElement(By.cssSelector("[data-role=at-a-glance]"));
            Number bottom = (Number) driver.executeScript("const r = arguments[0].getBoundingClientRect(); return r.bottom;", glance);
            Number height = (Number) driver.executeScript("return window.innerHeight;");
            assertTrue(bottom.doubleValue() <= height.doubleValue(), seed + ": the summary runs past the first screen");
            for (JsonNode item : answer.get("items")) {
                WebElement line = glance.findElement(By.cssSelector("li[data-item-id='" + item.get("id").asText() + "']"));
                String text = line.getText();
                assertTrue(text.contains(wordsFor(item.get("outcome").asText())), text);
                if (item.has("decidedBy") && !item.has("primaryItem")) {
                    assertTrue(text.contains(item.get("decidedBy").get(0).get("id").asText()), seed + ": " + text);
                }
                if (item.get("outcome").asText().equals("INFORMATION_NEEDED")) {
                    assertTrue(text.contains("Ask the provider for:"), text);
                }
                if (item.get("outcome").asText().equals("CRITERIA_NOT_MET")) {
                    assertFalse(text.contains("Ask the provider"), "no documentation asked for after a stop: " + text);
                }
            }
        }
    }

    @Test
    void onAPhoneTheCriteriaAreCardsAndNothingIsCutOff() throws Exception {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        for (Path seed : RunningServer.seeds()) {
            openPage();
            check(seed);
            Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
            assertTrue(scrollWidth.intValue() <= 390, seed + ": the page is " + scrollWidth + " px wide at 390");
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) driver.executeScript(
                    "return Array.from(document.querySelectorAll('#answer *')).filter(e => e.getBoundingClientRect().right > 391)"
                            + ".map(e => e.tagName + '.' + e.className);");
            assertEquals(List.of(), wide, seed + ": elements past the right edge");
            WebElement row = driver.findElement(By.cssSelector("tr[data-criterion-id]"));
            assertEquals("block", row.getCssValue("display"), "criteria stack as cards");
            Browser.screenshot(driver, SHOTS.resolve("phone-390-seed-" + seed.getFileName().toString().substring(0, 3) + ".png"));
        }
    }

    @Test
    void printedEachItemStartsAPageAndTakesAtMostTwo() throws Exception {
        List<String> counts = new ArrayList<>();
        for (Path seed : RunningServer.seeds()) {
            openPage();
            check(seed);
            int items = driver.findElements(By.cssSelector("article.item-answer")).size();
            Browser.printMedia(driver);
            try {
                List<WebElement> articles = driver.findElements(By.cssSelector("article.item-answer"));
                for (int i = 1; i < articles.size(); i++) {
                    assertEquals("page", articles.get(i).getCssValue("break-before"), seed + ": item " + (i + 1) + " starts a new page");
                }
            } finally {
                Browser.screenMedia(driver);
            }
            Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", 8.5, "paperHeight", 11.0));
            byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
            String name = seed.getFileName().toString().substring(0, 3);
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve("print-seed-" + name + ".pdf"), bytes);
            int pages = pageCount(bytes);
            counts.add(name + ": " + pages + " pages for " + items + " items");
            assertTrue(pages >= items, seed + ": " + pages + " pages for " + items + " items, each on its own page");
            assertTrue(pages <= 2 * items, seed + ": " + pages + " pages for " + items + " items (at most two each)");
        }
        Files.writeString(SHOTS.resolve("print-page-counts.txt"), String.join("\n", counts) + "\n");
    }

    /** Pages in a PDF: its page objects ("/Type /Page", not "/Pages"). */
    static int pageCount(byte[] pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String wordsFor(String outcome) {
        return switch (outcome) {
            case "CRITERIA_MET" -> "Criteria met";
            case "CRITERIA_NOT_MET" -> "Criteria not met";
            case "INFORMATION_NEEDED" -> "Information needed";
            default -> "Not covered by these guidelines";
        };
    }

    private static boolean visibleFact(String key) {
        return driver.findElement(By.cssSelector(".fact[data-fact='" + key + "']")).isDisplayed();
    }

    private static void check(Path seed) {
        driver.findElement(By.cssSelector("#file-panel summary")).click();
        driver.findElement(By.id("case-file-input")).sendKeys(seed.toAbsolutePath().toString());
        waitFor(d -> d.findElement(By.id("case-file-status")).getText().startsWith("Read "));
        driver.findElement(By.id("check-json")).click();
        waitForAnswerOrAlert();
        List<WebElement> alerts = driver.findElements(By.cssSelector("#answer [role=alert]"));
        if (!alerts.isEmpty()) {
            fail(seed + ": " + alerts.get(0).getText());
        }
    }

    private static WebElement item(String id) {
        return driver.findElement(By.cssSelector("#items .item[data-item-id='" + id + "']"));
    }

    private static void waitForAnswerOrAlert() {
        waitFor(d -> !d.findElements(By.cssSelector("#answer:not([hidden]) article.item-answer")).isEmpty()
                || !d.findElements(By.cssSelector("#answer:not([hidden]) [role=alert]")).isEmpty());
    }

    private static <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(condition);
    }
}
