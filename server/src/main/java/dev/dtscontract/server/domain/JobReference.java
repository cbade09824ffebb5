package dev.dtscontract.server.domain;

/**
 * How a request names a job, whichever operation it is: DtsJobId, the instance ID under the name the operation spells
 * it (ModifyDtsJobEndpoint's DtsInstanceId, DescribeDtsJobDetail's DtsInstanceID, for error messages), the RegionId and
 * ResourceGroupId it must be in, and the direction's task (null for Forward). Built by name.
 */
public record JobReference(String dtsJobId, String dtsInstanceId, String instanceIdName, String regionId,
                           String resourceGroupId, Direction direction) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a JobReference by name. */
    public static final class Builder {
        private String dtsJobId;
        private String dtsInstanceId;
        private String instanceIdName = "DtsInstanceId";
        private String regionId;
        private String resourceGroupId;
        private Direction direction;

        private Builder() {
        }

        public Builder dtsJobId(String value) {
            this.dtsJobId = value;
            return this;
        }

        /** The instance ID and the name its operation gives the parameter. */
        public Builder dtsInstanceId(String name, String value) {
            this.instanceIdName = name;
            this.dtsInstanceId = value;
            return this;
        }

        public Builder regionId(String value) {
            this.regionId = value;
            return this;
        }

        public Builder resourceGroupId(String value) {
            this.resourceGroupId = value;
            return this;
        }

        public Builder direction(Direction value) {
            this.direction = value;
            return this;
        }

        public JobReference build() {
            return new JobReference(dtsJobId, dtsInstanceId, instanceIdName, regionId, resourceGroupId, direction);
        }
    }
}
