package dev.dtscontract.server.domain;

/**
 * A change ModifyDtsJobEndpoint applied: the job before and after, the side the precheck found replaced (the
 * precheck knows it; nobody works it out again from the two jobs), and the command that asked for it.
 */
public record AppliedChange(DtsJob before, DtsJob after, JobSide side, ModifyEndpointCommand command) {
}
