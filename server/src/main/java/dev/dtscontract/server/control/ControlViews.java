package dev.dtscontract.server.control;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.control.model.Account;
import dev.dtscontract.server.control.model.AppliedChange;
import dev.dtscontract.server.control.model.Engine;
import dev.dtscontract.server.control.model.Fault;
import dev.dtscontract.server.control.model.Instance;
import dev.dtscontract.server.control.model.InstanceType;
import dev.dtscontract.server.control.model.JobEndpoint;
import dev.dtscontract.server.control.model.JobKind;
import dev.dtscontract.server.control.model.JobView;
import dev.dtscontract.server.control.model.JournalEntry;
import dev.dtscontract.server.control.model.Outcome;
import dev.dtscontract.server.control.model.Role;
import dev.dtscontract.server.control.model.Signature;
import dev.dtscontract.server.control.model.TemporaryCredential;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.Secret;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The control spec's views of the state: domain values to generated models, every secret as ******. The generated
 * constructors take the schema's required properties in the spec's order; ControlApiIT reads every field back.
 */
final class ControlViews {

    static final String MASK = "******";

    private ControlViews() {
    }

    /** The job's view at {@code now}: statusNow is what DescribeDtsJobDetail answers at that time (R-READ-STATUS). */
    static JobView job(DtsJob job, List<JobHistory.Change> history, java.time.Instant now) {
        return new JobView(job.dtsJobId(), job.dtsInstanceId(), job.regionId(), job.resourceGroupId(), job.ownerAccountId(),
                JobKind.fromValue(job.kind().name()), job.status(), job.latencySeconds(), time(job.checkpoint()),
                endpoint(job.source()), endpoint(job.destination()), job.version(),
                history.stream().map(ControlViews::change).toList()).statusNow(job.statusAt(now));
    }

    private static AppliedChange change(JobHistory.Change c) {
        return new AppliedChange(c.version(), c.requestId(), time(c.time()), c.side() == JobSide.SOURCE
                ? AppliedChange.EndpointEnum.SRC : AppliedChange.EndpointEnum.DEST, c.accessKeyId(), endpoint(c.replaced()),
                endpoint(c.replacement())).synchronizationDirection(c.synchronizationDirection());
    }

    static JobEndpoint endpoint(dev.dtscontract.server.domain.JobEndpoint e) {
        return new JobEndpoint(InstanceType.fromValue(e.instanceType().name().toLowerCase(Locale.ROOT)),
                Engine.fromValue(e.engine().name()), e.region())
                .instanceId(e.instanceId()).ip(e.ip()).port(e.port()).database(e.database()).username(e.username())
                .password(masked(e.password())).shardUsername(e.shardUsername()).shardPassword(masked(e.shardPassword()))
                .roleName(e.roleName()).aliyunUid(e.aliyunUid());
    }

    static Instance instance(DatabaseInstance i) {
        return new Instance(i.id(), InstanceType.fromValue(i.type().name().toLowerCase(Locale.ROOT)), Engine.fromValue(i.engine().name()),
                i.region()).shards(i.shardCount() == 0 ? null : i.shardCount());
    }

    static Account account(Accounts.Account a) {
        List<dev.dtscontract.server.control.model.AccessKey> keys = new ArrayList<>();
        List<TemporaryCredential> temporary = new ArrayList<>();
        for (AccessKey key : a.keys()) {
            if (key.securityToken() == null) {
                keys.add(new dev.dtscontract.server.control.model.AccessKey(key.id(), MASK).enabled(key.enabled()));
            } else {
                temporary.add(new TemporaryCredential(key.id(), MASK, MASK, time(key.expires())));
            }
        }
        return new Account(a.id()).accessKeys(keys).temporaryCredentials(temporary)
                .roles(a.roles().stream().map(r -> new Role(r.name()).grantedTo(r.grantedTo().stream().sorted().toList())).toList());
    }

    /** @param response the body answered, written as JSON, or null */
    static JournalEntry entry(Journal.Entry e, String response) {
        return new JournalEntry(time(e.time()), e.requestId(), e.method(), e.path(), Signature.fromValue(e.signature().name()),
                e.parameters(), e.status(), Outcome.fromValue(e.ending().name()))
                .accessKeyId(e.accessKeyId()).caller(e.caller()).action(e.action()).dtsJobId(e.dtsJobId())
                .dtsInstanceId(e.dtsInstanceId()).code(e.code()).rule(e.rule()).response(response);
    }

    static Fault fault(Faults.Fault f) {
        return new Fault(f.id(), f.kind(), f.remaining()).errorCode(f.code() == null ? null : f.code().wire())
                .latencyMs(f.kind() == dev.dtscontract.server.control.model.FaultKind.LATENCY ? f.latencyMs() : null)
                .action(f.action()).dtsJobId(f.dtsJobId());
    }

    private static String masked(Secret secret) {
        return secret == null ? null : MASK;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
