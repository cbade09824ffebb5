package dev.dtscontract.server.domain;

/** What a DTS job does; only a two-way synchronization has a Reverse task (R-DIRECTION). */
public enum JobKind {
    MIGRATION,
    ONE_WAY_SYNCHRONIZATION,
    TWO_WAY_SYNCHRONIZATION
}
