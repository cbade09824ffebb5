package dev.dtscontract.server.control;

import dev.dtscontract.server.faults.Faults;
import dev.dtscontract.server.journal.Journal;
import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.control.model.Account;
import dev.dtscontract.server.control.model.AppliedChange;
import dev.dtscontract.server.control.model.Engine;
import dev.dtscontract.server.control.model.Fault;
import dev.dtscontract.server.control.model.Instance;
import dev.dtscontract.server.control.model.InstanceType;
import dev.dtscontract.server.control.model.Job;
import dev.dtscontract.server.control.model.JobEndpoint;
import dev.dtscontract.server.control.model.JobKind;
import dev.dtscontract.server.control.model.JobView;
import dev.dtscontract.server.control.model.JournalEntry;
import dev.dtscontract.server.control.model.Outcome;
import dev.dtscontract.server.control.model.Role;
import dev.dtscontract.server.control.model.Signature;
import dev.dtscontract.server.control.model.State;
import dev.dtscontract.server.control.model.TemporaryCredential;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.JobChange;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.Secret;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The control spec's views of the state: domain values to generated models, every secret as ****** (or, for a
 * snapshot exported with its secrets, as the caller's {@code secrets} writes it: only the data directory's package may
 * read a secret). The generated constructors take the schema's required properties in the spec's order; ControlApiIT
 * reads every field back, SnapshotIT loads an export and compares every value.
 */
public final class ControlViews {

    public static final String MASK = dev.dtscontract.server.domain.Secret.MASK;

    /** How a view writes the secrets it holds. */
    public interface SecretsShown {
        /** A job endpoint's password or shard password. */
        String endpoint(Secret secret);

        /** An AccessKey's secret. */
        String keySecret(AccessKey key);

        /** A temporary AccessKey's security token. */
        String securityToken(AccessKey key);
    }

    /** Every secret as ******, never read. */
    public static final SecretsShown MASKED = new SecretsShown() {
        @Override
        public String endpoint(Secret secret) {
            return MASK;
        }

        @Override
        public String keySecret(AccessKey key) {
            return MASK;
        }

        @Override
        public String securityToken(AccessKey key) {
            return MASK;
        }
    };

    private ControlViews() {
    }

    /** The job's view at {@code now}: statusNow is what DescribeDtsJobDetail answers at that time (R-READ-STATUS). */
    static JobView job(DtsJob job, List<JobChange> history, java.time.Instant now) {
        return new JobView(job.dtsJobId(), job.dtsInstanceId(), job.regionId(), job.resourceGroupId(), job.ownerAccountId(),
                JobKind.fromValue(job.kind().name()), job.status(), job.latencySeconds(), time(job.checkpoint()),
                endpoint(job.source()), endpoint(job.destination()), job.version(),
                history.stream().map(ControlViews::change).toList()).statusNow(job.statusAt(now));
    }

    private static AppliedChange change(JobChange c) {
        return change(c, MASKED);
    }

    public static AppliedChange change(JobChange c, SecretsShown secrets) {
        return new AppliedChange(c.version(), c.requestId(), time(c.time()), c.side() == JobSide.SOURCE
                ? AppliedChange.EndpointEnum.SRC : AppliedChange.EndpointEnum.DEST, c.accessKeyId(), endpoint(c.replaced(), secrets),
                endpoint(c.replacement(), secrets)).synchronizationDirection(c.synchronizationDirection());
    }

    /** A job in the seed's format (no version, no history: a snapshot keeps those apart). */
    public static Job seedJob(DtsJob job, SecretsShown secrets) {
        return new Job(job.dtsJobId(), job.dtsInstanceId(), job.regionId(), job.resourceGroupId(), job.ownerAccountId(),
                JobKind.fromValue(job.kind().name()), job.status(), time(job.checkpoint()), endpoint(job.source(), secrets),
                endpoint(job.destination(), secrets)).latencySeconds(job.latencySeconds());
    }

