package uk.dapp.riskmatrix;

import uk.dapp.platform.testsupport.ContractConformanceTest;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class RiskMatrixContractTest extends ContractConformanceTest {}
