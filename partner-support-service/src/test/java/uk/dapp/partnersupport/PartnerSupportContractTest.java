package uk.dapp.partnersupport;

import uk.dapp.platform.testsupport.ContractConformanceTest;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class PartnerSupportContractTest extends ContractConformanceTest {}
