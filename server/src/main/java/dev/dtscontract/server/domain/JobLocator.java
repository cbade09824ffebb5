package dev.dtscontract.server.domain;

import java.util.Optional;

/** Finds the job a request names: rules R-JOB-ID, R-JOB-ID-MATCH and R-JOB-EXISTS. */
final class JobLocator {

    private final JobStore store;

    JobLocator(JobStore store) {
        this.store = store;
    }

    DtsJob locate(ModifyEndpointCommand command) {
        return locate(JobReference.builder().dtsJobId(command.dtsJobId()).dtsInstanceId("DtsInstanceId", command.dtsInstanceId())
                .regionId(command.regionId()).resourceGroupId(command.resourceGroupId()).direction(command.direction()).build());
    }

    DtsJob locate(JobReference command) {
        String jobId = blankToNull(command.dtsJobId());
        String instanceId = blankToNull(command.dtsInstanceId());
        if (jobId == null && instanceId == null) {
            throw RuleViolation.missing("R-JOB-ID", "DtsJobId");
        }
        Optional<DtsJob> byJobId = jobId == null ? Optional.empty() : store.findByJobId(jobId);
        Optional<DtsJob> byInstanceId = instanceId == null ? Optional.empty() : store.findByInstanceId(instanceId);
        if (jobId != null && instanceId != null && byJobId.isPresent() && byInstanceId.isPresent()
                && !byJobId.get().dtsJobId().equals(byInstanceId.get().dtsJobId())) {
            throw RuleViolation.invalid("R-JOB-ID-MATCH", command.instanceIdName(),
                    "DtsJobId and " + command.instanceIdName() + " identify different jobs.");
        }
        DtsJob job = (jobId != null ? byJobId : byInstanceId).orElseThrow(JobLocator::notFound);
        if (instanceId != null && byInstanceId.isEmpty()) {
            throw notFound();
        }
        if (!matches(command.regionId(), job.regionId()) || !matches(command.resourceGroupId(), job.resourceGroupId())) {
            throw notFound();
        }
        return job;
    }

    /** R-DIRECTION: the direction's task of the job (FORWARD for none), which only a two-way synchronization has Reverse. */
    static Direction requireTask(DtsJob job, Direction direction) {
        if (direction == Direction.REVERSE) {
            if (job.kind() != JobKind.TWO_WAY_SYNCHRONIZATION) {
                throw new RuleViolation("R-DIRECTION", ErrorCode.INVALID_DIRECTION);
            }
            return Direction.REVERSE;
        }
        return Direction.FORWARD;
    }

    private static boolean matches(String requested, String actual) {
        return blankToNull(requested) == null || requested.equals(actual);
    }

    static RuleViolation notFound() {
        return notFound("R-JOB-EXISTS");
    }

    /** InvalidDtsJobId.NotFound, for the rule that hides the job (R-JOB-EXISTS, or R-READ-VISIBLE for another account's). */
    static RuleViolation notFound(String rule) {
        return new RuleViolation(rule, ErrorCode.JOB_NOT_FOUND);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
