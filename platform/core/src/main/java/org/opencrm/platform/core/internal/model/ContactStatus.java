package org.opencrm.platform.core.internal.model;

public enum ContactStatus {
    ACTIVE, INACTIVE, MERGED
}
