package dev.dtscontract.server.control;

import dev.dtscontract.server.faults.Faults;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.control.api.AbstractControlController;
import dev.dtscontract.server.control.model.Account;
import dev.dtscontract.server.control.model.Fault;
import dev.dtscontract.server.control.model.FaultKind;
import dev.dtscontract.server.control.model.FaultRequest;
import dev.dtscontract.server.control.model.EmulatorTime;
import dev.dtscontract.server.control.model.Health;
import dev.dtscontract.server.control.model.Instance;
import dev.dtscontract.server.control.model.Job;
import dev.dtscontract.server.control.model.JobView;
import dev.dtscontract.server.control.model.Journal;
import dev.dtscontract.server.control.model.Outcome;
import dev.dtscontract.server.control.model.State;
import dev.dtscontract.server.control.model.TimeAdvance;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedException;
import dev.dtscontract.server.seed.SeedLoader;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Implements the generated test-control interface (spec EmulatorControl.yaml). Documents sent to it (a seed, a job,
 * an instance, an account) are read from the request body by {@link SeedLoader}, the one reader of the seed format, so
 * an entity sent on its own is checked exactly like a seed entry and errors name their position; the typed arguments
 * Micronaut binds from the same body are not used.
 */
@Controller
public final class ControlController extends AbstractControlController {

    private static final String BODY = "request body";
    private static final Set<String> FAULT_KEYS = Set.of("kind", "errorCode", "latencyMs", "times", "action", "dtsJobId");
    /** TimeAdvance.seconds' maximum in the spec. */
    private static final long MAX_ADVANCE_SECONDS = 31_536_000L;

    private final EmulatorState state;
    private final dev.dtscontract.server.journal.Journal journal;
    private final JobHistory history;
    private final Faults faults;
    private final EmulatorClock clock;

    private final JsonMapper json;

    public ControlController(EmulatorState state, dev.dtscontract.server.journal.Journal journal, JobHistory history, Faults faults,
                             EmulatorClock clock, JsonMapper json) {
        this.json = json;
        this.clock = clock;
        this.state = state;
        this.journal = journal;
        this.history = history;
        this.faults = faults;
    }

    @Override
    public Health health() {
        return new Health(Health.StatusEnum.UP, true).jobs(state.jobs().all().size());
    }

    @Override
    public State reset() {
        state.reset();
        return state();
    }

    @Override
    public State loadSeed(String ignored) {
        Seed seed;
        try {
            seed = SeedLoader.parse(body(), BODY);
        } catch (SeedException e) {
            throw ControlViolation.invalidSeed(e);
        }
        state.load(seed);
        return state();
    }

    @Override
    public State state() {
        return ControlViews.state(state);
    }

    @Override
    public List<JobView> listJobs() {
        return state.jobs().all().stream().sorted(Comparator.comparing(DtsJob::dtsJobId))
                .map(job -> ControlViews.job(job, history.of(job.dtsJobId()), clock.instant())).toList();
    }

    @Override
    public JobView getJob(String dtsJobId) {
        DtsJob job = state.jobs().findByJobId(dtsJobId).orElseThrow(() -> ControlViolation.notFound("no job " + dtsJobId));
        return ControlViews.job(job, history.of(dtsJobId), clock.instant());
    }

    @Override
    public JobView putJob(String dtsJobId, Job ignored) {
        DtsJob job = entity(() -> SeedLoader.job(body(), BODY));
        requireSameId("dtsJobId", dtsJobId, job.dtsJobId());
        try {
            state.put(job);
        } catch (IllegalArgumentException e) { // its DtsInstanceId belongs to another job
            throw ControlViolation.invalidEntity(e.getMessage());
        }
        return getJob(dtsJobId);
    }

    @Override
    public List<Instance> listInstances() {
        return state.instances().all().stream().map(ControlViews::instance).toList();
    }

