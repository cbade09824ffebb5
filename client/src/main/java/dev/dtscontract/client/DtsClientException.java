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

    private DtsClientException(Builder b) {
        super("code: " + b.status + ", " + b.errorMessage + " request id: " + b.requestId, b.cause);
        this.status = b.status;
        this.code = b.code;
        this.errorMessage = b.errorMessage;
        this.requestId = b.requestId;
        this.retryable = b.retryable;
        this.rawBody = b.rawBody;
    }

    /** An exception built by name: status 0, not retryable, and no request id, raw body or cause unless set. */
    public static Builder builder(String code, String errorMessage) {
        return new Builder(code, errorMessage);
    }

    /** The values of a DtsClientException, each set by its name. */
    public static final class Builder {
        private final String code;
        private final String errorMessage;
        private int status;
        private String requestId;
        private boolean retryable;
        private String rawBody;
        private Throwable cause;

        private Builder(String code, String errorMessage) {
            this.code = code;
            this.errorMessage = errorMessage;
        }

        /** The HTTP status of the answer; 0 (the default) when none arrived. */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** Whether the request was certainly not applied, so sending it again is safe. */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        public Builder rawBody(String rawBody) {
            this.rawBody = rawBody;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public DtsClientException build() {
            return new DtsClientException(this);
        }
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
