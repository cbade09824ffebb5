package dev.dtscontract.emulator.junit;

/** {@link ExtensionOptionsContract} with the emulator in the test JVM (the default). */
class InProcessOptionsTest extends ExtensionOptionsContract {

    @Override
    DtsEmulatorExtension.Builder newBuilder() {
        return DtsEmulatorExtension.newInstance();
    }
}
