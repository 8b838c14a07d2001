package org.opencrm.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * Every integration test class against one booted distribution: Surefire runs each class as its own JUnit run,
 * which ends a PerSuite container, so the classes are grouped here (one boot instead of one per class).
 * Add new *IT classes to this list.
 */
@RunWith(Suite.class)
@SuiteClasses({ ContactsApiIT.class, DataScopeIT.class, ModulesIT.class, ShellCommandsIT.class, HandsetRegistryIT.class,
        MembershipIT.class, RepairPartsIT.class, ChannelFinanceIT.class, SecurityIT.class, DataHardeningIT.class,
        ModuleSdkIT.class, FranchiseAuditIT.class, HealthIT.class, ClusterIT.class, HeadlessCoreIT.class })
public class IntegrationSuite {
}
