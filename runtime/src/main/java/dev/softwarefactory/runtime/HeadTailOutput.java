package dev.softwarefactory.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a command's output keeping its first quarter and its last three quarters of {@code limit}
 * bytes: test runners print their failure summary last, so a chatty test must not push it out.
 */
final class HeadTailOutput implements Runnable {
    private final InputStream in;
    private final int headLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private int tailStart;
    private int tailLength;
    private long dropped;

    HeadTailOutput(InputStream in, int limit) {
        this.in = in;
        this.headLimit = limit / 4;
        this.tail = new byte[limit - headLimit];
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                append(buffer, n);
            }
        } catch (IOException ignoredBecauseProcessEnded) {
            // the stream closes when the process is killed; what was read is kept
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        int toHead = Math.min(n, headLimit - head.size());
        head.write(buffer, 0, toHead);
        for (int i = toHead; i < n; i++) {
            if (tail.length == 0) {
                dropped++;
                continue;
            }
            if (tailLength == tail.length) {
                tailStart = (tailStart + 1) % tail.length;
                dropped++;
            } else {
                tailLength++;
            }
            tail[(tailStart + tailLength - 1) % tail.length] = buffer[i];
        }
    }

    synchronized String text() {
        byte[] kept = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            kept[i] = tail[(tailStart + i) % tail.length];
        }
        String headText = head.toString(StandardCharsets.UTF_8);
        if (dropped == 0) {
            return headText + new String(kept, StandardCharsets.UTF_8);
        }
        int from = 0;
        while (from < kept.length && (kept[from] & 0xC0) == 0x80) {
            from++;
        }
        return headText + "\n[... " + dropped + " bytes of output cut]\n"
                + new String(kept, from, kept.length - from, StandardCharsets.UTF_8);
    }
}
