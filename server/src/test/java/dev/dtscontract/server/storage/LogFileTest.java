package dev.dtscontract.server.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(file + " was written by a newer format (version 2); this emulator reads version 1 and older. "
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
}
