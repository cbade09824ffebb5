package dev.dtscontract.server.domain;

/**
 * The result of a ModifyDtsJobEndpoint that passed its precheck: the job before and after (the same value when
 * nothing changed), and whether it changed.
 */
public record Outcome(DtsJob before, DtsJob job, boolean applied) {
}
