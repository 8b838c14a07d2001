package org.opencrm.platform.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A module that registered a ContactReferences service once: while it is disabled its references to contacts cannot
 * be asked, so contacts are not deleted then.
 */
@Entity
@Table(name = "CRM_CONTACT_REF_HOLDER")
public class ContactReferenceHolder {
    @Id
    @Column(length = 64)
    public String moduleId;
    public Instant firstSeen;
}
