package org.opencrm.module.handset.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Every IMEI of every unit, one row each. Its primary key makes an IMEI unique across both slots (a dual-SIM unit's
 * second IMEI can never be another unit's first), which two per-column constraints cannot guarantee under
 * concurrent registrations.
 */
@Entity
@Table(name = "HS_IMEI")
public class HandsetImei {
    public static final String TABLE = "HS_IMEI";

    @Id
    @Column(length = 15)
    public String imei;
    @Column(nullable = false)
    public Long handsetId;
    /** 1 or 2. */
    public int slot;
}
