package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (headless Chromium from the OS): a person fills the form for seed 002 and sees the
 * non-radicular criterion not met; uploads each seed and sees what the command line decides; gets field errors
 * beside the fields; can do it all by keyboard. Screenshots go to target/browser/.
 */
class PageInBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target/browser");
    private static final Map<String, String> DETERMINATION_WORDS = Map.of(
            "MEDICALLY_NECESSARY", "Medically necessary",
            "NOT_MEDICALLY_NECESSARY", "Not medically necessary",
            "NOT_COVERED", "Not covered by these guidelines");
    private static final Map<String, String> OUTCOME_WORDS = Map.of(
            "CRITERIA_MET", "Criteria met", "CRITERIA_NOT_MET", "Criteria not met",
            "INFORMATION_NEEDED", "Information needed", "NOT_COVERED", "Not covered by these guidelines");
    private static final Map<String, String> STATUS_WORDS = Map.of(
            "MET", "Met", "NOT_MET", "Not met", "NOT_DOCUMENTED", "Not documented", "NOT_APPLICABLE", "Not applicable");

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
        // Each test starts from an empty form: the draft of the one before is kept in this tab's storage.
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @Test
    void fillingTheFormForSeed002ShowsTheNonRadicularCriterionNotMet() throws Exception {
        type(By.id("caseId"), "seed-002");
        new Select(driver.findElement(By.id("jurisdiction"))).selectByValue("california");

        WebElement first = item("1");
        type(first, "request", "Physical therapy (PT)/ Certified Massage Therapist (CMT) for the neck 1 time weekly for 4 weeks, quantity: 4 sessions");
        choose(first, "service", "massage_therapy");
        choose(first, "region", "cervical");
        type(first, "visits", "4");
        type(first, "frequency", "1 time weekly for 4 weeks");

        driver.findElement(By.id("add-item")).click();
        WebElement second = item("2");
        type(second, "request", "Medial branch block for the cervical spine");
        choose(second, "service", "diagnostic_medial_branch_block");
        choose(second, "region", "cervical");
        // The dates are asked once a chosen service's criteria read them (MTUS/ACOEM Ch. 8: acute or chronic).
        type(By.id("requestDate"), "2015-04-23");
        type(By.id("injuryDate"), "2014-04-18");

        fact("clinical-facts", "radicularSymptoms", "present", "numbness and tingling down both arms to hands, right greater than left");
        fact("clinical-facts", "painfulOrLimitedExtensionRotation", "present", "decreased cervical spine range of motion");

        driver.findElement(By.id("add-care")).click();
        WebElement pt = driver.findElements(By.cssSelector("#care-rows .care")).get(0);
        choose(pt, "modality", "physical_therapy");
        choose(pt, "response", "failed");
        type(pt, "note", "there had not been much improvement with the treatments provided");
        driver.findElement(By.id("add-care")).click();
        WebElement meds = driver.findElements(By.cssSelector("#care-rows .care")).get(1);
        choose(meds, "modality", "other_medication");
        choose(meds, "response", "failed");
        type(meds, "note", "there had not been much improvement with the treatments provided");

        driver.findElement(By.id("add-procedure")).click();
        WebElement tpi = driver.findElement(By.cssSelector("#procedure-rows .procedure"));
        choose(tpi, "type", "trigger_point_injection");
        type(tpi, "note", "Treatments have included ... trigger point injections");

        fact("plan-facts", "activeTherapy", "absent", "In this case, there is no adjunctive treatment being planned.");
        Browser.screenshot(driver, SHOTS.resolve("seed-002-form.png"));

        driver.findElement(By.id("check-form")).click();
        waitForAnswer();

        WebElement row = driver.findElement(By.cssSelector(
                "article.item-answer[data-item-id='2'] tr[data-criterion-id='ODG-FJDB-2A']"));
        assertEquals("NOT_MET", row.getDomAttribute("data-status"));
        assertTrue(row.getText().contains("Not met"), row.getText());
        assertTrue(row.getText().contains("non-radicular"), row.getText());
        WebElement item2 = driver.findElement(By.cssSelector("article.item-answer[data-item-id='2']"));
        assertTrue(item2.getText().contains("Criteria not met"), item2.getText());
        assertTrue(item2.getText().contains("What to do: Refer to a physician reviewer: ODG-FJDB-2A is not met."), item2.getText());
        assertTrue(item2.getText().contains("Not medically necessary"), item2.getText());
        assertTrue(item2.getText().contains("denial upheld"), item2.getText());
        assertTrue(item2.getText().contains("ODG"), item2.getText());
        assertTrue(item2.findElement(By.cssSelector(".checklist")).getText().contains("joint levels"),
                "the checklist asks for the levels the request leaves out");

        // The form said what seed 002 says: the page decides as the command line does on the seed file.
        Path seed = Path.of("fixtures/seeds/002-massage-and-cervical-medial-branch-block.json");
        assertEquals(cliDecisions(seed), pageDecisions());
        Browser.screenshot(driver, SHOTS.resolve("seed-002-answer.png"));
        Browser.printMedia(driver);
        try {
            assertEquals("none", driver.findElement(By.id("input-section")).getCssValue("display"), "the form does not print");
            Browser.screenshot(driver, SHOTS.resolve("seed-002-print.png"));
        } finally {
            Browser.screenMedia(driver);
        }
    }

    @Test
    void uploadingEachSeedShowsWhatTheCommandLineDecides() throws Exception {
        for (Path seed : RunningServer.seeds()) {
            openPage();
            upload(seed);
            driver.findElement(By.id("check-json")).click();
            waitForAnswer();
            assertEquals(cliDecisions(seed), pageDecisions(), seed.toString());
            assertHumanWords();
            String name = seed.getFileName().toString().substring(0, 3);
            Browser.screenshot(driver, SHOTS.resolve("upload-seed-" + name + ".png"));
        }
    }

    @Test
    void aCaseFileLoadedIntoTheFormChecksTheSame() throws Exception {
        for (Path seed : RunningServer.seeds()) {
            openPage();
            upload(seed);
            driver.findElement(By.id("load-json")).click();
            waitFor(d -> !d.findElement(By.id("caseId")).getDomProperty("value").isEmpty());
            driver.findElement(By.id("check-form")).click();
            waitForAnswer();
            assertEquals(cliDecisions(seed), pageDecisions(), seed + " through the form");
            if (seed.getFileName().toString().startsWith("004")) {
                Browser.screenshot(driver, SHOTS.resolve("seed-004-loaded-into-form.png"));
            }
        }
    }

    @Test
    void fieldProblemsAreShownBesideTheirFields() throws Exception {
        WebElement first = item("1");
        choose(first, "service", "diagnostic_medial_branch_block");
        choose(first, "region", "cervical");
        type(first, "levels", "C9-C10");
        driver.findElement(By.id("check-form")).click();
        WebElement alert = waitFor(d -> d.findElement(By.cssSelector("#answer [role=alert]")));
        assertTrue(alert.getText().contains("Case or claim reference: Give a case or claim reference."), alert.getText());
        assertTrue(!alert.getText().contains("$."), "the form's errors name its fields, not JSON paths: " + alert.getText());
        assertEquals("true", driver.findElement(By.id("caseId")).getDomAttribute("aria-invalid"));

        type(By.id("caseId"), "errors-demo");
        driver.findElement(By.id("check-form")).click();
        waitFor(d -> d.findElement(By.cssSelector("#answer [role=alert]")).getText().contains("Item 1 \u00b7 Levels:"));
        assertTrue(!driver.findElement(By.cssSelector("#answer [role=alert]")).getText().contains("$."),
                driver.findElement(By.cssSelector("#answer [role=alert]")).getText());
        WebElement levels = first.findElement(By.cssSelector("[data-field=levels]"));
        assertEquals("true", levels.getDomAttribute("aria-invalid"));
        String describedBy = levels.getDomAttribute("aria-describedby");
        String message = driver.findElement(By.id(describedBy.substring(describedBy.lastIndexOf(' ') + 1))).getText();
        assertTrue(message.contains("not a facet level"), message);
        assertTrue(driver.findElement(By.id("caseId")).getDomAttribute("aria-invalid") == null, "the fixed field is no longer marked");
        Browser.screenshot(driver, SHOTS.resolve("form-errors.png"));
    }

    @Test
    void everyControlHasALabel() {
        choose(item("1"), "service", "diagnostic_medial_branch_block");
        driver.findElement(By.id("add-item")).click();
        choose(item("2"), "service", "facet_radiofrequency_neurotomy");
        driver.findElement(By.id("add-care")).click();
        driver.findElement(By.id("add-procedure")).click();
        driver.findElement(By.cssSelector("#file-panel summary")).click();
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('input, select, textarea, button'))"
                        + ".filter(c => !(c.labels && c.labels.length && c.labels[0].textContent.trim())"
                        + "  && !c.getAttribute('aria-label') && !(c.tagName === 'BUTTON' && c.textContent.trim()))"
                        + ".map(c => c.outerHTML.slice(0, 120));");
        assertEquals(List.of(), unlabelled);
        @SuppressWarnings("unchecked")
        List<String> ungrouped = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('input[type=radio]'))"
                        + ".filter(r => !(r.closest('fieldset') && r.closest('fieldset').querySelector('legend').textContent.trim()))"
                        + ".map(r => r.name);");
        assertEquals(List.of(), ungrouped, "each yes/no/not documented group is a fieldset with a legend");
        // Every fact the published schema has is a question on the form.
        @SuppressWarnings("unchecked")
        List<String> facts = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('.fact')).filter(f => f.offsetParent).map(f => f.dataset.fact);");
        for (String fact : List.of("radicularSymptoms", "radiculopathyOnElectrodiagnostics", "priorFusion",
                "surgeryPlanned", "facetTenderness", "axialPain", "painfulOrLimitedExtensionRotation", "imagingFacetFindings",
                "extremeAnxiety", "activeTherapy", "sedation", "workStatusImproved", "adlImproved", "medicationReduced",
                "painScaleRecorded", "injectateVolumeCc")) {
            assertTrue(facts.contains(fact), fact + " has no question on the form");
        }
    }

    @Test
    void theWholeCheckCanBeDoneByKeyboard() throws Exception {
        WebElement body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertEquals("skip-link", active().getDomAttribute("class"), "the first Tab reaches the skip link");
        active().sendKeys(Keys.ENTER);
        tabTo(e -> "caseId".equals(e.getDomAttribute("id"))).sendKeys("keyboard-1");
        tabTo(e -> "jurisdiction".equals(e.getDomAttribute("id"))).sendKeys("Texas");
        tabTo(e -> "service".equals(e.getDomAttribute("data-field"))).sendKeys("Diagnostic");
        tabTo(e -> "region".equals(e.getDomAttribute("data-field"))).sendKeys("Lumbar");
        tabTo(e -> "levels".equals(e.getDomAttribute("data-field"))).sendKeys("L4-5");
        WebElement radio = tabTo(e -> "radio".equals(e.getDomAttribute("type")));
        assertEquals("", radio.getDomAttribute("value"), "Tab lands on the checked choice: not documented");
        radio.sendKeys(Keys.ARROW_LEFT);
        WebElement no = active();
        assertEquals("absent", no.getDomAttribute("value"));
        assertTrue(no.isSelected(), "arrow keys choose within the group");
        tabTo(e -> "check-form".equals(e.getDomAttribute("id"))).sendKeys(Keys.ENTER);
        waitForAnswer();
        assertEquals("answer", active().getDomAttribute("id"), "focus moves to the answer");
        WebElement row = driver.findElement(By.cssSelector("article.item-answer[data-item-id='1'] tr[data-criterion-id='ODG-FJDB-2A']"));
        assertEquals("MET", row.getDomAttribute("data-status"), "radicular symptoms documented absent: non-radicular is met");
        tabTo(e -> "print-answer".equals(e.getDomAttribute("id")));
        tabTo(e -> "download-answer".equals(e.getDomAttribute("id")));
        Browser.screenshot(driver, SHOTS.resolve("keyboard-answer.png"));
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void pastingANoteFillsTheFormAndShowsEachQuote() throws Exception {
        // issue 10: paste a progress note, the form fills, each filled field shows its sentence, and the rest says so
        WebElement box = driver.findElement(By.id("note-text"));
        box.sendKeys(Files.readString(Path.of("fixtures/notes/01-lumbar-mbb-classic.txt")));
        driver.findElement(By.id("read-note")).click();
        waitFor(d -> !d.findElements(By.cssSelector("#note-status .note-summary")).isEmpty());
        WebElement first = item("1");
        assertEquals("diagnostic_medial_branch_block", new Select(first.findElement(By.cssSelector("[data-field=service]")))
                .getFirstSelectedOption().getDomAttribute("value"));
        assertEquals("L4-5, L5-S1", first.findElement(By.cssSelector("[data-field=levels]")).getDomProperty("value"));
        WebElement levelsQuote = first.findElement(By.cssSelector(".quote[data-quote-for='$.items[0].levels']"));
        assertTrue(levelsQuote.getText().contains("Request bilateral L4-5, L5-S1 medial branch blocks under fluoroscopy."),
                levelsQuote.getText());
        WebElement axial = driver.findElement(By.cssSelector("#clinical-facts .fact[data-fact='axialPain']"));
        assertTrue(axial.findElement(By.cssSelector("input[value='present']")).isSelected(), "axial pain: yes");
        assertTrue(axial.findElement(By.cssSelector(".quote")).getText().contains("axial low back pain"), axial.getText());
        WebElement radicular = driver.findElement(By.cssSelector("#clinical-facts .fact[data-fact='radicularSymptoms']"));
        assertTrue(radicular.findElement(By.cssSelector("input[value='absent']")).isSelected(), "radicular: no (denies, - SLR)");
        assertTrue(driver.findElement(By.cssSelector("#note-status .not-found")).getText().contains("$.clinical.spinalStenosis"),
                "what the note does not say is listed as not found");
        Browser.screenshot(driver, SHOTS.resolve("note-read-into-form.png"));

        driver.findElement(By.id("check-form")).click();
        waitForAnswer();
        assertEquals("MEDICALLY_NECESSARY", pageDecisions().get("1").get("determination"),
                "the note documents every criterion the rules decide on: " + pageDecisions());
    }

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element matches; fails when 300 presses do not get there. */
    private static WebElement tabTo(Predicate<WebElement> target) {
        for (int i = 0; i < 300; i++) {
            WebElement a = active();
            if (target.test(a)) {
                return a;
            }
            a.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached the control; stuck at " + active().getAttribute("outerHTML"));
    }

    private static WebElement item(String id) {
        return driver.findElement(By.cssSelector("#items .item[data-item-id='" + id + "']"));
    }

    private static void type(By by, String text) {
        WebElement e = driver.findElement(by);
        e.clear();
        e.sendKeys(text);
    }

    private static void type(WebElement scope, String field, String text) {
        WebElement e = scope.findElement(By.cssSelector("[data-field='" + field + "']"));
        assertTrue(e.isDisplayed(), field + " is shown for this service");
        e.clear();
        e.sendKeys(text);
    }

    private static void choose(WebElement scope, String field, String value) {
        WebElement e = scope.findElement(By.cssSelector("[data-field='" + field + "']"));
        assertTrue(e.isDisplayed(), field + " is shown for this service");
        new Select(e).selectByValue(value);
    }

    /** Answers a yes / no / not documented question the way a person does: by clicking the choice's label. */
    private static void fact(String container, String fact, String status, String note) {
        WebElement row = driver.findElement(By.cssSelector("#" + container + " .fact[data-fact='" + fact + "']"));
        row.findElement(By.cssSelector("input[value='" + status + "'] + label")).click();
        assertTrue(row.findElement(By.cssSelector("input[value='" + status + "']")).isSelected());
        WebElement n = row.findElement(By.cssSelector("[data-field=note]"));
        n.sendKeys(note);
    }

    private static void upload(Path seed) {
        driver.findElement(By.cssSelector("#file-panel summary")).click();
        driver.findElement(By.id("case-file-input")).sendKeys(seed.toAbsolutePath().toString());
        waitFor(d -> d.findElement(By.id("case-file-status")).getText().startsWith("Read "));
    }

    private static void waitForAnswer() {
        waitFor(d -> !d.findElements(By.cssSelector("#answer:not([hidden]) article.item-answer")).isEmpty()
                || !d.findElements(By.cssSelector("#answer:not([hidden]) [role=alert]")).isEmpty());
        List<WebElement> alerts = driver.findElements(By.cssSelector("#answer [role=alert]"));
        if (!alerts.isEmpty()) {
            fail("the page shows a problem instead of an answer: " + alerts.get(0).getText());
        }
    }

    private static <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        // The answer area is rebuilt on each check: an element read while it is replaced is read again.
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Per item on the page: its determination and each criterion's status. */
    private static Map<String, Map<String, String>> pageDecisions() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (WebElement article : driver.findElements(By.cssSelector("article.item-answer"))) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("determination", article.getDomAttribute("data-determination"));
            for (WebElement row : article.findElements(By.cssSelector("tr[data-criterion-id]"))) {
                d.put(row.getDomAttribute("data-criterion-id"), row.getDomAttribute("data-status"));
            }
            out.put(article.getDomAttribute("data-item-id"), d);
        }
        return out;
    }

    private static Map<String, Map<String, String>> cliDecisions(Path seed) throws Exception {
        JsonNode answer = JSON.readTree(RunningServer.cli("check", "--json", seed.toString()));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (JsonNode item : answer.get("items")) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("determination", item.get("determination").asText());
            item.get("criteria").forEach(c -> d.put(c.get("id").asText(), c.get("status").asText()));
            out.put(item.get("id").asText(), d);
        }
        return out;
    }

    /** What a nurse reads is words, not codes: each item's verdict and each criterion's status in plain English. */
    private static void assertHumanWords() {
        for (WebElement article : driver.findElements(By.cssSelector("article.item-answer"))) {
            String determination = article.getDomAttribute("data-determination");
            assertEquals(OUTCOME_WORDS.get(article.getDomAttribute("data-outcome")),
                    article.findElement(By.cssSelector("[data-role=outcome]")).getText());
            for (WebElement d : article.findElements(By.cssSelector("[data-role=determination]"))) {
                assertEquals(DETERMINATION_WORDS.get(determination), d.getText());
            }
            for (WebElement row : article.findElements(By.cssSelector("tr[data-criterion-id]"))) {
                String words = STATUS_WORDS.get(row.getDomAttribute("data-status"));
                assertTrue(row.findElement(By.cssSelector(".status")).getText().endsWith(words), row.getText());
            }
        }
    }
}
