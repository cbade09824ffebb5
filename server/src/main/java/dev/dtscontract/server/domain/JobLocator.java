package dev.dtscontract.server.domain;

import java.util.Optional;

/** Finds the job a request names: rules R-JOB-ID, R-JOB-ID-MATCH and R-JOB-EXISTS. */
final class JobLocator {

    private final JobStore store;

    JobLocator(JobStore store) {
        this.store = store;
    }

    DtsJob locate(ModifyEndpointCommand command) {
        String jobId = blankToNull(command.dtsJobId());
        String instanceId = blankToNull(command.dtsInstanceId());
        if (jobId == null && instanceId == null) {
            throw RuleViolation.missing("R-JOB-ID", "DtsJobId");
        }
        Optional<DtsJob> byJobId = jobId == null ? Optional.empty() : store.findByJobId(jobId);
        Optional<DtsJob> byInstanceId = instanceId == null ? Optional.empty() : store.findByInstanceId(instanceId);
        if (jobId != null && instanceId != null && byJobId.isPresent() && byInstanceId.isPresent()
                && !byJobId.get().dtsJobId().equals(byInstanceId.get().dtsJobId())) {
            throw RuleViolation.invalid("R-JOB-ID-MATCH", "DtsInstanceId",
                    "DtsJobId and DtsInstanceId identify different jobs.");
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

    private static boolean matches(String requested, String actual) {
        return blankToNull(requested) == null || requested.equals(actual);
    }

    private static RuleViolation notFound() {
        return new RuleViolation("R-JOB-EXISTS", ErrorCode.JOB_NOT_FOUND, "The specified DTS job does not exist.");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
