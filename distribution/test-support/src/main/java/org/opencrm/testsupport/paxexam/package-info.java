/**
 * Pax Exam on the assembled distribution, for the platform's suite (distribution/itests) and a module's own
 * integration test: {@link org.opencrm.testsupport.paxexam.CrmPaxExam#distribution()} gives the options that boot it,
 * {@link org.opencrm.testsupport.paxexam.CrmContainerTest} is the base class of a test that runs in it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.testsupport.paxexam;
