package org.opencrm.platform.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A count of work waiting for the user (approvals to decide, overdue requests, overdue activities), shown as a badge on
 * a menu entry. Register as a whiteboard service; the shell asks when it draws the menu and after each navigation,
 * so {@link #count} must be one cheap count query within the user's permissions and data scope.
 *
 * @since 1.3
 */
@ConsumerType
public interface PendingWork {
    /** The id of the navigation entry whose menu item carries the badge. */
    String entryId();

    /** How many items wait for this user; 0 shows no badge. */
    long count(UiContext context);
}
