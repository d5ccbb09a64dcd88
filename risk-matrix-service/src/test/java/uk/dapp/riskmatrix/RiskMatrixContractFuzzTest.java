package uk.dapp.riskmatrix;

import uk.dapp.platform.testsupport.ContractFuzzTest;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class RiskMatrixContractFuzzTest extends ContractFuzzTest {}
