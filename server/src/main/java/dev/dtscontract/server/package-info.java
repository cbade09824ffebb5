/**
 * The emulator's Micronaut application: the thin controller that implements the interface generated from the
 * spec and maps each admitted call to a domain command by parameter name ({@code Commands}), and the wiring of the
 * domain (store, catalogue, service) and of authentication from the seed and configuration.
 */
package dev.dtscontract.server;
