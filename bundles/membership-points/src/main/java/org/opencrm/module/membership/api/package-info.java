/**
 * The membership module's API: the notification sender whiteboard (plug an SMS or e-mail gateway in by publishing a
 * {@link org.opencrm.module.membership.api.NotificationSender} service) and the EventAdmin topics the module posts.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.module.membership.api;
