package uk.dapp.e2e.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the neutral site "Exit this page" leaves for (in use, GOV.UK's example: a weather
 * page), served on 127.0.0.1 so that the browser tests need no internet and can see where the page
 * went: one page that says nothing about the service.
 */
public final class NeutralSite {

    private static final byte[] PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Weather forecast</title></head>
            <body><h1>Weather forecast</h1><p>Sunny spells, light winds.</p></body></html>""".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    NeutralSite(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/weather", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, PAGE.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(PAGE);
            }
        });
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/weather";
    }
}
