package dev.dtscontract.server.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.auth.NonceListener;
import dev.dtscontract.server.control.JobHistory;
import dev.dtscontract.server.control.StateListener;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.InMemoryJobStore;
import dev.dtscontract.server.domain.InstanceCatalogue;
import dev.dtscontract.server.domain.JobChange;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.Snapshot;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The emulator's state in a data directory (DTS_DATA_DIR, rule C-DURABLE): one log file, {@code state.log}, of JSON
 * records, each forced to disk before what it records is acknowledged; concurrent records share one flush
 * ({@link LogFile}). Opening it replays the log (a snapshot, then the changes after it) into the state the emulator
 * starts with, then rewrites the log as one snapshot of that state and the nonces still live, so a restart reads
 * what the last run left and the file does not grow across restarts.
 * <p>
 * It sees every change through the listeners the layers below publish: a job change inside the job's atomic update
 * (the change is not applied if the record cannot be written), a control-API change after it is made and before it is
 * answered, a SignatureNonce when it is accepted.
 */
public final class DataDirectory implements StateListener, NonceListener, AutoCloseable {

    static final String FILE = "state.log";
    static final String LOCK = "lock";
    /** How long a nonce stays live (R-SIGNATURE): the nonce memory's window. */
    private final Duration nonceWindow;

    private final LogFile log;
    private final FileLock lock;
    private final Recovered recovered;

    /** What the data directory held when the emulator started: the state to start with. */
    public record Recovered(Seed seed, List<DtsJob> jobs, List<DatabaseInstance> instances, List<Accounts.Account> accounts,
                            Map<String, List<JobChange>> histories, Duration clockOffset, List<NonceUse> nonces,
                            boolean fresh) {
    }

    /** A SignatureNonce an AccessKey used, and when (the emulator's time). */
    public record NonceUse(String accessKeyId, String nonce, Instant at) {
    }

    private DataDirectory(LogFile log, FileLock lock, Recovered recovered, Duration nonceWindow) {
        this.log = log;
        this.lock = lock;
        this.recovered = recovered;
        this.nonceWindow = nonceWindow;
    }

