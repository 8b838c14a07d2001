/**
 * The assembled distribution for tests outside the Pax Exam container: {@link org.opencrm.testsupport.KarafServer}
 * starts it as a process, {@link org.opencrm.testsupport.CrmRestClient} calls its REST API as one user. Exported so
 * that tests inside the container ({@link org.opencrm.testsupport.paxexam.CrmContainerTest}) use the same client.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.opencrm.testsupport;
