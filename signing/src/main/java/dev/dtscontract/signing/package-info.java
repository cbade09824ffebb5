/**
 * Signing and canonical forms, in plain Java with no dependency: RFC 3986 encoding ({@link dev.dtscontract.signing.Rfc3986}),
 * the form and query codec ({@link dev.dtscontract.signing.UrlEncoded}), the RPC signature
 * ({@link dev.dtscontract.signing.RpcSignature}) and signature V3 ({@link dev.dtscontract.signing.AcsSignatureV3}), and the one
 * builder of signed requests ({@link dev.dtscontract.signing.SignedRequest}). The emulator verifies with these canonical
 * forms; the client, the verifier, the tools, the bench and the tests sign through them. The test vectors are requests
 * captured from Alibaba's SDKs, the published RPC example, and a negative vector for each rule of the canonical forms.
 */
package dev.dtscontract.signing;