    /**
     * Opens (or creates) a data directory: its state, or {@code initial} when it holds none yet.
     *
     * @param machine     the machine's clock: with the recovered offset, the emulator's time that decides which nonces
     *                    are still live
     * @throws StorageException when the directory cannot be used or its file is damaged or of a newer format
     */
    public static DataDirectory open(Path directory, Supplier<Seed> initial, Duration nonceWindow, Clock machine) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new StorageException("the data directory " + directory + " is a file, not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory " + directory + ": " + LogFile.why(e));
        }
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new StorageException("the data directory " + directory + " is not a writable directory");
        }
        FileLock lock = lock(directory);
        try {
            return open(directory, lock, initial, nonceWindow, machine);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    /**
     * The directory for this process alone: two emulators appending to one log would each acknowledge what the other's
     * compaction may drop. The lock goes with the process (a kill releases it).
     */
    private static FileLock lock(Path directory) {
        try {
            FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StorageException("another emulator is using the data directory " + directory);
            }
            return lock;
        } catch (IOException e) {
            throw new StorageException("cannot lock the data directory " + directory + ": " + e.getMessage());
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            // closing releases the lock; nothing else to do
        }
    }

    private static DataDirectory open(Path directory, FileLock lock, Supplier<Seed> initial, Duration nonceWindow, Clock machine) {
        Path file = directory.resolve(FILE);
        LogFile.Contents contents = LogFile.read(file);
        if (contents.tornAt() >= 0) {
            LoggerFactory.getLogger(DataDirectory.class).warn("{}: dropped a torn last record at offset {} (a crash while it was "
                    + "written; it was never acknowledged)", file, contents.tornAt());
        }
        Replay replay = new Replay();
        if (contents.records().isEmpty()) {
            replay.start(initial.get());
        } else {
            for (int i = 0; i < contents.records().size(); i++) {
                try {
                    replay.apply(StateCodec.parse(contents.records().get(i)));
                } catch (IOException | RuntimeException e) {
                    throw new StorageException(file + ": record " + (i + 1) + " cannot be read: " + e.getMessage());
                }
            }
            if (!replay.started()) {
                throw new StorageException(file + " does not start with a snapshot");
            }
        }
        Instant now = machine.instant().plus(replay.clockOffset);
        List<NonceUse> live = replay.nonces.stream().filter(n -> n.at().plus(nonceWindow).isAfter(now)).toList();
        Recovered recovered = replay.recovered(live, contents.records().isEmpty());
        LogFile log = LogFile.rewrite(file, List.of(StateCodec.bytes(snapshot(recovered))));
        return new DataDirectory(log, lock, recovered, nonceWindow);
    }

    public Recovered recovered() {
        return recovered;
    }

    /** Where the records are. */
    public Path file() {
        return log.path();
    }

    /** How many records are written but not yet on disk (0 whenever no answer is waiting). */
    public long unforced() {
        return log.unforced();
    }

    /** How many forces ran since it opened (group commit: fewer than {@link #records()}). */
    public long flushes() {
        return log.forces();
    }

    /** How many records were written since it opened. */
    public long records() {
        return log.appended();
    }

    /**
     * An applied change of a job (ModifyDtsJobEndpoint), called inside the job's atomic update: queued for the file in
     * version order (refused, and the change not applied, when the log already failed), encoded and written by the
     * log's flusher, not waited for here, so the job's lock is held neither through encoding nor through a flush:
     * {@link DurableAnswers} holds the answer until it is forced. If the write then fails, the answer is
     * ServiceUnavailable and so is every later one, so the change, applied in memory, is never acknowledged or shown.
     */
    public void changed(DtsJob after, JobChange change) {
        if (after.version() != change.version() || !java.util.Objects.equals(after.endpoint(change.side()), change.replacement())) {
            throw new IllegalArgumentException("a change of " + after.dtsJobId() + " that is not the job it leaves");
        }
        write(() -> { // encoded by the log's flusher, not inside the job's update (both values are immutable)
            ObjectNode record = record("change");
            record.put("dtsJobId", after.dtsJobId());
            record.put("modifyingUntil", after.modifyingUntil() == null ? null : after.modifyingUntil().toString());
            record.set("change", StateCodec.changeApplied(change));
            return StateCodec.bytes(record);
        });
    }

    /**
     * Completes once every record written so far is on disk: an answer waits for it ({@link DurableAnswers}), so
     * whatever its request wrote is durable before it is acknowledged. Fails (C-DURABLE) when the disk refused one.
     */
    public CompletableFuture<Void> writtenSoFar() {
        return log.whenWrittenSoFarIsForced();
    }

    /** Written before the request goes on, forced before it is answered ({@link DurableAnswers}). */
    @Override
    public void accepted(String accessKeyId, String nonce, Instant at) {
        write(() -> {
            ObjectNode record = record("nonce");
            record.put("accessKeyId", accessKeyId);
            record.put("nonce", nonce);
            record.put("at", at.toString());
            return StateCodec.bytes(record);
        });
    }

    @Override
    public void jobPut(DtsJob job) {
        append(record("job", StateCodec.job(job)));
    }

    @Override
    public void instancePut(DatabaseInstance instance) {
        append(record("instance", StateCodec.instance(instance)));
    }

    @Override
    public void accountPut(Accounts.Account account) {
        append(record("account", StateCodec.account(account)));
    }

    @Override
    public void keyPut(AccessKey key) {
        append(record("key", StateCodec.key(key)));
    }

    @Override
    public void reset() {
        append(record("reset"));
    }

    @Override
    public void loaded(Seed seed) {
        ObjectNode record = record("load");
        record.set("seed", seed(seed));
        append(record);
    }

    @Override
    public void clockAdvanced(Duration offset) {
        ObjectNode record = record("clock");
        record.put("offsetNanos", offset.toNanos());
        append(record);
    }

    @Override
    public void snapshotLoaded(Snapshot snapshot, Duration offset) {
        ObjectNode record = record("loadSnapshot");
        putState(record, snapshot.seed(), snapshot.instances(), snapshot.jobs(), snapshot.accounts(), snapshot.histories(), offset);
        append(record);
    }

    private void write(Supplier<byte[]> record) {
        try {
            log.write(record);
        } catch (UncheckedIOException e) {
            throw refused(e);
        }
    }

    private void append(ObjectNode record) {
        try {
            log.append(StateCodec.bytes(record));
        } catch (UncheckedIOException e) {
            throw refused(e);
        }
    }

    /** C-DURABLE: the disk refused a record; the request is not acknowledged (and no later one will be). */
    private RuleViolation refused(UncheckedIOException e) {
        LoggerFactory.getLogger(DataDirectory.class).error("{}: {}", log.path(), e.getMessage());
        return notAcknowledged();
    }

    /** C-DURABLE's answer when the disk refused a write: ServiceUnavailable, saying nothing was acknowledged. */
    static RuleViolation notAcknowledged() {
        return new RuleViolation("C-DURABLE", ErrorCode.SERVICE_UNAVAILABLE,
                "The emulator could not write its data directory; the request was not acknowledged.");
    }

    @Override
    public void close() {
        log.close();
        release(lock);
    }

    private static ObjectNode record(String type) {
        ObjectNode record = StateCodec.object();
        record.put("type", type);
        return record;
    }

    /** A record of one entity, under the field its type names ({"type":"job","job":{...}}). */
    private static ObjectNode record(String type, JsonNode entity) {
        ObjectNode record = record(type);
        record.set(type, entity);
        return record;
    }

    private static ObjectNode seed(Seed seed) {
        ObjectNode n = StateCodec.object();
        n.put("source", seed.source());
        n.set("instances", StateCodec.array(seed.instances(), StateCodec::instance));
        n.set("jobs", StateCodec.array(seed.jobs(), StateCodec::job));
        n.set("accounts", StateCodec.array(seed.accountList(), StateCodec::account));
        return n;
    }

    private static Seed seed(JsonNode n) {
        return new Seed(StateCodec.text(n, "source"), StateCodec.list(StateCodec.required(n, "instances"), StateCodec::instance),
                StateCodec.list(StateCodec.required(n, "jobs"), StateCodec::job),
                StateCodec.list(StateCodec.required(n, "accounts"), StateCodec::account));
    }

    /** The whole state as one record: what a restart reads first. */
    static ObjectNode snapshot(Recovered state) {
        ObjectNode record = record("snapshot");
        record.put("format", LogFile.FORMAT_VERSION);
        putState(record, state.seed(), state.instances(), state.jobs(), state.accounts(), state.histories(), state.clockOffset());
        ArrayNode nonces = record.putArray("nonces");
        for (NonceUse use : state.nonces()) {
            ObjectNode n = nonces.addObject();
            n.put("accessKeyId", use.accessKeyId());
            n.put("nonce", use.nonce());
            n.put("at", use.at().toString());
        }
        return record;
    }

    /** The whole state, every part by name: what a snapshot record and a loaded snapshot's record hold. */
    private static void putState(ObjectNode record, Seed seed, List<DatabaseInstance> instances, List<DtsJob> jobs,
                                 List<Accounts.Account> accounts, Map<String, List<JobChange>> histories, Duration clockOffset) {
        record.set("seed", seed(seed));
        record.set("instances", StateCodec.array(instances, StateCodec::instance));
        record.set("jobs", StateCodec.array(jobs, StateCodec::job));
        record.set("accounts", StateCodec.array(accounts, StateCodec::account));
        ObjectNode byJob = record.putObject("histories");
        histories.forEach((job, changes) -> byJob.set(job, StateCodec.array(changes, StateCodec::change)));
        record.put("clockOffsetNanos", clockOffset.toNanos());
    }

    /** The state as the records build it, with the emulator's own stores (their rules hold on replay as they did live). */
    private static final class Replay {
        private Seed seed;
        private InMemoryJobStore jobs;
        private InstanceCatalogue instances;
        private Accounts accounts;
        private final Map<String, List<JobChange>> histories = new LinkedHashMap<>();
        private Duration clockOffset = Duration.ZERO;
        private final List<NonceUse> nonces = new ArrayList<>();

        boolean started() {
            return seed != null;
        }

        void start(Seed initial) {
            seed = initial;
            backToSeed();
        }

        private void backToSeed() {
            jobs = new InMemoryJobStore(seed.jobs());
            instances = new InstanceCatalogue(seed.instances());
            accounts = seed.accounts();
            histories.clear();
        }

        void apply(ObjectNode record) {
            String type = StateCodec.text(record, "type");
            if (!"snapshot".equals(type) && !started()) {
                throw new IllegalArgumentException("a '" + type + "' record before any snapshot");
            }
            switch (type == null ? "" : type) {
                case "snapshot" -> {
                    int format = StateCodec.required(record, "format").asInt();
                    if (format > LogFile.FORMAT_VERSION) {
                        throw new IllegalArgumentException("a snapshot of a newer format (" + format + ")");
                    }
                    state(record);
                    nonces.clear();
                    StateCodec.required(record, "nonces").forEach(this::nonce);
                }
                case "loadSnapshot" -> state(record); // C-SNAPSHOT: the nonces used stay used
                case "change" -> {
                    if (record.has("job")) { // format 1: the whole job after the change, and the change with both endpoints
                        DtsJob job = StateCodec.job(StateCodec.required(record, "job"));
                        jobs.put(job);
                        history(job.dtsJobId(), StateCodec.change(StateCodec.required(record, "change")));
                    } else {
                        changed(record);
                    }
                }
                case "job" -> {
                    DtsJob job = StateCodec.job(StateCodec.required(record, "job"));
                    jobs.put(job);
                    histories.remove(job.dtsJobId());
                }
                case "instance" -> instances.put(StateCodec.instance(StateCodec.required(record, "instance")));
                case "account" -> accounts.put(StateCodec.account(StateCodec.required(record, "account")));
                case "key" -> accounts.putKey(StateCodec.key(StateCodec.required(record, "key")));
                case "reset" -> backToSeed();
                case "load" -> {
                    seed = seed(StateCodec.required(record, "seed"));
                    backToSeed();
                }
                case "clock" -> clockOffset = Duration.ofNanos(StateCodec.required(record, "offsetNanos").asLong());
                case "nonce" -> nonce(record);
                default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
            }
        }

        /**
         * A change as format 2 writes it: the side's new endpoint only, applied to the job as it stood by the same
         * domain method that applied it live (so the checkpoint moves back as it did), in version order.
         */
        private void changed(ObjectNode record) {
            String id = StateCodec.text(record, "dtsJobId");
            DtsJob current = jobs.findByJobId(id).orElseThrow(() -> new IllegalArgumentException("a change of an unknown job '" + id + "'"));
            JobChange change = StateCodec.change(StateCodec.required(record, "change"));
            if (change.version() != current.version() + 1) {
                throw new IllegalArgumentException("a change to version " + change.version() + " of " + id + ", which is at version " + current.version());
            }
            DtsJob after = current.withEndpoint(change.side(), change.replacement(), StateCodec.instant(record, "modifyingUntil"));
            jobs.put(after);
            history(id, change.toBuilder().replaced(current.endpoint(change.side())).build());
        }

        private void history(String jobId, JobChange change) {
            List<JobChange> changes = histories.computeIfAbsent(jobId, id -> new ArrayList<>());
            changes.add(change);
            if (changes.size() > JobHistory.KEPT) {
                changes.remove(0);
            }
        }

        private void state(ObjectNode record) {
            seed = seed(StateCodec.required(record, "seed"));
            jobs = new InMemoryJobStore(StateCodec.list(StateCodec.required(record, "jobs"), StateCodec::job));
            instances = new InstanceCatalogue(StateCodec.list(StateCodec.required(record, "instances"), StateCodec::instance));
            accounts = new Accounts(StateCodec.list(StateCodec.required(record, "accounts"), StateCodec::account));
            histories.clear();
            StateCodec.required(record, "histories").fields().forEachRemaining(e ->
                    histories.put(e.getKey(), new ArrayList<>(StateCodec.list(e.getValue(), StateCodec::change))));
            clockOffset = Duration.ofNanos(StateCodec.required(record, "clockOffsetNanos").asLong());
        }

        private void nonce(JsonNode n) {
            nonces.add(new NonceUse(StateCodec.text(n, "accessKeyId"), StateCodec.text(n, "nonce"), StateCodec.instant(n, "at")));
        }

        Recovered recovered(List<NonceUse> live, boolean fresh) {
            Map<String, List<JobChange>> kept = new LinkedHashMap<>();
            histories.forEach((job, changes) -> kept.put(job, List.copyOf(changes)));
            return new Recovered(seed, List.copyOf(jobs.all()), instances.all(), accounts.all(), kept, clockOffset, live, fresh);
        }
    }
}
