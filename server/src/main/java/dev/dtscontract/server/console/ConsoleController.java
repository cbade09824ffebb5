package dev.dtscontract.server.console;

import dev.dtscontract.server.console.api.AbstractConsoleController;
import dev.dtscontract.server.control.ControlController;
import dev.dtscontract.server.control.JournalQuery;
import dev.dtscontract.server.control.model.JournalEntry;
import dev.dtscontract.spec.SpecContract;
import io.micronaut.http.annotation.Controller;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Implements the generated console interface (spec EmulatorConsole.yaml): pages rendered from the test-control API's own
 * views (jobs, state, journal), so the console shows exactly what the control API answers, secrets masked alike.
 */
@Controller
public final class ConsoleController extends AbstractConsoleController {

    private static final int SHOWN = 200;

    private final ControlController control;
    private final ConsoleToken token;
    private final Clock clock;
    private final WebjarFiles swaggerUi = new WebjarFiles("swagger-ui");
    // The spec does not change while the emulator runs: its page and text are made once, on first request (not at start).
    private volatile String reference;
    private volatile String spec;

    ConsoleController(ControlController control, ConsoleToken token, Clock clock) {
        this.control = control;
        this.token = token;
        this.clock = clock;
    }

    @Override
    public String consoleHome() {
        return Html.page("Console", "", "<ul><li><a href=\"/_emulator/console/reference\">API reference</a>: the spec, its rules "
                + "and error catalogue</li><li><a href=\"/_emulator/console/requests\">Requests</a>: what the emulator was sent and "
                + "what it decided, live</li><li><a href=\"/_emulator/console/jobs\">Jobs</a>: the state, the changes applied, and "
                + "a reset to the seed</li></ul>");
    }

    @Override
    public String consoleReference() {
        String page = reference;
        return page != null ? page : (reference = ReferencePage.render());
    }

    @Override
    public String consoleSpec() {
        String text = spec;
        return text != null ? text : (spec = SpecContract.text());
    }

    @Override
    public String consoleScript(String file) {
        return swaggerUi.text(file, ".js");
    }

    @Override
    public String consoleStyle(String file) {
        return swaggerUi.text(file, ".css");
    }

    @Override
    public String consoleRequests(String job, String code, String caller) {
        dev.dtscontract.server.control.model.Journal journal = control.journal(JournalQuery.newest(10_000).dtsJobId(blank(job) ? null : job));
        List<JournalEntry> shown = journal.getEntries().stream().filter(e -> RequestsPage.matches(e, code, caller)).limit(SHOWN).toList();
        return RequestsPage.list(shown, journal.getRecorded(), job, code, caller);
    }

    @Override
    public String consoleRequest(String requestId) {
        return control.journal(JournalQuery.newest(10_000)).getEntries().stream()
                .filter(e -> e.getRequestId().equals(requestId)).findFirst().map(RequestsPage::one)
                .orElseThrow(() -> ConsoleRefusal.notFound("No request " + requestId + " in the journal (it keeps the last "
                        + control.journal(JournalQuery.newest(1)).getCapacity() + ")."));
    }

    @Override
    public String consoleJobs() {
        return JobsPage.of(control.listJobs(), control.state(), null, token.value());
    }

    @Override
    public String consoleReset(String action, String presented) {
        if (!token.matches(presented)) { // K-TOKEN: only the form of a page this emulator served
            throw ConsoleRefusal.forbidden("This reset form does not come from a page of this emulator (its token is "
                    + (presented == null ? "missing" : "wrong") + "): open the Jobs page and press its button.");
        }
        if (!"reset".equals(action)) { // only the reset button's form, never a reset by accident
            throw ConsoleRefusal.badRequest("The jobs page takes action=reset only, not action=" + action + ".");
        }
        control.reset();
        return JobsPage.of(control.listJobs(), control.state(), "Reset to the seed at "
                + LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " UTC.", token.value());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
