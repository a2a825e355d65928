package io.leadhouse.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request byte for byte over a plain socket, for the requests a well-behaved client never
 * makes, such as a body shorter than its {@code Content-Length}.
 */
public final class RawHttp {
    private static final int TIMEOUT_MILLIS = 5000;

    private RawHttp() {}

    /**
     * Writes {@code head} (request line and headers, CRLF-separated, without the blank line) and
     * then {@code body}, stops sending as a disconnecting client would, and returns the answer's
     * status line, or an empty text when the server closed without answering.
     */
    public static String statusLine(String url, String head, byte[] body) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            socket.shutdownOutput();
            return firstLine(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next != -1 && next != '\r' && next != '\n'; next = in.read()) {
            line.append((char) next);
        }
        return line.toString();
    }
}
