package id.berdaya.ui.components;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload handler that enforces a size limit on the server: a declared size over the limit
 * is refused before the body is read, and the body is read through a stream that stops with
 * {@link TooLarge} at the first byte past the limit, so an over-limit upload is never buffered
 * whole (the Upload component's {@code maxFileSize} is only a check in the browser). Vaadin's
 * own request and file size limits are set as well.
 */
public final class BoundedUploadHandler implements UploadHandler {

    /** Receives the upload's body, limited to the handler's maximum. */
    @FunctionalInterface
    public interface Receiver {
        void receive(UploadEvent event, InputStream body) throws IOException;
    }

    /** Thrown by the body stream at the first byte past the limit. */
    public static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("upload larger than " + max + " bytes");
        }
    }

    /** Room for the multipart framing around the file. */
    static final long FRAMING = 64 * 1024;
    private final long max;
    private final Receiver receiver;
    private final Runnable tooLarge;

    /**
     * @param tooLarge run in the upload's UI (under its lock) when the upload is refused
     */
    public BoundedUploadHandler(long max, Receiver receiver, Runnable tooLarge) {
        this.max = max;
        this.receiver = receiver;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        if (event.getFileSize() > max) {
            refuse(event);
            return;
        }
        try (InputStream body = limited(event.getInputStream(), max)) {
            receiver.receive(event, body);
        } catch (TooLarge e) {
            refuse(event);
        }
    }

    private void refuse(UploadEvent event) {
        event.reject("too large");
        event.getUI().access(tooLarge::run);
    }

    @Override
    public long getRequestSizeMax() {
        return max + FRAMING;
    }

    @Override
    public long getFileSizeMax() {
        return max;
    }

    /** The stream, ending with {@link TooLarge} when more than {@code max} bytes are read from it. */
    public static InputStream limited(InputStream in, long max) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++count > max) {
                    throw new TooLarge(max);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                // never ask the source for more than one byte past the limit
                int n = super.read(buffer, offset, (int) Math.min(length, max + 1 - count));
                if (n > 0) {
                    count += n;
                    if (count > max) {
                        throw new TooLarge(max);
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
            }
        };
    }
}
