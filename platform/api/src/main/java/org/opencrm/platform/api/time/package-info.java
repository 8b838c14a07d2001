/**
 * The business calendar: the one configured time zone behind every "today", day boundary, default date range and
 * displayed time, so that days are Beijing days (by default) whatever zone the server's clock is set to.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.platform.api.time;
