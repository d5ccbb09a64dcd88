package uk.dapp.partnersupport;

import uk.dapp.platform.testsupport.ContractFuzzTest;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class PartnerSupportContractFuzzTest extends ContractFuzzTest {}
