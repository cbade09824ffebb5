package dev.dtscontract.server.storage;

/** A data directory the emulator cannot start from: its message is the one line the start prints before exit status 2. */
public final class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message, null, false, false);
    }
}
