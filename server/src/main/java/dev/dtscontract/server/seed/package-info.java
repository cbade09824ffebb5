/**
 * The emulator's starting state: jobs and database instances read from a YAML seed file (the default one
 * ships in the jar; {@code dts.seed.path} names another). A bad seed fails the start with the entry at fault.
 */
package dev.dtscontract.server.seed;
