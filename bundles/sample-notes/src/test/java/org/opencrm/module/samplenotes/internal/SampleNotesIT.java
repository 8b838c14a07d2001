package org.opencrm.module.samplenotes.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opencrm.testsupport.CrmRestClient;
import org.opencrm.testsupport.paxexam.CrmContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * mvn verify -Pitest -Dcrm.distribution=.../opencrm-distribution-0.1.0-SNAPSHOT.tar.gz: boots that distribution
 * (opencrm-test-support's CrmContainerTest), uploads this build's KAR as an administrator does on the Modules page,
 * enables the module and calls its REST API as users of two stores. The test method runs inside the container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SampleNotesIT extends CrmContainerTest {
    @Test
    public void theModuleIsInstalledEnabledAndAnswersEachStoreWithItsOwnRecords() throws Exception {
        installModule(Path.of(System.getProperty("crm.module.kar")));
        enableModule(SampleNotesNames.ID);

        CrmRestClient admin = admin();
        long store = admin.createAccount("南山店", "STORE", null);
        long otherStore = admin.createAccount("福田店", "STORE", null);
        long customer = admin.createContact("王芳", "13800000001", store);
        CrmRestClient clerk = admin.createUser("clerk", "Clerk-pass-1", "agent", "STORE", null, store);
        CrmRestClient other = admin.createUser("other", "Other-pass-1", "agent", "STORE", null, otherStore);

        long id = clerk.post(SampleNotesNames.REST_PATH, CrmRestClient.json("contactId", customer, "title", "回访", "amount", new BigDecimal("12.50")))
                .expect(201).id();
        assertTrue(clerk.get(SampleNotesNames.REST_PATH + "/" + id).expect(200).body().contains("回访"));
        assertEquals("another store does not see it", 404, other.get(SampleNotesNames.REST_PATH + "/" + id).status());
        assertTrue(admin.get("contacts/" + customer + "/" + SampleNotesNames.REST_PATH).expect(200).body().contains("回访"));
    }
}
