package dev.dtscontract.console;

import com.sun.net.httpserver.HttpServer;
import dev.dtscontract.server.EmbeddedEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of the issue "Safe on a developer's machine", made by a real browser (headless Chromium): a page of another
 * site posts the console's reset form and sends the control API cross-site requests of every kind a page may send
 * without asking, and tries to read the journal; a name re-pointed at 127.0.0.1 (DNS rebinding, by Chromium's own
 * host-resolver rules) opens the console and the journal. None of it reads or changes anything.
 */
class AnotherSitesPageIT {

    private static EmbeddedEmulator emulator;
    private static HttpServer evil;
    private static WebDriver browser;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The other site's page: a form aimed at the reset button, and fetches of every simple kind, then a read. */
    private static String attack(URI target) {
        return """
                <!DOCTYPE html><html><body><p id="read">pending</p>
                <iframe name="sink" style="display:none"></iframe>
                <form id="reset" method="post" action="TARGET/_emulator/console/jobs" target="sink">
                  <input type="hidden" name="action" value="reset"></form>
                <script>
                document.getElementById('reset').submit();
                const t = 'TARGET';
                fetch(t + '/_emulator/reset', {method: 'POST', mode: 'no-cors'});
                fetch(t + '/_emulator/reset', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'}, body: 'x'});
                fetch(t + '/_emulator/clock', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'},
                    body: '{"seconds": 31536000}'});
                const form = new FormData(); form.append('kind', 'ERROR');
                fetch(t + '/_emulator/faults', {method: 'POST', mode: 'no-cors', body: form});
                fetch(t + '/_emulator/journal', {method: 'DELETE', mode: 'no-cors'});
                fetch(t + '/_emulator/journal').then(r => r.text()).then(
                    text => { document.getElementById('read').textContent = 'READ ' + text; },
                    () => { document.getElementById('read').textContent = 'blocked'; });
                </script></body></html>
                """.replace("TARGET", target.toString());
    }

    @BeforeAll
    static void start() throws IOException {
        emulator = EmbeddedEmulator.start(Map.of());
        evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", exchange -> {
            byte[] page = attack(emulator.url()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        evil.start();
        // Another site's names, resolved to this machine: evil.example serves the attack; rebound.example is DNS rebinding.
        browser = Chromium.start("--host-resolver-rules=MAP evil.example 127.0.0.1, MAP rebound.example 127.0.0.1");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (evil != null) evil.stop(0);
        if (emulator != null) emulator.close();
    }

    private static String control(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(emulator.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anotherSitesPage_readsNothing_andChangesNothing() throws Exception {
        // Something a reset or a cleared journal would remove: a request in the journal.
        HTTP.send(HttpRequest.newBuilder(emulator.url().resolve("/?Action=ModifyDtsJobEndpoint")).build(), HttpResponse.BodyHandlers.ofString());
        String journal = control("/_emulator/journal");
        assertTrue(journal.contains("\"recorded\":1"), journal);

        browser.get("http://evil.example:" + evil.getAddress().getPort() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.not(
                ExpectedConditions.textToBe(By.id("read"), "pending")));
        assertEquals("blocked", browser.findElement(By.id("read")).getText(), "the other site read the journal");
        Thread.sleep(1000); // the form and the fire-and-forget fetches have been sent by now; give them time to land

        assertEquals(journal.replaceAll("\"time\":\"[^\"]+\"", ""), control("/_emulator/journal").replaceAll("\"time\":\"[^\"]+\"", ""),
                "the journal was reset or cleared");
        assertTrue(control("/_emulator/clock").contains("\"advancedSeconds\":0"), "the clock moved");
        assertEquals("[]", control("/_emulator/faults"), "a fault was planted");
    }

    @Test
    void aRenamedEmulator_dnsRebinding_showsTheBrowserNothing() {
        String rebound = "http://rebound.example:" + emulator.url().getPort();
        browser.get(rebound + "/_emulator/journal");
        String body = browser.findElement(By.tagName("body")).getText();
        assertTrue(body.contains("\"code\":\"Forbidden\"") && body.contains("The Host 'rebound.example:"), body);
        browser.get(rebound + "/_emulator/console/jobs");
        body = browser.findElement(By.tagName("body")).getText();
        assertTrue(body.contains("\"code\":\"Forbidden\"") && !body.contains("Reset to the seed"), body);
    }
}
