package uk.dapp.programme;

import uk.dapp.platform.testsupport.ContractConformanceTest;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class ProgrammeContractTest extends ContractConformanceTest {}
