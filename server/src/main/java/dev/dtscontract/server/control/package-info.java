/**
 * The emulator's test-control API (its own spec, EmulatorControl.yaml): a feature above the operations, never in their
 * way. {@link dev.dtscontract.server.control.ControlGuard} guards {@code /_emulator/**} itself (loopback or a token, the
 * emulator's own Host, same origin, UTF-8) as an {@link dev.dtscontract.server.rpc.OtherSurface} the edge hands those
 * paths to; {@link dev.dtscontract.server.control.ControlController} reads and replaces the state (seed, jobs, accounts),
 * moves the clock ({@link dev.dtscontract.server.control.EmulatorClock}), queues faults
 * ({@link dev.dtscontract.server.faults}) and reads the journal ({@link dev.dtscontract.server.journal}); the jobs'
 * history ({@link dev.dtscontract.server.control.JobHistory}) observes the domain through its
 * {@link dev.dtscontract.server.domain.ChangeObserver}.
 */
package dev.dtscontract.server.control;
