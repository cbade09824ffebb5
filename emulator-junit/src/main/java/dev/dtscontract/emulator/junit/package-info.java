/**
 * Test support for code that calls ModifyDtsJobEndpoint: {@link dev.dtscontract.emulator.junit.DtsEmulatorExtension}
 * runs the emulator in-process on a free port (or uses one already running), resets it before each test, and hands
 * tests a {@link dev.dtscontract.client.DtsClient} signed with the demo key and an
 * {@link dev.dtscontract.emulator.junit.EmulatorControl} over the test-control API (client generated from
 * EmulatorControl.yaml) to arrange state and assert on state and the request journal.
 */
package dev.dtscontract.emulator.junit;
