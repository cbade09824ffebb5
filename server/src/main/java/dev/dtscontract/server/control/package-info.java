/**
 * The emulator's test-control API (its own spec, EmulatorControl.yaml): a feature above the operations, never in their
 * way. {@link dev.dtscontract.server.control.ControlGuard} guards {@code /_emulator/**} itself (loopback or a token, the
 * emulator's own Host, same origin, UTF-8) as an {@link dev.dtscontract.server.rpc.OtherSurface} the edge hands those
 * paths to; {@link dev.dtscontract.server.control.ControlController} reads and replaces the state (seed, jobs, accounts),
 * moves the clock ({@link dev.dtscontract.server.control.EmulatorClock}) and queues faults, which
 * {@link dev.dtscontract.server.control.FaultInjection} applies around every operation. The journal
 * ({@link dev.dtscontract.server.control.Journal}, bounded in entries and bytes) and the jobs' history
 * ({@link dev.dtscontract.server.control.JobHistory}) observe the operations through the listeners the lower layers
 * publish (an {@link dev.dtscontract.server.rpc.ExchangeListener}, a {@link dev.dtscontract.server.domain.ChangeObserver}).
 */
package dev.dtscontract.server.control;
