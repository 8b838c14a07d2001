package org.opencrm.platform.api.ui;

import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The names, in the user's language, of the timeline entry types a module records ("POINTS_EARNED" → "积分获得"):
 * the customer timeline shows them instead of the code. Register it as an OSGi service (whiteboard), one per module;
 * {@code org.opencrm.ui.BundleTimelineTypes} reads them from the module's resource bundle.
 */
@ConsumerType
public interface TimelineTypes {
    /** The module whose entries these are ({@code TimelineEntry.moduleId}). */
    String moduleId();

    /** The type's name in the locale's language, or null when the module does not know the type. */
    String label(String type, Locale locale);
}