    @Override
    public Instance putInstance(String instanceId, Instance ignored) {
        DatabaseInstance instance = entity(() -> SeedLoader.instance(body(), BODY));
        requireSameId("id", instanceId, instance.id());
        state.put(instance);
        return ControlViews.instance(instance);
    }

    @Override
    public List<Account> listAccounts() {
        return state.accounts().all().stream().map(ControlViews::account).toList();
    }

    @Override
    public Account putAccount(String accountId, Account ignored) {
        Accounts.Account account = entity(() -> SeedLoader.account(body(), BODY));
        requireSameId("id", accountId, account.id());
        try {
            state.put(account);
        } catch (IllegalArgumentException e) { // one of its AccessKey ids belongs to another account
            throw ControlViolation.invalidEntity(e.getMessage());
        }
        return ControlViews.account(account);
    }

    @Override
    public Account putAccessKey(String accountId, String accessKeyId, dev.dtscontract.server.control.model.AccessKey ignored) {
        dev.dtscontract.server.auth.AccessKey key = entity(() -> SeedLoader.accessKey(body(), BODY, accountId));
        requireSameId("id", accessKeyId, key.id());
        try {
            return ControlViews.account(state.put(key));
        } catch (IllegalArgumentException e) { // the id belongs to another account
            throw ControlViolation.invalidEntity(e.getMessage());
        }
    }

