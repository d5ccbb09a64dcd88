package uk.dapp.riskmatrix;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The police offender manager's risk matrix: nominals, incidents, scores, cohort and routing. */
@SpringBootApplication
public class RiskMatrixApplication {

    public static void main(String[] args) {
        SpringApplication.run(RiskMatrixApplication.class, args);
    }
}
