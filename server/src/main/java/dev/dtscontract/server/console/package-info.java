/**
 * The browser console (its own spec, EmulatorConsole.yaml): pages of the jobs, the journal and the API reference, built
 * from the control API's views. Every value shown is escaped ({@link dev.dtscontract.server.console.Html}); the pages
 * send no frame or script permissions beyond their own ({@link dev.dtscontract.server.console.ConsoleHeaders}), and the
 * one form that changes state, the reset button, carries the console's own token
 * ({@link dev.dtscontract.server.console.ConsoleToken}).
 */
package dev.dtscontract.server.console;
