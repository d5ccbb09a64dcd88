package uk.dapp.programme;

import uk.dapp.platform.testsupport.ContractFuzzTest;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class ProgrammeContractFuzzTest extends ContractFuzzTest {}
