package org.opencrm.platform.core.internal.model;

public enum Gender {
    MALE, FEMALE, UNKNOWN
}
