package dev.dtscontract.server.domain;

/** The task of a job that a request addresses (the API's SynchronizationDirection). */
public enum Direction {
    FORWARD,
    REVERSE
}
