package org.opencrm.module.repair.internal.model;

/** Where a service request came in. */
public enum RequestChannel {
    HOTLINE, WEB, STORE, SMS
}
