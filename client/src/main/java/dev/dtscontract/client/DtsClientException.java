package dev.dtscontract.client;

/**
 * Every failure of a ModifyDtsJobEndpoint call: an error answer of the service (any status, or 200 with
 * Success=false), an answer that could not be parsed, or a transport failure (status 0).
 */
public final class DtsClientException extends RuntimeException {

    private final int status;
    private final String code;
    private final String errorMessage;
    private final String requestId;
    private final boolean retryable;
    private final String rawBody;

    public DtsClientException(int status, String code, String errorMessage, String requestId, boolean retryable,
                              String rawBody, Throwable cause) {
        super("code: " + status + ", " + errorMessage + " request id: " + requestId, cause);
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.retryable = retryable;
        this.rawBody = rawBody;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The error code (Code or ErrCode of the body), or an SDK.* code for client-side failures. */
    public String code() {
        return code;
    }

    /** The error message (Message or ErrMessage of the body). */
    public String errorMessage() {
        return errorMessage;
    }

    /** The RequestId of the answer, or null when there was none. */
    public String requestId() {
        return requestId;
    }

    /** Whether the request was certainly not applied, so sending it again is safe. */
    public boolean retryable() {
        return retryable;
    }

    /** The body as received, for answers that could not be parsed; null otherwise. */
    public String rawBody() {
        return rawBody;
    }
}
