package uk.dapp.programme.referral;

public enum RiskLevel {
    STANDARD, MEDIUM, HIGH
}
