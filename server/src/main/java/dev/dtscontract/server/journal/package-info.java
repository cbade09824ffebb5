/**
 * The request journal: every answered request, newest first, bounded in entries and bytes
 * ({@link dev.dtscontract.server.journal.JournalLimits}), secrets masked. It observes the edge through the
 * {@link dev.dtscontract.server.rpc.ExchangeListener} the edge publishes
 * ({@link dev.dtscontract.server.journal.JournalRecorder}); the control API and the console read it. Nothing here
 * decides a rule or changes an answer.
 */
package dev.dtscontract.server.journal;
