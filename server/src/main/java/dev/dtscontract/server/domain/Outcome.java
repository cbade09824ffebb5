package dev.dtscontract.server.domain;

/** The result of a ModifyDtsJobEndpoint that passed its precheck: the job now, and whether it changed. */
public record Outcome(DtsJob job, boolean applied) {
}
