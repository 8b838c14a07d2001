package org.opencrm.platform.api.ui;

import java.util.Locale;

import org.opencrm.platform.api.security.CrmUser;

/** Who is looking, in which language: given to every factory so contributions check permissions and scopes. */
public record UiContext(CrmUser user, Locale locale) {
}
