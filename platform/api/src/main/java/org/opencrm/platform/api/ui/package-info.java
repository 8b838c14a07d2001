/**
 * Whiteboard extension points of the web shell: navigation entries with their views, tabs on the contact and
 * account pages, dashboard widgets, header searches ({@link org.opencrm.platform.api.ui.HeaderSearch}) and badges of pending work
 * ({@link org.opencrm.platform.api.ui.PendingWork}). Register them as OSGi services; they appear in open sessions when the
 * module starts and vanish when it stops. This package stays free of UI-toolkit types so that the platform API
 * does not tie ISVs to one UI library version: the factory methods return the component of the shell in use,
 * which for the Vaadin 8 shell of ui/ is a {@code com.vaadin.ui.Component}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.opencrm.platform.api.ui;
