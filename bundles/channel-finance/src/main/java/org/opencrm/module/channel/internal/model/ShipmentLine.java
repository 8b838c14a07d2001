package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** What a shipment carried of one order line; serial numbers (IMEIs) in CF_SHIPPED_UNIT. */
@Entity
@Table(name = "CF_SHIPMENT_LINE", indexes = { @Index(name = "CF_SHIPMENT_LINE_SHIPMENT", columnList = "SHIPMENTID") })
public class ShipmentLine {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SHIPMENT_LINE")
    @TableGenerator(name = "SHIPMENT_LINE", table = "CF_SEQUENCE", pkColumnValue = "SHIPMENT_LINE", allocationSize = 50)
    public Long id;
    public long shipmentId;
    public long orderLineId;
    @Column(length = 40)
    public String productCode;
    public int quantity;
    public long amountFen;
}
