package uk.dapp.partnersupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import uk.dapp.partnersupport.common.PartnerSupportProperties;

/** Support for perpetrators' partners and ex-partners, behind a confidentiality firewall. */
@SpringBootApplication
@EnableConfigurationProperties(PartnerSupportProperties.class)
public class PartnerSupportApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerSupportApplication.class, args);
    }
}
