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

    static final Credentials DEMO = load();

    private DemoCredentials() {
    }

    @SuppressWarnings("unchecked")
    private static Credentials load() {
        try (InputStream in = DemoCredentials.class.getClassLoader().getResourceAsStream("seed/default-seed.yaml")) {
            Map<String, Object> seed = new Yaml(new LoaderOptions()).load(in);
            Map<String, Object> account = ((List<Map<String, Object>>) seed.get("accounts")).get(0);
            Map<String, Object> key = ((List<Map<String, Object>>) account.get("accessKeys")).get(0);
            return Credentials.of((String) key.get("id"), (String) key.get("secret"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