    @Override
    public Journal journal(String action, String dtsJobId, String code, Outcome outcome, String sinceText, Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 10_000) {
            throw ControlViolation.invalidParameter("limit must be between 1 and 10000, not " + max);
        }
        Instant since;
        try {
            since = sinceText == null ? null : Instant.parse(sinceText);
        } catch (DateTimeParseException e) {
            throw ControlViolation.invalidParameter("since must be an instant like 2026-11-24T08:00:00Z");
        }
        return journal(JournalQuery.newest(max).action(action).dtsJobId(dtsJobId).code(code).outcome(outcome).since(since));
    }

    /** The journal's newest entries that a query selects, each value of the query given by name. */
    public Journal journal(JournalQuery query) {
        Predicate<dev.dtscontract.server.journal.Journal.Entry> filter = e -> (query.action() == null || query.action().equals(e.action()))
                && (query.dtsJobId() == null || query.dtsJobId().equals(e.dtsJobId()) || state.jobs().findByJobId(query.dtsJobId())
                        .map(j -> j.dtsInstanceId().equals(e.dtsInstanceId())).orElse(false))
                && (query.code() == null || query.code().equals(e.code()))
                && (query.outcome() == null || query.outcome().name().equals(e.ending().name()))
                && (query.since() == null || !e.time().isBefore(query.since()));
        Function<Object, String> asJson = dev.dtscontract.server.journal.JournalAnswer.writer(json);
        return new Journal(journal.newestFirst(filter, query.limit()).stream()
                .map(e -> ControlViews.entry(e, e.answer().map(answer -> answer.json(asJson)).orElse(null))).toList(),
                journal.recorded(), journal.capacity());
    }

    @Override
    public Journal clearJournal() {
        journal.clear();
        return new Journal(List.of(), journal.recorded(), journal.capacity());
    }

    @Override
    public List<Fault> listFaults() {
        return faults.pending().stream().map(ControlViews::fault).toList();
    }

    /**
     * The body is read here, strictly (C-INPUT): the typed argument would take 1.5 for 1 and let a key given twice
     * overwrite the first.
     */
    @Override
    public Fault addFault(FaultRequest ignored) {
        Map<String, Object> request = StrictJson.object(body(), FAULT_KEYS);
        String kindName = StrictJson.text(request, "kind");
        FaultKind kind = Arrays.stream(FaultKind.values()).filter(k -> k.getValue().equals(kindName)).findFirst()
                .orElseThrow(() -> ControlViolation.invalidEntity("kind must be one of " + Arrays.stream(FaultKind.values())
                        .map(FaultKind::getValue).toList() + " (exactly so written), not " + (kindName == null ? "missing" : ControlViolation.shown(kindName))));
        ErrorCode code = null;
        String wire = StrictJson.text(request, "errorCode");
        if (kind == FaultKind.ERROR) {
            code = Arrays.stream(ErrorCode.values()).filter(c -> c.wire().equals(wire)).findFirst()
                    .orElseThrow(() -> ControlViolation.invalidEntity("errorCode must be a code of the operation's catalogue, one of "
                            + Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).toList() + ", not "
                            + (wire == null ? "missing" : ControlViolation.shown(wire))));
        } else if (wire != null) {
            throw ControlViolation.invalidEntity("errorCode is for kind ERROR only");
        }
        Long latency = StrictJson.integer(request, "latencyMs", 0, 60_000);
        if (kind == FaultKind.LATENCY && latency == null) {
            throw ControlViolation.invalidEntity("latencyMs between 0 and 60000 is required for kind LATENCY");
        }
        Long times = StrictJson.integer(request, "times", 1, 1_000_000);
        Faults.Kind as = switch (kind) { // a kind added to the spec does not compile until it is handled
            case ERROR -> Faults.Kind.ERROR;
            case LATENCY -> Faults.Kind.LATENCY;
            case DROP_AFTER_APPLY -> Faults.Kind.DROP_AFTER_APPLY;
        };
        return ControlViews.fault(faults.add(as, code, latency == null ? 0 : latency.intValue(), times == null ? 1 : times.intValue(),
                StrictJson.text(request, "action"), StrictJson.text(request, "dtsJobId")));
    }

    @Override
    public List<Fault> clearFaults() {
        faults.clear();
        return List.of();
    }

    @Override
    public EmulatorTime clock() {
        return new EmulatorTime(clock.instant().toString(), clock.advanced().toSeconds());
    }

    /** The body is read here, strictly (the typed argument would take 1.5 for 1): one key, an integer. */
    @Override
    public EmulatorTime advanceClock(TimeAdvance ignored) {
        Map<String, Object> request;
        String body = body();
        if (StrictJson.givesAKeyTwice(body)) { // C-INPUT: never "the last one wins"
            throw ControlViolation.invalidParameter("the body must be a JSON object like {\"seconds\": 60}, each key once");
        }
        try {
            request = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException unreadable) {
            throw ControlViolation.invalidParameter("the body must be a JSON object like {\"seconds\": 60}");
        }
        if (request == null || !request.keySet().stream().allMatch("seconds"::equals)) {
            throw ControlViolation.invalidParameter("the body must be a JSON object like {\"seconds\": 60}, with no other key");
        }
        Object value = request.get("seconds");
        if (value != null && !(value instanceof Integer || value instanceof Long)) {
            throw ControlViolation.invalidParameter("seconds must be a whole number of seconds, not " + value);
        }
        Long seconds = value == null ? null : ((Number) value).longValue();
        if (seconds == null || seconds < 1 || seconds > MAX_ADVANCE_SECONDS) {
            throw ControlViolation.invalidParameter("seconds must be from 1 to " + MAX_ADVANCE_SECONDS + " (one year), not " + seconds);
        }
        try {
            state.advanceClock(Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException tooFar) {
            throw ControlViolation.invalidParameter(tooFar.getMessage() + "; it is " + clock.advanced().toSeconds() + " s ahead");
        }
        return clock();
    }

    private static String body() {
        return ControlGuard.body(ServerRequestContext.currentRequest().orElseThrow());
    }

    private interface Read<T> {
        T get();
    }

    private static <T> T entity(Read<T> read) {
        try {
            return read.get();
        } catch (SeedException e) {
            throw ControlViolation.invalidEntity(e);
        }
    }

    private static void requireSameId(String field, String inPath, String inBody) {
        if (!inPath.equals(inBody)) {
            throw ControlViolation.invalidEntity("the path names " + inPath + " but the body's '" + field + "' is " + inBody);
        }
    }
}
