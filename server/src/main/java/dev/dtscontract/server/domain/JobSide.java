package dev.dtscontract.server.domain;

/** Which database of a task a request changes (the API's Endpoint: src or dest). */
public enum JobSide {
    SOURCE,
    DESTINATION;

    /** The reverse task of a two-way synchronization reads from the forward task's destination. */
    public JobSide reversed() {
        return this == SOURCE ? DESTINATION : SOURCE;
    }
}
