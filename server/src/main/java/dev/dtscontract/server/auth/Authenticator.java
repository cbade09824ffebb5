package dev.dtscontract.server.auth;

import java.util.Map;

/** Who sent a request, or a RuleViolation saying why it is refused; never a default. Two signatures: RPC (v1) and V3. */
public interface Authenticator {

    /**
     * @param method the HTTP method, part of what is signed
     * @param sent   every parameter as received (query and form merged), values not normalised
     */
    Caller authenticate(String method, Map<String, String> sent);

    /** A request signed with signature V3 (ACS3-HMAC-SHA256), told apart by its Authorization header. */
    Caller authenticateV3(AcsRequest request);

    /** The one way to accept unsigned requests, each acting as the job's owner: dts.auth.enabled=false. */
    static Authenticator authenticationOff() {
        Caller anyone = Caller.authenticationOff();
        return new Authenticator() {
            @Override
            public Caller authenticate(String method, Map<String, String> sent) {
                return anyone;
            }

            @Override
            public Caller authenticateV3(AcsRequest request) {
                return anyone;
            }
        };
    }
}
