package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A serialised unit (IMEI) shipped to a partner. */
@Entity
@Table(name = "CF_SHIPPED_UNIT", indexes = { @Index(name = "CF_SHIPPED_UNIT_SERIAL", columnList = "SERIAL"), @Index(name = "CF_SHIPPED_UNIT_ACCOUNT", columnList = "ACCOUNTID") })
public class ShippedUnit {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SHIPPED_UNIT")
    @TableGenerator(name = "SHIPPED_UNIT", table = "CF_SEQUENCE", pkColumnValue = "SHIPPED_UNIT", allocationSize = 50)
    public Long id;
    public long shipmentId;
    public long accountId;
    @Column(length = 40)
    public String productCode;
    @Column(length = 40, nullable = false)
    public String serial;
}
