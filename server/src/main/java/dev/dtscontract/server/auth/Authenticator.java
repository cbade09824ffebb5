package dev.dtscontract.server.auth;

import java.util.Map;

/** Who sent a request, or a RuleViolation saying why it is refused; never a default. */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param method the HTTP method, part of what is signed
     * @param sent   every parameter as received (query and form merged), values not normalised
     */
    Caller authenticate(String method, Map<String, String> sent);

    /** The one way to accept unsigned requests, each acting as the job's owner: dts.auth.enabled=false. */
    static Authenticator authenticationOff() {
        Caller anyone = Caller.authenticationOff();
        return (method, sent) -> anyone;
    }
}
