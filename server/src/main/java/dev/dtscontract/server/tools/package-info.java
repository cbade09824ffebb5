/**
 * Command-line tools shipped in the emulator's jar: {@link dev.dtscontract.server.tools.SignRequest} signs requests for
 * curl, load tools and the bench, through the signing module.
 */
package dev.dtscontract.server.tools;
