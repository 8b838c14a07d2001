package org.opencrm.platform.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/** A tab on the contact or account page (the 360-degree view), e.g. a contact's handsets or points. */
@ConsumerType
public interface RecordTab extends UiContribution {
    /** The page this tab belongs on. */
    enum Record {
        CONTACT, ACCOUNT
    }

    Record record();

    /** Creates the tab's content for one record; the shell has already checked the record is visible to the user. */
    Object createTab(UiContext context, long recordId);
}
