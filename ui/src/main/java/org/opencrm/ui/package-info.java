/**
 * Building blocks for the Vaadin 8 views that modules contribute to the web shell: translated messages, lazy
 * paged grids over service pages, feedback and field errors from service exceptions, simple charts, and the
 * signed-in user of the current session; base classes for menu entries, record tabs and dashboard widgets
 * ({@link org.opencrm.ui.BaseMenuEntry}, {@link org.opencrm.ui.BaseRecordTab}, {@link org.opencrm.ui.BaseDashboardWidget}) and
 * record pickers ({@link org.opencrm.ui.RecordPicker}) and the confirmation of irreversible actions
 * ({@link org.opencrm.ui.Confirm}, since 1.4) and a date field that takes the forms staff type ({@link org.opencrm.ui.DateInput}, since 1.4) and 省/市/区 cascading selects ({@link org.opencrm.ui.DivisionSelects}, since 1.6). One place for these, so every module's screens behave alike.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.opencrm.ui;
