package dev.dtscontract.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each durable before {@link #append} returns: a header ({@code DTSLOG}, a format
 * version), then frames of [payload length, CRC-32C of the payload, payload]. Concurrent appends share one
 * {@link FileChannel#force}: each writer queues its frame in memory and waits; one flusher thread writes everything
 * queued so far in one gathering write, forces it, and completes every writer that force covered (group commit: one
 * write and one flush for all the records that arrived while the previous ones ran, one thread woken per flush, and no
 * writer ever blocked by the disk while it holds a lock of its own).
 * <p>
 * Reading ({@link #read}) tells a torn last frame (a crash mid-write: a frame that runs past the end of the file or
 * whose checksum fails with nothing after it) from damage (a bad frame with more data after it, a bad header, a newer
 * format): the first is dropped, the file cut back to the last whole frame, the second is a {@link StorageException}.
 */
final class LogFile implements AutoCloseable {

    /**
     * 2: a job change holds the side's new endpoint only (replayed through the domain); 1 held the whole job and both
     * endpoints of the change (still read: a restart rewrites it as format 2).
     */
    static final int FORMAT_VERSION = 2;
    private static final byte[] MAGIC = "DTSLOG".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = MAGIC.length + Integer.BYTES;
    /** A record is at most this long: far above any state a seed may hold (1 MiB bodies), far below a bad length. */
    static final int MAX_RECORD_BYTES = 64 << 20;

    /** What reading a file found: its whole records in order, and where a torn last frame was cut off (or -1). */
    record Contents(List<byte[]> records, long tornAt) {
    }

    private final Path path;
    private final FileChannel channel;
    private final Object lock = new Object();
    private long written;
    private long forced;
    private long forces;
    private IOException broken;
    /** What failed: "encode" (a record), "write" or "force". */
    private String brokenBy;
    /** Records handed in but not yet in the file: the flusher's next batch, encoded by it. */
    private final List<java.util.function.Supplier<byte[]>> queued = new ArrayList<>();
    private boolean closed;
    /** The writers waiting for a force, the lowest sequence first. */
    private final java.util.PriorityQueue<Waiting> pending = new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(Waiting::sequence));
    private final Thread flusher;

    /** A log appending to {@code channel} (opened on {@code path} for appending): {@link #rewrite} makes one. */
    LogFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.flusher = new Thread(this::flush, "dts-data-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * Reads every whole record of a log; a torn last frame is cut off the file (so appends continue after the last
     * whole record). A missing file reads as empty.
     *
     * @throws StorageException when the file is damaged elsewhere or was written by another format
     */
    static Contents read(Path path) {
        if (!Files.exists(path)) {
            return new Contents(List.of(), -1);
        }
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = in.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            readFully(in, header, 0);
            header.flip();
            if (header.remaining() < HEADER_BYTES || !startsWithMagic(header)) {
                throw new StorageException(path + " is not a dts-emulator data file (no DTSLOG header)");
            }
            int version = header.getInt(MAGIC.length);
            if (version > FORMAT_VERSION) {
                throw new StorageException(path + " was written by a newer format (version " + version
                        + "); this emulator reads version " + FORMAT_VERSION + " and older. Use a newer emulator, or another DTS_DATA_DIR");
            }
            if (version < 1) {
                throw new StorageException(path + " has an unknown format version " + version);
            }
            List<byte[]> records = new ArrayList<>();
            long at = HEADER_BYTES;
            ByteBuffer frame = ByteBuffer.allocate(8);
            while (at < size) {
                frame.clear();
                readFully(in, frame, at);
                frame.flip();
                if (frame.remaining() < 8) {
                    return torn(in, path, records, at);
                }
                int length = frame.getInt();
                int crc = frame.getInt();
                long end = at + 8 + length;
                if (length < 0 || length > MAX_RECORD_BYTES || end > size) {
                    return torn(in, path, records, at);
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(in, payload, at + 8);
                if (checksum(payload.array()) != crc) {
                    if (end == size) {
                        return torn(in, path, records, at);
                    }
                    throw new StorageException(path + " is damaged at offset " + at + " (a record's checksum fails and "
                            + (size - end) + " bytes follow it)");
                }
                records.add(payload.array());
                at = end;
            }
            return new Contents(records, -1);
        } catch (IOException e) {
            throw new StorageException("cannot read " + path + ": " + why(e));
        }
    }

    private static Contents torn(FileChannel in, Path path, List<byte[]> records, long at) throws IOException {
        in.truncate(at);
        in.force(true);
        return new Contents(records, at);
    }

    /**
     * Writes these records as a new log, forced, in place of the one at {@code path} (a temporary file moved over it
     * atomically, the directory forced), and opens it for appending.
     */
    static LogFile rewrite(Path path, List<byte[]> records) {
        Path next = path.resolveSibling(path.getFileName() + ".next");
        try {
            Files.deleteIfExists(next);
            try (FileChannel out = ownerOnly(next)) {
                ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(FORMAT_VERSION).flip();
                writeFully(out, header);
                for (byte[] record : records) {
                    writeFully(out, frame(record));
                }
                out.force(true);
            }
            Files.move(next, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(path.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new LogFile(path, channel);
        } catch (IOException e) {
            throw new StorageException("cannot write " + path + ": " + why(e));
        }
    }

    /**
     * A new file only its owner may read or write where the file system has POSIX permissions: it holds the jobs'
     * passwords and the AccessKey secrets, as the seed file does.
     */
    private static FileChannel ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Makes a rename in this directory durable (a no-op where directories cannot be opened, as on Windows). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform forces a directory; Linux and macOS do.
        }
    }

    /**
     * Appends a record and returns once it is on disk (forced), with whatever other records were appended meanwhile.
     *
     * @throws UncheckedIOException when the disk refused it, or refused an earlier record (the log is then closed to
     *                              appends: nothing after a lost record may be acknowledged)
     */
    void append(byte[] record) {
        awaitForced(write(record));
    }

    /**
     * Queues a record for the file (in memory: not yet written, not yet forced) and returns its sequence number for
     * {@link #awaitForced}: cheap enough for a writer holding a lock (a job's update), since no writer ever waits for
     * the disk here, not even for a page a flush is writing back. Records reach the file in the order of these calls.
     *
     * @throws UncheckedIOException when the disk refused an earlier record, or the log is closed
     */
    long write(byte[] record) {
        return write(() -> record);
    }

    /**
     * Queues a record that the flusher encodes when it writes the batch: a writer holding a lock (a job's update) only
     * hands over the immutable values the record is made of, and the encoding runs off every request's path. An
     * encoding that fails is a record the log could not write, like a refused write.
     */
    long write(java.util.function.Supplier<byte[]> record) {
        synchronized (lock) {
            failIfBroken();
            if (closed) {
                throw closedRefusal();
            }
            queued.add(record);
            return ++written;
        }
    }

    /**
     * A stage that completes once every record written so far is forced (at once when it already is): the flusher
     * forces everything written while it waited, then completes every answer that force covered, so concurrent writers
     * share one flush. It fails when the disk refused a record.
     */
    CompletableFuture<Void> whenWrittenSoFarIsForced() {
        synchronized (lock) {
            return whenForced(written);
        }
    }

    /** Returns once the record of this sequence number, and every one before it, is forced to disk. */
    void awaitForced(long sequence) {
        CompletableFuture<Void> forcedNow;
        synchronized (lock) {
            forcedNow = whenForced(sequence);
        }
        try {
            forcedNow.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException refused) {
                throw refused;
            }
            throw e;
        }
    }

    /** Called holding the lock. */
    private CompletableFuture<Void> whenForced(long sequence) {
        if (broken != null) {
            return CompletableFuture.failedFuture(refusal());
        }
        if (closed) {
            return CompletableFuture.failedFuture(closedRefusal());
        }
        if (forced >= sequence) {
            return CompletableFuture.completedFuture(null);
        }
        if (Thread.currentThread() == flusher) {
            throw new IllegalStateException("the flusher cannot wait for itself");
        }
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        pending.add(new Waiting(sequence, waiting));
        lock.notifyAll();
        return waiting;
    }

    /**
     * The one thread that touches the file: it waits for a writer to wait, writes every record queued so far (those of
     * every writer that arrived meanwhile) in one gathering write, forces them, then completes the waiters that force
     * covered. At close it writes and forces what is still queued.
     */
    private void flush() {
        List<Waiting> done = new ArrayList<>();
        while (true) {
            long target;
            List<java.util.function.Supplier<byte[]>> batch;
            synchronized (lock) {
                while (pending.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closed = true;
                    }
                }
                if (pending.isEmpty() && (queued.isEmpty() || broken != null)) {
                    return;
                }
                target = written;
                batch = new ArrayList<>(queued);
                queued.clear();
            }
            IOException failure = null;
            String failed = null;
            try {
                failed = "encode";
                ByteBuffer[] frames = new ByteBuffer[batch.size()];
                for (int i = 0; i < frames.length; i++) {
                    frames[i] = frame(batch.get(i).get());
                }
                failed = "write";
                writeFully(channel, frames);
                failed = "force";
                channel.force(false);
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) { // a record that cannot be encoded: nothing after it may be acknowledged
                failure = new IOException(e.toString(), e);
            }
            UncheckedIOException refusal = null;
            synchronized (lock) {
                if (failure == null) {
                    forced = Math.max(forced, target);
                    forces++;
                    while (!pending.isEmpty() && pending.peek().sequence() <= forced) {
                        done.add(pending.poll());
                    }
                } else {
                    broken = failure;
                    brokenBy = failed;
                    refusal = refusal();
                    done.addAll(pending);
                    pending.clear();
                }
            }
            for (Waiting waiting : done) {
                if (refusal == null) {
                    waiting.forced().complete(null);
                } else {
                    waiting.forced().completeExceptionally(refusal);
                }
            }
            done.clear();
        }
    }

    private record Waiting(long sequence, CompletableFuture<Void> forced) {
    }

    /** A closed log acknowledges nothing more: what it would answer for was not kept (or not asked for). */
    private UncheckedIOException closedRefusal() {
        IOException closedNow = new IOException("the log is closed");
        return new UncheckedIOException("cannot write " + path + ": " + closedNow.getMessage(), closedNow);
    }

    private UncheckedIOException refusal() {
        return new UncheckedIOException("cannot " + brokenBy + " " + path + ": " + why(broken), broken);
    }

    /** What went wrong, in words: some IOExceptions (a closed channel) carry no message. */
    static String why(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void failIfBroken() {
        if (broken != null) {
            throw refusal();
        }
    }

    /** How many forces ran since it was opened: fewer than the records appended when writes were grouped. */
    long forces() {
        synchronized (lock) {
            return forces;
        }
    }

    /** How many records are queued or written but not yet forced. */
    long unforced() {
        synchronized (lock) {
            return written - forced;
        }
    }

    /** How many records were appended since it was opened. */
    long appended() {
        synchronized (lock) {
            return written;
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            flusher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing after every record was forced loses nothing
        }
    }

    private static ByteBuffer frame(byte[] record) {
        if (record.length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a record of " + record.length + " bytes is more than " + MAX_RECORD_BYTES);
        }
        return ByteBuffer.allocate(8 + record.length).putInt(record.length).putInt(checksum(record)).put(record).flip();
    }

    static int checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static boolean startsWithMagic(ByteBuffer header) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (header.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static void readFully(FileChannel in, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = in.read(into, at);
            if (n < 0) {
                return;
            }
            at += n;
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer from) throws IOException {
        while (from.hasRemaining()) {
            out.write(from);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer[] from) throws IOException {
        int first = 0;
        while (first < from.length) {
            out.write(from, first, from.length - first);
            while (first < from.length && !from[first].hasRemaining()) {
                first++;
            }
        }
    }
}
