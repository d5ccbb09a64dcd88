package uk.dapp.partnersupport.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.dapp.partnersupport.common.PartnerSupportProperties;

/** The field cipher from {@code dapp.partner-support.encryption}; a demo key outside the demo profile stops start-up. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    static final String DEMO_PROFILE = "demo";
    static final String DEMO_KEY_PREFIX = "demo-";

    @Bean
    FieldCipher fieldCipher(PartnerSupportProperties properties, Environment environment) {
        PartnerSupportProperties.Encryption encryption = properties.encryption();
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains(DEMO_PROFILE)
                || (environment.getActiveProfiles().length == 0
                        && Arrays.asList(environment.getDefaultProfiles()).contains(DEMO_PROFILE));
        if (!demo && encryption.keys().keySet().stream().anyMatch(id -> id.startsWith(DEMO_KEY_PREFIX))) {
            throw new IllegalStateException("a demo encryption key is configured outside the demo profile: "
                    + "configure real keys in dapp.partner-support.encryption.keys");
        }
        return FieldCipher.fromBase64(encryption.keys(), encryption.currentKey(), new SecureRandom());
    }
}
