package dev.dtscontract.verifier;

import java.util.List;

/**
 * What became of one check.
 *
 * @param status   the HTTP status answered, or 0 when nothing was sent
 * @param problems what differs from the spec, one line each, each naming the check and the rule or validator key broken
 * @param reason   why it was skipped
 */
public record Result(Check check, Verdict verdict, int status, List<String> problems, String reason, long millis) {

    public enum Verdict { PASSED, FAILED, SKIPPED }

    static Result skipped(Check check, String reason) {
        return new Result(check, Verdict.SKIPPED, 0, List.of(), reason, 0);
    }

    static Result of(Check check, int status, List<String> problems, long millis) {
        return new Result(check, problems.isEmpty() ? Verdict.PASSED : Verdict.FAILED, status, List.copyOf(problems), null, millis);
    }
}
