package dev.dtscontract.server.domain;

/**
 * Every error code the emulator can answer, the one place their wire spelling lives. Each must be in the spec's
 * error catalogue (an example under the response of its status); {@code ErrorBodies} refuses to start
 * otherwise, so a code cannot be raised without a documented status and example.
 */
public enum ErrorCode {
    MISSING_PARAMETER("MissingParameter"),
    INVALID_PARAMETER("InvalidParameter"),
    INVALID_ACTION("InvalidAction.NotFound"),
    JOB_NOT_FOUND("InvalidDtsJobId.NotFound"),
    INVALID_DIRECTION("InvalidParameter.SynchronizationDirection"),
    INVALID_ENDPOINT("DTS.Msg.InvalidEndpoint"),
    ENDPOINT_INSTANCE_NOT_FOUND("InvalidEndpointInstanceId.NotFound"),
    SHARD_COUNT_MISMATCH("DTS.Msg.ShardCountMismatch"),
    LATENCY_TOO_HIGH("DTS.Msg.LatencyTooHigh"),
    NO_PERMISSION("NoPermission.Operator"),
    INCOMPLETE_SIGNATURE("IncompleteSignature"),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch"),
    SIGNATURE_NONCE_USED("SignatureNonceUsed"),
    TIMESTAMP_FORMAT("InvalidTimeStamp.Format"),
    TIMESTAMP_EXPIRED("InvalidTimeStamp.Expired"),
    ACCESS_KEY_NOT_FOUND("InvalidAccessKeyId.NotFound"),
    ACCESS_KEY_INACTIVE("InvalidAccessKeyId.Inactive"),
    SECURITY_TOKEN_MISMATCH("InvalidSecurityToken.MismatchWithAccessKey"),
    SECURITY_TOKEN_EXPIRED("InvalidSecurityToken.Expired"),
    THROTTLING_USER("Throttling.User"),
    UNSUPPORTED_HTTP_METHOD("UnsupportedHTTPMethod"),
    REQUEST_TOO_LARGE("RequestTooLarge"),
    URI_TOO_LONG("RequestURITooLong"),
    HEADERS_TOO_LARGE("RequestHeaderFieldsTooLarge"),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType"),
    INTERNAL_ERROR("InternalError"),
    /** Documented as 500, served by Alibaba's gateway as 503: the one code the catalogue lists with two statuses. */
    SERVICE_UNAVAILABLE("ServiceUnavailable");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The code as the spec and the wire spell it. */
    public String wire() {
        return wire;
    }
}
