package dev.dtscontract.contract;

import dev.dtscontract.client.Credentials;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The demo account's AccessKey, read from the emulator's default seed (the pair the README prints). */
final class DemoCredentials {

    private static final Map<String, Object> SEED = readSeed();
    static final Credentials DEMO = of(firstAccessKeyId());

    private DemoCredentials() {
    }

    @SuppressWarnings("unchecked")
    private static String firstAccessKeyId() {
        Map<String, Object> account = ((List<Map<String, Object>>) SEED.get("accounts")).get(0);
        return (String) ((List<Map<String, Object>>) account.get("accessKeys")).get(0).get("id");
    }

    /**
     * The seed's credentials of this AccessKeyId, an STS one with its SecurityToken; for an id the seed does not have,
     * that id with a secret of its own (a request signed with it is for a key nobody has).
     */
    @SuppressWarnings("unchecked")
    static Credentials of(String accessKeyId) {
        for (Map<String, Object> account : (List<Map<String, Object>>) SEED.get("accounts")) {
            for (Map<String, Object> key : (List<Map<String, Object>>) account.getOrDefault("accessKeys", List.of())) {
                if (accessKeyId.equals(key.get("id"))) {
                    return Credentials.of(accessKeyId, (String) key.get("secret"));
                }
            }
            for (Map<String, Object> sts : (List<Map<String, Object>>) account.getOrDefault("temporaryCredentials", List.of())) {
                if (accessKeyId.equals(sts.get("accessKeyId"))) {
                    return Credentials.sts(accessKeyId, (String) sts.get("secret"), (String) sts.get("securityToken"));
                }
            }
        }
        return Credentials.of(accessKeyId, "SecretOfAnAccessKeyNobodyHas01");
    }

    private static Map<String, Object> readSeed() {
        try (InputStream in = DemoCredentials.class.getClassLoader().getResourceAsStream("seed/default-seed.yaml")) {
            return new Yaml(new LoaderOptions()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
