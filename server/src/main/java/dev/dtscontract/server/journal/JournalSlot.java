package dev.dtscontract.server.journal;

import dev.dtscontract.server.rpc.Exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One place of the journal's ring: the entry it holds, as bytes in a buffer the slot keeps and reuses. A slot holds no
 * reference to a request's objects, so the ring (long-lived) never keeps young objects alive: under load the young
 * collector then has nothing of the journal's to copy, which is what made the journal cost throughput when entries were
 * objects. Guarded by its own monitor: a writer and a reader of the same slot never overlap.
 */
final class JournalSlot {

    /** A buffer kept for a typical entry is at most this, so that one very large request does not pin its size. */
    private static final int KEPT_BUFFER_LIMIT = 16 * 1024;
    private static final Exchange.Signature[] SIGNATURES = Exchange.Signature.values();
    private static final Exchange.Ending[] ENDINGS = Exchange.Ending.values();
    /** How an entry's answer is written: none, JSON text, or a model's values. */
    private static final int NO_ANSWER = 0;
    private static final int JSON = 1;
    private static final int VALUES = 2;

    private long sequence = -1;
    private byte[] bytes = new byte[0];
    private int length;
    private int position;

    /** Keeps {@code entry} as the request numbered {@code sequence}, unless a later one already took this place. */
    synchronized void write(long sequence, Journal.Entry entry) {
        if (sequence < this.sequence) {
            return;
        }
        this.sequence = sequence;
        length = 0;
        putLong(entry.time().getEpochSecond());
        putInt(entry.time().getNano());
        putInt(entry.status());
        putInt(entry.signature().ordinal());
        putInt(entry.ending().ordinal());
        for (Journal.Entry.Text text : Journal.Entry.TEXT) {
            putString(text.get().apply(entry));
        }
        putAnswer(entry.answer().orElse(null));
        if (bytes.length > KEPT_BUFFER_LIMIT && length <= KEPT_BUFFER_LIMIT / 4) {
            bytes = Arrays.copyOf(bytes, KEPT_BUFFER_LIMIT / 4);
        }
    }

    /** The entry of request {@code sequence}, or null if this place holds another one (or none yet). */
    synchronized Journal.Entry read(long sequence, Set<String> secrets) {
        if (this.sequence != sequence) {
            return null;
        }
        position = 0;
        Instant time = Instant.ofEpochSecond(getLong(), getInt());
        int status = getInt();
        Exchange.Signature signature = SIGNATURES[getInt()];
        Exchange.Ending ending = ENDINGS[getInt()];
        Journal.Entry.Builder entry = Journal.Entry.builder().time(time).status(status).signature(signature).ending(ending).secrets(secrets);
        for (Journal.Entry.Text text : Journal.Entry.TEXT) {
            text.set().accept(entry, getString());
        }
        return entry.answer(getAnswer()).build();
    }

    private void putAnswer(JournalAnswer answer) {
        if (answer instanceof JournalAnswer.Json json) {
            putInt(JSON);
            putString(json.text());
        } else if (answer instanceof JournalAnswer.Values values) {
            putInt(VALUES);
            putString(values.model().getName());
            putInt(values.values().size());
            values.values().forEach(this::putString);
        } else {
            putInt(NO_ANSWER);
        }
    }

    private JournalAnswer getAnswer() {
        int kind = getInt();
        if (kind == JSON) {
            return new JournalAnswer.Json(getString());
        }
        if (kind == NO_ANSWER) {
            return null;
        }
        Class<?> model;
        try {
            model = Class.forName(getString(), false, JournalSlot.class.getClassLoader());
        } catch (ClassNotFoundException written) { // written from a loaded class
            throw new IllegalStateException(written);
        }
        int count = getInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(getString());
        }
        return new JournalAnswer.Values(model, values);
    }

    private void putString(String text) {
        if (text == null) {
            putInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    private String getString() {
        int size = getInt();
        if (size < 0) {
            return null;
        }
        String text = new String(bytes, position, size, StandardCharsets.UTF_8);
        position += size;
        return text;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private long getLong() {
        return ((long) getInt() << 32) | (getInt() & 0xFFFF_FFFFL);
    }

    private void putInt(int value) {
        room(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private int getInt() {
        return (bytes[position++] & 0xFF) << 24 | (bytes[position++] & 0xFF) << 16 | (bytes[position++] & 0xFF) << 8
                | (bytes[position++] & 0xFF);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(256, Integer.highestOneBit(length + more - 1) << 1));
        }
    }
}
