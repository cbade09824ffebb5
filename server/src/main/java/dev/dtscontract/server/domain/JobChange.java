package dev.dtscontract.server.domain;

import java.time.Instant;

/**
 * One applied change as a job's history keeps it: the job's version after it, the request, the side and the endpoints
 * before and after. Built by name ({@link #builder()}).
 */
public record JobChange(long version, String requestId, Instant time, JobSide side, String synchronizationDirection,
                        String accessKeyId, JobEndpoint replaced, JobEndpoint replacement) {

    /** How many changes a job's history keeps: the last ones. */
    public static final int KEPT = 100;

    /** An applied change at a time, each value read by name. */
    public static JobChange of(AppliedChange applied, Instant time) {
        return builder().version(applied.after().version()).requestId(applied.command().requestId()).time(time)
                .side(applied.side())
                .synchronizationDirection(applied.command().requestedDirection()
                        .map(d -> d == Direction.REVERSE ? "Reverse" : "Forward").orElse(null))
                .accessKeyId(applied.command().actor().accessKeyId().orElse(null))
                .replaced(applied.before().endpoint(applied.side()))
                .replacement(applied.after().endpoint(applied.side()))
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of this change, to change one by name. */
    public Builder toBuilder() {
        return builder().version(version).requestId(requestId).time(time).side(side)
                .synchronizationDirection(synchronizationDirection).accessKeyId(accessKeyId)
                .replaced(replaced).replacement(replacement);
    }

    /** A change built by name (the durable store and a snapshot read one back). */
    public static final class Builder {
        private long version;
        private String requestId;
        private Instant time;
        private JobSide side;
        private String synchronizationDirection;
        private String accessKeyId;
        private JobEndpoint replaced;
        private JobEndpoint replacement;

        private Builder() {
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Builder side(JobSide side) {
            this.side = side;
            return this;
        }

        public Builder synchronizationDirection(String synchronizationDirection) {
            this.synchronizationDirection = synchronizationDirection;
            return this;
        }

        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
            return this;
        }

        public Builder replaced(JobEndpoint replaced) {
            this.replaced = replaced;
            return this;
        }

        public Builder replacement(JobEndpoint replacement) {
            this.replacement = replacement;
            return this;
        }

        public JobChange build() {
            return new JobChange(version, requestId, time, side, synchronizationDirection, accessKeyId, replaced, replacement);
        }
    }
}
