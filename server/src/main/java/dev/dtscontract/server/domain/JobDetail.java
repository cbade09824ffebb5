package dev.dtscontract.server.domain;

/**
 * A job as DescribeDtsJobDetail reads it: the job, its status at the time of the read (R-READ-STATUS), the direction's
 * task read, and that task's source and destination (for Reverse, the forward task's destination and source).
 */
public record JobDetail(DtsJob job, String status, Direction direction, JobEndpoint source, JobEndpoint destination) {
}
