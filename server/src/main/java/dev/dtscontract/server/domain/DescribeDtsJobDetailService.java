package dev.dtscontract.server.domain;

import java.time.Clock;

/**
 * DescribeDtsJobDetail: locate the job (R-JOB-ID-MATCH, R-JOB-EXISTS), show it only to its own account (R-READ-VISIBLE),
 * pick the direction's task (R-DIRECTION) and read its status on the emulator's clock (R-READ-STATUS). Reads only.
 */
public final class DescribeDtsJobDetailService implements DescribeDtsJobDetail {

    private final JobLocator locator;
    private final Clock clock;

    public DescribeDtsJobDetailService(JobStore store, Clock clock) {
        this.locator = new JobLocator(store);
        this.clock = clock;
    }

    @Override
    public JobDetail describe(JobReference reference, Actor reader) {
        DtsJob job = locator.locate(reference);
        if (!visibleTo(job, reader)) {
            throw JobLocator.notFound("R-READ-VISIBLE"); // another account's job is answered as if it did not exist
        }
        Direction direction = JobLocator.requireTask(job, reference.direction());
        boolean reverse = direction == Direction.REVERSE;
        return new JobDetail(job, job.statusAt(clock.instant()), direction,
                reverse ? job.destination() : job.source(), reverse ? job.source() : job.destination());
    }

    private static boolean visibleTo(DtsJob job, Actor reader) {
        if (reader == Actor.AuthenticationOff.ANYONE) {
            return true; // started with authentication off: every request acts as the job's owner, as the README says
        }
        if (reader instanceof Actor.Account account) {
            return account.id().equals(job.ownerAccountId());
        }
        throw new IllegalStateException("an actor of an unknown kind: " + reader); // sealed: cannot happen, never allowed
    }
}
