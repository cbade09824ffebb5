package dev.dtscontract.contract;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints what the contract suite checked, so a CI log shows the coverage at a glance. */
public final class ContractSummaryListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Ledger.EXCHANGES.get() > 0) {
            System.out.println(Ledger.summary());
        }
    }
}
