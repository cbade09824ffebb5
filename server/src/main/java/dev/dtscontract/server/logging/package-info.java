/** The emulator's own logging configuration, which masks secrets and keeps each log record on one line. */
package dev.dtscontract.server.logging;
