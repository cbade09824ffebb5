package dev.dtscontract.server.domain;

/**
 * A request broke a rule of the spec's {@code x-rules}. Carries the rule id, the error code the spec gives
 * it and a message for the caller; the HTTP status comes from the spec's error catalogue at the edge.
 * Messages never contain secrets; request values in them go through {@link Printable}.
 */
public final class RuleViolation extends RuntimeException {

    /** The rule id of an answer a test asked for (the test-control API's fault injection), not a rule broken. */
    public static final String FAULT = "FAULT";

    private final String ruleId;
    private final ErrorCode code;

    /** With a message of its own: one that names what was sent (a parameter, a value, a reason). */
    public RuleViolation(String ruleId, ErrorCode code, String message) {
        super(java.util.Objects.requireNonNull(message, "message"), null, false, false);
        this.ruleId = ruleId;
        this.code = code;
    }

    /**
     * With the spec's message for this code and rule (its error example's), which the edge fills in: a fixed message
     * is written once, in the spec, never restated here. {@link #getMessage()} is then null.
     */
    public RuleViolation(String ruleId, ErrorCode code) {
        super(null, null, false, false);
        this.ruleId = ruleId;
        this.code = code;
    }

    /** Whether an injected fault, not a broken rule, caused this answer. */
    public boolean isFault() {
        return FAULT.equals(ruleId);
    }

    public String ruleId() {
        return ruleId;
    }

    public ErrorCode code() {
        return code;
    }

    /** MissingParameter in Alibaba Cloud's wording. */
    public static RuleViolation missing(String ruleId, String parameter) {
        return new RuleViolation(ruleId, ErrorCode.MISSING_PARAMETER,
                "The input parameter \"" + Printable.of(parameter) + "\" that is mandatory for processing this request is not supplied.");
    }

    /** InvalidParameter in Alibaba Cloud's wording, with the reason. */
    public static RuleViolation invalid(String ruleId, String parameter, String reason) {
        return new RuleViolation(ruleId, ErrorCode.INVALID_PARAMETER,
                "The specified parameter \"" + Printable.of(parameter) + "\" is not valid: " + reason);
    }
}
