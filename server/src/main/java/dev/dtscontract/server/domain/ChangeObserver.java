package dev.dtscontract.server.domain;

/**
 * Sees each change the operations apply, inside the job's atomic update, so what it records (a job's history) is in
 * version order whatever runs concurrently. It must not touch the job store; if it throws, the change is not applied.
 * The emulator's features implement it (the job history); the domain knows nothing of them.
 */
@FunctionalInterface
public interface ChangeObserver {

    void applied(AppliedChange change);

    /** Observes nothing. */
    ChangeObserver NONE = change -> { };
}
