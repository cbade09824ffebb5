package dev.dtscontract.verifier;

import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.spec.SpecExamples.ResponseExample;

import java.util.Map;

/**
 * One request the verifier sends and what the answer must be.
 *
 * @param name       unique, as reports show it (the request example's id, with the shape when not a plain GET)
 * @param id         what {@code --examples} selects it by: the request example's id, or the probe's id
 * @param rule       the x-rules id the documented answer belongs to, or null for the success
 * @param method     GET or POST
 * @param parameters the parameters, as the spec's example gives them
 * @param inForm     whether they travel in a form body (POST) rather than the query
 * @param signature  how it is signed
 * @param why        why this signature, when not the one asked for; else null
 * @param alteration what is done to the signed request (a probe), or NONE
 * @param expected   the documented answer
 * @param byCode     compare status, content type and Code only (the message depends on the request), not the whole body
 */
public record Check(String name, String id, String rule, String method, Map<String, String> parameters, boolean inForm,
                    Signature signature, String why, Alteration alteration, ResponseExample expected, boolean byCode) {

    /** The two signatures Alibaba's SDKs send. */
    public enum Signature {
        V3, V2;

        public static Signature of(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "v3" -> V3;
                case "v2", "v1", "rpc" -> V2;
                default -> throw new IllegalArgumentException("--signature is v3 or v2, not " + text);
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Probes: what a provider must refuse although the parameters are fine. */
    public enum Alteration {
        NONE,
        /** Signed with a secret other than the AccessKey's. */
        WRONG_SECRET,
        /** The same signed request sent twice; the second answer is checked. */
        REPLAY
    }

    /**
     * Safe against a production account: a request that changes nothing (a read, or a dry run: DryRun=true), or one whose
     * documented answer is a refusal, which a provider gives before any change.
     */
    public boolean safe() {
        return SpecContract.load().changesNothing(parameters) || expected.status() >= 400;
    }

    /** The operation it calls: its Action, or the first operation's when it leaves Action out (as SignedRequest does). */
    public String action() {
        return SpecContract.actionOf(parameters);
    }

    @Override
    public String toString() {
        return name;
    }
}
