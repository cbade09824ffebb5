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
import io.micronaut.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The emulator's test-control API for a test: arrange jobs, instances and keys, read state and the request journal
 * back, inject faults, move the clock forward. Thin over the generated {@link ControlApi} ({@link #api()} has every operation).
 */
public final class EmulatorControl {

    private final ControlApi api;
    private final SnapshotApi snapshots;
    private final JsonMapper json;

    EmulatorControl(ControlApi api, SnapshotApi snapshots, JsonMapper json) {
        this.api = api;
        this.snapshots = snapshots;
        this.json = json;
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
        return snapshots.exportSnapshot("mask");
    }

    /**
     * The whole state with its secrets as they are, as a JSON document: save it (as you keep a seed file) and give it
     * to {@link #loadSnapshot(String)}, here or in another emulator, to have the same world again.
     */
    public String snapshotWithSecrets() {
        try {
            return json.writeValueAsString(snapshots.exportSnapshot("include"));
        } catch (java.io.IOException e) {
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
        JobView job = api.getJob(dtsJobId); // the generated client answers a 404 with null
        if (job == null) {
            throw new java.util.NoSuchElementException("the emulator has no job " + dtsJobId);
        }
        return job;
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
        return api.putInstance(id, new Instance(id, type, engine, region));
    }

    /** Adds (or replaces) a permanent AccessKey of an account, creating the account if it is new. */
    public Account putAccessKey(String accountId, String accessKeyId, String secret) {
        return api.putAccessKey(accountId, accessKeyId, new AccessKey(accessKeyId, secret));
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
        // The one call of the generated client's journal operation; the filter's values are set by name.
        return api.journal(filter.action, filter.dtsJobId, filter.code, filter.outcome, filter.since, filter.limit).getEntries();
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
        return api.addFault(new FaultRequest(FaultKind.ERROR).errorCode(errorCode).times(times).dtsJobId(dtsJobId));
    }

    /** The next request (for this job, when given) is applied and then its connection dropped, unanswered. */
    public Fault dropAfterApplyNext(String dtsJobId) {
        return api.addFault(new FaultRequest(FaultKind.DROP_AFTER_APPLY).times(1).dtsJobId(dtsJobId));
    }

    /** The next {@code times} requests wait this long before being handled. */
    public Fault delayNext(int times, int latencyMs) {
        return api.addFault(new FaultRequest(FaultKind.LATENCY).latencyMs(latencyMs).times(times));
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
        return Instant.parse(api.advanceClock(new TimeAdvance(by.toSeconds())).getNow());
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
            this.source = new JobEndpoint(type, engine, region).instanceId(instanceId);
            return this;
        }

        public JobDraft source(JobEndpoint endpoint) { this.source = endpoint; return this; }

        /** A managed instance as destination, in the job's region. */
        public JobDraft destination(InstanceType type, Engine engine, String instanceId) {
            this.destination = new JobEndpoint(type, engine, region).instanceId(instanceId);
            return this;
        }

        public JobDraft destination(JobEndpoint endpoint) { this.destination = endpoint; return this; }

        /** Adds or replaces the job (version 1, empty history) and returns it as stored. */
        public JobView put() {
            if (source == null || destination == null) {
                throw new IllegalStateException("a job needs a source and a destination");
            }
            Job job = new Job(dtsJobId, dtsInstanceId, region, resourceGroupId, owner, kind, status, checkpoint, source, destination)
                    .latencySeconds(latencySeconds);
            return api.putJob(dtsJobId, job);
        }
    }
}
