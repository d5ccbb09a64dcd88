package uk.dapp.demo.plan;

/** An offence of the risk matrix's current reference data: the plan draws incidents from these. */
public record Offence(String code, boolean crime, int harmDays) {}
