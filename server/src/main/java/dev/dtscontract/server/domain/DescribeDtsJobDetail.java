package dev.dtscontract.server.domain;

/** DescribeDtsJobDetail as the operations call it: a job reference and the reader in, the job's detail out, or a RuleViolation. */
public interface DescribeDtsJobDetail {

    JobDetail describe(JobReference reference, Actor reader);
}
