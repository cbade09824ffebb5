package dev.dtscontract.emulator.junit;

/** {@link ExtensionOptionsContract} with the emulator as its own process (the standalone jar of this build). */
class OutOfProcessOptionsTest extends ExtensionOptionsContract {

    @Override
    DtsEmulatorExtension.Builder newBuilder() {
        return DtsEmulatorExtension.newInstance().outOfProcess(OutOfProcessExtensionTest.JAR);
    }
}
