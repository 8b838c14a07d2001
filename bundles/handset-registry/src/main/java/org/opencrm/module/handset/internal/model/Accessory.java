package org.opencrm.module.handset.internal.model;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.opencrm.module.handset.api.AccessoryType;

/** An accessory on a warranty card, with its own warranty end. */
@Entity
@Table(name = "HS_ACCESSORY", indexes = @Index(name = "HS_ACCESSORY_SALE", columnList = "SALEID"))
public class Accessory {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "handsetAccessoryIds")
    @TableGenerator(name = "handsetAccessoryIds", table = "HS_SEQUENCE", pkColumnValue = "ACCESSORY", allocationSize = 200)
    public Long id;
    @Column(nullable = false)
    public Long saleId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    public AccessoryType type;
    @Column(length = 64)
    public String code;
    /** Last day covered (inclusive). */
    @Column(nullable = false)
    public LocalDate warrantyUntil;
}
