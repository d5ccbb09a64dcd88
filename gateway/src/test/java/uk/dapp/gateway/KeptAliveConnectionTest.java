package uk.dapp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One kept-alive HTTP/1.1 connection carrying the evaluator's outcome operations (answered from a
 * worker thread, the extract streamed in chunks) interleaved with requests answered at once (401,
 * 403) and a request with a body. Every request must be answered on the same connection: a client
 * sends its next request the moment it has read a response, which can be before the server has
 * finished its own bookkeeping of that response. Reactor Netty before 1.3.8 then stopped reading
 * the connection (reactor/reactor-netty#4361): the gateway left the next request unanswered until
 * the client gave up.
 */
class KeptAliveConnectionTest extends GatewayTest {

    private static final int ROUNDS = 60;

    @Test
    void everyRequestOnOneConnectionIsAnsweredWhateverTheOrderOfStreamedAndImmediateAnswers() throws IOException {
        String evaluator = Tokens.forUser(UUID.randomUUID().toString(), "evaluator");
        String facilitator = Tokens.forUser(UUID.randomUUID().toString(), "facilitator");
        List<String> answered = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < ROUNDS; round++) {
                // the orders the role sweep produces: a streamed 200, then refusals and an anonymous write
                answered.add(exchange(out, in, "GET", "/api/outcomes/kpis", evaluator, null));
                answered.add(exchange(out, in, "GET", "/api/outcomes/kpis", facilitator, null));
                answered.add(exchange(out, in, "GET", "/api/outcomes/extract?format=csv", evaluator, null));
                answered.add(exchange(out, in, "POST", "/api/programme/referrals", null, "{}"));
                answered.add(exchange(out, in, "GET", "/api/outcomes/extract?format=json", evaluator, null));
                answered.add(exchange(out, in, "GET", "/api/outcomes/extract", null, null));
                answered.add(exchange(out, in, "GET", "/api/outcomes/kpis", evaluator, null));
                answered.add(exchange(out, in, "POST", "/api/programme/referrals", null, "{}"));
            }
        }
        assertThat(answered).hasSize(ROUNDS * 8);
        assertThat(answered.subList(0, 8)).containsExactly("200", "403", "200", "401", "200", "401", "200", "401");
    }

    /** Writes one request and reads its whole response (by length or by chunks); returns the status code. */
    private static String exchange(
            OutputStream out, InputStream in, String method, String path, String token, String json)
            throws IOException {
        StringBuilder request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        try {
            return readResponse(in);
        } catch (SocketTimeoutException e) {
            throw new AssertionError(method + " " + path + " was not answered on the kept-alive connection", e);
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        String status = statusLine.split(" ")[1];
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                in.readNBytes((int) size);
                line(in);
            }
            line(in); // the empty line after the last chunk
        } else if (length > 0) {
            in.readNBytes((int) length);
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the gateway");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
