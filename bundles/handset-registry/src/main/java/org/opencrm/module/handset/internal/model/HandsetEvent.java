package org.opencrm.module.handset.internal.model;

import java.time.Instant;

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

import org.opencrm.module.handset.api.HandsetStatus;

/** One row of a unit's history: every status or owner change, who made it, when, and why. Never updated. */
@Entity
@Table(name = "HS_EVENT", indexes = @Index(name = "HS_EVENT_HANDSET", columnList = "HANDSETID,ID"))
public class HandsetEvent {
    public static final String ID_TABLE = "HS_SEQUENCE";
    public static final String ID_SEQUENCE = "EVENT";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "handsetEventIds")
    @TableGenerator(name = "handsetEventIds", table = ID_TABLE, pkColumnValue = ID_SEQUENCE, allocationSize = 1000)
    public Long id;
    @Column(nullable = false)
    public Long handsetId;
    @Column(nullable = false)
    public Instant occurredAt;
    @Column(length = 64)
    public String actor;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    public EventType type;
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public HandsetStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public HandsetStatus toStatus;
    /** The owner after the event. */
    public Long contactId;
    /** The owner before, when it changed. */
    public Long previousContactId;
    public Long saleId;
    /** The other unit of an exchange. */
    public Long relatedHandsetId;
    /** CHANNEL_SHIPPED: the partner account the unit was shipped to. */
    public Long accountId;
    @Column(length = 500)
    public String note;
    /** Set when HQ overrode a rule (window, model); the rule and the reason. */
    @Column(length = 500)
    public String overrideReason;
}
