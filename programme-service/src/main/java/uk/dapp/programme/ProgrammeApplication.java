package uk.dapp.programme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Drive- and Change-style programmes: referral to exit. */
@SpringBootApplication
public class ProgrammeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProgrammeApplication.class, args);
    }
}
