package dev.dtscontract.emulator.junit;

import java.net.URI;
import java.util.Map;

/**
 * The emulator in the test JVM (the extension's default). Only this class touches the server artifact, so a test
 * class path without it (a team that runs the emulator as its own process) never loads a server class.
 */
final class InProcessEmulator implements AutoCloseable {

    static final String SERVER_CLASS = "dev.dtscontract.server.EmbeddedEmulator";

    private final dev.dtscontract.server.EmbeddedEmulator emulator;

    private InProcessEmulator(dev.dtscontract.server.EmbeddedEmulator emulator) {
        this.emulator = emulator;
    }

    /**
     * Starts it with these settings on 127.0.0.1 and a port the server binds itself.
     *
     * @throws IllegalStateException when the server artifact is not on the class path, saying what to add instead
     */
    static InProcessEmulator start(Map<String, Object> properties) {
        try {
            Class.forName(SERVER_CLASS, false, InProcessEmulator.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The emulator runs in the test JVM only with dev.dtscontract:server on the test class path: "
                    + "add it (scope test), or use DtsEmulatorExtension.newInstance().outOfProcess() to run it as its own process");
        }
        return new InProcessEmulator(dev.dtscontract.server.EmbeddedEmulator.start(properties));
    }

    URI url() {
        return emulator.url();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
