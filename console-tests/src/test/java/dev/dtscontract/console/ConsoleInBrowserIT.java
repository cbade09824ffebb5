package dev.dtscontract.console;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.server.EmbeddedEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver), as a person uses it: the reference renders
 * the spec with its rules and catalogue; a request sent through the client appears in Requests by itself, with its code
 * and rule, and opens on its parameters (secrets masked) and answer; the Jobs page shows an applied change and its reset
 * button puts the seed back. A screenshot of each page lands in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInBrowserIT {

    private static final String JOB = "m4312mab158****";
    private static EmbeddedEmulator emulator;
    private static WebDriver browser;
    private static DtsClient client;

    @BeforeAll
    static void start() throws IOException {
        emulator = EmbeddedEmulator.start(Map.of());
        client = DtsClient.builder().endpoint(emulator.url())
                .credentials(Credentials.of("LTAI5tDemoAccessKey0001", "DemoSecretForLocalUseOnly0001")).build();
        browser = Chromium.start("--window-size=1400,1000");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (client != null) client.close();
        if (emulator != null) emulator.close();
    }

    private static String page(String path) {
        browser.get(emulator.url() + "/_emulator/console/" + path);
        return browser.getTitle();
    }

    private static WebElement await(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void reference_rendersTheSpecWithItsExamples_rulesAndCatalogue() throws IOException {
        assertEquals("API reference · DTS emulator", page("reference"));
        assertTrue(await(By.cssSelector("#swagger-ui .info .title")).getText().contains("ModifyDtsJobEndpoint"));
        WebElement get = await(By.cssSelector("#swagger-ui .opblock-get"));
        get.findElement(By.cssSelector(".opblock-summary")).click(); // open the GET operation: its examples show
        assertTrue(await(By.cssSelector("#swagger-ui .opblock-get .responses-wrapper")).getText().contains("200"));
        WebElement rules = browser.findElement(By.cssSelector("table[aria-label=Rules]"));
        assertTrue(rules.findElement(By.id("rule-R-REQUIRED")).getText().contains("MissingParameter"), rules.getText());
        assertTrue(browser.findElement(By.cssSelector("table[aria-label='Error catalogue']")).getText()
                .contains("SignatureDoesNotMatch 400"));
        screenshot("reference");
    }

    @Test
    @Order(2)
    void requests_showARequestSentThroughTheClient_live_andOpenOnItsParametersAndAnswer() throws IOException {
        assertEquals("Requests · DTS emulator", page("requests"));
        await(By.id("live"));
        DtsClientException refused = assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(
                new ModifyDtsJobEndpointRequest().dtsJobId("jnosuchjob00001").endpoint(Endpoint.SRC)
                        .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-bp1alt0mysql0002")
                        .username("dts_src").password("Browser#Secret42").dryRun(true)));
        String requestId = refused.requestId();
        // No reload: the page polls the journal and the row appears by itself.
        WebElement row = await(By.cssSelector("tr[data-request-id='" + requestId + "']"));
        String text = row.getText();
        assertTrue(browser.findElements(By.cssSelector("#entries tr")).size() == 1, "only the client's request: " + browser.findElement(By.id("entries")).getText());
        assertTrue(text.contains("V3") && text.contains("1507800203001111") && text.contains("jnosuchjob00001")
                && text.contains("InvalidDtsJobId.NotFound") && text.contains("R-JOB-EXISTS") && text.contains("404"), text);
        screenshot("requests");

        row.findElement(By.linkText(requestId)).click();
        await(By.cssSelector("table[aria-label=Parameters]"));
        String parameters = browser.findElement(By.cssSelector("table[aria-label=Parameters]")).getText();
        assertTrue(parameters.contains("Password ******"), parameters);
        String source = browser.getPageSource();
        for (String part : List.of("Browser#Secret42", "Browser#", "Secret42", "#Secr", "ret42")) {
            assertFalse(source.contains(part), "no part of the secret on the page: " + part);
        }
        assertTrue(parameters.contains("EndpointInstanceId rm-bp1alt0mysql0002"), parameters);
        String answer = browser.findElement(By.cssSelector("pre[aria-label=Answer]")).getText();
        assertTrue(answer.contains("\"Code\":\"InvalidDtsJobId.NotFound\"") && answer.contains(requestId), answer);
        screenshot("request");

        page("requests?code=OK");
        assertTrue(browser.findElements(By.cssSelector("tr[data-request-id='" + requestId + "']")).isEmpty(), "filtered out by code");
    }

    @Test
    @Order(3)
    void jobs_showAnAppliedChange_andTheResetButtonPutsTheSeedBack() throws IOException {
        client.modifyDtsJobEndpoint(new ModifyDtsJobEndpointRequest().dtsJobId(JOB).endpoint(Endpoint.SRC)
                .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-bp1alt0mysql0002"));
        assertEquals("Jobs · DTS emulator", page("jobs"));
        WebElement job = await(By.id("job-" + JOB));
        assertEquals("2", job.findElement(By.className("version")).getText());
        assertTrue(job.getText().contains("rm-bp1alt0mysql0002") && job.getText().contains("rm-bp1src0mysql0001 → rm-bp1alt0mysql0002"),
                job.getText());
        assertEquals("2026-11-24T07:59:50Z", job.findElements(By.tagName("td")).get(6).getText(), "checkpoint rolled back 10 s");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", job);
        screenshot("jobs");

        browser.findElement(By.cssSelector("button[aria-label='Reset to the seed']")).click();
        await(By.cssSelector("[role=status]"));
        WebElement reset = browser.findElement(By.id("job-" + JOB));
        assertEquals("1", reset.findElement(By.className("version")).getText());
        assertTrue(reset.getText().contains("rm-bp1src0mysql0001") && !reset.getText().contains("rm-bp1alt0mysql0002"), reset.getText());
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Reset to the seed at "));
        List<WebElement> rows = browser.findElements(By.cssSelector("table[aria-label=Jobs] tbody tr"));
        assertFalse(rows.isEmpty());
        screenshot("jobs-after-reset");
    }
}
