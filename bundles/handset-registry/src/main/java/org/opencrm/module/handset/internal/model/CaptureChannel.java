package org.opencrm.module.handset.internal.model;

/** Who entered the warranty card. */
public enum CaptureChannel {
    STORE_CLERK, HOTLINE, SELF_SERVICE_WEB, SERVICE_OUTLET
}