    static JobEndpoint endpoint(dev.dtscontract.server.domain.JobEndpoint e) {
        return endpoint(e, MASKED);
    }

    public static JobEndpoint endpoint(dev.dtscontract.server.domain.JobEndpoint e, SecretsShown secrets) {
        return new JobEndpoint(InstanceType.fromValue(e.instanceType().name().toLowerCase(Locale.ROOT)),
                Engine.fromValue(e.engine().name()), e.region())
                .instanceId(e.instanceId()).ip(e.ip()).port(e.port()).database(e.database()).username(e.username())
                .password(shown(e.password(), secrets)).shardUsername(e.shardUsername())
                .shardPassword(shown(e.shardPassword(), secrets)).roleName(e.roleName()).aliyunUid(e.aliyunUid());
    }

    public static Instance instance(DatabaseInstance i) {
        return new Instance(i.id(), InstanceType.fromValue(i.type().name().toLowerCase(Locale.ROOT)), Engine.fromValue(i.engine().name()),
                i.region()).shards(i.shardCount() == 0 ? null : i.shardCount());
    }

    static Account account(Accounts.Account a) {
        return account(a, MASKED);
    }

    public static Account account(Accounts.Account a, SecretsShown secrets) {
        List<dev.dtscontract.server.control.model.AccessKey> keys = new ArrayList<>();
        List<TemporaryCredential> temporary = new ArrayList<>();
        for (AccessKey key : a.keys()) {
            if (key.securityToken() == null) {
                keys.add(new dev.dtscontract.server.control.model.AccessKey(key.id(), secrets.keySecret(key)).enabled(key.enabled()));
            } else {
                temporary.add(new TemporaryCredential(key.id(), secrets.keySecret(key), secrets.securityToken(key),
                        time(key.expires())));
            }
        }
        return new Account(a.id()).accessKeys(keys).temporaryCredentials(temporary)
                .roles(a.roles().stream().map(r -> new Role(r.name()).grantedTo(r.grantedTo().stream().sorted().toList())).toList());
    }

    /** The size of the state and where its seed came from. */
    public static State state(EmulatorState state) {
        List<Accounts.Account> accounts = state.accounts().all();
        return new State(state.seed().source(), state.jobs().all().size(), state.instances().all().size(), accounts.size(),
                accounts.stream().mapToInt(a -> a.keys().size()).sum());
    }

    /** @param response the body answered, written as JSON, or null */
    static JournalEntry entry(Journal.Entry e, String response) {
        return new JournalEntry(time(e.time()), e.requestId(), e.method(), e.path(), Signature.fromValue(e.signature().name()),
                e.parameters(), e.status(), Outcome.fromValue(e.ending().name()))
                .accessKeyId(e.accessKeyId()).caller(e.caller()).action(e.action()).dtsJobId(e.dtsJobId())
                .dtsInstanceId(e.dtsInstanceId()).code(e.code()).rule(e.rule()).response(response);
    }

    static Fault fault(Faults.Fault f) {
        dev.dtscontract.server.control.model.FaultKind kind = switch (f.kind()) {
            case ERROR -> dev.dtscontract.server.control.model.FaultKind.ERROR;
            case LATENCY -> dev.dtscontract.server.control.model.FaultKind.LATENCY;
            case DROP_AFTER_APPLY -> dev.dtscontract.server.control.model.FaultKind.DROP_AFTER_APPLY;
        };
        return new Fault(f.id(), kind, f.remaining()).errorCode(f.code() == null ? null : f.code().wire())
                .latencyMs(f.kind() == Faults.Kind.LATENCY ? f.latencyMs() : null)
                .action(f.action()).dtsJobId(f.dtsJobId());
    }

    private static String shown(Secret secret, SecretsShown secrets) {
        return secret == null ? null : secrets.endpoint(secret);
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
