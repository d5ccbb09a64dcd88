package uk.dapp.gateway.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem+json the gateway answers to a request line or headers too large to decode
 * ({@link DecodingFailureHandler}); the limits are {@code server.netty.max-initial-line-length}
 * and {@code server.max-http-request-header-size} (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class DecodingFailureConfiguration {

    @Bean
    NettyServerCustomizer decodingFailures(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                        .addAfter(NettyPipeline.HttpCodec, "dapp.decodingFailures", new DecodingFailureHandler(json));
            }
        });
    }
}
