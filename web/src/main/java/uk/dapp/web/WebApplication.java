package uk.dapp.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The practitioners' web app: server-rendered GOV.UK pages, signed in with Keycloak, every read and
 * write a call to the gateway's {@code /api} with the signed-in user's own token (ADR 0011).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
