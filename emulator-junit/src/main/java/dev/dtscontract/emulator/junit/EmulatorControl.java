package dev.dtscontract.emulator.junit;

import dev.dtscontract.emulator.control.api.ControlApi;
import dev.dtscontract.emulator.control.api.SnapshotApi;
import dev.dtscontract.emulator.control.model.AccessKey;
import dev.dtscontract.emulator.control.model.Account;
import dev.dtscontract.emulator.control.model.Engine;
import dev.dtscontract.emulator.control.model.Fault;
import dev.dtscontract.emulator.control.model.FaultKind;
import dev.dtscontract.emulator.control.model.FaultRequest;
import dev.dtscontract.emulator.control.model.Instance;
import dev.dtscontract.emulator.control.model.InstanceType;
import dev.dtscontract.emulator.control.model.Job;
import dev.dtscontract.emulator.control.model.JobEndpoint;
import dev.dtscontract.emulator.control.model.JobKind;
import dev.dtscontract.emulator.control.model.JobView;
import dev.dtscontract.emulator.control.model.JournalEntry;
import dev.dtscontract.emulator.control.model.Outcome;
import dev.dtscontract.emulator.control.model.Snapshot;
import dev.dtscontract.emulator.control.model.State;
import dev.dtscontract.emulator.control.model.TimeAdvance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtscontract.emulator.control.client.ApiClient;
import dev.dtscontract.emulator.control.client.ApiException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The emulator's test-control API for a test: arrange jobs, instances and keys, read state and the request journal
 * back, inject faults, move the clock forward. Thin over the generated {@link ControlApi} ({@link #api()} has every
 * operation), which sends on the JDK's HTTP client: nothing of the emulator's (Micronaut, Netty) in the test JVM.
 * A refused call throws the generated {@link ApiException} with the status and the answer's body.
 */
public final class EmulatorControl {

    /** The header that carries the control token (rule C-GUARD). */
    static final String TOKEN_HEADER = "X-Emulator-Token";

    private final ControlApi api;
    private final SnapshotApi snapshots;
    private final ObjectMapper json;

    private EmulatorControl(ApiClient client) {
        this.api = new ControlApi(client);
        this.snapshots = new SnapshotApi(client);
        this.json = client.getObjectMapper();
    }

    /** The control API of the emulator at this URL, sending the token on every request when one is given. */
    static EmulatorControl connect(URI url, String controlToken) {
        // HTTP/1.1: the JDK's client would otherwise offer an h2c upgrade on every plain-HTTP connection.
        ApiClient client = new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)), ApiClient.createDefaultObjectMapper(), url.toString());
        client.setReadTimeout(Duration.ofSeconds(30));
        if (controlToken != null) {
            client.setRequestInterceptor(request -> request.header(TOKEN_HEADER, controlToken));
        }
        return new EmulatorControl(client);
    }

    /** Every operation of the control spec, as generated. */
    public ControlApi api() {
        return api;
    }

    /** Back to the seed: jobs, instances and accounts; the journal and pending faults emptied. */
    public State reset() {
        return api.reset();
    }

    /** Replaces the state with a seed document (YAML or JSON); later resets return to it. */
    public State loadSeed(String yamlOrJson) {
        return api.loadSeed(yamlOrJson);
    }

    /**
     * The whole state as one document (rule C-SNAPSHOT): the seed format plus the seed a reset returns to, each job's
     * version and history, and the clock; every secret as ******. For reading; it cannot be loaded again.
     */
    public Snapshot snapshot() {
        return snapshots.exportSnapshot(SnapshotApi.APIExportSnapshotRequest.newBuilder().secrets("mask").build());
    }

    /**
     * The whole state with its secrets as they are, as a JSON document: save it (as you keep a seed file) and give it
     * to {@link #loadSnapshot(String)}, here or in another emulator, to have the same world again.
     */
    public String snapshotWithSecrets() {
        try {
            return json.writeValueAsString(snapshots.exportSnapshot(
                    SnapshotApi.APIExportSnapshotRequest.newBuilder().secrets("include").build()));
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException("cannot write the snapshot as JSON", e);
        }
    }

    /**
     * Replaces the whole state with a snapshot document (JSON or YAML, exported with its secrets); later resets return
     * to its seed, nonces already used stay used, the clock only moves forward. A bad document changes nothing: the
     * emulator answers 400 InvalidSnapshot naming the line and column.
     */
    public State loadSnapshot(String document) {
        return snapshots.loadSnapshot(document);
    }

    /** The job as it is now, with the changes applied to it; NoSuchElementException when there is none. */
    public JobView job(String dtsJobId) {
        try {
            return api.getJob(dtsJobId);
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                throw new java.util.NoSuchElementException("the emulator has no job " + dtsJobId);
            }
            throw e;
        }
    }

    public List<JobView> jobs() {
        return api.listJobs();
    }

    /** A job to add: defaults for everything but its id, owner and endpoints; {@link JobDraft#put()} sends it. */
    public JobDraft newJob(String dtsJobId) {
        return new JobDraft(dtsJobId);
    }

    /** Adds a database instance to the catalogue (so a request can name it as a new endpoint). */
    public Instance putInstance(String id, InstanceType type, Engine engine, String region) {
        return api.putInstance(id, new Instance().id(id).type(type).engine(engine).region(region));
    }

    /** Adds (or replaces) a permanent AccessKey of an account, creating the account if it is new. */
    public Account putAccessKey(String accountId, String accessKeyId, String secret) {
        return api.putAccessKey(accountId, accessKeyId, new AccessKey().id(accessKeyId).secret(secret));
    }

    /** The last 100 requests the emulator answered, newest first. */
    public List<JournalEntry> journal() {
        return journal(JournalFilter.newest(100));
    }

    /** The last 100 requests that named this job (by DtsJobId or its DtsInstanceId), newest first. */
    public List<JournalEntry> journalOf(String dtsJobId) {
        return journal(JournalFilter.newest(100).dtsJobId(dtsJobId));
    }

    /** The last 100 requests with this outcome, newest first. */
    public List<JournalEntry> journal(Outcome outcome) {
        return journal(JournalFilter.newest(100).outcome(outcome));
    }

    /** The requests the filter selects, newest first (every filter given must hold). */
    public List<JournalEntry> journal(JournalFilter filter) {
        return api.journal(ControlApi.APIJournalRequest.newBuilder().action(filter.action).dtsJobId(filter.dtsJobId)
                .code(filter.code).outcome(filter.outcome).since(filter.since).limit(filter.limit).build()).getEntries();
    }

    /** Which journal entries to read: each filter set by its name, unset filters select everything. */
    public static final class JournalFilter {
        private final int limit;
        private String action;
        private String dtsJobId;
        private String code;
        private Outcome outcome;
        private String since;

        private JournalFilter(int limit) {
            this.limit = limit;
        }

        /** At most {@code limit} entries (1 to 10,000), the newest. */
        public static JournalFilter newest(int limit) {
            return new JournalFilter(limit);
        }

        /** Only requests for this Action (e.g. DescribeDtsJobDetail). */
        public JournalFilter action(String action) {
            this.action = action;
            return this;
        }

        /** Only requests naming this job (by DtsJobId or its DtsInstanceId). */
        public JournalFilter dtsJobId(String dtsJobId) {
            this.dtsJobId = dtsJobId;
            return this;
        }

        /** Only answers with this error code. */
        public JournalFilter code(String code) {
            this.code = code;
            return this;
        }

        public JournalFilter outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /** Only requests answered at or after this time. */
        public JournalFilter since(Instant since) {
            this.since = since.toString();
            return this;
        }
    }

    /** The next {@code times} requests (for this job, when given) are answered with this error code. */
    public Fault failNext(int times, String errorCode, String dtsJobId) {
        return api.addFault(new FaultRequest().kind(FaultKind.ERROR).errorCode(errorCode).times(times).dtsJobId(dtsJobId));
    }

    /** The next request (for this job, when given) is applied and then its connection dropped, unanswered. */
    public Fault dropAfterApplyNext(String dtsJobId) {
        return api.addFault(new FaultRequest().kind(FaultKind.DROP_AFTER_APPLY).times(1).dtsJobId(dtsJobId));
    }

    /** The next {@code times} requests wait this long before being handled. */
    public Fault delayNext(int times, int latencyMs) {
        return api.addFault(new FaultRequest().kind(FaultKind.LATENCY).latencyMs(latencyMs).times(times));
    }

    /** The emulator's time: what the Timestamp check compares with (rule C-CLOCK). */
    public Instant now() {
        return Instant.parse(api.clock().getNow());
    }

    /**
     * Moves the emulator's time forward (rule C-CLOCK): Timestamp check, nonce memory, throttling and recorded times
     * together, for good. A client signing with the machine's time then signs {@code by} in the past, so give a test
     * that advances the clock an emulator of its own. Whole seconds, 1 s to 1 year.
     */
    public Instant advanceClock(Duration by) {
        return Instant.parse(api.advanceClock(new TimeAdvance().seconds(by.toSeconds())).getNow());
    }

    /** A job to add, with defaults a test rarely cares about. */
    public final class JobDraft {

        private final String dtsJobId;
        private String dtsInstanceId;
        private String region = "cn-hangzhou";
        private String resourceGroupId = "rg-test";
        private String owner = DtsEmulatorExtension.DEMO_ACCOUNT;
        private JobKind kind = JobKind.ONE_WAY_SYNCHRONIZATION;
        private String status = "Synchronizing";
        private int latencySeconds = 1;
        private String checkpoint = "2026-01-01T00:00:00Z";
        private JobEndpoint source;
        private JobEndpoint destination;

        private JobDraft(String dtsJobId) {
            this.dtsJobId = Objects.requireNonNull(dtsJobId);
            this.dtsInstanceId = "dts" + dtsJobId;
        }

        public JobDraft dtsInstanceId(String value) { this.dtsInstanceId = value; return this; }

        public JobDraft region(String value) { this.region = value; return this; }

        public JobDraft resourceGroupId(String value) { this.resourceGroupId = value; return this; }

        /** The owning account (default: the demo account, whose key the extension's client signs with). */
        public JobDraft owner(String value) { this.owner = value; return this; }

        public JobDraft kind(JobKind value) { this.kind = value; return this; }

        public JobDraft status(String value) { this.status = value; return this; }

        public JobDraft latencySeconds(int value) { this.latencySeconds = value; return this; }

        /** The incremental checkpoint, an instant like 2026-01-01T00:00:00Z. */
        public JobDraft checkpoint(String value) { this.checkpoint = value; return this; }

        /** A managed instance as source, in the job's region. */
        public JobDraft source(InstanceType type, Engine engine, String instanceId) {
            this.source = new JobEndpoint().type(type).engine(engine).region(region).instanceId(instanceId);
            return this;
        }

        public JobDraft source(JobEndpoint endpoint) { this.source = endpoint; return this; }

        /** A managed instance as destination, in the job's region. */
        public JobDraft destination(InstanceType type, Engine engine, String instanceId) {
            this.destination = new JobEndpoint().type(type).engine(engine).region(region).instanceId(instanceId);
            return this;
        }

        public JobDraft destination(JobEndpoint endpoint) { this.destination = endpoint; return this; }

        /** Adds or replaces the job (version 1, empty history) and returns it as stored. */
        public JobView put() {
            if (source == null || destination == null) {
                throw new IllegalStateException("a job needs a source and a destination");
            }
            Job job = new Job().dtsJobId(dtsJobId).dtsInstanceId(dtsInstanceId).region(region).resourceGroupId(resourceGroupId)
                    .owner(owner).kind(kind).status(status).checkpoint(checkpoint).source(source).destination(destination)
                    .latencySeconds(latencySeconds);
            return api.putJob(dtsJobId, job);
        }
    }
}
