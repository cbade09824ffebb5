package dev.dtscontract.server.auth;

/** Callers for domain tests, which have no signed request to authenticate. */
public final class TestCallers {

    private TestCallers() {
    }

    /** A caller of this account, as a verified signature would establish. */
    public static Caller account(String accountId) {
        return Caller.of(accountId, "LTAI5tTestCallerKey0001");
    }

    /** The caller when the emulator runs with authentication explicitly off. */
    public static Caller authenticationOff() {
        return Caller.authenticationOff();
    }
}
