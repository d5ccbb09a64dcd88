package uk.dapp.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.gateway.correlation.CorrelationId;
import uk.dapp.gateway.security.SecurityHeaders;

/**
 * Requests that never reach the gateway's filters, because they cannot be decoded: a request line
 * (a URL over the limit) or headers too large, which Reactor Netty answered itself (414 or 431), and
 * a URL that is not a valid URI (a malformed percent-encoding such as {@code %zz}), which Spring's
 * adapter answered itself (400); each with an empty body and no security headers. Placed just after
 * the HTTP codec, this answers such a request as every other refusal, problem+json with a
 * correlation ID and the security headers, then closes the connection (the rest of the request
 * cannot be read). Every other message passes on untouched.
 */
public final class DecodingFailureHandler extends ChannelInboundHandlerAdapter {

    private final JsonMapper json;
    private boolean failed;

    public DecodingFailureHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (failed) {
            // what follows a refused request on the same connection is dropped with it
            ReferenceCountUtil.release(message);
            return;
        }
        DecoderResult result = message instanceof HttpObject http ? http.decoderResult() : null;
        HttpResponseStatus status = result == null || result.isSuccess()
                ? null
                : result.cause() instanceof TooLongHttpLineException
                        ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                        : result.cause() instanceof TooLongHttpHeaderException
                                ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                                : null;
        String invalidPart =
                status == null && message instanceof HttpRequest request ? invalidUriPart(request.uri()) : null;
        if (status == null && invalidPart == null) {
            context.fireChannelRead(message);
            return;
        }
        failed = true;
        ReferenceCountUtil.release(message);
        FullHttpResponse answer = invalidPart != null
                ? problem(
                        HttpResponseStatus.BAD_REQUEST,
                        "Invalid request",
                        invalidPart + ": not a valid URI",
                        Map.of(
                                "field",
                                invalidPart,
                                "rule",
                                "UriForm",
                                "message",
                                "holds a malformed percent-encoding or a character that must be encoded"))
                : problem(
                        status,
                        status.reasonPhrase(),
                        status.code() == HttpResponseStatus.REQUEST_URI_TOO_LONG.code()
                                ? "The request line is longer than the gateway accepts; send fewer or shorter query parameters"
                                : "The request headers are larger than the gateway accepts",
                        null);
        context.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    /** {@code path} or {@code query} when that part is not a valid URI (as Spring would parse it), else null. */
    static String invalidUriPart(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            int query = uri.indexOf('?');
            if (query < 0) {
                return "path";
            }
            try {
                new URI(uri.substring(0, query));
                return "query";
            } catch (URISyntaxException inPath) {
                return "path";
            }
        }
    }

    private FullHttpResponse problem(
            HttpResponseStatus status, String title, String detail, Map<String, String> error) {
        String correlationId = UUID.randomUUID().toString();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.code());
        problem.put("detail", detail);
        problem.put("correlationId", correlationId);
        if (error != null) {
            problem.put("errors", java.util.List.of(error));
        }
        byte[] body = json.writeValueAsBytes(problem);
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(CorrelationId.HEADER, correlationId);
        SecurityHeaders.writeTo(response.headers()::set);
        return response;
    }
}
