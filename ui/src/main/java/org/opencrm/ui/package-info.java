/**
 * Building blocks for the Vaadin 8 views that modules contribute to the web shell: translated messages, lazy
 * paged grids over service pages, feedback and field errors from service exceptions, simple charts, and the
 * signed-in user of the current session. One place for these, so every module's screens behave alike.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.1")
package org.opencrm.ui;
