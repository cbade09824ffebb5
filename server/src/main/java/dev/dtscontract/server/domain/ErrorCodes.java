package dev.dtscontract.server.domain;

/** The error codes the domain raises; each is an example in the spec's error catalogue (checked by a test). */
public final class ErrorCodes {

    public static final String MISSING_PARAMETER = "MissingParameter";
    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String INVALID_ACTION = "InvalidAction.NotFound";
    public static final String JOB_NOT_FOUND = "InvalidDtsJobId.NotFound";
    public static final String INVALID_DIRECTION = "InvalidParameter.SynchronizationDirection";
    public static final String INVALID_ENDPOINT = "DTS.Msg.InvalidEndpoint";
    public static final String ENDPOINT_INSTANCE_NOT_FOUND = "InvalidEndpointInstanceId.NotFound";
    public static final String SHARD_COUNT_MISMATCH = "DTS.Msg.ShardCountMismatch";
    public static final String LATENCY_TOO_HIGH = "DTS.Msg.LatencyTooHigh";
    public static final String NO_PERMISSION = "NoPermission.Operator";

    private ErrorCodes() {
    }
}
