package uk.dapp.partnersupport.firewall;

import uk.dapp.platform.risk.RiskLevel;

/**
 * All another professional may learn about partner support on a case. {@code currentRiskLevel} and
 * {@code contactMade} are null for an offender manager, who may know only that a track exists.
 */
record PartnerSupportSummary(String caseId, boolean trackExists, RiskLevel currentRiskLevel, Boolean contactMade) {}
