package org.opencrm.platform.api.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.opencrm.platform.api.PayloadTooLargeException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How large an import may be, for every module's CSV import: configured once for the deployment in
 * {@code etc/org.opencrm.import.cfg} ({@code maxBytes}, default 50 MiB). The core registers one service; an import
 * endpoint checks the declared length with {@link #checkLength(long)} before reading anything and reads the body
 * through {@link #limit(InputStream)}, which fails with a 413 ({@link PayloadTooLargeException}) as soon as more was
 * sent than allowed, so a huge or endless body is never buffered.
 */
@ProviderType
public interface ImportLimits {
    /** The configuration PID. */
    String PID = "org.opencrm.import";
    /** The default limit: 50 MiB (about 400,000 contacts of typical width). */
    long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    /** The largest import body accepted, in bytes. */
    long maxBytes();

    /** The refusal for a body over the limit. */
    default PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("body", maxBytes(), "maxBytes in etc/" + PID + ".cfg");
    }

    /** 413 at once when the declared length ({@code Content-Length}, negative when unknown) is over the limit. */
    default void checkLength(long contentLength) {
        if (contentLength > maxBytes()) {
            throw tooLarge();
        }
    }

    /** The body, read through a counter that fails with {@link #tooLarge()} once more than {@link #maxBytes()} arrived. */
    default InputStream limit(InputStream body) {
        long max = maxBytes();
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                count(skipped);
                return skipped;
            }

            private void count(long n) {
                read += n;
                if (read > max) {
                    throw tooLarge();
                }
            }
        };
    }
}
