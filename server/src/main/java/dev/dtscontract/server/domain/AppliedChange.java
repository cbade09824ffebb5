package dev.dtscontract.server.domain;

/**
 * A change ModifyDtsJobEndpoint applied: the job before and after, and the side the precheck found replaced (the
 * precheck knows it; nobody works it out again from the two jobs).
 */
public record AppliedChange(DtsJob before, DtsJob after, JobSide side) {
}
