/**
 * Test support for code that calls ModifyDtsJobEndpoint: {@link dev.dtscontract.emulator.junit.DtsEmulatorExtension}
 * runs the emulator in-process on a free port (with {@code dev.dtscontract:server} on the test class path), as its own
 * process from the standalone jar ({@code outOfProcess()}), or uses one already running; resets it before each test;
 * and hands tests a {@link dev.dtscontract.client.DtsClient} signed with the demo key and an
 * {@link dev.dtscontract.emulator.junit.EmulatorControl} over the test-control API (client generated from
 * EmulatorControl.yaml, on the JDK's HTTP client) to arrange state and assert on state and the request journal.
 */
package dev.dtscontract.emulator.junit;
