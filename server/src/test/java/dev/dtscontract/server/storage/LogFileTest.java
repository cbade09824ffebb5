package dev.dtscontract.server.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFileTest {

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(LogFile.Contents contents) {
        return contents.records().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    private Path written(String... records) {
        Path file = dir.resolve("state.log");
        try (LogFile log = LogFile.rewrite(file, List.of(text(records[0])))) {
            for (int i = 1; i < records.length; i++) {
                log.append(text(records[i]));
            }
        }
        return file;
    }

    @Test
    void recordsAppended_areReadBackInOrder_afterTheHeader() throws Exception {
        Path file = written("first", "second", "third é");
        LogFile.Contents contents = LogFile.read(file);
        assertEquals(List.of("first", "second", "third é"), texts(contents));
        assertEquals(-1, contents.tornAt());
        assertEquals("DTSLOG", new String(Files.readAllBytes(file), 0, 6, StandardCharsets.US_ASCII));
        assertEquals(LogFile.HEADER_BYTES + 3 * 8 + 5 + 6 + 8, Files.size(file));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "it holds secrets: its owner's only");
        }
    }

    @Test
    void aMissingFile_readsAsEmpty() {
        assertEquals(List.of(), LogFile.read(dir.resolve("none.log")).records());
    }

    @Test
    void aTornLastFrame_isDroppedAndCutOff_atEveryLengthItCouldHaveBeenCutAt() throws Exception {
        Path file = written("first", "second");
        byte[] whole = Files.readAllBytes(file);
        int lastStart = whole.length - (8 + "second".length());
        for (int cut = lastStart + 1; cut < whole.length; cut++) {
            Files.write(file, Arrays.copyOf(whole, cut));
            LogFile.Contents contents = LogFile.read(file);
            assertEquals(List.of("first"), texts(contents), "cut at " + cut);
            assertEquals(lastStart, contents.tornAt(), "cut at " + cut);
            assertEquals(lastStart, Files.size(file), "the file is cut back to the last whole record");
        }
    }

    @Test
    void aLastFrameWhoseBytesAreGarbage_isTorn_butDamageWithRecordsAfterIt_stopsTheStart() throws Exception {
        Path file = written("first", "second", "third");
        byte[] whole = Files.readAllBytes(file);
        byte[] lastBad = whole.clone();
        lastBad[lastBad.length - 1] ^= 0x55;
        Files.write(file, lastBad);
        assertEquals(List.of("first", "second"), texts(LogFile.read(file)));

        byte[] middleBad = whole.clone();
        int secondPayload = LogFile.HEADER_BYTES + 8 + 5 + 8;
        middleBad[secondPayload] ^= 0x55;
        Files.write(file, middleBad);
        StorageException e = assertThrows(StorageException.class, () -> LogFile.read(file));
        assertEquals(file + " is damaged at offset " + (LogFile.HEADER_BYTES + 13) + " (a record's checksum fails and 13 bytes follow it)",
                e.getMessage());
        assertEquals(middleBad.length, Files.size(file), "a damaged file is left as it is");
    }

    @Test
    void aFileOfANewerFormat_orNoLogAtAll_isRefusedWithOneLine() throws Exception {
        Path file = written("first");
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(6, LogFile.FORMAT_VERSION + 1);
        Files.write(file, bytes);
        StorageException newer = assertThrows(StorageException.class, () -> LogFile.read(file));
        assertEquals(file + " was written by a newer format (version 3); this emulator reads version 2 and older. "
                + "Use a newer emulator, or another DTS_DATA_DIR", newer.getMessage());
        Files.writeString(file, "jobs: []\n");
        StorageException other = assertThrows(StorageException.class, () -> LogFile.read(file));
        assertEquals(file + " is not a dts-emulator data file (no DTSLOG header)", other.getMessage());
    }

    @Test
    void concurrentAppends_shareFlushes_andEachReturnsOnlyOnceItsRecordIsForced() throws Exception {
        Path file = dir.resolve("state.log");
        int threads = 16;
        int each = 200;
        try (LogFile log = LogFile.rewrite(file, List.of(text("snapshot")))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        log.append(text(thread + ":" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertEquals(threads * each, log.appended());
            assertTrue(log.forces() < threads * each, log.forces() + " flushes for " + log.appended() + " records: none was shared");
            assertTrue(log.forces() >= 1);
        }
        List<String> read = texts(LogFile.read(file));
        assertEquals(1 + threads * each, read.size());
        for (int t = 0; t < threads; t++) {
            String prefix = t + ":";
            List<String> mine = read.stream().filter(r -> r.startsWith(prefix)).toList();
            assertEquals(each, mine.size());
            for (int i = 0; i < each; i++) {
                assertEquals(prefix + i, mine.get(i), "one thread's records stay in its order");
            }
        }
    }

    /**
     * A full disk, simulated (a channel that takes 100 bytes more and then fails mid-frame, as write(2) does with
     * ENOSPC): the write that did not fit is refused with one message naming the file and the reason, nothing after it
     * is accepted (it would follow a partial frame), and the next start reads every record acknowledged before it,
     * the partial frame dropped as torn.
     */
    @Test
    void aFullDisk_refusesTheWriteThatDidNotFit_acceptsNothingAfter_andLosesNothingAcknowledged() throws Exception {
        Path file = written("first");
        long before = Files.size(file);
        LogFile log = new LogFile(file, new FullAfter(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 100));
        List<String> acknowledged = new ArrayList<>(List.of("first"));
        UncheckedIOException full = null;
        for (int i = 0; i < 20 && full == null; i++) {
            String record = "record-" + i + "-".repeat(20);
            try {
                log.append(text(record));
                acknowledged.add(record);
            } catch (UncheckedIOException refused) {
                full = refused;
            }
        }
        assertNotNull(full, "the disk never filled");
        assertEquals("cannot write " + file + ": No space left on device", full.getMessage());
        assertThrows(UncheckedIOException.class, () -> log.append(text("after")), "nothing after a lost record");
        assertTrue(log.whenWrittenSoFarIsForced().isCompletedExceptionally());
        log.close();
        assertEquals(before + 100, Files.size(file), "the refused frame is partly on disk");
        LogFile.Contents contents = LogFile.read(file);
        assertEquals(acknowledged, texts(contents));
        assertTrue(contents.tornAt() > before, "the partial frame is torn: " + contents.tornAt());
    }

    /** A file channel on a disk with {@code room} bytes left. */
    private static final class FullAfter extends FileChannel {
        private final FileChannel real;
        private long room;

        FullAfter(FileChannel real, long room) {
            this.real = real;
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (room == 0) {
                throw new IOException("No space left on device");
            }
            int fits = (int) Math.min(src.remaining(), room);
            ByteBuffer part = src.slice().limit(fits);
            int written = real.write(part);
            src.position(src.position() + written);
            room -= written;
            return written;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long written = 0;
            for (int i = offset; i < offset + length; i++) {
                if (!srcs[i].hasRemaining()) {
                    continue;
                }
                int n = write(srcs[i]);
                written += n;
                if (srcs[i].hasRemaining()) {
                    break; // the disk took part of it: a short write, as write(2) returns
                }
            }
            return written;
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.channels.FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
