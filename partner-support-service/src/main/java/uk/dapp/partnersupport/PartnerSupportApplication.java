package uk.dapp.partnersupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Support for perpetrators' partners and ex-partners, behind a confidentiality firewall. */
@SpringBootApplication
public class PartnerSupportApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerSupportApplication.class, args);
    }
}
