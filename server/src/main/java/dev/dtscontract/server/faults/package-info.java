/**
 * Faults a test asked for through the control API ({@link dev.dtscontract.server.faults.Faults}): answer an error code,
 * wait, or apply and drop the connection. {@link dev.dtscontract.server.faults.FaultInjection} applies them around every
 * operation, after the edge admitted the request; no operation knows of them.
 */
package dev.dtscontract.server.faults;
